//! Randomness from the browser's cryptographic source (`crypto.getRandomValues`): record and
//! device ids, and the [`BrowserRng`] that draft encryption and sealing draw their keys and
//! nonces from.

use rand_core::{CryptoRng, RngCore};

/// The most `getRandomValues` fills in one call.
const MAX_CHUNK: usize = 65_536;

/// 16 random bytes as 32 lowercase hex digits.
pub fn record_id() -> String {
    id_bytes::<16>()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A new device id for this browser profile ([`qkit_export::device`], e.g. `K7QD-2MXA`); the
/// app draws it once and keeps it in its settings.
pub fn device_id() -> String {
    qkit_export::device::device_id(id_bytes())
}

/// Random bytes for an id. Falls back to `Math.random` only if the page has no `crypto` (never
/// in a supported browser); an id only has to be unique, not secret.
fn id_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    let filled = BrowserRng::new().is_some_and(|rng| rng.fill(&mut bytes));
    if !filled {
        for b in &mut bytes {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    bytes
}

/// The browser's CSPRNG as a [`rand_core`] generator, for the core crates' sealing functions.
pub struct BrowserRng(web_sys::Crypto);

impl BrowserRng {
    /// The page's `crypto`, or `None` when the browser has none (then nothing may be encrypted).
    pub fn new() -> Option<BrowserRng> {
        let crypto = web_sys::window()?.crypto().ok()?;
        let rng = BrowserRng(crypto);
        // Check once that it works, so `fill_bytes` can rely on it.
        rng.fill(&mut [0u8; 1]).then_some(rng)
    }

    fn fill(&self, dest: &mut [u8]) -> bool {
        dest.chunks_mut(MAX_CHUNK)
            .all(|chunk| self.0.get_random_values_with_u8_array(chunk).is_ok())
    }
}

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
        // `new` proved the source works and chunks stay within its per-call limit, so a failure
        // here would mean the browser withdrew `crypto` mid-page: stopping beats weak keys.
        assert!(self.fill(dest), "the browser's random source failed");
    }

    fn try_fill_bytes(&mut self, dest: &mut [u8]) -> Result<(), rand_core::Error> {
        if self.fill(dest) {
            Ok(())
        } else {
            let code = std::num::NonZeroU32::new(rand_core::Error::CUSTOM_START)
                .expect("CUSTOM_START is not zero");
            Err(rand_core::Error::from(code))
        }
    }
}

impl CryptoRng for BrowserRng {}
