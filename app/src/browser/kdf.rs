//! scrypt in a worker. The page's `qkitDerive` (`kdf-client.js`) starts a worker
//! (`kdf-worker.js`) with scrypt's own small module (crate `qkit-kdf`) and ends it once it has
//! answered, so scrypt's 32 MiB go with it: the page's WebAssembly memory never grows to hold
//! them (it never shrinks), the lock screen stays responsive, and the app's own module, loaded
//! for the first screen, carries no scrypt. The worker's plumbing is in those two small
//! scripts rather than here, as it costs fewer bytes there.

use crate::state::{CancelDerivation, Derivation, DerivationDone, DerivedSecret};
use js_sys::{Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use zeroize::Zeroizing;

#[wasm_bindgen]
extern "C" {
    /// `kdf-client.js`: resolves with the 32-byte secret, or with why scrypt refused the
    /// parameters; rejects with why no worker started or answered.
    #[wasm_bindgen(js_name = qkitDerive, catch)]
    fn qkit_derive(
        passphrase: &str,
        salt: &[u8],
        log_n: u8,
        r: u32,
        p: u32,
    ) -> Result<Promise, JsValue>;

    /// `kdf-client.js`: ends the worker of the check under way, if any.
    #[wasm_bindgen(js_name = qkitDeriveCancel, catch)]
    fn qkit_derive_cancel() -> Result<(), JsValue>;
}

/// Runs `d` in a worker and calls `done` with the secret, or with why it could not be had.
/// Returns what ends the worker when nobody waits for the check any more (staff cancelled, qkit
/// locked), so its scrypt stops at once and its memory goes.
pub fn derive(d: &Derivation, done: DerivationDone) -> CancelDerivation {
    let (params, passphrase) = (d.params, d.passphrase.expose());
    let asked = qkit_derive(passphrase, &d.salt, params.log_n, params.r, params.p);
    wasm_bindgen_futures::spawn_local(async move {
        let answer = match asked {
            Ok(promise) => JsFuture::from(promise).await,
            Err(e) => Err(e),
        };
        done(match answer {
            Ok(answer) => read_answer(answer),
            Err(e) => Err(reason(&e)),
        });
    });
    Box::new(|| {
        let _ = qkit_derive_cancel();
    })
}

/// The secret, zeroed in the worker's buffer once copied, or why scrypt refused.
fn read_answer(answer: JsValue) -> Result<DerivedSecret, String> {
    match answer.dyn_into::<Uint8Array>() {
        Ok(bytes) if bytes.length() == 32 => {
            let mut secret = Zeroizing::new([0u8; 32]);
            bytes.copy_to(secret.as_mut());
            bytes.fill(0, 0, 32);
            Ok(DerivedSecret::new(secret))
        }
        Ok(_) => Err("the worker's secret is not 32 bytes".into()),
        Err(e) => Err(reason(&e)),
    }
}

/// A JavaScript error or string as text for staff (it never holds what they typed).
fn reason(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| e.dyn_ref::<js_sys::Error>().map(|e| e.message().into()))
        .unwrap_or_else(|| "the worker did not start".into())
}
