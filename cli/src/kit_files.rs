//! Reading definition files from disk into the sources the model loads.
//!
//! A folder is either a whole kit (it has `definitions/`; `batteries.json` and `ui/` are used
//! when present, else the shipped ones) or a folder of local definitions: every `*.json` in it is
//! a questionnaire added to the shipped kit, except `batteries.json`, which replaces the shipped
//! batteries.

use anyhow::{bail, Context};
use qkit_questionnaires::{DefinitionErrors, Kit, KitSources, BATTERIES_FILE, MAX_FILE_BYTES};
use std::fs;
use std::path::Path;

/// Definition files read from disk (or the shipped ones), owned.
pub struct KitFiles {
    definitions: Vec<(String, String)>,
    batteries: (String, String),
    ui: Vec<(String, String)>,
}

impl KitFiles {
    /// The files shipped inside qkit (with the assessor area's strings, so they are checked too).
    pub fn shipped() -> Self {
        let own = |v: &[(&str, &str)]| {
            v.iter()
                .map(|(n, t)| (n.to_string(), t.to_string()))
                .collect()
        };
        let s = KitSources::shipped_with_assessor();
        KitFiles {
            definitions: own(&s.definitions),
            batteries: (s.batteries.0.to_owned(), s.batteries.1.to_owned()),
            ui: own(&s.ui),
        }
    }

    /// Reads a kit folder or a folder of local definitions (see the module docs).
    pub fn read(dir: &Path) -> anyhow::Result<Self> {
        if !dir.is_dir() {
            bail!("{} is not a folder", dir.display());
        }
        let mut files = KitFiles::shipped();
        if dir.join("definitions").is_dir() {
            files.definitions = read_json_files(&dir.join("definitions"))?;
            if dir.join("ui").is_dir() {
                files.ui = read_json_files(&dir.join("ui"))?;
                let assessor = dir.join("ui").join("assessor");
                if assessor.is_dir() {
                    for (name, text) in read_json_files(&assessor)? {
                        files.ui.push((format!("assessor/{name}"), text));
                    }
                }
            }
        } else {
            for (name, text) in read_json_files(dir)? {
                if name != BATTERIES_FILE {
                    files.definitions.push((name, text));
                }
            }
        }
        let batteries = dir.join(BATTERIES_FILE);
        if batteries.is_file() {
            files.batteries = (BATTERIES_FILE.to_owned(), read_file(&batteries)?);
        }
        Ok(files)
    }

    /// Validates the files as one kit.
    pub fn load(&self) -> Result<Kit, DefinitionErrors> {
        Kit::load(&KitSources {
            definitions: refs(&self.definitions),
            batteries: (&self.batteries.0, &self.batteries.1),
            ui: refs(&self.ui),
        })
    }
}

fn refs(v: &[(String, String)]) -> Vec<(&str, &str)> {
    v.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect()
}

/// Reads a definition file, refusing oversized ones before reading them whole.
fn read_file(path: &Path) -> anyhow::Result<String> {
    crate::files::read_text(path, MAX_FILE_BYTES)
}

fn read_json_files(dir: &Path) -> anyhow::Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).with_context(|| format!("cannot list {}", dir.display()))? {
        let path = entry?.path();
        if path.extension().is_some_and(|x| x == "json") {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            out.push((name, read_file(&path)?));
        }
    }
    out.sort();
    Ok(out)
}
