//! Random record ids from the browser's cryptographic random source.

/// 16 random bytes as 32 lowercase hex digits. Falls back to `Math.random` only if the page has
/// no `crypto` (never in a supported browser); the id only has to be unique, not secret.
pub fn record_id() -> String {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        for b in &mut bytes {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
