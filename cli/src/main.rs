//! The `qkit` command-line tool: files in, core calls, files or stdout out.
//!
//! Exit codes: 0 ok, 1 bad input (the message says what and where), 2 internal error.

mod commands;
mod files;
mod kit_files;
mod record_folder;
mod scoring_files;
mod words;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// qkit: offline questionnaires for offending behaviour programmes.
#[derive(Parser)]
#[command(name = "qkit", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check questionnaire definitions; prints one line per problem.
    Validate(commands::validate::Args),
    /// Score a responses CSV file: one row per respondent and scale.
    Score(commands::score::Args),
    /// Cohort statistics per scale (n, mean, SD, Cronbach's alpha) for a responses CSV file.
    Cohort(commands::cohort::Args),
    /// Reliable and clinically significant change between pre, mid and post responses files.
    Change(commands::change::Args),
    /// Allocate waiting participants to groups or 1:1; writes the allocation CSV.
    Allocate(commands::allocate::Args),
    /// Write a battery as SurveyJS JSON, for the side-by-side benchmark only.
    ExportSurveyjs(commands::export_surveyjs::Args),
    /// Make an age identity for the assessor team; prints its recipient (age1…).
    Keygen(commands::keygen::Args),
    /// Check a result record against the kit and seal it to age recipients.
    Seal(commands::seal::Args),
    /// Open sealed records with an identity; writes each as JSON beside its file.
    Decrypt(commands::decrypt::Args),
    /// Open a folder of sealed records and write every score (and change) as one CSV file.
    Scores(commands::scores::Args),
    /// Open a folder of sealed records and write them ready for analysis: R, SPSS or FHIR.
    Export(commands::export::Args),
    /// The recording script: every text to record, its file name, and which recordings are missing.
    AudioScript(commands::audio_script::Args),
    /// Recordings of every text a participant hears: check them, generate them, adopt your own.
    Audio(commands::audio::Args),
    /// A workspace file from the assessor area: list it, write its tracking table or scores, or
    /// merge another site's into it.
    #[command(subcommand)]
    Workspace(commands::workspace::Command),
}

fn main() -> ExitCode {
    // A panic is a bug in qkit, never the user's fault: say so and exit 2.
    std::panic::set_hook(Box::new(|info| {
        eprintln!("qkit: internal error: {info}");
        std::process::exit(2);
    }));
    // Usage mistakes are bad input (exit 1); --help and --version are not mistakes (exit 0).
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(u8::from(e.use_stderr()));
        }
    };
    let result = match cli.command {
        Command::Validate(args) => commands::validate::run(args),
        Command::Score(args) => commands::score::run(args),
        Command::Cohort(args) => commands::cohort::run(args),
        Command::Change(args) => commands::change::run(args),
        Command::Allocate(args) => commands::allocate::run(args),
        Command::ExportSurveyjs(args) => commands::export_surveyjs::run(args),
        Command::Keygen(args) => commands::keygen::run(args),
        Command::Seal(args) => commands::seal::run(args),
        Command::Decrypt(args) => commands::decrypt::run(args),
        Command::Scores(args) => commands::scores::run(args),
        Command::Export(args) => commands::export::run(args),
        Command::AudioScript(args) => commands::audio_script::run(args),
        Command::Audio(args) => commands::audio::run(args),
        Command::Workspace(command) => commands::workspace::run(command),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("qkit: {e:#}");
            ExitCode::from(1)
        }
    }
}
