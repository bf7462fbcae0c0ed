//! Questionnaires answered under an older definition: a record marks them `outdated`, keeps their
//! answers under the version and hash they were given under, and validates (so it can be sealed)
//! without ever re-scoring them.

use qkit_export::{seal_record, validate_record, RecordErrorKind, ResultRecord};
use qkit_questionnaires::Kit;
use rand_chacha::{rand_core::SeedableRng, ChaCha20Rng};

const EXAMPLE: &str = include_str!("../../docs/examples/record.json");
/// Index of BSCS in the example TSP pre record.
const BSCS: usize = 3;

fn kit() -> Kit {
    Kit::shipped().expect("the shipped definitions are valid")
}

/// The example record with BSCS answered under an older BSCS (version 0.9.0) and so unscored.
fn with_old_bscs(mark: bool) -> ResultRecord {
    let mut r = ResultRecord::from_json(EXAMPLE.as_bytes()).expect("the example parses");
    let bscs = &mut r.questionnaires[BSCS];
    assert_eq!(bscs.id, "bscs");
    bscs.version = "0.9.0".into();
    bscs.content_hash = "a1".repeat(32);
    bscs.report = None;
    bscs.outdated = mark;
    r
}

fn problem(r: &ResultRecord) -> (String, RecordErrorKind) {
    let e = validate_record(&kit(), r).expect_err("the problem is caught");
    (e.path, *e.kind)
}

#[test]
fn a_questionnaire_marked_outdated_validates_without_a_report() {
    assert_eq!(validate_record(&kit(), &with_old_bscs(true)), Ok(()));
}

#[test]
fn unmarked_answers_under_another_definition_are_still_refused() {
    let (path, kind) = problem(&with_old_bscs(false));
    assert_eq!(path, "$.questionnaires[3].content_hash");
    assert!(
        matches!(kind, RecordErrorKind::DefinitionChanged { ref record_version, .. } if record_version == "0.9.0"),
        "{kind}"
    );
}

#[test]
fn an_outdated_questionnaire_is_never_scored() {
    let mut r = with_old_bscs(true);
    let report = ResultRecord::from_json(EXAMPLE.as_bytes())
        .unwrap()
        .questionnaires[BSCS]
        .report
        .clone();
    r.questionnaires[BSCS].report = report;
    assert_eq!(
        problem(&r),
        (
            "$.questionnaires[3].report".into(),
            RecordErrorKind::OutdatedWithReport("bscs".into())
        )
    );
}

#[test]
fn answers_under_an_unknown_definition_are_checked_for_their_structure() {
    // Items the kit no longer has are fine: the old definition had them.
    let mut r = with_old_bscs(true);
    r.questionnaires[BSCS].answers[0].item = "bscs_old_01".into();
    r.questionnaires[BSCS].answers[1].answer = qkit_scoring::Answer::Value(99);
    assert_eq!(validate_record(&kit(), &r), Ok(()));

    let mut twice = with_old_bscs(true);
    twice.questionnaires[BSCS].answers[1].item = twice.questionnaires[BSCS].answers[0].item.clone();
    assert_eq!(
        problem(&twice),
        (
            "$.questionnaires[3].answers[1].item".into(),
            RecordErrorKind::DuplicateAnswer("bscs_01".into())
        )
    );
    let mut empty = with_old_bscs(true);
    empty.questionnaires[BSCS].answers[2].item = " ".into();
    assert_eq!(problem(&empty).0, "$.questionnaires[3].answers[2].item");
    let mut seconds = with_old_bscs(true);
    seconds.questionnaires[BSCS].answers[0].seconds = f64::NAN;
    assert_eq!(
        problem(&seconds).0,
        "$.questionnaires[3].answers[0].seconds"
    );
    let mut language = with_old_bscs(true);
    language.questionnaires[BSCS].answers[0].language = "English".into();
    assert_eq!(
        problem(&language).0,
        "$.questionnaires[3].answers[0].language"
    );
    let mut time = with_old_bscs(true);
    let a = &mut time.questionnaires[BSCS].answers[0];
    let mut earlier = qkit_export::PreviousAnswer {
        answer: a.answer,
        wording: a.wording,
        language: a.language.clone(),
        seconds: 1.0,
        assisted: false,
        answered_at: a.answered_at,
    };
    earlier.answered_at.0 += 1;
    a.history.push(earlier);
    assert!(matches!(problem(&time).1, RecordErrorKind::TimeOrder(_)));
}

#[test]
fn marked_answers_under_the_kits_own_definition_are_checked_in_full() {
    // An assessor who loaded the old definition checks the answers against it.
    let mut r = ResultRecord::from_json(EXAMPLE.as_bytes()).unwrap();
    r.questionnaires[BSCS].report = None;
    r.questionnaires[BSCS].outdated = true;
    assert_eq!(validate_record(&kit(), &r), Ok(()));
    r.questionnaires[BSCS].answers[0].item = "bscs_99".into();
    assert!(matches!(
        problem(&r).1,
        RecordErrorKind::UnknownItem { ref item, .. } if item == "bscs_99"
    ));
}

#[test]
fn outdated_answers_still_need_consent() {
    let mut r = with_old_bscs(true);
    r.consent.given = false;
    for q in &mut r.questionnaires[..BSCS] {
        q.answers.clear();
        q.report = None;
    }
    for q in &mut r.questionnaires[BSCS + 1..] {
        q.answers.clear();
        q.report = None;
    }
    assert_eq!(
        problem(&r),
        (
            "$.questionnaires[3].answers".into(),
            RecordErrorKind::NoConsent("bscs".into())
        )
    );
}

#[test]
fn the_mark_is_written_only_when_set_and_reads_back() {
    let plain = ResultRecord::from_json(EXAMPLE.as_bytes()).unwrap();
    assert!(!plain.to_json_pretty().unwrap().contains("outdated"));
    let r = with_old_bscs(true);
    let json = r.to_json_pretty().unwrap();
    assert_eq!(json.matches("\"outdated\": true").count(), 1);
    assert_eq!(ResultRecord::from_json(json.as_bytes()).unwrap(), r);
}

#[test]
fn a_record_with_outdated_answers_can_be_sealed() {
    let mut rng = ChaCha20Rng::seed_from_u64(5);
    let assessor = qkit_export::NewIdentity::generate(&mut rng);
    let sealed = seal_record(
        &kit(),
        &with_old_bscs(true),
        &[assessor.recipient()],
        &mut rng,
    )
    .expect("sealed");
    assert!(sealed.starts_with(b"age-encryption.org/v1\n"));
    let refused = seal_record(
        &kit(),
        &with_old_bscs(false),
        &[assessor.recipient()],
        &mut rng,
    );
    assert!(refused.is_err());
}
