//! `qkit score`, run as a user would: the scoring test vectors as CSV files, the output columns,
//! JSON output, local definitions, and bad input (exit 1 with line and column, never a panic).

mod scoring_common;

use scoring_common::{local_definitions, qkit, scratch, write};
use serde_json::Value;
use std::fs;
use std::path::Path;

fn vectors() -> Vec<(String, Value)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let mut out = Vec::new();
    for dir in fs::read_dir(&root).expect("tests/vectors exists") {
        let dir = dir.expect("entry").path();
        if !dir.is_dir() {
            continue; // tests/vectors/README.md describes the format
        }
        for file in fs::read_dir(&dir).expect("a vector folder") {
            let file = file.expect("entry").path();
            if file.extension().is_none_or(|x| x != "json") {
                continue;
            }
            let text = fs::read_to_string(&file).expect("readable vector");
            let v: Value = serde_json::from_str(&text).expect("vector is JSON");
            let q = dir
                .file_name()
                .expect("name")
                .to_string_lossy()
                .into_owned();
            let name = format!("{q}/{}", file.file_name().expect("name").to_string_lossy());
            out.push((name, v));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// The `flags` cell the CLI should write for one scale of an expected report (timing is not in
/// a CSV file, so `too_fast` never appears).
fn expected_flags(expect: &Value, scale: &str) -> String {
    let mut cell = Vec::new();
    for flag in expect["flags"].as_array().expect("flags") {
        // Flags are written {"<name>": {evidence}}.
        let (key, f) = flag
            .as_object()
            .and_then(|o| o.iter().next())
            .expect("a flag object");
        let key = key.as_str();
        if matches!(key, "straight_lining" | "validity_concern") && f["scale"] != scale {
            continue;
        }
        if key != "too_fast" {
            cell.push(key.to_owned());
        }
    }
    for i in expect["revisit"].as_array().expect("revisit") {
        cell.push(format!("revisit:{}", i.as_str().expect("item")));
    }
    for a in expect["alerts"].as_array().expect("alerts") {
        cell.push(format!("alert:{}", a["item"].as_str().expect("item")));
    }
    cell.join(";")
}

fn fixed(v: &Value, decimals: usize) -> Option<f64> {
    v.as_f64().map(|x| {
        let p = 10f64.powi(decimals as i32);
        (x * p).round() / p
    })
}

/// Every vector with an expected report, as a one-row CSV file scored by the binary: the
/// integer columns, status, band and flags must match exactly, the numbers to their decimals.
#[test]
fn the_scoring_vectors_score_the_same_through_the_cli() {
    let dir = scratch("vectors");
    let mut failures = Vec::new();
    let mut checked = 0;
    for (name, v) in vectors() {
        let Some(expect) = v.get("expect") else {
            continue;
        };
        // A responses CSV holds answers in the published wording only.
        if v.get("wording").is_some() {
            continue;
        }
        let q = name.split('/').next().expect("questionnaire folder");
        let answers = v["answers"].as_array().expect("answers");
        let mut header = vec!["respondent".to_owned()];
        let mut row = vec!["r1".to_owned()];
        for a in answers {
            header.push(a[0].as_str().expect("item").to_owned());
            row.push(match &a[1] {
                Value::String(code) => code.clone(),
                n => n.to_string(),
            });
        }
        let csv = format!("{}\n{}\n", header.join(","), row.join(","));
        let file = write(
            &dir,
            &name.replace('/', "_").replace(".json", ".csv"),
            csv.as_bytes(),
        );
        let mut args = vec!["score", "--questionnaire", q, "--responses", &file];
        let norms = v["norms"].as_str().expect("norms");
        if norms != "default" {
            args.extend(["--norms", norms]);
        }
        let (code, out, err) = qkit(&args);
        if code != 0 {
            failures.push(format!("{name}: exit {code}: {err}"));
            continue;
        }
        let mut reader = csv::Reader::from_reader(out.as_bytes());
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("csv row")).collect();
        let scales = expect["scales"].as_array().expect("scales");
        if rows.len() != scales.len() {
            failures.push(format!(
                "{name}: {} rows for {} scales",
                rows.len(),
                scales.len()
            ));
            continue;
        }
        for (got, want) in rows.iter().zip(scales) {
            let scale = want["scale"].as_str().expect("scale id");
            let none = Value::Null;
            let norm = want.get("norm").unwrap_or(&none);
            let cells: [(&str, usize, String); 10] = [
                ("scale", 1, scale.to_owned()),
                ("n_items", 2, want["n_items"].to_string()),
                ("n_answered", 3, want["n_answered"].to_string()),
                ("raw_sum", 4, want["raw_sum"].to_string()),
                (
                    "status",
                    7,
                    want["status"].as_str().expect("status").to_owned(),
                ),
                (
                    "percentile_basis",
                    11,
                    norm["percentile_basis"]
                        .as_str()
                        .unwrap_or_default()
                        .to_owned(),
                ),
                (
                    "norm_cautions",
                    12,
                    norm["cautions"]
                        .as_array()
                        .map(|c| {
                            let keys: Vec<&str> = c.iter().filter_map(Value::as_str).collect();
                            keys.join(";")
                        })
                        .unwrap_or_default(),
                ),
                (
                    "band",
                    13,
                    want["band"].as_str().unwrap_or_default().to_owned(),
                ),
                ("flags", 14, expected_flags(expect, scale)),
                ("respondent", 0, "r1".to_owned()),
            ];
            for (what, col, want) in cells {
                if got.get(col) != Some(want.as_str()) {
                    failures.push(format!(
                        "{name}: {scale}.{what}: got {:?}, expected {want:?}",
                        got.get(col)
                    ));
                }
            }
            // Numbers: the CLI's fixed decimals agree with the hand value within its rounding.
            let numbers = [
                ("item_mean", 5, fixed(&want["item_mean"], 3), 2e-3),
                ("score", 6, fixed(&want["score"], 2), 1e-9),
                ("z", 8, fixed(&norm["z"], 3), 2e-3),
                ("t", 9, fixed(&norm["t"], 2), 2e-2),
                ("percentile", 10, fixed(&norm["percentile"], 2), 2e-2),
            ];
            for (what, col, want, tol) in numbers {
                let cell = got.get(col).unwrap_or_default();
                let ok = match want {
                    None => cell.is_empty(),
                    Some(w) => cell.parse::<f64>().is_ok_and(|g| (g - w).abs() <= tol),
                };
                if !ok {
                    failures.push(format!(
                        "{name}: {scale}.{what}: got {cell:?}, expected {want:?}"
                    ));
                }
            }
        }
        checked += 1;
    }
    assert!(checked >= 30, "only {checked} vectors checked");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_csv_header_is_the_documented_contract() {
    let dir = scratch("header");
    let file = write(&dir, "r.csv", b"respondent,gad7_01\nx,1\n");
    let (code, out, err) = qkit(&["score", "--questionnaire", "gad7", "--responses", &file]);
    assert_eq!(code, 0, "{err}");
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some("respondent,scale,n_items,n_answered,raw_sum,item_mean,score,status,z,t,percentile,percentile_basis,norm_cautions,band,flags")
    );
    assert_eq!(
        lines.next(),
        Some("x,total,7,1,1,1.000,,not_scorable:too_few_answered_need_6,,,,,,,high_missingness")
    );
    assert_eq!(lines.next(), None);
}

#[test]
fn json_output_holds_the_full_reports_with_evidence() {
    let dir = scratch("json");
    let file = write(
        &dir,
        "r.csv",
        b"respondent,rses_01,rses_02,rses_03,rses_04,rses_05,rses_06,rses_07,rses_08,rses_09,rses_10\n\
          a,0,0,0,0,0,0,0,0,0,0\nb,3,0,3,3,0,0,3,0,0,3\n",
    );
    let (code, out, err) = qkit(&[
        "score",
        "--questionnaire",
        "rses",
        "--responses",
        &file,
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).expect("JSON output");
    assert_eq!(v[0]["respondent"], "a");
    assert_eq!(v[0]["report"]["scales"][0]["raw_sum"], 15);
    assert_eq!(v[0]["report"]["flags"][0]["straight_lining"]["value"], 0);
    assert_eq!(v[1]["report"]["scales"][0]["score"], 30.0);
    assert_eq!(v[1]["report"]["flags"], Value::Array(vec![]));
}

#[test]
fn local_definitions_are_scored_with_definitions_dir() {
    let dir = scratch("local");
    let defs = local_definitions(&dir);
    // Item 2 is reverse keyed (1 + 4 - 3 = 2): 1 + 2 + 4 = 7. With item 3 missing and no
    // rounding rule: (2 + 2) x 3 / 2 = 6.
    let file = write(
        &dir,
        "r.csv",
        b"respondent,local3_01,local3_02,local3_03\na,1,3,4\nb,2,3,\n",
    );
    let args = ["score", "--questionnaire", "local3", "--responses", &file];
    let (code, out, err) = qkit(&[&args[..], &["--definitions", &defs]].concat());
    assert_eq!(code, 0, "{err}");
    let rows: Vec<&str> = out.lines().skip(1).collect();
    assert_eq!(
        rows,
        [
            "a,total,3,3,7,2.333,7.00,ok,,,,,,,",
            "b,total,3,2,4,2.000,6.00,prorated,,,,,,,high_missingness"
        ]
    );
    let (code, _, err) = qkit(&args);
    assert_eq!(code, 1, "not shipped, so unknown without --definitions");
    assert!(err.contains("no questionnaire \"local3\""), "{err}");
}

/// Bad input: exit 1, a message naming the file, line and column, and never a panic (exit 2).
#[test]
fn bad_responses_files_are_clear_errors_with_line_and_column() {
    let dir = scratch("bad");
    let cases: [(&str, &[u8], &str); 9] = [
        (
            "unknown_item.csv",
            b"respondent,phq9_01,phq9_99\na,1,1\n",
            "line 1, column 3: \"phq9_99\" is not an item of questionnaire \"phq9\"",
        ),
        (
            "out_of_scale.csv",
            b"respondent,phq9_01,phq9_02\na,1,1\nb,2,4\n",
            "line 3, column 3 (phq9_02): 4 is outside the scale; the options are 0, 1, 2, 3",
        ),
        (
            "not_a_number.csv",
            b"respondent,phq9_01\na,often\n",
            "line 2, column 2 (phq9_01): \"often\" is not an answer",
        ),
        (
            "duplicate_respondent.csv",
            b"respondent,phq9_01\na,1\nb,2\na,3\n",
            "line 4, column 1: respondent \"a\" is already on line 2",
        ),
        (
            "not_csv.csv",
            b"respondent,phq9_01\na,\xff\xfe\x00\x01\n",
            "line 2: not a CSV text file: it is not UTF-8 text",
        ),
        (
            "no_respondent.csv",
            b"id,phq9_01\na,1\n",
            "line 1, column 1: the first column must be \"respondent\", not \"id\"",
        ),
        (
            "semicolons.csv",
            b"respondent;phq9_01\na;1\n",
            "the file seems to use semicolons or tabs",
        ),
        (
            "short_line.csv",
            b"respondent,phq9_01,phq9_02\na,1\n",
            "line 2: 2 cells, but the header has 3",
        ),
        ("empty.csv", b"", "line 1: the file is empty"),
    ];
    for (name, text, message) in cases {
        let file = write(&dir, name, text);
        let (code, out, err) = qkit(&["score", "--questionnaire", "phq9", "--responses", &file]);
        assert_eq!(code, 1, "{name}: {err}");
        assert!(out.is_empty(), "{name}: nothing on stdout, got {out}");
        assert!(
            err.contains(name),
            "{name}: the message names the file: {err}"
        );
        assert!(
            err.contains(message),
            "{name}: expected {message:?} in {err}"
        );
    }
    let (code, _, err) = qkit(&[
        "score",
        "--questionnaire",
        "phq9",
        "--responses",
        "no/such.csv",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("cannot read no/such.csv"), "{err}");
    let file = write(&dir, "ok.csv", b"respondent,phq9_01\na,1\n");
    let (code, _, err) = qkit(&[
        "score",
        "--questionnaire",
        "phq9",
        "--responses",
        &file,
        "--norms",
        "uk",
    ]);
    assert_eq!(code, 1);
    assert!(
        err.contains("no norm group \"uk\" (it has: de_general_all, de_general_men)"),
        "{err}"
    );
}
