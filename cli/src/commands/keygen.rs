//! `qkit keygen [-o FILE]`: a new age identity for the assessor team, written as `age-keygen`
//! writes it (`# created:`, `# public key:`, `AGE-SECRET-KEY-1…`), so `age -d -i FILE` reads it.

use anyhow::Context;
use qkit_export::{NewIdentity, Timestamp};
use rand_core::OsRng;
use std::fs::OpenOptions;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

#[derive(clap::Args)]
pub struct Args {
    /// Write the identity to FILE (never overwritten; readable by its owner only) and print the
    /// recipient. Without it, the identity goes to stdout and the recipient to stderr.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let identity = NewIdentity::generate(&mut OsRng);
    let recipient = identity.recipient();
    let text = identity.file_text(now()?);
    match &args.output {
        Some(path) => {
            write_new_private(path, text.as_bytes())?;
            println!("{recipient}");
            eprintln!("identity written to {}", path.display());
        }
        None => {
            print!("{}", text.as_str());
            eprintln!("Public key: {recipient}");
        }
    }
    eprintln!(
        "fingerprint (for staff to check): {}",
        recipient.fingerprint()
    );
    Ok(ExitCode::SUCCESS)
}

/// The current time, from the system clock.
fn now() -> anyhow::Result<Timestamp> {
    let ms = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .context("the system clock is before 1970")?
        .as_millis();
    Ok(Timestamp(
        i64::try_from(ms).context("the system clock is out of range")?,
    ))
}

/// Creates `path` with mode 0600 (on Unix), refusing to replace an existing file.
pub(crate) fn write_new_private(path: &std::path::Path, bytes: &[u8]) -> anyhow::Result<()> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path).with_context(|| {
        if path.exists() {
            format!(
                "{} already exists; qkit never overwrites an identity",
                path.display()
            )
        } else {
            format!("cannot create {}", path.display())
        }
    })?;
    file.write_all(bytes)
        .with_context(|| format!("cannot write {}", path.display()))
}
