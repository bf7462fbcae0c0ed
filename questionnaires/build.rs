//! Lists the shipped definition, batteries and interface-string files so that `src/shipped.rs`
//! can embed them. Adding a file (or a language) is then a data change only.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

/// Drops whitespace outside JSON strings, so the embedded copies are smaller. The file's
/// meaning is unchanged; its syntax is still checked at run time by the loader.
fn minify(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

fn list(out: &mut String, out_dir: &Path, name: &str, prefix: &str, files: &[PathBuf]) {
    writeln!(out, "pub const {name}: &[(&str, &str)] = &[").unwrap();
    for f in files {
        let file = format!("{prefix}{}", f.file_name().unwrap().to_string_lossy());
        let copy = out_dir.join(format!("{name}-{}", file.replace('/', "-")));
        fs::write(&copy, minify(&fs::read_to_string(f).unwrap())).unwrap();
        writeln!(
            out,
            "    ({file:?}, include_str!({:?})),",
            copy.display().to_string()
        )
        .unwrap();
    }
    writeln!(out, "];").unwrap();
}

fn main() {
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap());
    let definitions = root.join("definitions");
    let ui = root.join("ui");
    let ui_assessor = ui.join("assessor");
    let batteries = root.join("batteries.json");
    for p in [&definitions, &ui, &ui_assessor, &batteries] {
        println!("cargo:rerun-if-changed={}", p.display());
    }
    let out_dir = PathBuf::from(env::var("OUT_DIR").unwrap());
    let mut out = String::new();
    list(
        &mut out,
        &out_dir,
        "DEFINITIONS",
        "",
        &json_files(&definitions),
    );
    list(&mut out, &out_dir, "UI", "", &json_files(&ui));
    list(
        &mut out,
        &out_dir,
        "UI_ASSESSOR",
        "assessor/",
        &json_files(&ui_assessor),
    );
    let batteries_copy = out_dir.join("batteries.json");
    fs::write(
        &batteries_copy,
        minify(&fs::read_to_string(&batteries).unwrap()),
    )
    .unwrap();
    writeln!(
        out,
        "pub const BATTERIES: (&str, &str) = (\"batteries.json\", include_str!({:?}));",
        batteries_copy.display().to_string()
    )
    .unwrap();
    let dest = out_dir.join("shipped_files.rs");
    fs::write(dest, out).unwrap();
}
