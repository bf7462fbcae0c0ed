//! The CSV rows qkit writes for scores and change: the columns (a contract other tools rely on),
//! numbers with fixed decimals, and cells made safe to open in a spreadsheet. The CLI and the
//! assessor's screens write the same rows through these functions.
//!
//! Numbers have fixed decimals so files diff cleanly: item means, z-scores, RCIs, SDs and alphas
//! 3 decimals; scores, T-scores, percentiles, means of scores and differences 2. A value that
//! does not exist (no score, no norm) is an empty cell.

use crate::change::ScaleChange;
use crate::report::{QualityFlag, ScaleScore, ScoreReport};

/// The columns of a score row (`qkit score`).
pub const SCORE_COLUMNS: [&str; 15] = [
    "respondent",
    "scale",
    "n_items",
    "n_answered",
    "raw_sum",
    "item_mean",
    "score",
    "status",
    "z",
    "t",
    "percentile",
    "percentile_basis",
    "norm_cautions",
    "band",
    "flags",
];

/// The columns of a change row (`qkit change`).
pub const CHANGE_COLUMNS: [&str; 12] = [
    "respondent",
    "scale",
    "pair",
    "from",
    "to",
    "diff",
    "method",
    "threshold",
    "rci",
    "reliable",
    "cutoff",
    "category",
];

/// One score row (see [`SCORE_COLUMNS`]) for one scale of a report.
pub fn score_row(respondent: &str, s: &ScaleScore, report: &ScoreReport) -> [String; 15] {
    let norm = s.norm.as_ref();
    [
        spreadsheet_safe(respondent),
        spreadsheet_safe(&s.scale),
        s.n_items.to_string(),
        s.n_answered.to_string(),
        s.raw_sum.to_string(),
        fixed_or_empty(s.item_mean, 3),
        fixed_or_empty(s.score, 2),
        s.status.to_string(),
        fixed_or_empty(norm.map(|n| n.z), 3),
        fixed_or_empty(norm.map(|n| n.t), 2),
        fixed_or_empty(norm.and_then(|n| n.percentile), 2),
        norm.map(|n| n.percentile_basis.key())
            .unwrap_or_default()
            .to_owned(),
        norm.map(|n| {
            let keys: Vec<&str> = n.cautions.iter().map(|c| c.key()).collect();
            keys.join(";")
        })
        .unwrap_or_default(),
        spreadsheet_safe(s.band.as_deref().unwrap_or_default()),
        spreadsheet_safe(&flags_cell(&s.scale, report)),
    ]
}

/// One change row (see [`CHANGE_COLUMNS`]).
pub fn change_row(respondent: &str, c: &ScaleChange) -> [String; 12] {
    [
        spreadsheet_safe(respondent),
        spreadsheet_safe(&c.scale),
        c.pair.key().to_owned(),
        fixed_or_empty(c.from, 2),
        fixed_or_empty(c.to, 2),
        fixed_or_empty(c.diff, 2),
        c.basis
            .as_ref()
            .map(|b| spreadsheet_safe(&b.key()))
            .unwrap_or_default(),
        fixed_or_empty(c.basis.as_ref().map(|b| b.threshold()), 2),
        fixed_or_empty(c.rci, 3),
        c.reliable.map(|r| r.to_string()).unwrap_or_default(),
        fixed_or_empty(c.clinical_cutoff.as_ref().map(|x| x.cutoff), 2),
        c.outcome.to_string(),
    ]
}

/// The `flags` cell of one scale's row: the report's response-quality flags (`straight_lining`
/// and `validity_concern` only on the scale they were seen on), then `revisit:<item>` and `alert:<item>`, `;`-separated.
pub fn flags_cell(scale: &str, report: &ScoreReport) -> String {
    let quality = report.flags.iter().filter_map(|f| match f {
        QualityFlag::StraightLining { scale: s, .. }
        | QualityFlag::ValidityConcern { scale: s, .. }
            if s != scale =>
        {
            None
        }
        f => Some(f.key().to_owned()),
    });
    let revisit = report.revisit.iter().map(|i| format!("revisit:{i}"));
    let alerts = report.alerts.iter().map(|a| format!("alert:{}", a.item));
    quality
        .chain(revisit)
        .chain(alerts)
        .collect::<Vec<_>>()
        .join(";")
}

/// `x` with `decimals` decimals; never `-0.00`.
pub fn fixed(x: f64, decimals: usize) -> String {
    let s = format!("{x:.decimals$}");
    match s.strip_prefix('-') {
        Some(rest) if rest.bytes().all(|b| b == b'0' || b == b'.') => rest.to_owned(),
        _ => s,
    }
}

/// [`fixed`], or an empty cell for `None`.
pub fn fixed_or_empty(x: Option<f64>, decimals: usize) -> String {
    x.map(|x| fixed(x, decimals)).unwrap_or_default()
}

/// A text cell as written to a CSV file that may be opened in a spreadsheet: a cell starting
/// with `=`, `+`, `-`, `@`, a tab or a carriage return would be run as a formula, so it gets a
/// leading `'` (the usual guard). Plain numbers such as `-1.25` are left alone: they are not
/// formulas.
pub fn spreadsheet_safe(cell: &str) -> String {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && !is_plain_number(cell) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

/// An optional sign, digits, and at most one decimal point with digits after it.
fn is_plain_number(s: &str) -> bool {
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    let all_digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    match digits.split_once('.') {
        Some((int, frac)) => all_digits(int) && all_digits(frac),
        None => all_digits(digits),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_decimals_without_negative_zero() {
        assert_eq!(fixed(-0.0001, 2), "0.00");
        assert_eq!(fixed(-0.006, 2), "-0.01");
        assert_eq!(fixed(14.0, 2), "14.00");
        assert_eq!(fixed(2.0857142, 3), "2.086");
    }

    #[test]
    fn cells_that_would_be_formulas_are_escaped_and_numbers_are_not() {
        for (cell, out) in [
            ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
            ("+1+2", "'+1+2"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("-", "'-"),
            ("-.5", "'-.5"),
            ("-1.", "'-1."),
            ("-1.25", "-1.25"),
            ("+3", "+3"),
            ("-12", "-12"),
            ("A1234BC", "A1234BC"),
            ("a=b", "a=b"),
            ("", ""),
        ] {
            assert_eq!(spreadsheet_safe(cell), out, "{cell:?}");
        }
    }
}
