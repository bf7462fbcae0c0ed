//! `qkit decrypt --identity FILE FILES…`: opens sealed records, checks each against the kit and
//! writes it as JSON next to its file (`x.age` → `x.json`, never overwriting), or to stdout with
//! `-o -` for a single file. A bad file is reported with its name and reason and the rest carry
//! on; the exit code is 1 if any failed.

use crate::commands::keygen::write_new_private;
use crate::commands::seal::load_kit;
use anyhow::{bail, Context};
use qkit_export::open::{MAX_IDENTITY_BYTES, MAX_SEALED_BYTES};
use qkit_export::{open, Identities, ResultRecord};
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
    let mut failed = 0;
    for path in &args.files {
        let outcome = open_file(path, &identities, &kit).and_then(|record| {
            let json = record
                .to_json_pretty()
                .context("cannot write the record as JSON")?
                + "\n";
            if to_stdout {
                print!("{json}");
                return Ok(());
            }
            let target = path.with_extension("json");
            write_new_private(&target, json.as_bytes())?;
            eprintln!("{}: written to {}", path.display(), target.display());
            Ok(())
        });
        if let Err(e) = outcome {
            eprintln!("qkit: {}: {e:#}", path.display());
            failed += 1;
        }
    }
    if failed > 0 {
        eprintln!("{failed} of {} file(s) failed", args.files.len());
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// Reads, decrypts, parses and validates one sealed record.
pub(crate) fn open_file(
    path: &Path,
    identities: &Identities,
    kit: &Kit,
) -> anyhow::Result<ResultRecord> {
    let bytes = crate::files::read_limited(path, MAX_SEALED_BYTES)?;
    Ok(open(&bytes, identities, kit)?)
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
