//! A questionnaire's alerts: the answers staff must be told about before the participant leaves.

use super::Ctx;
use crate::error::DefinitionErrorKind as K;
use crate::model::*;
use crate::raw::*;
use crate::text::{Lang, Text};

pub(super) fn alerts(
    ctx: &mut Ctx,
    raw: &RawQuestionnaire,
    items: &[Item],
    langs: &[Lang],
) -> Vec<Alert> {
    let mut out = Vec::new();
    for (i, a) in raw.alerts.iter().enumerate() {
        let path = format!("$.alerts[{i}]");
        let message: Text = ctx.text(&format!("{path}.message"), &a.message, langs, "");
        let Some(item) = items.iter().position(|it| it.id == a.item) else {
            ctx.err(
                format!("{path}.item"),
                K::UnknownItem {
                    owner: "alert".into(),
                    item: a.item.clone(),
                },
            );
            continue;
        };
        let scale = &items[item].response_scale;
        if a.at_least < scale.min || a.at_least > scale.max {
            ctx.err(
                format!("{path}.at_least"),
                K::OutOfRange {
                    what: "at_least",
                    rule: "within the item's response scale",
                    found: a.at_least.to_string(),
                },
            );
        }
        out.push(Alert {
            item,
            at_least: a.at_least,
            when_unanswered: a.when_unanswered,
            message,
        });
    }
    out
}
