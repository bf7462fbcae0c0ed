//! What a questionnaire's items can be answered with: its response scales (options, labels,
//! colours, pictograms) and the special answers it offers.

use super::codes::codes;
use super::Ctx;
use crate::error::DefinitionErrorKind as K;
use crate::model::*;
use crate::raw::*;
use crate::text::Lang;

pub(super) fn response_scales(
    ctx: &mut Ctx,
    raw: &RawQuestionnaire,
    langs: &[Lang],
) -> Vec<ResponseScale> {
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

pub(super) fn special_answers(ctx: &mut Ctx, raw: &RawQuestionnaire) -> Vec<SpecialAnswerRule> {
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
