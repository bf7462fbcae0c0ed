//! Starting, opening and driving a sitting, and the staff steps within it. Every change is
//! written (sealed) before it is shown.

use super::*;
use qkit_session::{suggested_support, StartOptions};

impl AppState {
    pub(super) fn look_up(&mut self, reference: &str) {
        let Some(key) = self.key.clone() else { return };
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
            .filter_map(|l| self.env.store.load(&l.id, &key).ok())
            .find_map(|l| suggested_support(&self.kit, &l.draft.record))
            .map(|s| (reference.to_owned(), s));
        Rc::make_mut(view).suggestion = suggestion;
    }

    pub(super) fn start(&mut self, choice: StartChoice) {
        let options = StartOptions {
            record_id: (self.env.new_id)(),
            kit_version: env!("CARGO_PKG_VERSION").to_owned(),
            device: self.env.store.device_id(),
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
                let mut view = new_view(session.clone(), 0);
                self.commit(&mut view, session);
                self.view = View::Sitting(Rc::new(view));
            }
            Err(e) => {
                if let View::Start(v) = &mut self.view {
                    Rc::make_mut(v).problem = Some(StartProblem::Start(e));
                }
            }
        }
    }

    pub(super) fn open(&mut self, id: &str) {
        let Some(key) = self.key.clone() else { return };
        let loaded = match self.env.store.load(id, &key) {
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
                let mut view = new_view(resumed.session.clone(), loaded.revision);
                view.changes = resumed.changes;
                if resumed.session.draft() != &loaded.draft {
                    self.commit(&mut view, resumed.session);
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

    pub(super) fn sitting_action(&mut self, action: Action) {
        let View::Sitting(view) = &mut self.view else {
            return;
        };
        let mut view = Rc::unwrap_or_clone(view.clone());
        match action {
            Action::Verb(verb) if view.problem.is_none() => {
                self.apply_verb(&mut view, verb);
                // Staff may have switched the participant's language.
                if let Some(lang) = Lang::parse(&view.session.draft().record.language) {
                    if self.kit.ui.has(&lang) {
                        self.lang = lang;
                    }
                }
            }
            Action::AskStaff(step) if step.fits(&view.session) => {
                self.drop_derivation();
                view.staff = Some(StaffPrompt { step, note: None });
            }
            Action::CancelStaff => {
                self.drop_derivation();
                view.staff = None;
            }
            Action::ConfirmStaff(passphrase) => {
                if let Some(prompt) = &mut view.staff {
                    if prompt.note != Some(PromptNote::Checking) {
                        prompt.note = Some(self.ask_staff_passphrase(prompt.step, passphrase));
                    }
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
                    self.commit(&mut view, *held);
                }
            }
            Action::DismissChanges => view.changes.clear(),
            _ => {}
        }
        self.view = View::Sitting(Rc::new(view));
    }

    /// Starts checking a staff step's passphrase, unless wrong guesses mean it must wait.
    fn ask_staff_passphrase(&mut self, step: StaffStep, passphrase: Secret) -> PromptNote {
        if let Some(seconds) = self.guess_wait() {
            return PromptNote::Wait(seconds);
        }
        // No lock, or a damaged one: no passphrase can be right (as before the worker).
        let Some(Ok(lock)) = self.env.store.lock() else {
            return PromptNote::Wrong;
        };
        match self.begin_derivation(Purpose::Staff(step), passphrase, Some(lock)) {
            Ok(()) => PromptNote::Checking,
            Err(_) => PromptNote::NotChecked,
        }
    }

    /// A staff step's passphrase was judged: take the step, or say why not; only the step it was
    /// given for, and only while that step is still asked.
    pub(super) fn staff_judged(&mut self, step: StaffStep, judged: Result<(), UnlockProblem>) {
        let View::Sitting(view) = &self.view else {
            return;
        };
        let Some(prompt) = view.staff.filter(|p| p.step == step) else {
            return;
        };
        let mut view = Rc::unwrap_or_clone(view.clone());
        match judged {
            Ok(()) => {
                view.staff = None;
                view.staff_present = true;
                if let (Some(verb), None) = (prompt.step.verb(), &view.problem) {
                    self.apply_verb(&mut view, verb);
                }
            }
            Err(problem) => {
                let note = match problem {
                    UnlockProblem::Wait(s) => PromptNote::Wait(s),
                    UnlockProblem::NotChecked(_) => PromptNote::NotChecked,
                    _ => PromptNote::Wrong,
                };
                view.staff = Some(StaffPrompt {
                    note: Some(note),
                    ..prompt
                });
            }
        }
        self.view = View::Sitting(Rc::new(view));
    }

    fn apply_verb(&self, view: &mut SittingView, verb: Verb) {
        let mut next = view.session.clone();
        match next.apply(&self.kit, verb, self.now()) {
            Ok(()) if next != view.session => {
                // Staff presence never outlives a screen change: whatever comes next is handed
                // to the participant unless a staff step is taken again.
                if next.draft().cursor != view.session.draft().cursor
                    || next.on_break() != view.session.on_break()
                    || next.mode() != view.session.mode()
                {
                    view.staff_present = false;
                }
                self.commit(view, next)
            }
            Ok(()) => {}
            // The kind only: the error's text names the item and the value chosen, which are
            // answers, and the console is readable by anyone at the laptop.
            Err(e) => qkit_web::browser::dom::warn(&format!("qkit: refused \"{}\"", e.kind())),
        }
    }

    /// Writes `next` (sealed) and, only once it is stored, makes it the sitting on screen. When
    /// staff chose to carry on unsaved, a failed write still moves on (and each later change
    /// tries again).
    pub(super) fn commit(&self, view: &mut SittingView, next: Session) {
        let Some(key) = &self.key else { return };
        let team = self.accepted_keys();
        let sealing = Sealing { key, team: &team };
        match self
            .env
            .store
            .save(next.draft(), view.revision, self.now(), sealing)
        {
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
}

/// A sitting on screen, as stored at `revision`.
pub(super) fn new_view(session: Session, revision: u64) -> SittingView {
    SittingView {
        session,
        revision,
        changes: Vec::new(),
        problem: None,
        unsaved: false,
        staff: None,
        staff_present: false,
        export: None,
    }
}

impl StaffStep {
    /// Whether the step makes sense on the sitting's screen (a stray key press or an old button
    /// cannot open a summary from the middle of a battery).
    fn fits(self, session: &Session) -> bool {
        let cursor = &session.draft().cursor;
        match self {
            StaffStep::EnterStaffMode => session.mode() == qkit_session::Mode::Participant,
            StaffStep::EndBreak => session.on_break(),
            StaffStep::SeeSummary => *cursor == Cursor::ThankYou,
            StaffStep::SeeDeclined => *cursor == Cursor::Declined,
        }
    }
}
