//! What the allocation and import screens say, natively: an allocation out of date after a
//! later import (and why), a `participants.csv` naming a man already imported merged with the
//! entries made on screen (the screen's kept, the difference said), what an allocation did
//! counted exactly, what the latest import alone did (a repeat inside one import told from one
//! imported before), the cohort legend's band codes and bases, and every plural string giving
//! one form per plural category of its language.

#![cfg(not(target_arch = "wasm32"))]

#[path = "../../allocation/tests/common/mod.rs"]
mod alloc;
mod common;

use common::{kit, record, set, unlocked};
use qkit_allocation::{Availability, Group, Intensity, Level, Participant};
use qkit_assessor::import::{add, ImportEntry, ImportLog};
use qkit_assessor::model::allocation_check::{counts, merge_listed, out_of_date, Counts, Used};
use qkit_assessor::model::cohort::table;
use qkit_assessor::model::legend::{band_code, legend};
use qkit_assessor::model::staff::StaffEntry;
use qkit_assessor::model::tracking::{tracking, Cohort};
use qkit_assessor::model::Key;
use qkit_assessor::state::{Action, FileOutcome, State};
use qkit_export::RecordSet;
use qkit_questionnaires::ui::plural_categories;
use qkit_questionnaires::{BandBasis, Lang, Timepoint};
use std::rc::Rc;
use yew::Reducible;

/// A full entry on screen: ready to allocate, at site A, evenings, in work.
fn entry() -> StaffEntry {
    StaffEntry {
        risk: Some(Level::High),
        requirement: Some("programme_requirement".into()),
        pathway_override: Some((Intensity::Moderate, "Panel decision".into())),
        sites: vec!["site_a".into()],
        availability: Some(Availability::Either),
        in_work: Some(false),
        weekdays: vec![],
        keep_apart: vec![],
        waiting_since: Some(alloc::d("2026-05-04")),
    }
}

fn imported(s: Rc<State>, records: RecordSet) -> Rc<State> {
    let n = records.len();
    s.reduce(Action::ImportStarted { total: n })
        .reduce(Action::ImportFinished {
            records: Rc::new(records),
            ms: 1.0,
        })
}

fn allocate(s: Rc<State>) -> Rc<State> {
    s.reduce(Action::Allocate {
        today: alloc::today(),
        now_ms: || 0.0,
    })
}

/// A group of one or more; adapted, as the example record's answers flag the men for it.
fn group(id: &str) -> Group {
    Group {
        min_size: 1,
        adapted: true,
        ..alloc::group(id)
    }
}

/// An unlocked area with A1's and B2's pre records imported.
fn a1_and_b2_imported(kit: &qkit_questionnaires::Kit) -> Rc<State> {
    imported(
        unlocked(common::state()),
        set(kit, &[("A1", Timepoint::Pre, 0), ("B2", Timepoint::Pre, 1)]),
    )
}

#[test]
fn a_man_in_the_file_and_on_screen_is_allocated_once_with_the_screen_s_entries() {
    let kit = kit();
    let s = a1_and_b2_imported(&kit);
    let s = s.reduce(Action::Staff(Key::new("A1", "tsp"), entry()));
    let s = s.reduce(Action::AddGroups(vec![group("g1")]));
    // The file lists A1 (at site B, unlike the screen), B2 (whose entries here are not
    // complete) and W9 (not imported).
    let a1 = Participant {
        sites: vec!["site_b".into()],
        ..alloc::man("A1")
    };
    let s = s.reduce(Action::Listed(vec![a1, alloc::man("B2"), alloc::man("W9")]));
    let s = allocate(s);
    assert_eq!(s.allocation_problem, None, "no refusal");
    let a = s.allocated.as_ref().expect("allocated");
    let ids: Vec<&str> = a.input.participants.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["A1", "B2", "W9"]);
    // A1's sites are the screen's: the file never overrides an entry made here.
    assert_eq!(a.input.participants[0].sites, ["site_a"]);
    assert_eq!(a.merged.len(), 2);
    assert_eq!(
        (a.merged[0].participant.as_str(), a.merged[0].used),
        ("A1", Used::Screen)
    );
    assert!(a.merged[0].differs.contains(&"sites".to_owned()));
    assert_eq!(
        (a.merged[1].participant.as_str(), a.merged[1].used),
        ("B2", Used::File)
    );
    assert!(
        a.not_ready.is_empty(),
        "B2 is taken from the file: {:?}",
        a.not_ready
    );
}

#[test]
fn merging_keeps_every_man_once() {
    let screen = vec![alloc::man("A1")];
    let (all, merged) = merge_listed(
        screen,
        &[Key::new("B2", "tsp")],
        &[alloc::man("A1"), alloc::man("B2"), alloc::man("C3")],
    );
    let ids: Vec<&str> = all.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["A1", "B2", "C3"]);
    assert_eq!(merged.len(), 2);
    assert!(merged[0].differs.is_empty(), "the same entries agree");
}

/// A1 and B2 imported, entered and allocated to group g1.
fn a1_and_b2_allocated(kit: &qkit_questionnaires::Kit) -> Rc<State> {
    let s = a1_and_b2_imported(kit);
    let s = s.reduce(Action::Staff(Key::new("A1", "tsp"), entry()));
    let s = s.reduce(Action::Staff(Key::new("B2", "tsp"), entry()));
    allocate(s.reduce(Action::AddGroups(vec![group("g1")])))
}

#[test]
fn an_allocation_is_out_of_date_once_a_placed_man_has_later_results() {
    let kit = kit();
    let s = a1_and_b2_allocated(&kit);
    let placed = &s.allocated.as_ref().expect("allocated").input.participants;
    assert!(out_of_date(placed, &s.table).is_current());
    // A second import: A1's post results, and C3 newly waiting.
    let mut more = (*s.records).clone();
    more.add("a1-post.age", record(&kit, "A1", Timepoint::Post, 2));
    more.add("c3-pre.age", record(&kit, "C3", Timepoint::Pre, 0));
    let s = imported(s, more);
    let placed = &s
        .allocated
        .as_ref()
        .expect("still there")
        .input
        .participants;
    let stale = out_of_date(placed, &s.table);
    assert!(!stale.is_current());
    assert_eq!(stale.moved_on, [("A1".to_owned(), Timepoint::Post)]);
    assert_eq!(stale.not_in_it, ["C3"]);
    // Allocating again: A1 has started g1 and is now one of its members, so tracking keeps him
    // there and the new allocation counts him; B2 is allocated again (C3 has no entries yet).
    let s = allocate(s);
    assert_eq!(s.groups[0].members, ["A1"]);
    let again = s.allocated.as_ref().expect("allocated again");
    let summary = &again.allocation.groups[0];
    assert_eq!(
        (summary.members, summary.joiners.clone()),
        (1, vec!["B2".to_owned()])
    );
    let ids: Vec<&str> = again
        .input
        .participants
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(ids, ["B2"], "C3 has no entries yet");
    assert_eq!(
        out_of_date(&again.input.participants, &s.table).moved_on,
        []
    );
    let table = tracking(&s.kit, &s.records, &s.entries(), alloc::today());
    let a1 = table.rows.iter().find(|r| r.key.participant == "A1");
    assert_eq!(a1.map(|r| &r.cohort), Some(&Cohort::Group("g1".into())));
    // Saved with the workspace: the member is in the entries.
    assert_eq!(s.entries().groups[0].members, ["A1"]);
}

/// What the allocation screen says of the allocation in hand.
fn stale(s: &State) -> qkit_assessor::model::allocation_check::OutOfDate {
    s.allocated
        .as_ref()
        .expect("allocated")
        .out_of_date(&s.table)
}

#[test]
fn an_allocation_is_out_of_date_once_the_rules_change_and_the_same_rules_change_nothing() {
    let s = a1_and_b2_allocated(&kit());
    assert!(stale(&s).is_current());
    let same = qkit_allocation::rules::SHIPPED.1.as_bytes().to_vec();
    let s = s.reduce(Action::LoadRules {
        name: "same.json".to_owned(),
        read: Ok(same),
    });
    assert!(stale(&s).is_current(), "the same rules: {:?}", stale(&s));
    let mut other: serde_json::Value =
        serde_json::from_str(qkit_allocation::rules::SHIPPED.1).expect("JSON");
    other["id"] = "ours".into();
    let s = s.reduce(Action::LoadRules {
        name: "ours.json".to_owned(),
        read: Ok(other.to_string().into_bytes()),
    });
    assert_eq!(
        s.local.rules_problem, None,
        "rules are taken with results held"
    );
    assert_eq!(s.rules.id, "ours");
    assert!(stale(&s).rules_changed && !stale(&s).is_current());
    // Allocating again with the rules in use is current again.
    let s = allocate(s);
    assert!(stale(&s).is_current());
}

#[test]
fn counts_say_exactly_what_the_allocation_did() {
    let kit = kit();
    let s = a1_and_b2_imported(&kit);
    let s = s.reduce(Action::Staff(Key::new("A1", "tsp"), entry()));
    let far = StaffEntry {
        sites: vec!["site_c".into()],
        ..entry()
    };
    let s = s.reduce(Action::Staff(Key::new("B2", "tsp"), far));
    let s = allocate(s.reduce(Action::AddGroups(vec![group("g1"), group("g2")])));
    let a = s.allocated.as_ref().expect("allocated");
    assert_eq!(
        counts(&a.allocation),
        Counts {
            placed: 1,
            groups_used: 1,
            one_to_one: 1,
            not_recommended: 0
        }
    );
}

#[test]
fn the_import_log_counts_the_latest_import_alone() {
    let kit = kit();
    let mut set = RecordSet::new();
    let mut log = ImportLog::default();
    let mut file = |log: &mut ImportLog, name: &str, who: &str, t| {
        let outcome = add(&mut set, name, record(&kit, who, t, 0));
        log.entries.push(ImportEntry {
            file: name.into(),
            content: None,
            outcome,
        });
    };
    log.begin(2);
    file(&mut log, "a.age", "A1", Timepoint::Pre);
    file(&mut log, "b.age", "B2", Timepoint::Pre);
    // The second import: a new file, one imported before, and a copy of this import's own.
    log.begin(3);
    file(&mut log, "c.age", "C3", Timepoint::Pre);
    file(&mut log, "a-again.age", "A1", Timepoint::Pre);
    file(&mut log, "c-copy.age", "C3", Timepoint::Pre);
    assert_eq!(log.latest().len(), 3);
    let c = log.counts();
    assert_eq!(
        (c.files, c.added, c.before, c.twice, c.problems),
        (3, 1, 1, 1, 0)
    );
    let firsts: Vec<(bool, &str)> = log
        .latest()
        .iter()
        .filter_map(|e| match &e.outcome {
            FileOutcome::Again { first } => Some((log.twice_in_latest(first), e.file.as_str())),
            _ => None,
        })
        .collect();
    assert_eq!(firsts, [(false, "a-again.age"), (true, "c-copy.age")]);
}

#[test]
fn band_codes_are_letters_lowest_first_and_the_legend_says_each_basis() {
    let kit = kit();
    assert_eq!(band_code(&kit, "bis11", "total", "very_low"), Some('A'));
    assert_eq!(band_code(&kit, "bis11", "total", "high"), Some('C'));
    assert_eq!(band_code(&kit, "phq9", "total", "severe"), Some('E'));
    assert_eq!(band_code(&kit, "phq9", "total", "nonsense"), None);
    let t = table(&kit, &set(&kit, &[("A1", Timepoint::Pre, 0)]));
    let shown: Vec<usize> = (0..t.columns.len()).collect();
    let entries = legend(&kit, &t, &shown);
    let col = |q: &str| {
        entries
            .iter()
            .find(|e| {
                t.columns[e.column].questionnaire == q && t.columns[e.column].scale == "total"
            })
            .expect("a legend entry")
    };
    let bis = col("bis11");
    assert_eq!(bis.basis, Some(BandBasis::Score));
    assert_eq!(bis.bands.len(), 3);
    assert!(!bis.norms.is_empty(), "BIS-11's T is against a named norm");
    assert_eq!(col("bscs").basis, Some(BandBasis::TScore));
}

#[test]
fn every_plural_string_has_one_form_per_category_of_its_language() {
    let kit = kit();
    let mut checked = 0;
    for (lang, _) in kit.ui.languages() {
        let wanted = plural_categories(lang).len();
        for key in kit.ui.keys() {
            let forms = kit.ui.get(lang, key).split('|').count();
            let english = kit.ui.get(&Lang::english(), key).split('|').count();
            if english > 1 || forms > 1 {
                checked += 1;
                assert_eq!(forms, wanted, "{key} in {}", lang.as_str());
            }
        }
    }
    assert!(checked > 20, "plural strings checked: {checked}");
}
