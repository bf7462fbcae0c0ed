//! Local definition files and a local rules file in the assessor's reducer: taken only while
//! no result is held, checked against the kit by `model::local` and `model::rules_file`.

use super::State;
use crate::browser::files::ReadError;
use crate::model::cohort;
use crate::model::{local, rules_file};
use qkit_questionnaires::local_kit::Chosen;
use std::rc::Rc;

impl State {
    /// Rebuilds the kit with the chosen local files, or keeps everything and says why not.
    pub(super) fn add_local(&mut self, chosen: Vec<(String, Chosen)>) {
        let held = !self.records.is_empty() || self.import.running.is_some();
        let local = Rc::make_mut(&mut self.local);
        match local::add(&local.files, local.rules_file.as_ref(), chosen, held) {
            Ok(loaded) => {
                self.kit = Rc::new(loaded.kit);
                self.rules = Rc::new(loaded.rules);
                self.table = Rc::new(cohort::table(&self.kit, &self.records));
                local.files = loaded.files;
                local.problem = None;
            }
            Err(refused) => local.problem = Some(refused),
        }
    }

    /// Uses the chosen rules file in place of the rules in use, or keeps everything and says why
    /// not.
    pub(super) fn load_rules(&mut self, name: &str, read: Result<Vec<u8>, ReadError>) {
        let held = !self.records.is_empty() || self.import.running.is_some();
        let local = Rc::make_mut(&mut self.local);
        match rules_file::load(&self.kit, name, read, held) {
            Ok((file, rules)) => {
                self.rules = Rc::new(rules);
                local.rules_file = Some(file);
                local.rules_problem = None;
            }
            Err(refused) => local.rules_problem = Some(refused),
        }
    }
}
