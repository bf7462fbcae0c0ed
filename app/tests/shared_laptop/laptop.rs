//! The laptop the tests share: a memory store with the staff passphrase set, a clock the test
//! moves, and the steps a test takes on it (unlock, start a sitting, answer, finish, accept a
//! team key).

use crate::common::{Derive, FAST, PASSPHRASE, T0};
use qkit_app::browser::storage::*;
use qkit_app::state::{derive_now, Action, AppState, Env, Secret, StartChoice, View};
use qkit_export::at_rest::{DraftKey, DraftLock};
use qkit_export::{Identities, NewIdentity, Support, Timestamp};
use qkit_questionnaires::{Kit, Lang, Timepoint};
use qkit_scoring::Answer;
use qkit_session::{Cursor, Verb};
use qkit_web::browser::random::BrowserRng;
use std::cell::Cell;
use std::rc::Rc;
use yew::Reducible;

pub struct Laptop {
    pub backend: Rc<MemoryBackend>,
    pub store: DraftStore,
    pub clock: Rc<Cell<i64>>,
    pub ids: Rc<Cell<u32>>,
    pub kit: Rc<Kit>,
}

impl Laptop {
    /// A laptop with the staff passphrase set.
    pub fn new() -> Laptop {
        let backend = Rc::new(MemoryBackend::default());
        let store = DraftStore::new(backend.clone(), Medium::Device);
        let mut rng = BrowserRng::new().expect("crypto");
        let (lock, _) = DraftLock::create(PASSPHRASE, FAST, &mut rng).expect("lock");
        store.set_lock(&lock).expect("stored");
        Laptop {
            backend,
            store,
            clock: Rc::new(Cell::new(T0)),
            ids: Rc::new(Cell::new(0)),
            kit: Rc::new(Kit::shipped().expect("valid kit")),
        }
    }

    pub fn env(&self) -> Env {
        let (clock, ids) = (self.clock.clone(), self.ids.clone());
        Env {
            store: self.store.clone(),
            now: Rc::new(move || Timestamp(clock.get())),
            new_id: Rc::new(move || {
                ids.set(ids.get() + 1);
                format!("sitting-{}", ids.get())
            }),
            kdf: FAST,
            derive: derive_now(),
        }
    }

    /// The app as it opens (a reload): the lock screen.
    pub fn open(&self) -> Rc<AppState> {
        Rc::new(AppState::new(self.kit.clone(), self.env()))
    }

    pub fn key(&self) -> DraftKey {
        match self.store.lock() {
            Some(Ok(lock)) => lock.unlock(PASSPHRASE).expect("right passphrase"),
            _ => panic!("a lock"),
        }
    }
}

pub fn pass(text: &str) -> Secret {
    Secret::new(text.into())
}

pub fn unlocked(laptop: &Laptop) -> Rc<AppState> {
    let s = laptop
        .open()
        .reduce(Action::Unlock(pass(PASSPHRASE)))
        .derived();
    assert!(s.is_unlocked());
    s
}

pub fn choice(reference: &str) -> StartChoice {
    StartChoice {
        participant: reference.into(),
        programme: "tsp".into(),
        timepoint: Timepoint::Pre,
        language: Lang::english(),
        support: Support::default(),
    }
}

/// Starts a sitting from the start screen and takes it to its first question, with `answers`
/// answered; the participant has the keyboard.
pub fn sitting(state: Rc<AppState>, reference: &str, answers: usize) -> Rc<AppState> {
    let mut s = state.reduce(Action::Start(choice(reference)));
    for verb in [
        Verb::RecordConsent(Answer::Value(1)),
        Verb::Next,
        Verb::Next,
        Verb::Next,
    ] {
        s = s.reduce(Action::Verb(verb));
    }
    for _ in 0..answers {
        s = s.reduce(Action::Verb(Verb::Answer(Answer::Value(1))));
        s = s.reduce(Action::Verb(Verb::Next));
    }
    s
}

pub fn cursor(state: &AppState) -> Cursor {
    match &state.view {
        View::Sitting(v) => v.session.draft().cursor.clone(),
        _ => panic!("a sitting is on screen"),
    }
}

pub fn open_id(state: &AppState) -> String {
    match &state.view {
        View::Sitting(v) => v.session.id().to_owned(),
        _ => panic!("a sitting is on screen"),
    }
}

/// An accepted assessor key, and its identity.
pub fn team(s: Rc<AppState>) -> (Rc<AppState>, Identities) {
    let mut rng = BrowserRng::new().expect("crypto");
    let id = NewIdentity::generate(&mut rng);
    let recipient = id.recipient().to_string();
    let s = s.reduce(Action::AcceptKey {
        recipient: recipient.clone(),
        label: "team".into(),
    });
    assert_eq!(s.recipients.len(), 1, "accepted");
    (s, Identities::parse(&id.secret_text()).expect("identity"))
}

/// Answers every question of the open sitting (the first option each accepts) until the
/// thank-you screen.
pub fn finish(mut s: Rc<AppState>) -> Rc<AppState> {
    for _ in 0..500 {
        if cursor(&s) == Cursor::ThankYou {
            return s;
        }
        for value in 0..=7 {
            s = s.reduce(Action::Verb(Verb::Answer(Answer::Value(value))));
            let View::Sitting(v) = &s.view else { panic!() };
            if v.session.draft().pending.is_some() {
                break;
            }
        }
        s = s.reduce(Action::Verb(Verb::Next));
    }
    panic!("the battery did not finish: {:?}", cursor(&s));
}
