//! Writes the example result record (`docs/examples/record.json`): a TSP pre battery answered
//! plausibly over two sittings, with one changed answer, one staff-assisted answer and two
//! special answers, scored by qkit-scoring. Regenerate it after a shipped definition changes:
//!
//! ```text
//! cargo run -p qkit-export --example example_record > docs/examples/record.json
//! ```

use qkit_export::{
    validate_record, Consent, PreviousAnswer, QuestionnaireResult, RecordedAnswer, ResultRecord,
    Sitting, Support, Timestamp, WordingKey, RECORD_FORMAT,
};
use qkit_questionnaires::{Kit, SpecialAnswer, Timepoint};
use qkit_scoring::Answer;

/// 2026-11-23T10:00:00Z.
const START: i64 = 1_795_428_000_000;
const MINUTE: i64 = 60_000;

/// Answers in item order: a value, or a special answer.
fn answers_for(id: &str) -> Vec<Answer> {
    let v = |values: &[i32]| values.iter().map(|&x| Answer::Value(x)).collect::<Vec<_>>();
    match id {
        "consent" => v(&[1]),
        "about_you" => v(&[1, 3, 1, 2, 2, 1]),
        "bis11" => {
            let mut a = v(&[
                2, 3, 3, 2, 3, 2, 2, 2, 2, 1, 2, 2, 2, 3, 2, 2, 3, 2, 3, 2, 2, 3, 2, 2, 3, 2, 3, 2,
                2, 2,
            ]);
            a[15] = Answer::Special(SpecialAnswer::DontKnow); // bis11_16 "I change jobs."
            a
        }
        "bscs" => {
            let mut a = v(&[3, 4, 2, 3, 4, 3, 4, 2, 3, 3, 3, 4, 4]);
            a[8] = Answer::Special(SpecialAnswer::DontUnderstand); // bscs_09
            a
        }
        _ => Vec::new(),
    }
}

fn main() {
    let kit = Kit::shipped().expect("the shipped definitions are valid");
    let battery = kit
        .battery("tsp", Timepoint::Pre)
        .expect("TSP has a pre battery");
    let mut clock = START + MINUTE;
    let mut first_sitting_end = START;
    let mut questionnaires = Vec::new();
    for q in &battery {
        let mut answers = Vec::new();
        for (i, (item, answer)) in q.items.iter().zip(answers_for(&q.id)).enumerate() {
            if q.id == "bscs" && i == 0 {
                first_sitting_end = clock + 90_000;
                clock = START + 40 * MINUTE; // the second sitting, after a break
            }
            let seconds = 3.0 + f64::from((i as u32 * 7) % 9) + 0.25;
            clock += (seconds * 1000.0) as i64 + 1_500;
            let mut recorded = RecordedAnswer {
                item: item.id.clone(),
                answer,
                wording: if item.easy_read.is_some() && q.id != "consent" {
                    WordingKey::EasyRead
                } else {
                    WordingKey::Standard
                },
                language: "en".into(),
                seconds,
                assisted: item.id == "about_you_06",
                answered_at: Timestamp(clock),
                history: Vec::new(),
            };
            if item.id == "bis11_02" {
                // First answered "Often", changed to "Occasionally" after going back.
                recorded.history.push(PreviousAnswer {
                    answer: Answer::Value(3),
                    wording: recorded.wording,
                    language: "en".into(),
                    seconds: 4.5,
                    assisted: false,
                    answered_at: Timestamp(clock - 9_000),
                });
            }
            answers.push(recorded);
        }
        let result = QuestionnaireResult::scored(q, answers).expect("the example answers fit");
        questionnaires.push(result);
    }
    let consent_at = questionnaires[0].answers[0].answered_at;
    let record = ResultRecord {
        format: RECORD_FORMAT,
        kit_version: env!("CARGO_PKG_VERSION").into(),
        device: Some("K7QD-2MXA".into()),
        record_id: "7f3a9c21-5d4e-4b0a-9e61-0c2d8a4f1b37".into(),
        participant: "TSP-0421".into(),
        programme: "tsp".into(),
        timepoint: Timepoint::Pre,
        language: "en".into(),
        support: Support {
            read_aloud: true,
            easy_read: true,
            pictorial: true,
            large_text: false,
            very_large_text: false,
            high_contrast: false,
        },
        consent: Consent {
            given: true,
            at: Some(consent_at),
        },
        sittings: vec![
            Sitting {
                started_at: Timestamp(START),
                ended_at: Some(Timestamp(first_sitting_end)),
            },
            Sitting {
                started_at: Timestamp(START + 40 * MINUTE),
                ended_at: Some(Timestamp(clock + 30_000)),
            },
        ],
        questionnaires,
        completed_at: Some(Timestamp(clock + 30_000)),
    };
    validate_record(&kit, &record).expect("the example record is valid");
    println!(
        "{}",
        record.to_json_pretty().expect("a record writes as JSON")
    );
}
