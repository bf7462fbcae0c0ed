//! "Not on track": what raises an alert on a man's row of the cohort table and on his profile,
//! each saying why (which questionnaire, which timepoint, which rule). Every threshold is the
//! kit's own data, never a number written here:
//!
//! - **Reliable deterioration** at mid or post: a scale's change to that timepoint (from pre, or
//!   mid to post) in `qkit_scoring::change`'s category "deteriorated", judged by the scale's
//!   reliable change rule in its definition (e.g. PHQ-9: 6 points, NHS Talking Therapies) or the
//!   cohort's pre-programme SD, as the workspace's reliable-change choice says.
//! - **A new alert item** at mid or post: an item alert the definition declares (e.g. PHQ-9
//!   item 9, `alerts` in `phq9.json`: answered above "Not at all" or not answered) raised at a
//!   timepoint when it was not raised at his previous timepoint with that questionnaire, or when
//!   he has no earlier timepoint with that questionnaire (new to the team all the same).
//! - **A response-quality flag** at any timepoint (too fast, straight-lining, inconsistent pairs,
//!   many missing answers, a validity-concern band: the flags' rules are in each definition),
//!   since scores read from those answers may not say how he is. Answers given in adapted
//!   (easy-read) wording are not a quality problem and raise nothing.

use crate::people::present;
use qkit_export::record_set::{cohort_pre, report_at, ByTimepoint, RecordSet};
use qkit_questionnaires::{Kit, Timepoint};
use qkit_scoring::change::{ChangeCategory, Outcome, Pair};
use qkit_scoring::{change, QualityFlag, ReliableChangeChoice, Timepoints};

/// Why a man is not on track.
#[derive(Debug, Clone, PartialEq)]
pub enum Why {
    /// Reliable deterioration on `scale` over `pair` (`from` to `to`, in the scale's points).
    Deteriorated {
        scale: String,
        pair: Pair,
        from: f64,
        to: f64,
    },
    /// The definition's alert on `item` was raised here and not at the previous timepoint.
    NewAlert { item: String },
    /// A response-quality flag (its key: `too_fast`, `validity_concern`, …).
    Flag(QualityFlag),
}

/// One reason, where it was found.
#[derive(Debug, Clone, PartialEq)]
pub struct Alert {
    pub timepoint: Timepoint,
    pub questionnaire: String,
    pub why: Why,
}

/// Every reason a man on `programme` with `records` is not on track, in timepoint order
/// (deterioration, then new alerts, then flags within one timepoint). `set` gives the cohort
/// for a cohort-SD reliable change choice.
pub fn not_on_track(
    kit: &Kit,
    set: &RecordSet,
    (programme, records): (&str, &ByTimepoint),
    choice: ReliableChangeChoice,
) -> Vec<Alert> {
    let mut out = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for (_, record) in present(records) {
        for q in &record.questionnaires {
            if q.report.is_some() && !seen.contains(&q.id.as_str()) {
                seen.push(&q.id);
            }
        }
    }
    for id in seen {
        let reports = Timepoints {
            pre: report_at(records, Timepoint::Pre, id),
            mid: report_at(records, Timepoint::Mid, id),
            post: report_at(records, Timepoint::Post, id),
        };
        if let Some(q) = kit.questionnaire(id) {
            if let Ok(report) = change(q, &reports, choice, &cohort_pre(set, programme, q)) {
                for c in report.changes {
                    let deteriorated = c.outcome == Outcome::Category(ChangeCategory::Deteriorated);
                    if let (true, Some(from), Some(to)) = (deteriorated, c.from, c.to) {
                        out.push(Alert {
                            timepoint: c.pair.timepoints().1,
                            questionnaire: id.to_owned(),
                            why: Why::Deteriorated {
                                scale: c.scale,
                                pair: c.pair,
                                from,
                                to,
                            },
                        });
                    }
                }
            }
        }
        let mut previous: Option<&qkit_scoring::ScoreReport> = None;
        for t in Timepoint::ALL {
            let Some(report) = reports.at(t) else {
                continue;
            };
            if t != Timepoint::Pre {
                for hit in &report.alerts {
                    let raised_before =
                        previous.is_some_and(|b| b.alerts.iter().any(|a| a.item == hit.item));
                    if !raised_before {
                        out.push(Alert {
                            timepoint: t,
                            questionnaire: id.to_owned(),
                            why: Why::NewAlert {
                                item: hit.item.clone(),
                            },
                        });
                    }
                }
            }
            for flag in &report.flags {
                if !matches!(flag, QualityFlag::AdaptedWording { .. }) {
                    out.push(Alert {
                        timepoint: t,
                        questionnaire: id.to_owned(),
                        why: Why::Flag(flag.clone()),
                    });
                }
            }
            previous = Some(report);
        }
    }
    out.sort_by_key(|a| {
        let rank = match a.why {
            Why::Deteriorated { .. } => 0,
            Why::NewAlert { .. } => 1,
            Why::Flag(_) => 2,
        };
        (a.timepoint, rank)
    });
    out
}

#[cfg(test)]
#[path = "alerts_tests.rs"]
mod tests;
