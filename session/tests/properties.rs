//! Properties of any sequence of verbs: the sitting never breaks its own rules, and a stored
//! draft always carries on exactly where it was.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::*;
use proptest::prelude::*;
use qkit_questionnaires::{Kit, SpecialAnswer, Timepoint};
use qkit_scoring::Answer;
use qkit_session::{Draft, Screen, Session, Verb};
use std::sync::OnceLock;

fn kit() -> &'static Kit {
    static KIT: OnceLock<Kit> = OnceLock::new();
    KIT.get_or_init(with_staff_item)
}

/// A verb drawn from what a person could press; answers pick an option by position.
#[derive(Debug, Clone)]
enum Step {
    Choose(usize),
    Special(usize),
    Verb(Verb),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        6 => (0usize..6).prop_map(Step::Choose),
        1 => (0usize..3).prop_map(Step::Special),
        6 => Just(Step::Verb(Verb::Next)),
        3 => Just(Step::Verb(Verb::Back)),
        1 => Just(Step::Verb(Verb::TakeBreak)),
        1 => Just(Step::Verb(Verb::Resume)),
        1 => Just(Step::Verb(Verb::EnterStaffMode)),
        1 => Just(Step::Verb(Verb::LeaveStaffMode)),
        1 => any::<bool>().prop_map(|b| Step::Verb(Verb::SetAssisted(b))),
        1 => Just(Step::Verb(Verb::Reopen)),
        1 => Just(Step::Verb(Verb::ShowSummary)),
    ]
}

/// The verb a step means on the current screen (option positions wrap round the scale).
fn verb(kit: &Kit, s: &Session, step: &Step) -> Verb {
    let item = match s.screen(kit) {
        Screen::Item(i) => kit
            .questionnaire(&i.questionnaire)
            .and_then(|q| q.item(&i.item)),
        _ => None,
    };
    match (step, item) {
        // 0 is no practice option: refused.
        (Step::Choose(n), None) if matches!(s.screen(kit), Screen::Practice { .. }) => {
            Verb::Answer(Answer::Value(*n as i32 % 4))
        }
        (Step::Choose(n), Some(item)) => {
            let options = &item.response_scale.options;
            Verb::Answer(Answer::Value(options[n % options.len()].value))
        }
        (Step::Special(n), _) => Verb::Answer(Answer::Special(SpecialAnswer::ALL[n % 3])),
        (Step::Choose(_), None) => Verb::Next,
        (Step::Verb(v), _) => v.clone(),
    }
}

fn round_trip(d: &Draft) -> Draft {
    serde_json::from_str(&serde_json::to_string(d).expect("serialises")).expect("parses")
}

fn check_invariants(kit: &Kit, s: &Session) {
    let d = s.draft();
    for result in &d.record.questionnaires {
        let q = kit.questionnaire(&result.id).expect("in kit");
        let mut seen = std::collections::BTreeSet::new();
        for a in &result.answers {
            assert!(
                seen.insert(&a.item),
                "one current answer per item: {}",
                a.item
            );
            let item = q.item(&a.item).expect("answers name real items");
            match a.answer {
                Answer::Value(v) => assert!(item.response_scale.option(v).is_some()),
                Answer::Special(k) => assert!(q.special_answer(k).is_some()),
            }
            let mut earlier = a
                .history
                .iter()
                .map(|h| (h.answer, h.answered_at))
                .collect::<Vec<_>>();
            earlier.push((a.answer, a.answered_at));
            for pair in earlier.windows(2) {
                assert_ne!(pair[0].0, pair[1].0, "history holds only real changes");
                assert!(pair[0].1 <= pair[1].1, "history is in time order");
            }
            assert!(a.seconds >= 0.0);
            if item.staff_only {
                assert!(a.assisted, "staff-only answers are assisted");
            }
        }
    }
    if !d.record.consent.given {
        assert!(d.record.questionnaires.iter().all(|q| q.answers.is_empty()));
    }
    if let Screen::Item(i) = s.screen(kit) {
        let (n, total) = i.progress.in_battery;
        let (qn, qt) = i.progress.in_questionnaire;
        assert!(
            1 <= n && n <= total && 1 <= qn && qn <= qt,
            "{:?}",
            i.progress
        );
        if i.staff_only {
            assert_eq!(
                s.mode(),
                qkit_session::Mode::Staff,
                "staff-only items only in staff mode"
            );
        }
    }
    let open = d
        .record
        .sittings
        .iter()
        .filter(|x| x.ended_at.is_none())
        .count();
    assert!(open <= 1, "at most one sitting is open");
    if s.is_final() {
        assert!(d.record.completed_at.is_some());
        qkit_export::validate_record(kit, &d.record).expect("a finished record validates");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_sequence_keeps_the_rules_and_resumes_exactly(
        programme_tp in prop_oneof![Just(Timepoint::Pre), Just(Timepoint::Mid), Just(Timepoint::Post)],
        consent in any::<bool>(),
        steps in prop::collection::vec((step(), 0i64..90), 0..160),
    ) {
        let kit = kit();
        let mut s = Session::start(kit, options("test", programme_tp), t(0)).expect("start");
        let mut now = 10;
        let answer = if consent { 1 } else { 0 };
        s.apply(kit, Verb::RecordConsent(Answer::Value(answer)), t(now)).expect("consent");
        for (step, gap) in steps {
            now += gap;
            let v = verb(kit, &s, &step);
            let before = s.clone();
            if s.apply(kit, v, t(now)).is_err() {
                prop_assert_eq!(&s, &before, "a refused verb changes nothing");
            }
            check_invariants(kit, &s);
            let resumed = Session::resume(kit, round_trip(s.draft()), t(now)).expect("resumes");
            // The practice choice is never stored: a reloaded practice starts afresh.
            let expected = match s.screen(kit) {
                Screen::Practice { .. } => Screen::Practice { chosen: None },
                other => other,
            };
            prop_assert_eq!(resumed.session.screen(kit), expected);
            prop_assert_eq!(&resumed.session.draft().record, &s.draft().record);
            prop_assert_eq!(resumed.session.mode(), s.mode());
            prop_assert_eq!(resumed.session.on_break(), s.on_break());
        }
    }
}
