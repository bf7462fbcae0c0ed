//! `qkit score --questionnaire ID --responses FILE.csv [--norms GROUP] [--format csv|json]
//! [--definitions DIR]`: one row per respondent × scale.
//!
//! CSV columns: `respondent,scale,n_items,n_answered,raw_sum,item_mean,score,status,z,t,
//! percentile,band,flags`. `status` is `ok`, `prorated` or `not_scorable:<reason>`. `flags` lists,
//! separated by `;`, the respondent's response-quality flags (`too_fast`, `inconsistent_pairs`,
//! `high_missingness`, and `straight_lining` on the scale it was seen on), then `revisit:<item>`
//! for each item answered "I don't understand" and `alert:<item>` for each alert. JSON gives the
//! full reports, evidence included.

use crate::scoring_files::{self, Format, Source};
use anyhow::anyhow;
use qkit_scoring::csv_rows::score_row;
use qkit_scoring::{score, ScoreReport};
use serde::Serialize;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    source: Source,
    /// The responses CSV file: `respondent,<item id>,…`; cells are option values, empty, or
    /// DK / PNS / DU.
    #[arg(long)]
    responses: PathBuf,
    /// Compare with this norm group where a scale has it (default: each scale's default norm).
    #[arg(long)]
    norms: Option<String>,
    #[arg(long, value_enum, default_value = "csv")]
    format: Format,
}

/// The CSV header; a contract other tools rely on.
pub use qkit_scoring::csv_rows::SCORE_COLUMNS as COLUMNS;

#[derive(Serialize)]
struct Scored {
    respondent: String,
    report: ScoreReport,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let kit = args.source.kit()?;
    let q = scoring_files::questionnaire(&kit, &args.source.questionnaire)?;
    let norms = scoring_files::norm_choice(args.norms.as_deref());
    norms.check(q).map_err(|e| anyhow!("--norms: {e}"))?;
    let rows = scoring_files::responses(q, &args.responses)?;
    let scored = rows
        .into_iter()
        .map(|row| {
            let report = score(q, &row.responses, &norms)
                .map_err(|e| anyhow!("{}: line {}: {e}", args.responses.display(), row.line))?;
            Ok(Scored {
                respondent: row.respondent,
                report,
            })
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    match args.format {
        Format::Json => scoring_files::print_json(&scored)?,
        Format::Csv => {
            let mut out = scoring_files::csv_out();
            out.write_record(COLUMNS)?;
            for s in &scored {
                for scale in &s.report.scales {
                    out.write_record(score_row(&s.respondent, scale, &s.report))?;
                }
            }
            out.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
