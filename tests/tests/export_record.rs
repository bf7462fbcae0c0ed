//! The example record (`docs/examples/record.json`) is a valid TSP pre record for the shipped
//! kit, and each way a record can be wrong is caught with its own error and JSON path.

#![cfg(not(target_arch = "wasm32"))]

use qkit_export::{validate_record, RecordErrorKind, ResultRecord};
use qkit_questionnaires::{Kit, SpecialAnswer};
use qkit_scoring::Answer;

const EXAMPLE: &str = include_str!("../../docs/examples/record.json");

fn kit() -> Kit {
    Kit::shipped().expect("the shipped definitions are valid")
}

fn example() -> ResultRecord {
    ResultRecord::from_json(EXAMPLE.as_bytes()).expect("the example record parses")
}

/// The error a changed record gives, as (path, kind).
fn problem(change: impl FnOnce(&mut ResultRecord)) -> (String, RecordErrorKind) {
    let mut r = example();
    change(&mut r);
    let e = validate_record(&kit(), &r).expect_err("the change is caught");
    (e.path, *e.kind)
}

#[test]
fn the_example_record_is_valid_and_reads_back_exactly() {
    let record = example();
    if let Err(e) = validate_record(&kit(), &record) {
        panic!(
            "docs/examples/record.json is no longer valid: {e}\nIf a shipped definition changed, \
             regenerate it: cargo run -p qkit-export --example example_record > docs/examples/record.json"
        );
    }
    assert_eq!(record.programme, "tsp");
    assert!(record.questionnaires.iter().all(|q| q.report.is_some()));
    let rewritten = record.to_json_pretty().unwrap();
    assert_eq!(
        ResultRecord::from_json(rewritten.as_bytes()).unwrap(),
        record
    );
}

#[test]
fn a_changed_score_is_caught_at_its_path() {
    let (path, kind) = problem(|r| {
        let report = r.questionnaires[2].report.as_mut().unwrap();
        report.scales[9].score = Some(81.0);
    });
    assert_eq!(path, "$.questionnaires[2].report.scales[9].score");
    assert!(
        matches!(kind, RecordErrorKind::ReportMismatch { ref stored, ref rescored, .. } if stored == "81.0" && rescored == "82.0"),
        "{kind}"
    );
}

#[test]
fn a_changed_answer_no_longer_matches_its_report() {
    let (path, kind) = problem(|r| r.questionnaires[3].answers[0].answer = Answer::Value(5));
    assert!(path.starts_with("$.questionnaires[3].report."), "{path}");
    assert!(matches!(kind, RecordErrorKind::ReportMismatch { .. }));
}

#[test]
fn a_completed_record_needs_the_reports_of_scored_questionnaires() {
    let (path, kind) = problem(|r| r.questionnaires[3].report = None);
    assert_eq!(path, "$.questionnaires[3].report");
    assert_eq!(kind, RecordErrorKind::ReportMissing("bscs".into()));
    // A draft may lack them.
    let mut draft = example();
    draft.completed_at = None;
    draft.questionnaires[3].report = None;
    assert_eq!(validate_record(&kit(), &draft), Ok(()));
}

#[test]
fn answers_must_fit_their_items() {
    let (path, kind) = problem(|r| r.questionnaires[2].answers[4].answer = Answer::Value(7));
    assert_eq!(path, "$.questionnaires[2].answers[4].answer");
    assert!(
        matches!(kind, RecordErrorKind::NotAnOption { value: 7, .. }),
        "{kind}"
    );
    let (_, kind) = problem(|r| {
        r.questionnaires[0].answers[0].answer = Answer::Special(SpecialAnswer::DontKnow)
    });
    assert!(
        matches!(kind, RecordErrorKind::SpecialNotOffered { .. }),
        "{kind}"
    );
    let (_, kind) = problem(|r| r.questionnaires[2].answers[1].item = "bscs_01".into());
    assert!(
        matches!(kind, RecordErrorKind::UnknownItem { .. }),
        "{kind}"
    );
    let (_, kind) = problem(|r| {
        let copy = r.questionnaires[2].answers[0].clone();
        r.questionnaires[2].answers.push(copy);
    });
    assert_eq!(kind, RecordErrorKind::DuplicateAnswer("bis11_01".into()));
    let (path, kind) =
        problem(|r| r.questionnaires[2].answers[1].history[0].answer = Answer::Value(0));
    assert_eq!(path, "$.questionnaires[2].answers[1].history[0].answer");
    assert!(
        matches!(kind, RecordErrorKind::NotAnOption { value: 0, .. }),
        "{kind}"
    );
    let (_, kind) = problem(|r| r.questionnaires[2].answers[3].seconds = -1.0);
    assert_eq!(kind, RecordErrorKind::BadSeconds(-1.0));
    let (_, kind) = problem(|r| r.questionnaires[2].answers[3].language = "cy".into());
    assert!(
        matches!(kind, RecordErrorKind::UnknownLanguage { .. }),
        "{kind}"
    );
}

#[test]
fn history_and_sittings_run_forward_in_time() {
    let (path, kind) = problem(|r| {
        let a = &mut r.questionnaires[2].answers[1];
        a.history[0].answered_at = qkit_export::Timestamp(a.answered_at.0 + 1);
    });
    assert_eq!(path, "$.questionnaires[2].answers[1].answered_at");
    assert!(matches!(kind, RecordErrorKind::TimeOrder(_)));
    let (path, _) = problem(|r| r.sittings[0].ended_at = Some(qkit_export::Timestamp(0)));
    assert_eq!(path, "$.sittings[0].ended_at");
    let (path, _) = problem(|r| r.sittings.swap(0, 1));
    assert_eq!(path, "$.sittings[1].started_at");
}

#[test]
fn the_battery_and_the_definitions_must_be_this_kits() {
    let (_, kind) = problem(|r| r.programme = "nope".into());
    assert_eq!(kind, RecordErrorKind::UnknownProgramme("nope".into()));
    let (path, kind) = problem(|r| {
        r.questionnaires.swap(2, 3);
    });
    assert_eq!(path, "$.questionnaires");
    assert!(
        kind.to_string()
            .contains("[consent, about_you, bis11, bscs]"),
        "{kind}"
    );
    let (path, kind) = problem(|r| r.timepoint = qkit_questionnaires::Timepoint::Post);
    assert_eq!(path, "$.questionnaires");
    assert!(matches!(kind, RecordErrorKind::BatteryMismatch { .. }));
    let (path, kind) = problem(|r| r.questionnaires[2].content_hash = "0123456789abcdef".into());
    assert_eq!(path, "$.questionnaires[2].content_hash");
    let message = kind.to_string();
    assert!(
        message.contains("\"bis11\"") && message.contains("0123456789ab"),
        "{message}"
    );
}

#[test]
fn consent_and_text_fields_are_checked() {
    let (path, kind) = problem(|r| r.consent.given = false);
    assert_eq!(path, "$.questionnaires[1].answers");
    assert_eq!(kind, RecordErrorKind::NoConsent("about_you".into()));
    let (path, _) = problem(|r| r.consent.at = None);
    assert_eq!(path, "$.consent.at");
    for (field, change) in [
        (
            "$.participant",
            Box::new(|r: &mut ResultRecord| r.participant = " ".into())
                as Box<dyn FnOnce(&mut ResultRecord)>,
        ),
        (
            "$.participant",
            Box::new(|r: &mut ResultRecord| r.participant = "a\nb".into()),
        ),
        (
            "$.record_id",
            Box::new(|r: &mut ResultRecord| r.record_id = "x".repeat(65)),
        ),
        (
            "$.language",
            Box::new(|r: &mut ResultRecord| r.language = "fr".into()),
        ),
        ("$.format", Box::new(|r: &mut ResultRecord| r.format = 2)),
    ] {
        assert_eq!(problem(change).0, field);
    }
}

#[test]
fn a_declined_record_has_no_answers_beyond_consent_and_no_reports() {
    let mut declined = example();
    declined.consent.given = false;
    declined.consent.at = None;
    for q in &mut declined.questionnaires[1..] {
        q.answers.clear();
        q.report = None;
    }
    declined.questionnaires[0].answers[0].answer = Answer::Value(0);
    declined.questionnaires[0].report = None;
    assert_eq!(validate_record(&kit(), &declined), Ok(()));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

    /// Mirrors the fuzz target for reading records: damaged JSON never panics.
    #[test]
    fn damaged_record_json_never_panics(
        flips in proptest::collection::vec((0usize..30_000, proptest::prelude::any::<u8>()), 1..6),
        cut in proptest::option::of(0usize..30_000),
    ) {
        let mut bytes = EXAMPLE.as_bytes().to_vec();
        for (at, byte) in flips {
            let at = at % bytes.len();
            bytes[at] = byte;
        }
        if let Some(cut) = cut {
            bytes.truncate(cut % (bytes.len() + 1));
        }
        if let Ok(record) = ResultRecord::from_json(&bytes) {
            let _ = validate_record(&kit(), &record);
        }
    }

    /// Any changed answer value is either caught or scores to the stored report.
    #[test]
    fn a_changed_answer_is_never_accepted_with_a_stale_report(
        q in 0usize..4, a in 0usize..40, value in -3i32..8,
    ) {
        let mut r = example();
        let q = q % r.questionnaires.len();
        let n = r.questionnaires[q].answers.len();
        let original = r.questionnaires[q].answers[a % n].answer;
        r.questionnaires[q].answers[a % n].answer = Answer::Value(value);
        let kit = kit();
        let result = validate_record(&kit, &r);
        if result.is_ok() {
            let def = kit.questionnaire(&r.questionnaires[q].id).unwrap();
            let rescored = r.questionnaires[q].score(def).unwrap();
            proptest::prop_assert_eq!(Some(rescored), r.questionnaires[q].report.clone());
            // Only a same-valued change, or one to an item in no scale, keeps the report.
            let item = def.item_index(&r.questionnaires[q].answers[a % n].item).unwrap();
            let scored_item = def.scales.iter().any(|s| s.items.contains(&item));
            proptest::prop_assert!(original == Answer::Value(value) || !scored_item);
        }
    }

    /// Mirrors the fuzz target for opening: random bytes, plain or sealed, never panic in open().
    #[test]
    fn open_never_panics_on_sealed_garbage(
        content in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..2000),
        seed in 0u64..100,
    ) {
        use rand_chacha::rand_core::SeedableRng;
        let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(seed);
        let id = qkit_export::NewIdentity::generate(&mut rng);
        let ids = qkit_export::Identities::parse(&id.secret_text()).unwrap();
        let kit = kit();
        proptest::prop_assert!(qkit_export::open(&content, &ids, &kit).is_err());
        let sealed = qkit_export::seal_bytes(&content, &[id.recipient()], &mut rng).unwrap();
        proptest::prop_assert!(qkit_export::open(&sealed, &ids, &kit).is_err());
    }
}
