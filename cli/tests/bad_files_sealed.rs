//! Bad files for the assessor's inputs, run as a user would: a sealed result (`qkit decrypt`,
//! `qkit scores`), an identity (`qkit decrypt -i`) and a record (`qkit seal`). Each gets an empty
//! file, binary junk, a valid file of the wrong kind, a 50 MB file, deeply nested JSON and another
//! format version where they apply, and must be refused with exit 1 and a message naming the file
//! and saying what is wrong. A bad sealed file among good ones loses nothing: `decrypt` still
//! writes every good record and `scores` still scores them.

mod bad_files_common;

use bad_files_common::{
    age_ok, arg, empty, format_2, huge, junk, nested_json, qkit, repo, run_all, write, Case,
    Scratch,
};
use std::path::{Path, PathBuf};

const EXAMPLE: &str = "docs/examples/record.json";

/// A key, and two good sealed records for different participants.
struct Setup {
    dir: Scratch,
    key: PathBuf,
    recipient: String,
    good: [PathBuf; 2],
}

fn setup(name: &str) -> Setup {
    let dir = Scratch::new(name);
    let key = dir.path("key.txt");
    let (code, out, err) = qkit(&["keygen", "-o", arg(&key)], b"");
    assert_eq!(code, 0, "{err}");
    let recipient = String::from_utf8(out).expect("text").trim().to_owned();
    let example = std::fs::read_to_string(repo(EXAMPLE)).expect("the example record");
    let other = example
        .replace("TSP-0421", "TSP-0999")
        .replace("7f3a9c21", "0b1c2d3e");
    let other_json = write(&dir, "other.json", other.as_bytes());
    let good = [dir.path("a-good.age"), dir.path("b-good.age")];
    for (record, sealed) in [(repo(EXAMPLE), &good[0]), (other_json, &good[1])] {
        let (code, _, err) = qkit(
            &["seal", "-r", &recipient, arg(&record), "-o", arg(sealed)],
            b"",
        );
        assert_eq!(code, 0, "{err}");
    }
    Setup {
        dir,
        key,
        recipient,
        good,
    }
}

/// The bad sealed files: (kind, file name, what the message must say).
fn bad_sealed_files(s: &Setup, folder: &Path) -> Vec<(&'static str, PathBuf, &'static str)> {
    let example = std::fs::read_to_string(repo(EXAMPLE)).expect("the example record");
    let put = |name: &str, bytes: &[u8]| {
        let path = folder.join(name);
        std::fs::write(&path, bytes).expect("writable");
        path
    };
    let age_to_key = |name: &str, plain: &[u8]| {
        let source = put(&format!("{name}.plain"), plain);
        let path = folder.join(name);
        age_ok("age", &["-r", &s.recipient, "-o", arg(&path), arg(&source)]);
        std::fs::remove_file(source).expect("removable");
        path
    };
    let sealed = std::fs::read(&s.good[0]).expect("sealed");
    let huge_path = folder.join("huge.age");
    std::fs::File::create(&huge_path)
        .and_then(|f| f.set_len(bad_files_common::HUGE_BYTES))
        .expect("a sparse file");
    let mut v2 = sealed.clone();
    v2[20] = b'2';
    vec![
        ("empty", put("empty.age", b""), "the file is empty"),
        (
            "junk",
            put("junk.age", &junk_bytes()),
            "not an age-encrypted file",
        ),
        (
            "an identity",
            put("identity.age", &std::fs::read(&s.key).expect("key")),
            "looks like an age identity file",
        ),
        (
            "a plain record",
            put("plain.age", example.as_bytes()),
            "looks like plain json",
        ),
        ("50 MB", huge_path, "the limit is 33554432 bytes"),
        (
            "deeply nested JSON, sealed",
            age_to_key("nested.age", &nested_json()),
            "the record does not parse",
        ),
        (
            "record format 2, sealed",
            age_to_key("format-2.age", format_2(&example).as_bytes()),
            "record format 2 is not supported",
        ),
        (
            "age format v2",
            put("age-v2.age", &v2),
            "unsupported age format",
        ),
        (
            "cut short",
            put("cut.age", &sealed[..sealed.len() / 2]),
            "cut short",
        ),
    ]
}

fn junk_bytes() -> Vec<u8> {
    let dir = Scratch::new("bad-sealed-junk");
    std::fs::read(junk(&dir, "junk")).expect("written")
}

#[test]
fn decrypt_refuses_each_bad_sealed_file_and_still_writes_the_good_ones() {
    let s = setup("bad-decrypt");
    let folder = s.dir.path("bad");
    std::fs::create_dir_all(&folder).expect("a folder");
    let mut failures = Vec::new();
    for (bad, file, says) in bad_sealed_files(&s, &folder) {
        let case = Case::new(
            "sealed result (decrypt)",
            bad,
            &file,
            &[
                "decrypt",
                "-i",
                arg(&s.key),
                arg(&s.good[0]),
                arg(&file),
                arg(&s.good[1]),
            ],
        )
        .says(&[says, "1 of 3 files failed"]);
        let (mut problems, err) = case.run();
        for good in &s.good {
            let json = good.with_extension("json");
            match std::fs::read(&json) {
                Ok(bytes) => {
                    let record: serde_json::Value =
                        serde_json::from_slice(&bytes).expect("a written record is JSON");
                    assert!(record["participant"].is_string());
                    std::fs::remove_file(&json).expect("removable");
                }
                Err(_) => problems.push(format!("{} was not written", json.display())),
            }
        }
        if !problems.is_empty() {
            failures.push(format!("{bad}: {}\n  {err}", problems.join("; ")));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn scores_refuses_each_bad_sealed_file_and_still_scores_the_good_ones() {
    let s = setup("bad-scores");
    let mut failures = Vec::new();
    let staging = s.dir.path("staging");
    std::fs::create_dir_all(&staging).expect("a folder");
    for (i, (bad, file, says)) in bad_sealed_files(&s, &staging).into_iter().enumerate() {
        let folder = s.dir.path(&format!("case-{i}"));
        std::fs::create_dir_all(&folder).expect("a folder");
        for good in &s.good {
            std::fs::copy(good, folder.join(good.file_name().expect("a name"))).expect("copied");
        }
        let moved = folder.join(file.file_name().expect("a name"));
        std::fs::rename(&file, &moved).expect("moved");
        let out = s.dir.path(&format!("scores-{i}.csv"));
        let case = Case::new(
            "sealed result (scores)",
            bad,
            &moved,
            &[
                "scores",
                "-i",
                arg(&s.key),
                arg(&folder),
                "--out",
                arg(&out),
            ],
        )
        .says(&[says, "2 of 3 files opened"]);
        let (mut problems, err) = case.run();
        match std::fs::read_to_string(&out) {
            Ok(csv) => {
                for who in ["TSP-0421", "TSP-0999"] {
                    if !csv.lines().any(|l| l.starts_with(who)) {
                        problems.push(format!("no rows for {who}"));
                    }
                }
            }
            Err(_) => problems.push("no scores file written".to_owned()),
        }
        if !problems.is_empty() {
            failures.push(format!("{bad}: {}\n  {err}", problems.join("; ")));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn bad_identity_files_are_refused_with_the_file_named() {
    let s = setup("bad-identity");
    let fixtures = repo("export/tests/fixtures");
    let mut passphrase_v2 = std::fs::read(fixtures.join("age-p-identity.age")).expect("fixture");
    passphrase_v2[20] = b'2';
    let decrypt = |bad: &'static str, file: &Path| {
        Case::new(
            "identity",
            bad,
            file,
            &["decrypt", "-i", arg(file), arg(&s.good[0]), "-o", "-"],
        )
        .stdin(b"test passphrase\n")
    };
    let d = &s.dir;
    let public = format!("# public key only\n{}\n", s.recipient);
    run_all(&[
        decrypt("empty", &empty(d, "empty-key.txt")).says(&["holds no identity"]),
        decrypt("junk", &junk(d, "junk-key.txt")).says(&["the identity file is not text"]),
        decrypt("a sealed record", &s.good[1]).says(&["encrypted to a key, not with a passphrase"]),
        decrypt(
            "a recipient, not an identity",
            &write(d, "public.txt", public.as_bytes()),
        )
        .says(&["line 2 of the identity file is not an age identity"]),
        decrypt("50 MB", &huge(d, "huge-key.txt")).says(&["the limit is 65536 bytes"]),
        decrypt(
            "age format v2, passphrase-protected",
            &write(d, "v2-key.age", &passphrase_v2),
        )
        .says(&["unsupported age format"]),
    ]);
}

#[test]
fn bad_records_are_refused_with_the_file_named_and_nothing_sealed() {
    let s = setup("bad-record");
    let out = s.dir.path("out.age");
    let seal = |bad: &'static str, file: &Path| {
        Case::new(
            "record (seal)",
            bad,
            file,
            &["seal", "-r", &s.recipient, arg(file), "-o", arg(&out)],
        )
    };
    let d = &s.dir;
    let example = std::fs::read_to_string(repo(EXAMPLE)).expect("the example record");
    let definition =
        std::fs::read(repo("questionnaires/definitions/phq9.json")).expect("a definition");
    run_all(&[
        seal("empty", &empty(d, "empty.json")).says(&["$: the record does not parse: eof"]),
        seal("junk", &junk(d, "junk.json")).says(&["$: the record is not utf-8 text"]),
        seal("a definition", &write(d, "phq9.json", &definition))
            .says(&["$: the record does not parse: unknown field `id`"]),
        seal("a sealed record", &s.good[0]).says(&["the record is not utf-8 text"]),
        seal("50 MB", &huge(d, "huge.json")).says(&["the limit is 16777216 bytes"]),
        seal("deeply nested", &write(d, "nested.json", &nested_json()))
            .says(&["the record does not parse"]),
        seal(
            "format 2",
            &write(d, "format-2.json", format_2(&example).as_bytes()),
        )
        .says(&["$.format: record format 2 is not supported"]),
        // The start form's reference check (qkit_export::check_reference), applied again.
        seal(
            "a reference with a bidirectional control",
            &write(
                d,
                "bidi.json",
                example.replace("TSP-0421", "TSP\\u202e1240").as_bytes(),
            ),
        )
        .says(&["$.participant: participant reference \"TSP\\u{202e}1240\" holds '\\u{202e}'"]),
        seal(
            "a reference a spreadsheet would run",
            &write(
                d,
                "formula.json",
                example.replace("TSP-0421", "=TSP-0421").as_bytes(),
            ),
        )
        .says(&["$.participant: participant reference \"=TSP-0421\" starts with '='"]),
    ]);
    assert!(!out.exists(), "nothing is sealed from a bad record");
}

#[test]
fn a_message_that_repeats_its_cause_is_caught() {
    let twice =
        "qkit: x.age: $: the record does not parse: boom: $: the record does not parse: boom";
    assert_eq!(
        bad_files_common::repeated_part(twice),
        Some("the record does not parse")
    );
    assert_eq!(
        bad_files_common::repeated_part("qkit: x.age: the file was altered or cut short"),
        None
    );
}
