//! Making recordings with offline voices from Debian's packages, run as programs: flite's `rms`
//! voice for English (the offline voice a speech recogniser understood best, `docs/audio.md`),
//! espeak-ng for Welsh and any other language, then opusenc to Ogg Opus at 12 kbit/s. Each text becomes
//! `<name>.ogg`; texts with the same words are made once. A person's recording (manifest source
//! `recorded`) and a recording a definition names are never touched.

use anyhow::{bail, Context};
use qkit_questionnaires::recordings::manifest::{Manifest, Recording};
use qkit_questionnaires::recordings::SpokenText;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The English voice: flite's `rms` (CMU's US English male voice, built into Debian's `flite`).
const ENGLISH_VOICE: &str = "rms";
/// Opus bit rate, kbit/s: measured as clear as 16 (`docs/audio.md`); a sentence is about 10 KB.
const BITRATE: &str = "12";

/// Who reads a language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Voice<'a> {
    Flite(&'static str),
    Espeak(&'a str),
}

impl Voice<'_> {
    fn for_lang(lang: &str) -> Voice<'_> {
        match lang {
            "en" => Voice::Flite(ENGLISH_VOICE),
            other => Voice::Espeak(other),
        }
    }

    fn source(self) -> String {
        match self {
            Voice::Flite(v) => format!("generated: flite {v}"),
            Voice::Espeak(v) => format!("generated: espeak-ng {v}"),
        }
    }
}

/// Makes the recordings `texts` need in `audio` and returns the manifest with them; every
/// generated one is remade unless `only_missing`. Generated recordings of texts the kit no
/// longer has are removed.
pub fn run(
    texts: &[SpokenText],
    mut manifest: Manifest,
    audio: &Path,
    only_missing: bool,
) -> anyhow::Result<Manifest> {
    let wanted: Vec<&SpokenText> = texts
        .iter()
        .filter(|t| t.declared.is_none())
        .filter(|t| match manifest.recording_for(t) {
            Some((_, r)) if r.is_recorded() => false,
            Some((file, r)) => !only_missing || r.sha256 != t.hash() || !audio.join(file).is_file(),
            None => true,
        })
        .collect();
    prune(texts, &mut manifest, audio);
    let work = std::env::temp_dir().join(format!("qkit-audio-{}", std::process::id()));
    std::fs::create_dir_all(&work).with_context(|| format!("cannot make {}", work.display()))?;
    // One synthesis per distinct (voice, words); the WAV files are numbered in `work`.
    let mut jobs: BTreeMap<(Voice, String), (PathBuf, Vec<&SpokenText>)> = BTreeMap::new();
    for t in &wanted {
        let key = (Voice::for_lang(t.lang.as_str()), t.text.clone());
        let n = jobs.len();
        let job = jobs
            .entry(key)
            .or_insert_with(|| (work.join(format!("{n:05}.wav")), vec![]));
        job.1.push(t);
    }
    eprintln!("{} texts to make ({} distinct)", wanted.len(), jobs.len());
    for ((voice, text), (wav, _)) in &jobs {
        let words = for_voice(text, lang_of(*voice));
        let wav = path_str(wav)?;
        match voice {
            Voice::Flite(v) => tool("flite", &["-voice", v, "-t", &words, "-o", wav], "flite")?,
            Voice::Espeak(l) => tool("espeak-ng", &["-v", l, "-w", wav, &words], "espeak-ng")?,
        }
    }
    for ((voice, _), (wav, users)) in &jobs {
        if !wav.is_file() {
            bail!("{voice:?} made no recording of \"{}\"", users[0].text);
        }
        for t in users {
            let file = format!("{}.ogg", t.name);
            let out = audio.join(&file);
            if let Some(dir) = out.parent() {
                std::fs::create_dir_all(dir)
                    .with_context(|| format!("cannot make {}", dir.display()))?;
            }
            let args = [
                "--quiet",
                "--bitrate",
                BITRATE,
                "--downmix-mono",
                "--serial",
                "1",
                path_str(wav)?,
                path_str(&out)?,
            ];
            tool("opusenc", &args, "opus-tools")?;
            let source = voice.source();
            manifest.recordings.insert(
                file,
                Recording {
                    sha256: t.hash(),
                    source,
                },
            );
        }
    }
    let _ = std::fs::remove_dir_all(&work);
    Ok(manifest)
}

/// Removes generated recordings named for no text of the kit.
fn prune(texts: &[SpokenText], manifest: &mut Manifest, audio: &Path) {
    let names: std::collections::BTreeSet<&str> = texts.iter().map(|t| t.name.as_str()).collect();
    let stale: Vec<String> = manifest
        .recordings
        .iter()
        .filter(|(f, r)| {
            !r.is_recorded()
                && !f
                    .rsplit_once('.')
                    .is_some_and(|(stem, _)| names.contains(stem))
        })
        .map(|(f, _)| f.clone())
        .collect();
    for f in stale {
        manifest.recordings.remove(&f);
        let _ = std::fs::remove_file(audio.join(&f));
    }
}

fn lang_of(voice: Voice<'_>) -> &str {
    match voice {
        Voice::Flite(_) => "en",
        Voice::Espeak(lang) => lang,
    }
}

/// Runs a tool; a missing one is named with the Debian packages that provide it.
pub(super) fn tool(program: &str, args: &[&str], packages: &str) -> anyhow::Result<()> {
    let status = Command::new(program).args(args).status().map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            anyhow::anyhow!("{program} is not installed (Debian: apt-get install {packages})")
        } else {
            anyhow::anyhow!("cannot run {program}: {e}")
        }
    })?;
    if !status.success() {
        bail!("{program} failed ({status})");
    }
    Ok(())
}

fn path_str(p: &Path) -> anyhow::Result<&str> {
    p.to_str()
        .ok_or_else(|| anyhow::anyhow!("{} is not a UTF-8 path", p.display()))
}

/// The words a voice is given: the shown text without marks voices read badly. An ellipsis is
/// dropped, a slash read as "or", a spaced dash as a pause, curly quotes made plain; the manifest
/// still hashes the text as shown.
pub fn for_voice(text: &str, lang: &str) -> String {
    let or = if lang == "cy" { " neu " } else { " or " };
    let plain = text
        .replace('…', " ")
        .replace(['‘', '’'], "'")
        .replace(['“', '”'], "\"")
        .replace('/', or)
        .replace('\u{a0}', " ");
    let spaced = plain
        .replace(" – ", ", ")
        .replace(" — ", ", ")
        .replace(" - ", ", ");
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}
