//! What the app's browser tests share: a fixed start time, cheap scrypt parameters and the staff
//! passphrase the tests set.

// Each test file uses what it needs of these.
#![allow(dead_code)]

use qkit_export::at_rest::KdfParams;

/// The tests' clock starts here (milliseconds since 1970, November 2026).
pub const T0: i64 = 1_795_000_000_000;
/// Cheap scrypt parameters, so unlocking takes milliseconds in a debug build.
pub const FAST: KdfParams = KdfParams {
    log_n: 10,
    r: 8,
    p: 1,
};
/// The staff passphrase the tests set.
pub const PASSPHRASE: &str = "test passphrase";

use qkit_app::browser::storage::DraftStore;
use qkit_app::state::{derive_here, derive_now, Action, AppState, Env};
use qkit_export::at_rest::DraftLock;
use qkit_export::Timestamp;
use qkit_questionnaires::Kit;
use qkit_web::browser::random::BrowserRng;
use std::rc::Rc;
use yew::Reducible;

/// Sets [`PASSPHRASE`] as the staff passphrase on `store`.
pub fn set_passphrase(store: &DraftStore) {
    let mut rng = BrowserRng::new().expect("crypto");
    let (lock, _) = DraftLock::create(PASSPHRASE, FAST, &mut rng).expect("lock");
    store.set_lock(&lock).expect("stored");
}

/// The app as it opens on `store`, its clock stopped at [`T0`], every new sitting `sitting-1`.
pub fn open(store: &DraftStore) -> Rc<AppState> {
    let env = Env {
        store: store.clone(),
        now: Rc::new(|| Timestamp(T0)),
        new_id: Rc::new(|| "sitting-1".to_owned()),
        kdf: FAST,
        derive: derive_now(),
    };
    let kit = Rc::new(Kit::shipped().expect("valid kit"));
    Rc::new(AppState::new(kit, env))
}

/// Runs the derivation a state asked for, here and now, as the browser's worker would, and
/// hands the result back: the reducer-level tests' stand-in for the shell.
pub trait Derive {
    fn derived(self) -> Self;
}

impl Derive for Rc<AppState> {
    fn derived(self) -> Self {
        match self.derivation() {
            Some(d) => self.reduce(Action::Derived {
                id: d.id,
                secret: derive_here(&d),
            }),
            None => self,
        }
    }
}
