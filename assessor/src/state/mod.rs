//! The assessor's state and its reducer: the identity, the opened records, the assessor's
//! entries, groups, the allocation and report comments. The identity stays in memory only; the
//! records and entries are the workspace, saved encrypted under a key derived from the identity
//! after every change (`workspace.rs`), so no plaintext is left on the computer. Every rule is in
//! the core crates; the reducer only keeps their results. `lock.rs` forgets it all from the page
//! when the assessor locks or the area sits idle; `allocation.rs` holds the allocation verbs.

use crate::browser::files::ReadError;
pub use crate::import::{FileOutcome, ImportCounts, ImportEntry, ImportLog};
use crate::model::cohort::{self, Filter, Sort, SortBy, Table};
use crate::model::local::Refused;
use crate::model::reconcile::Choice;
use crate::model::rules_file::RulesFile;
use crate::model::staff::StaffEntry;
use crate::model::Key;
mod allocation;
mod local_files;
mod lock;
mod merge;
mod reconcile;
mod workspace;
mod workspace_file;

pub use crate::model::workspace::Allocated;
pub use lock::LockReason;
pub use merge::{MergeAction, Merging};
use workspace::Change;
pub use workspace::{Keeping, Saved};
pub use workspace_file::FileProblem;

use crate::browser::workspace::WorkspaceStore;
use qkit_allocation::{Date, Group, MoveTarget, Participant, Rules};
use qkit_export::{Identities, RecordSet};
use qkit_questionnaires::local_kit::{Chosen, LocalFile};
use qkit_questionnaires::{Kit, Lang, Timepoint};
use qkit_scoring::ReliableChangeChoice;
use qkit_web::browser::storage::StorageError;
use qkit_web::config::KitConfig;
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::Reducible;

/// Which screen is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum View {
    /// Unlock an identity (the first screen, and after "Lock").
    Unlock,
    Import,
    Cohort,
    /// One participant's screens.
    Person(Key, PersonTab),
    Allocation,
    /// Merging a second workspace file: its conflicts to choose, then what the merge did.
    Merge,
    /// Programme tracking: who has done, and who still needs, each timepoint.
    Tracking,
}

/// The screens about one participant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PersonTab {
    Profile,
    Pathway,
    Report,
}

/// The local definition files and rules file in use (memory only) and why the last ones chosen
/// were refused.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LocalView {
    pub files: Vec<LocalFile>,
    pub problem: Option<Refused>,
    /// The local rules file in use; `None` means the shipped rules.
    pub rules_file: Option<RulesFile>,
    /// Why the last rules file chosen was refused.
    pub rules_problem: Option<Refused>,
}

/// The whole assessor area.
#[derive(Clone)]
pub struct State {
    pub kit: Rc<Kit>,
    pub rules: Rc<Rules>,
    pub lang: Lang,
    /// The unlocked identity, in memory only.
    pub identity: Option<Rc<Identities>>,
    pub records: Rc<RecordSet>,
    /// The cohort table of `records`.
    pub table: Rc<Table>,
    pub import: Rc<ImportLog>,
    pub sort: Sort,
    pub filter: Filter,
    /// Whether the cohort table shows subscales as well as totals.
    pub subscales: bool,
    pub staff: Rc<BTreeMap<Key, StaffEntry>>,
    pub groups: Rc<Vec<Group>>,
    /// Waiting participants read from a `participants.csv` file (beside those from records).
    pub listed: Rc<Vec<Participant>>,
    pub allocated: Option<Rc<Allocated>>,
    /// Why the last allocation or move failed.
    pub allocation_problem: Option<String>,
    /// Staff comments for the end-of-programme reports.
    pub comments: Rc<BTreeMap<Key, String>>,
    /// How reliable change is judged on the profile, the report and the scores CSV.
    pub reliable_change: ReliableChangeChoice,
    /// Which record is used where a timepoint has more than one (applied to `records`).
    pub chosen: Rc<Vec<Choice>>,
    /// Local definition files the kit was rebuilt with, and a local rules file; kept when the
    /// area locks.
    pub local: Rc<LocalView>,
    pub view: View,
    /// Milliseconds with nobody at the computer before the area locks (the kit configuration's
    /// `idle_lock_minutes`, as in the participant app); kept when the area locks.
    pub idle_lock_ms: i64,
    /// Why the area locked itself, shown on the unlock screen; `None` when it never did or the
    /// assessor locked it.
    pub locked_because: Option<LockReason>,
    /// Where the workspace is kept, and the key for it while unlocked.
    pub keeping: Keeping,
    /// Whether every change is saved.
    pub saved: Saved,
    /// A second workspace file being merged into this one.
    pub merging: Option<Rc<Merging>>,
}

/// Something the assessor did, or an import step.
#[derive(Debug, Clone)]
pub enum Action {
    SetLanguage(Lang),
    /// An identity was unlocked.
    Unlock(Rc<Identities>),
    /// Forget the identity and everything imported or entered (the assessor pressed "Lock").
    Lock,
    /// The same, after the configured time with nobody at the computer; the unlock screen says
    /// why.
    IdleLock,
    /// The kit configuration's text (`qkit-config.json`), or `None` when there is none: it sets
    /// the idle time.
    Config(Option<String>),
    Show(View),
    /// An import of `total` files began.
    ImportStarted {
        total: usize,
    },
    /// One file of the running import is done.
    ImportFile(ImportEntry),
    /// The running import ended: the records now held, and how long it took.
    ImportFinished {
        records: Rc<RecordSet>,
        ms: f64,
    },
    Sort(SortBy),
    Filter(Filter),
    /// Show subscales in the cohort table, or totals only.
    Subscales(bool),
    /// The assessor's entries for a participant.
    Staff(Key, StaffEntry),
    /// Groups added (from the form or a groups CSV file).
    AddGroups(Vec<Group>),
    RemoveGroup(String),
    /// The waiting list read from a participants file (replacing any earlier one).
    Listed(Vec<Participant>),
    /// Allocate every waiting participant as seen from `today` (`now_ms` times the work).
    Allocate {
        today: Date,
        now_ms: fn() -> f64,
    },
    /// Move a participant by hand, with the assessor's reason.
    Move {
        participant: String,
        target: MoveTarget,
        reason: String,
    },
    Comment(Key, String),
    /// Move the workspace saved on this computer, which cannot be opened, aside (unchanged) and
    /// save this page's work in its place.
    SetAside,
    /// A workspace file was chosen (only opened into an empty workspace): its name, and its
    /// bytes or why they were not read.
    OpenFile {
        name: String,
        read: Result<Vec<u8>, ReadError>,
    },
    /// A step of merging a second workspace file into this one.
    Merge(MergeAction),
    /// Judge reliable change by each scale's rule, or by the cohort's pre-programme SD.
    ReliableChange(ReliableChangeChoice),
    /// Use this record for a man's timepoint that has more than one.
    UseRecord(Choice),
    /// A problem to show on the allocation screen (e.g. a groups file that does not read).
    AllocationProblem(Option<String>),
    /// Local definition files were chosen (taken only if every held record fits the new kit).
    AddLocal(Vec<(String, Chosen)>),
    /// Stop using the local definition file of this name (only if no held record needs it).
    RemoveLocal(String),
    /// A local rules file was chosen: its name and its bytes, or why they were not read.
    LoadRules {
        name: String,
        read: Result<Vec<u8>, ReadError>,
    },
}

impl State {
    /// A fresh, locked assessor area.
    pub fn new(kit: Rc<Kit>, rules: Rc<Rules>, lang: Lang) -> State {
        State {
            kit,
            rules,
            lang,
            identity: None,
            records: Rc::new(RecordSet::new()),
            table: Rc::new(Table::default()),
            import: Rc::new(ImportLog::default()),
            sort: Sort::default(),
            filter: Filter::default(),
            subscales: false,
            staff: Rc::new(BTreeMap::new()),
            groups: Rc::new(Vec::new()),
            listed: Rc::new(Vec::new()),
            allocated: None,
            allocation_problem: None,
            comments: Rc::new(BTreeMap::new()),
            reliable_change: ReliableChangeChoice::Definition,
            chosen: Rc::new(Vec::new()),
            local: Rc::new(LocalView::default()),
            view: View::Unlock,
            idle_lock_ms: KitConfig::default().idle_lock_ms,
            locked_because: None,
            keeping: Keeping::default(),
            saved: Saved::Off,
            merging: None,
        }
    }

    /// The same area, keeping its workspace in `store` (or saying why there is no storage)
    /// from the next unlock on. Without a store nothing is kept beyond the page.
    pub fn with_store(mut self, store: Result<WorkspaceStore, StorageError>) -> State {
        self.keeping.store = Some(store);
        self
    }

    /// The assessor's entries for `key`, or first entries from his records.
    pub fn staff_entry(&self, key: &Key) -> StaffEntry {
        self.staff.get(key).cloned().unwrap_or_else(|| {
            self.records
                .get(&key.participant, &key.programme)
                .map(|r| StaffEntry::from_records(&self.kit, r))
                .unwrap_or_default()
        })
    }

    /// Participants waiting for a group: those whose latest record is before the programme.
    pub fn waiting(&self) -> Vec<Key> {
        self.table
            .rows
            .iter()
            .filter(|r| r.latest == Timepoint::Pre)
            .map(|r| r.key.clone())
            .collect()
    }
}

/// Two states are equal when they hold the same values (shared parts compared by identity), so
/// screens re-render only when something they show changed.
impl PartialEq for State {
    fn eq(&self, o: &Self) -> bool {
        fn same<T>(a: &Option<Rc<T>>, b: &Option<Rc<T>>) -> bool {
            match (a, b) {
                (Some(a), Some(b)) => Rc::ptr_eq(a, b),
                (None, None) => true,
                _ => false,
            }
        }
        Rc::ptr_eq(&self.kit, &o.kit)
            && Rc::ptr_eq(&self.rules, &o.rules)
            && self.lang == o.lang
            && same(&self.identity, &o.identity)
            && Rc::ptr_eq(&self.records, &o.records)
            && Rc::ptr_eq(&self.table, &o.table)
            && Rc::ptr_eq(&self.import, &o.import)
            && self.sort == o.sort
            && self.filter == o.filter
            && self.subscales == o.subscales
            && Rc::ptr_eq(&self.staff, &o.staff)
            && Rc::ptr_eq(&self.groups, &o.groups)
            && Rc::ptr_eq(&self.listed, &o.listed)
            && same(&self.allocated, &o.allocated)
            && self.allocation_problem == o.allocation_problem
            && Rc::ptr_eq(&self.comments, &o.comments)
            && Rc::ptr_eq(&self.local, &o.local)
            && self.view == o.view
            && self.idle_lock_ms == o.idle_lock_ms
            && self.locked_because == o.locked_because
            && self.reliable_change == o.reliable_change
            && Rc::ptr_eq(&self.chosen, &o.chosen)
            && self.keeping == o.keeping
            && self.saved == o.saved
            && same(&self.merging, &o.merging)
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        let change = Change::of(&action);
        match action {
            Action::SetLanguage(lang) => s.lang = lang,
            Action::Unlock(identity) => {
                s.reopen(&identity);
                s.identity = Some(identity);
                s.locked_because = None;
                s.view = if s.records.is_empty() {
                    View::Import
                } else {
                    View::Cohort
                };
            }
            // An import still running when the area locked finishes into nothing.
            Action::ImportStarted { .. }
            | Action::ImportFile(_)
            | Action::ImportFinished { .. }
                if s.identity.is_none() => {}
            Action::Lock => return Rc::new(s.locked(None)),
            Action::IdleLock => return Rc::new(s.locked(Some(LockReason::Idle))),
            Action::Config(text) => s.idle_lock_ms = lock::idle_lock_ms(text.as_deref()),
            Action::Show(view) => s.view = view,
            Action::ImportStarted { total } => {
                Rc::make_mut(&mut s.import).begin(total);
            }
            Action::ImportFile(entry) => {
                let log = Rc::make_mut(&mut s.import);
                if let Some((done, _)) = &mut log.running {
                    *done += 1;
                }
                log.entries.push(entry);
            }
            Action::ImportFinished { records, ms } => {
                let log = Rc::make_mut(&mut s.import);
                log.running = None;
                log.last_ms = Some(ms);
                s.table = Rc::new(cohort::table(&s.kit, &records));
                s.records = records;
            }
            Action::Sort(by) => s.sort = s.sort.toggle(by),
            Action::Filter(filter) => s.filter = filter,
            Action::Subscales(on) => s.subscales = on,
            Action::Staff(key, entry) => {
                Rc::make_mut(&mut s.staff).insert(key, entry);
            }
            Action::AddGroups(groups) => {
                let list = Rc::make_mut(&mut s.groups);
                for g in groups {
                    list.retain(|x| x.id != g.id);
                    list.push(g);
                }
                s.allocation_problem = None;
            }
            Action::RemoveGroup(id) => Rc::make_mut(&mut s.groups).retain(|g| g.id != id),
            Action::Listed(list) => {
                s.listed = Rc::new(list);
                s.allocation_problem = None;
            }
            Action::Allocate { today, now_ms } => s.allocate(today, now_ms),
            Action::Move {
                participant,
                target,
                reason,
            } => s.move_by_hand(&participant, &target, &reason),
            Action::Comment(key, text) => {
                Rc::make_mut(&mut s.comments).insert(key, text);
            }
            Action::ReliableChange(choice) => s.reliable_change = choice,
            Action::UseRecord(choice) => s.use_record(choice),
            Action::AllocationProblem(p) => s.allocation_problem = p,
            Action::AddLocal(chosen) => s.add_local(chosen),
            Action::RemoveLocal(name) => s.remove_local(&name),
            Action::LoadRules { name, read } => s.load_rules(&name, read),
            Action::SetAside => s.set_aside(),
            Action::OpenFile { name, read } => s.open_file(name, read),
            Action::Merge(step) => s.merge(step),
        }
        if s.identity.is_some() && change != Change::Nothing {
            s.save(change == Change::Records);
        }
        Rc::new(s)
    }
}

/// What every screen gets: the state, and the way to change it.
pub type Handle = yew::UseReducerHandle<State>;

/// A callback that dispatches the action `f` makes from its argument.
pub fn act<T: 'static>(state: &Handle, f: impl Fn(T) -> Action + 'static) -> yew::Callback<T> {
    let d = state.dispatcher();
    yew::Callback::from(move |x: T| d.dispatch(f(x)))
}
