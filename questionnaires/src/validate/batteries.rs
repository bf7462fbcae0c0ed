//! Validation of `batteries.json`: programmes, their pre, mid and post batteries, and when mid
//! and post fall due (`schedule`, read only with the `schedule` feature).

use super::{parse, Ctx};
use crate::error::{DefinitionErrorKind as K, DefinitionErrors};
use crate::model::{Programme, Questionnaire, QuestionnaireKind, Timepoint};
use crate::raw::RawBatteries;
use crate::schedule::{RawSchedule, Schedule};
#[cfg(feature = "schedule")]
use crate::schedule::{Weeks, MAX_WEEKS};
use crate::text::Lang;
use std::collections::BTreeMap;

/// Validates the batteries file against the loaded questionnaires and the UI languages.
pub(crate) fn validate_batteries(
    file: &str,
    text: &str,
    questionnaires: &BTreeMap<String, Questionnaire>,
    ui_langs: &[Lang],
) -> Result<Vec<Programme>, DefinitionErrors> {
    let raw: RawBatteries = parse(file, text)?;
    let mut ctx = Ctx::new(file);
    if !super::limits::batteries(&mut ctx, &raw) {
        return Err(DefinitionErrors(ctx.errors));
    }
    ctx.format(raw.format);
    if raw.programmes.is_empty() {
        ctx.err(
            "$.programmes",
            K::TooFew {
                what: "programmes",
                min: 1,
            },
        );
    }
    ctx.unique_ids(
        "programme",
        raw.programmes
            .iter()
            .enumerate()
            .map(|(i, p)| (format!("$.programmes[{i}].id"), p.id.as_str())),
    );
    let mut out = Vec::new();
    for (pi, p) in raw.programmes.iter().enumerate() {
        let base = format!("$.programmes[{pi}]");
        ctx.id(&format!("{base}.id"), &p.id);
        let context = format!(" (programme \"{}\")", p.id);
        let name = ctx.text(&format!("{base}.name"), &p.name, ui_langs, &context);
        let description = p
            .description
            .as_ref()
            .map(|d| ctx.text(&format!("{base}.description"), d, ui_langs, &context));
        for (tp, list) in [
            (Timepoint::Pre, &p.pre),
            (Timepoint::Mid, &p.mid),
            (Timepoint::Post, &p.post),
        ] {
            let path = format!("{base}.{tp}");
            if list.is_empty() {
                ctx.err(
                    path.clone(),
                    K::TooFew {
                        what: "a battery's questionnaires",
                        min: 1,
                    },
                );
                continue;
            }
            for (i, id) in list.iter().enumerate() {
                if list[..i].contains(id) {
                    ctx.err(
                        format!("{path}[{i}]"),
                        K::Repeated {
                            what: "questionnaire",
                            value: id.clone(),
                        },
                    );
                }
                if !questionnaires.contains_key(id) {
                    ctx.err(
                        format!("{path}[{i}]"),
                        K::UnknownQuestionnaire {
                            programme: p.id.clone(),
                            timepoint: tp.to_string(),
                            questionnaire: id.clone(),
                        },
                    );
                }
            }
            let first_is_consent = questionnaires
                .get(&list[0])
                .is_some_and(|q| q.kind == QuestionnaireKind::Consent);
            if !first_is_consent {
                ctx.err(
                    format!("{path}[0]"),
                    K::ConsentNotFirst {
                        programme: p.id.clone(),
                        timepoint: tp.to_string(),
                        first: list[0].clone(),
                    },
                );
            }
        }
        out.push(Programme {
            id: p.id.clone(),
            name,
            description,
            batteries: [p.pre.clone(), p.mid.clone(), p.post.clone()],
            schedule: schedule(&mut ctx, &base, &p.schedule),
        });
    }
    ctx.finish(out)
}

/// Checks a programme's schedule: a published or estimated one has both weeks (mid before post,
/// at most [`MAX_WEEKS`]) and says where they come from; the organisation's has no figures.
#[cfg(feature = "schedule")]
fn schedule(ctx: &mut Ctx, base: &str, raw: &RawSchedule) -> Schedule {
    let Some(raw) = raw else {
        return Schedule::Organisation;
    };
    let path = format!("{base}.schedule");
    let figures = (raw.mid_week, raw.post_week, raw.source.clone());
    match (raw.set_by.as_str(), figures) {
        ("organisation", (None, None, None)) => Schedule::Organisation,
        ("organisation", _) => {
            ctx.err(
                path,
                K::Rule("a schedule the organisation sets gives no weeks and no source".into()),
            );
            Schedule::Organisation
        }
        (set_by @ ("published" | "estimate"), (Some(mid), Some(post), Some(source))) => {
            if mid == 0 || mid >= post || post > MAX_WEEKS {
                ctx.err(
                    format!("{path}.post_week"),
                    K::OutOfRange {
                        what: "a schedule's weeks",
                        rule: "0 < mid_week < post_week <= 520",
                        found: format!("{mid} and {post}"),
                    },
                );
            }
            if source.trim().is_empty() {
                ctx.err(format!("{path}.source"), K::EmptyText(String::new()));
            }
            let weeks = Weeks { mid, post };
            if set_by == "published" {
                Schedule::Published { weeks, source }
            } else {
                Schedule::Estimate {
                    weeks,
                    basis: source,
                }
            }
        }
        ("published" | "estimate", _) => {
            ctx.err(
                path,
                K::Rule(
                    "a published or estimated schedule gives mid_week, post_week and source".into(),
                ),
            );
            Schedule::Organisation
        }
        (other, _) => {
            ctx.err(
                format!("{path}.set_by"),
                K::NotAllowed {
                    found: other.to_owned(),
                    allowed: "published, estimate, organisation",
                },
            );
            Schedule::Organisation
        }
    }
}

/// Without the `schedule` feature the member was skipped unread.
#[cfg(not(feature = "schedule"))]
fn schedule(_: &mut Ctx, _: &str, _: &RawSchedule) -> Schedule {
    Schedule::Organisation
}
