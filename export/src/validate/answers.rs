//! Every answer, current and earlier, names an item of its questionnaire with one of the item's
//! option values or a special answer the questionnaire offers; no item is answered twice; times
//! on screen are real numbers; the history runs forward in time. Answers given under a
//! definition this kit does not have are checked for their structure only.

use crate::error::{RecordError, RecordErrorKind};
use crate::record::{QuestionnaireResult, WordingKey};
use crate::time::Timestamp;
use qkit_questionnaires::{Item, Lang, Questionnaire};
use qkit_scoring::Answer;
use std::collections::BTreeSet;

/// What the current answer and each earlier one have in common.
struct Given<'a> {
    answer: &'a Answer,
    wording: WordingKey,
    language: &'a str,
    seconds: f64,
    answered_at: Timestamp,
}

/// Checks the answers of one questionnaire against its definition (`path` is the
/// questionnaire's JSON path).
pub(super) fn check(
    path: &str,
    result: &QuestionnaireResult,
    q: &Questionnaire,
) -> Result<(), RecordError> {
    check_each(path, result, Some(q))
}

/// Checks answers given under a definition this kit does not have: each names an item once,
/// times on screen are real numbers, languages are language tags and the history runs forward.
pub(super) fn check_structure(path: &str, result: &QuestionnaireResult) -> Result<(), RecordError> {
    check_each(path, result, None)
}

fn check_each(
    path: &str,
    result: &QuestionnaireResult,
    q: Option<&Questionnaire>,
) -> Result<(), RecordError> {
    let mut seen = BTreeSet::new();
    for (i, a) in result.answers.iter().enumerate() {
        let at = format!("{path}.answers[{i}]");
        let definition = match q {
            Some(q) => match q.item(&a.item) {
                Some(item) => Some((q, item)),
                None => {
                    return Err(RecordError::new(
                        format!("{at}.item"),
                        RecordErrorKind::UnknownItem {
                            questionnaire: q.id.clone(),
                            item: a.item.clone(),
                        },
                    ))
                }
            },
            None if a.item.trim().is_empty() => {
                return Err(RecordError::new(
                    format!("{at}.item"),
                    RecordErrorKind::BadField("the item id is empty".into()),
                ))
            }
            None => None,
        };
        if !seen.insert(a.item.as_str()) {
            return Err(RecordError::new(
                format!("{at}.item"),
                RecordErrorKind::DuplicateAnswer(a.item.clone()),
            ));
        }
        let earlier = a.history.iter().enumerate().map(|(h, p)| {
            let given = Given {
                answer: &p.answer,
                wording: p.wording,
                language: &p.language,
                seconds: p.seconds,
                answered_at: p.answered_at,
            };
            (format!("{at}.history[{h}]"), given)
        });
        let current = Given {
            answer: &a.answer,
            wording: a.wording,
            language: &a.language,
            seconds: a.seconds,
            answered_at: a.answered_at,
        };
        let mut previous: Option<Timestamp> = None;
        for (p, given) in earlier.chain(std::iter::once((at.clone(), current))) {
            match definition {
                Some((q, item)) => check_given(&p, &given, item, q)?,
                None => check_plain(&p, &given)?,
            }
            if previous.is_some_and(|t| given.answered_at < t) {
                return Err(RecordError::new(
                    format!("{p}.answered_at"),
                    RecordErrorKind::TimeOrder(format!(
                        "answer to item \"{}\" is dated before the answer it replaced",
                        a.item
                    )),
                ));
            }
            previous = Some(given.answered_at);
        }
    }
    Ok(())
}

/// What can be checked of an answer without its definition: real seconds, a language tag.
fn check_plain(path: &str, g: &Given) -> Result<(), RecordError> {
    if !(g.seconds.is_finite() && g.seconds >= 0.0) {
        return Err(RecordError::new(
            format!("{path}.seconds"),
            RecordErrorKind::BadSeconds(g.seconds),
        ));
    }
    if Lang::parse(g.language).is_none() {
        return Err(RecordError::new(
            format!("{path}.language"),
            RecordErrorKind::BadField(format!("\"{}\" is not a language tag", g.language)),
        ));
    }
    Ok(())
}

/// One answer (current or earlier) fits its item.
fn check_given(path: &str, g: &Given, item: &Item, q: &Questionnaire) -> Result<(), RecordError> {
    let problem = |field: &str, kind| Err(RecordError::new(format!("{path}.{field}"), kind));
    match *g.answer {
        Answer::Value(v) if item.response_scale.option(v).is_none() => {
            let options: Vec<String> = item
                .response_scale
                .options
                .iter()
                .map(|o| o.value.to_string())
                .collect();
            return problem(
                "answer",
                RecordErrorKind::NotAnOption {
                    item: item.id.clone(),
                    value: v,
                    options: options.join(", "),
                },
            );
        }
        Answer::Special(s) if q.special_answer(s).is_none() => {
            return problem(
                "answer",
                RecordErrorKind::SpecialNotOffered {
                    questionnaire: q.id.clone(),
                    special: s.key().to_owned(),
                },
            );
        }
        _ => {}
    }
    if !(g.seconds.is_finite() && g.seconds >= 0.0) {
        return problem("seconds", RecordErrorKind::BadSeconds(g.seconds));
    }
    if !Lang::parse(g.language).is_some_and(|l| q.languages.contains(&l)) {
        return problem(
            "language",
            RecordErrorKind::UnknownLanguage {
                questionnaire: q.id.clone(),
                language: g.language.to_owned(),
            },
        );
    }
    if g.wording == WordingKey::EasyRead && item.easy_read.is_none() {
        return problem(
            "wording",
            RecordErrorKind::BadField(format!("item \"{}\" has no easy-read wording", item.id)),
        );
    }
    Ok(())
}
