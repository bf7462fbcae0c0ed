//! `qkit decrypt --identity FILE FILES…`: opens sealed records, checks each against the kit and
//! writes it as JSON next to its file (`x.age` → `x.json`, never overwriting), or to stdout with
//! `-o -` for a single file. A bad file is reported with its name and reason and the rest carry
//! on; the exit code is 1 if any failed.
//!
//! A rescue file (every sitting a device held, see `qkit_export::rescue`) opens the same way:
//! each sitting is written as its own record, `x-<n>-unfinished.json` for a sitting still open
//! (answers so far, no scores) and `x-<n>.json` for one finished but not yet exported, counting
//! from 1; with `-o -`, the sittings' records as one JSON array. A sitting that cannot be read or
//! does not fit the kit is reported by number and the others are still written.

use crate::commands::keygen::write_new_private;
use crate::commands::seal::load_kit;
use crate::words::counted;
use anyhow::{bail, Context};
use qkit_export::open::{MAX_IDENTITY_BYTES, MAX_SEALED_BYTES};
use qkit_export::{open_any, Identities, Opened, ResultRecord};
use qkit_questionnaires::Kit;
use std::io::{BufRead, IsTerminal};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The identity file (as `qkit keygen` or `age-keygen` writes it, or passphrase-protected
    /// with `age -p`: the passphrase is then asked for, or read from the first line of stdin
    /// when stdin is not a terminal).
    #[arg(short, long, value_name = "FILE")]
    identity: PathBuf,
    /// The sealed files (.age).
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// `-` writes the one record to stdout instead of a .json file beside it.
    #[arg(short, long, value_name = "-")]
    output: Option<String>,
    /// A kit folder, or a folder of local definitions, to check records against. Default: the
    /// shipped definitions.
    #[arg(long, value_name = "DIR")]
    kit: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let to_stdout = match args.output.as_deref() {
        None => false,
        Some("-") if args.files.len() == 1 => true,
        Some("-") => bail!("-o - writes one record to stdout; give exactly one file"),
        Some(other) => bail!("-o takes only \"-\" (stdout), not \"{other}\""),
    };
    let identities = load_identities(&args.identity)?;
    let kit = load_kit(args.kit.as_deref())?;
    let (mut failed, mut failed_sittings) = (0, 0);
    for path in &args.files {
        let outcome = open_file(path, &identities, &kit).and_then(|opened| match opened {
            Opened::Record(record) => {
                write_record(&record, to_stdout, &path.with_extension("json"))
                    .map(|to| report(path, "", to.as_deref()))
            }
            Opened::Rescue(sittings) => {
                let file = crate::files::read_limited(path, MAX_SEALED_BYTES)?;
                let code = qkit_export::rescue_code(&file);
                failed_sittings += write_rescue(path, &sittings, &code, to_stdout)?;
                Ok(())
            }
        });
        if let Err(e) = outcome {
            eprintln!("qkit: {}: {e:#}", path.display());
            failed += 1;
        }
    }
    if failed > 0 {
        let files = counted(args.files.len(), "file", "files");
        eprintln!("{failed} of {files} failed");
    }
    if failed_sittings > 0 {
        let sittings = counted(failed_sittings, "rescued sitting", "rescued sittings");
        eprintln!("{sittings} failed");
    }
    if failed + failed_sittings > 0 {
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes a record as indented JSON to `target` (never overwriting) or to stdout; returns where
/// it went when that is a file.
fn write_record(
    record: &ResultRecord,
    to_stdout: bool,
    target: &Path,
) -> anyhow::Result<Option<PathBuf>> {
    let json = record
        .to_json_pretty()
        .context("cannot write the record as JSON")?
        + "\n";
    if to_stdout {
        print!("{json}");
        return Ok(None);
    }
    write_new_private(target, json.as_bytes())?;
    Ok(Some(target.to_owned()))
}

/// Says on stderr where a file's (or a sitting's) record went.
fn report(path: &Path, what: &str, to: Option<&Path>) {
    if let Some(to) = to {
        eprintln!("{}: {what}written to {}", path.display(), to.display());
    }
}

/// Writes each sitting of a rescue file beside it (or as one JSON array to stdout) and reports
/// the sittings that failed; returns how many did.
fn write_rescue(
    path: &Path,
    sittings: &[Result<ResultRecord, qkit_export::RecordError>],
    code: &str,
    to_stdout: bool,
) -> anyhow::Result<usize> {
    let open = sittings
        .iter()
        .flatten()
        .filter(|r| r.is_unfinished())
        .count();
    eprintln!(
        "{}: a rescue file of {}, {open} of them unfinished; its code is {code} \
         (staff type it on the laptop to remove the copy kept there)",
        path.display(),
        counted(sittings.len(), "sitting", "sittings")
    );
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    let mut failed = 0;
    let mut readable = Vec::new();
    for (i, sitting) in sittings.iter().enumerate() {
        let n = i + 1;
        let record = match sitting {
            Ok(record) => record,
            Err(e) => {
                eprintln!("qkit: {}: sitting {n}: {e}", path.display());
                failed += 1;
                continue;
            }
        };
        let state = if record.is_unfinished() {
            "unfinished"
        } else {
            "finished"
        };
        let what = format!(
            "sitting {n} ({} {}, {state}): ",
            record.participant,
            record.timepoint.key()
        );
        if to_stdout {
            eprintln!("{}: {what}on stdout", path.display());
            readable.push(record);
            continue;
        }
        let name = if record.is_unfinished() {
            format!("{stem}-{n}-unfinished.json")
        } else {
            format!("{stem}-{n}.json")
        };
        match write_record(record, false, &path.with_file_name(name)) {
            Ok(to) => report(path, &what, to.as_deref()),
            Err(e) => {
                eprintln!("qkit: {}: sitting {n}: {e:#}", path.display());
                failed += 1;
            }
        }
    }
    if to_stdout {
        let json =
            serde_json::to_string_pretty(&readable).context("cannot write the records as JSON")?;
        println!("{json}");
    }
    Ok(failed)
}

/// Reads, decrypts, parses and validates one sealed record or rescue file.
pub(crate) fn open_file(path: &Path, identities: &Identities, kit: &Kit) -> anyhow::Result<Opened> {
    let bytes = crate::files::read_limited(path, MAX_SEALED_BYTES)?;
    Ok(open_any(&bytes, identities, kit)?)
}

/// Reads an identity file; a passphrase-protected one asks for its passphrase (or reads it from
/// the first line of stdin when stdin is not a terminal).
pub(crate) fn load_identities(path: &Path) -> anyhow::Result<Identities> {
    let shown = path.display();
    let bytes = crate::files::read_limited(path, MAX_IDENTITY_BYTES)
        .with_context(|| format!("identity file {shown}"))?;
    if !Identities::is_passphrase_protected(&bytes) {
        return Identities::from_bytes(&bytes).with_context(|| format!("identity file {shown}"));
    }
    let passphrase = if std::io::stdin().is_terminal() {
        rpassword::prompt_password(format!("passphrase for {shown}: "))
            .context("cannot read the passphrase")?
    } else {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .context("cannot read the passphrase from stdin")?;
        line.trim_end_matches(['\r', '\n']).to_owned()
    };
    let passphrase = zeroize::Zeroizing::new(passphrase);
    Identities::from_passphrase_file(&bytes, &passphrase)
        .with_context(|| format!("identity file {shown}"))
}
