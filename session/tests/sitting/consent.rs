//! Consent: the sitting opens on it, a yes leads to the handover, a no ends the battery, and
//! anything else changes nothing.

use crate::common::*;
use qkit_questionnaires::{SpecialAnswer, Timepoint};
use qkit_scoring::Answer;
use qkit_session::{Screen, Session, SessionError, Verb};

#[test]
fn a_sitting_opens_on_consent_and_consent_leads_to_the_handover() {
    let kit = shipped();
    let mut s = Session::start(&kit, options("tsp", Timepoint::Pre), t(0)).expect("start");
    assert_eq!(
        s.screen(&kit),
        Screen::Consent {
            questionnaire: "consent".into(),
            item: "consent_01".into(),
            wording: qkit_questionnaires::Wording::Standard,
            language: qkit_questionnaires::Lang::english(),
        }
    );
    // Nothing can be answered before consent.
    assert!(s.apply(&kit, Verb::Next, t(1)).is_err());
    assert!(s.apply(&kit, Verb::Answer(Answer::Value(1)), t(1)).is_err());
    s.apply(&kit, Verb::RecordConsent(Answer::Value(1)), t(45))
        .expect("consent");
    let d = s.draft();
    assert!(d.record.consent.given);
    assert_eq!(d.record.consent.at, Some(t(45)));
    let consent = &d.record.questionnaires[0].answers;
    assert_eq!(consent.len(), 1);
    assert_eq!(consent[0].answer, Answer::Value(1));
    assert_eq!(consent[0].seconds, 45.0);
    assert_eq!(s.screen(&kit), Screen::Handover);
}

#[test]
fn refusing_consent_ends_the_battery_with_no_answers() {
    let kit = shipped();
    let mut s = Session::start(&kit, options("tsp", Timepoint::Pre), t(0)).expect("start");
    s.apply(&kit, Verb::RecordConsent(Answer::Value(0)), t(20))
        .expect("a recorded no");
    assert_eq!(s.screen(&kit), Screen::Declined);
    let r = &s.draft().record;
    assert!(!r.consent.given);
    assert_eq!(r.consent.at, Some(t(20)));
    assert_eq!(r.completed_at, Some(t(20)));
    assert!(r.questionnaires.iter().all(|q| q.answers.is_empty()));
    assert!(r.questionnaires.iter().all(|q| q.report.is_none()));
    assert_eq!(r.sittings[0].ended_at, Some(t(20)));
    qkit_export::validate_record(&kit, r).expect("a refusal is a valid record");
    for verb in [Verb::Next, Verb::Answer(Answer::Value(1)), Verb::TakeBreak] {
        assert_eq!(
            s.apply(&kit, verb, t(21)),
            Err(SessionError::Finished),
            "the battery cannot start without consent"
        );
    }
}

#[test]
fn a_consent_that_is_not_yes_or_no_changes_nothing() {
    let kit = shipped();
    let mut s = Session::start(&kit, options("tsp", Timepoint::Pre), t(0)).expect("start");
    let before = s.clone();
    let dont_understand = Answer::Special(SpecialAnswer::DontUnderstand);
    assert_eq!(
        s.apply(&kit, Verb::RecordConsent(dont_understand), t(5)),
        Err(SessionError::ConsentUndecided)
    );
    assert!(matches!(
        s.apply(&kit, Verb::RecordConsent(Answer::Value(7)), t(5)),
        Err(SessionError::NotAnOption { value: 7, .. })
    ));
    assert_eq!(s, before);
}
