//! `qkit cohort --questionnaire ID --responses FILE.csv [--format csv|json] [--definitions DIR]`:
//! per scale, the number scored, the mean and sample SD of the scores, and Cronbach's alpha on
//! the complete cases (CSV columns `scale,n,mean,sd,n_alpha,alpha`: `n` counts every scored
//! respondent, `n_alpha` the complete cases alpha was computed on).

use crate::scoring_files::{self, fixed_or_empty, Format, Source};
use anyhow::anyhow;
use qkit_scoring::cohort;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    source: Source,
    /// The responses CSV file, as for `qkit score`.
    #[arg(long)]
    responses: PathBuf,
    #[arg(long, value_enum, default_value = "csv")]
    format: Format,
}

/// The CSV header; a contract other tools rely on.
pub const COLUMNS: [&str; 6] = ["scale", "n", "mean", "sd", "n_alpha", "alpha"];

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let kit = args.source.kit()?;
    let q = scoring_files::questionnaire(&kit, &args.source.questionnaire)?;
    let rows = scoring_files::responses(q, &args.responses)?;
    let stats = cohort(q, rows.iter().map(|r| r.responses.as_slice()))
        .map_err(|e| anyhow!("{}: {e}", args.responses.display()))?;
    match args.format {
        Format::Json => scoring_files::print_json(&stats)?,
        Format::Csv => {
            let mut out = scoring_files::csv_out();
            out.write_record(COLUMNS)?;
            for s in &stats {
                out.write_record([
                    s.scale.clone(),
                    s.n.to_string(),
                    fixed_or_empty(s.mean, 2),
                    fixed_or_empty(s.sd, 3),
                    s.n_alpha.to_string(),
                    fixed_or_empty(s.alpha, 3),
                ])?;
            }
            out.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
