//! A generated cohort for tests (feature `generate`): hundreds of men on TSP in four cohorts (a
//! group that has finished, one running, one not yet started, and the waiting list), each with
//! pre, mid and post files made or left missing, some imported twice, some sat again later, and
//! some sat late, drawn from a seeded RNG so every run makes the same cohort. What it made is
//! returned with it ([`Planned`]), so a test compares what qkit shows with what was made. Each
//! man sits on one of four laptops ([`LAPTOPS`]); files sat before [`DEVICE_IDS_FROM`] come from
//! the qkit before device ids ([`OLDER_KIT`]) and name no laptop.
//!
//! Records are the example TSP record (`docs/examples/record.json`) under another reference and
//! timepoint, answers moved within each item's options and every report scored again, so each
//! is valid for the shipped kit.

use crate::tracking::Cohort;
use crate::workspace::Entries;
use crate::Key;
use qkit_allocation::{
    Cohort as Offence, Date, Group, Intake, Intensity, Slot, TimeOfDay, Weekday,
};
use qkit_export::{ResultRecord, Timestamp};
use qkit_questionnaires::schedule::{Schedule, Weeks};
use qkit_questionnaires::{Kit, Timepoint};
use qkit_scoring::Answer;
use rand_chacha::rand_core::{RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;

const EXAMPLE: &str = include_str!("../../docs/examples/record.json");

/// The day the generated cohort is looked at.
pub const TODAY: &str = "2027-06-01";

/// The groups: id and first session. "past" has finished (mid and post due dates before
/// [`TODAY`]), "running" started five weeks before it (pre overdue if missing, mid and post still
/// to come), "coming" starts after it.
pub const GROUPS: [(&str, &str); 3] = [
    ("past", "2027-01-04"),
    ("running", "2027-04-26"),
    ("coming", "2027-06-14"),
];

/// The laptops' device ids: man number `i` sits on `LAPTOPS[i % 4]`.
pub const LAPTOPS: [&str; 4] = ["3FJR-9WEN", "K7QD-2MXA", "P0HT-6BKC", "XV1M-4ZGS"];

/// The first day the laptops' qkit recorded their device id; files sat before it name none.
pub const DEVICE_IDS_FROM: &str = "2027-01-11";

/// The qkit version of the files sat before [`DEVICE_IDS_FROM`].
pub const OLDER_KIT: &str = "0.0.9";

/// The schedule the generated cohort's kit gives TSP: mid at week 6, post at week 12. A test
/// figure only; the shipped kit leaves TSP's length to the organisation.
pub const TEST_WEEKS: Weeks = Weeks { mid: 6, post: 12 };

/// The shipped kit (with the assessor's strings), TSP given [`TEST_WEEKS`].
pub fn kit() -> Kit {
    let mut kit = Kit::shipped_with_assessor().expect("the shipped definitions are valid");
    for p in kit.programmes.iter_mut().filter(|p| p.id == "tsp") {
        p.schedule = Schedule::Estimate {
            weeks: TEST_WEEKS,
            basis: "test figures".into(),
        };
    }
    kit
}

/// A day as a [`Date`] (the generator's own constants are valid).
pub fn day(s: &str) -> Date {
    Date::parse(s).expect("a valid date")
}

/// What the generator made for one man.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    pub key: Key,
    pub cohort: Cohort,
    /// The day of the first file made at each timepoint, if any.
    pub done: [Option<Date>; 3],
    /// Files of the same record imported again.
    pub copies: usize,
    /// Different records sat again later at a timepoint already done.
    pub again: usize,
}

/// A generated cohort: the files in import order (name, record), the workspace's entries (the
/// groups with their members) and what was planned.
pub struct Generated {
    pub files: Vec<(String, ResultRecord)>,
    pub entries: Entries,
    pub planned: Vec<Planned>,
}

/// A valid TSP record for `participant` at `t`, completed on `day`, answers moved by `shift`,
/// with record id `id`.
pub fn record(
    kit: &Kit,
    participant: &str,
    t: Timepoint,
    shift: i32,
    day: Date,
    id: &str,
) -> ResultRecord {
    let mut r = ResultRecord::from_json(EXAMPLE.as_bytes()).expect("the example parses");
    r.participant = participant.to_owned();
    r.record_id = id.to_owned();
    r.timepoint = t;
    let pre = std::mem::take(&mut r.questionnaires);
    for q in kit.battery("tsp", t).expect("TSP has every battery") {
        let mut result = pre
            .iter()
            .find(|p| p.id == q.id)
            .cloned()
            .unwrap_or_else(|| {
                // feedback (post only): built from another result so every field keeps its default.
                let mut x = pre[0].clone();
                x.id = q.id.clone();
                x.version = q.version.clone();
                x.content_hash = q.content_hash.clone();
                x.answers = Vec::new();
                x
            });
        if q.is_scored() {
            for a in &mut result.answers {
                let item = q.item(&a.item).expect("the example's items exist");
                if let Answer::Value(v) = a.answer {
                    let (min, max) = (item.response_scale.min, item.response_scale.max);
                    a.answer = Answer::Value((v + shift).clamp(min, max));
                }
            }
        }
        result.report = Some(result.score(q).expect("the answers fit"));
        r.questionnaires.push(result);
    }
    let later = day.days_since(self::day("2026-11-23")) * 86_400_000;
    let move_on = |t: &mut Timestamp| t.0 += later;
    for s in &mut r.sittings {
        move_on(&mut s.started_at);
        s.ended_at.as_mut().map(move_on);
    }
    for a in r
        .questionnaires
        .iter_mut()
        .flat_map(|q| q.answers.iter_mut())
    {
        move_on(&mut a.answered_at);
        a.history
            .iter_mut()
            .for_each(|h| move_on(&mut h.answered_at));
    }
    r.consent.at.as_mut().map(move_on);
    r.completed_at.as_mut().map(move_on);
    r
}

/// A closed TSP moderate group at site_a on Mondays, 1 to 1000, starting on `start`.
pub fn group(id: &str, start: &str, members: Vec<String>) -> Group {
    Group {
        id: id.into(),
        programme: "tsp".into(),
        pathway: Intensity::Moderate,
        cohort: Offence::General,
        site: "site_a".into(),
        slot: Slot {
            weekday: Weekday::Mon,
            time: TimeOfDay::Day,
        },
        start: day(start),
        intake: Intake::Closed,
        min_size: 1,
        max_size: 1000,
        adapted: false,
        members,
    }
}

/// A chance of `percent` in 100.
fn chance(rng: &mut ChaCha8Rng, percent: u32) -> bool {
    rng.next_u32() % 100 < percent
}

/// `men` men on TSP from `seed`. Each man's cohort is drawn at random: half in "past", a sixth
/// each in "running", "coming" and the waiting list. Files made: in "past", each timepoint 80 in 100, sat on its due date plus
/// 0–20 days (late when more than 7); in "running", pre only (80 in 100); in "coming" and the
/// waiting list, pre only (50 in 100), sat up to 60 days before [`TODAY`]. Of the files made,
/// 10 in 100 are imported twice and 5 in 100 are followed by a second sitting 14 days later.
pub fn cohort(men: usize, seed: u64) -> Generated {
    let kit = kit();
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let today = day(TODAY);
    let mut members: [Vec<String>; 3] = Default::default();
    let (mut files, mut planned) = (Vec::new(), Vec::new());
    for i in 0..men {
        let who = format!("M{i:04}");
        // Half in the finished group (the only one with all three timepoints due), a sixth each in
        // the others and on the waiting list.
        let pick = [0, 0, 0, 1, 2, 3][(rng.next_u32() % 6) as usize];
        let cohort = GROUPS
            .get(pick)
            .map_or(Cohort::Waiting, |(g, _)| Cohort::Group((*g).to_owned()));
        let mut plan = Planned {
            key: Key::new(&who, "tsp"),
            cohort,
            done: [None; 3],
            copies: 0,
            again: 0,
        };
        for t in Timepoint::ALL {
            let (percent, sat) = match (pick, t) {
                (0, _) => {
                    let start = day(GROUPS[0].1);
                    let weeks = [0, TEST_WEEKS.mid, TEST_WEEKS.post][t as usize];
                    let late = i64::from(rng.next_u32() % 21);
                    (80, start.add_days(7 * i64::from(weeks) + late))
                }
                (1, Timepoint::Pre) => (
                    80,
                    day(GROUPS[1].1).add_days(-i64::from(rng.next_u32() % 10)),
                ),
                (_, Timepoint::Pre) if pick != 1 => {
                    (50, today.add_days(-1 - i64::from(rng.next_u32() % 60)))
                }
                _ => (0, None),
            };
            let Some(sat) = sat.filter(|_| chance(&mut rng, percent)) else {
                continue;
            };
            let shift = (rng.next_u32() % 3) as i32;
            let on_laptop = |mut r: ResultRecord, day: Date| {
                if day < self::day(DEVICE_IDS_FROM) {
                    (r.device, r.kit_version) = (None, OLDER_KIT.into());
                } else {
                    r.device = Some(LAPTOPS[i % LAPTOPS.len()].into());
                }
                r
            };
            let first = on_laptop(
                record(&kit, &who, t, shift, sat, &format!("{who}-{t}")),
                sat,
            );
            files.push((format!("{who}-{t}.age"), first.clone()));
            plan.done[t as usize] = Some(sat);
            if chance(&mut rng, 10) {
                files.push((format!("{who}-{t}-copy.age"), first));
                plan.copies += 1;
            }
            if chance(&mut rng, 5) {
                let later = sat.add_days(14).expect("a date in range");
                let again = record(&kit, &who, t, shift + 1, later, &format!("{who}-{t}-again"));
                let again = on_laptop(again, later);
                files.push((format!("{who}-{t}-again.age"), again));
                plan.again += 1;
            }
        }
        if let Some(list) = members.get_mut(pick) {
            list.push(who);
        }
        planned.push(plan);
    }
    let [past, running, coming] = members;
    let entries = Entries {
        groups: vec![
            group(GROUPS[0].0, GROUPS[0].1, past),
            group(GROUPS[1].0, GROUPS[1].1, running),
            group(GROUPS[2].0, GROUPS[2].1, coming),
        ],
        ..Entries::default()
    };
    Generated {
        files,
        entries,
        planned,
    }
}
