//! Validation of one questionnaire file: header, response scales, items, validity and alerts.
//! Scales (subscales, norms, bands) are checked in `scales.rs`.

use super::codes::codes;
use super::scales::validate_scale;
use super::{languages, parse, Ctx};
use crate::error::{DefinitionErrorKind as K, DefinitionErrors};
use crate::model::*;
use crate::number::number_text;
use crate::raw::*;
use crate::text::{Lang, Text};

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

fn response_scales(ctx: &mut Ctx, raw: &RawQuestionnaire, langs: &[Lang]) -> Vec<ResponseScale> {
    if raw.response_scales.is_empty() {
        ctx.err(
            "$.response_scales",
            K::TooFew {
                what: "response_scales",
                min: 1,
            },
        );
    }
    ctx.unique_ids(
        "response scale",
        raw.response_scales
            .iter()
            .enumerate()
            .map(|(i, s)| (format!("$.response_scales[{i}].id"), s.id.as_str())),
    );
    let mut out = Vec::new();
    for (si, rs) in raw.response_scales.iter().enumerate() {
        let base = format!("$.response_scales[{si}]");
        ctx.id(&format!("{base}.id"), &rs.id);
        if rs.options.len() < 2 {
            ctx.err(
                format!("{base}.options"),
                K::TooFew {
                    what: "a response scale's options",
                    min: 2,
                },
            );
        }
        let mut options = Vec::new();
        for (oi, o) in rs.options.iter().enumerate() {
            let path = format!("{base}.options[{oi}]");
            let context = format!(" (response scale \"{}\", value {})", rs.id, o.value);
            if rs.options[..oi].iter().any(|p| p.value == o.value) {
                ctx.err(
                    format!("{path}.value"),
                    K::Repeated {
                        what: "option value",
                        value: o.value.to_string(),
                    },
                );
            }
            if let Some(code) = &o.code {
                ctx.id(&format!("{path}.code"), code);
            }
            let colour = Colour::parse(&o.colour);
            if colour.is_none() {
                ctx.err(
                    format!("{path}.colour"),
                    K::OutOfRange {
                        what: "colour",
                        rule: "#rrggbb",
                        found: format!("\"{}\"", o.colour),
                    },
                );
            }
            let pictogram = Pictogram::parse(&o.pictogram);
            if pictogram.is_none() {
                ctx.err(
                    format!("{path}.pictogram"),
                    K::NotAllowed {
                        found: o.pictogram.clone(),
                        allowed: Pictogram::NAMES,
                    },
                );
            }
            options.push(ResponseOption {
                value: o.value,
                label: ctx.text(&format!("{path}.label"), &o.label, langs, &context),
                easy_read_label: o
                    .easy_read_label
                    .as_ref()
                    .map(|t| ctx.text(&format!("{path}.easy_read_label"), t, langs, &context)),
                colour: colour.unwrap_or(Colour([0, 0, 0])),
                pictogram: pictogram.unwrap_or(Pictogram::Maybe),
                code: o.code.clone(),
                audio: ctx.audio(&format!("{path}.audio"), &o.audio, langs),
                codes: codes(ctx, &format!("{path}.codes"), &o.codes),
            });
        }
        let min = options.iter().map(|o| o.value).min().unwrap_or(0);
        let max = options.iter().map(|o| o.value).max().unwrap_or(0);
        out.push(ResponseScale {
            id: rs.id.clone(),
            options,
            min,
            max,
        });
    }
    out
}

fn special_answers(ctx: &mut Ctx, raw: &RawQuestionnaire) -> Vec<SpecialAnswerRule> {
    let mut out: Vec<SpecialAnswerRule> = Vec::new();
    for (i, s) in raw.special_answers.iter().enumerate() {
        let path = format!("$.special_answers[{i}]");
        let kind = ctx.keyword(
            &format!("{path}.kind"),
            &s.kind,
            &SpecialAnswer::ALL.map(|k| (k.key(), k)),
            "\"dont_know\", \"prefer_not_to_say\", \"dont_understand\"",
        );
        let policy = ctx.keyword(
            &format!("{path}.policy"),
            &s.policy,
            &[
                ("missing", SpecialAnswerPolicy::Missing),
                ("missing_and_flag", SpecialAnswerPolicy::MissingAndFlag),
            ],
            "\"missing\", \"missing_and_flag\"",
        );
        let (Some(kind), Some(policy)) = (kind, policy) else {
            continue;
        };
        if kind == SpecialAnswer::DontUnderstand && policy != SpecialAnswerPolicy::MissingAndFlag {
            ctx.err(
                format!("{path}.policy"),
                K::Rule("dont_understand must use policy \"missing_and_flag\"".into()),
            );
        }
        if out.iter().any(|r| r.kind == kind) {
            ctx.err(
                format!("{path}.kind"),
                K::Repeated {
                    what: "special answer",
                    value: s.kind.clone(),
                },
            );
        }
        out.push(SpecialAnswerRule { kind, policy });
    }
    out
}

const ROLES: &[(&str, ItemRole)] = &[
    ("consent", ItemRole::Consent),
    ("preferred_language", ItemRole::PreferredLanguage),
    ("reading_help", ItemRole::ReadingHelp),
    ("learning_needs", ItemRole::LearningNeeds),
    ("availability", ItemRole::Availability),
    ("in_work", ItemRole::InWork),
    ("site", ItemRole::Site),
];

fn items(
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
                ROLES,
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

fn validity(ctx: &mut Ctx, raw: &RawQuestionnaire, items: &[Item]) -> Validity {
    let Some(v) = &raw.validity else {
        return Validity {
            min_seconds_per_item: None,
            max_missing_proportion: 0.2,
            opposite_pairs: Vec::new(),
        };
    };
    if let Some(s) = v.min_seconds_per_item {
        if !(s.is_finite() && s > 0.0 && s < 600.0) {
            ctx.err(
                "$.validity.min_seconds_per_item",
                K::OutOfRange {
                    what: "min_seconds_per_item",
                    rule: "above 0 and below 600",
                    found: number_text(s),
                },
            );
        }
    }
    let max_missing = v.max_missing_proportion.unwrap_or(0.2);
    if !(max_missing.is_finite() && (0.0..=1.0).contains(&max_missing)) {
        ctx.err(
            "$.validity.max_missing_proportion",
            K::OutOfRange {
                what: "max_missing_proportion",
                rule: "between 0 and 1",
                found: number_text(max_missing),
            },
        );
    }
    let mut pairs = Vec::new();
    for (i, [a, b]) in v.opposite_pairs.iter().enumerate() {
        let path = format!("$.validity.opposite_pairs[{i}]");
        let find = |id: &str| items.iter().position(|it| it.id == id);
        let (ia, ib) = (find(a), find(b));
        for (id, found) in [(a, ia), (b, ib)] {
            if found.is_none() {
                ctx.err(
                    path.clone(),
                    K::UnknownItem {
                        owner: "opposite pair".into(),
                        item: id.clone(),
                    },
                );
            }
        }
        let (Some(ia), Some(ib)) = (ia, ib) else {
            continue;
        };
        let why = if ia == ib {
            Some("an item cannot be its own opposite")
        } else if items[ia].response_scale.id != items[ib].response_scale.id {
            Some("both items must use one response scale")
        } else if items[ia].reverse_keyed == items[ib].reverse_keyed {
            Some("exactly one of the pair must be reverse keyed")
        } else {
            None
        };
        match why {
            Some(why) => ctx.err(
                path,
                K::BadOppositePair {
                    first: a.clone(),
                    second: b.clone(),
                    why,
                },
            ),
            None => pairs.push((ia, ib)),
        }
    }
    Validity {
        min_seconds_per_item: v.min_seconds_per_item,
        max_missing_proportion: max_missing,
        opposite_pairs: pairs,
    }
}

fn alerts(ctx: &mut Ctx, raw: &RawQuestionnaire, items: &[Item], langs: &[Lang]) -> Vec<Alert> {
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
