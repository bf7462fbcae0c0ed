//! The app's state and its reducer. Every rule lives in qkit-session; the reducer applies a verb
//! there, writes the resulting draft through the [`DraftStore`], and only then shows the new
//! screen. A write that fails leaves the old screen up with a clear problem to resolve.

use crate::browser::{self, storage::*};
use qkit_export::{Support, Timestamp};
use qkit_questionnaires::{Kit, Lang, Timepoint};
use qkit_session::{
    suggested_support, DefinitionChange, ResumeError, Session, StartError, StartOptions, Suggested,
    Verb,
};
use std::rc::Rc;
use yew::Reducible;

/// What the app needs from the outside world: storage, the clock and random ids. Tests pass
/// stand-ins.
#[derive(Clone)]
pub struct Env {
    pub store: DraftStore,
    pub now: Rc<dyn Fn() -> Timestamp>,
    pub new_id: Rc<dyn Fn() -> String>,
}

impl Env {
    /// The real browser: localStorage (or memory when blocked), the wall clock, crypto ids.
    pub fn browser() -> Env {
        Env {
            store: DraftStore::device(),
            now: Rc::new(browser::clock::now),
            new_id: Rc::new(browser::random::record_id),
        }
    }
}

impl PartialEq for Env {
    fn eq(&self, other: &Self) -> bool {
        self.store == other.store
            && Rc::ptr_eq(&self.now, &other.now)
            && Rc::ptr_eq(&self.new_id, &other.new_id)
    }
}

/// What staff choose on the start screen.
#[derive(Debug, Clone, PartialEq)]
pub struct StartChoice {
    pub participant: String,
    pub programme: String,
    pub timepoint: Timepoint,
    pub language: Lang,
    pub support: Support,
}

/// The whole app.
#[derive(Clone)]
pub struct AppState {
    pub kit: Rc<Kit>,
    pub env: Env,
    /// The interface language.
    pub lang: Lang,
    pub view: View,
}

/// The start screen or an open sitting.
#[derive(Clone)]
pub enum View {
    Start(Rc<StartView>),
    Sitting(Rc<SittingView>),
}

/// The staff start screen's data.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StartView {
    /// Sittings stored on this device.
    pub drafts: Vec<Listed>,
    /// Why the list could not be read.
    pub list_error: Option<StoreError>,
    pub problem: Option<StartProblem>,
    /// Support suggested from a participant's earlier answers: (reference, suggestion).
    pub suggestion: Option<(String, Suggested)>,
}

/// Something that went wrong on the start screen.
#[derive(Debug, Clone, PartialEq)]
pub enum StartProblem {
    Start(StartError),
    Load(LoadError),
    Resume { id: String, error: ResumeError },
}

/// An open sitting.
#[derive(Debug, Clone, PartialEq)]
pub struct SittingView {
    pub session: Session,
    /// The stored revision this tab's session is based on.
    pub revision: u64,
    /// Definitions that changed since the sitting began (shown to staff until dismissed).
    pub changes: Vec<DefinitionChange>,
    pub problem: Option<SittingProblem>,
    /// Staff chose to carry on although answers cannot be saved.
    pub unsaved: bool,
}

/// Something that stops the sitting until staff act.
#[derive(Debug, Clone, PartialEq)]
pub enum SittingProblem {
    /// A change could not be written; `held` is the sitting with the change, kept in memory.
    NotSaved {
        error: StoreError,
        held: Box<Session>,
    },
    /// Another tab or window changed this sitting; this tab stopped so as not to overwrite it.
    Conflict,
}

/// Everything that can happen in the app.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Switch the interface language.
    SetLanguage(Lang),
    /// Staff typed a participant reference: look for support needs he gave before.
    LookUp(String),
    /// Start a new sitting.
    Start(StartChoice),
    /// Open a stored sitting.
    Open(String),
    /// A verb for the open sitting.
    Verb(Verb),
    /// Another tab stored this revision of the open sitting.
    ChangedElsewhere(u64),
    /// After a failed write: carry on with answers in memory only.
    CarryOnUnsaved,
    /// After a failed write: try writing again.
    RetrySave,
    /// Staff have read the definition-change notice.
    DismissChanges,
    /// Close the sitting and go back to the start screen.
    ToStart,
    /// Delete a stored sitting (after staff confirmed).
    Remove(String),
}

impl AppState {
    /// The first state: the sitting open on this device, or the start screen.
    pub fn new(kit: Rc<Kit>, env: Env) -> AppState {
        let mut state = AppState {
            kit,
            env,
            lang: Lang::english(),
            view: View::Start(Rc::default()),
        };
        state.view = state.start_view(None);
        if let Some(id) = state.env.store.current() {
            state.open(&id);
        }
        state
    }

    fn start_view(&self, problem: Option<StartProblem>) -> View {
        let (drafts, list_error) = match self.env.store.list() {
            Ok(d) => (d, None),
            Err(e) => (Vec::new(), Some(e)),
        };
        View::Start(Rc::new(StartView {
            drafts,
            list_error,
            problem,
            suggestion: None,
        }))
    }

    fn now(&self) -> Timestamp {
        (self.env.now)()
    }

    fn apply(&mut self, action: Action) {
        match action {
            Action::SetLanguage(lang) if self.kit.ui.has(&lang) => self.lang = lang,
            Action::SetLanguage(_) => {}
            Action::LookUp(reference) => self.look_up(&reference),
            Action::Start(choice) => self.start(choice),
            Action::Open(id) => self.open(&id),
            Action::ToStart => {
                // A sitting closed from staff mode opens again in the participant's hands.
                self.sitting_action(Action::Verb(Verb::LeaveStaffMode));
                // Forgetting the open sitting cannot lose answers: they are stored under its key.
                let _ = self.env.store.set_current(None);
                self.view = self.start_view(None);
            }
            Action::Remove(id) => {
                let _ = self.env.store.remove(&id);
                self.view = self.start_view(None);
            }
            action => self.sitting_action(action),
        }
    }

    fn look_up(&mut self, reference: &str) {
        let View::Start(view) = &mut self.view else {
            return;
        };
        let reference = reference.trim();
        let suggestion = view
            .drafts
            .iter()
            .filter(|l| {
                l.header
                    .as_ref()
                    .is_some_and(|h| h.participant.eq_ignore_ascii_case(reference))
            })
            .filter_map(|l| self.env.store.load(&l.id).ok())
            .find_map(|l| suggested_support(&self.kit, &l.draft.record))
            .map(|s| (reference.to_owned(), s));
        Rc::make_mut(view).suggestion = suggestion;
    }

    fn start(&mut self, choice: StartChoice) {
        let options = StartOptions {
            record_id: (self.env.new_id)(),
            kit_version: env!("CARGO_PKG_VERSION").to_owned(),
            participant: choice.participant,
            programme: choice.programme,
            timepoint: choice.timepoint,
            language: choice.language.clone(),
            support: choice.support,
        };
        match Session::start(&self.kit, options, self.now()) {
            Ok(session) => {
                self.lang = choice.language;
                let _ = self.env.store.set_current(Some(session.id()));
                let mut view = SittingView {
                    session: session.clone(),
                    revision: 0,
                    changes: Vec::new(),
                    problem: None,
                    unsaved: false,
                };
                commit(&self.env, &mut view, session);
                self.view = View::Sitting(Rc::new(view));
            }
            Err(e) => {
                if let View::Start(v) = &mut self.view {
                    Rc::make_mut(v).problem = Some(StartProblem::Start(e));
                }
            }
        }
    }

    fn open(&mut self, id: &str) {
        let loaded = match self.env.store.load(id) {
            Ok(l) => l,
            Err(e) => {
                let _ = self.env.store.set_current(None);
                self.view = self.start_view(Some(StartProblem::Load(e)));
                return;
            }
        };
        match Session::resume(&self.kit, loaded.draft.clone(), self.now()) {
            Ok(resumed) => {
                if let Some(lang) = Lang::parse(&loaded.draft.record.language) {
                    if self.kit.ui.has(&lang) {
                        self.lang = lang;
                    }
                }
                let _ = self.env.store.set_current(Some(id));
                let mut view = SittingView {
                    session: resumed.session.clone(),
                    revision: loaded.revision,
                    changes: resumed.changes,
                    problem: None,
                    unsaved: false,
                };
                if resumed.session.draft() != &loaded.draft {
                    commit(&self.env, &mut view, resumed.session);
                }
                self.view = View::Sitting(Rc::new(view));
            }
            Err(error) => {
                let _ = self.env.store.set_current(None);
                let problem = StartProblem::Resume {
                    id: id.to_owned(),
                    error,
                };
                self.view = self.start_view(Some(problem));
            }
        }
    }

    fn sitting_action(&mut self, action: Action) {
        let now = self.now();
        let View::Sitting(view) = &mut self.view else {
            return;
        };
        let view = Rc::make_mut(view);
        match action {
            Action::Verb(verb) if view.problem.is_none() => {
                let mut next = view.session.clone();
                match next.apply(&self.kit, verb, now) {
                    Ok(()) if next != view.session => commit(&self.env, view, next),
                    Ok(()) => {}
                    Err(e) => browser::dom::warn(&format!("qkit: {e}")),
                }
            }
            Action::ChangedElsewhere(rev) if rev != view.revision => {
                view.problem = Some(SittingProblem::Conflict);
            }
            Action::CarryOnUnsaved => {
                if let Some(SittingProblem::NotSaved { held, .. }) = view.problem.take() {
                    view.session = *held;
                    view.unsaved = true;
                }
            }
            Action::RetrySave => {
                if let Some(SittingProblem::NotSaved { held, .. }) = view.problem.take() {
                    commit(&self.env, view, *held);
                }
            }
            Action::DismissChanges => view.changes.clear(),
            _ => {}
        }
    }
}

/// Writes `next` and, only once it is stored, makes it the sitting on screen. When staff chose
/// to carry on unsaved, a failed write still moves on (and each later change tries again).
fn commit(env: &Env, view: &mut SittingView, next: Session) {
    match env.store.save(next.draft(), view.revision, (env.now)()) {
        Ok(rev) => {
            view.session = next;
            view.revision = rev;
            view.unsaved = false;
        }
        Err(SaveError::Conflict { .. }) => view.problem = Some(SittingProblem::Conflict),
        Err(SaveError::Storage(_)) if view.unsaved => view.session = next,
        Err(SaveError::Storage(error)) => {
            view.problem = Some(SittingProblem::NotSaved {
                error,
                held: Box::new(next),
            });
        }
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = Rc::unwrap_or_clone(self);
        next.apply(action);
        Rc::new(next)
    }
}
