//! Local definition files and a local rules file in the assessor's reducer, taken at any time:
//! a new kit (files added or one removed) only when every held record still fits it, checked by
//! `model::local`; a rules file checked against the kit by `model::rules_file`. New rules mark an
//! allocation made before them out of date.

use super::State;
use crate::browser::files::ReadError;
use crate::model::cohort;
use crate::model::local::{self, Loaded, Refused};
use crate::model::rules_file;
use qkit_allocation::Rules;
use qkit_questionnaires::local_kit::Chosen;
use std::rc::Rc;

impl State {
    /// Rebuilds the kit with the chosen local files, or keeps everything and says why not.
    pub(super) fn add_local(&mut self, chosen: Vec<(String, Chosen)>) {
        if self.import.running.is_some() {
            return;
        }
        let local = &self.local;
        let result = local::add(
            &local.files,
            local.rules_file.as_ref(),
            chosen,
            &self.records,
        );
        self.use_local(result);
    }

    /// Rebuilds the kit without the local file `name`, or keeps everything and says why not.
    pub(super) fn remove_local(&mut self, name: &str) {
        if self.import.running.is_some() {
            return;
        }
        let local = &self.local;
        let result = local::remove(&local.files, local.rules_file.as_ref(), name, &self.records);
        self.use_local(result);
    }

    fn use_local(&mut self, result: Result<Loaded, Refused>) {
        match result {
            Ok(loaded) => {
                self.kit = Rc::new(loaded.kit);
                self.use_rules(loaded.rules);
                self.table = Rc::new(cohort::table(&self.kit, &self.records));
                let local = Rc::make_mut(&mut self.local);
                local.files = loaded.files;
                local.problem = None;
            }
            Err(refused) => Rc::make_mut(&mut self.local).problem = Some(refused),
        }
    }

    /// Uses the chosen rules file in place of the rules in use, or keeps everything and says why
    /// not.
    pub(super) fn load_rules(&mut self, name: &str, read: Result<Vec<u8>, ReadError>) {
        match rules_file::load(&self.kit, name, read) {
            Ok((file, rules)) => {
                self.use_rules(rules);
                let local = Rc::make_mut(&mut self.local);
                local.rules_file = Some(file);
                local.rules_problem = None;
            }
            Err(refused) => Rc::make_mut(&mut self.local).rules_problem = Some(refused),
        }
    }

    /// Puts `rules` in use; an allocation made with other rules is out of date from now on.
    fn use_rules(&mut self, rules: Rules) {
        if rules == *self.rules {
            return;
        }
        self.rules = Rc::new(rules);
        if let Some(allocated) = self.allocated.as_mut() {
            Rc::make_mut(allocated).rules_changed = true;
        }
    }
}
