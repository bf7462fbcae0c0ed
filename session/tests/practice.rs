//! The practice question between the handover and the first questionnaire: the participant
//! tries choosing, changing and moving on; nothing of it reaches the draft or the record, and a
//! practice once passed is not met again.

mod common;

use common::*;
use qkit_questionnaires::{SpecialAnswer, Timepoint};
use qkit_scoring::Answer;
use qkit_session::{Cursor, Draft, Screen, Session, SessionError, Verb};

/// A sitting on the practice question (consent given, handed over).
fn at_practice() -> (qkit_questionnaires::Kit, Session) {
    let kit = shipped();
    let mut s = Session::start(&kit, options("tsp", Timepoint::Pre), t(0)).expect("start");
    s.apply(&kit, Verb::RecordConsent(Answer::Value(1)), t(30))
        .expect("consent");
    s.apply(&kit, Verb::Next, t(40)).expect("handover");
    (kit, s)
}

fn round_trip(d: &Draft) -> Draft {
    serde_json::from_str(&serde_json::to_string(d).expect("serialises")).expect("parses")
}

#[test]
fn the_practice_comes_after_the_handover_and_choosing_and_changing_records_nothing() {
    let (kit, mut s) = at_practice();
    assert_eq!(s.screen(&kit), Screen::Practice { chosen: None });
    assert_eq!(s.draft().cursor, Cursor::Practice);
    let before = s.draft().clone();
    s.apply(&kit, Verb::Answer(Answer::Value(1)), t(45))
        .expect("a practice option");
    assert_eq!(s.screen(&kit), Screen::Practice { chosen: Some(1) });
    s.apply(&kit, Verb::Answer(Answer::Value(3)), t(50))
        .expect("changed");
    assert_eq!(s.screen(&kit), Screen::Practice { chosen: Some(3) });
    // The draft moved on only in its clock of activity: no answer, no pending choice.
    let after = s.draft();
    assert_eq!(after.record, before.record);
    assert_eq!(after.pending, None);
    assert_eq!(
        Draft {
            last_activity: before.last_activity,
            ..after.clone()
        },
        before
    );
    s.apply(&kit, Verb::Next, t(55)).expect("on");
    let Screen::Section(first) = s.screen(&kit) else {
        panic!("the first section follows the practice")
    };
    assert_eq!(first.number, 1);
    assert!(
        !first.can_go_back,
        "Back does not lead back into the practice"
    );
    assert_eq!(
        s.apply(&kit, Verb::Back, t(56)),
        Err(SessionError::NothingBefore)
    );
}

#[test]
fn only_the_practice_options_can_be_chosen_and_going_back_is_refused() {
    let (kit, mut s) = at_practice();
    let before = s.clone();
    for value in [0, 4, -1] {
        assert_eq!(
            s.apply(&kit, Verb::Answer(Answer::Value(value)), t(41)),
            Err(SessionError::NotAnOption {
                item: "practice".into(),
                value
            })
        );
    }
    assert!(matches!(
        s.apply(
            &kit,
            Verb::Answer(Answer::Special(SpecialAnswer::DontKnow)),
            t(41)
        ),
        Err(SessionError::SpecialNotOffered { .. })
    ));
    assert_eq!(
        s.apply(&kit, Verb::Back, t(41)),
        Err(SessionError::NothingBefore)
    );
    assert_eq!(s, before, "refused verbs change nothing");
}

#[test]
fn a_practice_reloaded_starts_afresh_and_one_passed_is_not_repeated() {
    let (kit, mut s) = at_practice();
    s.apply(&kit, Verb::Answer(Answer::Value(2)), t(45))
        .expect("chosen");
    let reloaded = Session::resume(&kit, round_trip(s.draft()), t(46)).expect("resumes");
    assert_eq!(
        reloaded.session.screen(&kit),
        Screen::Practice { chosen: None }
    );
    // A break on the practice comes back to it as it was.
    s.apply(&kit, Verb::TakeBreak, t(47)).expect("break");
    s.apply(&kit, Verb::Resume, t(48)).expect("resume");
    assert_eq!(s.screen(&kit), Screen::Practice { chosen: Some(2) });
    s.apply(&kit, Verb::Next, t(49)).expect("on");
    let stored = round_trip(s.draft());
    assert!(matches!(stored.cursor, Cursor::Section { .. }));
    let resumed = Session::resume(&kit, stored, t(60)).expect("resumes");
    assert!(matches!(resumed.session.screen(&kit), Screen::Section(_)));
}

#[test]
fn a_finished_record_holds_no_trace_of_the_practice() {
    let (kit, mut s) = at_practice();
    s.apply(&kit, Verb::Answer(Answer::Value(1)), t(41))
        .expect("chosen");
    let mut now = 42;
    while !s.is_final() {
        let verb = match s.screen(&kit) {
            Screen::Item(i) if i.answer.is_none() => Verb::Answer(Answer::Value(1)),
            _ => Verb::Next,
        };
        s.apply(&kit, verb, t(now)).expect("a valid verb");
        now += 1;
    }
    let record = &s.draft().record;
    qkit_export::validate_record(&kit, record).expect("the record validates");
    let json = serde_json::to_string(s.draft()).expect("serialises");
    assert!(!json.contains("practice"), "{json}");
}
