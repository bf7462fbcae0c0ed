//! `qkit workspace`: the assessor's workspace files (the whole workspace, entries and records,
//! sealed to the team; see `qkit_cohort::workspace_file`), read with the same core code as the
//! assessor area. `merge` merges a second site's workspace into one.

pub mod merge;

use anyhow::{anyhow, Context};
use qkit_cohort::local::for_workspace;
use qkit_cohort::merge::Side;
use qkit_cohort::workspace::Entries;
use qkit_cohort::workspace_file::read_file;
use qkit_export::open::MAX_SEALED_BYTES;
use qkit_export::{Identities, RecordSet};
use std::path::Path;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    action: Action,
}

#[derive(clap::Subcommand)]
enum Action {
    /// Merge a second workspace file (B, another site's) into A and write the result as C;
    /// without --take it lists the conflicts and exits 1 writing nothing.
    Merge(merge::Args),
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.action {
        Action::Merge(args) => merge::run(args),
    }
}

/// A workspace file opened: its entries, and its records checked against the kit its local
/// questionnaires make.
pub struct Workspace {
    pub entries: Entries,
    pub records: RecordSet,
}

impl Workspace {
    /// This workspace as one side of a merge.
    pub fn side(&self) -> Side<'_> {
        Side::new(&self.entries, &self.records)
    }
}

/// Opens the workspace file `path` with `identities`; errors name the file.
pub fn open(path: &Path, identities: &Identities) -> anyhow::Result<Workspace> {
    let shown = path.display();
    let bytes = crate::files::read_bytes(path, MAX_SEALED_BYTES)?;
    let plain = qkit_export::decrypt(&bytes, identities).with_context(|| format!("{shown}"))?;
    let file = read_file(&plain).with_context(|| format!("{shown}"))?;
    let loaded = for_workspace(&file.entries.local_files, file.entries.rules_file.as_ref())
        .map_err(|refused| anyhow!("{shown}: {}", refused.lines().join("; ")))?;
    let entries = file.entries.clone();
    let records = file
        .records(&loaded.kit)
        .with_context(|| format!("{shown}"))?;
    Ok(Workspace { entries, records })
}
