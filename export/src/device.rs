//! The device id: which laptop's browser profile wrote a record, so the assessor can list the
//! files by laptop and day and see a laptop whose files never arrived. It names a browser profile
//! on a laptop, not a person: eight characters of Crockford's base32 (no I, L, O or U, so it reads
//! aloud and copies by hand onto a label) in two groups of four, e.g. `K7QD-2MXA`. The app draws
//! the 40 bits once from the browser's random source; this module only turns bytes into the id
//! and recognises one.

/// Crockford's base32 alphabet.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Random bytes a device id is made from (40 bits: eight base32 characters).
pub const DEVICE_ID_BYTES: usize = 5;

/// The device id for `bytes`: eight base32 characters, a hyphen after the fourth.
///
/// ```
/// assert_eq!(qkit_export::device::device_id([0; 5]), "0000-0000");
/// assert_eq!(qkit_export::device::device_id([0xff; 5]), "ZZZZ-ZZZZ");
/// ```
pub fn device_id(bytes: [u8; DEVICE_ID_BYTES]) -> String {
    let bits = bytes.iter().fold(0u64, |n, b| n << 8 | u64::from(*b));
    let mut id = String::with_capacity(9);
    for i in 0..8 {
        if i == 4 {
            id.push('-');
        }
        let digit = (bits >> (35 - 5 * i)) & 31;
        id.push(char::from(ALPHABET[digit as usize]));
    }
    id
}

/// Whether `text` is a device id as [`device_id`] writes it.
pub fn is_device_id(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 9
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 {
                *c == b'-'
            } else {
                ALPHABET.contains(c)
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_become_crockford_base32_by_hand() {
        // 0x01 0x23 0x45 0x67 0x89 = 00000 00100 10001 10100 01010 11001 11100 01001:
        // 0, 4, 17 (H), 20 (M), 10 (A), 25 (S), 28 (W), 9.
        assert_eq!(device_id([0x01, 0x23, 0x45, 0x67, 0x89]), "04HM-ASW9");
        // 10000 repeated eight times: 16 (G) each.
        assert_eq!(device_id([0x84, 0x21, 0x08, 0x42, 0x10]), "GGGG-GGGG");
    }

    #[test]
    fn every_id_made_is_recognised_and_only_those() {
        for seed in 0u8..=255 {
            let id = device_id([seed, seed.wrapping_mul(7), 3, seed ^ 0x5a, 255 - seed]);
            assert!(is_device_id(&id), "{id}");
        }
        for bad in [
            "",
            "K7QD2MXA",
            "K7QD-2MXI",
            "k7qd-2mxa",
            "K7QD-2MXAA",
            "K7QD_2MXA",
        ] {
            assert!(!is_device_id(bad), "{bad}");
        }
    }
}
