//! `qkit workspace merge A.age B.age --identity ID --out C.age [--take a|b]`: merges workspace
//! file B (another site's) into A with `qkit_cohort::merge`, the code the assessor area uses.
//! Every conflict (the same man and programme with different entries, a group with the same id
//! and different content, different settings) is listed with both sides. Without `--take`, a
//! merge with conflicts writes nothing and exits 1; `--take a` keeps A's side of every conflict,
//! `--take b` takes B's. The merged workspace is checked against the kit its local files make
//! and written to C (never overwriting) sealed to the identity's recipients; what became of each
//! of B's records is listed.

use super::open_file;
use crate::commands::decrypt::load_identities;
use crate::commands::keygen::write_new_private;
use anyhow::{anyhow, bail, Context};
use qkit_cohort::local::for_workspace;
use qkit_cohort::merge::{plan, Choice, Conflict, Outcome};
use qkit_cohort::workspace::check_records;
use qkit_cohort::workspace_file::file_json;
use qkit_scoring::ReliableChangeChoice;
use rand_core::OsRng;
use std::path::PathBuf;
use std::process::ExitCode;
use zeroize::Zeroizing;

#[derive(clap::Args)]
pub struct Args {
    /// The workspace file to merge into (A).
    a: PathBuf,
    /// The other site's workspace file (B).
    b: PathBuf,
    /// The team's identity file; both files must open with it, and C is sealed to it.
    #[arg(short, long, value_name = "FILE")]
    identity: PathBuf,
    /// Where to write the merged workspace file (C); an existing file is never overwritten.
    #[arg(short, long, value_name = "FILE")]
    out: PathBuf,
    /// Resolve every conflict by keeping A's side (`a`) or taking B's (`b`).
    #[arg(long, value_enum)]
    take: Option<Take>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Take {
    A,
    B,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let identities = load_identities(&args.identity)?;
    let a = open_file(&args.a, &identities)?;
    let b = open_file(&args.b, &identities)?;
    let plan = plan(a.side(), b.side());
    for (n, conflict) in plan.conflicts.iter().enumerate() {
        let (what, ours, theirs) = describe(conflict);
        println!("conflict {}: {what}\n  A: {ours}\n  B: {theirs}", n + 1);
    }
    let choice = match args.take {
        None if !plan.conflicts.is_empty() => {
            eprintln!(
                "{} conflict(s); nothing written. Choose with --take a (keep A's) or --take b \
                 (take B's)",
                plan.conflicts.len()
            );
            return Ok(ExitCode::from(1));
        }
        None | Some(Take::A) => Choice::Ours,
        Some(Take::B) => Choice::Theirs,
    };
    let merged = plan
        .resolve(&vec![Some(choice); plan.conflicts.len()])
        .map_err(|e| anyhow!("{e}"))?;
    let e = &merged.entries;
    let loaded = for_workspace(&e.local_files, e.rules_file.as_ref())
        .map_err(|refused| anyhow!("the merged workspace: {}", refused.lines().join("; ")))?;
    let records = check_records(&loaded.kit, &merged.records).context("the merged workspace")?;
    let json = Zeroizing::new(file_json(e, &records));
    let sealed = qkit_export::seal_bytes(&json, &identities.recipients(), &mut OsRng)
        .context("cannot seal the merged workspace")?;
    if args.out.exists() {
        bail!("{} exists; it is not overwritten", args.out.display());
    }
    write_new_private(&args.out, &sealed)?;
    let t = plan.taken;
    eprintln!(
        "taken from B: {} staff entr(ies), {} comment(s), {} group(s), {} on the waiting list, \
         {} local file(s){}{}{}",
        t.staff,
        t.comments,
        t.groups,
        t.listed,
        t.local_files,
        if t.allocation { ", the allocation" } else { "" },
        if t.rules_file { ", the rules file" } else { "" },
        if t.reliable_change {
            ", the reliable change choice"
        } else {
            ""
        },
    );
    let [kept, took, _] = merged.chosen;
    eprintln!("conflicts: {kept} kept from A, {took} taken from B");
    for r in &plan.records {
        let what = match &r.outcome {
            Outcome::Added => "added".to_owned(),
            Outcome::AlreadyThere { first } => format!("already there (from {first})"),
            Outcome::Completed { first } => format!("completes the unfinished one from {first}"),
            Outcome::Beside { first } => {
                format!("kept beside A's different record (from {first}), which stays in use")
            }
        };
        eprintln!(
            "B's record {} {} {} ({}): {what}",
            r.key.participant,
            r.key.programme,
            r.timepoint.key(),
            r.source
        );
    }
    eprintln!("written to {}", args.out.display());
    Ok(ExitCode::SUCCESS)
}

/// A conflict in words: what it is about, A's side and B's side.
fn describe(conflict: &Conflict) -> (String, String, String) {
    let who = |k: &qkit_cohort::Key| format!("{} on {}", k.participant, k.programme);
    let rules = |r: &Option<qkit_cohort::rules_file::RulesFile>| {
        r.as_ref().map_or("the shipped rules".to_owned(), |f| {
            format!("rules file {}", f.name)
        })
    };
    let reliable = |c: &ReliableChangeChoice| match c {
        ReliableChangeChoice::Definition => "each scale's own rule".to_owned(),
        ReliableChangeChoice::CohortPre => "the cohort's pre-programme SD".to_owned(),
    };
    match conflict {
        Conflict::Staff { key, ours, theirs } => (
            format!("staff entries for {}", who(key)),
            json(ours),
            json(theirs),
        ),
        Conflict::Comment { key, ours, theirs } => (
            format!("report comment for {}", who(key)),
            format!("{ours:?}"),
            format!("{theirs:?}"),
        ),
        Conflict::Group { ours, theirs } => {
            (format!("group {}", ours.id), json(ours), json(theirs))
        }
        Conflict::Listed { ours, theirs } => (
            format!("waiting list entry for {} on {}", ours.id, ours.programme),
            json(ours),
            json(theirs),
        ),
        Conflict::Allocation { ours, theirs } => (
            "the allocation".to_owned(),
            json(&ours.allocation),
            json(&theirs.allocation),
        ),
        Conflict::LocalFile { ours, theirs } => (
            format!("local questionnaire file {}", ours.name),
            format!("{} bytes", ours.text.len()),
            format!("{} bytes (different text)", theirs.text.len()),
        ),
        Conflict::RulesFile { ours, theirs } => {
            ("the pathway rules".to_owned(), rules(ours), rules(theirs))
        }
        Conflict::ReliableChange { ours, theirs } => (
            "how reliable change is judged".to_owned(),
            reliable(ours),
            reliable(theirs),
        ),
        Conflict::Chosen {
            ours,
            our_file,
            their_file,
            ..
        } => (
            format!(
                "the result used for {} at {}",
                who(&ours.key),
                ours.timepoint
            ),
            format!("the one from {our_file}"),
            format!("the one from {their_file}"),
        ),
    }
}

/// A value as one line of JSON.
fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|e| format!("(cannot show: {e})"))
}
