//! Locking the assessor area, by hand or after the configured idle time: the identity, the
//! workspace key, every opened record and everything entered about them are dropped from memory
//! (the saved workspace stays sealed in storage for the next unlock), and the unlock screen is
//! shown (saying why, when the area locked itself). Definitions and rules hold no answers, so
//! the kit with local files, the rules in use and the idle time stay.

use super::{LocalView, State};
use qkit_web::config::KitConfig;
use std::rc::Rc;

/// Why the area locked itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockReason {
    /// Nobody touched the page for the configured idle time.
    Idle,
}

impl State {
    /// The locked area that follows this one.
    pub(super) fn locked(self, reason: Option<LockReason>) -> State {
        let local = LocalView {
            files: self.local.files.clone(),
            rules_file: self.local.rules_file.clone(),
            ..LocalView::default()
        };
        let mut locked = State::new(self.kit, self.rules, self.lang);
        locked.local = Rc::new(local);
        locked.idle_lock_ms = self.idle_lock_ms;
        locked.locked_because = reason;
        // The workspace stays saved where it is; only its key is forgotten.
        locked.keeping.store = self.keeping.store;
        locked
    }
}

/// The idle time the kit configuration sets (`idle_lock_minutes`), read exactly as the
/// participant app reads it; the default when there is no configuration or it has problems.
pub(super) fn idle_lock_ms(config: Option<&str>) -> i64 {
    config
        .map(KitConfig::parse)
        .unwrap_or_default()
        .idle_lock_ms
}
