//! The forgotten-passphrase way out, and what a participant left alone with the lock screen can
//! do with it: nothing that loses a sitting. "Remove all sittings" needs the word staff type to
//! confirm, downloads the rescue file (every stored sitting sealed to the assessment team) and
//! keeps a copy of it on the laptop before anything is removed; with no rescue copy, the screen
//! has already said plainly that removal loses the sittings. Kept copies are offered on the start
//! screen until staff say the file is safe.

use super::*;
use lock::{PassphraseView, UnlockProblem};
use qkit_web::browser::download;

/// The name of a downloaded rescue file.
pub fn rescue_file_name(now: Timestamp) -> String {
    format!("qkit-rescue-{}.age", now.0)
}

impl AppState {
    pub(super) fn remove_everything(&mut self, typed: &str) {
        if !matches!(self.view, View::Unlock(_)) {
            return;
        }
        let fail = |state: &AppState, problem| state.unlock_view(Some(problem), None);
        // The word in either interface language: staff may have switched it.
        let ui = &self.kit.ui;
        let confirmed = ui.languages().any(|(l, _)| {
            typed
                .trim()
                .eq_ignore_ascii_case(ui.get(l, "remove_all_word"))
        });
        if !confirmed {
            self.view = fail(self, UnlockProblem::NotConfirmed);
            return;
        }
        let now = self.now();
        if let Some(file) = self.env.store.rescue_file() {
            if !download::save_file(&rescue_file_name(now), &file) {
                self.view = fail(
                    self,
                    UnlockProblem::RescueNotSaved("the browser did not start the download".into()),
                );
                return;
            }
            if let Err(e) = self.env.store.keep_rescue(now.0) {
                self.view = fail(self, UnlockProblem::RescueNotSaved(e.to_string()));
                return;
            }
        }
        match self.env.store.remove_all() {
            Ok(()) => {
                self.key = None;
                self.recipients = Rc::default();
                self.view = View::SetPassphrase(Rc::new(PassphraseView {
                    after_removal: true,
                    ..PassphraseView::default()
                }));
            }
            Err(e) => self.view = fail(self, UnlockProblem::NotRemoved(e)),
        }
    }

    /// Downloads a kept rescue copy again (start screen only).
    pub(super) fn save_kept_rescue(&mut self, key: &str) {
        if !matches!(self.view, View::Start(_)) {
            return;
        }
        if let Some(file) = self.env.store.kept_rescue_file(key) {
            let ms = DraftStore::kept_at(key).unwrap_or(0);
            download::save_file(&rescue_file_name(Timestamp(ms)), &file);
        }
    }

    /// Removes a kept rescue copy (start screen only), once staff type the file's code from the
    /// assessor area: proof that the team has the file. A passphrase is not enough: whoever
    /// removed everything set the passphrase now in use.
    pub(super) fn remove_kept_rescue(&mut self, key: &str, typed: &str) {
        if !matches!(self.view, View::Start(_)) {
            return;
        }
        let Some(file) = self.env.store.kept_rescue_file(key) else {
            return;
        };
        let code = qkit_export::rescue_code(&file);
        let wrong = !qkit_export::is_rescue_code(typed, &code);
        let problem = match wrong {
            true => None,
            false => self
                .env
                .store
                .remove_kept_rescue(key)
                .err()
                .map(StartProblem::NotRemoved),
        };
        self.view = self.start_view(problem);
        if let (true, View::Start(v)) = (wrong, &mut self.view) {
            Rc::make_mut(v).wrong_code = Some(key.to_owned());
        }
    }

    /// Removes one stored sitting (its rescue copy is sealed again without it).
    pub(super) fn remove_sitting(&mut self, id: &str) -> Result<(), StoreError> {
        let Some(key) = self.key.clone() else {
            return Ok(());
        };
        let team = self.accepted_keys();
        let sealing = Sealing {
            key: &key,
            team: &team,
        };
        self.env.store.remove(id, sealing)
    }
}
