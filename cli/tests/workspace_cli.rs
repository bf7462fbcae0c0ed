//! `qkit workspace list|tracking|scores` on a workspace file holding a generated cohort of 240
//! men (qkit_cohort::generate: three groups and a waiting list, files missing, imported twice
//! and sat again), sealed to a new identity as the assessor area saves it.

#[path = "../../tests/tests/export_common/mod.rs"]
mod export_common;
mod run_common;

use export_common::{arg, Scratch};
use qkit_cohort::generate::{self, Planned};
use qkit_cohort::tracking::Cohort;
use qkit_cohort::workspace_file::file_json;
use qkit_export::record_set::RecordSet;
use qkit_export::{seal_bytes, NewIdentity, Timestamp};
use qkit_questionnaires::local_kit::LocalFile;
use rand_core::OsRng;
use run_common::qkit;

const BATTERIES: &str = include_str!("../../questionnaires/batteries.json");

/// The shipped batteries with TSP's schedule set locally to mid at week 6, post at week 12.
fn local_batteries() -> LocalFile {
    let tsp_end = BATTERIES.find("\"id\": \"bbr\"").expect("bbr follows tsp");
    let (tsp, rest) = BATTERIES.split_at(tsp_end);
    let tsp = tsp.replacen(
        "\"set_by\": \"organisation\"",
        "\"set_by\": \"estimate\", \"mid_week\": 6, \"post_week\": 12, \"source\": \"test figures\"",
        1,
    );
    LocalFile {
        name: "batteries.json".into(),
        text: format!("{tsp}{rest}"),
    }
}

#[test]
fn a_workspace_file_lists_tracks_and_scores_its_cohort() {
    let dir = Scratch::new("cli-workspace");
    let id = NewIdentity::generate(&mut OsRng);
    let key = dir.path("key.txt");
    std::fs::write(&key, id.file_text(Timestamp(0)).as_bytes()).unwrap();
    let made = generate::cohort(240, 17);
    let mut records = RecordSet::new();
    for (name, r) in &made.files {
        records.add(name, r.clone());
    }
    let mut entries = made.entries.clone();
    entries.local_files = vec![local_batteries()];
    let sealed = seal_bytes(
        &file_json(&entries, &records),
        &[id.recipient()],
        &mut OsRng,
    )
    .unwrap();
    let file = dir.path("team.qkit-workspace.age");
    std::fs::write(&file, sealed).unwrap();

    let (code, out, err) = qkit(&["workspace", "list", arg(&file), "--identity", arg(&key)]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with(&format!("{} records", records.len())),
        "{out}"
    );
    assert!(out.contains("group past (tsp): starts 2027-01-04"), "{out}");
    let first = &made.files[0];
    assert!(
        out.contains(&format!("record {}, from {}", first.1.record_id, first.0)),
        "{out}"
    );
    let beside = made
        .files
        .iter()
        .find(|(name, _)| name.ends_with("-again.age"))
        .expect("some sat again");
    let line = format!(
        "record {}, from {} (kept beside)",
        beside.1.record_id, beside.0
    );
    assert!(out.contains(&line), "{out}");
    // Each record names its laptop (or, for the oldest, none), and the import screen's batches
    // follow, laptops first: each laptop's days add up to its records.
    let laptop = |r: &qkit_export::ResultRecord| {
        r.device.as_deref().map_or_else(
            || format!("device not recorded (qkit {})", r.kit_version),
            |d| format!("laptop {d}"),
        )
    };
    let named = format!(
        "{}, record {}, from {}",
        laptop(&first.1),
        first.1.record_id,
        first.0
    );
    assert!(out.contains(&named), "{out}");
    let batches = out
        .split("by laptop and day:\n")
        .nth(1)
        .expect("the batches are listed");
    for d in generate::LAPTOPS {
        let held = records
            .all()
            .filter(|i| i.record.device.as_deref() == Some(d))
            .count();
        let listed: usize = batches
            .lines()
            .filter(|l| l.starts_with(&format!("  laptop {d} (qkit 0.1.0), ")))
            .map(|l| l.split(": ").nth(1).and_then(|n| n.split(' ').next()))
            .map(|n| n.expect("a count").parse::<usize>().expect("a number"))
            .sum();
        assert_eq!(listed, held, "{d}: {batches}");
    }
    assert!(
        batches.contains(&format!(
            "  device not recorded (qkit {}), ",
            generate::OLDER_KIT
        )),
        "{batches}"
    );

    let csv = dir.path("tracking.csv");
    let (code, _, err) = qkit(&[
        "workspace",
        "tracking",
        arg(&file),
        "--identity",
        arg(&key),
        "--today",
        generate::TODAY,
        "--out",
        arg(&csv),
    ]);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&csv).unwrap();
    let rows: Vec<Vec<&str>> = text
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect())
        .collect();
    let known: Vec<&Planned> = made
        .planned
        .iter()
        .filter(|p| p.cohort != Cohort::Waiting || p.done.iter().any(Option::is_some))
        .collect();
    assert_eq!(rows.len(), known.len());
    for (t, column) in [(0, 4), (1, 7), (2, 10)] {
        let done = rows.iter().filter(|r| r[column] == "done").count();
        let planned = known.iter().filter(|p| p.done[t].is_some()).count();
        assert_eq!(done, planned, "timepoint {t}");
    }
    // A man in "past" without a post file: overdue since 29 March (4 Jan + 12 weeks), 64 days.
    let late = known
        .iter()
        .find(|p| p.cohort == Cohort::Group("past".into()) && p.done[2].is_none())
        .expect("the generator leaves some post files out");
    let row = rows
        .iter()
        .find(|r| r[0] == late.key.participant)
        .expect("in the CSV");
    assert_eq!(&row[10..13], ["overdue", "2027-03-29", "64"]);

    let scores = dir.path("scores.csv");
    let (code, _, err) = qkit(&[
        "workspace",
        "scores",
        arg(&file),
        "--identity",
        arg(&key),
        "--out",
        arg(&scores),
    ]);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&scores).unwrap();
    assert!(text.starts_with("respondent,programme,timepoint,questionnaire,scale"));
    assert!(text.lines().count() > records.len());

    let (code, _, err) = qkit(&[
        "workspace",
        "list",
        arg(&file),
        "--identity",
        arg(&dir.path("nope")),
    ]);
    assert_eq!(code, 1, "{err}");
}
