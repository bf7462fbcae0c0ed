//! The cohort table: one row per participant and programme at his latest timepoint, a column per
//! scale (score, T-score, band), his sites and his flags; sorting and filtering by programme,
//! site, band and flag.

use super::people::{attendance_of, latest_record, outdated, record_date};
use super::Key;
use qkit_allocation::Date;
use qkit_export::RecordSet;
use qkit_questionnaires::{Kit, ScaleKind, Timepoint};
use qkit_scoring::{QualityFlag, ScaleScore, ScoreStatus};
use std::cmp::Ordering;

/// A scale column: questionnaire and scale ids.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub questionnaire: String,
    pub scale: String,
}

/// One cell of a scale column.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// The latest record has no such questionnaire.
    NotTaken,
    /// Answered under another definition: kept, not scored.
    Outdated,
    /// The latest record is an unfinished sitting (out of a rescue file): answers so far, no
    /// report, so not scored.
    Unfinished,
    /// Scored (or not scorable), as the report says.
    Scored(Box<ScaleScore>),
}

impl Cell {
    /// The score, when there is one.
    pub fn score(&self) -> Option<f64> {
        match self {
            Cell::Scored(s) => s.score,
            _ => None,
        }
    }

    /// The band id, when there is one.
    pub fn band(&self) -> Option<&str> {
        match self {
            Cell::Scored(s) => s.band.as_deref(),
            _ => None,
        }
    }
}

/// Kinds of flag shown in the table, most urgent first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FlagKind {
    /// An answer staff must follow up (e.g. PHQ-9 item 9).
    Alert,
    /// A score in a band that puts the answers in doubt (a BIS-11 total below 52).
    ValidityConcern,
    TooFast,
    StraightLining,
    InconsistentPairs,
    HighMissingness,
    /// Scored items answered in an easy-read wording.
    AdaptedWording,
    /// Items answered "I don't understand".
    Revisit,
}

impl FlagKind {
    /// Every kind, in display order.
    pub const ALL: [FlagKind; 8] = [
        FlagKind::Alert,
        FlagKind::ValidityConcern,
        FlagKind::TooFast,
        FlagKind::StraightLining,
        FlagKind::InconsistentPairs,
        FlagKind::HighMissingness,
        FlagKind::AdaptedWording,
        FlagKind::Revisit,
    ];

    /// A stable key (`alert`, `too_fast`, …), as in the scores CSV.
    pub fn key(self) -> &'static str {
        match self {
            FlagKind::Alert => "alert",
            FlagKind::TooFast => "too_fast",
            FlagKind::StraightLining => "straight_lining",
            FlagKind::InconsistentPairs => "inconsistent_pairs",
            FlagKind::HighMissingness => "high_missingness",
            FlagKind::ValidityConcern => "validity_concern",
            FlagKind::AdaptedWording => "adapted_wording",
            FlagKind::Revisit => "revisit",
        }
    }

    /// Parses [`FlagKind::key`].
    pub fn from_key(key: &str) -> Option<FlagKind> {
        FlagKind::ALL.into_iter().find(|k| k.key() == key)
    }

    fn of(flag: &QualityFlag) -> FlagKind {
        match flag {
            QualityFlag::TooFast { .. } => FlagKind::TooFast,
            QualityFlag::StraightLining { .. } => FlagKind::StraightLining,
            QualityFlag::InconsistentPairs { .. } => FlagKind::InconsistentPairs,
            QualityFlag::HighMissingness { .. } => FlagKind::HighMissingness,
            QualityFlag::ValidityConcern { .. } => FlagKind::ValidityConcern,
            QualityFlag::AdaptedWording { .. } => FlagKind::AdaptedWording,
        }
    }
}

/// A flag on a participant's latest record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flag {
    pub kind: FlagKind,
    pub questionnaire: String,
    /// How many (items to revisit, alerts); 1 for the others.
    pub count: usize,
}

/// One participant on one programme.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub key: Key,
    pub latest: Timepoint,
    /// The day the latest record was completed.
    pub date: Option<Date>,
    /// Site codes he said he can get to.
    pub sites: Vec<String>,
    /// One per column of the table.
    pub cells: Vec<Cell>,
    /// Most urgent first.
    pub flags: Vec<Flag>,
}

impl Row {
    /// Whether he has a flag of this kind.
    pub fn has(&self, kind: FlagKind) -> bool {
        self.flags.iter().any(|f| f.kind == kind)
    }
}

/// The table of every participant in a record set.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

/// Builds the table: columns are the scales of the questionnaires in the rows' latest records,
/// in the order the kit's batteries first list them.
pub fn table(kit: &Kit, set: &RecordSet) -> Table {
    let order = questionnaire_order(kit);
    let mut columns: Vec<Column> = Vec::new();
    let mut latest = Vec::new();
    for (participant, programme, records) in set.people() {
        let Some((t, imported)) = latest_record(records) else {
            continue;
        };
        for result in &imported.record.questionnaires {
            let Some(q) = kit.questionnaire(&result.id).filter(|q| q.is_scored()) else {
                continue;
            };
            for scale in &q.scales {
                let column = Column {
                    questionnaire: q.id.clone(),
                    scale: scale.id.clone(),
                };
                if !columns.contains(&column) {
                    columns.push(column);
                }
            }
        }
        latest.push((Key::new(participant, programme), t, imported, records));
    }
    let rank = |c: &Column| {
        let q = order.iter().position(|id| *id == c.questionnaire);
        let s = kit
            .questionnaire(&c.questionnaire)
            .and_then(|q| q.scales.iter().position(|s| s.id == c.scale));
        (q, s)
    };
    columns.sort_by_key(rank);
    let rows = latest
        .into_iter()
        .map(|(key, t, imported, records)| {
            let record = &imported.record;
            let cells = columns
                .iter()
                .map(|c| {
                    let Some(result) = record
                        .questionnaires
                        .iter()
                        .find(|q| q.id == c.questionnaire)
                    else {
                        return Cell::NotTaken;
                    };
                    if outdated(result, kit.questionnaire(&result.id)) {
                        return Cell::Outdated;
                    }
                    if record.is_unfinished() && result.report.is_none() {
                        return Cell::Unfinished;
                    }
                    result
                        .report
                        .as_ref()
                        .and_then(|r| r.scales.iter().find(|s| s.scale == c.scale))
                        .map_or(Cell::NotTaken, |s| Cell::Scored(Box::new(s.clone())))
                })
                .collect();
            let mut flags = Vec::new();
            for report in record
                .questionnaires
                .iter()
                .filter_map(|q| q.report.as_ref())
            {
                let q = &report.questionnaire;
                let mut push = |kind, count| {
                    if count > 0 {
                        flags.push(Flag {
                            kind,
                            questionnaire: q.clone(),
                            count,
                        });
                    }
                };
                push(FlagKind::Alert, report.alerts.len());
                for f in &report.flags {
                    push(FlagKind::of(f), 1);
                }
                push(FlagKind::Revisit, report.revisit.len());
            }
            flags.sort_by_key(|f| f.kind);
            Row {
                key,
                latest: t,
                date: record_date(record),
                sites: attendance_of(kit, records).sites,
                cells,
                flags,
            }
        })
        .collect();
    Table { columns, rows }
}

/// The columns to show: every scale, or only totals (and scales of questionnaires without a
/// total) when `subscales` is off.
pub fn shown_columns(kit: &Kit, table: &Table, subscales: bool) -> Vec<usize> {
    (0..table.columns.len())
        .filter(|&i| {
            let c = &table.columns[i];
            let Some(q) = kit.questionnaire(&c.questionnaire) else {
                return true;
            };
            let has_total = q.scales.iter().any(|s| s.kind == ScaleKind::Total);
            subscales || !has_total || q.scale(&c.scale).is_none_or(|s| s.kind == ScaleKind::Total)
        })
        .collect()
}

/// Questionnaire ids in the order the kit's batteries first list them.
fn questionnaire_order(kit: &Kit) -> Vec<&str> {
    let mut order: Vec<&str> = Vec::new();
    for p in &kit.programmes {
        for t in Timepoint::ALL {
            for id in p.battery(t) {
                if !order.contains(&id.as_str()) {
                    order.push(id);
                }
            }
        }
    }
    order
}

/// What the table is sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortBy {
    Participant,
    Programme,
    Timepoint,
    Site,
    /// A scale column, by score.
    Scale(usize),
    /// Number of flags.
    Flags,
}

/// A sort order: a column and a direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    pub by: SortBy,
    pub descending: bool,
}

impl Default for Sort {
    fn default() -> Self {
        Sort {
            by: SortBy::Participant,
            descending: false,
        }
    }
}

impl Sort {
    /// The sort after the user chooses `by`: the same column flips direction; a new one sorts
    /// ascending, except scores and flags, which start with the highest.
    pub fn toggle(self, by: SortBy) -> Sort {
        if self.by == by {
            Sort {
                by,
                descending: !self.descending,
            }
        } else {
            Sort {
                by,
                descending: matches!(by, SortBy::Scale(_) | SortBy::Flags),
            }
        }
    }
}

/// A band in one scale column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BandFilter {
    pub column: usize,
    pub band: String,
}

/// Which rows to show; `None` shows all.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    pub programme: Option<String>,
    pub site: Option<String>,
    pub band: Option<BandFilter>,
    pub flag: Option<FlagKind>,
}

impl Filter {
    /// Whether a row passes.
    pub fn keeps(&self, row: &Row) -> bool {
        self.programme
            .as_ref()
            .is_none_or(|p| *p == row.key.programme)
            && self.site.as_ref().is_none_or(|s| row.sites.contains(s))
            && self.band.as_ref().is_none_or(|b| {
                row.cells
                    .get(b.column)
                    .and_then(Cell::band)
                    .is_some_and(|x| x == b.band)
            })
            && self.flag.is_none_or(|k| row.has(k))
    }
}

/// The indexes of the rows to show, filtered and sorted (ties by participant, then programme).
pub fn view(table: &Table, filter: &Filter, sort: Sort) -> Vec<usize> {
    let mut shown: Vec<usize> = (0..table.rows.len())
        .filter(|&i| filter.keeps(&table.rows[i]))
        .collect();
    shown.sort_by(|&a, &b| {
        let (ra, rb) = (&table.rows[a], &table.rows[b]);
        let primary = compare(ra, rb, sort.by);
        let primary = if sort.descending {
            primary.reverse()
        } else {
            primary
        };
        primary.then_with(|| ra.key.cmp(&rb.key))
    });
    // A row without a value sorts last whichever the direction.
    if let SortBy::Scale(c) = sort.by {
        shown.sort_by_key(|&i| table.rows[i].cells.get(c).and_then(Cell::score).is_none());
    }
    shown
}

fn compare(a: &Row, b: &Row, by: SortBy) -> Ordering {
    match by {
        SortBy::Participant => a.key.participant.cmp(&b.key.participant),
        SortBy::Programme => a.key.programme.cmp(&b.key.programme),
        SortBy::Timepoint => a.latest.cmp(&b.latest),
        SortBy::Site => a.sites.first().cmp(&b.sites.first()),
        SortBy::Scale(c) => {
            let score = |r: &Row| r.cells.get(c).and_then(Cell::score);
            score(a).partial_cmp(&score(b)).unwrap_or(Ordering::Equal)
        }
        SortBy::Flags => a.flags.len().cmp(&b.flags.len()),
    }
}

/// Whether a scale was scored with missing answers made up by prorating.
pub fn prorated(cell: &Cell) -> bool {
    matches!(cell, Cell::Scored(s) if s.status == ScoreStatus::Prorated)
}
