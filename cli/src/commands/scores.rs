//! `qkit scores --identity FILE DIR --out scores.csv`: opens every sealed record (`*.age`) in
//! DIR and writes one CSV row per participant × timepoint × questionnaire × scale.
//!
//! Columns: `respondent,programme,timepoint,questionnaire`, then the rest of `qkit score`'s
//! columns (`scale,n_items,…,flags`, the same cells), then `qkit change`'s columns from `pair`
//! on (`pair,from,to,diff,method,threshold,rci,reliable,cutoff,category`), filled on a mid or
//! post row when the same participant has an earlier timepoint: the change from the earliest one
//! (pre, else mid). `--reliable-change cohort-pre` judges reliable change with the SD of every
//! pre-programme record in DIR.
//! Bad files are reported on stderr with their names and reasons and the rest go on; the exit
//! code is 1 if any failed. The output file is never overwritten and is readable by its owner
//! only (it holds scores of named cases). The files are opened as `crate::record_folder` says; the rows and the rules for repeated
//! records are qkit-export's ([`qkit_export::RecordSet`], [`scores_csv`]), shared with the assessor's screens.
//!
//! A rescue file in DIR adds its finished sittings like records. Its unfinished sittings are
//! listed on stderr and not scored: their answers are checked but carry no reports (a report is
//! made only when a battery is finished, and the participant could still have gone back and
//! changed an answer), and a partly answered scale, or a timepoint half done, would sit in the
//! CSV beside finished results and in change from pre as if it were one. They are not problems:
//! the exit code does not change for them.

use crate::commands::decrypt::load_identities;
use crate::commands::keygen::write_new_private;
use crate::commands::seal::load_kit;
use crate::record_folder::{open_folder, Folder};
use crate::words::counted;
use qkit_export::scores_csv;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The identity file (as for `qkit decrypt`).
    #[arg(short, long, value_name = "FILE")]
    identity: PathBuf,
    /// The folder of sealed records (*.age; other files are ignored).
    dir: PathBuf,
    /// The CSV file to write (never overwritten).
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// A kit folder, or a folder of local definitions, to check records against. Default: the
    /// shipped definitions.
    #[arg(long, value_name = "DIR")]
    kit: Option<PathBuf>,
    /// How reliable change is judged: each scale's rule, or the cohort's pre-programme SD.
    #[arg(long, value_enum, default_value = "definition")]
    reliable_change: crate::scoring_files::ReliableChange,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let identities = load_identities(&args.identity)?;
    let kit = load_kit(args.kit.as_deref())?;
    let Folder {
        set,
        files,
        mut failed,
    } = open_folder(&args.dir, &identities, &kit)?;
    let written = scores_csv(&kit, &set, args.reliable_change.choice(), |_, _| true);
    for p in &written.problems {
        eprintln!(
            "qkit: \"{}\" {}: change not computed: {}",
            p.participant, p.questionnaire, p.error
        );
        failed += 1;
    }
    let rows = written.rows;
    write_new_private(&args.out, written.text.as_bytes())?;
    eprintln!(
        "{} of {} opened; {} written to {}",
        files - failed.min(files),
        counted(files, "file", "files"),
        counted(rows, "row", "rows"),
        args.out.display()
    );
    if failed > 0 {
        eprintln!("{}", counted(failed, "problem", "problems"));
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
