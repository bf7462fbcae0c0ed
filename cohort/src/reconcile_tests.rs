//! Reconciliation on the generated cohort of 240 men (files missing, imported twice, sat again,
//! on four laptops, the oldest naming none) and on a hand-made handful, and the workspace keeping
//! content ids, records kept beside and the assessor's choices, with workspaces saved before
//! these existed still opening.

use super::*;
use crate::generate::{self, DEVICE_IDS_FROM, LAPTOPS, OLDER_KIT, TODAY};
use crate::workspace::{entries_json, read_entries, read_records, records_id, records_json};
use qkit_export::record_set::content_id;
use std::collections::BTreeSet;

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
    let batches = by_device_and_date(&set);
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
    // Laptops by device id, then the files that name none; each by day, one batch a day.
    fn order<'a>(b: &Batch<'a>) -> (bool, Option<&'a str>, Vec<&'a str>, Option<Date>) {
        (b.device.is_none(), b.device, b.kit_versions.clone(), b.date)
    }
    assert!(batches.windows(2).all(|w| order(&w[0]) < order(&w[1])));
    let devices: BTreeSet<Option<&str>> = batches.iter().map(|b| b.device).collect();
    let mut expected: BTreeSet<Option<&str>> = LAPTOPS.iter().copied().map(Some).collect();
    expected.insert(None);
    assert_eq!(devices, expected, "four laptops and some older files");
    for b in &batches {
        let old = b.date < Some(generate::day(DEVICE_IDS_FROM));
        assert_eq!(b.device.is_none(), old, "{b:?}");
        let kit = if old { OLDER_KIT } else { "0.1.0" };
        assert_eq!(b.kit_versions, vec![kit]);
    }
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

/// How many records each laptop's batches list.
fn per_device<'a>(batches: &[Batch<'a>]) -> BTreeMap<Option<&'a str>, usize> {
    let mut count = BTreeMap::new();
    for b in batches {
        *count.entry(b.device).or_default() += b.sittings.len();
    }
    count
}

#[test]
fn a_laptop_whose_files_never_arrived_shows_fewer_sittings_and_no_batch_that_day() {
    let (made, set) = imported();
    let full = by_device_and_date(&set);
    // The busiest laptop's busiest day: every file from it is left behind.
    let lost = full
        .iter()
        .filter(|b| b.device.is_some())
        .max_by_key(|b| b.sittings.len())
        .expect("a laptop batch");
    let (device, day) = (lost.device, lost.date);
    let mut partial = RecordSet::new();
    for (name, record) in &made.files {
        let from_it =
            record.device.as_deref() == device && crate::people::record_date(record) == day;
        if !from_it {
            partial.add_file(name, Some(content_id(name.as_bytes())), record.clone());
        }
    }
    let batches = by_device_and_date(&partial);
    assert!(!batches.iter().any(|b| b.device == device && b.date == day));
    let (before, after) = (per_device(&full), per_device(&batches));
    for (d, n) in &before {
        let expect = if *d == device {
            n - lost.sittings.len()
        } else {
            *n
        };
        assert_eq!(after.get(d).copied().unwrap_or(0), expect, "{d:?}");
    }
    // The same day's other laptops are all still there.
    let others = |b: &[Batch<'_>]| -> Vec<String> {
        b.iter()
            .filter(|b| b.date == day && b.device != device)
            .map(|b| format!("{:?}", b.device))
            .collect()
    };
    assert_eq!(others(&batches), others(&full));
}

#[test]
fn records_are_batched_by_laptop_and_day_and_those_without_one_by_kit_version() {
    let kit = generate::kit();
    let day = generate::day;
    let make = |who: &str, on: &str, device: Option<&str>, version: &str| {
        let mut r = generate::record(&kit, who, Timepoint::Pre, 0, day(on), who);
        r.device = device.map(str::to_owned);
        r.kit_version = version.into();
        r
    };
    let mut set = RecordSet::new();
    for r in [
        make("A1", "2027-02-01", Some("XV1M-4ZGS"), "0.1.0"),
        make("B2", "2027-02-01", Some("3FJR-9WEN"), "0.1.0"),
        // The same laptop, the same day, its qkit updated between sittings.
        make("C3", "2027-02-01", Some("3FJR-9WEN"), "0.1.1"),
        make("D4", "2027-02-02", Some("3FJR-9WEN"), "0.1.1"),
        make("E5", "2027-01-05", None, "0.0.9"),
        make("F6", "2027-01-05", None, "0.0.8"),
        make("G7", "2027-01-05", None, "0.0.9"),
    ] {
        let name = format!("{}.age", r.participant);
        set.add(&name, r);
    }
    // One line a batch: laptop (or "-"), kit versions, day: participants.
    let listed: Vec<String> = by_device_and_date(&set)
        .iter()
        .map(|b| {
            let who: Vec<&str> = b.sittings.iter().map(|s| s.participant).collect();
            format!(
                "{} {} {}: {}",
                b.device.unwrap_or("-"),
                b.kit_versions.join(","),
                b.date.expect("dated"),
                who.join(" ")
            )
        })
        .collect();
    assert_eq!(
        listed,
        [
            "3FJR-9WEN 0.1.0,0.1.1 2027-02-01: B2 C3",
            "3FJR-9WEN 0.1.1 2027-02-02: D4",
            "XV1M-4ZGS 0.1.0 2027-02-01: A1",
            "- 0.0.8 2027-01-05: F6",
            "- 0.0.9 2027-01-05: E5 G7",
        ]
    );
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
