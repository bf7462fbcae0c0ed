//! The audio folder's manifest (`audio/manifest.json`): for each recording file, the hash of the
//! text it holds and where it came from. [`check`] compares it with the texts of a kit: a text
//! with no recording, or whose recording was made of other words, is a [`Problem`].
//!
//! ```json
//! { "format": 1, "recordings": {
//!     "phq9/phq9_01.en.ogg": { "sha256": "…", "source": "generated: festival cmu_us_slt_arctic_hts" },
//!     "phq9/phq9_01.cy.wav": { "sha256": "…", "source": "recorded" } } }
//! ```

use super::SpokenText;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The manifest's file name in the audio folder.
pub const MANIFEST_FILE: &str = "manifest.json";
/// The format this code reads and writes.
pub const FORMAT: u32 = 1;
/// The source of a person's recording, which generating never replaces.
pub const RECORDED: &str = "recorded";

/// What the audio folder holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub format: u32,
    /// File (path under the audio folder) → what it holds.
    pub recordings: BTreeMap<String, Recording>,
}

/// One recording file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recording {
    /// [`super::text_hash`] of the text it was made from.
    pub sha256: String,
    /// [`RECORDED`] for a person's recording, else `generated: <engine> <voice>`.
    pub source: String,
}

impl Recording {
    /// A person's recording.
    pub fn is_recorded(&self) -> bool {
        self.source == RECORDED
    }
}

impl Default for Manifest {
    fn default() -> Self {
        Manifest {
            format: FORMAT,
            recordings: BTreeMap::new(),
        }
    }
}

/// The manifest could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ManifestError {
    #[error("{MANIFEST_FILE} is not a recordings manifest: {0}")]
    Json(#[from] serde_json::Error),
    #[error("{MANIFEST_FILE} has format {0}; this qkit reads format {FORMAT}")]
    Format(u32),
}

impl Manifest {
    pub fn parse(json: &str) -> Result<Manifest, ManifestError> {
        let m: Manifest = serde_json::from_str(json)?;
        if m.format != FORMAT {
            return Err(ManifestError::Format(m.format));
        }
        Ok(m)
    }

    /// Pretty JSON with a final newline, files in order (so a change shows as a small diff).
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }

    /// The recording for `text`: the file its definition names, else a file named as the text
    /// (`<name>.<type>`), a person's recording before a generated one.
    pub fn recording_for(&self, text: &SpokenText) -> Option<(&str, &Recording)> {
        if let Some(file) = &text.declared {
            return self
                .recordings
                .get_key_value(file)
                .map(|(f, r)| (f.as_str(), r));
        }
        let mine = self.recordings.iter().filter(|(file, _)| {
            file.rsplit_once('.')
                .is_some_and(|(stem, _)| stem == text.name)
        });
        mine.max_by_key(|(_, r)| r.is_recorded())
            .map(|(f, r)| (f.as_str(), r))
    }
}

/// The file of the recording of each text hash in a manifest's JSON, a person's recording before
/// a generated one of the same words; empty when `json` is no manifest of this format. What the
/// participant's app needs to play recordings, read as plain JSON values: a typed parse would
/// add its own code to the app's bundle.
pub fn files_by_hash(json: &str) -> BTreeMap<String, String> {
    let mut found = BTreeMap::new();
    let Ok(v) = serde_json::from_str::<serde_json::Value>(json) else {
        return found;
    };
    if v.get("format").and_then(serde_json::Value::as_u64) != Some(FORMAT.into()) {
        return found;
    }
    let Some(recordings) = v.get("recordings").and_then(|r| r.as_object()) else {
        return found;
    };
    for (file, r) in recordings {
        let Some(hash) = r.get("sha256").and_then(|h| h.as_str()) else {
            continue;
        };
        let recorded = r.get("source").and_then(|s| s.as_str()) == Some(RECORDED);
        if recorded || !found.contains_key(hash) {
            found.insert(hash.to_owned(), file.clone());
        }
    }
    found
}

/// A text the audio folder does not cover.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error("{}: no recording of {} ({}): \"{}\"", .0.name, what(.0), .0.lang, .0.text)]
    Missing(SpokenText),
    #[error("{file}: made from other words than {} ({}) says now: \"{}\"", what(text), text.lang, text.text)]
    Stale { text: SpokenText, file: String },
    #[error("{file}: in the manifest for {} ({}) but not in the audio folder", what(text), text.lang)]
    Absent { text: SpokenText, file: String },
}

fn what(t: &SpokenText) -> String {
    if t.questionnaire.is_empty() {
        t.text_of.clone()
    } else {
        format!("{} {}", t.questionnaire, t.text_of)
    }
}

/// Every text in `texts` with no recording, a stale one, or one the manifest names but
/// `exists` (is this file in the audio folder?) does not find; in the order of `texts`.
pub fn check(
    texts: &[SpokenText],
    manifest: &Manifest,
    exists: impl Fn(&str) -> bool,
) -> Vec<Problem> {
    texts
        .iter()
        .filter_map(|t| {
            let Some((file, r)) = manifest.recording_for(t) else {
                return Some(Problem::Missing(t.clone()));
            };
            let (text, file) = (t.clone(), file.to_owned());
            if r.sha256 != t.hash() {
                Some(Problem::Stale { text, file })
            } else if !exists(&file) {
                Some(Problem::Absent { text, file })
            } else {
                None
            }
        })
        .collect()
}
