//! The assessor's choice of which record to use where a man's timepoint has more than one: the
//! chosen record is put in use (the other kept beside it), the cohort table follows, and the
//! choice is an entry saved in the workspace (`model::reconcile`), applied again when the
//! workspace reopens.

use super::State;
use crate::model::cohort;
use crate::model::reconcile::{apply, with_choice, Choice};
use std::rc::Rc;

impl State {
    /// Puts the chosen record in use and keeps the choice.
    pub(super) fn use_record(&mut self, choice: Choice) {
        let chosen = with_choice(&self.chosen, choice);
        let mut records = (*self.records).clone();
        apply(&mut records, &chosen);
        self.table = Rc::new(cohort::table(&self.kit, &records));
        self.records = Rc::new(records);
        self.chosen = Rc::new(chosen);
    }
}
