//! Validation of one questionnaire file: its header, then each part in its own module
//! (`answers.rs`: response scales and special answers; `items.rs`; `validity.rs`; `alerts.rs`;
//! `scales.rs`: subscales, norms and bands) and its content hash.

use super::alerts::alerts;
use super::answers::{response_scales, special_answers};
use super::codes::codes;
use super::items::items;
use super::scales::validate_scale;
use super::validity::validity;
use super::{languages, parse, Ctx};
use crate::error::{DefinitionErrorKind as K, DefinitionErrors};
use crate::model::*;
use crate::raw::*;

/// Loads and validates one questionnaire file. `file` is its name, e.g. `phq9.json`.
pub(crate) fn validate_questionnaire(
    file: &str,
    text: &str,
) -> Result<Questionnaire, DefinitionErrors> {
    let raw: RawQuestionnaire = parse(file, text)?;
    let mut ctx = Ctx::new(file);
    if !super::limits::questionnaire(&mut ctx, &raw) {
        return Err(DefinitionErrors(ctx.errors));
    }
    let q = check(&mut ctx, &raw);
    ctx.finish(q)
}

fn check(ctx: &mut Ctx, raw: &RawQuestionnaire) -> Questionnaire {
    ctx.format(raw.format);
    ctx.id("$.id", &raw.id);
    let expected = ctx.file.strip_suffix(".json").unwrap_or(ctx.file);
    if raw.id != expected {
        ctx.err(
            "$.id",
            K::IdNotFileName {
                id: raw.id.clone(),
                expected: expected.to_owned(),
            },
        );
    }
    if raw.version.trim().is_empty() {
        ctx.err("$.version", K::EmptyText(String::new()));
    }
    let langs = languages(ctx, &raw.languages);
    let kind = ctx
        .keyword(
            "$.kind",
            &raw.kind,
            &[
                ("instrument", QuestionnaireKind::Instrument),
                ("consent", QuestionnaireKind::Consent),
                ("form", QuestionnaireKind::Form),
            ],
            "\"instrument\", \"consent\", \"form\"",
        )
        .unwrap_or(QuestionnaireKind::Form);
    let title = ctx.text("$.title", &raw.title, &langs, "");
    let short_title = match &raw.short_title {
        Some(t) => ctx.text("$.short_title", t, &langs, ""),
        None => title.clone(),
    };
    let instructions = ctx.text("$.instructions", &raw.instructions, &langs, "");
    let easy_read_instructions = raw
        .easy_read_instructions
        .as_ref()
        .map(|t| ctx.text("$.easy_read_instructions", t, &langs, ""));
    for (key, value) in [("licence", &raw.licence), ("source", &raw.source)] {
        if value.trim().is_empty() {
            ctx.err(format!("$.{key}"), K::EmptyText(String::new()));
        }
    }
    let licence_check = match &raw.licence_check {
        None => LicenceCheck::OrganisationMustConfirm,
        Some(check) => ctx
            .keyword(
                "$.licence_check",
                check,
                &[
                    ("documented", LicenceCheck::Documented),
                    (
                        "organisation_must_confirm",
                        LicenceCheck::OrganisationMustConfirm,
                    ),
                ],
                "\"documented\", \"organisation_must_confirm\"",
            )
            .unwrap_or(LicenceCheck::OrganisationMustConfirm),
    };
    if raw.minutes == 0 {
        ctx.err(
            "$.minutes",
            K::OutOfRange {
                what: "minutes",
                rule: "at least 1",
                found: "0".into(),
            },
        );
    }

    let response_scales = response_scales(ctx, raw, &langs);
    let special_answers = special_answers(ctx, raw);
    let items = items(ctx, raw, &langs, &response_scales);

    let scales: Vec<Scale> = raw
        .scales
        .iter()
        .enumerate()
        .filter_map(|(i, s)| validate_scale(ctx, i, s, &items, &langs))
        .collect();
    ctx.unique_ids(
        "scale",
        raw.scales
            .iter()
            .enumerate()
            .map(|(i, s)| (format!("$.scales[{i}].id"), s.id.as_str())),
    );
    for (i, item) in raw.items.iter().enumerate() {
        let scored = raw.scales.iter().any(|s| s.items.contains(&item.id));
        if item.reverse_keyed && !scored {
            ctx.err(
                format!("$.items[{i}].reverse_keyed"),
                K::ReverseKeyedNotScored(item.id.clone()),
            );
        }
    }
    if kind == QuestionnaireKind::Consent
        && !raw
            .items
            .iter()
            .any(|i| i.role.as_deref() == Some("consent"))
    {
        ctx.err(
            "$.items",
            K::Rule("a consent form needs an item with role \"consent\"".into()),
        );
    }

    let validity = validity(ctx, raw, &items);
    let alerts = alerts(ctx, raw, &items, &langs);

    Questionnaire {
        id: raw.id.clone(),
        version: raw.version.clone(),
        kind,
        title,
        short_title,
        instructions,
        easy_read_instructions,
        languages: langs,
        licence: raw.licence.clone(),
        licence_check,
        source: raw.source.clone(),
        minutes: raw.minutes,
        special_answers,
        items,
        scales,
        validity,
        alerts,
        codes: codes(ctx, "$.codes", &raw.codes),
        content_hash: content_hash(raw),
    }
}

/// SHA-256 of the canonical JSON of the raw definition (its `codes` are never serialised, so
/// citing or correcting a code changes neither hash nor version).
fn content_hash(raw: &RawQuestionnaire) -> String {
    // Serialising plain structs, strings and maps cannot fail.
    let canonical = serde_json::to_vec(raw).unwrap_or_default();
    crate::recordings::sha256_hex(&canonical)
}
