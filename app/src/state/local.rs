//! Local definition files on the start screen: staff add or remove them, the kit is rebuilt from
//! the shipped files plus the local ones (`local_kit`), and the new kit is used only once it
//! validated and the files are stored. Any problem leaves the kit and the stored files as they
//! were.

use super::*;
use qkit_questionnaires::local_kit::{self, Chosen, LocalFile};
use qkit_questionnaires::DefinitionErrors;

/// The local definition files in use and the last problem with them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LocalView {
    /// The local files the kit in use was loaded with.
    pub files: Vec<LocalFile>,
    pub problem: Option<LocalProblem>,
}

/// Why local definition files were not used.
#[derive(Debug, Clone, PartialEq)]
pub enum LocalProblem {
    /// The chosen files (or the files left after a removal) do not validate: nothing changed.
    Refused(DefinitionErrors),
    /// The local files stored on this device no longer validate: the shipped kit is in use.
    Stored(DefinitionErrors),
    /// The files validated but could not be stored: nothing changed.
    NotSaved(StoreError),
}

impl AppState {
    /// The state with the local files the kit was loaded with, and the problem with the stored
    /// ones, if any.
    pub fn with_local(mut self, files: Vec<LocalFile>, problem: Option<DefinitionErrors>) -> Self {
        self.local = Rc::new(LocalView {
            files,
            problem: problem.map(LocalProblem::Stored),
        });
        self
    }

    pub(super) fn add_local(&mut self, chosen: Vec<(String, Chosen)>) {
        let result = local_kit::add(&self.local.files, chosen);
        self.use_local(result);
    }

    pub(super) fn remove_local(&mut self, name: &str) {
        let result = local_kit::remove(&self.local.files, name);
        self.use_local(result);
    }

    /// Removes the stored local files that no longer validate (the shipped kit is in use).
    pub(super) fn remove_stored_local(&mut self) {
        let problem = self
            .env
            .store
            .set_local_definitions(&[])
            .err()
            .map(LocalProblem::NotSaved);
        self.local = Rc::new(LocalView {
            files: Vec::new(),
            problem,
        });
    }

    fn use_local(&mut self, result: Result<(Kit, Vec<LocalFile>), DefinitionErrors>) {
        let problem = match result {
            Err(errors) => Some(LocalProblem::Refused(errors)),
            Ok((kit, files)) => match self.env.store.set_local_definitions(&files) {
                Err(e) => Some(LocalProblem::NotSaved(e)),
                Ok(()) => {
                    self.kit = Rc::new(kit);
                    self.local = Rc::new(LocalView {
                        files,
                        problem: None,
                    });
                    return;
                }
            },
        };
        Rc::make_mut(&mut self.local).problem = problem;
    }
}
