//! `qkit scores --identity FILE DIR --out scores.csv`: opens every sealed record (`*.age`) in
//! DIR and writes one CSV row per participant × timepoint × questionnaire × scale.
//!
//! Columns: `respondent,programme,timepoint,questionnaire`, then the rest of `qkit score`'s
//! columns (`scale,n_items,…,flags`, the same cells), then `qkit change`'s columns from `pair`
//! on (`pair,from,to,diff,rci,reliable,category`), filled on a mid or post row when the same
//! participant has an earlier timepoint: the change from the earliest one (pre, else mid).
//! Bad files are reported on stderr with their names and reasons and the rest go on; the exit
//! code is 1 if any failed. The output file is never overwritten and is readable by its owner
//! only (it holds scores of named cases).

use crate::commands::decrypt::{load_identities, open_file};
use crate::commands::keygen::write_new_private;
use crate::commands::seal::load_kit;
use crate::commands::{change, score};
use anyhow::{bail, Context};
use qkit_export::ResultRecord;
use qkit_questionnaires::{Kit, Timepoint};
use qkit_scoring::change::ScaleChange;
use qkit_scoring::Timepoints;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
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
}

/// A participant's records on one programme, by timepoint, with the file each came from.
type ByTimepoint = [Option<(PathBuf, ResultRecord)>; 3];

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let identities = load_identities(&args.identity)?;
    let kit = load_kit(args.kit.as_deref())?;
    let files = sealed_files(&args.dir)?;
    let mut failed = 0;
    let mut people: BTreeMap<(String, String), ByTimepoint> = BTreeMap::new();
    for path in &files {
        let record = match open_file(path, &identities, &kit) {
            Ok(record) => record,
            Err(e) => {
                eprintln!("qkit: {}: {e:#}", path.display());
                failed += 1;
                continue;
            }
        };
        let key = (record.participant.clone(), record.programme.clone());
        let slot = &mut people.entry(key).or_default()[record.timepoint as usize];
        match slot {
            Some((first, kept)) if kept.record_id == record.record_id => {
                eprintln!(
                    "{}: the same record as {}; counted once",
                    path.display(),
                    first.display()
                );
            }
            Some((first, _)) => {
                eprintln!(
                    "qkit: {}: a second {} record for \"{}\" (the first is {}); not used",
                    path.display(),
                    record.timepoint,
                    record.participant,
                    first.display()
                );
                failed += 1;
            }
            None => *slot = Some((path.clone(), record)),
        }
    }
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(header())?;
    let mut rows = 0;
    for ((participant, programme), records) in &people {
        for row in participant_rows(&kit, participant, programme, records, &mut failed) {
            out.write_record(row)?;
            rows += 1;
        }
    }
    let bytes = out.into_inner().context("cannot write the CSV")?;
    write_new_private(&args.out, &bytes)?;
    eprintln!(
        "{} of {} file(s) opened; {rows} rows written to {}",
        files.len() - failed.min(files.len()),
        files.len(),
        args.out.display()
    );
    if failed > 0 {
        eprintln!("{failed} problem(s)");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// The `.age` files in a folder, sorted by name.
fn sealed_files(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).with_context(|| format!("cannot list {}", dir.display()))? {
        let path = entry?.path();
        if path.is_file() && path.extension().is_some_and(|x| x == "age") {
            files.push(path);
        }
    }
    if files.is_empty() {
        bail!("{} holds no .age files", dir.display());
    }
    files.sort();
    Ok(files)
}

/// `respondent,programme,timepoint,questionnaire`, `qkit score`'s columns from `scale`, then
/// `qkit change`'s from `pair`.
fn header() -> Vec<&'static str> {
    let mut h = vec![score::COLUMNS[0], "programme", "timepoint", "questionnaire"];
    h.extend(&score::COLUMNS[1..]);
    h.extend(&change::COLUMNS[2..]);
    h
}

/// Every row of one participant on one programme.
fn participant_rows(
    kit: &Kit,
    participant: &str,
    programme: &str,
    records: &ByTimepoint,
    failed: &mut usize,
) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for t in Timepoint::ALL {
        let Some((_, record)) = &records[t as usize] else {
            continue;
        };
        for result in &record.questionnaires {
            let (Some(report), Some(q)) = (&result.report, kit.questionnaire(&result.id)) else {
                continue;
            };
            let reports = Timepoints {
                pre: report_at(records, Timepoint::Pre, &q.id),
                mid: report_at(records, Timepoint::Mid, &q.id),
                post: report_at(records, Timepoint::Post, &q.id),
            };
            let changes = match qkit_scoring::change(q, &reports) {
                Ok(c) => c.changes,
                Err(e) => {
                    eprintln!("qkit: \"{participant}\" {}: change not computed: {e}", q.id);
                    *failed += 1;
                    Vec::new()
                }
            };
            for scale in &report.scales {
                let cells = score::row(participant, scale, report);
                let mut row = vec![
                    cells[0].clone(),
                    programme.to_owned(),
                    t.to_string(),
                    q.id.clone(),
                ];
                row.extend(cells[1..].iter().cloned());
                match change_into(&changes, &scale.scale, t) {
                    Some(c) => row.extend(change::row(participant, c)[2..].iter().cloned()),
                    None => row.extend(std::iter::repeat_n(
                        String::new(),
                        change::COLUMNS.len() - 2,
                    )),
                }
                rows.push(row);
            }
        }
    }
    rows
}

/// The report of questionnaire `id` at timepoint `t`, if that record has one.
fn report_at<'a>(
    records: &'a ByTimepoint,
    t: Timepoint,
    id: &str,
) -> Option<&'a qkit_scoring::ScoreReport> {
    let (_, record) = records[t as usize].as_ref()?;
    record
        .questionnaires
        .iter()
        .find(|q| q.id == id)?
        .report
        .as_ref()
}

/// The change on `scale` into timepoint `to` from the earliest earlier timepoint with a report.
fn change_into<'c>(
    changes: &'c [ScaleChange],
    scale: &str,
    to: Timepoint,
) -> Option<&'c ScaleChange> {
    changes
        .iter()
        .filter(|c| c.scale == scale && c.pair.timepoints().1 == to)
        .min_by_key(|c| c.pair.timepoints().0)
}
