//! Records for the assessor's tests: the example TSP record at any timepoint, under any
//! reference, with its answers moved by `shift` (kept within each item's options) and every
//! report scored again by qkit-scoring, so each record is valid.

#![allow(dead_code)]

use qkit_export::{validate_record, RecordSet, ResultRecord, Timestamp};
use qkit_questionnaires::{Kit, Timepoint};
use qkit_scoring::Answer;

pub const EXAMPLE: &str = include_str!("../../../docs/examples/record.json");

pub fn kit() -> Kit {
    Kit::shipped_with_assessor().expect("the shipped definitions are valid")
}

/// A fresh, locked assessor area with the shipped kit and rules.
pub fn state() -> qkit_assessor::state::State {
    let kit = kit();
    let rules = qkit_allocation::Rules::shipped(&kit).expect("shipped rules");
    qkit_assessor::state::State::new(
        std::rc::Rc::new(kit),
        std::rc::Rc::new(rules),
        qkit_questionnaires::Lang::english(),
    )
}

/// `participant`'s TSP record at `t`, answers moved by `shift`.
pub fn record(kit: &Kit, participant: &str, t: Timepoint, shift: i32) -> ResultRecord {
    let mut r = ResultRecord::from_json(EXAMPLE.as_bytes()).expect("the example parses");
    r.participant = participant.to_owned();
    r.record_id = format!("{participant}-{t}-{shift}");
    r.timepoint = t;
    let pre = std::mem::take(&mut r.questionnaires);
    for q in kit.battery("tsp", t).expect("TSP has every battery") {
        let mut result = match pre.iter().find(|p| p.id == q.id) {
            Some(p) => p.clone(),
            None => {
                // feedback (post only): built from another result so every field keeps its default.
                let mut x = pre[0].clone();
                x.id = q.id.clone();
                x.version = q.version.clone();
                x.content_hash = q.content_hash.clone();
                x.answers = Vec::new();
                x
            }
        };
        if q.is_scored() {
            for a in &mut result.answers {
                let item = q.item(&a.item).expect("the example's items exist");
                if let Answer::Value(v) = a.answer {
                    let (min, max) = (item.response_scale.min, item.response_scale.max);
                    a.answer = Answer::Value((v + shift).clamp(min, max));
                }
            }
        }
        result.report = Some(result.score(q).expect("the answers fit"));
        r.questionnaires.push(result);
    }
    let later = (t as i64) * 56 * 86_400_000;
    for s in &mut r.sittings {
        s.started_at.0 += later;
        s.ended_at = s.ended_at.map(|e| Timestamp(e.0 + later));
    }
    for q in &mut r.questionnaires {
        for a in &mut q.answers {
            a.answered_at.0 += later;
            for h in &mut a.history {
                h.answered_at.0 += later;
            }
        }
    }
    r.consent.at = r.consent.at.map(|c| Timestamp(c.0 + later));
    r.completed_at = r.completed_at.map(|c| Timestamp(c.0 + later));
    validate_record(kit, &r).expect("the test record is valid");
    r
}

/// A set of records: (participant, timepoint, shift) each.
pub fn set(kit: &Kit, records: &[(&str, Timepoint, i32)]) -> RecordSet {
    let mut set = RecordSet::new();
    for (p, t, shift) in records {
        set.add(&format!("{p}-{t}.age"), record(kit, p, *t, *shift));
    }
    set
}

/// A test identity (made with age-keygen for these tests only; it opens nothing real).
pub const TEST_IDENTITY: &str =
    "AGE-SECRET-KEY-1J9CX5M04ZDDL36EZ6M9XP6KJ0X4E5J704ESV2FXEA4R7DMH2K87QDFZ9AR";

/// `state` with [`TEST_IDENTITY`] unlocked, as after the unlock screen.
pub fn unlocked(state: qkit_assessor::state::State) -> std::rc::Rc<qkit_assessor::state::State> {
    use yew::Reducible;
    let identity = qkit_export::Identities::parse(TEST_IDENTITY).expect("a valid identity");
    std::rc::Rc::new(state).reduce(qkit_assessor::state::Action::Unlock(std::rc::Rc::new(
        identity,
    )))
}

/// `state` with two records imported (A1 and B2 on TSP, at pre), as after an import.
pub fn two_imported(
    state: std::rc::Rc<qkit_assessor::state::State>,
) -> std::rc::Rc<qkit_assessor::state::State> {
    use qkit_assessor::state::Action;
    use yew::Reducible;
    let kit = kit();
    let mut set = RecordSet::new();
    set.add("a.age", record(&kit, "A1", Timepoint::Pre, 0));
    set.add("b.age", record(&kit, "B2", Timepoint::Pre, 1));
    let s = state.reduce(Action::ImportStarted { total: 2 });
    s.reduce(Action::ImportFinished {
        records: std::rc::Rc::new(set),
        ms: 1.0,
    })
}

/// Two records for each of `men` men on TSP, at pre and post.
pub fn cohort(kit: &Kit, men: i32) -> RecordSet {
    let mut set = RecordSet::new();
    for i in 0..men {
        let p = format!("M{i:04}");
        set.add(
            &format!("{p}-pre.age"),
            record(kit, &p, Timepoint::Pre, i % 3),
        );
        set.add(
            &format!("{p}-post.age"),
            record(kit, &p, Timepoint::Post, 1),
        );
    }
    set
}

#[cfg(target_arch = "wasm32")]
pub mod dom;
