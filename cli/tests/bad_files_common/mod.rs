//! Shared by the bad-file tests: running qkit as a user would, making bad files in a scratch
//! folder (empty, binary junk, 50 MB, deeply nested JSON, another format version, a valid file
//! of the wrong kind), and checking each refusal: exit 1 (never 2, a panic), a message naming the
//! file, and the words that say what is wrong. Every case's first message line and time are
//! printed, so `cargo test -- --nocapture` shows the whole matrix.

#![allow(dead_code)]

#[path = "../../../tests/tests/export_common/mod.rs"]
pub mod export_common;

#[allow(unused_imports)]
pub use export_common::{age_ok, arg, Scratch};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// The repository root, where qkit runs.
pub const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
/// Size of the "huge" bad file.
pub const HUGE_BYTES: u64 = 50 * 1024 * 1024;

/// A file of the repository.
pub fn repo(path: &str) -> PathBuf {
    Path::new(ROOT).join(path)
}

/// Runs qkit from the repository root, feeding `stdin`: (exit code, stdout, stderr).
pub fn qkit(args: &[&str], stdin: &[u8]) -> (i32, Vec<u8>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_qkit"))
        .args(args)
        .current_dir(ROOT)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("qkit runs");
    let mut input = child.stdin.take().expect("stdin is piped");
    // qkit may exit before reading stdin; a broken pipe is then expected.
    let _ = input.write_all(stdin);
    drop(input);
    let out = child.wait_with_output().expect("qkit finishes");
    (
        out.status.code().unwrap_or(-1),
        out.stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// An empty file.
pub fn empty(dir: &Scratch, name: &str) -> PathBuf {
    write(dir, name, b"")
}

/// 4 KiB of deterministic binary junk (not UTF-8, NUL bytes included).
pub fn junk(dir: &Scratch, name: &str) -> PathBuf {
    let mut x: u32 = 0x9e37_79b9;
    let bytes: Vec<u8> = (0..4096)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x.to_le_bytes()[0] | 0x80
        })
        .collect();
    write(dir, name, &bytes)
}

/// A 50 MB file (sparse: it takes no disk space, and reads as NUL bytes).
pub fn huge(dir: &Scratch, name: &str) -> PathBuf {
    let path = dir.path(name);
    let file = std::fs::File::create(&path).expect("the scratch folder is writable");
    file.set_len(HUGE_BYTES).expect("a sparse file");
    path
}

/// JSON nested 100,000 arrays deep inside an object that starts like a qkit file. (qkit's
/// file types reject unknown keys, so the nesting sits where a value is expected.)
pub fn nested_json() -> Vec<u8> {
    let depth = 100_000;
    let mut text = String::from("{\"format\":1,\"id\":");
    text.push_str(&"[".repeat(depth));
    text.push_str(&"]".repeat(depth));
    text.push('}');
    text.into_bytes()
}

/// `text` with its top-level `"format": 1` changed to 2 (indented or compact JSON).
pub fn format_2(text: &str) -> String {
    let out = text
        .replacen("\"format\": 1,", "\"format\": 2,", 1)
        .replacen("\"format\":1,", "\"format\":2,", 1);
    assert_ne!(out, text, "the file has a format key");
    out
}

/// Writes a file in the scratch folder.
pub fn write(dir: &Scratch, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path(name);
    std::fs::write(&path, bytes).expect("the scratch folder is writable");
    path
}

/// One bad file fed to one input: what the message must say besides the file's name.
pub struct Case {
    /// The input, e.g. "rules file".
    pub input: &'static str,
    /// The kind of bad file, e.g. "empty".
    pub bad: &'static str,
    /// The bad file; its name must appear in the message.
    pub file: PathBuf,
    pub args: Vec<String>,
    pub stdin: Vec<u8>,
    /// Words the message must contain (lowercase compare).
    pub says: Vec<&'static str>,
}

impl Case {
    pub fn new(input: &'static str, bad: &'static str, file: &Path, args: &[&str]) -> Case {
        Case {
            input,
            bad,
            file: file.to_owned(),
            args: args.iter().map(|s| (*s).to_owned()).collect(),
            stdin: Vec::new(),
            says: Vec::new(),
        }
    }

    pub fn says(mut self, words: &[&'static str]) -> Case {
        self.says.extend(words);
        self
    }

    pub fn stdin(mut self, bytes: &[u8]) -> Case {
        self.stdin = bytes.to_vec();
        self
    }

    /// Runs the case: (problems found, stderr).
    pub fn run(&self) -> (Vec<String>, String) {
        let args: Vec<&str> = self.args.iter().map(String::as_str).collect();
        let started = Instant::now();
        let (code, _, err) = qkit(&args, &self.stdin);
        let took = started.elapsed();
        let name = self
            .file
            .file_name()
            .expect("a file name")
            .to_string_lossy()
            .into_owned();
        let first = err
            .lines()
            .find(|l| l.contains(&name))
            .or_else(|| err.lines().next())
            .unwrap_or_default();
        println!(
            "{} × {} ({} ms, exit {code}): {first}",
            self.input,
            self.bad,
            took.as_millis()
        );
        let mut problems = Vec::new();
        if code != 1 {
            problems.push(format!("exit {code}, expected 1"));
        }
        if err.contains("internal error") {
            problems.push("a panic".to_owned());
        }
        if !err.contains(&name) {
            problems.push(format!("the message does not name {name}"));
        }
        if let Some(part) = repeated_part(&err) {
            problems.push(format!("the message says {part:?} twice"));
        }
        let lower = err.to_lowercase();
        for word in &self.says {
            if !lower.contains(&word.to_lowercase()) {
                problems.push(format!("the message does not say {word:?}"));
            }
        }
        (problems, err)
    }
}

/// A part of a message line (between `: `), at least 12 characters long, that appears twice on
/// the line: an error chain that repeats its cause.
pub fn repeated_part(err: &str) -> Option<&str> {
    err.lines().find_map(|line| {
        let parts: Vec<&str> = line.split(": ").filter(|p| p.len() >= 12).collect();
        parts
            .iter()
            .enumerate()
            .find(|(i, p)| parts[i + 1..].contains(p))
            .map(|(_, p)| *p)
    })
}

/// Runs every case and fails with the list of every case that went wrong.
pub fn run_all(cases: &[Case]) {
    let mut failures = Vec::new();
    for case in cases {
        let (problems, err) = case.run();
        if !problems.is_empty() {
            failures.push(format!(
                "{} × {}: {}\n  stderr: {}",
                case.input,
                case.bad,
                problems.join("; "),
                err.trim().replace('\n', "\n          ")
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
