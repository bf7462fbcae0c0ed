//! The allocation verbs of the assessor's reducer: allocate every waiting participant, and move
//! one by hand with a reason. The rules are qkit-allocation's; this keeps their results.
//! Allocating again first makes every man the previous allocation placed who has started his
//! group (a result from part-way or after) one of its members (qkit-cohort's `keep_started`).

use super::{Allocated, State};
use crate::model::allocation_check::{keep_started, merge_listed, Used};
use crate::model::staff::participant;
use qkit_allocation::{allocate, move_by_hand, AllocationInput, Date, MoveTarget};
use std::rc::Rc;

impl State {
    pub(super) fn allocate(&mut self, today: Date, now_ms: fn() -> f64) {
        let started = now_ms();
        if let Some(previous) = &self.allocated {
            let (groups, added) = keep_started(&self.groups, &previous.allocation, &self.table);
            if !added.is_empty() {
                self.groups = Rc::new(groups);
            }
        }
        let mut participants = Vec::new();
        let mut not_ready = Vec::new();
        for key in self.waiting() {
            let Some(records) = self.records.get(&key.participant, &key.programme) else {
                continue;
            };
            match participant(&self.rules, &key, records, &self.staff_entry(&key)) {
                Ok(p) => participants.push(p),
                Err(why) => not_ready.push((key, why)),
            }
        }
        let waiting: Vec<_> = not_ready.iter().map(|(k, _)| k.clone()).collect();
        let (participants, merged) = merge_listed(participants, &waiting, &self.listed);
        // A man the file lists is no longer waiting for his entries here.
        not_ready.retain(|(k, _)| {
            !merged
                .iter()
                .any(|m| m.used == Used::File && m.participant == k.participant)
        });
        let input = AllocationInput {
            participants,
            groups: (*self.groups).clone(),
        };
        match allocate(&input, today) {
            Ok(allocation) => {
                self.allocated = Some(Rc::new(Allocated {
                    input,
                    allocation,
                    not_ready,
                    merged,
                    ms: now_ms() - started,
                    rules_changed: false,
                }));
                self.allocation_problem = None;
            }
            Err(e) => {
                self.allocated = None;
                self.allocation_problem = Some(e.to_string());
            }
        }
    }

    pub(super) fn move_by_hand(&mut self, participant: &str, target: &MoveTarget, reason: &str) {
        let Some(allocated) = &self.allocated else {
            return;
        };
        match move_by_hand(
            &allocated.input,
            &allocated.allocation,
            participant,
            target,
            reason,
        ) {
            Ok(moved) => {
                let mut next = (**allocated).clone();
                next.allocation = moved.allocation;
                self.allocated = Some(Rc::new(next));
                self.allocation_problem = None;
            }
            Err(e) => self.allocation_problem = Some(e.to_string()),
        }
    }
}
