//! Merging a workspace file in the assessor's reducer, natively: the file opens with the team key
//! and the merge screen shows its one difference; "Apply" without a choice changes nothing;
//! with "keep both" the merged workspace holds both comments and the other site's results; a
//! file sealed to another team is refused and the workspace is unchanged; closing the screen
//! drops an unapplied merge.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{set, unlocked};
use qkit_assessor::model::merge::{both_comments, Choice, Conflict, Outcome};
use qkit_assessor::model::Key;
use qkit_assessor::state::{Action, FileProblem, MergeAction, State, View};
use qkit_questionnaires::Timepoint;
use rand_chacha::{rand_core::SeedableRng, ChaCha20Rng};
use std::rc::Rc;
use yew::Reducible;

/// An area holding `records` (participant, timepoint, shift) and one comment for A1.
fn site(records: &[(&str, Timepoint, i32)], comment: &str) -> Rc<State> {
    let s = unlocked(common::state());
    let s = s.reduce(Action::ImportFinished {
        records: Rc::new(set(&common::kit(), records)),
        ms: 1.0,
    });
    s.reduce(Action::Comment(Key::new("A1", "tsp"), comment.into()))
}

fn merge(s: &Rc<State>, action: MergeAction) -> Rc<State> {
    s.clone().reduce(Action::Merge(action))
}

fn open(s: &Rc<State>, sealed: &[u8]) -> Rc<State> {
    let read = Ok(sealed.to_vec());
    merge(
        s,
        MergeAction::Open {
            name: "site-b.age".into(),
            read,
        },
    )
}

#[test]
fn a_workspace_file_merges_in_only_once_its_difference_is_chosen() {
    let a = site(&[("A1", Timepoint::Pre, 0)], "Ours.");
    let b = site(
        &[("A1", Timepoint::Pre, 0), ("B2", Timepoint::Pre, 1)],
        "Theirs.",
    );
    let sealed = b
        .workspace_file(&mut ChaCha20Rng::seed_from_u64(3))
        .expect("unlocked")
        .expect("sealed");
    let s = open(&a, &sealed);
    assert_eq!(s.view, View::Merge);
    let m = s.merging.clone().expect("a merge to choose");
    assert_eq!(
        m.plan.conflicts,
        vec![Conflict::Comment {
            key: Key::new("A1", "tsp"),
            ours: "Ours.".into(),
            theirs: "Theirs.".into()
        }]
    );
    let outcomes: Vec<_> = m.plan.records.iter().map(|r| r.outcome.clone()).collect();
    assert_eq!(outcomes[1], Outcome::Added);
    assert!(matches!(outcomes[0], Outcome::AlreadyThere { .. }));
    // Nothing changes before the difference is chosen.
    let s = merge(&s, MergeAction::Apply);
    assert!(s
        .merging
        .as_ref()
        .is_some_and(|m| m.done.is_none() && m.problem.is_some()));
    assert_eq!(s.entries(), a.entries());
    assert_eq!(s.records.len(), 1);
    // Keep both: applied, with both comments and B2's result.
    let s = merge(&s, MergeAction::Choose(0, Choice::Both));
    let s = merge(&s, MergeAction::Apply);
    assert_eq!(s.merging.as_ref().and_then(|m| m.done), Some([0, 0, 1]));
    assert_eq!(
        s.comments[&Key::new("A1", "tsp")],
        both_comments("Ours.", "Theirs.")
    );
    assert_eq!(s.records.len(), 2);
    assert_eq!(s.table.rows.len(), 2, "the cohort table follows");
    // Closing the screen goes back to import.
    let s = merge(&s, MergeAction::Close);
    assert_eq!((s.view.clone(), s.merging.is_none()), (View::Import, true));
}

#[test]
fn a_file_for_another_team_is_refused_and_closing_drops_an_unapplied_merge() {
    let a = site(&[("A1", Timepoint::Pre, 0)], "Ours.");
    let other = qkit_export::NewIdentity::generate(&mut ChaCha20Rng::seed_from_u64(2));
    let theirs = Rc::new(common::state()).reduce(Action::Unlock(Rc::new(
        qkit_export::Identities::parse(other.secret_text().as_str()).expect("identity"),
    )));
    let theirs = theirs.reduce(Action::Comment(Key::new("A1", "tsp"), "Theirs.".into()));
    let sealed = theirs
        .workspace_file(&mut ChaCha20Rng::seed_from_u64(4))
        .expect("unlocked")
        .expect("sealed");
    let s = open(&a, &sealed);
    assert_eq!(
        s.keeping.file,
        Some((
            "site-b.age".into(),
            Err(FileProblem::Open(qkit_export::OpenError::NoMatchingKey))
        ))
    );
    assert!(s.merging.is_none());
    assert_eq!(s.entries(), a.entries());
    // Opened, then closed without applying: nothing changed.
    let mine = site(&[("A1", Timepoint::Pre, 0)], "Theirs.");
    let sealed = mine
        .workspace_file(&mut ChaCha20Rng::seed_from_u64(5))
        .expect("unlocked")
        .expect("sealed");
    let s = merge(&open(&a, &sealed), MergeAction::Close);
    assert!(s.merging.is_none());
    assert_eq!(s.entries(), a.entries());
}
