//! CSV formula injection, end to end: a respondent, participant or group id that a spreadsheet
//! would run as a formula (`=…`, `+…`, `-…`, `@…`) comes out of every CSV qkit writes (`score`,
//! `change`, `allocate`) with a leading `'`, while numbers, negative ones included, are written
//! as they are. A participant reference like that never reaches the scores CSV: opening a record
//! refuses it, as the start form and `qkit seal` do.

mod bad_files_common;

use bad_files_common::{age_ok, arg, qkit, repo, write, Scratch};

/// Cells a spreadsheet would run as formulas, as ids in the input files.
const RISKY: [&str; 4] = [
    "=HYPERLINK(\"http://x\";\"y\")",
    "+1+1",
    "-2+3",
    "@SUM(A1:A9)",
];

/// Parses CSV text into rows of cells.
fn rows(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| {
            r.expect("qkit writes valid CSV")
                .iter()
                .map(str::to_owned)
                .collect()
        })
        .collect()
}

/// The first cells of the data rows.
fn first_cells(text: &str) -> Vec<String> {
    rows(text)
        .into_iter()
        .skip(1)
        .map(|r| r[0].clone())
        .collect()
}

/// A CSV cell as the responses file needs it (quoted, quotes doubled).
fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

fn responses(dir: &Scratch, name: &str, values: [u8; 2]) -> std::path::PathBuf {
    let items: Vec<String> = (1..=7).map(|i| format!("gad7_0{i}")).collect();
    let mut text = format!("respondent,{}\n", items.join(","));
    for (i, id) in RISKY.iter().chain(["TSP-1"].iter()).enumerate() {
        let v = values[i % 2].to_string();
        text.push_str(&format!("{},{}\n", quoted(id), vec![v; 7].join(",")));
    }
    write(dir, name, text.as_bytes())
}

#[test]
fn score_and_change_escape_risky_respondents_and_keep_numbers() {
    let dir = Scratch::new("formulas-score");
    let pre = responses(&dir, "pre.csv", [3, 2]);
    let post = responses(&dir, "post.csv", [0, 1]);
    let (code, out, err) = qkit(
        &["score", "--questionnaire", "gad7", "--responses", arg(&pre)],
        b"",
    );
    assert_eq!(code, 0, "{err}");
    let out = String::from_utf8(out).expect("UTF-8");
    let mut expected: Vec<String> = RISKY.iter().map(|r| format!("'{r}")).collect();
    expected.push("TSP-1".into());
    assert_eq!(first_cells(&out), expected);

    let (code, out, err) = qkit(
        &[
            "change",
            "--questionnaire",
            "gad7",
            "--pre",
            arg(&pre),
            "--post",
            arg(&post),
        ],
        b"",
    );
    assert_eq!(code, 0, "{err}");
    let out = String::from_utf8(out).expect("UTF-8");
    let table = rows(&out);
    let diff = table[0]
        .iter()
        .position(|c| c == "diff")
        .expect("a diff column");
    assert_eq!(first_cells(&out), expected);
    // Scores went down: the differences are negative numbers, written as numbers.
    assert!(
        table[1..]
            .iter()
            .all(|r| r[diff].starts_with('-') && r[diff][1..].parse::<f64>().is_ok()),
        "{out}"
    );
}

#[test]
fn allocate_escapes_risky_participant_and_group_ids() {
    let dir = Scratch::new("formulas-allocate");
    let ex = |f: &str| {
        std::fs::read_to_string(repo(&format!("tests/allocation/example/{f}")))
            .expect("the allocation example")
    };
    let participants = ex("participants.csv")
        .replacen("\np01,", "\n=1+1,", 1)
        .replacen("\np02,", "\n@p02,", 1);
    let groups = ex("groups.csv").replace("g_tsp_a_day", "-g_tsp_a_day");
    let p = write(&dir, "participants.csv", participants.as_bytes());
    let g = write(&dir, "groups.csv", groups.as_bytes());
    let out = dir.path("allocation.csv");
    let rules = repo("tests/allocation/example/rules.json");
    let (code, _, err) = qkit(
        &[
            "allocate",
            "--participants",
            arg(&p),
            "--groups",
            arg(&g),
            "--rules",
            arg(&rules),
            "--out",
            arg(&out),
            "--today",
            "2026-11-23",
        ],
        b"",
    );
    assert_eq!(code, 0, "{err}");
    let table = rows(&std::fs::read_to_string(&out).expect("written"));
    let cells: Vec<&str> = table.iter().flatten().map(String::as_str).collect();
    for risky in ["=1+1", "@p02", "-g_tsp_a_day"] {
        assert!(
            cells.contains(&format!("'{risky}").as_str()),
            "{risky} in {table:?}"
        );
        assert!(
            cells.iter().all(|c| !c.starts_with(risky)),
            "{risky} unescaped in {table:?}"
        );
    }
}

#[test]
fn scores_refuses_a_risky_participant_reference_sealed_outside_qkit() {
    // `qkit seal` refuses such a reference (the start form's check), so the file is sealed with
    // the age tool; opening applies the same check, and the scores CSV never holds the cell.
    let dir = Scratch::new("formulas-scores");
    let key = dir.path("key.txt");
    let (code, out, err) = qkit(&["keygen", "-o", arg(&key)], b"");
    assert_eq!(code, 0, "{err}");
    let recipient = String::from_utf8(out).expect("text").trim().to_owned();
    let example = std::fs::read_to_string(repo("docs/examples/record.json")).expect("example");
    let record = write(
        &dir,
        "record.json",
        example.replace("\"TSP-0421\"", "\"=TSP-0421\"").as_bytes(),
    );
    let (code, _, err) = qkit(
        &[
            "seal",
            "-r",
            &recipient,
            arg(&record),
            "-o",
            arg(&dir.path("r.age")),
        ],
        b"",
    );
    assert_eq!(code, 1, "qkit seal refuses it: {err}");
    assert!(err.contains("starts with '='"), "{err}");
    let sealed_dir = dir.path("sealed");
    std::fs::create_dir_all(&sealed_dir).expect("a folder");
    let sealed = sealed_dir.join("r.age");
    age_ok("age", &["-r", &recipient, "-o", arg(&sealed), arg(&record)]);
    let out = dir.path("scores.csv");
    let (code, _, err) = qkit(
        &[
            "scores",
            "-i",
            arg(&key),
            arg(&sealed_dir),
            "--out",
            arg(&out),
        ],
        b"",
    );
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("r.age")
            && err.contains("$.participant: participant reference \"=TSP-0421\" starts with '='"),
        "{err}"
    );
    let written = std::fs::read_to_string(&out).unwrap_or_default();
    assert!(!written.contains("=TSP-0421"), "{written}");
}
