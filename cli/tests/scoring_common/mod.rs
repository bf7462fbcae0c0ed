//! Helpers shared by the `qkit score`, `cohort` and `change` tests: running the binary, scratch
//! files, and a local (not shipped) definition.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Runs `qkit` with `args`: (exit code, stdout, stderr).
pub fn qkit(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_qkit"))
        .args(args)
        .output()
        .expect("qkit runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A fresh scratch folder for one test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("qkit_scoring_{name}"));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

/// Writes a file into `dir`; returns its path as a string for the command line.
pub fn write(dir: &Path, name: &str, text: impl AsRef<[u8]>) -> String {
    let path = dir.join(name);
    fs::write(&path, text).expect("write fixture");
    path.to_string_lossy().into_owned()
}

/// A folder holding [`LOCAL3`], for `--definitions`.
pub fn local_definitions(dir: &Path) -> String {
    let defs = dir.join("defs");
    fs::create_dir_all(&defs).expect("defs folder");
    write(&defs, "local3.json", LOCAL3);
    defs.to_string_lossy().into_owned()
}

/// A licensed instrument that is not shipped: three items 1-4, item 2 reverse keyed
/// (keyed = 5 - value); sum, at least 2 answered, prorated without rounding.
pub const LOCAL3: &str = r##"{
  "format": 1, "id": "local3", "version": "1.0.0", "kind": "instrument",
  "title": {"en": "Local three"}, "instructions": {"en": "How often?"}, "languages": ["en"],
  "licence": "licensed to the site", "source": "test fixture", "minutes": 1,
  "response_scales": [{"id": "often", "options": [
    {"value": 1, "label": {"en": "Never"}, "colour": "#2f6a8f", "pictogram": "bars-1"},
    {"value": 2, "label": {"en": "Sometimes"}, "colour": "#5f6b73", "pictogram": "bars-2"},
    {"value": 3, "label": {"en": "Often"}, "colour": "#a0622d", "pictogram": "bars-3"},
    {"value": 4, "label": {"en": "Always"}, "colour": "#8c4a16", "pictogram": "bars-4"}]}],
  "items": [
    {"id": "local3_01", "text": {"en": "One"}, "response_scale": "often"},
    {"id": "local3_02", "text": {"en": "Two"}, "response_scale": "often", "reverse_keyed": true},
    {"id": "local3_03", "text": {"en": "Three"}, "response_scale": "often"}],
  "scales": [{"id": "total", "kind": "total", "title": {"en": "Total"},
    "items": ["local3_01", "local3_02", "local3_03"], "method": "sum",
    "min_answered": {"count": 2}, "prorate": true, "direction": "higher_is_more_need"}]
}"##;
