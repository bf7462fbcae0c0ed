//! What a participant said about attending groups, read from his answers to a kit form by item
//! role and option code (`site`, `availability`, `in_work`), so the app can build a
//! [`crate::Participant`] from a record without knowing item ids.

use crate::levels::Availability;
use qkit_questionnaires::{ItemRole, Questionnaire};
use qkit_scoring::Answer;
use serde::{Deserialize, Serialize};

/// Where and when a participant can attend, as far as he answered.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Attendance {
    /// Site codes he can get to (empty if unanswered).
    pub sites: Vec<String>,
    /// `None` if unanswered or given a special answer.
    pub availability: Option<Availability>,
    /// `None` if unanswered or given a special answer.
    pub in_work: Option<bool>,
}

/// Reads attendance from `answers` (item id, answer) to `form` (the `about_you` questionnaire).
/// When an item appears more than once, the last answer counts.
pub fn attendance(form: &Questionnaire, answers: &[(&str, Answer)]) -> Attendance {
    let code = |role: ItemRole| -> Option<&str> {
        let item = form.item_with_role(role)?;
        let value = answers.iter().rev().find_map(|(id, a)| match a {
            Answer::Value(v) if *id == item.id => Some(*v),
            _ => None,
        })?;
        item.response_scale.option(value)?.code.as_deref()
    };
    Attendance {
        sites: code(ItemRole::Site)
            .map(str::to_owned)
            .into_iter()
            .collect(),
        availability: code(ItemRole::Availability).and_then(Availability::from_key),
        in_work: match code(ItemRole::InWork) {
            Some("yes") => Some(true),
            Some("no") => Some(false),
            _ => None,
        },
    }
}
