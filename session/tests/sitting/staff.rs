//! Staff mode: staff-only items and the assisted toggle.

use crate::common::*;
use qkit_questionnaires::Timepoint;
use qkit_scoring::Answer;
use qkit_session::{Mode, Screen, SessionError, Verb};

#[test]
fn staff_only_items_show_only_in_staff_mode_and_count_as_assisted() {
    let kit = with_staff_item();
    let mut s = at_first_section(&kit, "test", Timepoint::Mid);
    s.apply(&kit, Verb::Next, t(50)).expect("section");
    assert_eq!(item_on_screen(&kit, &s), "staffq_01");
    let Screen::Item(first) = s.screen(&kit) else {
        panic!("an item")
    };
    assert_eq!(
        first.progress.in_questionnaire,
        (1, 2),
        "staff item not counted"
    );
    s.apply(&kit, Verb::Next, t(51)).expect("next");
    assert_eq!(
        item_on_screen(&kit, &s),
        "staffq_03",
        "skipped for the participant"
    );
    assert_eq!(
        s.apply(&kit, Verb::SetAssisted(true), t(52)),
        Err(SessionError::NotStaff)
    );

    s.apply(&kit, Verb::EnterStaffMode, t(53)).expect("staff");
    assert_eq!(s.mode(), Mode::Staff);
    s.apply(&kit, Verb::Back, t(54)).expect("back");
    assert_eq!(item_on_screen(&kit, &s), "staffq_02", "staff see it");
    let Screen::Item(staff) = s.screen(&kit) else {
        panic!("an item")
    };
    assert!(staff.staff_only);
    assert_eq!(staff.progress.in_questionnaire, (2, 3));
    s.apply(&kit, Verb::Answer(Answer::Value(1)), t(55))
        .expect("answer");
    // Leaving staff mode on a staff-only item moves on to what the participant may see.
    s.apply(&kit, Verb::LeaveStaffMode, t(56)).expect("leave");
    assert_eq!(s.mode(), Mode::Participant);
    assert!(!s.assisted());
    assert_eq!(item_on_screen(&kit, &s), "staffq_03");
    let answers = &s.draft().record.questionnaires[1].answers;
    assert_eq!(answers.len(), 1);
    assert_eq!(answers[0].item, "staffq_02");
    assert!(
        answers[0].assisted,
        "staff-only answers are entered by staff"
    );
}

#[test]
fn the_assisted_toggle_marks_answers_until_staff_mode_ends() {
    let kit = shipped();
    let mut s = at_first_section(&kit, "tsp", Timepoint::Mid);
    s.apply(&kit, Verb::Next, t(50)).expect("section");
    s.apply(&kit, Verb::EnterStaffMode, t(51)).expect("staff");
    s.apply(&kit, Verb::SetAssisted(true), t(52))
        .expect("assisted");
    s.apply(&kit, Verb::Answer(Answer::Value(3)), t(53))
        .expect("answer");
    s.apply(&kit, Verb::Next, t(54)).expect("next");
    s.apply(&kit, Verb::LeaveStaffMode, t(55)).expect("leave");
    s.apply(&kit, Verb::Answer(Answer::Value(2)), t(56))
        .expect("answer");
    s.apply(&kit, Verb::Next, t(57)).expect("next");
    let answers = &s.draft().record.questionnaires[1].answers;
    assert!(answers[0].assisted);
    assert!(!answers[1].assisted);
}
