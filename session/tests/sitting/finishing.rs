//! Finishing: every questionnaire scored with the scoring crate, and the summary with its counts
//! and alerts.

use crate::common::*;
use qkit_questionnaires::{SpecialAnswer, Timepoint};
use qkit_scoring::{score, Answer, ItemResponse, NormChoice};
use qkit_session::{Screen, SessionError, Summary, Verb};

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
