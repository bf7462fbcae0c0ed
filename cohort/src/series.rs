//! A participant's scores over time, per scale: the score at pre, mid and post, and the change
//! from his earliest to his latest timepoint by qkit-scoring's `change` (reliable change index
//! and category). The profile's charts and the end-of-programme report show the same series.

use super::people::{outdated, present};
use qkit_export::analysis::languages_shown;
use qkit_export::record_set::{cohort_pre, report_at, ByTimepoint, RecordSet};
use qkit_questionnaires::{Kit, ScaleKind, Timepoint};
use qkit_scoring::change::{Pair, ScaleChange};
use qkit_scoring::{
    change, ChangeError, QualityFlag, ReliableChangeChoice, ScaleScore, Timepoints,
};

/// One scale over time.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub questionnaire: String,
    pub scale: String,
    /// The scale's score at each timepoint, indexed by `Timepoint as usize`.
    pub at: [Option<ScaleScore>; 3],
    /// The change from the earliest to the latest timepoint with a report; `None` with fewer
    /// than two.
    pub change: Option<Result<ScaleChange, ChangeError>>,
}

impl Series {
    /// The timepoints with a score entry, in order.
    pub fn timepoints(&self) -> impl Iterator<Item = (Timepoint, &ScaleScore)> {
        Timepoint::ALL
            .into_iter()
            .filter_map(|t| self.at[t as usize].as_ref().map(|s| (t, s)))
    }
}

/// A questionnaire answered under another definition at a timepoint: kept, not scored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutdatedAt {
    pub timepoint: Timepoint,
    pub questionnaire: String,
    /// The version it was answered under.
    pub version: String,
}

/// Every scored scale of every questionnaire he has a report for, questionnaires in the order
/// first met, each one's total before its subscales. Reliable change is judged as `choice`
/// says; the cohort for a cohort SD is every man on `programme` with a pre-programme record in
/// `set`.
pub fn series(
    kit: &Kit,
    set: &RecordSet,
    (programme, records): (&str, &ByTimepoint),
    choice: ReliableChangeChoice,
) -> Vec<Series> {
    let mut ids: Vec<&str> = Vec::new();
    for (_, record) in present(records) {
        for q in &record.questionnaires {
            if q.report.is_some() && !ids.contains(&q.id.as_str()) {
                ids.push(&q.id);
            }
        }
    }
    let mut out = Vec::new();
    for id in ids {
        let Some(q) = kit.questionnaire(id) else {
            continue;
        };
        let reports = Timepoints {
            pre: report_at(records, Timepoint::Pre, id),
            mid: report_at(records, Timepoint::Mid, id),
            post: report_at(records, Timepoint::Post, id),
        };
        let with_report: Vec<Timepoint> = Timepoint::ALL
            .into_iter()
            .filter(|t| reports.at(*t).is_some())
            .collect();
        let pair = match (with_report.first(), with_report.last()) {
            (Some(Timepoint::Pre), Some(Timepoint::Post)) => Some(Pair::PrePost),
            (Some(Timepoint::Pre), Some(Timepoint::Mid)) => Some(Pair::PreMid),
            (Some(Timepoint::Mid), Some(Timepoint::Post)) => Some(Pair::MidPost),
            _ => None,
        };
        let changes = pair.map(|_| {
            change(q, &reports, choice, &cohort_pre(set, programme, q)).map(|r| r.changes)
        });
        let totals = q.scales.iter().filter(|s| s.kind == ScaleKind::Total);
        let subscales = q.scales.iter().filter(|s| s.kind != ScaleKind::Total);
        for scale in totals.chain(subscales) {
            let at = Timepoint::ALL.map(|t| {
                reports
                    .at(t)
                    .and_then(|r| r.scales.iter().find(|s| s.scale == scale.id))
                    .cloned()
            });
            let change = match (&changes, pair) {
                (Some(Ok(list)), Some(pair)) => list
                    .iter()
                    .find(|c| c.scale == scale.id && c.pair == pair)
                    .cloned()
                    .map(Ok),
                (Some(Err(e)), _) => Some(Err(e.clone())),
                _ => None,
            };
            out.push(Series {
                questionnaire: q.id.clone(),
                scale: scale.id.clone(),
                at,
                change,
            });
        }
    }
    out
}

/// Questionnaires answered under another definition than this kit's, per timepoint.
pub fn outdated_questionnaires(kit: &Kit, records: &ByTimepoint) -> Vec<OutdatedAt> {
    present(records)
        .flat_map(|(t, r)| {
            r.questionnaires
                .iter()
                .filter(|q| outdated(q, kit.questionnaire(&q.id)))
                .map(move |q| OutdatedAt {
                    timepoint: t,
                    questionnaire: q.id.clone(),
                    version: q.version.clone(),
                })
        })
        .collect()
}

/// A response-quality note on one questionnaire at one timepoint.
#[derive(Debug, Clone, PartialEq)]
pub enum Note {
    Flag(QualityFlag),
    /// Items answered "I don't understand".
    Revisit(Vec<String>),
    /// Items that raised an alert.
    Alert(Vec<String>),
    /// Its questions were shown in another language than the sitting's (`shown`: tags joined by
    /// `+`, as the analysis table writes them), e.g. English in a Welsh sitting because the
    /// questionnaire has no Welsh text.
    Language {
        shown: String,
        sitting: String,
    },
}

/// Every response-quality flag, item to revisit and alert, by timepoint and questionnaire.
pub fn notes(records: &ByTimepoint) -> Vec<(Timepoint, String, Note)> {
    let mut out = Vec::new();
    for (t, record) in present(records) {
        for report in record
            .questionnaires
            .iter()
            .filter_map(|q| q.report.as_ref())
        {
            let q = &report.questionnaire;
            if !report.alerts.is_empty() {
                let items = report.alerts.iter().map(|a| a.item.clone()).collect();
                out.push((t, q.clone(), Note::Alert(items)));
            }
            for f in &report.flags {
                out.push((t, q.clone(), Note::Flag(f.clone())));
            }
            if !report.revisit.is_empty() {
                out.push((t, q.clone(), Note::Revisit(report.revisit.clone())));
            }
        }
        for result in &record.questionnaires {
            match languages_shown(result) {
                Some(shown) if shown != record.language => {
                    let sitting = record.language.clone();
                    out.push((t, result.id.clone(), Note::Language { shown, sitting }));
                }
                _ => {}
            }
        }
    }
    out
}
