//! `qkit export --identity FILE DIR --format r|spss|fhir --out DIR`: opens every sealed record
//! in DIR (as `qkit scores` does) and writes the results ready for analysis into a new folder:
//!
//! - `r`: `qkit-data.csv`, `qkit-data.R` (reads it with types, labelled factors and the special
//!   answers as missing codes), `codebook.csv`, `codebook.md`;
//! - `spss`: `qkit-data.csv`, `qkit-data.sps` (GET DATA, labels, missing values, levels) and the
//!   codebook;
//! - `fhir`: `qkit-fhir.json`, an R4 Bundle of the Questionnaires and QuestionnaireResponses.
//!
//! `--lang` picks the labels' language (default `en`). The folder is created readable by its
//! owner only and no file in it is overwritten: these files hold answers in plain text. A
//! questionnaire result left out (its definition changed part-way through the sitting, so it
//! was never scored) is named on stderr and in `left_out.csv`, which every format writes. Exit
//! codes as everywhere: 1 if any file could not be opened or used.

use crate::commands::decrypt::load_identities;
use crate::commands::keygen::write_new_private;
use crate::commands::seal::load_kit;
use crate::record_folder::{open_folder, Folder};
use crate::words::counted;
use anyhow::Context;
use qkit_export::analysis;
use qkit_questionnaires::Lang;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    /// CSV, R script and codebook.
    R,
    /// CSV, SPSS syntax and codebook.
    Spss,
    /// A FHIR R4 Bundle.
    Fhir,
}

#[derive(clap::Args)]
pub struct Args {
    /// The identity file (as for `qkit decrypt`).
    #[arg(short, long, value_name = "FILE")]
    identity: PathBuf,
    /// The folder of sealed records (*.age; other files are ignored).
    dir: PathBuf,
    /// What to write.
    #[arg(long, value_enum)]
    format: Format,
    /// The folder to write into (created; files in it are never overwritten).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// The language of labels and texts: one the kit has interface strings in.
    #[arg(long, default_value = "en")]
    lang: String,
    /// A kit folder, or a folder of local definitions, to check records against. Default: the
    /// shipped definitions.
    #[arg(long, value_name = "DIR")]
    kit: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let kit = load_kit(args.kit.as_deref())?;
    let lang = Lang::parse(&args.lang)
        .filter(|l| kit.ui.has(l))
        .with_context(|| {
            let known: Vec<String> = kit.ui.languages().map(|(l, _)| l.to_string()).collect();
            format!("--lang {}: the kit has {}", args.lang, known.join(", "))
        })?;
    let identities = load_identities(&args.identity)?;
    let Folder { set, files, failed } = open_folder(&args.dir, &identities, &kit)?;
    let format = match args.format {
        Format::R => analysis::Format::R,
        Format::Spss => analysis::Format::Spss,
        Format::Fhir => analysis::Format::Fhir,
    };
    let export = analysis::export_files(&kit, &set, format, &lang);
    for note in &export.notes {
        eprintln!("left out: {}", left_out_line(note));
    }
    make_private_folder(&args.out)?;
    for file in &export.files {
        write_new_private(&args.out.join(file.name), file.text.as_bytes())?;
    }
    eprintln!(
        "{} of {} opened; {} written to {}",
        files - failed.min(files),
        counted(files, "file", "files"),
        counted(export.rows, "row", "rows"),
        args.out.display()
    );
    if failed > 0 {
        eprintln!("{}", counted(failed, "problem", "problems"));
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// One left-out result in words: who, when, what, under which version, and why.
fn left_out_line(n: &analysis::Note) -> String {
    let why = match n.reason {
        analysis::LeftOut::ChangedDuringSitting => {
            "its definition changed part-way through the sitting, so its answers were never scored"
        }
        analysis::LeftOut::OtherDefinition => "its answers do not fit the kit's definition",
    };
    format!(
        "\"{}\" {} {}: {} answered under version {}, the kit has {}; {why}",
        n.participant,
        n.programme,
        n.timepoint,
        n.questionnaire,
        n.version,
        n.kit_version.as_deref().unwrap_or("no version of it"),
    )
}

/// Creates `dir` (readable by its owner only) unless it exists; an existing one is used as it
/// is, but no file in it is overwritten.
fn make_private_folder(dir: &Path) -> anyhow::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder
        .create(dir)
        .with_context(|| format!("cannot create {}", dir.display()))
}
