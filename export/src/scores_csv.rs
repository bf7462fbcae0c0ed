//! The scores CSV of a [`RecordSet`] (`qkit scores` and the assessor's cohort export): one row
//! per participant × timepoint × questionnaire × scale.
//!
//! Columns: `respondent,programme,timepoint,questionnaire`, then `qkit score`'s columns from
//! `scale` on (the same cells), then `qkit change`'s from `pair` on, filled on a mid or post row
//! when the participant has an earlier timepoint: the change from the earliest one (pre, else
//! mid). Rows come by participant, programme, timepoint, then battery order.

use crate::record_set::{cohort_pre, report_at, ByTimepoint, RecordSet};
use qkit_questionnaires::{Kit, Timepoint};
use qkit_scoring::change::ScaleChange;
use qkit_scoring::csv_rows::{
    change_row, score_row, spreadsheet_safe, CHANGE_COLUMNS, SCORE_COLUMNS,
};
use qkit_scoring::{ChangeError, CohortPre, ReliableChangeChoice, Timepoints};
use std::collections::{BTreeMap, BTreeSet};

/// The scores CSV's header.
pub fn scores_columns() -> Vec<&'static str> {
    let mut h = vec![SCORE_COLUMNS[0], "programme", "timepoint", "questionnaire"];
    h.extend(&SCORE_COLUMNS[1..]);
    h.extend(&CHANGE_COLUMNS[2..]);
    h
}

/// A written scores CSV.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoresCsv {
    /// The CSV text, header first.
    pub text: String,
    /// Data rows written.
    pub rows: usize,
    /// Questionnaires whose change could not be computed (their rows have empty change cells).
    pub problems: Vec<ChangeProblem>,
}

/// A participant's questionnaire whose reports could not be compared.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangeProblem {
    pub participant: String,
    pub questionnaire: String,
    pub error: ChangeError,
}

/// Writes the scores CSV of the (participant, programme) pairs that `keep` accepts, judging
/// reliable change as `choice` says. The cohort for `cohort_pre` is every participant on the
/// same programme with a pre-programme report in `set`, whether or not `keep` shows him: a
/// verdict does not change with the rows chosen for the file.
pub fn scores_csv(
    kit: &Kit,
    set: &RecordSet,
    choice: ReliableChangeChoice,
    keep: impl Fn(&str, &str) -> bool,
) -> ScoresCsv {
    let mut out = csv::Writer::from_writer(Vec::new());
    // Writing to memory has no I/O to fail, and every row has the header's number of cells.
    out.write_record(scores_columns())
        .expect("CSV to memory cannot fail");
    let mut rows = 0;
    let mut problems = Vec::new();
    let judging = ChangeJudging::new(kit, set, choice);
    for (participant, programme, records) in set.people() {
        if !keep(participant, programme) {
            continue;
        }
        for row in participant_rows(
            kit,
            &judging,
            (participant, programme),
            records,
            &mut problems,
        ) {
            out.write_record(row).expect("CSV to memory cannot fail");
            rows += 1;
        }
    }
    let bytes = out.into_inner().expect("flushing to memory cannot fail");
    ScoresCsv {
        text: String::from_utf8(bytes).expect("every cell was a String, so the CSV is UTF-8"),
        rows,
        problems,
    }
}

/// How change is judged in one CSV: the choice, and the cohort SDs of each programme and
/// questionnaire in the set.
struct ChangeJudging {
    choice: ReliableChangeChoice,
    cohorts: BTreeMap<(String, String), CohortPre>,
}

impl ChangeJudging {
    fn new(kit: &Kit, set: &RecordSet, choice: ReliableChangeChoice) -> Self {
        let programmes: BTreeSet<&str> = set.people().map(|(_, p, _)| p).collect();
        let mut cohorts = BTreeMap::new();
        for programme in programmes {
            for q in kit.questionnaires.values().filter(|q| q.is_scored()) {
                let key = (programme.to_owned(), q.id.clone());
                cohorts.insert(key, cohort_pre(set, programme, q));
            }
        }
        ChangeJudging { choice, cohorts }
    }

    fn cohort(&self, programme: &str, questionnaire: &str) -> Option<&CohortPre> {
        self.cohorts
            .get(&(programme.to_owned(), questionnaire.to_owned()))
    }
}

/// Every row of one participant on one programme.
fn participant_rows(
    kit: &Kit,
    how: &ChangeJudging,
    (participant, programme): (&str, &str),
    records: &ByTimepoint,
    problems: &mut Vec<ChangeProblem>,
) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for t in Timepoint::ALL {
        let Some(imported) = &records[t as usize] else {
            continue;
        };
        for result in &imported.record.questionnaires {
            let (Some(report), Some(q)) = (&result.report, kit.questionnaire(&result.id)) else {
                continue;
            };
            let reports = Timepoints {
                pre: report_at(records, Timepoint::Pre, &q.id),
                mid: report_at(records, Timepoint::Mid, &q.id),
                post: report_at(records, Timepoint::Post, &q.id),
            };
            let empty = CohortPre::default();
            let cohort = how.cohort(programme, &q.id).unwrap_or(&empty);
            let changes = match qkit_scoring::change(q, &reports, how.choice, cohort) {
                Ok(c) => c.changes,
                Err(error) => {
                    // Reported once per questionnaire, at its first timepoint.
                    if !problems
                        .iter()
                        .any(|p| p.participant == participant && p.questionnaire == q.id)
                    {
                        problems.push(ChangeProblem {
                            participant: participant.to_owned(),
                            questionnaire: q.id.clone(),
                            error,
                        });
                    }
                    Vec::new()
                }
            };
            for scale in &report.scales {
                let cells = score_row(participant, scale, report);
                let mut row = vec![
                    cells[0].clone(),
                    spreadsheet_safe(programme),
                    t.to_string(),
                    spreadsheet_safe(&q.id),
                ];
                row.extend(cells[1..].iter().cloned());
                match change_into(&changes, &scale.scale, t) {
                    Some(c) => row.extend(change_row(participant, c)[2..].iter().cloned()),
                    None => {
                        row.extend(std::iter::repeat_n(String::new(), CHANGE_COLUMNS.len() - 2))
                    }
                }
                rows.push(row);
            }
        }
    }
    rows
}

/// The change on `scale` into timepoint `to` from the earliest earlier timepoint with a report.
fn change_into<'c>(
    changes: &'c [ScaleChange],
    scale: &str,
    to: Timepoint,
) -> Option<&'c ScaleChange> {
    changes
        .iter()
        .filter(|c| c.scale == scale && c.pair.timepoints().1 == to)
        .min_by_key(|c| c.pair.timepoints().0)
}
