//! `qkit workspace list`: what a workspace file holds, in plain lines: each man on each
//! programme with his group (or 1:1, not recommended, or the waiting list) and every record, its
//! timepoint, the day it was completed, the laptop that wrote it (its device id), its record id,
//! the file it came from with its content id, and whether it is in use or kept beside another;
//! then the records by laptop and day as the import screen lists them
//! (`qkit_cohort::reconcile::by_device_and_date`), the groups and what else was entered.

use super::Opened;
use crate::words::counted;
use qkit_cohort::people::{present, record_date};
use qkit_cohort::reconcile::{by_device_and_date, Batch};
use qkit_cohort::tracking::{placements, Cohort, Place};
use qkit_cohort::Key;
use qkit_export::record_set::short_id;
use std::process::ExitCode;

pub(super) fn run(w: &Opened) -> anyhow::Result<ExitCode> {
    let placed = placements(&w.entries);
    println!(
        "{}; {}",
        counted(w.records.len(), "record", "records"),
        counted(
            w.records.people().count(),
            "man/programme pair",
            "man/programme pairs"
        )
    );
    for (participant, programme, by_time) in w.records.people() {
        let group = match placed.get(&Key::new(participant, programme)) {
            Some(Place {
                cohort: Cohort::Group(g),
                start: Some(start),
            }) => format!("group {g} from {start}"),
            Some(Place {
                cohort: Cohort::Group(g),
                start: None,
            }) => format!("group {g}"),
            Some(Place {
                cohort: Cohort::OneToOne,
                ..
            }) => "1:1".to_owned(),
            Some(Place {
                cohort: Cohort::NotRecommended,
                ..
            }) => "not recommended for a group programme".to_owned(),
            _ => "waiting list".to_owned(),
        };
        println!("{participant} {programme} ({group})");
        for (t, _) in present(by_time) {
            let in_use = by_time[t as usize].iter();
            let beside = w.records.beside(participant, programme, t).iter();
            for (n, i) in in_use.chain(beside).enumerate() {
                let day = record_date(&i.record)
                    .map(|d| d.to_string())
                    .unwrap_or_default();
                let unfinished = if i.record.is_unfinished() {
                    ", unfinished"
                } else {
                    ""
                };
                let content = i
                    .content
                    .as_deref()
                    .map_or(String::new(), |c| format!(", content {}", short_id(c)));
                let used = if n == 0 { "in use" } else { "kept beside" };
                let laptop = i.record.device.as_deref().map_or_else(
                    || format!("device not recorded (qkit {})", i.record.kit_version),
                    |d| format!("laptop {d}"),
                );
                println!(
                    "  {t}: {day}{unfinished}, {laptop}, record {}, from {}{content} ({used})",
                    i.record.record_id, i.source
                );
            }
        }
    }
    println!("by laptop and day:");
    for b in by_device_and_date(&w.records) {
        println!("  {}", batch_line(&b));
    }
    for g in &w.entries.groups {
        println!(
            "group {} ({}): starts {}, {}",
            g.id,
            g.programme,
            g.start,
            counted(g.members.len(), "member", "members")
        );
    }
    println!(
        "{}, {}, {}; allocation: {}",
        counted(w.entries.staff.len(), "staff entry", "staff entries"),
        counted(w.entries.comments.len(), "comment", "comments"),
        counted(w.entries.local_files.len(), "local file", "local files"),
        if w.entries.allocated.is_some() {
            "made"
        } else {
            "none"
        }
    );
    Ok(ExitCode::SUCCESS)
}

/// A batch as one line: `laptop K7QD-2MXA (qkit 0.1.0), 2027-01-12: 5 records`.
fn batch_line(b: &Batch<'_>) -> String {
    let laptop = b
        .device
        .map_or("device not recorded".to_owned(), |d| format!("laptop {d}"));
    let day = b.date.map(|d| d.to_string()).unwrap_or_default();
    format!(
        "{laptop} (qkit {}), {day}: {}",
        b.kit_versions.join(", "),
        counted(b.sittings.len(), "record", "records")
    )
}
