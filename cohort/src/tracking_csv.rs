//! The tracking table as CSV (`qkit workspace tracking`): one row per man on a programme, the
//! same rows and statuses as the assessor's tracking screen.
//!
//! Columns: `participant,programme,group,first_session`, then for each of pre, mid and post
//! `{t}_status` (`done`, `due`, `overdue`, `no_due_date`, `not_expected`) and `{t}_date` (the day
//! it was done, or the day it is or was due; empty otherwise), then `{t}_days_overdue`; last,
//! `cohort` (`group`, `one_to_one`, `not_recommended` or `waiting`: added at the end, so files
//! read by column position before it still read the same). Text cells a spreadsheet would run as a formula are escaped
//! ([`qkit_scoring::csv_rows::spreadsheet_safe`]).

use crate::tracking::{Cohort, Status, Tracking};
use qkit_questionnaires::Timepoint;
use qkit_scoring::csv_rows::spreadsheet_safe;

/// The header row.
pub fn tracking_columns() -> Vec<String> {
    let mut cols: Vec<String> = ["participant", "programme", "group", "first_session"]
        .map(str::to_owned)
        .to_vec();
    for t in Timepoint::ALL {
        for c in ["status", "date", "days_overdue"] {
            cols.push(format!("{t}_{c}"));
        }
    }
    cols.push("cohort".to_owned());
    cols
}

/// A status as (word, date, days overdue).
fn cells(s: Status) -> [String; 3] {
    match s {
        Status::Done(d) => ["done".into(), d.to_string(), String::new()],
        Status::Due(d) => ["due".into(), d.to_string(), String::new()],
        Status::Overdue { due, days } => ["overdue".into(), due.to_string(), days.to_string()],
        Status::NoDueDate => ["no_due_date".into(), String::new(), String::new()],
        Status::NotExpected => ["not_expected".into(), String::new(), String::new()],
    }
}

/// The whole table as CSV text.
pub fn tracking_csv(table: &Tracking) -> String {
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(tracking_columns())
        .expect("CSV to memory cannot fail");
    for row in &table.rows {
        let (group, cohort) = match &row.cohort {
            Cohort::Group(g) => (spreadsheet_safe(g), "group"),
            Cohort::OneToOne => (String::new(), "one_to_one"),
            Cohort::NotRecommended => (String::new(), "not_recommended"),
            Cohort::Waiting => (String::new(), "waiting"),
        };
        let mut record = vec![
            spreadsheet_safe(&row.key.participant),
            spreadsheet_safe(&row.key.programme),
            group,
            row.start.map(|d| d.to_string()).unwrap_or_default(),
        ];
        record.extend(row.status.iter().flat_map(|s| cells(*s)));
        record.push(cohort.to_owned());
        out.write_record(record).expect("CSV to memory cannot fail");
    }
    String::from_utf8(out.into_inner().expect("CSV to memory cannot fail"))
        .expect("the cells are UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tracking::Row;
    use crate::Key;
    use qkit_allocation::Date;

    #[test]
    fn each_status_is_written_with_its_date() {
        let d = |s: &str| Date::parse(s).expect("a valid date");
        let one_to_one = Row {
            key: Key::new("B2", "tsp"),
            cohort: Cohort::OneToOne,
            start: None,
            status: [
                Status::Done(d("2027-01-03")),
                Status::NoDueDate,
                Status::NoDueDate,
            ],
        };
        let table = Tracking {
            rows: vec![
                Row {
                    key: Key::new("A1", "tsp"),
                    cohort: Cohort::Group("=g".into()),
                    start: Some(d("2027-01-04")),
                    status: [
                        Status::Done(d("2027-01-02")),
                        Status::Overdue {
                            due: d("2027-02-15"),
                            days: 106,
                        },
                        Status::NoDueDate,
                    ],
                },
                one_to_one,
            ],
        };
        assert_eq!(
            tracking_csv(&table),
            "participant,programme,group,first_session,pre_status,pre_date,pre_days_overdue,\
             mid_status,mid_date,mid_days_overdue,post_status,post_date,post_days_overdue,cohort\n\
             A1,tsp,'=g,2027-01-04,done,2027-01-02,,overdue,2027-02-15,106,no_due_date,,,group\n\
             B2,tsp,,,done,2027-01-03,,no_due_date,,,no_due_date,,,one_to_one\n"
        );
    }
}
