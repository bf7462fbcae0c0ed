//! Support options suggested from what a participant said before: the "About you" form's
//! preferred language, reading help and learning needs answers in an earlier record.

use qkit_export::{ResultRecord, Support};
use qkit_questionnaires::{ItemRole, Kit, Lang};
use qkit_scoring::Answer;

/// Language and support options to start a sitting with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggested {
    /// The preferred language, when the kit has interface strings for it.
    pub language: Option<Lang>,
    pub support: Support,
}

/// What an earlier record's answers suggest, or `None` when it holds no support-needs answers.
///
/// - preferred language: the chosen option's code, if it names a kit language;
/// - reading help "yes" or "sometimes": read-aloud and easy-read wording;
/// - learning needs "yes": easy-read wording and pictorial answers.
pub fn suggested_support(kit: &Kit, record: &ResultRecord) -> Option<Suggested> {
    let mut found = false;
    let mut s = Suggested {
        language: None,
        support: Support::default(),
    };
    for r in &record.questionnaires {
        let Some(q) = kit.questionnaire(&r.id) else {
            continue;
        };
        for a in &r.answers {
            let (Some(item), Answer::Value(v)) = (q.item(&a.item), a.answer) else {
                continue;
            };
            let (Some(role), Some(code)) = (
                item.role,
                item.response_scale
                    .option(v)
                    .and_then(|o| o.code.as_deref()),
            ) else {
                continue;
            };
            match (role, code) {
                (ItemRole::PreferredLanguage, code) => {
                    found = true;
                    s.language = Lang::parse(code).filter(|l| kit.ui.has(l));
                }
                (ItemRole::ReadingHelp, code) => {
                    found = true;
                    if matches!(code, "yes" | "maybe") {
                        s.support.read_aloud = true;
                        s.support.easy_read = true;
                    }
                }
                (ItemRole::LearningNeeds, code) => {
                    found = true;
                    if code == "yes" {
                        s.support.easy_read = true;
                        s.support.pictorial = true;
                    }
                }
                _ => {}
            }
        }
    }
    found.then_some(s)
}
