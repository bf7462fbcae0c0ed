//! `qkit workspace merge A.age B.age --identity ID --out C.age [--choose N=a|b|both]...
//! [--take a|b]`: merges workspace file B (another site's) into A with `qkit_cohort::merge`, the
//! code the assessor area uses. Every conflict (the same man and programme with different
//! entries, a group with the same id and different content, different settings) is listed,
//! numbered, with both sides and the choices it offers. The assessor chooses each one with
//! `--choose N=a` (keep A's), `N=b` (take B's) or, for a report comment, `N=both`; `--take a|b`
//! settles every conflict not chosen one by one. While any conflict is unchosen, nothing is
//! written and the command exits 1 naming them. The merged workspace is checked against the kit
//! its local files make and written to C (never overwriting) sealed to the identity's recipients;
//! what became of each of B's records is listed.

use super::open_file;
use crate::commands::decrypt::load_identities;
use crate::commands::keygen::write_new_private;
use crate::words::counted;
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
    /// Choose conflict N (as numbered in the listing): keep A's side (`N=a`), take B's (`N=b`),
    /// or keep both report comments (`N=both`). Repeat for each conflict.
    #[arg(long, value_name = "N=a|b|both", value_parser = parse_choose)]
    choose: Vec<(usize, Choice)>,
    /// Settle every conflict not chosen with --choose by keeping A's side (`a`) or taking B's (`b`).
    #[arg(long, value_enum)]
    take: Option<Take>,
}

/// `N=a`, `N=b` or `N=both`, with N counted from 1.
fn parse_choose(text: &str) -> Result<(usize, Choice), String> {
    let (n, side) = text
        .split_once('=')
        .ok_or_else(|| format!("\"{text}\": write N=a, N=b or N=both"))?;
    let n: usize = match n.trim().parse() {
        Ok(n) if n > 0 => n,
        _ => return Err(format!("\"{n}\" is not a conflict number (1, 2, ...)")),
    };
    let choice = match side.trim() {
        "a" => Choice::Ours,
        "b" => Choice::Theirs,
        "both" => Choice::Both,
        other => return Err(format!("\"{other}\": choose a, b or both")),
    };
    Ok((n, choice))
}

/// One choice per conflict: `--choose` first, then `--take` for the rest; `None` where neither
/// chose. Refuses a number with no conflict, a conflict chosen twice and a choice the conflict
/// does not offer.
fn choices(
    conflicts: &[Conflict],
    chosen: &[(usize, Choice)],
    take: Option<Take>,
) -> anyhow::Result<Vec<Option<Choice>>> {
    let mut choices: Vec<Option<Choice>> = vec![None; conflicts.len()];
    for &(n, choice) in chosen {
        let Some(slot) = choices.get_mut(n - 1) else {
            bail!(
                "--choose {n}: there is no conflict {n} ({} listed)",
                counted(conflicts.len(), "conflict", "conflicts")
            );
        };
        if slot.is_some() {
            bail!("--choose {n}: conflict {n} is chosen twice");
        }
        if !conflicts[n - 1].choices().contains(&choice) {
            bail!(
                "--choose {n}: conflict {n} ({}) offers {}",
                describe(&conflicts[n - 1]).0,
                offered(&conflicts[n - 1])
            );
        }
        *slot = Some(choice);
    }
    let rest = take.map(|t| match t {
        Take::A => Choice::Ours,
        Take::B => Choice::Theirs,
    });
    Ok(choices.into_iter().map(|c| c.or(rest)).collect())
}

/// The choices a conflict offers, as the command line writes them.
fn offered(conflict: &Conflict) -> &'static str {
    if conflict.choices().contains(&Choice::Both) {
        "a, b or both"
    } else {
        "a or b"
    }
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
        println!(
            "conflict {} ({}): {what}\n  A: {ours}\n  B: {theirs}",
            n + 1,
            offered(conflict)
        );
    }
    let choices = choices(&plan.conflicts, &args.choose, args.take)?;
    let unchosen: Vec<String> = (1..=choices.len())
        .filter(|n| choices[n - 1].is_none())
        .map(|n| n.to_string())
        .collect();
    if !unchosen.is_empty() {
        eprintln!(
            "{} of {} not chosen ({}); nothing written. Choose each with --choose N=a (keep \
             A's), N=b (take B's) or N=both (report comments), or every one left with --take a \
             or --take b",
            unchosen.len(),
            counted(plan.conflicts.len(), "conflict", "conflicts"),
            unchosen.join(", ")
        );
        return Ok(ExitCode::from(1));
    }
    let merged = plan.resolve(&choices).map_err(|e| anyhow!("{e}"))?;
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
        "taken from B: {}, {}, {}, {} on the waiting list, {}{}{}{}",
        counted(t.staff, "staff entry", "staff entries"),
        counted(t.comments, "comment", "comments"),
        counted(t.groups, "group", "groups"),
        t.listed,
        counted(t.local_files, "local file", "local files"),
        if t.allocation { ", the allocation" } else { "" },
        if t.rules_file { ", the rules file" } else { "" },
        if t.reliable_change {
            ", the reliable change choice"
        } else {
            ""
        },
    );
    let [kept, took, both] = merged.chosen;
    eprintln!("conflicts: {kept} kept from A, {took} taken from B, {both} with both comments kept");
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
