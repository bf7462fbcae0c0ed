//! Target `allocation_csv`: `participants.csv` and `groups.csv` through their readers with the
//! shipped rules. The first byte picks participants, groups, or both (split at the first NUL
//! byte, then allocated for a fixed day). Every error names its file; an allocation places each
//! participant exactly once, fills no group beyond its maximum, and writes as CSV.

use qkit_allocation::{
    allocate, read_groups, read_participants, write_allocation, AllocationInput, Date, Outcome,
    Rules,
};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The shipped rules, loaded once per process.
pub fn shipped_rules() -> &'static Rules {
    static RULES: OnceLock<Rules> = OnceLock::new();
    RULES.get_or_init(|| Rules::shipped(super::shipped_kit()).expect("the shipped rules are valid"))
}

/// Reads the input as one or both allocation files; checks what an allocation promises.
pub fn check(data: &[u8]) {
    let (which, bytes) = super::selector(data);
    let rules = shipped_rules();
    match which % 3 {
        0 => {
            if let Err(e) = read_participants("participants.csv", &super::text(bytes), rules) {
                super::assert_message(&e, Some("participants.csv: "));
            }
        }
        1 => {
            if let Err(e) = read_groups("groups.csv", &super::text(bytes), rules) {
                super::assert_message(&e, Some("groups.csv: "));
            }
        }
        _ => {
            let split = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
            let (p, g) = bytes.split_at(split);
            let g = g.get(1..).unwrap_or_default();
            let participants = read_participants("participants.csv", &super::text(p), rules);
            let groups = read_groups("groups.csv", &super::text(g), rules);
            if let (Ok(participants), Ok(groups)) = (participants, groups) {
                allocates_everyone_once(AllocationInput {
                    participants,
                    groups,
                });
            }
        }
    }
}

fn allocates_everyone_once(input: AllocationInput) {
    let today = Date::from_ymd(2026, 11, 23).expect("a real date");
    let allocation = match allocate(&input, today) {
        Ok(a) => a,
        Err(e) => {
            super::assert_message(&e, None);
            return;
        }
    };
    let placed: Vec<&str> = allocation
        .assignments
        .iter()
        .map(|a| a.participant.as_str())
        .collect();
    let waiting: Vec<&str> = input.participants.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(placed, waiting, "every participant once, in input order");
    let mut size: BTreeMap<&str, usize> = input
        .groups
        .iter()
        .map(|g| (g.id.as_str(), g.members.len()))
        .collect();
    for a in &allocation.assignments {
        if let Outcome::Group { group, .. } = &a.outcome {
            *size
                .get_mut(group.as_str())
                .unwrap_or_else(|| panic!("placed in unknown group {group}")) += 1;
        }
    }
    for g in &input.groups {
        let joined = size[g.id.as_str()] - g.members.len();
        assert!(
            joined == 0 || size[g.id.as_str()] <= g.max_size as usize,
            "group {} over its maximum",
            g.id
        );
    }
    let csv = write_allocation(&allocation);
    assert!(csv.starts_with("group,participant,start,delivery,reasons"));
}
