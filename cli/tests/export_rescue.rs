//! `qkit decrypt` and `qkit scores` on a rescue file (every sitting a device held, sealed to the
//! team): each sitting comes out as its own record, named unfinished; a damaged sitting is
//! reported by number and costs the others nothing; unfinished sittings are listed, not scored.

#[path = "../../tests/tests/export_common/mod.rs"]
mod export_common;
#[path = "../../tests/tests/rescue_common/mod.rs"]
mod rescue_common;
mod run_common;

use export_common::{arg, Scratch};
use qkit_export::{seal_record, seal_rescue, NewIdentity, ResultRecord, Timestamp};
use qkit_questionnaires::Kit;
use qkit_scoring::Answer;
use rand_core::OsRng;
use rescue_common::{assert_answers_in, two_sittings, InProgress};
use run_common::qkit;
use std::path::{Path, PathBuf};

const EXAMPLE: &str = include_str!("../../docs/examples/record.json");

/// An identity written to `dir/identity.txt`, and the rescue file `dir/name` holding `inner`.
fn rescue_file(dir: &Scratch, name: &str, inner: &[&str]) -> (PathBuf, PathBuf) {
    let identity = NewIdentity::generate(&mut OsRng);
    let key = dir.path("identity.txt");
    std::fs::write(&key, identity.file_text(Timestamp(0)).as_bytes()).unwrap();
    let sealed = seal_rescue(inner, &[identity.recipient()], &mut OsRng).expect("seals");
    let file = dir.path(name);
    std::fs::write(&file, sealed).unwrap();
    (key, file)
}

/// A stored sitting whose record gives item 1 of its second questionnaire a value it lacks.
fn damaged(sitting: &InProgress) -> String {
    let mut record = sitting.record.clone();
    record.participant = "DMG-0303".into();
    record.questionnaires[1].answers[0].answer = Answer::Value(99);
    let json = String::from_utf8(record.to_json().unwrap()).unwrap();
    format!(r#"{{"header":{{}},"draft":{{"record":{json}}}}}"#)
}

fn read_record(path: &Path) -> ResultRecord {
    ResultRecord::from_json(&std::fs::read(path).unwrap()).unwrap()
}

#[test]
fn decrypt_writes_each_rescued_sitting_as_an_unfinished_record() {
    let kit = Kit::shipped().unwrap();
    let sittings = two_sittings(&kit);
    let bad = damaged(&sittings[0]);
    let dir = Scratch::new("cli-rescue-decrypt");
    let (key, file) = rescue_file(
        &dir,
        "rescue.age",
        &[&sittings[0].inner, &sittings[1].inner, &bad],
    );
    let (code, _, err) = qkit(&["decrypt", "-i", arg(&key), arg(&file)]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("a rescue file of 3 sittings, 2 of them unfinished"),
        "{err}"
    );
    for (n, s) in sittings.iter().enumerate() {
        let written = dir.path(&format!("rescue-{}-unfinished.json", n + 1));
        let record = read_record(&written);
        assert!(record.is_unfinished());
        assert_answers_in(s, &record);
        assert_eq!(record, s.record);
    }
    let line = err.lines().find(|l| l.contains("sitting 3")).expect(&err);
    assert!(
        line.contains("questionnaires[1].answers[0].answer") && line.contains("99"),
        "{line}"
    );
    assert!(!dir.path("rescue-3-unfinished.json").exists());
    assert!(err.contains("1 rescued sitting failed"), "{err}");

    // Again: nothing is overwritten, and each sitting says so on its own.
    let (code, _, err) = qkit(&["decrypt", "-i", arg(&key), arg(&file)]);
    assert_eq!(code, 1, "{err}");
    for n in 1..=2 {
        let line = err
            .lines()
            .find(|l| l.contains(&format!("sitting {n}:")))
            .expect(&err);
        assert!(
            line.contains("already exists") || line.contains("cannot create"),
            "{line}"
        );
    }

    // To stdout: the readable sittings' records as one JSON array.
    let (code, out, err) = qkit(&["decrypt", "-i", arg(&key), arg(&file), "-o", "-"]);
    assert_eq!(code, 1, "{err}");
    let records: Vec<ResultRecord> = serde_json::from_str(&out).expect("a JSON array");
    assert_eq!(records.len(), 2);
    assert_answers_in(&sittings[1], &records[1]);
}

#[test]
fn scores_list_unfinished_sittings_and_score_only_finished_records() {
    let kit = Kit::shipped().unwrap();
    let sittings = two_sittings(&kit);
    let dir = Scratch::new("cli-rescue-scores");
    let folder = dir.path("in");
    std::fs::create_dir(&folder).unwrap();
    let inner: Vec<&str> = sittings.iter().map(|s| s.inner.as_str()).collect();
    let (key, _) = rescue_file(&dir, "in/rescue.age", &inner);
    let identity = qkit_export::Identities::parse(&std::fs::read_to_string(&key).unwrap()).unwrap();
    let finished = ResultRecord::from_json(EXAMPLE.as_bytes()).unwrap();
    let sealed = seal_record(&kit, &finished, &identity.recipients(), &mut OsRng).unwrap();
    std::fs::write(folder.join("finished.age"), sealed).unwrap();
    let csv = dir.path("scores.csv");
    let (code, _, err) = qkit(&["scores", "-i", arg(&key), arg(&folder), "--out", arg(&csv)]);
    assert_eq!(code, 0, "{err}");
    for s in &sittings {
        let line = err
            .lines()
            .find(|l| l.contains(&s.record.participant))
            .expect(&err);
        assert!(line.contains("is unfinished; not scored"), "{line}");
    }
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.lines().count() > 1, "{text}");
    assert!(
        text.lines().skip(1).all(|l| l.starts_with("TSP-0421,")),
        "{text}"
    );
}
