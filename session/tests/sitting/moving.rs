//! Moving through the battery: items one at a time with sections between questionnaires, Back,
//! changed answers keeping their history, and which answers an item accepts.

use crate::common::*;
use qkit_questionnaires::{SpecialAnswer, Timepoint};
use qkit_scoring::Answer;
use qkit_session::{Screen, SessionError, Verb};

#[test]
fn items_come_one_at_a_time_with_sections_between_questionnaires() {
    let kit = shipped();
    let mut s = at_first_section(&kit, "tsp", Timepoint::Pre);
    let mut seen = Vec::new();
    let mut sections = Vec::new();
    let mut now = 100;
    loop {
        match s.screen(&kit) {
            Screen::Section(sec) => {
                sections.push((sec.questionnaire.clone(), sec.number, sec.count, sec.first));
            }
            Screen::Item(item) => {
                seen.push(item.item.clone());
                assert_eq!(item.progress.in_battery, (seen.len(), 6 + 30 + 13));
                assert!(item.progress.in_questionnaire.0 <= item.progress.in_questionnaire.1);
                s.apply(&kit, Verb::Answer(Answer::Value(1)), t(now))
                    .expect("option 1 exists on every item of this battery");
            }
            Screen::ThankYou => break,
            other => panic!("unexpected screen {other:?}"),
        }
        now += 3;
        s.apply(&kit, Verb::Next, t(now)).expect("next");
    }
    assert_eq!(
        sections,
        vec![
            ("about_you".to_string(), 1, 3, true),
            ("bis11".to_string(), 2, 3, false),
            ("bscs".to_string(), 3, 3, false),
        ]
    );
    let battery = kit.battery("tsp", Timepoint::Pre).expect("tsp pre");
    let expected: Vec<String> = battery[1..]
        .iter()
        .flat_map(|q| q.items.iter().map(|i| i.id.clone()))
        .collect();
    assert_eq!(seen, expected);
}

#[test]
fn back_goes_to_the_previous_screen_and_stops_at_the_first_section() {
    let kit = shipped();
    let mut s = at_first_section(&kit, "tsp", Timepoint::Mid);
    assert_eq!(
        s.apply(&kit, Verb::Back, t(40)),
        Err(SessionError::NothingBefore)
    );
    s.apply(&kit, Verb::Next, t(41)).expect("section");
    assert_eq!(item_on_screen(&kit, &s), "bscs_01");
    s.apply(&kit, Verb::Next, t(42)).expect("skip");
    assert_eq!(item_on_screen(&kit, &s), "bscs_02");
    s.apply(&kit, Verb::Back, t(43)).expect("back");
    assert_eq!(item_on_screen(&kit, &s), "bscs_01");
    s.apply(&kit, Verb::Back, t(44))
        .expect("back to the section");
    assert!(matches!(s.screen(&kit), Screen::Section(_)));
}

#[test]
fn changing_an_answer_after_going_back_keeps_the_history_with_times() {
    let kit = shipped();
    let mut s = at_first_section(&kit, "tsp", Timepoint::Mid);
    s.apply(&kit, Verb::Next, t(100)).expect("to bscs_01");
    // Changing one's mind on the same screen is not a change of answer.
    s.apply(&kit, Verb::Answer(Answer::Value(2)), t(104))
        .expect("2");
    s.apply(&kit, Verb::Answer(Answer::Value(4)), t(106))
        .expect("4");
    s.apply(&kit, Verb::Next, t(107)).expect("next");
    s.apply(&kit, Verb::Back, t(110)).expect("back");
    // The same answer again is not a change either.
    s.apply(&kit, Verb::Answer(Answer::Value(4)), t(111))
        .expect("4 again");
    s.apply(&kit, Verb::Next, t(112)).expect("next");
    s.apply(&kit, Verb::Back, t(120)).expect("back");
    let Screen::Item(item) = s.screen(&kit) else {
        panic!("an item")
    };
    assert_eq!(
        item.answer,
        Some(Answer::Value(4)),
        "the earlier answer shows"
    );
    s.apply(&kit, Verb::Answer(Answer::Value(5)), t(125))
        .expect("5");
    s.apply(&kit, Verb::Next, t(126)).expect("next");
    let answers = &s.draft().record.questionnaires[1].answers;
    assert_eq!(answers.len(), 1);
    let a = &answers[0];
    assert_eq!(a.item, "bscs_01");
    assert_eq!(a.answer, Answer::Value(5));
    assert_eq!(a.answered_at, t(125));
    assert_eq!(a.seconds, 5.0);
    assert_eq!(a.history.len(), 1);
    assert_eq!(a.history[0].answer, Answer::Value(4));
    assert_eq!(a.history[0].answered_at, t(106));
    assert_eq!(a.history[0].seconds, 6.0);
}

#[test]
fn only_the_options_and_offered_special_answers_are_accepted() {
    let kit = shipped();
    let mut s = at_first_section(&kit, "tsp", Timepoint::Pre);
    s.apply(&kit, Verb::Next, t(50)).expect("section");
    assert!(matches!(
        s.apply(&kit, Verb::Answer(Answer::Value(9)), t(51)),
        Err(SessionError::NotAnOption { value: 9, .. })
    ));
    // about_you offers all three special answers.
    s.apply(
        &kit,
        Verb::Answer(Answer::Special(SpecialAnswer::PreferNotToSay)),
        t(52),
    )
    .expect("offered");

    let kit = with_staff_item();
    let mut s = at_first_section(&kit, "test", Timepoint::Mid);
    s.apply(&kit, Verb::Next, t(50)).expect("section");
    // staffq offers only "don't know".
    assert!(matches!(
        s.apply(
            &kit,
            Verb::Answer(Answer::Special(SpecialAnswer::DontUnderstand)),
            t(51)
        ),
        Err(SessionError::SpecialNotOffered { .. })
    ));
    s.apply(
        &kit,
        Verb::Answer(Answer::Special(SpecialAnswer::DontKnow)),
        t(52),
    )
    .expect("offered");
}
