//! Language and easy read: recorded as shown, changed by staff mid-battery, and questionnaires
//! without a Welsh text shown in English.

use crate::common::*;
use qkit_export::WordingKey;
use qkit_questionnaires::{Lang, Timepoint};
use qkit_scoring::Answer;
use qkit_session::{Screen, Session, Verb};

#[test]
fn easy_read_and_language_are_recorded_as_shown() {
    let kit = shipped();
    let mut o = options("tc", Timepoint::Mid); // rses has Welsh; phq9 does not
    o.language = qkit_questionnaires::Lang::parse("cy").expect("cy");
    o.support.easy_read = true;
    let mut s = Session::start(&kit, o, t(0)).expect("start");
    s.apply(&kit, Verb::RecordConsent(Answer::Value(1)), t(1))
        .expect("consent");
    s.apply(&kit, Verb::Next, t(2)).expect("handover");
    s.apply(&kit, Verb::Next, t(2)).expect("practice");
    s.apply(&kit, Verb::Next, t(3)).expect("section");
    s.apply(&kit, Verb::Answer(Answer::Value(1)), t(4))
        .expect("answer");
    s.apply(&kit, Verb::Next, t(5)).expect("next");
    let a = &s.draft().record.questionnaires[1].answers[0];
    let rses_01 = kit
        .questionnaire("rses")
        .and_then(|q| q.item("rses_01"))
        .expect("rses_01");
    let expected = if rses_01.easy_read.is_some() {
        WordingKey::EasyRead
    } else {
        WordingKey::Standard
    };
    assert_eq!(a.wording, expected);
    let rses = kit.questionnaire("rses").expect("rses");
    let lang = if rses.languages.iter().any(|l| l.as_str() == "cy") {
        "cy"
    } else {
        "en"
    };
    assert_eq!(a.language, lang);
}

#[test]
fn staff_change_language_and_support_mid_battery_and_earlier_answers_keep_theirs() {
    let kit = shipped();
    let mut s = at_first_section(&kit, "tsp", Timepoint::Pre);
    s.apply(&kit, Verb::Next, t(10)).expect("to the first item");
    s.apply(&kit, Verb::Answer(Answer::Value(2)), t(11))
        .expect("answer");
    s.apply(&kit, Verb::Next, t(12)).expect("next");
    let welsh = qkit_questionnaires::Lang::parse("cy").expect("a tag");
    let support = qkit_export::Support {
        easy_read: true,
        very_large_text: true,
        large_text: true,
        high_contrast: true,
        ..Default::default()
    };
    let change = Verb::SetPresentation {
        language: welsh.clone(),
        support: support.clone(),
    };
    assert_eq!(
        s.clone().apply(&kit, change.clone(), t(13)),
        Err(qkit_session::SessionError::NotStaff),
        "the participant cannot"
    );
    s.apply(&kit, Verb::EnterStaffMode, t(13)).expect("staff");
    let unknown = Verb::SetPresentation {
        language: qkit_questionnaires::Lang::parse("fr").expect("a tag"),
        support: support.clone(),
    };
    assert!(s.clone().apply(&kit, unknown, t(14)).is_err());
    s.apply(&kit, change, t(14)).expect("staff can");
    s.apply(&kit, Verb::LeaveStaffMode, t(15))
        .expect("hand back");
    let Screen::Item(item) = s.screen(&kit) else {
        panic!("an item")
    };
    assert_eq!(item.language, welsh);
    assert_eq!(item.wording, qkit_questionnaires::Wording::EasyRead);
    s.apply(&kit, Verb::Answer(Answer::Value(3)), t(16))
        .expect("answer");
    s.apply(&kit, Verb::Next, t(17)).expect("next");
    let answers = &s.draft().record.questionnaires[1].answers;
    assert_eq!(
        (answers[0].language.as_str(), answers[0].wording),
        ("en", qkit_export::WordingKey::Standard)
    );
    assert_eq!(
        (answers[1].language.as_str(), answers[1].wording),
        ("cy", qkit_export::WordingKey::EasyRead)
    );
    assert_eq!(s.draft().record.support, support);
    assert_eq!(s.draft().record.language, "cy");
}

#[test]
fn a_welsh_sitting_names_the_questionnaires_it_shows_in_english() {
    let kit = shipped();
    let cy = Lang::parse("cy").expect("a tag");
    let ids = |programme: &str, lang: &Lang| -> Vec<String> {
        qkit_session::shown_in_another_language(&kit, programme, Timepoint::Pre, lang)
            .iter()
            .map(|q| q.id.clone())
            .collect()
    };
    // MFMC pre: consent, about_you, rses, bscs, phq9, gad7; the last four have no Welsh text.
    assert_eq!(ids("mfmc", &cy), ["rses", "bscs", "phq9", "gad7"]);
    // TSP pre: consent, about_you (both in Welsh), bis11, bscs.
    assert_eq!(ids("tsp", &cy), ["bis11", "bscs"]);
    assert!(ids("mfmc", &Lang::english()).is_empty());
    // And each of their items is shown, and recorded, in English.
    let mut options = options("mfmc", Timepoint::Pre);
    options.language = cy.clone();
    let mut s = Session::start(&kit, options, t(0)).expect("start");
    s.apply(&kit, Verb::RecordConsent(Answer::Value(1)), t(10))
        .expect("consent");
    let mut now = 10;
    let mut seen = Vec::new();
    while !s.is_final() {
        if let Screen::Item(item) = s.screen(&kit) {
            let q = kit.questionnaire(&item.questionnaire).expect("in kit");
            assert_eq!(item.language, qkit_session::language_shown(q, &cy));
            s.apply(&kit, Verb::Answer(Answer::Value(1)), t(now))
                .expect("an option");
            seen.push((item.questionnaire.clone(), item.language.to_string()));
        }
        now += 2;
        s.apply(&kit, Verb::Next, t(now)).expect("next");
    }
    assert!(seen.contains(&("about_you".into(), "cy".into())));
    assert!(seen.contains(&("rses".into(), "en".into())));
    for r in &s.draft().record.questionnaires {
        for a in &r.answers {
            let expected = if ["rses", "bscs", "phq9", "gad7"].contains(&r.id.as_str()) {
                "en"
            } else {
                "cy"
            };
            assert_eq!(a.language, expected, "{} {}", r.id, a.item);
        }
    }
}
