//! The workspace in the assessor's reducer: reopened when an identity is unlocked, and saved
//! after every change before the next screen shows it. The parts and their format are
//! `model::workspace`; the sealed storage is `browser::workspace`. A workspace that cannot be
//! opened is never saved over; a failed save is shown (and the leave-page warning is on) until
//! a later save succeeds.

use super::{LocalView, State};
use crate::browser::workspace::{WorkspaceStore, KEY_LABEL};
use crate::model::cohort;
use crate::model::local;
use crate::model::workspace::{
    entries_json, read_entries, read_records, records_id, records_json, Entries, WorkspaceError,
};
use qkit_export::Identities;
use qkit_export::RecordSet;
use qkit_questionnaires::Kit;
use qkit_web::browser::storage::StorageError;
use std::rc::Rc;
use zeroize::Zeroizing;

/// Where the workspace stands.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Saved {
    /// Nothing is kept beyond this page (locked, or no storage was given).
    #[default]
    Off,
    /// Every change so far is saved.
    Saved,
    /// The last save failed, for this reason; the work is only in this page.
    Failed(String),
    /// The workspace saved on this computer cannot be opened, for this reason: nothing is saved
    /// over it until the assessor sets it aside.
    Blocked(String),
}

impl Saved {
    /// Whether work in this page is not saved, so leaving would lose it.
    pub fn unsaved(&self) -> bool {
        matches!(self, Saved::Failed(_) | Saved::Blocked(_))
    }
}

/// The storage the workspace is kept in, and its place for the unlocked identity.
#[derive(Clone, Default)]
pub struct Keeping {
    /// The page's storage, or why there is none (then nothing is kept).
    pub store: Option<Result<WorkspaceStore, StorageError>>,
    /// The key derived from the unlocked identity; memory only.
    pub key: Option<Rc<qkit_export::at_rest::DraftKey>>,
    /// The records part the saved entries name (empty before the first save).
    pub records_id: String,
    /// Whether the records in memory are saved.
    pub records_saved: bool,
    /// Workspaces saved under other identities on this computer (never opened).
    pub others: usize,
    /// The last workspace file opened: its name, and the results it held or why it was not
    /// opened.
    pub file: Option<(String, Result<usize, super::FileProblem>)>,
}

impl PartialEq for Keeping {
    fn eq(&self, o: &Self) -> bool {
        let same_key = match (&self.key, &o.key) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        self.store == o.store
            && same_key
            && self.records_id == o.records_id
            && self.records_saved == o.records_saved
            && self.others == o.others
            && self.file == o.file
    }
}

impl State {
    /// What the assessor entered, as the workspace keeps it.
    pub fn entries(&self) -> Entries {
        Entries {
            staff: (*self.staff).clone(),
            comments: (*self.comments).clone(),
            groups: (*self.groups).clone(),
            listed: (*self.listed).clone(),
            allocated: self.allocated.as_deref().cloned(),
            local_files: self.local.files.clone(),
            rules_file: self.local.rules_file.clone(),
            reliable_change: self.reliable_change,
            chosen: (*self.chosen).clone(),
        }
    }

    /// Derives the workspace key from `identity` and reopens what is saved under it.
    pub(super) fn reopen(&mut self, identity: &Identities) {
        let store = match &self.keeping.store {
            None => return,
            Some(Err(e)) => {
                self.saved = Saved::Failed(e.to_string());
                return;
            }
            Some(Ok(store)) => store.clone(),
        };
        let key = identity.derive_key(KEY_LABEL);
        self.keeping.others = store.others(&key);
        self.keeping.records_saved = false;
        self.keeping.records_id.clear();
        let opened = match store.entries(&key) {
            Ok(None) => None,
            Ok(Some(bytes)) => Some(bytes),
            Err(e) => {
                self.saved = Saved::Blocked(e.to_string());
                self.keeping.key = Some(Rc::new(key));
                return;
            }
        };
        let result = match opened {
            None => Ok(()),
            Some(bytes) => self.restore(&store, &key, &bytes),
        };
        self.saved = match result {
            Ok(()) => Saved::Saved,
            Err(why) => Saved::Blocked(why),
        };
        self.keeping.key = Some(Rc::new(key));
    }

    /// Puts the saved workspace in place of this page's (nothing changes on a problem).
    fn restore(
        &mut self,
        store: &WorkspaceStore,
        key: &qkit_export::at_rest::DraftKey,
        bytes: &[u8],
    ) -> Result<(), String> {
        let (entries, rid) = read_entries(bytes).map_err(|e| e.to_string())?;
        let records: Zeroizing<Vec<u8>> = store.records(key, &rid).map_err(|e| e.to_string())?;
        self.apply(entries, |kit| read_records(kit, &records))?;
        self.keeping.records_id = rid;
        self.keeping.records_saved = true;
        Ok(())
    }

    /// Puts `entries` and the records `records` reads (against the kit the entries' local
    /// questionnaires make) in place of this page's; nothing changes on a problem.
    pub(super) fn apply(
        &mut self,
        entries: Entries,
        records: impl FnOnce(&Kit) -> Result<RecordSet, WorkspaceError>,
    ) -> Result<(), String> {
        let (kit, rules, local) = if entries.local_files.is_empty() && entries.rules_file.is_none()
        {
            (self.kit.clone(), self.rules.clone(), (*self.local).clone())
        } else {
            let loaded = local::for_workspace(&entries.local_files, entries.rules_file.as_ref())
                .map_err(|refused| refused.lines().join("; "))?;
            let view = LocalView {
                files: loaded.files,
                rules_file: entries.rules_file.clone(),
                ..LocalView::default()
            };
            (Rc::new(loaded.kit), Rc::new(loaded.rules), view)
        };
        let mut set = records(&kit).map_err(|e| e.to_string())?;
        crate::model::reconcile::apply(&mut set, &entries.chosen);
        self.table = Rc::new(cohort::table(&kit, &set));
        self.records = Rc::new(set);
        self.kit = kit;
        self.rules = rules;
        self.local = Rc::new(local);
        self.staff = Rc::new(entries.staff);
        self.comments = Rc::new(entries.comments);
        self.groups = Rc::new(entries.groups);
        self.listed = Rc::new(entries.listed);
        self.allocated = entries.allocated.map(Rc::new);
        self.reliable_change = entries.reliable_change;
        self.chosen = Rc::new(entries.chosen);
        Ok(())
    }

    /// Saves the workspace after a change (the records too when they changed). Nothing is
    /// saved over a workspace that could not be opened.
    pub(super) fn save(&mut self, records_changed: bool) {
        if records_changed {
            self.keeping.records_saved = false;
        }
        let (Some(Ok(store)), Some(key)) = (&self.keeping.store, &self.keeping.key) else {
            return;
        };
        if matches!(self.saved, Saved::Blocked(_)) {
            return;
        }
        let records = (!self.keeping.records_saved).then(|| {
            let json = Zeroizing::new(records_json(&self.records));
            (records_id(&json), json)
        });
        let rid = records
            .as_ref()
            .map_or_else(|| self.keeping.records_id.clone(), |(id, _)| id.clone());
        let entries = Zeroizing::new(entries_json(&self.entries(), &rid));
        let part = records
            .as_ref()
            .map(|(id, json)| (id.as_str(), json.as_slice()));
        match store.save(key, &entries, part, &self.keeping.records_id) {
            Ok(()) => {
                self.keeping.records_id = rid;
                self.keeping.records_saved = true;
                self.saved = Saved::Saved;
            }
            Err(e) => self.saved = Saved::Failed(e.to_string()),
        }
    }

    /// Moves a workspace that cannot be opened aside (kept unchanged) and saves this page's work
    /// in its place.
    pub(super) fn set_aside(&mut self) {
        let (Some(Ok(store)), Some(key)) = (&self.keeping.store, &self.keeping.key) else {
            return;
        };
        match store.set_aside(key) {
            Ok(()) => {
                self.saved = Saved::Saved;
                self.keeping.records_id.clear();
                self.save(true);
            }
            Err(e) => self.saved = Saved::Blocked(e.to_string()),
        }
    }
}

/// What an action changes in the workspace, so the reducer knows what to save.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Change {
    Nothing,
    Entries,
    Records,
}

impl Change {
    pub(super) fn of(action: &super::Action) -> Change {
        use super::Action;
        match action {
            Action::ImportFinished { .. } => Change::Records,
            Action::Staff(..)
            | Action::AddGroups(_)
            | Action::RemoveGroup(_)
            | Action::Listed(_)
            | Action::Allocate { .. }
            | Action::Move { .. }
            | Action::Comment(..)
            | Action::ReliableChange(_)
            | Action::UseRecord(_)
            | Action::AddLocal(_)
            | Action::RemoveLocal(_)
            | Action::LoadRules { .. } => Change::Entries,
            _ => Change::Nothing,
        }
    }
}
