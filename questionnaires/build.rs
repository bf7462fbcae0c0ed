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

/// Follows JSON strings character by character.
#[derive(Default)]
struct Strings {
    in_string: bool,
    escaped: bool,
}

impl Strings {
    /// Takes the next character: `true` if it belongs to a string, its quotes included.
    fn inside(&mut self, c: char) -> bool {
        if self.in_string {
            match (self.escaped, c) {
                (true, _) => self.escaped = false,
                (false, '\\') => self.escaped = true,
                (false, '"') => self.in_string = false,
                _ => {}
            }
            true
        } else {
            self.in_string = c == '"';
            self.in_string
        }
    }
}

/// Drops whitespace outside JSON strings, so the embedded copies are smaller. The file's
/// meaning is unchanged; its syntax is still checked at run time by the loader.
fn minify(json: &str) -> String {
    let mut strings = Strings::default();
    json.chars()
        .filter(|&c| strings.inside(c) || !c.is_whitespace())
        .collect()
}

/// Drops every `"codes": [...]` member from minified JSON. The participant's app never shows a
/// terminology code, so its copies leave them out (the codes are not part of the content hash,
/// so the definitions are the same to it); the `codes` feature keeps them, for the exports.
/// The same for the programmes' `"schedule"` without the `schedule` feature.
fn strip_key(json: &str, key: &str) -> String {
    let key = format!("\"{key}\":");
    let key = key.as_str();
    let mut out = String::with_capacity(json.len());
    let mut rest = json;
    while let Some(at) = find_key(rest, key) {
        let (before, after) = rest.split_at(at);
        let value = &after[key.len()..];
        let end = value_end(value);
        // Drop the comma that joined this member to its neighbour: before it, or else after it.
        if let Some(kept) = before.strip_suffix(',') {
            out.push_str(kept);
            rest = &value[end..];
        } else {
            out.push_str(before);
            rest = value[end..].strip_prefix(',').unwrap_or(&value[end..]);
        }
    }
    out.push_str(rest);
    out
}

/// Where `key` (a quoted name and its colon) starts as an object key outside any string.
fn find_key(json: &str, key: &str) -> Option<usize> {
    let mut strings = Strings::default();
    json.char_indices().find_map(|(i, c)| {
        let was_in_string = strings.in_string;
        let opening = strings.inside(c) && !was_in_string;
        (opening && json[i..].starts_with(key)).then_some(i)
    })
}

/// The length of the JSON value at the start of `json` (an array, object, string or scalar).
fn value_end(json: &str) -> usize {
    let (mut depth, mut strings) = (0usize, Strings::default());
    for (i, c) in json.char_indices() {
        let was_in_string = strings.in_string;
        if strings.inside(c) {
            if was_in_string && !strings.in_string && depth == 0 {
                return i + 1;
            }
            continue;
        }
        match c {
            '[' | '{' => depth += 1,
            ']' | '}' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            ',' | ']' | '}' if depth == 0 => return i,
            _ => {}
        }
    }
    json.len()
}

fn list(out: &mut String, out_dir: &Path, name: &str, prefix: &str, files: &[PathBuf]) {
    writeln!(out, "pub const {name}: &[(&str, &str)] = &[").unwrap();
    for f in files {
        let file = format!("{prefix}{}", f.file_name().unwrap().to_string_lossy());
        let copy = out_dir.join(format!("{name}-{}", file.replace('/', "-")));
        let mut json = minify(&fs::read_to_string(f).unwrap());
        if name == "DEFINITIONS" && env::var_os("CARGO_FEATURE_CODES").is_none() {
            json = strip_key(&json, "codes");
        }
        fs::write(&copy, json).unwrap();
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
    let mut batteries_json = minify(&fs::read_to_string(&batteries).unwrap());
    if env::var_os("CARGO_FEATURE_SCHEDULE").is_none() {
        batteries_json = strip_key(&batteries_json, "schedule");
    }
    fs::write(&batteries_copy, batteries_json).unwrap();
    writeln!(
        out,
        "pub const BATTERIES: (&str, &str) = (\"batteries.json\", include_str!({:?}));",
        batteries_copy.display().to_string()
    )
    .unwrap();
    let dest = out_dir.join("shipped_files.rs");
    fs::write(dest, out).unwrap();
}
