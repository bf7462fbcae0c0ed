//! qkit's encryption as the participant app uses it, through `qkit-export`: a passphrase lock
//! (scrypt), a draft sealed and opened (XChaCha20-Poly1305), and an age file sealed to a recipient
//! (X25519, HKDF, ChaCha20-Poly1305), with the app's own random source.

use qkit_export::at_rest::{open_draft, seal_draft, DraftLock, KdfParams};
use qkit_export::keys::Recipient;
use qkit_export::seal::seal_bytes;
use qkit_web::browser::random::BrowserRng;

/// Locks, seals and opens `text` as a draft, then seals it to `text` read as a recipient; says
/// how far it got. Errors are not printed, so that the measure is a floor: the app prints them.
pub fn round_trip(text: &str) -> String {
    let Some(mut rng) = BrowserRng::new() else {
        return "no crypto".into();
    };
    let Ok((lock, _)) = DraftLock::create(text, KdfParams::DEFAULT, &mut rng) else {
        return "no lock".into();
    };
    let Ok(key) = lock.unlock(text) else {
        return "wrong passphrase".into();
    };
    let sealed = seal_draft(&key, text.as_bytes(), &mut rng);
    let opened = open_draft(&key, &sealed).map_or(0, |d| d.len());
    match text.parse::<Recipient>() {
        Ok(r) => match seal_bytes(text.as_bytes(), &[r], &mut rng) {
            Ok(file) => format!("{opened} {}", file.len()),
            Err(_) => "not sealed".into(),
        },
        Err(_) => "not a recipient".into(),
    }
}
