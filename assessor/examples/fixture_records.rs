//! Writes valid result records for the assessor's end-to-end tests and measurements: a cohort of
//! participants on the shipped programmes, at pre (everyone), mid and post (some), with answers
//! that vary by participant and improve over the programme, every report scored by
//! qkit-scoring and every record checked with `validate_record`. Seal them with `qkit seal`.
//!
//! ```text
//! cargo run -p qkit-assessor --example fixture_records -- OUT_DIR [PARTICIPANTS]
//! ```
//!
//! Participant `i` (0-based) has the reference `Q<1000+i>X`; every third has all three
//! timepoints, every third pre and post, the rest pre only (waiting for a group). Participant 1
//! answers the BIS-11 far too fast at post (a response-quality flag). One file is written per
//! record, `<reference>-<timepoint>.json`, and one line per file on stdout.

use qkit_export::{
    validate_record, Consent, QuestionnaireResult, ResultRecord, Sitting, Support, Timestamp,
    WordingKey, RECORD_FORMAT,
};
use qkit_questionnaires::{Direction, ItemRole, Kit, Questionnaire, Timepoint};
use qkit_scoring::Answer;
use std::path::PathBuf;

const EXAMPLE: &str = include_str!("../../docs/examples/record.json");
/// 2026-09-01T09:00:00Z.
const FIRST_DAY: i64 = 1_788_253_200_000;
const DAY: i64 = 86_400_000;

fn main() {
    let mut args = std::env::args().skip(1);
    let out = PathBuf::from(
        args.next()
            .expect("usage: fixture_records OUT_DIR [PARTICIPANTS]"),
    );
    let count: usize = args
        .next()
        .map(|n| n.parse().expect("PARTICIPANTS is a whole number"))
        .unwrap_or(6);
    std::fs::create_dir_all(&out).expect("the output folder can be made");
    let kit = Kit::shipped_with_assessor().expect("the shipped definitions are valid");
    let template = ResultRecord::from_json(EXAMPLE.as_bytes()).expect("the example record parses");
    let programmes = ["tsp", "bbr"];
    for i in 0..count {
        let programme = programmes[i % programmes.len()];
        let timepoints: &[Timepoint] = match i % 3 {
            0 => &[Timepoint::Pre, Timepoint::Mid, Timepoint::Post],
            1 => &[Timepoint::Pre, Timepoint::Post],
            _ => &[Timepoint::Pre],
        };
        for &t in timepoints {
            let record = record(&kit, &template, i, programme, t);
            validate_record(&kit, &record).expect("the generated record is valid");
            let name = format!("{}-{}.json", record.participant, t);
            let json = record.to_json_pretty().expect("a record writes as JSON");
            std::fs::write(out.join(&name), json).expect("the record can be written");
            println!("{name}");
        }
    }
}

/// Participant `i`'s record at `t`.
fn record(
    kit: &Kit,
    template: &ResultRecord,
    i: usize,
    programme: &str,
    t: Timepoint,
) -> ResultRecord {
    let start = FIRST_DAY + (i as i64 % 28) * DAY + (t as i64) * 56 * DAY;
    let mut clock = start;
    let battery = kit
        .battery(programme, t)
        .expect("the programme has this battery");
    let too_fast = i == 1 && t == Timepoint::Post;
    let mut questionnaires = Vec::new();
    for q in battery {
        let mut answers = Vec::new();
        for (k, item) in q.items.iter().enumerate() {
            let seconds = if too_fast && q.id == "bis11" {
                0.4
            } else {
                4.0 + ((i * 7 + k * 3) % 6) as f64
            };
            clock += (seconds * 1000.0) as i64 + 1_000;
            let mut recorded = template.questionnaires[1].answers[0].clone();
            recorded.item = item.id.clone();
            recorded.answer = Answer::Value(value(q, k, i, t));
            recorded.wording = WordingKey::Standard;
            recorded.seconds = seconds;
            recorded.assisted = false;
            recorded.answered_at = Timestamp(clock);
            recorded.history = Vec::new();
            answers.push(recorded);
        }
        // Built from the template so fields added to the record type later keep their defaults.
        let mut result: QuestionnaireResult = template.questionnaires[0].clone();
        result.id = q.id.clone();
        result.version = q.version.clone();
        result.content_hash = q.content_hash.clone();
        result.answers = answers;
        result.report = Some(
            result
                .score(q)
                .expect("generated answers fit the definition"),
        );
        questionnaires.push(result);
    }
    let consent_at = questionnaires[0].answers[0].answered_at;
    let end = Timestamp(clock + 20_000);
    let mut r = template.clone();
    r.format = RECORD_FORMAT;
    r.record_id = format!("fixture-{i}-{t}");
    r.participant = format!("Q{}X", 1000 + i);
    r.programme = programme.to_owned();
    r.timepoint = t;
    r.language = "en".into();
    r.support = Support::default();
    r.consent = Consent {
        given: true,
        at: Some(consent_at),
    };
    r.sittings = vec![Sitting {
        started_at: Timestamp(start),
        ended_at: Some(end),
    }];
    r.questionnaires = questionnaires;
    r.completed_at = Some(end);
    r
}

/// The answer to item `k` of `q` for participant `i` at `t`: kit forms by role, instruments on a
/// keyed level that rises with the participant's need and falls (towards less need) over the
/// programme.
fn value(q: &Questionnaire, k: usize, i: usize, t: Timepoint) -> i32 {
    let item = &q.items[k];
    let options: Vec<i32> = item
        .response_scale
        .options
        .iter()
        .map(|o| o.value)
        .collect();
    let code = |c: &str| {
        item.response_scale
            .option_with_code(c)
            .map_or(options[0], |o| o.value)
    };
    match item.role {
        Some(ItemRole::Consent) => return code("yes"),
        Some(ItemRole::PreferredLanguage) => return code("en"),
        Some(ItemRole::ReadingHelp) => return code(if i % 5 == 4 { "yes" } else { "no" }),
        Some(ItemRole::LearningNeeds) => return code("no"),
        Some(ItemRole::InWork) => return code(if i % 4 == 3 { "yes" } else { "no" }),
        Some(ItemRole::Availability) => return code(["either", "day", "evening"][i % 3]),
        Some(ItemRole::Site) => return code(["site_a", "site_b", "site_a", "site_c"][i % 4]),
        None => {}
    }
    if !q.is_scored() {
        return options[(i + k) % options.len()];
    }
    let (min, max) = (item.response_scale.min, item.response_scale.max);
    let span = f64::from(max - min);
    // Need from 0.3 to 0.8 of the range, less by 0.1 at mid and 0.2 at post, with some
    // item-to-item variation.
    let need = 0.3 + 0.5 * (((i * 37 + 5) % 11) as f64 / 10.0);
    let need = (need - [0.0, 0.1, 0.2][t as usize] + ((k * 13 + i) % 5) as f64 * 0.08 - 0.16)
        .clamp(0.0, 1.0);
    let more_need = q
        .scales
        .iter()
        .find(|s| s.items.contains(&k))
        .is_none_or(|s| s.direction == Direction::HigherIsMoreNeed);
    let level = if more_need { need } else { 1.0 - need };
    let keyed = min + (level * span).round() as i32;
    let raw = if item.reverse_keyed {
        item.response_scale.reverse(keyed)
    } else {
        keyed
    };
    // Snap to an option that exists.
    *options
        .iter()
        .min_by_key(|o| (**o - raw).abs())
        .expect("a response scale has options")
}
