//! Random cohorts for the property tests and the benchmarks: a case is its sizes and a seed.

#![allow(dead_code)]

use qkit_allocation::{
    AllocationInput, Availability, Cohort, Date, Group, Intake, Intensity, Level, ModuleBoundaries,
    Participant, Slot, TimeOfDay, Weekday,
};

/// splitmix64: a tiny deterministic generator, so a case is its seed and sizes.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    pub fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }
}

pub fn today() -> Date {
    Date::parse("2026-11-23").expect("date")
}

fn day(offset: i64) -> Date {
    today().add_days(offset).expect("date in range")
}

const SITES: [&str; 3] = ["site_a", "site_b", "site_c"];
const PROGRAMMES: [&str; 2] = ["tsp", "bbr"];
const COHORTS: [Cohort; 3] = [
    Cohort::General,
    Cohort::DomesticAbuse,
    Cohort::SexualOffence,
];

/// `n_people` waiting participants and `n_groups` groups, drawn from `seed`.
pub fn cohort(n_people: usize, n_groups: usize, seed: u64) -> AllocationInput {
    let mut r = Rng(seed);
    let mut groups = Vec::new();
    for i in 0..n_groups {
        let min = 1 + r.below(8) as u32;
        let members = r.below(6);
        groups.push(Group {
            id: format!("g{i:03}"),
            programme: r.pick(&PROGRAMMES).into(),
            pathway: r.pick(&[Intensity::High, Intensity::Moderate]),
            cohort: r.pick(&COHORTS),
            site: r.pick(&SITES).into(),
            slot: Slot {
                weekday: r.pick(&Weekday::ALL),
                time: r.pick(&[TimeOfDay::Day, TimeOfDay::Evening]),
            },
            start: day(r.below(150) as i64 - 60),
            intake: match r.below(3) {
                0 => Intake::Closed,
                1 => Intake::Rolling(ModuleBoundaries::EveryWeeks(1 + r.below(8) as u32)),
                _ => Intake::Rolling(ModuleBoundaries::Dates(
                    (0..r.below(4))
                        .map(|_| day(r.below(120) as i64 - 30))
                        .collect(),
                )),
            },
            min_size: min,
            max_size: min + r.below(6) as u32,
            adapted: r.chance(15),
            members: (0..members).map(|k| format!("m{i}_{k}")).collect(),
        });
    }
    let member_ids: Vec<String> = groups.iter().flat_map(|g| g.members.clone()).collect();
    let mut people = Vec::new();
    for i in 0..n_people {
        let mut sites: Vec<String> = SITES
            .iter()
            .filter(|_| r.chance(50))
            .map(|s| s.to_string())
            .collect();
        if sites.is_empty() {
            sites.push(r.pick(&SITES).into());
        }
        let mut keep_apart = Vec::new();
        if r.chance(20) {
            for _ in 0..1 + r.below(3) {
                if r.chance(50) || member_ids.is_empty() {
                    keep_apart.push(format!("p{:04}", r.below(n_people)));
                } else {
                    keep_apart.push(member_ids[r.below(member_ids.len())].clone());
                }
            }
        }
        people.push(Participant {
            id: format!("p{i:04}"),
            programme: r.pick(&PROGRAMMES).into(),
            pathway: if r.chance(5) {
                Intensity::NotRecommended
            } else {
                r.pick(&[Intensity::High, Intensity::Moderate])
            },
            cohort: r.pick(&COHORTS),
            need: r.pick(Level::ALL),
            sites,
            availability: r.pick(&[
                Availability::Day,
                Availability::Evening,
                Availability::Either,
            ]),
            weekdays: if r.chance(30) {
                Weekday::ALL
                    .iter()
                    .copied()
                    .filter(|_| r.chance(50))
                    .collect()
            } else {
                vec![]
            },
            in_work: r.chance(30),
            adapted: r.chance(15),
            waiting_since: day(-(r.below(400) as i64)),
            keep_apart,
        });
    }
    AllocationInput {
        participants: people,
        groups,
    }
}
