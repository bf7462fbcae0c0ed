//! Helpers for the export interop tests: a scratch folder, and the reference `age` tools
//! (Debian's `age` package), which must be installed: a missing tool fails the test, it is
//! never skipped.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// A scratch folder removed when dropped.
pub struct Scratch(pub PathBuf);

impl Scratch {
    pub fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("qkit-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("the temp folder is writable");
        Scratch(dir)
    }

    pub fn path(&self, file: &str) -> PathBuf {
        self.0.join(file)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs `age` or `age-keygen` with `args`, feeding `stdin`; fails with a clear message when the
/// tool is not installed.
pub fn age_tool(tool: &str, args: &[&str], stdin: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(tool)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| {
            panic!("cannot run `{tool}` ({e}): the interop tests need Debian's age package; run ./kit setup")
        });
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(stdin)
        .expect("the tool reads stdin");
    child.wait_with_output().expect("the tool runs")
}

/// Runs a tool and returns its stdout, failing the test with its stderr if it fails.
pub fn age_ok(tool: &str, args: &[&str]) -> Vec<u8> {
    let out = age_tool(tool, args, b"");
    assert!(
        out.status.success(),
        "{tool} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// A path as a &str for command arguments.
pub fn arg(p: &Path) -> &str {
    p.to_str().expect("temp paths are UTF-8")
}
