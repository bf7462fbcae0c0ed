//! `qkit validate [DIR]`: check definitions and print one line per problem (exit 1), else "ok"
//! and then one `warning:` line on stderr for each thing to check before clinical use (norms not
//! verified against their source or naming no table, scales without a reliable change rule,
//! instruments whose licence the organisation must confirm; exit 0).

use crate::kit_files::KitFiles;
use crate::words::counted;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// A kit folder (with definitions/, batteries.json, ui/) or a folder of local definition
    /// files checked together with the shipped ones. Default: the shipped definitions.
    dir: Option<PathBuf>,
    /// Print only the ids of the instruments whose licence the organisation must confirm, one a
    /// line (for the kit build).
    #[arg(long)]
    licences: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let files = match &args.dir {
        Some(dir) => KitFiles::read(dir)?,
        None => KitFiles::shipped(),
    };
    match files.load() {
        Ok(kit) if args.licences => {
            for q in kit.licences_to_confirm() {
                println!("{}", q.id);
            }
            Ok(ExitCode::SUCCESS)
        }
        Ok(kit) => {
            println!(
                "ok: {} questionnaires, {} programmes, {} languages",
                kit.questionnaires.len(),
                kit.programmes.len(),
                kit.ui.languages().count()
            );
            let warnings = kit.warnings();
            for w in &warnings {
                eprintln!("warning: {w}");
            }
            if !warnings.is_empty() {
                let n = counted(warnings.len(), "warning", "warnings");
                eprintln!("{n}: see docs/clinical.md");
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(errors) => {
            for e in &errors.0 {
                eprintln!("{e}");
            }
            let n = counted(errors.0.len(), "problem", "problems");
            eprintln!("{n} found");
            Ok(ExitCode::from(1))
        }
    }
}
