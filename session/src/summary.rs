//! The staff completion summary: what was done, what needs attention. Staff see it after the
//! participant's thank-you screen; the participant never does.

use crate::draft::Draft;
use qkit_questionnaires::{Kit, QuestionnaireKind, Text};
use qkit_scoring::{Answer, ScoreReport};

/// Everything staff are told when a battery ends.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub consent_given: bool,
    /// The questionnaires after the consent form, in battery order.
    pub questionnaires: Vec<QuestionnaireSummary>,
    /// Answers staff must act on before the participant leaves, in battery order.
    pub alerts: Vec<AlertNotice>,
}

/// One questionnaire in the summary.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionnaireSummary {
    pub id: String,
    /// Items in the questionnaire.
    pub n_items: usize,
    /// Items answered with one of the options.
    pub answered: usize,
    /// Items given a special answer ("Don't know", …).
    pub special: usize,
    /// The score report; `None` when outdated or it could not be scored.
    pub report: Option<ScoreReport>,
    /// Its definition changed after answers were given; the answers are kept unscored.
    pub outdated: bool,
}

/// An alert from a questionnaire's definition that an answer triggered.
#[derive(Debug, Clone, PartialEq)]
pub struct AlertNotice {
    pub questionnaire: String,
    pub item: String,
    /// The answer given; `None` when the item was left unanswered.
    pub answer: Option<Answer>,
    /// The definition's message for staff.
    pub message: Text,
}

impl QuestionnaireSummary {
    /// Items left without any answer.
    pub fn unanswered(&self) -> usize {
        self.n_items.saturating_sub(self.answered + self.special)
    }
}

impl Summary {
    /// The summary of a draft (finished or not: an unfinished one simply has no reports).
    pub fn of(kit: &Kit, d: &Draft) -> Summary {
        let mut questionnaires = Vec::new();
        let mut alerts = Vec::new();
        for (i, r) in d.record.questionnaires.iter().enumerate() {
            let def = kit.questionnaire(&r.id);
            if def.is_some_and(|q| q.kind == QuestionnaireKind::Consent) {
                continue;
            }
            let answered = r
                .answers
                .iter()
                .filter(|a| matches!(a.answer, Answer::Value(_)))
                .count();
            let outdated = d.outdated.contains(&i);
            let n_items = match (&r.report, def) {
                (Some(report), _) => report.n_items,
                (None, Some(q)) if !outdated => q.items.len(),
                _ => r.answers.len(),
            };
            if let (Some(report), Some(q)) = (&r.report, def) {
                for hit in &report.alerts {
                    let message = q
                        .alerts
                        .iter()
                        .find(|a| q.items.get(a.item).is_some_and(|it| it.id == hit.item))
                        .map(|a| a.message.clone())
                        .unwrap_or_default();
                    alerts.push(AlertNotice {
                        questionnaire: r.id.clone(),
                        item: hit.item.clone(),
                        answer: hit.answer,
                        message,
                    });
                }
            }
            questionnaires.push(QuestionnaireSummary {
                id: r.id.clone(),
                n_items,
                answered,
                special: r.answers.len() - answered,
                report: r.report.clone(),
                outdated,
            });
        }
        Summary {
            consent_given: d.record.consent.given,
            questionnaires,
            alerts,
        }
    }

    /// Items answered with an option, over the whole battery.
    pub fn answered(&self) -> usize {
        self.questionnaires.iter().map(|q| q.answered).sum()
    }

    /// Items in the whole battery (consent form not counted).
    pub fn n_items(&self) -> usize {
        self.questionnaires.iter().map(|q| q.n_items).sum()
    }
}
