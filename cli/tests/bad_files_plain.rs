//! Bad files for the plain-text inputs, run as a user would: a definition (`qkit validate DIR`),
//! a rules file (`qkit allocate --rules`), participants and groups CSV files (`qkit allocate`)
//! and a responses CSV file (`qkit score`). Each gets an empty file, binary junk, a valid file of
//! the wrong kind, a 50 MB file, deeply nested JSON and another format version where they apply,
//! and must be refused with exit 1 and a message naming the file and saying what is wrong. The
//! 50 MB files are refused by their size limit before they are read.

mod bad_files_common;

use bad_files_common::{
    empty, format_2, huge, junk, nested_json, repo, run_all, write, Case, Scratch,
};
use std::path::Path;

const EXAMPLE: &str = "tests/allocation/example";

fn read(path: &str) -> String {
    std::fs::read_to_string(repo(path)).expect("a repository file")
}

/// `qkit validate DIR` with the bad file as a local definition in DIR (a folder of its own).
fn validate(dir: &Scratch, bad: &'static str, name: &str, bytes: Option<&[u8]>) -> Case {
    let folder = dir.path(bad);
    std::fs::create_dir_all(&folder).expect("a scratch folder");
    let file = folder.join(name);
    match bytes {
        Some(b) => std::fs::write(&file, b).expect("writable"),
        None => {
            let f = std::fs::File::create(&file).expect("writable");
            f.set_len(bad_files_common::HUGE_BYTES)
                .expect("a sparse file");
        }
    }
    let folder_arg = folder.to_str().expect("UTF-8 path").to_owned();
    Case::new("definition", bad, &file, &["validate", &folder_arg])
}

#[test]
fn bad_definitions_are_refused_with_the_file_named() {
    let dir = Scratch::new("bad-definitions");
    let gad7 = read("questionnaires/definitions/gad7.json");
    let junk_bytes = std::fs::read(junk(&dir, "junk-source")).expect("written");
    run_all(&[
        validate(&dir, "empty", "empty.json", Some(b"")).says(&["the file is empty"]),
        validate(&dir, "junk", "junk.json", Some(&junk_bytes)).says(&["line 1: not utf-8 text"]),
        validate(
            &dir,
            "a record",
            "record.json",
            Some(read("docs/examples/record.json").as_bytes()),
        )
        .says(&["unknown field `kit_version`"]),
        validate(
            &dir,
            "a rules file",
            "pathways.json",
            Some(read("questionnaires/rules/pathways.json").as_bytes()),
        )
        .says(&["unknown field"]),
        validate(&dir, "50 MB", "huge.json", None).says(&["the limit is 2097152 bytes"]),
        validate(&dir, "deeply nested", "nested.json", Some(&nested_json()))
            .says(&["invalid type: sequence", "line 1 column"]),
        validate(
            &dir,
            "format 2",
            "gad7.json",
            Some(format_2(&gad7).as_bytes()),
        )
        .says(&["$.format: format 2 is not supported; this qkit reads format 1"]),
    ]);
}

/// `qkit allocate` on the worked example with one of its files replaced by `bad`.
fn allocate(input: &'static str, bad: &'static str, file: &Path, out: &Path) -> Case {
    let p = |f: &str| format!("{EXAMPLE}/{f}");
    let file_arg = file.to_str().expect("UTF-8 path").to_owned();
    let (participants, groups, rules) = match input {
        "participants CSV" => (file_arg, p("groups.csv"), p("rules.json")),
        "groups CSV" => (p("participants.csv"), file_arg, p("rules.json")),
        _ => (p("participants.csv"), p("groups.csv"), file_arg),
    };
    let out = out.to_str().expect("UTF-8 path");
    Case::new(
        input,
        bad,
        file,
        &[
            "allocate",
            "--participants",
            &participants,
            "--groups",
            &groups,
            "--rules",
            &rules,
            "--out",
            out,
            "--today",
            "2026-11-23",
        ],
    )
}

#[test]
fn bad_rules_files_are_refused_with_the_file_named() {
    let dir = Scratch::new("bad-rules");
    let out = dir.path("allocation.csv");
    let rules = read(&format!("{EXAMPLE}/rules.json"));
    let f = |name: &str, bytes: &[u8]| write(&dir, name, bytes);
    run_all(&[
        allocate("rules file", "empty", &empty(&dir, "empty.json"), &out)
            .says(&["the file is empty"]),
        allocate("rules file", "junk", &junk(&dir, "junk.json"), &out).says(&["not utf-8 text"]),
        allocate(
            "rules file",
            "a definition",
            &f(
                "phq9.json",
                read("questionnaires/definitions/phq9.json").as_bytes(),
            ),
            &out,
        )
        .says(&["unknown field"]),
        allocate(
            "rules file",
            "a record",
            &f("record.json", read("docs/examples/record.json").as_bytes()),
            &out,
        )
        .says(&["unknown field"]),
        allocate("rules file", "50 MB", &huge(&dir, "huge.json"), &out)
            .says(&["the limit is 262144 bytes"]),
        allocate(
            "rules file",
            "deeply nested",
            &f("nested.json", &nested_json()),
            &out,
        )
        .says(&["invalid type: sequence", "line 1 column"]),
        allocate(
            "rules file",
            "format 2",
            &f("rules2.json", format_2(&rules).as_bytes()),
            &out,
        )
        .says(&["format 2 is not supported"]),
    ]);
    assert!(!out.exists(), "nothing is written from bad rules");
}

#[test]
fn bad_participants_and_groups_files_are_refused_with_the_file_named() {
    let dir = Scratch::new("bad-allocation-csv");
    let out = dir.path("allocation.csv");
    let participants = read(&format!("{EXAMPLE}/participants.csv"));
    let groups = read(&format!("{EXAMPLE}/groups.csv"));
    let f = |name: &str, bytes: &[u8]| write(&dir, name, bytes);
    let fixture = |name: &str| repo(&format!("tests/bad_files/{name}"));
    let mut cases = Vec::new();
    for (input, wrong_kind) in [
        ("participants CSV", groups.as_str()),
        ("groups CSV", participants.as_str()),
    ] {
        let tag = if input.starts_with('p') { "p" } else { "g" };
        cases.extend([
            allocate(
                input,
                "empty",
                &empty(&dir, &format!("{tag}-empty.csv")),
                &out,
            )
            .says(&["missing required column \"id\""]),
            allocate(input, "junk", &junk(&dir, &format!("{tag}-junk.csv")), &out)
                .says(&["line 1: not utf-8 text"]),
            allocate(
                input,
                "the other CSV",
                &f(&format!("{tag}-other.csv"), wrong_kind.as_bytes()),
                &out,
            )
            .says(&["line 1: unknown column"]),
            allocate(
                input,
                "50 MB",
                &huge(&dir, &format!("{tag}-huge.csv")),
                &out,
            )
            .says(&["the limit is 16777216 bytes"]),
            allocate(
                input,
                "semicolons (a European spreadsheet)",
                &fixture(&format!("{tag}-semicolons.csv")),
                &out,
            )
            .says(&["line 1: unknown column"]),
            allocate(
                input,
                "UTF-16 (a spreadsheet's \"Unicode text\")",
                &fixture(&format!("{tag}-utf16.csv")),
                &out,
            )
            .says(&["not utf-8 text"]),
        ]);
    }
    run_all(&cases);
    assert!(!out.exists(), "nothing is written from bad CSV files");
}

#[test]
fn bad_responses_files_are_refused_with_the_file_named() {
    let dir = Scratch::new("bad-responses");
    let score = |bad: &'static str, file: &Path| {
        let file_arg = file.to_str().expect("UTF-8 path").to_owned();
        Case::new(
            "responses CSV",
            bad,
            file,
            &["score", "--questionnaire", "phq9", "--responses", &file_arg],
        )
    };
    let participants = read(&format!("{EXAMPLE}/participants.csv"));
    run_all(&[
        score("empty", &empty(&dir, "empty.csv")).says(&["line 1: the file is empty"]),
        score("junk", &junk(&dir, "junk.csv")).says(&["line 1: not a csv text file"]),
        score(
            "a participants CSV",
            &write(&dir, "participants.csv", participants.as_bytes()),
        )
        .says(&["line 1, column 1: the first column must be \"respondent\", not \"id\""]),
        score("50 MB", &huge(&dir, "huge.csv")).says(&["the limit is 16777216 bytes"]),
        score(
            "semicolons",
            &repo("tests/bad_files/responses-semicolons.csv"),
        )
        .says(&["semicolons"]),
        score("UTF-16", &repo("tests/bad_files/responses-utf16.csv")).says(&["not utf-8 text"]),
    ]);
}
