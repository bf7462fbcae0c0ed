//! `qkit audio`: the recordings of every text a participant hears, in a kit's audio folder.
//!
//! - `check` exits 1 naming each text with no recording, or with one made from other words (its
//!   manifest hash is not the text's; see `qkit_questionnaires::recordings`).
//! - `generate` makes the missing ones with offline voices (see [`generate`]) and writes
//!   `manifest.json`. A person's recording (source `recorded`) is never replaced.
//! - `adopt` enters a person's recording in the manifest as the recording of its text as the
//!   definitions say it now: the organisation records `<name>.wav` (or `.ogg`, `.mp3`), as
//!   `qkit audio-script` names it, puts it in the folder and adopts it.
//!
//! Every command works on any folder of definitions (`--definitions`, local licensed ones too).

mod generate;

use crate::kit_files::KitFiles;
use anyhow::{anyhow, bail, Context};
use qkit_questionnaires::recordings::manifest::{
    check, Manifest, Problem, Recording, MANIFEST_FILE, RECORDED,
};
use qkit_questionnaires::recordings::{spoken_texts, SpokenText};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    action: Action,
}

#[derive(clap::Subcommand)]
enum Action {
    /// Exit 1 naming each text with no recording or a stale one.
    Check(Folders),
    /// Make recordings with offline voices (flite for English, espeak-ng for Welsh, opusenc).
    Generate {
        #[command(flatten)]
        folders: Folders,
        /// Only texts with no recording or a stale one (else every generated one is remade).
        #[arg(long)]
        only_missing: bool,
    },
    /// Enter people's recordings (files under the audio folder) in the manifest as recordings
    /// of their texts as they are now.
    Adopt {
        #[command(flatten)]
        folders: Folders,
        /// Paths under the audio folder, named as `qkit audio-script` lists them.
        #[arg(required = true)]
        files: Vec<String>,
    },
}

#[derive(clap::Args)]
struct Folders {
    /// The kit's audio folder (with `manifest.json`).
    #[arg(long, value_name = "DIR")]
    audio: PathBuf,
    /// A folder of local definitions to use with the shipped ones.
    #[arg(long, value_name = "DIR")]
    definitions: Option<PathBuf>,
}

impl Folders {
    fn texts(&self) -> anyhow::Result<Vec<SpokenText>> {
        let files = match &self.definitions {
            Some(dir) => KitFiles::read(dir)?,
            None => KitFiles::shipped(),
        };
        Ok(spoken_texts(&files.load().map_err(|e| anyhow!("{e}"))?))
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.action {
        Action::Check(f) => Ok(name_problems(&check_folder(&f.texts()?, &f.audio)?)),
        Action::Generate {
            folders,
            only_missing,
        } => {
            let texts = folders.texts()?;
            let manifest = read_manifest(&folders.audio)?;
            let manifest = generate::run(&texts, manifest, &folders.audio, only_missing)?;
            write_manifest(&folders.audio, &manifest)?;
            let problems = check_folder(&texts, &folders.audio)?;
            report(&texts, problems)
        }
        Action::Adopt { folders, files } => {
            let texts = folders.texts()?;
            let mut manifest = read_manifest(&folders.audio)?;
            for file in &files {
                adopt(&texts, &mut manifest, &folders.audio, file)?;
            }
            write_manifest(&folders.audio, &manifest)?;
            report(&texts, check_folder(&texts, &folders.audio)?)
        }
    }
}

/// How many texts are covered, then each problem; exit 1 if there is any.
fn report(texts: &[SpokenText], problems: Vec<Problem>) -> anyhow::Result<ExitCode> {
    eprintln!(
        "{} of {} texts have an up-to-date recording",
        texts.len() - problems.len(),
        texts.len()
    );
    Ok(name_problems(&problems))
}

/// Names each problem on stderr; exit 1 if there is any.
fn name_problems(problems: &[Problem]) -> ExitCode {
    for p in problems {
        eprintln!("qkit: {p}");
    }
    if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// The check `qkit audio check` makes: `texts` against the folder's manifest and files.
pub fn check_folder(texts: &[SpokenText], audio: &Path) -> anyhow::Result<Vec<Problem>> {
    let manifest = read_manifest(audio)?;
    Ok(check(texts, &manifest, |file| audio.join(file).is_file()))
}

/// The folder's manifest; an empty one when the folder has none yet.
pub fn read_manifest(audio: &Path) -> anyhow::Result<Manifest> {
    let path = audio.join(MANIFEST_FILE);
    if !path.exists() {
        return Ok(Manifest::default());
    }
    let json = std::fs::read_to_string(&path)
        .with_context(|| format!("cannot read {}", path.display()))?;
    Manifest::parse(&json).with_context(|| path.display().to_string())
}

fn write_manifest(audio: &Path, manifest: &Manifest) -> anyhow::Result<()> {
    let path = audio.join(MANIFEST_FILE);
    std::fs::write(&path, manifest.to_json())
        .with_context(|| format!("cannot write {}", path.display()))
}

/// Enters `file` as a person's recording of the text it is named for, and removes any generated
/// recording of that text.
fn adopt(
    texts: &[SpokenText],
    manifest: &mut Manifest,
    audio: &Path,
    file: &str,
) -> anyhow::Result<()> {
    if !audio.join(file).is_file() {
        bail!("{file} is not in {}", audio.display());
    }
    let stem = file.rsplit_once('.').map_or(file, |(stem, _)| stem);
    let text = texts
        .iter()
        .find(|t| t.declared.as_deref() == Some(file) || (t.declared.is_none() && t.name == stem))
        .ok_or_else(|| {
            anyhow!("{file} is named for no text: `qkit audio-script` lists each text's file name")
        })?;
    let generated: Vec<String> = manifest
        .recordings
        .iter()
        .filter(|(f, r)| {
            !r.is_recorded()
                && f.as_str() != file
                && f.rsplit_once('.').map(|(s, _)| s) == Some(stem)
        })
        .map(|(f, _)| f.clone())
        .collect();
    for old in generated {
        manifest.recordings.remove(&old);
        let _ = std::fs::remove_file(audio.join(&old));
    }
    let recording = Recording {
        sha256: text.hash(),
        source: RECORDED.to_owned(),
    };
    manifest.recordings.insert(file.to_owned(), recording);
    eprintln!("{file}: a recording of \"{}\"", text.text);
    Ok(())
}

#[cfg(test)]
mod tests;
