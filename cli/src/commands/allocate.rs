//! `qkit allocate`: participants and groups CSV files and a rules file in, the allocation CSV out.

use crate::kit_files::KitFiles;
use crate::words::counted;
use anyhow::{anyhow, Context};
use qkit_allocation::{
    allocate, read_groups, read_participants, write_allocation, AllocationInput, Date, Outcome,
    Rules, MAX_RULES_BYTES, RULES_FORMAT,
};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// participants.csv: one waiting participant per row (columns in the README).
    #[arg(long)]
    participants: PathBuf,
    /// groups.csv: one group per row (columns in the README).
    #[arg(long)]
    groups: PathBuf,
    /// The pathway rules file. Default: the shipped questionnaires/rules/pathways.json.
    #[arg(long)]
    rules: Option<PathBuf>,
    /// Where to write the allocation CSV.
    #[arg(long)]
    out: PathBuf,
    /// The day to allocate for, YYYY-MM-DD. Default: the computer's date today (UTC).
    #[arg(long)]
    today: Option<String>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let kit = KitFiles::shipped()
        .load()
        .map_err(|e| anyhow!("the shipped definitions do not load: {e}"))?;
    let rules = match &args.rules {
        None => Rules::shipped(&kit),
        Some(path) => Rules::load(&file_name(path), &read(path, MAX_RULES_BYTES)?, &kit),
    }
    .map_err(|e| anyhow!("{e}"))
    .with_context(|| {
        format!("the rules file is not valid (this qkit reads rules format {RULES_FORMAT})")
    })?;
    let participants = read_participants(
        &file_name(&args.participants),
        &read(&args.participants, qkit_allocation::MAX_CSV_BYTES)?,
        &rules,
    )?;
    let groups = read_groups(
        &file_name(&args.groups),
        &read(&args.groups, qkit_allocation::MAX_CSV_BYTES)?,
        &rules,
    )?;
    let today = today_arg(args.today.as_deref())?;
    let input = AllocationInput {
        participants,
        groups,
    };
    let allocation =
        allocate(&input, today).context("the participants and groups files disagree")?;
    fs::write(&args.out, write_allocation(&allocation))
        .with_context(|| format!("cannot write {}", args.out.display()))?;
    let count = |f: fn(&Outcome) -> bool| {
        allocation
            .assignments
            .iter()
            .filter(|a| f(&a.outcome))
            .count()
    };
    println!(
        "allocated {} for {today}: {} in groups, {} to 1:1, {} not recommended; wrote {}",
        counted(allocation.assignments.len(), "participant", "participants"),
        count(|o| matches!(o, Outcome::Group { .. })),
        count(|o| matches!(o, Outcome::OneToOne { .. })),
        count(|o| matches!(o, Outcome::NotRecommended)),
        args.out.display()
    );
    for g in allocation
        .groups
        .iter()
        .filter(|g| g.below_minimum() && !g.joiners.is_empty())
    {
        println!(
            "warning: group {} is below its minimum size ({} of {})",
            g.group,
            g.size(),
            g.min_size
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Reads a text file, refusing oversized ones before reading them whole.
fn read(path: &Path, limit: usize) -> anyhow::Result<String> {
    crate::files::read_text(path, limit)
}

/// The `--today` argument, else today's date from the system clock.
pub(crate) fn today_arg(arg: Option<&str>) -> anyhow::Result<Date> {
    match arg {
        Some(s) => Date::parse(s)
            .ok_or_else(|| anyhow!("--today \"{s}\" is not a date written YYYY-MM-DD")),
        None => today_utc(),
    }
}

/// Today's date from the system clock (the shell may read the clock; the core never does).
fn today_utc() -> anyhow::Result<Date> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .context("the system clock is before 1970")?
        .as_secs();
    let epoch = Date::from_ymd(1970, 1, 1).context("1970-01-01 is a date")?;
    epoch
        .add_days(i64::try_from(secs / 86_400).unwrap_or(i64::MAX))
        .context("the system clock is past the year 9999")
}
