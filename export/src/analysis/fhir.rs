//! FHIR R4 resources for the records: a Bundle (type `collection`) holding, per questionnaire
//! definition, a `Questionnaire` (canonical `url` and `version`), and per record and
//! questionnaire a `QuestionnaireResponse` that points to it (`questionnaire` is
//! `url|version`), with an `Observation` per scale score derived from the response.
//!
//! - Answers are `valueCoding`s: the option's value as the code, in a code system per response
//!   scale (`urn:qkit:questionnaire:<id>:<scale>`), its label as the display; special answers
//!   use `urn:qkit:special-answer` (`dont_know`, `prefer_not_to_say`, `dont_understand`), which
//!   the Questionnaire lists among each item's answer options. An unanswered item has no item.
//! - The response's `language` is the language its questions were shown in (each answer
//!   records its own; a Welsh sitting shows a questionnaire with no Welsh text in English), and
//!   its items' texts and answers' displays are in that language. R4 makes `Resource.language`
//!   the resource's base language and allows content in others ("Not all the content has to be
//!   in the base language", Resource.language's comments, R4 4.0.1), but its one element-level
//!   language extension (`http://hl7.org/fhir/StructureDefinition/language`) may be used only
//!   on HumanName, Address and Annotation, not on a response's item. So when staff changed the
//!   language part-way through, `language` is the one most answers were shown in
//!   ([`main_language`]) and each item shown in another carries the extension
//!   `urn:qkit:extension:language` (a language code, as `language`); an item without it is in
//!   `language`. A response with no answers has no `language`.
//! - Each item carries the wording its answer was shown in (extension
//!   `urn:qkit:extension:wording`: `standard` or `easy_read`); the response carries the
//!   participant's reference as `subject` and `author` (an identifier only), and `authored`
//!   (completed).
//! - Codes from published terminologies are given where a definition cites them (LOINC for PHQ-9
//!   and GAD-7, each with its source in the definition), and only there: no code is made up. The
//!   Questionnaire carries the instrument's code (the LOINC panel) and each item's; an option
//!   with a code (a LOINC answer) is coded with it instead of qkit's value code, in the
//!   Questionnaire and the responses alike (each option's value is its answerOption's
//!   `ordinalValue` extension); a score's Observation carries the scale's code (the
//!   LOINC total score) before qkit's own, but only for a complete score: LOINC's total is the
//!   plain sum of every item, so a score prorated for missing items carries qkit's code alone
//!   (extension `urn:qkit:extension:score-status`: `ok` or `prorated`, on every score).
//!   linkIds stay qkit's item ids.
//!
//! Only the reference and what the record holds are written. Ids and `urn:uuid:` full URLs are
//! derived from the record ids with SHA-256, so the same records give the same Bundle.

use super::table::{main_language, usable};
use crate::record::{QuestionnaireResult, ResultRecord, WordingKey};
use crate::record_set::RecordSet;
use qkit_questionnaires::{Code, Kit, Lang, Questionnaire, ResponseScale, SpecialAnswer};
use qkit_scoring::{Answer, ScoreStatus};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// The code system of special answers.
pub const SPECIAL_SYSTEM: &str = "urn:qkit:special-answer";
/// The extension saying which wording an answer was shown in.
pub const WORDING_EXTENSION: &str = "urn:qkit:extension:wording";
/// The extension on a response's item shown in another language than the response's
/// `language` (R4 has no standard one for a response's item).
pub const LANGUAGE_EXTENSION: &str = "urn:qkit:extension:language";
/// The identifier system of participants' references.
pub const PARTICIPANT_SYSTEM: &str = "urn:qkit:participant";
/// The R4 extension giving an answer option's score (its value), which a LOINC answer code
/// does not carry.
pub const ORDINAL_VALUE: &str = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
/// The code system of qkit's scale scores (`<questionnaire>.<scale>`).
pub const SCALE_SYSTEM: &str = "urn:qkit:scale";
/// The extension on a score's Observation saying how it was scored: `ok` (every item needed was
/// answered) or `prorated` (missing items were made up for by the scale's rule).
pub const SCORE_STATUS_EXTENSION: &str = "urn:qkit:extension:score-status";

/// The canonical URL of a questionnaire.
pub fn questionnaire_url(id: &str) -> String {
    format!("urn:qkit:questionnaire:{id}")
}

/// The finished records in `set` as one Bundle, texts in `lang`.
pub fn fhir_bundle(kit: &Kit, set: &RecordSet, lang: &Lang) -> Value {
    let mut definitions: BTreeMap<String, Value> = BTreeMap::new();
    let mut entries = Vec::new();
    for (_, _, by_t) in set.people() {
        for record in by_t.iter().flatten().map(|i| &i.record) {
            if record.is_unfinished() {
                continue;
            }
            for result in &record.questionnaires {
                let Some(q) = usable(kit, result) else {
                    continue;
                };
                definitions
                    .entry(q.id.clone())
                    .or_insert_with(|| questionnaire(kit, q, lang));
                let response = response(kit, q, record, result, lang);
                let response_url = full_url(&["response", &record.record_id, &q.id]);
                entries.push(entry(response_url.clone(), response));
                for scale in result.report.iter().flat_map(|r| r.scales.iter()) {
                    let Some(score) = scale.score else { continue };
                    let def = q.scale(&scale.scale);
                    let title = def.map_or("", |s| s.title.get(lang));
                    let key = ["score", &record.record_id, &q.id, &scale.scale];
                    // A scale's cited code (LOINC's total score) names the plain sum of every
                    // item; a score prorated for missing items is not that, so it carries only
                    // qkit's own code.
                    let cited = match scale.status {
                        ScoreStatus::Ok => def.map_or(&[][..], |s| &*s.codes),
                        _ => &[],
                    };
                    let mut coding = codings(cited);
                    coding.push(json!({
                        "system": SCALE_SYSTEM,
                        "code": format!("{}.{}", q.id, scale.scale),
                        "display": format!("{}: {title}", q.short_title.get(lang)),
                    }));
                    let status = match scale.status {
                        ScoreStatus::Ok => "ok",
                        _ => "prorated",
                    };
                    let observation = json!({
                        "resourceType": "Observation",
                        "id": fhir_id(&key),
                        "extension": [{"url": SCORE_STATUS_EXTENSION, "valueCode": status}],
                        "status": "final",
                        "code": {"coding": coding},
                        "subject": participant(record),
                        "effectiveDateTime": authored(record),
                        "valueQuantity": {"value": score},
                        "derivedFrom": [{"reference": response_url}],
                    });
                    entries.push(entry(full_url(&key), observation));
                }
            }
        }
    }
    let mut all: Vec<Value> = definitions
        .into_iter()
        .map(|(id, q)| entry(full_url(&["questionnaire", &id]), q))
        .collect();
    all.extend(entries);
    json!({"resourceType": "Bundle", "type": "collection", "entry": all})
}

fn entry(full_url: String, resource: Value) -> Value {
    json!({"fullUrl": full_url, "resource": resource})
}

/// The Questionnaire of a definition: items with their answer options, special answers too.
fn questionnaire(kit: &Kit, q: &Questionnaire, lang: &Lang) -> Value {
    let items: Vec<Value> = q
        .items
        .iter()
        .map(|item| {
            let scale = &item.response_scale;
            let mut options: Vec<Value> = scale
                .options
                .iter()
                .map(|o| {
                    json!({
                        "valueCoding": value_coding(q, scale, o.value, lang),
                        "extension": [{"url": ORDINAL_VALUE, "valueDecimal": o.value}],
                    })
                })
                .collect();
            options.extend(q.special_answers_for(item).map(|r| json!({"valueCoding": special_coding(kit, r.kind, lang)})));
            let mut fhir = json!({"linkId": item.id, "text": item.text.get(lang), "type": "choice", "answerOption": options});
            with_codes(&mut fhir, &item.codes);
            fhir
        })
        .collect();
    let mut fhir = json!({
        "resourceType": "Questionnaire",
        "id": fhir_id(&["questionnaire", &q.id, &q.version]),
        "url": questionnaire_url(&q.id),
        "version": q.version,
        "title": q.title.get(lang),
        "status": "active",
        "language": lang.as_str(),
        "item": items,
    });
    with_codes(&mut fhir, &q.codes);
    fhir
}

/// Adds `code` (the cited codes as Codings) to a Questionnaire or one of its items, if any.
fn with_codes(resource: &mut Value, codes: &[Code]) {
    if let (false, Some(map)) = (codes.is_empty(), resource.as_object_mut()) {
        map.insert("code".to_owned(), Value::Array(codings(codes)));
    }
}

/// The codes a definition cites, as FHIR Codings.
fn codings(codes: &[Code]) -> Vec<Value> {
    codes.iter().map(coding).collect()
}

fn coding(c: &Code) -> Value {
    json!({"system": c.system, "code": c.code, "display": c.display})
}

fn response(
    kit: &Kit,
    q: &Questionnaire,
    r: &ResultRecord,
    result: &QuestionnaireResult,
    lang: &Lang,
) -> Value {
    let main = main_language(result);
    let items: Vec<Value> = q
        .items
        .iter()
        .filter_map(|item| {
            let a = result.answers.iter().find(|a| a.item == item.id)?;
            // Validation checked every answer's language is a language tag.
            let shown = Lang::parse(&a.language).unwrap_or_else(|| lang.clone());
            let coding = match a.answer {
                Answer::Value(v) => value_coding(q, &item.response_scale, v, &shown),
                Answer::Special(kind) => special_coding(kit, kind, &shown),
            };
            let wording = match a.wording {
                WordingKey::Standard => "standard",
                WordingKey::EasyRead => "easy_read",
            };
            let mut extension = vec![json!({"url": WORDING_EXTENSION, "valueCode": wording})];
            if main != Some(a.language.as_str()) {
                extension.push(json!({"url": LANGUAGE_EXTENSION, "valueCode": a.language}));
            }
            Some(json!({
                "linkId": item.id,
                "text": item.text.get(&shown),
                "extension": extension,
                "answer": [{"valueCoding": coding}],
            }))
        })
        .collect();
    let mut fhir = json!({
        "resourceType": "QuestionnaireResponse",
        "id": fhir_id(&["response", &r.record_id, &q.id]),
        "questionnaire": format!("{}|{}", questionnaire_url(&q.id), q.version),
        "status": "completed",
        "subject": participant(r),
        "author": participant(r),
        "authored": authored(r),
        "item": items,
    });
    if let (Some(main), Some(map)) = (main, fhir.as_object_mut()) {
        map.insert("language".to_owned(), Value::String(main.to_owned()));
    }
    fhir
}

/// An answer option's Coding: its first cited code (a LOINC answer) if it has one, else its
/// value in the response scale's own code system, with its label in `lang`.
fn value_coding(q: &Questionnaire, scale: &ResponseScale, value: i32, lang: &Lang) -> Value {
    let option = scale.option(value);
    if let Some(code) = option.and_then(|o| o.codes.first()) {
        return coding(code);
    }
    let label = option.map_or("", |o| o.label.get(lang));
    json!({"system": format!("{}:{}", questionnaire_url(&q.id), scale.id), "code": value.to_string(), "display": label})
}

fn special_coding(kit: &Kit, kind: SpecialAnswer, lang: &Lang) -> Value {
    json!({"system": SPECIAL_SYSTEM, "code": kind.key(), "display": kit.ui.get(lang, &format!("special_{}", kind.key()))})
}

fn participant(r: &ResultRecord) -> Value {
    json!({"identifier": {"system": PARTICIPANT_SYSTEM, "value": r.participant}})
}

fn authored(r: &ResultRecord) -> Value {
    r.completed_at
        .map_or(Value::Null, |t| Value::String(t.rfc3339_seconds()))
}

/// A resource id from parts: 32 hex digits of their SHA-256 (ids allow at most 64 characters).
fn fhir_id(parts: &[&str]) -> String {
    hex(&digest(parts)[..16])
}

/// `urn:uuid:` with a UUID (version 8, RFC 9562: made by the application) from the parts.
fn full_url(parts: &[&str]) -> String {
    let mut b = digest(parts);
    b[6] = (b[6] & 0x0f) | 0x80;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h = hex(&b[..16]);
    format!(
        "urn:uuid:{}-{}-{}-{}-{}",
        &h[..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..]
    )
}

fn digest(parts: &[&str]) -> [u8; 32] {
    let mut hasher = Sha256::new();
    for p in parts {
        hasher.update((p.len() as u64).to_le_bytes());
        hasher.update(p.as_bytes());
    }
    hasher.finalize().into()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
