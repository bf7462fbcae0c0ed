//! A questionnaire's items: ids, wordings (standard and easy read, with their recordings),
//! response scale, picture, reverse keying, staff-only, kit roles and codes.

use super::codes::codes;
use super::Ctx;
use crate::error::DefinitionErrorKind as K;
use crate::model::*;
use crate::raw::*;
use crate::text::Lang;

pub(super) fn items(
    ctx: &mut Ctx,
    raw: &RawQuestionnaire,
    langs: &[Lang],
    scales: &[ResponseScale],
) -> Vec<Item> {
    if raw.items.is_empty() {
        ctx.err(
            "$.items",
            K::TooFew {
                what: "items",
                min: 1,
            },
        );
    }
    ctx.unique_ids(
        "item",
        raw.items
            .iter()
            .enumerate()
            .map(|(i, it)| (format!("$.items[{i}].id"), it.id.as_str())),
    );
    let mut out = Vec::new();
    for (i, it) in raw.items.iter().enumerate() {
        let path = format!("$.items[{i}]");
        let context = format!(" (item \"{}\")", it.id);
        ctx.id(&format!("{path}.id"), &it.id);
        let text = ctx.text(&format!("{path}.text"), &it.text, langs, &context);
        let easy_read = it
            .easy_read
            .as_ref()
            .map(|t| ctx.text(&format!("{path}.easy_read"), t, langs, &context));
        if !it.easy_read_audio.is_empty() && it.easy_read.is_none() {
            ctx.err(
                format!("{path}.easy_read_audio"),
                K::Rule(format!(
                    "item \"{}\" has easy_read_audio but no easy_read text",
                    it.id
                )),
            );
        }
        if let Some(p) = &it.picture {
            ctx.relative_path(&format!("{path}.picture"), p);
        }
        let role = it.role.as_ref().and_then(|r| {
            ctx.keyword(
                &format!("{path}.role"),
                r,
                ItemRole::BY_KEY,
                "\"consent\", \"preferred_language\", \"reading_help\", \"learning_needs\", \"availability\", \"in_work\", \"site\"",
            )
        });
        let Some(response_scale) = scales.iter().find(|s| s.id == it.response_scale) else {
            ctx.err(
                format!("{path}.response_scale"),
                K::UnknownResponseScale {
                    item: it.id.clone(),
                    scale: it.response_scale.clone(),
                },
            );
            continue;
        };
        out.push(Item {
            id: it.id.clone(),
            text,
            easy_read,
            audio: ctx.audio(&format!("{path}.audio"), &it.audio, langs),
            easy_read_audio: ctx.audio(
                &format!("{path}.easy_read_audio"),
                &it.easy_read_audio,
                langs,
            ),
            picture: it.picture.clone(),
            response_scale: response_scale.clone(),
            reverse_keyed: it.reverse_keyed,
            staff_only: it.staff_only,
            role,
            codes: codes(ctx, &format!("{path}.codes"), &it.codes),
        });
    }
    out
}
