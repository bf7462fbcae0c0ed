//! Local questionnaires and rules taken while results are held: a new kit (files added, replaced
//! or removed) only when every held record still fits it, else nothing changes and every record
//! that would no longer fit is named by its file; a rules file at any time, and an allocation
//! made with other rules is then out of date.

mod local_common;
mod merge_common;

use local_common::{local_files, text, EXAMPLE};
use qkit_cohort::allocation_check::out_of_date;
use qkit_cohort::cohort::Table;
use qkit_cohort::local::{add, for_workspace, remove, Loaded, Refused};
use qkit_cohort::rules_file;
use qkit_cohort::workspace::{unfit, Allocated};
use qkit_export::record_set::RecordSet;
use qkit_export::{ResultRecord, WordingKey};
use qkit_questionnaires::{Kit, Timepoint, BATTERIES_FILE};
use qkit_scoring::Answer;

const SHIPPED_RULES: &str = include_str!("../../questionnaires/rules/pathways.json");

/// A TSP pre record answered with `kit`'s local battery: consent, then every example item at
/// its lowest answer, scored by the kit's definition.
fn local_record(kit: &Kit, participant: &str) -> ResultRecord {
    let mut r = merge_common::record(participant, &format!("{participant}-pre"), Timepoint::Pre);
    let consent = r.questionnaires[0].clone();
    assert_eq!(consent.id, "consent");
    let template = r.questionnaires[2].answers[0].clone();
    let q = kit
        .questionnaire("example")
        .expect("the local questionnaire");
    let mut example = consent.clone();
    example.id = q.id.clone();
    example.version = q.version.clone();
    example.content_hash = q.content_hash.clone();
    example.answers = q
        .items
        .iter()
        .map(|item| {
            let mut a = template.clone();
            a.item = item.id.clone();
            a.answer = Answer::Value(item.response_scale.min);
            a.wording = WordingKey::Standard;
            a.history.clear();
            a
        })
        .collect();
    example.report = Some(example.score(q).expect("the answers fit"));
    r.questionnaires = vec![consent, example];
    r
}

fn shipped_pre(participant: &str) -> RecordSet {
    let mut set = RecordSet::new();
    set.add(
        &format!("{participant}.age"),
        merge_common::record(participant, &format!("{participant}-pre"), Timepoint::Pre),
    );
    set
}

fn with_example() -> (Loaded, RecordSet) {
    let loaded = add(&[], None, local_files(EXAMPLE), &RecordSet::new()).expect("valid files");
    let mut set = RecordSet::new();
    set.add("LOCAL1.age", local_record(&loaded.kit, "LOCAL1"));
    let problems = unfit(&loaded.kit, &set);
    assert!(problems.is_empty(), "the local record fits: {problems:?}");
    (loaded, set)
}

#[test]
fn a_questionnaire_added_beside_held_results_is_taken() {
    let held = shipped_pre("SHIP01");
    let chosen = vec![text("example.json", EXAMPLE)];
    let loaded =
        add(&[], None, chosen, &held).expect("the held record does not need the batteries");
    assert!(loaded.kit.questionnaire("example").is_some());
    assert!(unfit(&loaded.kit, &held).is_empty());
}

#[test]
fn batteries_the_held_results_do_not_fit_are_refused_naming_each_record() {
    let mut held = shipped_pre("SHIP01");
    held.add(
        "SHIP02.age",
        merge_common::record("SHIP02", "SHIP02-pre", Timepoint::Pre),
    );
    let refused =
        add(&[], None, local_files(EXAMPLE), &held).expect_err("pre is now another battery");
    assert!(matches!(refused, Refused::Records(_)), "{refused:?}");
    let lines = refused.lines();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(
        lines[0].starts_with("record from \"SHIP01.age\" does not fit the kit: "),
        "{lines:?}"
    );
    assert!(
        lines[1].starts_with("record from \"SHIP02.age\" does not fit the kit: "),
        "{lines:?}"
    );
    assert!(lines[0].contains("tsp pre battery"), "{lines:?}");
}

#[test]
fn a_newer_version_of_a_questionnaire_held_results_were_answered_with_is_refused() {
    let (loaded, held) = with_example();
    let newer = EXAMPLE.replace("\"1.0.0\"", "\"1.1.0\"");
    let refused = add(
        &loaded.files,
        None,
        vec![text("example.json", &newer)],
        &held,
    )
    .expect_err("answered under 1.0.0");
    let lines = refused.lines();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].starts_with("record from \"LOCAL1.age\""),
        "{lines:?}"
    );

    // The same file again changes nothing the record needs.
    let again = add(
        &loaded.files,
        None,
        vec![text("example.json", EXAMPLE)],
        &held,
    )
    .expect("the same version");
    assert_eq!(again.files.len(), 2);
    assert_eq!(again.kit, loaded.kit);
}

#[test]
fn removing_a_file_held_results_need_is_refused_and_one_they_do_not_is_taken() {
    let (loaded, held) = with_example();
    // The batteries still list the example: the kit without it does not validate.
    let refused = remove(&loaded.files, None, "example.json", &RecordSet::new())
        .expect_err("a battery lists it");
    assert!(matches!(refused, Refused::Definitions(_)), "{refused:?}");
    // Without the batteries the pre battery is the shipped one: the held record no longer fits.
    let refused = remove(&loaded.files, None, BATTERIES_FILE, &held).expect_err("needed");
    assert!(
        matches!(refused, Refused::Records(ref r) if r.len() == 1),
        "{refused:?}"
    );
    // With nothing held both come off.
    let fewer = remove(&loaded.files, None, BATTERIES_FILE, &RecordSet::new()).expect("free");
    let names: Vec<&str> = fewer.files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["example.json"]);
    let none = remove(&fewer.files, None, "example.json", &RecordSet::new()).expect("free");
    assert!(none.files.is_empty());
    assert!(none.kit.questionnaire("example").is_none());
}

#[test]
fn a_workspace_kit_is_the_same_kit_the_files_made() {
    let (loaded, _) = with_example();
    let again = for_workspace(&loaded.files, None).expect("the same files");
    assert_eq!(again, loaded);
}

#[test]
fn a_rules_file_is_taken_whatever_is_held_and_an_earlier_allocation_is_out_of_date() {
    let kit = Kit::shipped_with_assessor().expect("the shipped kit");
    let mut rules: serde_json::Value = serde_json::from_str(SHIPPED_RULES).expect("JSON");
    rules["id"] = "ours".into();
    let read = Ok(rules.to_string().into_bytes());
    let (file, loaded) = rules_file::load(&kit, "ours.json", read).expect("valid rules");
    assert_eq!(loaded.id, "ours");
    assert_eq!(file.name, "ours.json");

    let mut allocated: Allocated = merge_common::allocated("2026-12-01", 1.0);
    let table = Table::default();
    assert!(allocated.out_of_date(&table).is_current());
    allocated.rules_changed = true;
    let stale = allocated.out_of_date(&table);
    assert!(!stale.is_current());
    assert!(stale.rules_changed);
    assert_eq!(
        stale.moved_on,
        out_of_date(&allocated.input.participants, &table).moved_on
    );
}
