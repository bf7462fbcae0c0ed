//! The fingerprint of a questionnaire's items: what the participant saw and what each answer
//! value meant. Two definitions with the same fingerprint give answers the same meaning, even if
//! their scoring, norms or licence text differ.

use qkit_questionnaires::{Questionnaire, Text};
use sha2::{Digest, Sha256};

/// Lowercase hex SHA-256 over every item's id, wording (standard and easy-read, every
/// language), staff-only flag and options (value and labels), in order.
pub fn item_signature(q: &Questionnaire) -> String {
    let mut h = Sha256::new();
    let text = |h: &mut Sha256, t: &Text| {
        for (lang, s) in t.iter() {
            h.update(lang.as_str().as_bytes());
            h.update([0x1f]);
            h.update(s.as_bytes());
            h.update([0x1e]);
        }
        h.update([0x1d]);
    };
    for item in &q.items {
        h.update(item.id.as_bytes());
        h.update([0x1d, u8::from(item.staff_only)]);
        text(&mut h, &item.text);
        if let Some(e) = &item.easy_read {
            text(&mut h, e);
        }
        for o in &item.response_scale.options {
            h.update(o.value.to_le_bytes());
            text(&mut h, &o.label);
            if let Some(e) = &o.easy_read_label {
                text(&mut h, e);
            }
        }
        h.update([0x1c]);
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}
