//! Two imports at scale, as a team has them: the generated cohort of 240 men (qkit-cohort's
//! seeded generator), first every result from before the programme except a tenth of the men's,
//! which come late; then the mid and post results (some sat late, some files doubled, some sat
//! again), the late pre results and five files sent again. After each import the tracking table
//! and the reconciliation say exactly what was imported, and the import summary counts exactly
//! what the second import did.

#![cfg(not(target_arch = "wasm32"))]

use qkit_assessor::import::{add, ImportCounts, ImportEntry, ImportLog};
use qkit_cohort::generate::{self, day, Planned, TODAY};
use qkit_cohort::reconcile::{by_device_and_date, doubled};
use qkit_cohort::tracking::{tracking, Cohort, Status};
use qkit_export::{RecordSet, ResultRecord};
use qkit_questionnaires::Timepoint;

type File = (String, ResultRecord);

/// One import of `files`, in order, into `set`, as the import screen runs it.
fn import(set: &mut RecordSet, log: &mut ImportLog, files: &[File]) -> ImportCounts {
    log.begin(files.len());
    for (name, record) in files {
        let outcome = add(set, name, record.clone());
        log.entries.push(ImportEntry {
            file: name.clone(),
            content: None,
            outcome,
        });
    }
    log.running = None;
    log.counts()
}

/// Whether `name` is a doubled file, a second sitting, or a file sent again (the generator's and
/// this test's names say which).
fn kind(name: &str) -> &'static str {
    ["-copy.age", "-again.age", "-resent.age"]
        .into_iter()
        .find(|k| name.ends_with(k))
        .map_or("first", |k| &k[1..k.len() - 4])
}

/// What the import summary must say of an import of `files`, `before` of them imported before
/// it: each first file added, each copy counted once, each second sitting a problem to check.
fn summary(files: &[File], before: usize) -> ImportCounts {
    let of = |k: &str| files.iter().filter(|(n, _)| kind(n) == k).count();
    ImportCounts {
        files: files.len(),
        added: of("first"),
        before,
        twice: of("copy"),
        problems: of("again"),
    }
}

/// Checks the tracking table and the reconciliation against the files imported so far.
fn check(made: &generate::Generated, set: &RecordSet, imported: &[&File]) {
    let kit = generate::kit();
    let table = tracking(&kit, set, &made.entries, day(TODAY));
    let has = |p: &Planned, t: Timepoint| {
        imported.iter().any(|(name, r)| {
            kind(name) == "first" && r.participant == p.key.participant && r.timepoint == t
        })
    };
    let known: Vec<&Planned> = made
        .planned
        .iter()
        .filter(|p| p.cohort != Cohort::Waiting || Timepoint::ALL.iter().any(|t| has(p, *t)))
        .collect();
    assert_eq!(table.rows.len(), known.len());
    for p in known {
        let row = table.row(&p.key).expect("in the table");
        assert_eq!(row.cohort, p.cohort);
        for t in Timepoint::ALL {
            let done = match row.status[t as usize] {
                Status::Done(d) => Some(d),
                _ => None,
            };
            let want = p.done[t as usize].filter(|_| has(p, t));
            assert_eq!(done, want, "{} at {t}", p.key.participant);
        }
    }
    // Reconciliation: each record once (doubled and resent files counted once), each second
    // sitting kept beside the first.
    let count = |k: &str| imported.iter().filter(|(n, _)| kind(n) == k).count();
    let listed: usize = by_device_and_date(set)
        .iter()
        .map(|b| b.sittings.len())
        .sum();
    assert_eq!(listed, count("first") + count("again"));
    let twice: usize = doubled(set).values().map(Vec::len).sum();
    assert_eq!(twice, count("again"));
}

#[test]
fn a_second_import_of_mid_and_post_at_scale_is_tracked_reconciled_and_counted() {
    let made = generate::cohort(240, 29);
    // A tenth of the men (every tenth) send their pre results late, with the second import.
    let late = |r: &ResultRecord| r.timepoint == Timepoint::Pre && r.participant.ends_with('0');
    let first: Vec<File> = made
        .files
        .iter()
        .filter(|(_, r)| r.timepoint == Timepoint::Pre && !late(r))
        .cloned()
        .collect();
    let resent: Vec<File> = first
        .iter()
        .filter(|(n, _)| kind(n) == "first")
        .take(5)
        .map(|(n, r)| (n.replace(".age", "-resent.age"), r.clone()))
        .collect();
    let second: Vec<File> = (made.files.iter().filter(|(_, r)| late(r)))
        .chain(
            made.files
                .iter()
                .filter(|(_, r)| r.timepoint != Timepoint::Pre),
        )
        .cloned()
        .chain(resent)
        .collect();
    assert!(
        made.planned.len() >= 200 && second.len() > 150,
        "{}",
        second.len()
    );
    let mut set = RecordSet::new();
    let mut log = ImportLog::default();

    let counts = import(&mut set, &mut log, &first);
    assert_eq!(counts, summary(&first, 0));
    check(&made, &set, &first.iter().collect::<Vec<_>>());

    let counts = import(&mut set, &mut log, &second);
    // What the second import did, by file: new results added, the five sent again counted as
    // imported before, copies within it counted once, second sittings kept beside (a problem
    // for the assessor to check).
    assert_eq!(counts, summary(&second, 5));
    assert!(
        counts.added > 100 && counts.twice > 5 && counts.problems > 2,
        "{counts:?}"
    );
    check(
        &made,
        &set,
        &first.iter().chain(&second).collect::<Vec<_>>(),
    );
    // Late results: men of the finished group sat mid or post more than a week after it was due.
    let kit = generate::kit();
    let table = tracking(&kit, &set, &made.entries, day(TODAY));
    let past_late = made
        .planned
        .iter()
        .filter(|p| p.cohort == Cohort::Group("past".into()))
        .filter(|p| p.done[1].is_some_and(|d| d > day("2027-02-22")))
        .count();
    assert!(past_late > 10, "{past_late}");
    assert!(table.counts(Timepoint::Post).done > 50);
}
