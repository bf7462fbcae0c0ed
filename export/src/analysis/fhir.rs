//! FHIR R4 resources for the records: a Bundle (type `collection`) holding, per questionnaire
//! definition, a `Questionnaire` (canonical `url` and `version`), and per record and
//! questionnaire a `QuestionnaireResponse` that points to it (`questionnaire` is
//! `url|version`), with an `Observation` per scale score derived from the response.
//!
//! - Answers are `valueCoding`s: the option's value as the code, in a code system per response
//!   scale (`urn:qkit:questionnaire:<id>:<scale>`), its label as the display; special answers
//!   use `urn:qkit:special-answer` (`dont_know`, `prefer_not_to_say`, `dont_understand`), which
//!   the Questionnaire lists among each item's answer options. An unanswered item has no item.
//! - The response carries the record's language (`language`), the wording each answer was shown
//!   in (extension `urn:qkit:extension:wording`: `standard` or `easy_read`), the participant's
//!   reference as `subject` and `author` (an identifier only), and `authored` (completed).
//! - Codes from outside qkit are given only where a definition cites them (none yet): no code is
//!   made up.
//!
//! Only the reference and what the record holds are written. Ids and `urn:uuid:` full URLs are
//! derived from the record ids with SHA-256, so the same records give the same Bundle.

use super::table::usable;
use crate::record::{QuestionnaireResult, ResultRecord, WordingKey};
use crate::record_set::RecordSet;
use qkit_questionnaires::{Kit, Lang, Questionnaire, SpecialAnswer};
use qkit_scoring::Answer;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// The code system of special answers.
pub const SPECIAL_SYSTEM: &str = "urn:qkit:special-answer";
/// The extension saying which wording an answer was shown in.
pub const WORDING_EXTENSION: &str = "urn:qkit:extension:wording";
/// The identifier system of participants' references.
pub const PARTICIPANT_SYSTEM: &str = "urn:qkit:participant";
/// The code system of qkit's scale scores (`<questionnaire>.<scale>`).
pub const SCALE_SYSTEM: &str = "urn:qkit:scale";

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
                    let title = q.scale(&scale.scale).map_or("", |s| s.title.get(lang));
                    let key = ["score", &record.record_id, &q.id, &scale.scale];
                    let observation = json!({
                        "resourceType": "Observation",
                        "id": fhir_id(&key),
                        "status": "final",
                        "code": {"coding": [{
                            "system": SCALE_SYSTEM,
                            "code": format!("{}.{}", q.id, scale.scale),
                            "display": format!("{}: {title}", q.short_title.get(lang)),
                        }]},
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
            let mut options: Vec<Value> = item
                .response_scale
                .options
                .iter()
                .map(|o| json!({"valueCoding": option_coding(q, &item.response_scale.id, o.value, o.label.get(lang))}))
                .collect();
            options.extend(q.special_answers_for(item).map(|r| json!({"valueCoding": special_coding(kit, r.kind, lang)})));
            json!({"linkId": item.id, "text": item.text.get(lang), "type": "choice", "answerOption": options})
        })
        .collect();
    json!({
        "resourceType": "Questionnaire",
        "id": fhir_id(&["questionnaire", &q.id, &q.version]),
        "url": questionnaire_url(&q.id),
        "version": q.version,
        "title": q.title.get(lang),
        "status": "active",
        "language": lang.as_str(),
        "item": items,
    })
}

fn response(
    kit: &Kit,
    q: &Questionnaire,
    r: &ResultRecord,
    result: &QuestionnaireResult,
    lang: &Lang,
) -> Value {
    let items: Vec<Value> = q
        .items
        .iter()
        .filter_map(|item| {
            let a = result.answers.iter().find(|a| a.item == item.id)?;
            let coding = match a.answer {
                Answer::Value(v) => {
                    let label = item
                        .response_scale
                        .option(v)
                        .map_or("", |o| o.label.get(lang));
                    option_coding(q, &item.response_scale.id, v, label)
                }
                Answer::Special(kind) => special_coding(kit, kind, lang),
            };
            let wording = match a.wording {
                WordingKey::Standard => "standard",
                WordingKey::EasyRead => "easy_read",
            };
            Some(json!({
                "linkId": item.id,
                "text": item.text.get(lang),
                "extension": [{"url": WORDING_EXTENSION, "valueCode": wording}],
                "answer": [{"valueCoding": coding}],
            }))
        })
        .collect();
    json!({
        "resourceType": "QuestionnaireResponse",
        "id": fhir_id(&["response", &r.record_id, &q.id]),
        "questionnaire": format!("{}|{}", questionnaire_url(&q.id), q.version),
        "status": "completed",
        "language": r.language,
        "subject": participant(r),
        "author": participant(r),
        "authored": authored(r),
        "item": items,
    })
}

fn option_coding(q: &Questionnaire, scale: &str, value: i32, label: &str) -> Value {
    json!({"system": format!("{}:{scale}", questionnaire_url(&q.id)), "code": value.to_string(), "display": label})
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
