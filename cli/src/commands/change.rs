//! `qkit change --questionnaire ID --pre A.csv [--mid B.csv] --post C.csv [--norms GROUP]
//! [--reliable-change definition|cohort-pre] [--format csv|json] [--definitions DIR]`: reliable
//! and clinically significant change per respondent × scale × pair of timepoints, rows matched by
//! respondent.
//!
//! CSV columns: `respondent,scale,pair,from,to,diff,method,threshold,rci,reliable,cutoff,category`.
//! `pair` is `pre_mid`, `mid_post` or `pre_post`; `from` and `to` are the scores; `method` is the
//! reliable change basis (`points`, `norm:<id>` or `cohort_pre`) and `threshold` the change in
//! points it needs; `cutoff` the clinical cut-off; `category` is `recovered`, `improved`,
//! `unchanged`, `deteriorated` or `not_assessable:<reason>`. The cohort for `cohort_pre` is
//! everyone scored in the `--pre` file. Each scale's basis and source, and the clinical cut-off's,
//! are printed to stderr (and are in the JSON). A respondent in only one file has no rows; stderr
//! says so.

use crate::scoring_files::{self, Format, Source};
use anyhow::anyhow;
use qkit_questionnaires::{Questionnaire, Timepoint};
use qkit_scoring::change::clinical_cutoff;
use qkit_scoring::csv_rows::change_row;
use qkit_scoring::reliable::basis;
use qkit_scoring::{change, score, ChangeReport, CohortPre, NormChoice, ScoreReport, Timepoints};
use serde::Serialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    source: Source,
    /// Responses before the programme (CSV, as for `qkit score`).
    #[arg(long)]
    pre: PathBuf,
    /// Responses at mid-programme (optional).
    #[arg(long)]
    mid: Option<PathBuf>,
    /// Responses after the programme.
    #[arg(long)]
    post: PathBuf,
    /// The norm group scores are compared with for z and T, where a scale has it (default: each
    /// scale's default norm). Reliable change follows each scale's own rule, not this.
    #[arg(long)]
    norms: Option<String>,
    /// How reliable change is judged: each scale's rule from its definition, or the cohort's
    /// own pre-programme SD (everyone scored in --pre) on every scale.
    #[arg(long, value_enum, default_value = "definition")]
    reliable_change: scoring_files::ReliableChange,
    #[arg(long, value_enum, default_value = "csv")]
    format: Format,
}

/// The CSV header; a contract other tools rely on.
pub use qkit_scoring::csv_rows::CHANGE_COLUMNS as COLUMNS;

#[derive(Serialize)]
struct RespondentChange {
    respondent: String,
    change: ChangeReport,
}

/// Each respondent's reports at pre, mid and post, in order of first appearance.
type ByRespondent = Vec<(String, [Option<ScoreReport>; 3])>;

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let kit = args.source.kit()?;
    let q = scoring_files::questionnaire(&kit, &args.source.questionnaire)?;
    let norms = scoring_files::norm_choice(args.norms.as_deref());
    norms.check(q).map_err(|e| anyhow!("--norms: {e}"))?;
    let mut people: ByRespondent = Vec::new();
    let files = [
        (Timepoint::Pre, Some(&args.pre)),
        (Timepoint::Mid, args.mid.as_ref()),
        (Timepoint::Post, Some(&args.post)),
    ];
    for (t, path) in files {
        if let Some(path) = path {
            add_timepoint(q, &norms, t, path, &mut people)?;
        }
    }
    let choice = args.reliable_change.choice();
    let cohort = CohortPre::from_reports(q, people.iter().filter_map(|(_, r)| r[0].as_ref()));
    let mut changes = Vec::new();
    for (respondent, reports) in &people {
        let [pre, mid, post] = reports;
        if reports.iter().flatten().count() < 2 {
            eprintln!("qkit: respondent \"{respondent}\" is in only one file: no change rows");
            continue;
        }
        let timepoints = Timepoints {
            pre: pre.as_ref(),
            mid: mid.as_ref(),
            post: post.as_ref(),
        };
        let change = change(q, &timepoints, choice, &cohort)
            .map_err(|e| anyhow!("respondent \"{respondent}\": {e}"))?;
        changes.push(RespondentChange {
            respondent: respondent.clone(),
            change,
        });
    }
    eprintln!("method: {}", qkit_scoring::change::METHOD);
    for scale in &q.scales {
        match basis(scale, choice, &cohort) {
            Ok(b) => eprintln!(
                "{}: reliable change {} (threshold {:.2} points): {}",
                scale.id,
                b.key(),
                b.threshold(),
                b.source()
            ),
            Err(why) => eprintln!(
                "{}: reliable change not assessable: {}",
                scale.id,
                qkit_scoring::change::NotAssessable::from(why)
            ),
        }
        if let Some(c) = clinical_cutoff(scale) {
            eprintln!(
                "{}: clinical cut-off {:.2}: {}",
                scale.id, c.cutoff, c.source
            );
        }
    }
    match args.format {
        Format::Json => scoring_files::print_json(&changes)?,
        Format::Csv => {
            let mut out = scoring_files::csv_out();
            out.write_record(COLUMNS)?;
            for r in &changes {
                for c in &r.change.changes {
                    out.write_record(change_row(&r.respondent, c))?;
                }
            }
            out.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Reads and scores one timepoint's file into `people`.
fn add_timepoint(
    q: &Questionnaire,
    norms: &NormChoice,
    t: Timepoint,
    path: &Path,
    people: &mut ByRespondent,
) -> anyhow::Result<()> {
    let index: HashMap<String, usize> = people
        .iter()
        .enumerate()
        .map(|(i, (r, _))| (r.clone(), i))
        .collect();
    for row in scoring_files::responses(q, path)? {
        let report = score(q, &row.responses, norms)
            .map_err(|e| anyhow!("{}: line {}: {e}", path.display(), row.line))?;
        let i = match index.get(&row.respondent) {
            Some(&i) => i,
            None => {
                people.push((row.respondent.clone(), [None, None, None]));
                people.len() - 1
            }
        };
        people[i].1[t as usize] = Some(report);
    }
    Ok(())
}
