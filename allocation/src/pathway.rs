//! The pathway decision: a participant's latest score reports, his `about_you` answers and the
//! staff's entries (risk level, order or licence requirement) in; need per domain, overall need,
//! risk, recommended pathway, cohort and adapted flag out, each with its evidence. Pure.

use crate::levels::{Cohort, Intensity, Level};
use crate::rules::{Domain, Rules};
use qkit_scoring::{Answer, QualityFlag, ScoreReport, ScoreStatus};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// What staff enter for a pathway decision. qkit never calculates risk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffInput {
    /// Risk level from the organisation's risk tools.
    pub risk: Level,
    /// The order or licence requirement's code from the rules file.
    pub requirement: String,
}

/// A pathway decision with the evidence for each part.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PathwayDecision {
    /// `id@version` of the rules used.
    pub rules: String,
    /// One entry per domain, in the rules' order.
    pub domains: Vec<DomainNeed>,
    pub need: OverallNeed,
    pub risk: Level,
    /// What the need × risk matrix gives; `None` when no domain could be assessed (the assessor
    /// must then decide by override).
    pub recommended: Option<Intensity>,
    pub cohort: CohortDecision,
    pub adapted: AdaptedDecision,
    /// The assessor's override, if any.
    pub assessor_override: Option<Override>,
}

impl PathwayDecision {
    /// The pathway in force: the override if there is one, else the recommendation.
    pub fn pathway(&self) -> Option<Intensity> {
        self.assessor_override
            .as_ref()
            .map(|o| o.pathway)
            .or(self.recommended)
    }
}

/// The need level of one domain and what led to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DomainNeed {
    pub domain: String,
    /// The highest level among the scored sources; `None` if none was scored.
    pub level: Option<Level>,
    /// Each scored source's band and the level it maps to.
    pub evidence: Vec<BandEvidence>,
    /// Sources that gave no level, and why.
    pub unassessed: Vec<Unassessed>,
}

/// A scale's band and the need level the rules map it to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BandEvidence {
    pub questionnaire: String,
    pub scale: String,
    pub band: String,
    pub level: Level,
}

/// A source scale that gave no need level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unassessed {
    pub questionnaire: String,
    pub scale: String,
    pub why: Missing,
}

/// Why a source scale gave no need level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "why", content = "band")]
pub enum Missing {
    /// No report for the questionnaire, or the report lacks the scale.
    NotTaken,
    /// The scale could not be scored (too few answers).
    NotScorable,
    /// The report has no band for the scale.
    NoBand,
    /// The report's band is not one the rules map (a report from another definition version).
    UnknownBand(String),
    /// The score is in a band its definition marks as a validity concern (a BIS-11 total below
    /// 52): the answers are checked with him, and the score is not read as any level of need.
    ValidityConcern(String),
}

/// The overall need and the points behind it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OverallNeed {
    /// `None` when no domain was assessed.
    pub level: Option<Level>,
    pub points: u32,
    /// The most points the assessed domains could give.
    pub max_points: u32,
    pub assessed_domains: usize,
}

/// The cohort and the requirement it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CohortDecision {
    pub requirement: String,
    pub cohort: Cohort,
}

/// Whether adapted delivery is flagged, and by which answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdaptedDecision {
    pub flagged: bool,
    pub evidence: Vec<AnswerEvidence>,
}

/// An answer that flagged adapted delivery.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerEvidence {
    pub item: String,
    /// The option code answered.
    pub code: String,
}

/// An assessor's override of the recommended pathway. The reason is required.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Override {
    pub pathway: Intensity,
    pub reason: String,
}

/// Why a pathway decision or override could not be made.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "error")]
pub enum PathwayError {
    /// The requirement code is not in the rules.
    #[error("requirement \"{code}\" is not in the rules; known: {known}")]
    UnknownRequirement { code: String, known: String },
    /// An override was given without a reason.
    #[error("an override needs a reason")]
    EmptyOverrideReason,
}

/// Decides a participant's pathway from his latest `reports` (when a questionnaire appears more
/// than once, the last report counts), his answers to the rules' adapted-delivery questionnaire
/// as (item id, answer) pairs, and the staff's entries.
pub fn decide(
    rules: &Rules,
    reports: &[ScoreReport],
    answers: &[(&str, Answer)],
    staff: &StaffInput,
) -> Result<PathwayDecision, PathwayError> {
    let requirement =
        rules
            .requirement(&staff.requirement)
            .ok_or_else(|| PathwayError::UnknownRequirement {
                code: staff.requirement.clone(),
                known: rules.requirement_codes(),
            })?;
    let domains: Vec<DomainNeed> = rules
        .domains
        .iter()
        .map(|d| domain_need(d, reports))
        .collect();
    let assessed: Vec<Level> = domains.iter().filter_map(|d| d.level).collect();
    let points = assessed
        .iter()
        .map(|l| rules.overall.points[*l as usize])
        .sum();
    let max_points = rules.overall.points[Level::High as usize] * assessed.len() as u32;
    let level = (!assessed.is_empty()).then(|| rules.overall.level(points, max_points));
    Ok(PathwayDecision {
        rules: format!("{}@{}", rules.id, rules.version),
        domains,
        need: OverallNeed {
            level,
            points,
            max_points,
            assessed_domains: assessed.len(),
        },
        risk: staff.risk,
        recommended: level.map(|need| rules.pathway_for(need, staff.risk)),
        cohort: CohortDecision {
            requirement: requirement.code.clone(),
            cohort: requirement.cohort,
        },
        adapted: adapted(rules, answers),
        assessor_override: None,
    })
}

/// Records an assessor's override on a decision. The reason must not be blank.
pub fn override_pathway(
    decision: &PathwayDecision,
    pathway: Intensity,
    reason: &str,
) -> Result<PathwayDecision, PathwayError> {
    if reason.trim().is_empty() {
        return Err(PathwayError::EmptyOverrideReason);
    }
    Ok(PathwayDecision {
        assessor_override: Some(Override {
            pathway,
            reason: reason.trim().to_owned(),
        }),
        ..decision.clone()
    })
}

fn domain_need(domain: &Domain, reports: &[ScoreReport]) -> DomainNeed {
    let mut evidence = Vec::new();
    let mut unassessed = Vec::new();
    for source in &domain.sources {
        let report = reports
            .iter()
            .rev()
            .find(|r| r.questionnaire == source.questionnaire);
        let scale = report.and_then(|r| r.scales.iter().find(|s| s.scale == source.scale));
        let concern = report.and_then(|r| {
            r.flags.iter().find_map(|f| match f {
                QualityFlag::ValidityConcern { scale, band } if *scale == source.scale => {
                    Some(band.clone())
                }
                _ => None,
            })
        });
        let outcome = match (scale, concern) {
            (_, Some(band)) => Err(Missing::ValidityConcern(band)),
            (None, None) => Err(Missing::NotTaken),
            (Some(s), None) if matches!(s.status, ScoreStatus::NotScorable(_)) => {
                Err(Missing::NotScorable)
            }
            (Some(s), None) => match &s.band {
                None => Err(Missing::NoBand),
                Some(band) => source
                    .level(band)
                    .map(|level| (band.clone(), level))
                    .ok_or_else(|| Missing::UnknownBand(band.clone())),
            },
        };
        match outcome {
            Ok((band, level)) => evidence.push(BandEvidence {
                questionnaire: source.questionnaire.clone(),
                scale: source.scale.clone(),
                band,
                level,
            }),
            Err(why) => unassessed.push(Unassessed {
                questionnaire: source.questionnaire.clone(),
                scale: source.scale.clone(),
                why,
            }),
        }
    }
    DomainNeed {
        domain: domain.id.clone(),
        level: evidence.iter().map(|e| e.level).max(),
        evidence,
        unassessed,
    }
}

fn adapted(rules: &Rules, answers: &[(&str, Answer)]) -> AdaptedDecision {
    let mut evidence = Vec::new();
    for trigger in &rules.adapted.triggers {
        let answer = answers.iter().rev().find(|(item, _)| *item == trigger.item);
        if let Some((item, Answer::Value(v))) = answer {
            if let Some((code, _)) = trigger.options.iter().find(|(_, value)| value == v) {
                evidence.push(AnswerEvidence {
                    item: (*item).to_owned(),
                    code: code.clone(),
                });
            }
        }
    }
    AdaptedDecision {
        flagged: !evidence.is_empty(),
        evidence,
    }
}
