//! qkit-kdf: scrypt for the participant app's key-derivation worker (`app/static/kdf-worker.js`).
//! Unlocking, setting the staff passphrase and every staff step need scrypt with 32 MiB of
//! memory; run in the page, that memory would stay the page's for good (WebAssembly memory never
//! shrinks) and the lock screen would freeze while it runs. So it runs in a worker, with this
//! small module of its own, which the page ends once it has answered; and the participant app's
//! own module, loaded for the first screen, carries no scrypt at all.
//!
//! The one export is [`derive_secret`], a thin wrapper over
//! `qkit_export::at_rest::derive_secret`: the same parameter bounds (a tampered lock cannot ask
//! for gigabytes) and the same scrypt, so the secret is the one `qkit_export` derives natively.

use wasm_bindgen::prelude::*;

/// The secret scrypt derives from `passphrase` and `salt` under N = 2^`log_n`, `r`, `p` (32
/// bytes), or why the parameters were refused.
#[wasm_bindgen]
pub fn derive_secret(
    passphrase: &str,
    salt: &[u8],
    log_n: u8,
    r: u32,
    p: u32,
) -> Result<Vec<u8>, JsValue> {
    let params = qkit_export::at_rest::KdfParams { log_n, r, p };
    qkit_export::at_rest::derive_secret(passphrase, params, salt)
        .map(|secret| secret.to_vec())
        // A fixed message rather than the error's text: formatting would pull Rust's formatting
        // code into this small module (about 4 KB gzip) for a case the app has already ruled out
        // (it reads a lock only after checking the same bounds).
        .map_err(|_| JsValue::from_str("scrypt parameters out of range"))
}
