//! The read-aloud settings staff choose on the start screen: the speaking rate and the voice for
//! each language, with any network voice staff allowed. They belong to the computer (its
//! voices), not to a participant.

use super::*;
use crate::voices::{NetworkVoice, Voicing};

/// The slowest and fastest speaking rates offered, in tenths.
pub const RATE_RANGE: (u8, u8) = (5, 15);

impl AppState {
    pub(super) fn set_rate(&mut self, tenths: u8) {
        let mut v = (*self.voicing).clone();
        v.rate_tenths = tenths.clamp(RATE_RANGE.0, RATE_RANGE.1);
        self.store_voicing(v);
    }

    /// Chooses the voice for `lang`. A network voice chosen without `NetworkVoice::Allowed` is
    /// remembered (so the settings keep asking) but not used: `crate::voices::choose` skips it.
    pub(super) fn set_voice(&mut self, lang: &str, voice: Option<String>, network: NetworkVoice) {
        let v = (*self.voicing).clone().with_voice(lang, voice, network);
        self.store_voicing(v);
    }

    fn store_voicing(&mut self, v: Voicing) {
        // The settings are a convenience: if they cannot be stored they still apply now.
        let _ = self.env.store.set_voicing(&v);
        self.voicing = Rc::new(v);
    }
}
