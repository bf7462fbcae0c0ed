//! qkit's encryption as the participant app uses it, through `qkit-export`: a passphrase lock
//! (scrypt), a draft sealed and opened (XChaCha20-Poly1305), and an age file sealed to a recipient
//! (X25519, HKDF, ChaCha20-Poly1305).

use qkit_export::at_rest::{open_draft, seal_draft, DraftLock, KdfParams};
use qkit_export::keys::Recipient;
use qkit_export::seal::seal_bytes;
use rand_core::{CryptoRng, RngCore};

/// The browser's `crypto.getRandomValues`, as in the participant app.
struct BrowserRng(web_sys::Crypto);

impl RngCore for BrowserRng {
    fn next_u32(&mut self) -> u32 {
        let mut b = [0u8; 4];
        self.fill_bytes(&mut b);
        u32::from_le_bytes(b)
    }

    fn next_u64(&mut self) -> u64 {
        let mut b = [0u8; 8];
        self.fill_bytes(&mut b);
        u64::from_le_bytes(b)
    }

    fn fill_bytes(&mut self, dest: &mut [u8]) {
        // A size measure only: a failed fill leaves zeros, which no shipped code would accept.
        let _ = self.0.get_random_values_with_u8_array(dest);
    }

    fn try_fill_bytes(&mut self, dest: &mut [u8]) -> Result<(), rand_core::Error> {
        self.fill_bytes(dest);
        Ok(())
    }
}

impl CryptoRng for BrowserRng {}

/// Locks, seals and opens `text` as a draft, then seals it to `text` read as a recipient; says
/// how far it got. Errors are not printed, so that the measure is a floor: the app prints them.
pub fn round_trip(text: &str) -> String {
    let Some(crypto) = web_sys::window().and_then(|w| w.crypto().ok()) else {
        return "no crypto".into();
    };
    let mut rng = BrowserRng(crypto);
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
