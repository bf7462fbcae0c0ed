//! The cohort table's legend, so a row fits on one line: each band is shown by a short code (a
//! letter, A for the lowest band of its scale) with its colour, and the legend gives, per scale
//! column shown, each code's full label, what the bands are read from (the score or the
//! T-score) and the norm groups its T-scores are against. A band read from the raw score can sit
//! beside a T against another group; the legend says each basis.

use super::cohort::{Cell, Table};
use qkit_questionnaires::{BandBasis, Kit};

/// The short code of band `band` of a scale: its place in the scale's bands as a letter (A for
/// the lowest), or `None` when the scale has no such band.
pub fn band_code(kit: &Kit, questionnaire: &str, scale: &str, band: &str) -> Option<char> {
    let bands = &kit
        .questionnaire(questionnaire)?
        .scale(scale)?
        .bands
        .as_ref()?
        .bands;
    let i = bands.iter().position(|b| b.id == band)?;
    // A scale with more than 26 bands would need two letters; no definition comes near.
    u8::try_from(i)
        .ok()
        .filter(|i| *i < 26)
        .map(|i| char::from(b'A' + i))
}

/// The legend of one scale column.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnLegend {
    /// The column's index in the table.
    pub column: usize,
    /// What the bands are read from; `None` when the scale has no bands.
    pub basis: Option<BandBasis>,
    /// Each band's code and id, lowest first.
    pub bands: Vec<(char, String)>,
    /// The ids of the norm groups the column's T-scores are against, as they first appear.
    pub norms: Vec<String>,
}

/// The legend of the columns `shown` (those with bands or T-scores), in order.
pub fn legend(kit: &Kit, table: &Table, shown: &[usize]) -> Vec<ColumnLegend> {
    shown
        .iter()
        .filter_map(|&i| {
            let c = table.columns.get(i)?;
            let bands = kit
                .questionnaire(&c.questionnaire)
                .and_then(|q| q.scale(&c.scale))
                .and_then(|s| s.bands.as_ref());
            let mut norms: Vec<String> = Vec::new();
            for row in &table.rows {
                if let Some(Cell::Scored(s)) = row.cells.get(i) {
                    if let Some(n) = s.norm.as_ref().filter(|n| !norms.contains(&n.norm)) {
                        norms.push(n.norm.clone());
                    }
                }
            }
            let codes = bands.map_or_else(Vec::new, |b| {
                b.bands
                    .iter()
                    .filter_map(|band| {
                        let code = band_code(kit, &c.questionnaire, &c.scale, &band.id)?;
                        Some((code, band.id.clone()))
                    })
                    .collect()
            });
            (!codes.is_empty() || !norms.is_empty()).then(|| ColumnLegend {
                column: i,
                basis: bands.map(|b| b.basis),
                bands: codes,
                norms,
            })
        })
        .collect()
}
