//! Reconciliation on the generated cohort of 240 men (files missing, imported twice, sat again),
//! and the workspace keeping content ids, records kept beside and the assessor's choices, with
//! workspaces saved before these existed still opening.

use super::*;
use crate::generate::{self, TODAY};
use crate::workspace::{entries_json, read_entries, read_records, records_id, records_json};
use qkit_export::record_set::content_id;

/// The generated cohort imported in order, each file's content id from its name (the files
/// themselves are not sealed here).
fn imported() -> (generate::Generated, RecordSet) {
    let made = generate::cohort(240, 17);
    let mut set = RecordSet::new();
    for (name, record) in &made.files {
        set.add_file(name, Some(content_id(name.as_bytes())), record.clone());
    }
    (made, set)
}

#[test]
fn the_import_list_and_the_doubled_slots_match_what_was_made() {
    let (made, set) = imported();
    let done: usize = made
        .planned
        .iter()
        .map(|p| p.done.iter().flatten().count())
        .sum();
    let again: usize = made.planned.iter().map(|p| p.again).sum();
    let batches = by_kit_and_date(&set);
    let listed: usize = batches.iter().map(|b| b.sittings.len()).sum();
    // Every distinct record once (copies counted once), those sat again beside the first.
    assert_eq!(listed, done + again);
    assert_eq!(
        batches
            .iter()
            .flat_map(|b| &b.sittings)
            .filter(|s| !s.in_use)
            .count(),
        again
    );
    assert!(batches
        .windows(2)
        .all(|w| (w[0].kit_version, w[0].date) < (w[1].kit_version, w[1].date)));
    assert!(batches
        .iter()
        .flat_map(|b| &b.sittings)
        .all(|s| s.content.is_some()));
    let twice = doubled(&set);
    assert_eq!(twice.values().map(Vec::len).sum::<usize>(), again);
    for p in made.planned.iter().filter(|p| p.again > 0) {
        let list = twice
            .get(&p.key)
            .expect("a man who sat again has two records");
        for t in list {
            let first = p.done[t.timepoint as usize].expect("the first sitting was made");
            // The one in use is the first; the second was sat 14 days later.
            assert_eq!(t.in_use, Some(first));
            assert_eq!(t.beside.len(), 1);
            assert_eq!(t.beside[0].1, first.add_days(14));
        }
    }
}

#[test]
fn a_choice_puts_the_later_record_in_use_and_the_workspace_keeps_it() {
    let (made, mut set) = imported();
    let kit = generate::kit();
    let (key, twice) = doubled(&set).into_iter().next().expect("someone sat again");
    let t = twice[0].timepoint;
    let later = twice[0].beside[0].clone();
    let choice = Choice {
        key: key.clone(),
        timepoint: t.key().to_owned(),
        record_id: later.0.clone(),
    };
    let chosen = with_choice(&[], choice.clone());
    assert_eq!(
        with_choice(&chosen, choice.clone()),
        chosen,
        "one choice a slot"
    );
    apply(&mut set, &chosen);
    let in_use = |set: &RecordSet| {
        set.get(&key.participant, &key.programme).expect("held")[t as usize]
            .as_ref()
            .map(|i| i.record.record_id.clone())
    };
    assert_eq!(in_use(&set), Some(later.0.clone()));
    // Saved and read back: the content ids, the record kept beside and the choice are all there.
    let entries = crate::workspace::Entries {
        chosen: chosen.clone(),
        ..made.entries.clone()
    };
    let records = records_json(&set);
    let (read_back, rid) = read_entries(&entries_json(&entries, &records_id(&records)))
        .expect("entries saved by this qkit open");
    assert_eq!(rid, records_id(&records));
    assert_eq!(read_back, entries);
    let mut reopened = read_records(&kit, &records).expect("records saved by this qkit open");
    apply(&mut reopened, &read_back.chosen);
    assert_eq!(reopened, set);
    assert_eq!(in_use(&reopened), Some(later.0));
    // Tracking reads the record in use: the later day.
    let table = crate::tracking::tracking(&kit, &reopened, &entries, generate::day(TODAY));
    let row = table
        .rows
        .iter()
        .find(|r| r.key == key)
        .expect("in the table");
    assert_eq!(
        row.status[t as usize],
        crate::tracking::Status::Done(later.1.expect("dated"))
    );
}

#[test]
fn a_workspace_saved_before_content_ids_and_choices_still_opens() {
    let kit = generate::kit();
    let made = generate::cohort(20, 3);
    // As the qkit before this one wrote them: no "content" on a record, no "chosen" entry.
    let mut set = RecordSet::new();
    for (name, record) in &made.files {
        set.add(name, record.clone());
    }
    let records = records_json(&set);
    let text = String::from_utf8(records.clone()).expect("JSON");
    assert!(!text.contains("\"content\""));
    let entries = entries_json(&made.entries, &records_id(&records));
    assert!(!String::from_utf8_lossy(&entries).contains("\"chosen\""));
    let (read_back, _) = read_entries(&entries).expect("old entries open");
    assert!(read_back.chosen.is_empty());
    assert_eq!(read_records(&kit, &records).expect("old records open"), set);
}
