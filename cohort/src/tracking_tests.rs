//! Tracking: hand-worked cases of each rule, then a generated cohort of 240 men whose table must
//! match what the generator made, timepoint by timepoint.

use super::*;
use crate::generate::{self, day, Planned, TODAY};
use qkit_export::record_set::{Added, RecordSet};

fn status(t: &Tracking, who: &str) -> [Status; 3] {
    t.rows
        .iter()
        .find(|r| r.key.participant == who)
        .map(|r| r.status)
        .expect("he is in the table")
}

#[test]
fn each_rule_by_hand() {
    // TSP with mid at week 6 and post at week 12 (generate::kit). Today 2027-06-01.
    let kit = generate::kit();
    let today = day(TODAY);
    let mut entries = generate::cohort(0, 1).entries;
    entries.groups[0].members = vec!["A".into()]; // "past": started 2027-01-04
    entries.groups[1].members = vec!["B".into()]; // "running": started 2027-04-26
    let mut records = RecordSet::new();
    let pre = generate::record(&kit, "A", Timepoint::Pre, 0, day("2027-01-02"), "a-pre");
    records.add("a.age", pre);
    let waiting = generate::record(&kit, "W", Timepoint::Pre, 0, day("2027-05-20"), "w-pre");
    records.add("w.age", waiting);
    let table = tracking(&kit, &records, &entries, today);
    // A: pre done 2 January; mid was due 4 Jan + 42 days = 15 Feb, 106 days ago; post 29 Mar, 64.
    assert_eq!(
        status(&table, "A"),
        [
            Status::Done(day("2027-01-02")),
            Status::Overdue {
                due: day("2027-02-15"),
                days: 106
            },
            Status::Overdue {
                due: day("2027-03-29"),
                days: 64
            },
        ]
    );
    // B: no pre, due on his start 26 Apr (36 days ago); mid 7 June and post 19 July to come.
    assert_eq!(
        status(&table, "B"),
        [
            Status::Overdue {
                due: day("2027-04-26"),
                days: 36
            },
            Status::Due(day("2027-06-07")),
            Status::Due(day("2027-07-19")),
        ]
    );
    // W: no group; pre done; mid and post not expected yet.
    assert_eq!(
        status(&table, "W"),
        [
            Status::Done(day("2027-05-20")),
            Status::NotExpected,
            Status::NotExpected
        ]
    );
    assert_eq!(table.rows[0].cohort, Cohort::Group("past".into()));
    assert_eq!(table.rows[2].cohort, Cohort::Waiting);
    let needs_post: Vec<&str> = table
        .filtered(Filter::StillNeeds(Timepoint::Post))
        .map(|r| r.key.participant.as_str())
        .collect();
    assert_eq!(needs_post, ["A", "B"]);
    // The shipped kit leaves TSP's length to the organisation: no mid or post due date.
    let shipped = Kit::shipped_with_assessor().expect("shipped kit");
    let unset = tracking(&shipped, &records, &entries, today);
    assert_eq!(
        status(&unset, "B"),
        [
            Status::Overdue {
                due: day("2027-04-26"),
                days: 36
            },
            Status::NoDueDate,
            Status::NoDueDate,
        ]
    );
    // A man with no record and no group, known from a staff entry: pre due today.
    entries
        .staff
        .insert(Key::new("S", "tsp"), Default::default());
    let table = tracking(&kit, &records, &entries, today);
    assert_eq!(
        status(&table, "S"),
        [Status::Due(today), Status::NotExpected, Status::NotExpected]
    );
}

/// What the table must say for a timepoint the generator left without a file, by cohort (the
/// dates worked by hand from the groups' starts in [`generate::GROUPS`], weeks 6 and 12).
fn missing(cohort: &Cohort, t: Timepoint) -> Status {
    let overdue = |due: &str, days| Status::Overdue {
        due: day(due),
        days,
    };
    let due = |d: &str| Status::Due(day(d));
    match (cohort, t) {
        (Cohort::Waiting, Timepoint::Pre) => Status::Due(day(TODAY)),
        (Cohort::Waiting, _) => Status::NotExpected,
        (Cohort::OneToOne | Cohort::NotRecommended, _) => {
            panic!("the generator makes no allocation, so nobody is 1:1 or not recommended")
        }
        (Cohort::Group(g), t) => match (g.as_str(), t) {
            ("past", Timepoint::Pre) => overdue("2027-01-04", 148),
            ("past", Timepoint::Mid) => overdue("2027-02-15", 106),
            ("past", Timepoint::Post) => overdue("2027-03-29", 64),
            ("running", Timepoint::Pre) => overdue("2027-04-26", 36),
            ("running", Timepoint::Mid) => due("2027-06-07"),
            ("running", Timepoint::Post) => due("2027-07-19"),
            ("coming", Timepoint::Pre) => due("2027-06-14"),
            ("coming", Timepoint::Mid) => due("2027-07-26"),
            _ => due("2027-09-06"),
        },
    }
}

#[test]
fn a_generated_cohort_of_240_men_is_tracked_as_it_was_made() {
    let made = generate::cohort(240, 17);
    let kit = generate::kit();
    let mut records = RecordSet::new();
    let (mut new, mut again, mut conflicts) = (0, 0, 0);
    for (name, record) in &made.files {
        match records.add(name, record.clone()) {
            Added::New => new += 1,
            Added::Again { .. } => again += 1,
            Added::Beside { .. } => conflicts += 1,
            Added::Finished { .. } => panic!("the generator makes no unfinished record"),
        }
    }
    let done: usize = made
        .planned
        .iter()
        .map(|p| p.done.iter().flatten().count())
        .sum();
    let copies: usize = made.planned.iter().map(|p| p.copies).sum();
    let sat_again: usize = made.planned.iter().map(|p| p.again).sum();
    assert_eq!((new, again, conflicts), (done, copies, sat_again));
    assert!(
        done > 300 && copies > 25 && sat_again >= 10,
        "{done} {copies} {sat_again}"
    );
    let table = tracking(&kit, &records, &made.entries, day(TODAY));
    // Men with no file and no group are not in the workspace; everyone else is, once.
    let known: Vec<&Planned> = made
        .planned
        .iter()
        .filter(|p| p.cohort != Cohort::Waiting || p.done.iter().any(Option::is_some))
        .collect();
    assert_eq!(table.rows.len(), known.len());
    assert!(table.rows.len() >= 200);
    for p in known {
        let row = table.row(&p.key).expect("in the table");
        assert_eq!(row.cohort, p.cohort, "{}", p.key.participant);
        for t in Timepoint::ALL {
            let want = p.done[t as usize].map_or_else(|| missing(&p.cohort, t), Status::Done);
            assert_eq!(row.status[t as usize], want, "{} at {t}", p.key.participant);
        }
    }
    let post = table.counts(Timepoint::Post);
    let still = table.filtered(Filter::StillNeeds(Timepoint::Post)).count();
    assert_eq!(still, post.due + post.overdue + post.no_due_date);
    assert!(post.done > 0 && post.due > 0 && post.overdue > 0 && post.not_expected > 0);
}

/// A local batteries file's schedule is checked when the kit loads (qkit-questionnaires'
/// `schedule` feature, on for this crate through qkit-export's `open`).
#[test]
fn a_schedule_is_read_and_checked_from_batteries_json() {
    const SHIPPED: &str = include_str!("../../questionnaires/batteries.json");
    let with = |schedule: &str| {
        let text = SHIPPED.replacen(
            "{\n        \"set_by\": \"organisation\"\n      }",
            schedule,
            1,
        );
        let mut sources = qkit_questionnaires::KitSources::shipped_with_assessor();
        sources.batteries = ("batteries.json", Box::leak(text.into_boxed_str()));
        Kit::load(&sources)
    };
    let kit = with(r#"{"set_by": "published", "mid_week": 8, "post_week": 16, "source": "S"}"#)
        .expect("a valid schedule");
    let tsp = kit.programme("tsp").expect("TSP");
    assert_eq!(
        tsp.schedule.weeks(),
        Some(qkit_questionnaires::schedule::Weeks { mid: 8, post: 16 })
    );
    for bad in [
        r#"{"set_by": "published", "mid_week": 16, "post_week": 8, "source": "S"}"#,
        r#"{"set_by": "estimate", "mid_week": 6, "post_week": 12}"#,
        r#"{"set_by": "organisation", "mid_week": 6}"#,
        r#"{"set_by": "guess"}"#,
        r#"{"set_by": "estimate", "mid_week": 6, "post_week": 12, "source": " "}"#,
    ] {
        let errors = with(bad).expect_err(bad).to_string();
        assert!(
            errors.contains("$.programmes[0].schedule"),
            "{bad}: {errors}"
        );
    }
    assert_eq!(
        Kit::shipped_with_assessor()
            .expect("shipped")
            .programme("tsp")
            .map(|p| &p.schedule),
        Some(&qkit_questionnaires::schedule::Schedule::Organisation)
    );
}
