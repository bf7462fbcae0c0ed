//! `qkit seal --recipient age1… [--recipient …] RECORD.json > out.age`: checks a record against
//! the kit (re-scoring included) and seals it, e.g. to re-seal a record for another team.

use crate::commands::keygen::write_new_private;
use crate::kit_files::KitFiles;
use anyhow::{anyhow, bail, Context};
use qkit_export::open::MAX_PLAINTEXT_BYTES;
use qkit_export::{seal_record, Recipient, ResultRecord};
use rand_core::OsRng;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// A recipient (age1…) who can open the sealed file; repeat for several.
    #[arg(short, long = "recipient", value_name = "AGE1…", required = true)]
    recipients: Vec<String>,
    /// The record to seal (JSON, as `qkit decrypt` writes it).
    record: PathBuf,
    /// Write the sealed file here (never overwritten) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// A kit folder, or a folder of local definitions, to check the record against. Default: the
    /// shipped definitions.
    #[arg(long, value_name = "DIR")]
    kit: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let recipients = args
        .recipients
        .iter()
        .map(|r| r.parse::<Recipient>().context("--recipient"))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let kit = load_kit(args.kit.as_deref())?;
    let bytes = crate::files::read_bytes(&args.record, MAX_PLAINTEXT_BYTES)?;
    let shown = args.record.display();
    let record = ResultRecord::from_json(&bytes).with_context(|| format!("{shown}"))?;
    let sealed = seal_record(&kit, &record, &recipients, &mut OsRng)
        .with_context(|| format!("{shown}: not sealed"))?;
    match &args.output {
        Some(path) => write_new_private(path, &sealed)?,
        None => {
            let mut stdout = std::io::stdout();
            if stdout.is_terminal() {
                bail!(
                    "refusing to write a sealed file to the terminal; redirect it or use -o FILE"
                );
            }
            stdout
                .write_all(&sealed)
                .context("cannot write to stdout")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The kit records are checked against: a folder (see `qkit validate`) or the shipped one.
pub(crate) fn load_kit(dir: Option<&std::path::Path>) -> anyhow::Result<qkit_questionnaires::Kit> {
    let files = match dir {
        Some(dir) => KitFiles::read(dir)?,
        None => KitFiles::shipped(),
    };
    files
        .load()
        .map_err(|e| anyhow!("the definitions are not valid (run qkit validate):\n{e}"))
}
