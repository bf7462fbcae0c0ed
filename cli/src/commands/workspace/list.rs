//! `qkit workspace list`: what a workspace file holds, in plain lines: each man on each
//! programme with his group (or the waiting list) and every record, its timepoint, the day it
//! was completed, its record id and the file it came from; then the groups and what else was
//! entered.

use super::Opened;
use qkit_cohort::people::{present, record_date};
use qkit_cohort::tracking::placements;
use qkit_cohort::Key;
use std::process::ExitCode;

pub(super) fn run(w: &Opened) -> anyhow::Result<ExitCode> {
    let placed = placements(&w.entries);
    println!(
        "{} record(s); {} man/programme pair(s)",
        w.records.len(),
        w.records.people().count()
    );
    for (participant, programme, by_time) in w.records.people() {
        let group = placed
            .get(&Key::new(participant, programme))
            .map_or("waiting list".to_owned(), |(g, start)| {
                format!("group {g} from {start}")
            });
        println!("{participant} {programme} ({group})");
        for (t, record) in present(by_time) {
            let source = by_time[t as usize]
                .as_ref()
                .map_or("", |i| i.source.as_str());
            let day = record_date(record)
                .map(|d| d.to_string())
                .unwrap_or_default();
            let unfinished = if record.is_unfinished() {
                ", unfinished"
            } else {
                ""
            };
            println!(
                "  {t}: {day}{unfinished}, record {}, from {source}",
                record.record_id
            );
        }
    }
    for g in &w.entries.groups {
        println!(
            "group {} ({}): starts {}, {} member(s)",
            g.id,
            g.programme,
            g.start,
            g.members.len()
        );
    }
    println!(
        "{} staff entr(ies), {} comment(s), {} local file(s); allocation: {}",
        w.entries.staff.len(),
        w.entries.comments.len(),
        w.entries.local_files.len(),
        if w.entries.allocated.is_some() {
            "made"
        } else {
            "none"
        }
    );
    Ok(ExitCode::SUCCESS)
}
