//! Merging a second workspace file (another site's) into the open workspace, in the reducer. The
//! file opens with the unlocked identity and its records are checked against the kit its own
//! local files make; `model::merge` works out what is taken and what conflicts; the merge screen
//! shows each conflict for the assessor to choose; only when every one is chosen is the merged
//! workspace put in place (its records checked again against the merged kit) and saved like any
//! change. Until then nothing in the workspace changes, and cancelling leaves it as it was.

use super::{FileProblem, State, View};
use crate::browser::files::ReadError;
use crate::model::local::for_workspace;
use crate::model::merge::{plan, Choice, Plan, Side};
use crate::model::workspace::check_records;
use std::rc::Rc;

/// A merge being chosen, or done.
#[derive(Debug, Clone, PartialEq)]
pub struct Merging {
    /// The workspace file's name.
    pub file: String,
    pub plan: Plan,
    /// The assessor's choice for each conflict, in order.
    pub choices: Vec<Option<Choice>>,
    /// Once applied: how many conflicts were resolved each way (kept ours, took theirs, both).
    pub done: Option<[usize; 3]>,
    /// Why the chosen merge could not be applied (nothing changed).
    pub problem: Option<String>,
}

impl Merging {
    /// Whether every conflict is chosen.
    pub fn all_chosen(&self) -> bool {
        self.choices.iter().all(Option::is_some)
    }
}

/// A step of merging.
#[derive(Debug, Clone)]
pub enum MergeAction {
    /// A workspace file to merge was chosen: its name, and its bytes or why they were not read.
    Open {
        name: String,
        read: Result<Vec<u8>, ReadError>,
    },
    /// The choice for conflict `n`.
    Choose(usize, Choice),
    /// Put the merge in place (only when every conflict is chosen).
    Apply,
    /// Leave the merge screen; an unapplied merge is dropped and nothing changes.
    Close,
}

impl State {
    pub(super) fn merge(&mut self, action: MergeAction) {
        match action {
            MergeAction::Open { name, read } => match self.merge_plan(read) {
                Ok(plan) => {
                    let choices = vec![None; plan.conflicts.len()];
                    self.merging = Some(Rc::new(Merging {
                        file: name,
                        plan,
                        choices,
                        done: None,
                        problem: None,
                    }));
                    self.keeping.file = None;
                    self.view = View::Merge;
                }
                Err(problem) => self.keeping.file = Some((name, Err(problem))),
            },
            MergeAction::Choose(n, choice) => {
                if let Some(m) = self.merging.as_mut().filter(|m| m.done.is_none()) {
                    if let Some(slot) = Rc::make_mut(m).choices.get_mut(n) {
                        *slot = Some(choice);
                    }
                }
            }
            MergeAction::Apply => self.apply_merge(),
            MergeAction::Close => {
                self.merging = None;
                self.view = View::Import;
            }
        }
    }

    /// Opens the file to merge and works out the merge with this workspace.
    fn merge_plan(&self, read: Result<Vec<u8>, ReadError>) -> Result<Plan, FileProblem> {
        let file = self.read_workspace_file(read)?;
        let theirs = file.entries.clone();
        let loaded = for_workspace(&theirs.local_files, theirs.rules_file.as_ref())
            .map_err(|refused| FileProblem::Workspace(refused.lines().join("; ")))?;
        let records = file
            .records(&loaded.kit)
            .map_err(|e| FileProblem::Workspace(e.to_string()))?;
        let ours = self.entries();
        Ok(plan(
            Side::new(&ours, &self.records),
            Side::new(&theirs, &records),
        ))
    }

    /// Puts the chosen merge in place and saves it, or says why not (nothing changes then).
    fn apply_merge(&mut self) {
        let Some(m) = self.merging.clone().filter(|m| m.done.is_none()) else {
            return;
        };
        let outcome = m
            .plan
            .resolve(&m.choices)
            .map_err(|e| e.to_string())
            .and_then(|merged| {
                let records = merged.records;
                self.apply(merged.entries, |kit| check_records(kit, &records))?;
                Ok(merged.chosen)
            });
        let merging = Rc::make_mut(self.merging.as_mut().expect("checked above"));
        match outcome {
            Ok(chosen) => {
                merging.done = Some(chosen);
                merging.problem = None;
                self.save(true);
            }
            Err(why) => merging.problem = Some(why),
        }
    }
}
