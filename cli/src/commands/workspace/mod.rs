//! `qkit workspace`: what a workspace file (the assessor area's "Save workspace file", sealed
//! to the team) holds, its tracking table and its scores, through the same qkit-cohort code as
//! the assessor's screens. Each subcommand opens the file with `--identity`, rebuilds the kit
//! with the workspace's local questionnaires and rules file, and checks every record against it.
//!
//! - `list FILE --identity ID`: the men, programmes, timepoints, groups and records (with the
//!   file each came from) on stdout;
//! - `tracking FILE --identity ID [--today DATE] --out tracking.csv`: the tracking table
//!   (`qkit_cohort::tracking_csv`);
//! - `scores FILE --identity ID --out scores.csv`: the file `qkit scores` writes, with the
//!   workspace's reliable-change choice;
//! - `merge A B --identity ID --out C [--choose N=a|b|both]... [--take a|b]`: another site's
//!   workspace merged into one, each conflict chosen (`merge.rs`).
//!
//! An output file is never overwritten and is readable by its owner only.

use crate::commands::decrypt::load_identities;
use crate::commands::keygen::write_new_private;
use anyhow::{anyhow, Context};
use qkit_cohort::local::for_workspace;
use qkit_cohort::merge::Side;
use qkit_cohort::workspace::Entries;
use qkit_cohort::workspace_file::read_file;
use qkit_export::record_set::RecordSet;
use qkit_export::Identities;
use qkit_questionnaires::Kit;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod list;
pub mod merge;

/// The largest workspace file read, in bytes.
const MAX_WORKSPACE_BYTES: usize = 512 * 1024 * 1024;

#[derive(clap::Subcommand)]
pub enum Command {
    /// What the workspace file holds: men, programmes, timepoints, groups and records.
    List(Open),
    /// Write the tracking table (done, due, overdue for pre, mid and post) as CSV.
    Tracking(Tracking),
    /// Write every score (and change) as CSV, as `qkit scores` does.
    Scores(Out),
    /// Merge a second workspace file (B, another site's) into A and write the result as C;
    /// while a conflict is not chosen (--choose N=a|b|both, --take a|b for the rest) it lists
    /// them and exits 1 writing nothing.
    Merge(merge::Args),
}

/// The workspace file and the identity that opens it.
#[derive(clap::Args)]
pub struct Open {
    /// The workspace file (sealed to the team).
    file: PathBuf,
    /// The identity file (as for `qkit decrypt`).
    #[arg(short, long, value_name = "FILE")]
    identity: PathBuf,
}

/// A workspace and a CSV file to write.
#[derive(clap::Args)]
pub struct Out {
    #[command(flatten)]
    open: Open,
    /// The CSV file to write (never overwritten).
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
}

#[derive(clap::Args)]
pub struct Tracking {
    #[command(flatten)]
    out: Out,
    /// The day to track on, YYYY-MM-DD. Default: the computer's date today (UTC).
    #[arg(long, value_name = "DATE")]
    today: Option<String>,
}

/// An opened workspace: the kit its local files make, its entries and its records.
pub(crate) struct Opened {
    pub kit: Kit,
    pub entries: Entries,
    pub records: RecordSet,
}

/// Opens and checks the workspace file of `args`.
pub(crate) fn open(args: &Open) -> anyhow::Result<Opened> {
    open_file(&args.file, &load_identities(&args.identity)?)
}

/// Opens the workspace file `path` with `identities`: the kit its local questionnaires and
/// rules file make, and every record checked against that kit; errors name the file.
pub(crate) fn open_file(path: &Path, identities: &Identities) -> anyhow::Result<Opened> {
    let name = path.display();
    let sealed = crate::files::read_bytes(path, MAX_WORKSPACE_BYTES)?;
    let plain = qkit_export::decrypt(&sealed, identities)
        .map_err(|e| anyhow!("{name}: cannot be opened: {e}"))?;
    let file = read_file(&plain).with_context(|| format!("{name}"))?;
    let entries = file.entries.clone();
    let loaded = for_workspace(&entries.local_files, entries.rules_file.as_ref()).map_err(|e| {
        anyhow!(
            "{name}: its local files do not fit: {}",
            e.lines().join("; ")
        )
    })?;
    let records = file
        .records(&loaded.kit)
        .with_context(|| format!("{name}"))?;
    Ok(Opened {
        kit: loaded.kit,
        entries,
        records,
    })
}

impl Opened {
    /// This workspace as one side of a merge.
    pub fn side(&self) -> Side<'_> {
        Side::new(&self.entries, &self.records)
    }
}

fn write(out: &Path, text: &str, what: &str) -> anyhow::Result<ExitCode> {
    write_new_private(out, text.as_bytes())?;
    eprintln!("{what} written to {}", out.display());
    Ok(ExitCode::SUCCESS)
}

pub fn run(command: Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::List(args) => list::run(&open(&args)?),
        Command::Tracking(args) => {
            let w = open(&args.out.open)?;
            let today = crate::commands::allocate::today_arg(args.today.as_deref())?;
            let table = qkit_cohort::tracking::tracking(&w.kit, &w.records, &w.entries, today);
            let text = qkit_cohort::tracking_csv::tracking_csv(&table);
            write(&args.out.out, &text, &format!("{} rows", table.rows.len()))
        }
        Command::Scores(args) => {
            let w = open(&args.open)?;
            let choice = w.entries.reliable_change;
            let written = qkit_export::scores_csv(&w.kit, &w.records, choice, |_, _| true);
            for p in &written.problems {
                eprintln!(
                    "qkit: \"{}\" {}: change not computed: {}",
                    p.participant, p.questionnaire, p.error
                );
            }
            write(&args.out, &written.text, &format!("{} rows", written.rows))
        }
        Command::Merge(args) => merge::run(args),
    }
}
