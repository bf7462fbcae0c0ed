//! `qkit scores`: a folder of sealed records from several participants and timepoints becomes
//! one CSV of scores with change columns; bad files are reported and the rest go on.

#[path = "../../tests/tests/export_common/mod.rs"]
mod export_common;

use export_common::{arg, Scratch};
use qkit_export::{seal_record, NewIdentity, ResultRecord, Timestamp};
use qkit_questionnaires::{Kit, Timepoint};
use qkit_scoring::Answer;
use rand_core::OsRng;
use std::process::Command;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
const EXAMPLE: &str = include_str!("../../docs/examples/record.json");

fn kit() -> Kit {
    Kit::shipped().expect("the shipped definitions are valid")
}

/// The example participant's record at `timepoint`, answers moved by `shift` (clamped to each
/// item's options) and re-scored, under another reference if asked.
fn record(participant: &str, timepoint: Timepoint, shift: i32) -> ResultRecord {
    let kit = kit();
    let mut r = ResultRecord::from_json(EXAMPLE.as_bytes()).unwrap();
    r.participant = participant.to_owned();
    r.record_id = format!("{participant}-{timepoint}");
    r.timepoint = timepoint;
    let pre = std::mem::take(&mut r.questionnaires);
    for q in kit.battery("tsp", timepoint).unwrap() {
        let mut result = pre.iter().find(|p| p.id == q.id).cloned().unwrap_or(
            qkit_export::QuestionnaireResult {
                id: q.id.clone(),
                version: q.version.clone(),
                content_hash: q.content_hash.clone(),
                answers: Vec::new(),
                report: None,
                outdated: false,
            },
        );
        if q.is_scored() {
            for a in &mut result.answers {
                let item = q.item(&a.item).unwrap();
                if let Answer::Value(v) = a.answer {
                    let (min, max) = (item.response_scale.min, item.response_scale.max);
                    a.answer = Answer::Value((v + shift).clamp(min, max));
                }
            }
        }
        result.report = Some(result.score(q).unwrap());
        r.questionnaires.push(result);
    }
    r.completed_at = Some(Timestamp(r.completed_at.unwrap().0 + 1));
    r
}

fn qkit(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_qkit"))
        .args(args)
        .current_dir(ROOT)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn scores_write_one_row_per_participant_timepoint_and_scale_with_change() {
    let dir = Scratch::new("cli-scores");
    let id = NewIdentity::generate(&mut OsRng);
    let key = dir.path("key.txt");
    std::fs::write(&key, id.file_text(Timestamp(0)).as_bytes()).unwrap();
    let records = dir.path("records");
    std::fs::create_dir(&records).unwrap();
    let kit = kit();
    for (name, r) in [
        ("a-pre.age", record("A-1", Timepoint::Pre, 0)),
        ("a-mid.age", record("A-1", Timepoint::Mid, -1)),
        ("a-post.age", record("A-1", Timepoint::Post, -2)),
        ("b-pre.age", record("B-2", Timepoint::Pre, 1)),
    ] {
        let sealed = seal_record(&kit, &r, &[id.recipient()], &mut OsRng).unwrap();
        std::fs::write(records.join(name), sealed).unwrap();
    }
    std::fs::write(records.join("broken.age"), b"not sealed").unwrap();
    std::fs::write(records.join("notes.txt"), b"ignored").unwrap();
    let out = dir.path("scores.csv");
    let (code, err) = qkit(&[
        "scores",
        "--identity",
        arg(&key),
        arg(&records),
        "--out",
        arg(&out),
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("broken.age: not an age-encrypted file"),
        "{err}"
    );
    assert!(err.contains("4 of 5 files opened"), "{err}");

    let csv = std::fs::read_to_string(&out).unwrap();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "respondent,programme,timepoint,questionnaire,scale,n_items,n_answered,raw_sum,item_mean,score,status,z,t,percentile,percentile_basis,norm_cautions,band,flags,pair,from,to,diff,method,threshold,rci,reliable,cutoff,category"
    );
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    let find = |who: &str, t: &str, q: &str, scale: &str| {
        rows.iter()
            .find(|r| r[0] == who && r[2] == t && r[3] == q && r[4] == scale)
            .unwrap_or_else(|| panic!("no row {who} {t} {q} {scale} in\n{csv}"))
    };
    // bis11 at pre and post (TSP mid has no bis11), bscs at all three.
    let pre = find("A-1", "pre", "bis11", "total");
    let post = find("A-1", "post", "bis11", "total");
    assert_eq!(&pre[18..], ["", "", "", "", "", "", "", "", "", ""]);
    assert_eq!(post[18], "pre_post");
    assert_eq!(post[19], pre[9], "from is the pre score");
    assert_eq!(post[20], post[9], "to is the post score");
    assert_eq!(
        post[22], "norm:us_male_inmates",
        "the BIS-11 rule: the inmates' SD"
    );
    assert!(!post[24].is_empty(), "an RCI");
    assert_eq!(find("A-1", "mid", "bscs", "total")[18], "pre_mid");
    assert_eq!(find("A-1", "post", "bscs", "total")[18], "pre_post");
    // BSCS takes the cohort's SD, and two men are too few.
    assert_eq!(
        find("A-1", "post", "bscs", "total")[27],
        "not_assessable:cohort_too_small"
    );
    // B-2 has one timepoint: no change.
    assert_eq!(
        &find("B-2", "pre", "bscs", "total")[18..],
        ["", "", "", "", "", "", "", "", "", ""]
    );
    // 10 bis11 scales × 2 + 1 bscs scale × 3 for A-1; 10 + 1 for B-2.
    assert_eq!(rows.len(), 20 + 3 + 11, "{csv}");

    // Never overwritten.
    let (code, err) = qkit(&["scores", "-i", arg(&key), arg(&records), "--out", arg(&out)]);
    assert_eq!(code, 1);
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), csv);
}

#[test]
fn an_empty_folder_is_bad_input() {
    let dir = Scratch::new("cli-scores-empty");
    let id = NewIdentity::generate(&mut OsRng);
    let key = dir.path("key.txt");
    std::fs::write(&key, id.file_text(Timestamp(0)).as_bytes()).unwrap();
    let (code, err) = qkit(&[
        "scores",
        "-i",
        arg(&key),
        arg(&dir.0),
        "--out",
        arg(&dir.path("x.csv")),
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("holds no .age files"), "{err}");
}
