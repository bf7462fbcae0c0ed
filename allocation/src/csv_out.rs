//! Writing an allocation as CSV: `group,participant,start,delivery,reasons`, group places first
//! (by group, start, participant), then 1:1, then not recommended (each by participant). A cell
//! that a spreadsheet would run as a formula is written with a leading `'`.

use crate::output::{Allocation, GroupSummary, Outcome};
use csv::Writer;
use qkit_scoring::csv_rows::spreadsheet_safe;

/// The allocation CSV's columns.
pub const ALLOCATION_COLUMNS: [&str; 5] = ["group", "participant", "start", "delivery", "reasons"];

/// The allocation as CSV text.
pub fn write_allocation(allocation: &Allocation) -> String {
    let mut rows: Vec<(u8, [String; 5])> = allocation
        .assignments
        .iter()
        .map(|a| {
            let who = a.participant.clone();
            match &a.outcome {
                Outcome::Group {
                    group,
                    start,
                    choices,
                    by_hand,
                } => {
                    let summary = allocation.groups.iter().find(|g| &g.group == group);
                    let reasons =
                        placed_reasons(allocation, &who, *choices, by_hand.as_deref(), summary);
                    (
                        0,
                        [
                            group.clone(),
                            who,
                            start.to_string(),
                            "group".into(),
                            reasons,
                        ],
                    )
                }
                Outcome::OneToOne { reason } => (
                    1,
                    [
                        String::new(),
                        who,
                        String::new(),
                        "one_to_one".into(),
                        reason.to_string(),
                    ],
                ),
                Outcome::NotRecommended => (
                    2,
                    [
                        String::new(),
                        who,
                        String::new(),
                        "not_recommended".into(),
                        "pathway: not recommended for a group programme".into(),
                    ],
                ),
            }
        })
        .collect();
    rows.sort_by(|(ka, a), (kb, b)| (ka, &a[0], &a[2], &a[1]).cmp(&(kb, &b[0], &b[2], &b[1])));
    let mut w = Writer::from_writer(Vec::new());
    // Writing to memory has no I/O to fail, and every row has the header's five fields.
    w.write_record(ALLOCATION_COLUMNS)
        .expect("CSV to memory cannot fail");
    for (_, row) in &rows {
        w.write_record(row.iter().map(|cell| spreadsheet_safe(cell)))
            .expect("CSV to memory cannot fail");
    }
    let bytes = w.into_inner().expect("flushing to memory cannot fail");
    String::from_utf8(bytes).expect("every cell was a String, so the CSV is UTF-8")
}

fn placed_reasons(
    allocation: &Allocation,
    participant: &str,
    choices: usize,
    by_hand: Option<&str>,
    summary: Option<&GroupSummary>,
) -> String {
    let mut reasons = Vec::new();
    match by_hand {
        Some(reason) => {
            reasons.push(format!("moved by hand: {reason}"));
            let last = allocation
                .moves
                .iter()
                .rev()
                .find(|m| m.participant == participant);
            for b in last.map(|m| m.breaches.as_slice()).unwrap_or_default() {
                reasons.push(format!("breaks {b}"));
            }
        }
        None if choices == 0 => reasons.push(
            "moved here from a group that would have stayed below its minimum size".to_owned(),
        ),
        None if choices == 1 => reasons.push("the only group he fits".to_owned()),
        None => reasons.push(format!("earliest start among the {choices} groups he fits")),
    }
    if let Some(s) = summary.filter(|s| s.below_minimum()) {
        reasons.push(format!(
            "group below its minimum size ({} of {})",
            s.size(),
            s.min_size
        ));
    }
    reasons.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;
    use crate::output::Assignment;

    #[test]
    fn a_cell_a_spreadsheet_would_run_is_escaped() {
        let allocation = Allocation {
            today: Date::parse("2026-11-23").expect("a date"),
            assignments: vec![Assignment {
                participant: "=HYPERLINK(\"http://x\")".into(),
                outcome: Outcome::NotRecommended,
            }],
            groups: vec![],
            moves: vec![],
        };
        let csv = write_allocation(&allocation);
        assert!(csv.contains("\"'=HYPERLINK(\"\"http://x\"\")\""), "{csv}");
    }
}
