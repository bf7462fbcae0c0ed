//! Running the built `qkit` from the repository root, for the CLI's tests.

use std::process::Command;

/// The repository root, where the tests run qkit (its definitions are found from there).
pub const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");

/// Runs qkit from the repository root: (exit code, stdout, stderr).
pub fn qkit(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_qkit"))
        .args(args)
        .current_dir(ROOT)
        .output()
        .expect("qkit runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}
