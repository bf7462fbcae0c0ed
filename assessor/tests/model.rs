//! The assessor's plain-data model, natively: the cohort table (columns, latest timepoint, cells,
//! flags), its sorting and filtering, series of scores with change, staff entries and the
//! allocation participant they make, and what importing a record into the set reports.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{kit, record, set};
use qkit_allocation::{Availability, Intensity, Level, Rules};
use qkit_assessor::import::{add, add_rescue};
use qkit_assessor::model::cohort::{
    shown_columns, table, view, BandFilter, Cell, Filter, FlagKind, Sort, SortBy,
};
use qkit_assessor::model::series::series;
use qkit_assessor::model::staff::{decision, participant, NotReady, StaffEntry};
use qkit_assessor::model::Key;
use qkit_assessor::state::FileOutcome;
use qkit_export::{OpenError, RecordSet};
use qkit_questionnaires::Timepoint;
use qkit_scoring::change::{ChangeCategory, Outcome};
use qkit_scoring::ReliableChangeChoice;

fn participants(t: &qkit_assessor::model::cohort::Table, rows: &[usize]) -> Vec<String> {
    rows.iter()
        .map(|&i| t.rows[i].key.participant.clone())
        .collect()
}

#[test]
fn the_table_has_one_row_per_participant_at_his_latest_timepoint() {
    let kit = kit();
    let s = set(
        &kit,
        &[
            ("A1", Timepoint::Pre, 0),
            ("A1", Timepoint::Mid, -1),
            ("A1", Timepoint::Post, -2),
            ("B2", Timepoint::Pre, 1),
        ],
    );
    let t = table(&kit, &s);
    let cols: Vec<String> = t
        .columns
        .iter()
        .map(|c| format!("{}.{}", c.questionnaire, c.scale))
        .collect();
    assert_eq!(
        cols,
        [
            "bis11.attentional",
            "bis11.motor",
            "bis11.non_planning",
            "bis11.attention",
            "bis11.cognitive_instability",
            "bis11.motor_first_order",
            "bis11.perseverance",
            "bis11.self_control",
            "bis11.cognitive_complexity",
            "bis11.total",
            "bscs.total"
        ]
    );
    assert_eq!(t.rows.len(), 2);
    let a1 = &t.rows[0];
    assert_eq!(a1.key, Key::new("A1", "tsp"));
    assert_eq!(a1.latest, Timepoint::Post);
    assert_eq!(a1.sites, ["site_a"]);
    // The post record's BIS-11 total, as scored.
    let post = record(&kit, "A1", Timepoint::Post, -2);
    let report = post
        .questionnaires
        .iter()
        .find(|q| q.id == "bis11")
        .unwrap();
    let total = report
        .report
        .as_ref()
        .unwrap()
        .scales
        .iter()
        .find(|s| s.scale == "total");
    assert_eq!(a1.cells[9], Cell::Scored(Box::new(total.unwrap().clone())));
    assert_eq!(t.rows[1].latest, Timepoint::Pre);
    // The example's "I don't understand" answer to bscs_09 is an item to revisit.
    assert!(t.rows[1].has(FlagKind::Revisit));
    // Totals only hides the nine BIS-11 subscales (three second-order, six first-order).
    assert_eq!(shown_columns(&kit, &t, false), [9, 10]);
    assert_eq!(shown_columns(&kit, &t, true), (0..=10).collect::<Vec<_>>());
}

#[test]
fn sorting_orders_rows_and_puts_rows_without_a_score_last() {
    let kit = kit();
    let s = set(
        &kit,
        &[
            ("C3", Timepoint::Pre, 1),
            ("A1", Timepoint::Pre, -1),
            ("B2", Timepoint::Pre, 0),
            ("D4", Timepoint::Mid, 0),
        ],
    );
    let t = table(&kit, &s);
    let all = Filter::default();
    let by = |by, descending| view(&t, &all, Sort { by, descending });
    assert_eq!(
        participants(&t, &by(SortBy::Participant, false)),
        ["A1", "B2", "C3", "D4"]
    );
    assert_eq!(
        participants(&t, &by(SortBy::Participant, true)),
        ["D4", "C3", "B2", "A1"]
    );
    // BIS-11 total: higher answers, higher score; D4 (mid) has no BIS-11 and comes last both ways.
    let total = t
        .columns
        .iter()
        .position(|c| c.questionnaire == "bis11" && c.scale == "total");
    let total = SortBy::Scale(total.unwrap());
    assert_eq!(participants(&t, &by(total, true)), ["C3", "B2", "A1", "D4"]);
    assert_eq!(
        participants(&t, &by(total, false)),
        ["A1", "B2", "C3", "D4"]
    );
    assert_eq!(participants(&t, &by(SortBy::Timepoint, true))[0], "D4");
    // Choosing a column again flips it; a new score column starts with the highest.
    let s0 = Sort::default();
    assert!(s0.toggle(SortBy::Participant).descending);
    assert!(s0.toggle(total).descending);
    assert!(!s0.toggle(SortBy::Programme).descending);
}

#[test]
fn filters_keep_only_matching_rows() {
    let kit = kit();
    let s = set(
        &kit,
        &[("A1", Timepoint::Pre, -3), ("B2", Timepoint::Pre, 3)],
    );
    let t = table(&kit, &s);
    let shown = |f: Filter| participants(&t, &view(&t, &f, Sort::default()));
    assert_eq!(shown(Filter::default()), ["A1", "B2"]);
    let programme = |p: &str| Filter {
        programme: Some(p.into()),
        ..Filter::default()
    };
    assert_eq!(shown(programme("tsp")), ["A1", "B2"]);
    assert!(shown(programme("bbr")).is_empty());
    let site = |x: &str| Filter {
        site: Some(x.into()),
        ..Filter::default()
    };
    assert_eq!(shown(site("site_a")), ["A1", "B2"]);
    assert!(shown(site("site_b")).is_empty());
    // Band: whatever band each has on the BIS-11 total keeps him and only him (or both).
    let col = t
        .columns
        .iter()
        .position(|c| c.questionnaire == "bis11" && c.scale == "total")
        .unwrap();
    for row in &t.rows {
        let band = row.cells[col]
            .band()
            .expect("the total has a band")
            .to_owned();
        let f = Filter {
            band: Some(BandFilter {
                column: col,
                band: band.clone(),
            }),
            ..Filter::default()
        };
        let kept = shown(f);
        assert!(kept.contains(&row.key.participant), "{band}");
        for other in &t.rows {
            let same = other.cells[col].band() == Some(band.as_str());
            assert_eq!(kept.contains(&other.key.participant), same);
        }
    }
    let flag = |k| Filter {
        flag: Some(k),
        ..Filter::default()
    };
    assert_eq!(shown(flag(FlagKind::Revisit)), ["A1", "B2"]);
    assert!(shown(flag(FlagKind::Alert)).is_empty());
}

#[test]
fn series_carry_scores_over_time_and_the_change_from_first_to_last() {
    let kit = kit();
    let s = set(
        &kit,
        &[
            ("A1", Timepoint::Pre, 1),
            ("A1", Timepoint::Mid, 0),
            ("A1", Timepoint::Post, -2),
        ],
    );
    let all = series(
        &kit,
        &s,
        ("tsp", s.get("A1", "tsp").unwrap()),
        ReliableChangeChoice::Definition,
    );
    let total = all
        .iter()
        .find(|x| x.questionnaire == "bis11" && x.scale == "total")
        .unwrap();
    assert!(total.at[0].is_some() && total.at[1].is_none() && total.at[2].is_some());
    let change = total.change.clone().unwrap().unwrap();
    assert_eq!(change.pair.key(), "pre_post");
    assert_eq!(change.from, total.at[0].as_ref().unwrap().score);
    assert_eq!(change.to, total.at[2].as_ref().unwrap().score);
    // Every answer three points lower on 29 items: a reliable improvement in impulsiveness.
    assert!(matches!(
        change.outcome,
        Outcome::Category(ChangeCategory::Improved | ChangeCategory::Recovered)
    ));
    let bscs = all.iter().find(|x| x.questionnaire == "bscs").unwrap();
    assert_eq!(bscs.timepoints().count(), 3);
    assert_eq!(bscs.change.clone().unwrap().unwrap().pair.key(), "pre_post");
    // A subscale without a norm: change is computed but not assessable.
    let motor = all.iter().find(|x| x.scale == "motor").unwrap();
    assert!(matches!(
        motor.change.clone().unwrap().unwrap().outcome,
        Outcome::NotAssessable(_)
    ));
    // One timepoint: no change.
    let one = set(&kit, &[("B2", Timepoint::Pre, 0)]);
    assert!(series(
        &kit,
        &one,
        ("tsp", one.get("B2", "tsp").unwrap()),
        ReliableChangeChoice::Definition
    )
    .iter()
    .all(|x| x.change.is_none()));
}

#[test]
fn staff_entries_make_the_pathway_and_the_allocation_participant() {
    let kit = kit();
    let rules = Rules::shipped(&kit).expect("the shipped rules are valid");
    let s = set(&kit, &[("A1", Timepoint::Pre, 1)]);
    let records = s.get("A1", "tsp").unwrap();
    let key = Key::new("A1", "tsp");
    // From his about_you answers: site_a, evenings, not in work, waiting since the record.
    let mut entry = StaffEntry::from_records(&kit, records);
    assert_eq!(entry.sites, ["site_a"]);
    assert_eq!(entry.availability, Some(Availability::Evening));
    assert_eq!(entry.in_work, Some(false));
    assert_eq!(
        entry.waiting_since.map(|d| d.to_string()).as_deref(),
        Some("2026-11-23")
    );
    assert!(decision(&rules, records, &entry).is_none());
    assert_eq!(
        participant(&rules, &key, records, &entry).unwrap_err(),
        NotReady::NoStaffEntry
    );
    entry.risk = Some(Level::High);
    entry.requirement = Some("programme_requirement".into());
    let d = decision(&rules, records, &entry).unwrap().unwrap();
    assert_eq!(d.risk, Level::High);
    let p = participant(&rules, &key, records, &entry).unwrap();
    assert_eq!(Some(p.pathway), d.pathway());
    assert_eq!(p.cohort, d.cohort.cohort);
    assert_eq!(p.id, "A1");
    // The example answered "maybe" to needing reading help: adapted delivery.
    assert!(p.adapted && d.adapted.flagged);
    // An override wins, with its reason.
    entry.pathway_override = Some((Intensity::High, "seen by the treatment manager".into()));
    let d = decision(&rules, records, &entry).unwrap().unwrap();
    assert_eq!(d.pathway(), Some(Intensity::High));
    assert_eq!(
        participant(&rules, &key, records, &entry).unwrap().pathway,
        Intensity::High
    );
    entry.sites.clear();
    assert_eq!(
        participant(&rules, &key, records, &entry).unwrap_err(),
        NotReady::NoSites
    );
}

#[test]
fn importing_says_whether_a_record_is_new_a_repeat_or_a_second_one() {
    let kit = kit();
    let mut s = RecordSet::new();
    let r = record(&kit, "A1", Timepoint::Pre, 0);
    assert_eq!(
        add(&mut s, "a.age", r.clone()),
        FileOutcome::Loaded {
            participant: "A1".into(),
            timepoint: Timepoint::Pre
        }
    );
    assert_eq!(
        add(&mut s, "copy.age", r),
        FileOutcome::Again {
            first: "a.age".into()
        }
    );
    let other = record(&kit, "A1", Timepoint::Pre, 1);
    assert_eq!(
        add(&mut s, "b.age", other),
        FileOutcome::Conflict {
            first: "a.age".into(),
            participant: "A1".into(),
            timepoint: Timepoint::Pre
        }
    );
    assert_eq!(s.len(), 1);
}

#[test]
fn a_rescue_file_adds_its_sittings_unfinished_and_says_how_many() {
    let kit = kit();
    let mut s = RecordSet::new();
    let unfinished = |participant: &str| {
        let mut r = record(&kit, participant, Timepoint::Pre, 0);
        r.completed_at = None;
        for q in &mut r.questionnaires {
            q.report = None;
        }
        r
    };
    let finished = record(&kit, "C3", Timepoint::Pre, 0);
    let bad = qkit_export::RecordError::new(
        "$.sittings[3].draft.record",
        qkit_export::RecordErrorKind::Json("no record".into()),
    );
    let outcome = add_rescue(
        &mut s,
        "rescue.age",
        vec![
            Ok(unfinished("A1")),
            Ok(unfinished("B2")),
            Ok(finished.clone()),
            Err(bad.clone()),
        ],
        "BA78-16BF".into(),
    );
    let FileOutcome::Rescue {
        sittings,
        unfinished: open,
        code,
    } = &outcome
    else {
        panic!("a rescue outcome: {outcome:?}");
    };
    assert_eq!(code, "BA78-16BF", "the code staff type on the laptop");
    assert_eq!(*open, 2);
    assert_eq!(
        sittings,
        &[
            FileOutcome::Unfinished {
                participant: "A1".into(),
                timepoint: Timepoint::Pre
            },
            FileOutcome::Unfinished {
                participant: "B2".into(),
                timepoint: Timepoint::Pre
            },
            FileOutcome::Loaded {
                participant: "C3".into(),
                timepoint: Timepoint::Pre
            },
            FileOutcome::Failed(OpenError::Record(bad)),
        ]
    );
    assert!(outcome.is_problem() && !outcome.is_loaded());
    assert_eq!(s.len(), 3);
    let a1 = s.get("A1", "tsp").expect("A1 was added")[0].as_ref();
    assert!(a1.is_some_and(|i| i.record.is_unfinished() && i.source == "rescue.age (1)"));
    // The cohort shows an unfinished sitting's scales as unfinished, a finished one's as scored.
    let t = table(&kit, &s);
    let row = |p: &str| {
        t.rows
            .iter()
            .find(|r| r.key.participant == p)
            .expect("a row")
    };
    assert!(row("B2").cells.iter().all(|c| *c == Cell::Unfinished));
    assert!(row("C3").cells.iter().any(|c| matches!(c, Cell::Scored(_))));
    assert!(!row("C3").cells.contains(&Cell::Unfinished));

    // The same sittings again: repeats, not problems. Then A1's finished record replaces his
    // unfinished one.
    let again = add_rescue(
        &mut s,
        "copy.age",
        vec![Ok(unfinished("A1"))],
        "0000-0000".into(),
    );
    assert!(!again.is_problem() && again.is_loaded());
    let FileOutcome::Rescue { sittings, .. } = again else {
        panic!("a rescue outcome");
    };
    assert!(matches!(sittings[0], FileOutcome::Again { .. }));
    let mut done = record(&kit, "A1", Timepoint::Pre, 0);
    done.record_id = unfinished("A1").record_id;
    assert_eq!(
        add(&mut s, "a1.age", done),
        FileOutcome::Loaded {
            participant: "A1".into(),
            timepoint: Timepoint::Pre
        }
    );
    let a1 = s.get("A1", "tsp").expect("A1 is in the set")[0].as_ref();
    assert!(a1.is_some_and(|i| !i.record.is_unfinished() && i.source == "a1.age"));
    assert_eq!(s.len(), 3);
}

#[test]
fn a_questionnaire_answered_under_an_older_definition_is_shown_but_not_scored() {
    let kit = kit();
    let mut r = record(&kit, "A1", Timepoint::Pre, 0);
    let bis = r
        .questionnaires
        .iter_mut()
        .find(|q| q.id == "bis11")
        .expect("the TSP pre battery has the BIS-11");
    bis.outdated = true;
    bis.version = "0.9.0".into();
    bis.report = None;
    let mut s = RecordSet::new();
    s.add("a.age", r);
    let t = table(&kit, &s);
    let bis_cols: Vec<usize> = (0..t.columns.len())
        .filter(|&i| t.columns[i].questionnaire == "bis11")
        .collect();
    assert_eq!(bis_cols.len(), 10);
    for i in bis_cols {
        assert_eq!(t.rows[0].cells[i], Cell::Outdated);
    }
    let records = s.get("A1", "tsp").unwrap();
    assert!(
        series(&kit, &s, ("tsp", records), ReliableChangeChoice::Definition)
            .iter()
            .all(|x| x.questionnaire != "bis11")
    );
    let outdated = qkit_assessor::model::series::outdated_questionnaires(&kit, records);
    assert_eq!(outdated.len(), 1);
    assert_eq!(
        (
            outdated[0].questionnaire.as_str(),
            outdated[0].version.as_str()
        ),
        ("bis11", "0.9.0")
    );
}

#[test]
fn a_welsh_sitting_notes_each_questionnaire_shown_in_english() {
    use qkit_assessor::model::series::{notes, Note};
    let kit = kit();
    // TSP pre in Welsh: consent and About you have Welsh text; BIS-11 and BSCS do not, so
    // their questions were shown (and each answer recorded) in English.
    let mut r = record(&kit, "A1", Timepoint::Pre, 0);
    r.language = "cy".into();
    for q in &mut r.questionnaires {
        let shown = if ["consent", "about_you"].contains(&q.id.as_str()) {
            "cy"
        } else {
            "en"
        };
        for a in &mut q.answers {
            a.language = shown.into();
        }
    }
    let mut s = RecordSet::new();
    s.add("a.age", r);
    let records = s.get("A1", "tsp").expect("added");
    let language: Vec<(String, Note)> = notes(records)
        .into_iter()
        .filter(|(_, _, n)| matches!(n, Note::Language { .. }))
        .map(|(_, q, n)| (q, n))
        .collect();
    let english = |q: &str| {
        (
            q.to_owned(),
            Note::Language {
                shown: "en".into(),
                sitting: "cy".into(),
            },
        )
    };
    assert_eq!(language, [english("bis11"), english("bscs")]);
}
