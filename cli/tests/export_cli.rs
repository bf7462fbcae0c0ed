//! `qkit keygen`, `qkit seal` and `qkit decrypt`, run as a user would, against each other and
//! against the reference `age` tool.

#[path = "../../tests/tests/export_common/mod.rs"]
mod export_common;

use export_common::{age_ok, arg, Scratch};
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

const EXAMPLE: &str = "docs/examples/record.json";
const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");

/// Runs qkit from the repository root, feeding `stdin`: (exit code, stdout, stderr).
fn qkit(args: &[&str], stdin: &[u8]) -> (i32, Vec<u8>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_qkit"))
        .args(args)
        .current_dir(ROOT)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("qkit runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        out.stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `qkit keygen -o dir/name`: the identity's path and its recipient.
fn keygen(dir: &Scratch, name: &str) -> (std::path::PathBuf, String) {
    let key = dir.path(name);
    let (code, out, err) = qkit(&["keygen", "-o", arg(&key)], b"");
    assert_eq!(code, 0, "{err}");
    (key, String::from_utf8(out).unwrap().trim().to_owned())
}

/// `qkit seal` of the example record to `recipients`, written to `out`.
fn seal_example(recipients: &[&str], out: &Path) {
    let mut args = vec!["seal"];
    for r in recipients {
        args.extend(["--recipient", r]);
    }
    args.extend([EXAMPLE, "-o", arg(out)]);
    let (code, _, err) = qkit(&args, b"");
    assert_eq!(code, 0, "{err}");
}

fn example_json() -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(Path::new(ROOT).join(EXAMPLE)).unwrap()).unwrap()
}

#[test]
fn keygen_writes_an_age_keygen_style_file_and_never_overwrites() {
    let dir = Scratch::new("cli-keygen");
    let (key, recipient) = keygen(&dir, "key.txt");
    assert!(recipient.starts_with("age1"), "{recipient}");
    let text = std::fs::read_to_string(&key).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("# created: 20") && lines[0].ends_with('Z'),
        "{text}"
    );
    assert_eq!(lines[1], format!("# public key: {recipient}"));
    assert!(lines[2].starts_with("AGE-SECRET-KEY-1"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let public = String::from_utf8(age_ok("age-keygen", &["-y", arg(&key)])).unwrap();
    assert_eq!(public.trim(), recipient);
    let (code, _, err) = qkit(&["keygen", "-o", arg(&key)], b"");
    assert_eq!(code, 1);
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(std::fs::read_to_string(&key).unwrap(), text);
}

#[test]
fn keygen_without_a_file_prints_the_identity() {
    let (code, out, err) = qkit(&["keygen"], b"");
    assert_eq!(code, 0, "{err}");
    let out = String::from_utf8(out).unwrap();
    assert_eq!(out.lines().count(), 3);
    assert!(err.contains("Public key: age1"), "{err}");
}

#[test]
fn sealed_records_open_with_age_and_with_qkit_decrypt() {
    let dir = Scratch::new("cli-seal");
    let (key_a, a) = keygen(&dir, "a.txt");
    let (key_b, b) = keygen(&dir, "b.txt");
    let sealed = dir.path("r.age");
    seal_example(&[&a, &b], &sealed);
    let plain = age_ok("age", &["-d", "-i", arg(&key_b), arg(&sealed)]);
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&plain).unwrap(),
        example_json()
    );
    let (code, out, err) = qkit(
        &["decrypt", "-i", arg(&key_a), arg(&sealed), "-o", "-"],
        b"",
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&out).unwrap(),
        example_json()
    );
}

#[test]
fn seal_writes_to_stdout_and_checks_the_record_first() {
    let dir = Scratch::new("cli-seal-check");
    let (key, r) = keygen(&dir, "key.txt");
    let (code, out, err) = qkit(&["seal", "-r", &r, EXAMPLE], b"");
    assert_eq!(code, 0, "{err}");
    let file = dir.path("out.age");
    std::fs::write(&file, &out).unwrap();
    age_ok("age", &["-d", "-i", arg(&key), arg(&file)]);

    let mut changed = example_json();
    changed["questionnaires"][2]["report"]["scales"][3]["score"] = serde_json::json!(99.0);
    let bad = dir.path("bad.json");
    std::fs::write(&bad, changed.to_string()).unwrap();
    let (code, out, err) = qkit(&["seal", "-r", &r, arg(&bad)], b"");
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(
        err.contains("not sealed") && err.contains("$.questionnaires[2].report.scales[3].score"),
        "{err}"
    );

    let (code, _, err) = qkit(&["seal", "-r", "age1nope", EXAMPLE], b"");
    assert_eq!(code, 1);
    assert!(
        err.contains("--recipient") && err.contains("not an age recipient"),
        "{err}"
    );
}

#[test]
fn decrypt_writes_each_good_file_and_reports_each_bad_one_by_name() {
    let dir = Scratch::new("cli-decrypt");
    let (key, r) = keygen(&dir, "key.txt");
    let (_, other) = keygen(&dir, "other.txt");
    let good = dir.path("qkit-TSP-0421-tsp-pre-2026-11-23.age");
    seal_example(&[&r], &good);
    let for_other = dir.path("for-other.age");
    seal_example(&[&other], &for_other);
    let tampered = dir.path("tampered.age");
    let mut bytes = std::fs::read(&good).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    std::fs::write(&tampered, bytes).unwrap();
    let plain = dir.path("plain.age");
    std::fs::copy(Path::new(ROOT).join(EXAMPLE), &plain).unwrap();
    let empty = dir.path("empty.age");
    std::fs::write(&empty, b"").unwrap();
    let missing = dir.path("missing.age");

    let files = [&tampered, &good, &for_other, &plain, &empty, &missing];
    let mut args = vec!["decrypt", "--identity", arg(&key)];
    args.extend(files.iter().map(|f| arg(f)));
    let (code, _, err) = qkit(&args, b"");
    assert_eq!(code, 1, "{err}");
    let written = good.with_extension("json");
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&written).unwrap()).unwrap();
    assert_eq!(json, example_json());
    for (file, reason) in [
        (&tampered, "altered or cut short"),
        (&for_other, "no matching key"),
        (&plain, "plain JSON"),
        (&empty, "empty"),
        (&missing, "cannot read"),
    ] {
        let line = err
            .lines()
            .find(|l| l.contains(arg(file)))
            .unwrap_or_else(|| panic!("{err}"));
        assert!(line.contains(reason), "{line}");
        assert!(!file.with_extension("json").exists());
    }
    assert!(err.contains("5 of 6 files failed"), "{err}");

    // Run again: the .json is never overwritten.
    let (code, _, err) = qkit(&["decrypt", "-i", arg(&key), arg(&good)], b"");
    assert_eq!(code, 1);
    assert!(
        err.contains("already exists") || err.contains("cannot create"),
        "{err}"
    );
}

#[test]
fn decrypt_reads_a_passphrase_protected_identity_made_by_age_p() {
    let dir = Scratch::new("cli-passphrase");
    let fixtures = Path::new(ROOT).join("export/tests/fixtures");
    let key = fixtures.join("age-p-identity.age");
    let recipient = std::fs::read_to_string(fixtures.join("age-p-identity.recipient")).unwrap();
    let sealed = dir.path("r.age");
    seal_example(&[recipient.trim()], &sealed);
    let (code, out, err) = qkit(
        &["decrypt", "-i", arg(&key), arg(&sealed), "-o", "-"],
        b"test passphrase\n",
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&out).unwrap(),
        example_json()
    );
    let (code, _, err) = qkit(
        &["decrypt", "-i", arg(&key), arg(&sealed), "-o", "-"],
        b"guess\n",
    );
    assert_eq!(code, 1);
    assert!(err.contains("wrong passphrase"), "{err}");
}

#[test]
fn a_record_from_age_r_decrypts_with_qkit() {
    let dir = Scratch::new("cli-age-r");
    let key = dir.path("key.txt");
    age_ok("age-keygen", &["-o", arg(&key)]);
    let public = String::from_utf8(age_ok("age-keygen", &["-y", arg(&key)])).unwrap();
    let file = dir.path("r.age");
    let example = Path::new(ROOT).join(EXAMPLE);
    age_ok(
        "age",
        &["-r", public.trim(), "-o", arg(&file), arg(&example)],
    );
    let (code, out, err) = qkit(&["decrypt", "-i", arg(&key), arg(&file), "-o", "-"], b"");
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&out).unwrap(),
        example_json()
    );
}

#[test]
fn decrypt_to_stdout_takes_one_file() {
    let (code, _, err) = qkit(&["decrypt", "-i", "k", "a.age", "b.age", "-o", "-"], b"");
    assert_eq!(code, 1);
    assert!(err.contains("exactly one file"), "{err}");
}
