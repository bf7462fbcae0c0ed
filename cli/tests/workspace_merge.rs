//! `qkit workspace merge`: two workspace files with two conflicts (a staff entry and a report
//! comment) and records on both sides. Unchosen conflicts are listed and nothing is written
//! (exit 1); `--choose N=a|b|both` chooses one conflict, `--take a|b` every one left; a choice a
//! conflict does not offer, or a number with no conflict, is refused; what became of each of B's
//! records is listed, and the merged file opens with the team key.

#[path = "../../tests/tests/export_common/mod.rs"]
mod export_common;
// Only its `qkit` runner is used here.
#[allow(dead_code)]
mod scoring_common;

use export_common::Scratch;
use qkit_allocation::Level;
use qkit_cohort::staff::StaffEntry;
use qkit_cohort::workspace::Entries;
use qkit_cohort::workspace_file::{file_json, read_file};
use qkit_cohort::Key;
use qkit_export::{Identities, NewIdentity, RecordSet, ResultRecord, Timestamp};
use qkit_questionnaires::{Kit, Timepoint};
use rand_core::OsRng;
use scoring_common::qkit;
use std::path::{Path, PathBuf};

const EXAMPLE: &str = include_str!("../../docs/examples/record.json");

fn record(participant: &str, id: &str) -> ResultRecord {
    let mut r = ResultRecord::from_json(EXAMPLE.as_bytes()).expect("the example parses");
    r.participant = participant.to_owned();
    r.record_id = id.to_owned();
    r.timepoint = Timepoint::Pre;
    r
}

fn staff(risk: Level) -> StaffEntry {
    StaffEntry {
        risk: Some(risk),
        ..StaffEntry::default()
    }
}

/// A workspace file in `dir/name` holding `records` (participant, record id), a staff entry and
/// comments, sealed to `identity`.
fn workspace(
    dir: &Scratch,
    name: &str,
    identity: &NewIdentity,
    records: &[(&str, &str)],
    risk: Level,
    comments: &[(&str, &str)],
) -> PathBuf {
    let mut set = RecordSet::new();
    for (p, id) in records {
        set.add(&format!("{id}.age"), record(p, id));
    }
    let entries = Entries {
        staff: [(Key::new("A1", "tsp"), staff(risk))].into(),
        comments: comments
            .iter()
            .map(|(p, c)| (Key::new(p, "tsp"), (*c).to_owned()))
            .collect(),
        ..Entries::default()
    };
    let json = file_json(&entries, &set);
    let sealed = qkit_export::seal_bytes(&json, &[identity.recipient()], &mut OsRng).unwrap();
    let path = dir.path(name);
    std::fs::write(&path, sealed).unwrap();
    path
}

struct Setup {
    dir: Scratch,
    key: PathBuf,
    a: PathBuf,
    b: PathBuf,
}

fn setup(name: &str) -> Setup {
    let dir = Scratch::new(name);
    let identity = NewIdentity::generate(&mut OsRng);
    let key = dir.path("identity.txt");
    std::fs::write(&key, identity.file_text(Timestamp(0)).as_bytes()).unwrap();
    let a = workspace(
        &dir,
        "a.age",
        &identity,
        &[("A1", "r1")],
        Level::High,
        &[("A1", "Ours.")],
    );
    let b = workspace(
        &dir,
        "b.age",
        &identity,
        &[("A1", "r1"), ("B2", "r2"), ("A1", "r1")],
        Level::Medium,
        &[("A1", "Theirs."), ("B2", "New.")],
    );
    Setup { dir, key, a, b }
}

fn s(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}

/// `qkit workspace merge A B -i KEY -o OUT [--take take]`: (exit code, stdout, stderr).
fn merge(t: &Setup, b: &Path, out: &Path, take: Option<&str>) -> (i32, String, String) {
    let take: Vec<&str> = take.map_or(vec![], |take| vec!["--take", take]);
    merge_with(t, b, out, &take)
}

/// `qkit workspace merge A B -i KEY -o OUT` with the choices `more`: (exit code, stdout, stderr).
fn merge_with(t: &Setup, b: &Path, out: &Path, more: &[&str]) -> (i32, String, String) {
    let mut args = vec!["workspace", "merge", s(&t.a), s(b), "--identity", s(&t.key)];
    args.extend(["--out", s(out)]);
    args.extend(more);
    qkit(&args)
}

/// The merged file's entries and records, opened with the team key.
fn opened(key: &Path, file: &Path) -> (Entries, RecordSet) {
    let identities = Identities::from_bytes(&std::fs::read(key).unwrap()).unwrap();
    let plain = qkit_export::decrypt(&std::fs::read(file).unwrap(), &identities).unwrap();
    let file = read_file(&plain).expect("a workspace file");
    let entries = file.entries.clone();
    (
        entries,
        file.records(&Kit::shipped().expect("the shipped kit loads"))
            .expect("records fit the kit"),
    )
}

#[test]
fn without_take_the_conflicts_are_listed_and_nothing_is_written() {
    let t = setup("merge-list");
    let c = t.dir.path("c.age");
    let (code, out, err) = merge(&t, &t.b, &c, None);
    assert_eq!(code, 1, "{err}");
    assert!(
        out.contains("conflict 1 (a or b): staff entries for A1 on tsp"),
        "{out}"
    );
    assert!(out.contains(r#"A: {"risk":"high""#), "{out}");
    assert!(out.contains(r#"B: {"risk":"medium""#), "{out}");
    assert!(
        out.contains(
            "conflict 2 (a, b or both): report comment for A1 on tsp\n  A: \"Ours.\"\n  B: \"Theirs.\""
        ),
        "{out}"
    );
    assert!(!out.contains("conflict 3"), "{out}");
    assert!(
        err.contains("2 of 2 conflicts not chosen (1, 2); nothing written"),
        "{err}"
    );
    assert!(!c.exists());
}

#[test]
fn take_b_takes_their_side_and_lists_each_record() {
    let t = setup("merge-take-b");
    let c = t.dir.path("c.age");
    let (code, _, err) = merge(&t, &t.b, &c, Some("b"));
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("B's record A1 tsp pre (r1.age): already there (from r1.age)"),
        "{err}"
    );
    assert!(
        err.contains("B's record B2 tsp pre (r2.age): added"),
        "{err}"
    );
    assert!(
        err.contains("conflicts: 0 kept from A, 2 taken from B, 0 with both comments kept"),
        "{err}"
    );
    let (entries, records) = opened(&t.key, &c);
    assert_eq!(entries.staff[&Key::new("A1", "tsp")], staff(Level::Medium));
    assert_eq!(entries.comments[&Key::new("A1", "tsp")], "Theirs.");
    assert_eq!(entries.comments[&Key::new("B2", "tsp")], "New.");
    assert_eq!(records.len(), 2);
    // C exists now: it is never overwritten.
    let (code, _, err) = merge(&t, &t.b, &c, Some("a"));
    assert_eq!(code, 1);
    assert!(err.contains("exists; it is not overwritten"), "{err}");
}

#[test]
fn take_a_keeps_our_side_and_a_file_that_does_not_open_is_named() {
    let t = setup("merge-take-a");
    let c = t.dir.path("c.age");
    let (code, _, err) = merge(&t, &t.b, &c, Some("a"));
    assert_eq!(code, 0, "{err}");
    let (entries, _) = opened(&t.key, &c);
    assert_eq!(entries.staff[&Key::new("A1", "tsp")], staff(Level::High));
    assert_eq!(entries.comments[&Key::new("A1", "tsp")], "Ours.");
    assert_eq!(entries.comments[&Key::new("B2", "tsp")], "New.");
    // B sealed to another team does not open with this key.
    let other = NewIdentity::generate(&mut OsRng);
    let foreign = workspace(&t.dir, "foreign.age", &other, &[], Level::Low, &[]);
    let d = t.dir.path("d.age");
    let (code, _, err) = merge(&t, &foreign, &d, None);
    assert_eq!(code, 1);
    assert!(err.contains("foreign.age"), "{err}");
    assert!(!d.exists());
}

#[test]
fn each_conflict_is_chosen_on_its_own_and_take_settles_the_rest() {
    let t = setup("merge-choose");
    // Conflict 1 (the staff entry) from B, conflict 2 (the comment) both kept.
    let c = t.dir.path("c.age");
    let (code, _, err) = merge_with(&t, &t.b, &c, &["--choose", "1=b", "--choose", "2=both"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("conflicts: 0 kept from A, 1 taken from B, 1 with both comments kept"),
        "{err}"
    );
    let (entries, _) = opened(&t.key, &c);
    assert_eq!(entries.staff[&Key::new("A1", "tsp")], staff(Level::Medium));
    assert_eq!(entries.comments[&Key::new("A1", "tsp")], "Ours.\n\nTheirs.");
    // Conflict 2 kept from A, the rest (conflict 1) taken from B.
    let d = t.dir.path("d.age");
    let (code, _, err) = merge_with(&t, &t.b, &d, &["--choose", "2=a", "--take", "b"]);
    assert_eq!(code, 0, "{err}");
    let (entries, _) = opened(&t.key, &d);
    assert_eq!(entries.staff[&Key::new("A1", "tsp")], staff(Level::Medium));
    assert_eq!(entries.comments[&Key::new("A1", "tsp")], "Ours.");
}

#[test]
fn a_conflict_left_unchosen_or_chosen_wrongly_writes_nothing() {
    let t = setup("merge-choose-refused");
    let c = t.dir.path("c.age");
    let refused = |more: &[&str], says: &str| {
        let (code, _, err) = merge_with(&t, &t.b, &c, more);
        assert_ne!(code, 0, "{more:?}: {err}");
        assert!(err.contains(says), "{more:?}: {err}");
        assert!(!c.exists(), "{more:?} wrote the merged file");
    };
    refused(
        &["--choose", "1=a"],
        "1 of 2 conflicts not chosen (2); nothing written",
    );
    refused(
        &["--choose", "1=both", "--take", "a"],
        "conflict 1 (staff entries for A1 on tsp) offers a or b",
    );
    refused(
        &["--choose", "3=a", "--take", "a"],
        "there is no conflict 3 (2 conflicts listed)",
    );
    refused(
        &["--choose", "2=a", "--choose", "2=b"],
        "conflict 2 is chosen twice",
    );
    refused(&["--choose", "2"], "write N=a, N=b or N=both");
    refused(&["--choose", "0=a"], "is not a conflict number");
    refused(&["--choose", "1=c"], "choose a, b or both");
}
