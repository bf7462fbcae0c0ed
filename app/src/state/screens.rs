//! Which screen each action is taken from, and what a screen allows: start-screen actions only
//! on the start screen, "Close" only from staff mode with everything stored, "Done" only on a
//! staff record screen, and how long a screen may sit idle. The rules that keep a participant
//! alone at the laptop away from other sittings, keys and settings live here together.

use super::*;

impl AppState {
    /// How long the app may sit idle before it locks: the configured time, and never more than
    /// [`SUMMARY_IDLE_MS`] while a completion summary or a declined record is on screen.
    pub fn idle_lock_ms(&self) -> i64 {
        let configured = self.config.idle_lock_ms;
        match &self.view {
            View::Sitting(v) if v.shows_staff_record() => configured.min(SUMMARY_IDLE_MS),
            _ => configured,
        }
    }

    /// Applies an action of the staff start screen, only while that screen is showing: nothing
    /// typed on a participant's screen reaches the sitting list, the keys or the settings.
    pub(super) fn start_action(&mut self, action: Action) {
        if !matches!(self.view, View::Start(_)) {
            return;
        }
        match action {
            Action::LookUp(reference) => self.look_up(&reference),
            Action::Start(choice) => self.start(choice),
            Action::Open(id) => self.open(&id),
            Action::Remove(id) => {
                let problem = self.remove_sitting(&id).err().map(StartProblem::NotRemoved);
                self.view = self.start_view(problem);
            }
            Action::CheckKeys(text) => self.check_keys(&text),
            Action::AcceptKey { recipient, label } => self.accept_key(&recipient, &label),
            Action::DropCandidate(recipient) => self.drop_candidate(&recipient),
            Action::RemoveKey(recipient) => self.remove_key(&recipient),
            Action::SetSpeechRate(rate) => self.set_rate(rate),
            Action::SetVoice {
                lang,
                voice,
                network,
            } => self.set_voice(&lang, voice, network),
            Action::AddLocal(chosen) => self.add_local(chosen),
            Action::RemoveLocal(name) => self.remove_local(&name),
            Action::RemoveStoredLocal => self.remove_stored_local(),
            _ => {}
        }
    }

    /// Whether sitting `id` is the one on screen (reloading it after another tab changed it).
    pub(super) fn shows_sitting(&self, id: &str) -> bool {
        matches!(&self.view, View::Sitting(v) if v.session.id() == id)
    }

    /// Whether the open sitting is in staff mode (staff gave the passphrase to enter it), with
    /// everything on screen stored: a hand-back that failed to save, or answers kept only in
    /// memory, must not let "Close" reach the start screen or drop them.
    pub(super) fn in_staff_mode(&self) -> bool {
        matches!(&self.view, View::Sitting(v)
            if v.session.mode() == qkit_session::Mode::Staff && v.problem.is_none() && !v.unsaved)
    }

    /// Reloads the sitting on screen (after another tab changed it). If it cannot be opened any
    /// more, qkit locks rather than show the start screen to whoever is at the keyboard.
    pub(super) fn reopen(&mut self, id: &str) {
        self.open(id);
        if matches!(self.view, View::Start(_)) {
            self.lock(None);
        }
    }

    /// Staff are done with a finished or declined sitting: it stays stored; qkit locks.
    pub(super) fn done(&mut self) {
        if matches!(&self.view, View::Sitting(v) if v.shows_staff_record()) {
            let _ = self.env.store.set_current(None);
            self.lock(None);
        }
    }
}

impl SittingView {
    /// Whether a staff-only record screen is showing: the completion summary, or a declined
    /// sitting's record after staff gave the passphrase.
    pub fn shows_staff_record(&self) -> bool {
        self.staff.is_none()
            && !self.session.on_break()
            && match self.session.draft().cursor {
                Cursor::Summary => true,
                Cursor::Declined => self.staff_present,
                _ => false,
            }
    }
}
