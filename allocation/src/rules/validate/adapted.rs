//! The adapted-delivery rule: which answers, by the role their item holds in a questionnaire,
//! flag that a man needs the adapted programme.

use super::Ctx;
use crate::rules::error::RulesErrorKind as K;
use crate::rules::model::{AdaptedRule, AdaptedTrigger};
use crate::rules::raw::RawAdapted;
use qkit_questionnaires::{ItemRole, Kit};

pub(super) fn adapted(ctx: &mut Ctx, raw: &RawAdapted, kit: &Kit) -> Option<AdaptedRule> {
    let Some(q) = kit.questionnaire(&raw.questionnaire) else {
        ctx.err(
            "$.adapted.questionnaire",
            K::UnknownQuestionnaire(raw.questionnaire.clone()),
        );
        return None;
    };
    if raw.when_any.is_empty() {
        ctx.err(
            "$.adapted.when_any",
            K::TooFew {
                what: "adapted triggers",
                min: 1,
            },
        );
    }
    let mut triggers = Vec::new();
    for (i, w) in raw.when_any.iter().enumerate() {
        let base = format!("$.adapted.when_any[{i}]");
        let Some(role) = ItemRole::from_key(&w.role) else {
            ctx.err(
                format!("{base}.role"),
                K::NotAllowed {
                    found: w.role.clone(),
                    allowed: "consent, preferred_language, reading_help, learning_needs, availability, in_work, site",
                },
            );
            continue;
        };
        let Some(item) = q.item_with_role(role) else {
            ctx.err(
                format!("{base}.role"),
                K::NoItemWithRole {
                    questionnaire: q.id.clone(),
                    role: w.role.clone(),
                },
            );
            continue;
        };
        if w.codes.is_empty() {
            ctx.err(
                format!("{base}.codes"),
                K::TooFew {
                    what: "codes",
                    min: 1,
                },
            );
        }
        let mut options = Vec::new();
        for (ci, code) in w.codes.iter().enumerate() {
            match item.response_scale.option_with_code(code) {
                Some(o) => options.push((code.clone(), o.value)),
                None => ctx.err(
                    format!("{base}.codes[{ci}]"),
                    K::UnknownCode {
                        item: item.id.clone(),
                        code: code.clone(),
                    },
                ),
            }
        }
        triggers.push(AdaptedTrigger {
            role,
            item: item.id.clone(),
            options,
        });
    }
    Some(AdaptedRule {
        questionnaire: q.id.clone(),
        triggers,
    })
}
