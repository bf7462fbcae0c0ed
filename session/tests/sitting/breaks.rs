//! Breaks and reopening: the item hides until staff resume, time away is not counted, and a
//! long gap starts a new sitting.

use crate::common::*;
use qkit_questionnaires::Timepoint;
use qkit_scoring::Answer;
use qkit_session::{SessionError, Verb};

#[test]
fn a_break_hides_the_item_until_staff_resume_and_is_not_timed() {
    let kit = shipped();
    let mut s = at_first_section(&kit, "tsp", Timepoint::Mid);
    s.apply(&kit, Verb::Next, t(100)).expect("section");
    s.apply(&kit, Verb::TakeBreak, t(110)).expect("break");
    assert!(s.on_break());
    assert_eq!(
        s.apply(&kit, Verb::Answer(Answer::Value(1)), t(120)),
        Err(SessionError::OnBreak)
    );
    assert_eq!(
        s.apply(&kit, Verb::Next, t(120)),
        Err(SessionError::OnBreak)
    );
    s.apply(&kit, Verb::Resume, t(700)).expect("resume");
    assert!(!s.on_break());
    s.apply(&kit, Verb::Answer(Answer::Value(3)), t(705))
        .expect("answer");
    s.apply(&kit, Verb::Next, t(706)).expect("next");
    let r = &s.draft().record;
    assert_eq!(
        r.questionnaires[1].answers[0].seconds, 15.0,
        "10 s before, 5 s after"
    );
    assert_eq!(r.sittings.len(), 2);
    assert_eq!(r.sittings[0].ended_at, Some(t(110)));
    assert_eq!(r.sittings[1].started_at, t(700));
    assert_eq!(r.sittings[1].ended_at, None);
}

#[test]
fn a_long_gap_before_reopening_starts_a_new_sitting() {
    let kit = shipped();
    let mut s = at_first_section(&kit, "tsp", Timepoint::Mid);
    s.apply(&kit, Verb::Next, t(100)).expect("section");
    s.apply(&kit, Verb::Reopen, t(160)).expect("a quick reload");
    assert_eq!(s.draft().record.sittings.len(), 1);
    s.apply(&kit, Verb::Reopen, t(160 + 3600))
        .expect("the next day");
    let sittings = &s.draft().record.sittings;
    assert_eq!(sittings.len(), 2);
    assert_eq!(sittings[0].ended_at, Some(t(160)));
    assert_eq!(sittings[1].started_at, t(3760));
    s.apply(&kit, Verb::Answer(Answer::Value(1)), t(3770))
        .expect("answer");
    s.apply(&kit, Verb::Next, t(3771)).expect("next");
    let a = &s.draft().record.questionnaires[1].answers[0];
    assert_eq!(
        a.seconds, 70.0,
        "60 s before the reload, 10 s after the reopening"
    );
}
