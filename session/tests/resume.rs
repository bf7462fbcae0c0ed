//! Carrying on a stored draft: the same screen after a round trip through JSON, changed
//! definitions, and drafts that cannot be carried on.

mod common;

use common::*;
use qkit_questionnaires::{Kit, Timepoint};
use qkit_scoring::Answer;
use qkit_session::{
    suggested_support, ChangeOutcome, Cursor, Draft, ResumeError, Screen, Session, Verb,
};

const BSCS: &str = include_str!("../../questionnaires/definitions/bscs.json");

/// Through JSON and back, as storage does.
fn round_trip(d: &Draft) -> Draft {
    let json = serde_json::to_string(d).expect("a draft serialises");
    serde_json::from_str(&json).expect("and parses back")
}

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

/// BSCS with a new version and, optionally, a reworded first item.
fn bscs_changed(reword: bool) -> Kit {
    let mut text = BSCS.replacen("\"version\": \"1.1.0\"", "\"version\": \"1.2.0\"", 1);
    assert_ne!(text, BSCS);
    text = if reword {
        text.replacen("Not at all like me\"", "Not like me at all\"", 1)
    } else {
        text.replacen("No licence statement", "No licence statement at all", 1)
    };
    with_definitions(&[("bscs.json", leak(text))])
}

#[test]
fn every_screen_comes_back_the_same_after_a_round_trip() {
    let kit = shipped();
    let mut s = Session::start(&kit, options("tsp", Timepoint::Pre), t(0)).expect("start");
    let mut now = 0;
    let mut checked = 0;
    loop {
        let resumed = Session::resume(&kit, round_trip(s.draft()), t(now)).expect("resumes");
        assert!(resumed.changes.is_empty());
        assert_eq!(
            resumed.session.screen(&kit),
            s.screen(&kit),
            "at {:?}",
            s.draft().cursor
        );
        assert_eq!(resumed.session.draft().record, s.draft().record);
        checked += 1;
        now += 2;
        let verb = match s.screen(&kit) {
            Screen::Consent { .. } => Verb::RecordConsent(Answer::Value(1)),
            Screen::Item(i) if i.answer.is_none() => Verb::Answer(Answer::Value(2)),
            Screen::ThankYou => Verb::ShowSummary,
            Screen::Summary => break,
            _ => Verb::Next,
        };
        // Carry on with the resumed copy, as the app does after a reload.
        s = resumed.session;
        s.apply(&kit, verb, t(now)).expect("a valid verb");
    }
    assert!(
        checked > 2 * 49,
        "every item was checked with and without its answer"
    );
}

#[test]
fn a_break_is_still_on_after_reopening() {
    let kit = shipped();
    let mut s = at_first_section(&kit, "tsp", Timepoint::Mid);
    s.apply(&kit, Verb::Next, t(40)).expect("section");
    s.apply(&kit, Verb::Answer(Answer::Value(2)), t(45))
        .expect("chosen");
    s.apply(&kit, Verb::TakeBreak, t(50)).expect("break");
    let r = Session::resume(&kit, round_trip(s.draft()), t(5000)).expect("resumes");
    let mut s = r.session;
    assert!(s.on_break());
    assert_eq!(
        s.apply(&kit, Verb::Next, t(5001)),
        Err(qkit_session::SessionError::OnBreak)
    );
    s.apply(&kit, Verb::Resume, t(5002)).expect("staff resume");
    let Screen::Item(item) = s.screen(&kit) else {
        panic!("an item")
    };
    assert_eq!(
        item.answer,
        Some(Answer::Value(2)),
        "the chosen answer survived"
    );
}

#[test]
fn a_new_version_with_the_same_items_carries_on_under_it() {
    let old = shipped();
    let mut s = at_first_section(&old, "tsp", Timepoint::Mid);
    s.apply(&old, Verb::Next, t(40)).expect("section");
    s.apply(&old, Verb::Answer(Answer::Value(3)), t(41))
        .expect("answer");
    s.apply(&old, Verb::Next, t(42)).expect("next");
    let new = bscs_changed(false);
    let r = Session::resume(&new, round_trip(s.draft()), t(50)).expect("resumes");
    assert_eq!(r.changes.len(), 1);
    let c = &r.changes[0];
    assert_eq!(
        (c.questionnaire.as_str(), c.old_version.as_str()),
        ("bscs", "1.1.0")
    );
    assert_eq!(c.new_version.as_deref(), Some("1.2.0"));
    assert_eq!(c.outcome, ChangeOutcome::Updated);
    let d = r.session.draft();
    assert_eq!(d.record.questionnaires[1].version, "1.2.0");
    assert_eq!(
        d.record.questionnaires[1].content_hash,
        new.questionnaire("bscs").expect("bscs").content_hash
    );
    assert_eq!(item_on_screen(&new, &r.session), "bscs_02");
    assert!(d.outdated.is_empty());
}

#[test]
fn changed_items_keep_the_old_answers_unscored_and_move_on() {
    let old = shipped();
    let mut s = at_first_section(&old, "tsp", Timepoint::Post); // consent, bis11, bscs, feedback
    while item_or_section(&old, &s) != "bscs_03" {
        if let Screen::Item(_) = s.screen(&old) {
            s.apply(&old, Verb::Answer(Answer::Value(1)), t(60))
                .expect("answer");
        }
        s.apply(&old, Verb::Next, t(61)).expect("next");
    }
    let new = bscs_changed(true);
    let r = Session::resume(&new, round_trip(s.draft()), t(70)).expect("resumes");
    assert_eq!(
        r.changes[0].outcome,
        ChangeOutcome::KeptOld { answers: 2 },
        "bscs_01 and bscs_02 were answered"
    );
    let mut s = r.session;
    let d = s.draft();
    assert_eq!(d.outdated, vec![2]);
    assert_eq!(
        d.record.questionnaires[2].version, "1.1.0",
        "kept under the old version"
    );
    assert_eq!(
        d.cursor,
        Cursor::Section { questionnaire: 3 },
        "on to the feedback form"
    );
    while !s.is_final() {
        s.apply(&new, Verb::Next, t(80)).expect("next");
    }
    let r = &s.draft().record;
    assert_eq!(r.questionnaires[2].answers.len(), 2);
    assert!(
        r.questionnaires[2].report.is_none(),
        "not scored against a changed definition"
    );
    assert!(r.questionnaires[1].report.is_some());
    assert!(r.questionnaires[2].outdated, "marked in the record itself");
    assert!(!r.questionnaires[1].outdated && !r.questionnaires[3].outdated);
    // The record validates (so it can be sealed) both under the kit it was finished with, whose
    // BSCS is newer than the answers, and under a kit that still has the old BSCS; it is never
    // re-scored in either.
    let mut sources = qkit_questionnaires::KitSources::shipped();
    let bscs = leak(BSCS.replacen("Not at all like me\"", "Not like me at all\"", 1));
    for (file, text) in &mut sources.definitions {
        if *file == "bscs.json" {
            *text = bscs;
        }
    }
    let shipped_but_new_bscs = Kit::load(&sources).expect("valid");
    assert_eq!(
        qkit_export::validate_record(&shipped_but_new_bscs, r),
        Ok(())
    );
    assert_eq!(qkit_export::validate_record(&old, r), Ok(()));
    let mut scored = r.clone();
    scored.questionnaires[2].report = scored.questionnaires[1].report.clone();
    assert!(qkit_export::validate_record(&shipped_but_new_bscs, &scored).is_err());
}

#[test]
fn a_changed_questionnaire_with_no_answers_yet_is_simply_updated() {
    let old = shipped();
    let s = at_first_section(&old, "tsp", Timepoint::Pre);
    let new = bscs_changed(true);
    let r = Session::resume(&new, round_trip(s.draft()), t(40)).expect("resumes");
    assert_eq!(r.changes[0].outcome, ChangeOutcome::Updated);
    assert!(r.session.draft().outdated.is_empty());
}

fn item_or_section(kit: &Kit, s: &Session) -> String {
    match s.screen(kit) {
        Screen::Item(i) => i.item,
        other => format!("{other:?}"),
    }
}

#[test]
fn drafts_that_cannot_be_carried_on_say_why() {
    let kit = shipped();
    let s = at_first_section(&kit, "tsp", Timepoint::Pre);
    let mut d = round_trip(s.draft());
    d.format = 99;
    assert_eq!(
        Session::resume(&kit, d, t(40)).err(),
        Some(ResumeError::UnsupportedFormat {
            found: 99,
            expected: 1
        })
    );
    let mut d = round_trip(s.draft());
    d.cursor = Cursor::Item {
        questionnaire: 1,
        item: "no_such_item".into(),
    };
    assert!(matches!(
        Session::resume(&kit, d, t(40)),
        Err(ResumeError::Inconsistent(_))
    ));
    let mut d = round_trip(s.draft());
    d.item_signatures.pop();
    assert!(matches!(
        Session::resume(&kit, d, t(40)),
        Err(ResumeError::Inconsistent(_))
    ));
}

#[test]
fn earlier_support_answers_suggest_the_support_options() {
    let kit = shipped();
    let mut s = at_first_section(&kit, "tsp", Timepoint::Pre);
    s.apply(&kit, Verb::Next, t(40)).expect("section");
    // about_you: Welsh, reading help "sometimes", learning needs "no".
    for value in [2, 3, 2] {
        s.apply(&kit, Verb::Answer(Answer::Value(value)), t(41))
            .expect("answer");
        s.apply(&kit, Verb::Next, t(42)).expect("next");
    }
    let suggested = suggested_support(&kit, &s.draft().record).expect("support answers exist");
    assert_eq!(suggested.language.as_ref().map(|l| l.as_str()), Some("cy"));
    assert!(suggested.support.read_aloud && suggested.support.easy_read);
    assert!(!suggested.support.pictorial && !suggested.support.large_text);

    let fresh = Session::start(&kit, options("tsp", Timepoint::Pre), t(0)).expect("start");
    assert_eq!(suggested_support(&kit, &fresh.draft().record), None);
}

/// The draft as the participant's build reads it: every report skipped (qkit-export without its
/// `reports` feature).
fn without_reports(d: &Draft) -> Draft {
    let mut d = round_trip(d);
    for r in &mut d.record.questionnaires {
        r.report = None;
    }
    d
}

/// TSP pre answered with the first option throughout, on the thank-you screen; and the time.
fn finished(kit: &Kit) -> (Session, i64) {
    let mut s = at_first_section(kit, "tsp", Timepoint::Pre);
    let mut now = 100;
    while !s.is_final() {
        if let Screen::Item(_) = s.screen(kit) {
            s.apply(kit, Verb::Answer(Answer::Value(1)), t(now))
                .expect("an option");
        }
        now += 3;
        s.apply(kit, Verb::Next, t(now)).expect("next");
    }
    (s, now)
}

#[test]
fn a_finished_draft_read_without_its_reports_gets_the_same_reports_again() {
    let kit = shipped();
    let (mut s, now) = finished(&kit);
    let finished = s.draft().record.clone();
    let scored = finished
        .questionnaires
        .iter()
        .filter(|r| r.report.is_some())
        .count();
    assert!(scored >= 4, "TSP pre scores its questionnaires: {scored}");
    for later in [now + 10, now + 5000] {
        let r = Session::resume(&kit, without_reports(s.draft()), t(later)).expect("resumes");
        assert_eq!(r.session.draft().record, finished);
    }
    // On the summary screen too.
    s.apply(&kit, Verb::ShowSummary, t(now + 20))
        .expect("summary");
    let r = Session::resume(&kit, without_reports(s.draft()), t(now + 30)).expect("resumes");
    assert_eq!(
        r.session.draft().record.questionnaires,
        finished.questionnaires
    );
}

#[test]
fn a_declined_draft_is_not_scored_when_reopened() {
    let kit = shipped();
    let mut s = Session::start(&kit, options("tsp", Timepoint::Pre), t(0)).expect("start");
    s.apply(&kit, Verb::RecordConsent(Answer::Value(0)), t(20))
        .expect("a recorded no");
    let r = Session::resume(&kit, without_reports(s.draft()), t(30)).expect("resumes");
    assert!(r
        .session
        .draft()
        .record
        .questionnaires
        .iter()
        .all(|q| q.report.is_none()));
}

#[test]
fn a_finished_draft_is_scored_again_only_under_the_definition_it_was_answered_under() {
    let kit = shipped();
    let (s, now) = finished(&kit);
    // BSCS changed after the battery finished: its report cannot be made again here (and the
    // record will not seal under this kit); the others are.
    let changed = bscs_changed(false);
    let r = Session::resume(&changed, without_reports(s.draft()), t(now + 10)).expect("resumes");
    for q in &r.session.draft().record.questionnaires {
        let before = s
            .draft()
            .record
            .questionnaires
            .iter()
            .find(|b| b.id == q.id);
        if q.id == "bscs" {
            assert_eq!(q.report, None);
        } else {
            assert_eq!(q.report, before.and_then(|b| b.report.clone()), "{}", q.id);
        }
    }
}
