//! A sitting from start to finish: consent, handover, sections, items, breaks, staff mode,
//! history, finishing and the summary.

mod common;

use common::*;
use qkit_export::WordingKey;
use qkit_questionnaires::{Lang, SpecialAnswer, Timepoint};
use qkit_scoring::{score, Answer, ItemResponse, NormChoice};
use qkit_session::{Cursor, Mode, Screen, Session, SessionError, StartError, Summary, Verb};

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
fn finishing_scores_every_questionnaire_with_the_scoring_crate() {
    let kit = shipped();
    let mut s = at_first_section(&kit, "bbr", Timepoint::Pre);
    let mut now = 100;
    let mut n = 0i32;
    while !s.is_final() {
        if let Screen::Item(item) = s.screen(&kit) {
            let q = kit.questionnaire(&item.questionnaire).expect("in kit");
            let options = &q.item(&item.item).expect("item").response_scale.options;
            // Vary the answers; leave every seventh item unanswered.
            n += 1;
            if n % 7 != 0 {
                let value = options[(n as usize) % options.len()].value;
                s.apply(&kit, Verb::Answer(Answer::Value(value)), t(now))
                    .expect("an option");
            }
        }
        now += 2;
        s.apply(&kit, Verb::Next, t(now)).expect("next");
    }
    assert_eq!(s.screen(&kit), Screen::ThankYou);
    let r = &s.draft().record;
    assert_eq!(r.completed_at, Some(t(now)));
    for result in &r.questionnaires {
        let q = kit.questionnaire(&result.id).expect("in kit");
        let responses: Vec<ItemResponse> = result
            .answers
            .iter()
            .map(|a| ItemResponse {
                item: a.item.clone(),
                answer: a.answer,
                seconds: a.seconds,
                assisted: a.assisted,
                wording: qkit_questionnaires::Wording::Standard,
            })
            .collect();
        let expected = score(q, &responses, &NormChoice::Default).expect("scorable");
        assert_eq!(result.report.as_ref(), Some(&expected), "{}", result.id);
    }
    assert!(r
        .questionnaires
        .iter()
        .any(|q| q.report.as_ref().is_some_and(|r| !r.scales.is_empty())));
    qkit_export::validate_record(&kit, r).expect("the finished record validates and re-scores");

    s.apply(&kit, Verb::ShowSummary, t(now + 5))
        .expect("summary");
    assert_eq!(s.screen(&kit), Screen::Summary);
    assert_eq!(
        s.apply(&kit, Verb::Back, t(now + 6)),
        Err(SessionError::Finished)
    );
}

#[test]
fn the_summary_counts_answers_and_carries_alerts_with_their_messages() {
    let kit = shipped();
    let mut s = at_first_section(&kit, "tc", Timepoint::Mid); // consent, rses, phq9
    let mut now = 100;
    while !s.is_final() {
        if let Screen::Item(item) = s.screen(&kit) {
            let answer = match item.item.as_str() {
                "phq9_09" => Some(Answer::Value(2)),
                "rses_01" => Some(Answer::Special(SpecialAnswer::DontUnderstand)),
                "rses_02" => None,
                _ => Some(Answer::Value(1)),
            };
            if let Some(a) = answer {
                s.apply(&kit, Verb::Answer(a), t(now)).expect("answer");
            }
        }
        now += 4;
        s.apply(&kit, Verb::Next, t(now)).expect("next");
    }
    let summary = Summary::of(&kit, s.draft());
    assert!(summary.consent_given);
    let ids: Vec<&str> = summary
        .questionnaires
        .iter()
        .map(|q| q.id.as_str())
        .collect();
    assert_eq!(ids, ["rses", "phq9"]);
    let rses = &summary.questionnaires[0];
    assert_eq!(
        (rses.n_items, rses.answered, rses.special, rses.unanswered()),
        (10, 8, 1, 1)
    );
    assert_eq!(rses.report.as_ref().expect("scored").revisit, ["rses_01"]);
    assert_eq!(summary.answered(), 8 + 9);
    assert_eq!(summary.alerts.len(), 1);
    let alert = &summary.alerts[0];
    assert_eq!(
        (alert.questionnaire.as_str(), alert.item.as_str()),
        ("phq9", "phq9_09")
    );
    assert_eq!(alert.answer, Some(Answer::Value(2)));
    let phq9 = kit.questionnaire("phq9").expect("phq9");
    assert_eq!(alert.message, phq9.alerts[0].message);
}

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

#[test]
fn references_must_look_like_case_references() {
    // The rule is qkit_export::check_reference (tested there); the start form applies it.
    let kit = shipped();
    let start = |reference: &str| {
        let mut o = options("tsp", Timepoint::Pre);
        o.participant = reference.into();
        Session::start(&kit, o, t(0))
    };
    let started = start("  A1234BC ").expect("a case reference");
    assert_eq!(started.draft().record.participant, "A1234BC");
    assert_eq!(
        start("x-12_3").expect("starts").draft().record.participant,
        "x-12_3"
    );
    assert_eq!(start(" ").err(), Some(StartError::EmptyReference));
    for bad in [
        "John Smith",
        "Smith",
        "A1234BC/2",
        "É1",
        &"9".repeat(33),
        "A1\u{202E}CB",
        "\u{2066}A1",
        "-123",
        "=1+1",
        "@A1",
        "+44",
    ] {
        assert!(
            matches!(start(bad).err(), Some(StartError::NotAReference(_))),
            "{bad:?}"
        );
    }
    let kit = shipped();
    let mut o = options("nope", Timepoint::Pre);
    assert_eq!(
        Session::start(&kit, o.clone(), t(0)).err(),
        Some(StartError::UnknownProgramme("nope".into()))
    );
    o.programme = "tsp".into();
    o.language = qkit_questionnaires::Lang::parse("fr").expect("tag");
    assert!(matches!(
        Session::start(&kit, o, t(0)),
        Err(StartError::UnknownLanguage(_))
    ));
}

#[test]
fn a_fresh_sitting_is_on_the_consent_cursor_in_participant_mode() {
    let kit = shipped();
    let s = Session::start(&kit, options("tsp", Timepoint::Post), t(0)).expect("start");
    let d = s.draft();
    assert_eq!(d.cursor, Cursor::Consent);
    assert_eq!(d.mode, Mode::Participant);
    let ids: Vec<&str> = d
        .record
        .questionnaires
        .iter()
        .map(|q| q.id.as_str())
        .collect();
    assert_eq!(ids, ["consent", "bis11", "bscs", "feedback"]);
    assert_eq!(d.item_signatures.len(), 4);
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
