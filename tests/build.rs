//! Lists the scoring test vectors (`vectors/<questionnaire>/<case>.json`) so the runner can embed
//! them: the same files are then checked natively and in WebAssembly, where there is no file
//! system. Adding a vector is a data change only.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

fn sorted_entries(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .collect();
    v.sort();
    v
}

fn main() {
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let vectors = root.join("vectors");
    println!("cargo:rerun-if-changed={}", vectors.display());
    let mut out = String::from("/// (\"<questionnaire>/<case>.json\", contents)\n");
    out.push_str("pub const VECTORS: &[(&str, &str)] = &[\n");
    for dir in sorted_entries(&vectors).into_iter().filter(|p| p.is_dir()) {
        println!("cargo:rerun-if-changed={}", dir.display());
        let questionnaire = dir
            .file_name()
            .expect("a name")
            .to_string_lossy()
            .into_owned();
        for file in sorted_entries(&dir) {
            if file.extension().is_some_and(|x| x == "json") {
                println!("cargo:rerun-if-changed={}", file.display());
                let name = file
                    .file_name()
                    .expect("a name")
                    .to_string_lossy()
                    .into_owned();
                writeln!(
                    out,
                    "    ({:?}, include_str!({:?})),",
                    format!("{questionnaire}/{name}"),
                    file.display().to_string()
                )
                .expect("writing to a String");
            }
        }
    }
    out.push_str("];\n");
    let dest = PathBuf::from(env::var("OUT_DIR").expect("set by cargo")).join("vectors.rs");
    fs::write(dest, out).expect("OUT_DIR is writable");
}
