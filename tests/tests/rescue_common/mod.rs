//! Sittings in progress for the rescue tests, made as the app makes them: started on the shipped
//! kit with qkit-session, consent recorded, a few items answered, and stored as the app stores
//! them inside a sealed draft (`{"header":…,"draft":…}`).

#![allow(dead_code)]

use qkit_export::{ResultRecord, Support, Timestamp};
use qkit_questionnaires::{Kit, Lang, Timepoint};
use qkit_scoring::Answer;
use qkit_session::{Screen, Session, StartOptions, Verb};

/// One stored sitting and the answers given in it.
pub struct InProgress {
    /// The app's stored inner text, `{"header":…,"draft":…}`.
    pub inner: String,
    /// The record in the draft.
    pub record: ResultRecord,
    /// (questionnaire, item, value) of every answer given, consent included.
    pub answers: Vec<(String, String, i32)>,
}

/// Two sittings in progress on the shipped kit: "TSP-0101" at mid with 5 items answered and
/// "BBR-0202" at pre with 3.
pub fn two_sittings(kit: &Kit) -> [InProgress; 2] {
    [
        in_progress(kit, "r-0101", "TSP-0101", "tsp", Timepoint::Mid, 5),
        in_progress(kit, "r-0202", "BBR-0202", "bbr", Timepoint::Pre, 3),
    ]
}

/// Starts a sitting, records consent and answers `items` items (each a different option where
/// the item has several), leaving the next item on screen.
pub fn in_progress(
    kit: &Kit,
    record_id: &str,
    participant: &str,
    programme: &str,
    timepoint: Timepoint,
    items: usize,
) -> InProgress {
    let t = |s: i64| Timestamp(1_795_000_000_000 + s * 1000);
    let options = StartOptions {
        record_id: record_id.into(),
        kit_version: "0.1.0".into(),
        device: None,
        participant: participant.into(),
        programme: programme.into(),
        timepoint,
        language: Lang::english(),
        support: Support::default(),
    };
    let mut s = Session::start(kit, options, t(0)).expect("a valid start");
    s.apply(kit, Verb::RecordConsent(Answer::Value(1)), t(60))
        .expect("consent");
    let consent_item = s.draft().record.questionnaires[0].answers[0].item.clone();
    let mut answers = vec![("consent".to_owned(), consent_item, 1)];
    let mut clock = 61;
    while answers.len() <= items {
        assert!(clock < 61 + 7 * 100, "{programme}: no item to answer");
        clock += 7;
        if let Screen::Item(item) = s.screen(kit) {
            let q = kit.questionnaire(&item.questionnaire).expect("in the kit");
            let scale = &q.item(&item.item).expect("an item").response_scale;
            let value = scale.options[answers.len() % scale.options.len()].value;
            s.apply(kit, Verb::Answer(Answer::Value(value)), t(clock))
                .expect("an answer");
            answers.push((item.questionnaire.clone(), item.item.clone(), value));
        }
        s.apply(kit, Verb::Next, t(clock + 1)).expect("next");
    }
    let draft = s.draft();
    assert!(draft.record.is_unfinished());
    let inner = serde_json::json!({
        "header": {
            "participant": participant,
            "programme": programme,
            "timepoint": timepoint.key(),
            "state": "in_progress",
            "updated": t(clock).0,
        },
        "draft": draft,
    })
    .to_string();
    InProgress {
        inner,
        record: draft.record.clone(),
        answers,
    }
}

/// Checks every answer of `sitting` is in `record`, with its value.
pub fn assert_answers_in(sitting: &InProgress, record: &ResultRecord) {
    for (questionnaire, item, value) in &sitting.answers {
        let found = record
            .questionnaires
            .iter()
            .filter(|q| &q.id == questionnaire)
            .flat_map(|q| &q.answers)
            .find(|a| &a.item == item)
            .map(|a| a.answer);
        assert_eq!(
            found,
            Some(Answer::Value(*value)),
            "{} {questionnaire} {item}",
            record.participant
        );
    }
}
