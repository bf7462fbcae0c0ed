//! What `qkit score`, `qkit cohort` and `qkit change` share: finding the questionnaire, reading
//! a responses CSV file, the output format and how numbers are written.
//!
//! Numbers in CSV output have fixed decimals so files diff cleanly: item means, z-scores, RCIs,
//! SDs and alphas 3 decimals; scores, T-scores, percentiles, means of scores and differences 2.
//! A value that does not exist (no score, no norm) is an empty cell.

use crate::kit_files::KitFiles;
use anyhow::{anyhow, bail};
use qkit_questionnaires::{Kit, Questionnaire};
use qkit_scoring::responses_csv::{read_responses, RespondentRow, MAX_RESPONSES_BYTES};
use qkit_scoring::NormChoice;
use std::path::{Path, PathBuf};

/// How results are written to stdout.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Csv,
    Json,
}

/// The options every scoring command takes for finding the questionnaire.
#[derive(clap::Args)]
pub struct Source {
    /// The questionnaire id, e.g. phq9.
    #[arg(long)]
    pub questionnaire: String,
    /// A folder of local definitions (e.g. licensed instruments that are not shipped) to use
    /// with the shipped ones.
    #[arg(long)]
    pub definitions: Option<PathBuf>,
}

impl Source {
    /// Loads the kit (shipped, or with the local definitions).
    pub fn kit(&self) -> anyhow::Result<Kit> {
        let files = match &self.definitions {
            Some(dir) => KitFiles::read(dir)?,
            None => KitFiles::shipped(),
        };
        files
            .load()
            .map_err(|e| anyhow!("the definitions are invalid:\n{e}"))
    }
}

/// The scored questionnaire `id` in `kit`.
pub fn questionnaire<'k>(kit: &'k Kit, id: &str) -> anyhow::Result<&'k Questionnaire> {
    let Some(q) = kit.questionnaire(id) else {
        let ids: Vec<&str> = kit
            .questionnaires
            .values()
            .filter(|q| q.is_scored())
            .map(|q| q.id.as_str())
            .collect();
        bail!(
            "no questionnaire \"{id}\"; the scored ones are: {}",
            ids.join(", ")
        );
    };
    if !q.is_scored() {
        bail!("questionnaire \"{id}\" has no scales, so it is not scored");
    }
    Ok(q)
}

/// Reads and checks a responses CSV file; errors name the file, line and column.
pub fn responses(q: &Questionnaire, path: &Path) -> anyhow::Result<Vec<RespondentRow>> {
    let bytes = crate::files::read_bytes(path, MAX_RESPONSES_BYTES)?;
    read_responses(q, &bytes).map_err(|e| anyhow!("{}: {e}", path.display()))
}

/// `--norms GROUP` as a norm choice.
pub fn norm_choice(group: Option<&str>) -> NormChoice {
    match group {
        Some(g) => NormChoice::Group(g.to_owned()),
        None => NormChoice::Default,
    }
}

pub use qkit_scoring::csv_rows::fixed_or_empty;

/// A CSV writer on stdout.
pub fn csv_out() -> csv::Writer<std::io::Stdout> {
    csv::Writer::from_writer(std::io::stdout())
}

/// Prints a value as pretty JSON.
pub fn print_json<T: serde::Serialize>(value: &T) -> anyhow::Result<()> {
    println!("{}", serde_json::to_string_pretty(value)?);
    Ok(())
}

/// `--reliable-change`: each scale's rule from its definition, or the cohort's own
/// pre-programme SD on every scale.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum ReliableChange {
    Definition,
    CohortPre,
}

impl ReliableChange {
    /// The core's choice.
    pub fn choice(self) -> qkit_scoring::ReliableChangeChoice {
        match self {
            ReliableChange::Definition => qkit_scoring::ReliableChangeChoice::Definition,
            ReliableChange::CohortPre => qkit_scoring::ReliableChangeChoice::CohortPre,
        }
    }
}
