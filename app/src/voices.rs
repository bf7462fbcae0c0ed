//! Which synthetic voice reads a language, as a pure rule over the voices the browser offers and
//! the read-aloud settings staff chose. Only voices that run on this computer (`localService`)
//! are used by default: a network voice sends the text it reads (questions about self-harm
//! among them) to its provider, so it is used only when staff chose it for a language and,
//! warned, allowed it. With no voice allowed for a language, read-aloud in it is off (recordings
//! still play). `browser::speech` reads the voices and speaks; it decides nothing.

use serde::{Deserialize, Serialize};

/// A synthetic voice the browser offers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Voice {
    pub name: String,
    /// The id to remember a choice by (`voiceURI`).
    pub uri: String,
    /// A BCP 47 tag such as `en-GB` or `cy`.
    pub lang: String,
    /// Where the voice runs: on this computer, or at a provider over the network.
    pub place: VoicePlace,
}

/// Where a voice turns text into speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VoicePlace {
    /// On this computer (`localService` true): the text stays here.
    Local,
    /// At the voice's provider (`localService` false or unknown): the text is sent there.
    Network,
}

impl Voice {
    /// Whether the voice speaks `lang` (a primary tag such as `en` or `cy`).
    pub fn speaks(&self, lang: &str) -> bool {
        let primary = self.lang.split(['-', '_']).next().unwrap_or_default();
        primary.eq_ignore_ascii_case(lang)
    }

    /// Whether the voice runs on this computer.
    pub fn is_local(&self) -> bool {
        self.place == VoicePlace::Local
    }
}

/// Whether staff, warned that the text then leaves the computer, allowed a network voice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NetworkVoice {
    /// Not allowed (the default): a network voice chosen is not used.
    #[default]
    NotAllowed,
    /// Allowed for the chosen voice of that language.
    Allowed,
}

/// How synthetic speech sounds: the rate, the chosen voice per language (by `voiceURI`) and the
/// network voices staff allowed. Stored with the computer's settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Voicing {
    /// The speaking rate in tenths (10 is the browser's normal rate). Whole numbers keep float
    /// parsing and printing out of the app.
    pub rate_tenths: u8,
    /// (language, voice uri) pairs.
    pub voices: Vec<(String, String)>,
    /// (language, voice uri) pairs of network voices staff allowed after the warning. Settings
    /// stored before this existed allow none.
    #[serde(default)]
    pub network_allowed: Vec<(String, String)>,
}

/// The speaking rate unless staff choose another, in tenths (a little slower than normal).
pub const DEFAULT_RATE_TENTHS: u8 = 9;

impl Default for Voicing {
    fn default() -> Self {
        Voicing {
            rate_tenths: DEFAULT_RATE_TENTHS,
            voices: Vec::new(),
            network_allowed: Vec::new(),
        }
    }
}

impl Voicing {
    /// The rate as speech synthesis takes it.
    pub fn rate(&self) -> f32 {
        f32::from(self.rate_tenths) / 10.0
    }

    /// The voice chosen for `lang`, if any (allowed or not).
    pub fn voice(&self, lang: &str) -> Option<&str> {
        pair(&self.voices, lang)
    }

    /// Whether staff allowed the network voice `uri` for `lang`.
    pub fn network(&self, lang: &str, uri: &str) -> NetworkVoice {
        match pair(&self.network_allowed, lang) {
            Some(allowed) if allowed == uri => NetworkVoice::Allowed,
            _ => NetworkVoice::NotAllowed,
        }
    }

    /// The settings with `voice` chosen for `lang` (`None`: the first local voice), a network
    /// voice allowed only as `network` says.
    pub fn with_voice(mut self, lang: &str, voice: Option<String>, network: NetworkVoice) -> Self {
        self.voices.retain(|(l, _)| l != lang);
        self.network_allowed.retain(|(l, _)| l != lang);
        if let Some(uri) = voice {
            if network == NetworkVoice::Allowed {
                self.network_allowed.push((lang.to_owned(), uri.clone()));
            }
            self.voices.push((lang.to_owned(), uri));
        }
        self
    }
}

fn pair<'a>(pairs: &'a [(String, String)], lang: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(l, _)| l == lang)
        .map(|(_, v)| v.as_str())
}

/// The voices that speak `lang`, local and network.
pub fn speaking<'a>(voices: &'a [Voice], lang: &'a str) -> impl Iterator<Item = &'a Voice> {
    voices.iter().filter(move |v| v.speaks(lang))
}

/// The voice to read `lang` in: the one staff chose if it runs here or they allowed it, else
/// the first local voice that speaks it; `None` (read-aloud off) when there is none.
pub fn choose<'a>(lang: &str, voices: &'a [Voice], voicing: &Voicing) -> Option<&'a Voice> {
    let mut speaking = voices.iter().filter(|v| v.speaks(lang));
    let chosen = voicing.voice(lang).and_then(|uri| {
        speaking.clone().find(|v| {
            v.uri == uri && (v.is_local() || voicing.network(lang, uri) == NetworkVoice::Allowed)
        })
    });
    chosen.or_else(|| speaking.find(|v| v.is_local()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn voice(uri: &str, lang: &str, place: VoicePlace) -> Voice {
        Voice {
            name: uri.to_uppercase(),
            uri: uri.into(),
            lang: lang.into(),
            place,
        }
    }

    /// A network English voice listed first (as Chrome lists Google's), then local voices.
    fn voices() -> Vec<Voice> {
        vec![
            voice("net-en", "en-GB", VoicePlace::Network),
            voice("net-cy", "cy-GB", VoicePlace::Network),
            voice("local-en", "en-GB", VoicePlace::Local),
            voice("local-en-us", "en_US", VoicePlace::Local),
        ]
    }

    fn uri(v: Option<&Voice>) -> Option<&str> {
        v.map(|v| v.uri.as_str())
    }

    #[test]
    fn by_default_the_first_local_voice_reads_never_a_network_one() {
        let (all, v) = (voices(), Voicing::default());
        assert_eq!(uri(choose("en", &all, &v)), Some("local-en"));
        assert_eq!(uri(choose("EN", &all, &v)), Some("local-en"));
    }

    #[test]
    fn with_no_local_voice_read_aloud_is_off_for_that_language() {
        let all = voices();
        assert_eq!(choose("cy", &all, &Voicing::default()), None);
        assert_eq!(choose("fr", &all, &Voicing::default()), None);
        assert_eq!(choose("en", &[], &Voicing::default()), None);
    }

    #[test]
    fn a_chosen_local_voice_is_used() {
        let all = voices();
        let v = Voicing::default().with_voice(
            "en",
            Some("local-en-us".into()),
            NetworkVoice::NotAllowed,
        );
        assert_eq!(uri(choose("en", &all, &v)), Some("local-en-us"));
    }

    #[test]
    fn a_chosen_network_voice_is_not_used_until_staff_allow_it() {
        let all = voices();
        let picked =
            Voicing::default().with_voice("en", Some("net-en".into()), NetworkVoice::NotAllowed);
        assert_eq!(picked.voice("en"), Some("net-en"));
        assert_eq!(uri(choose("en", &all, &picked)), Some("local-en"));
        let welsh =
            Voicing::default().with_voice("cy", Some("net-cy".into()), NetworkVoice::NotAllowed);
        assert_eq!(choose("cy", &all, &welsh), None);

        let allowed = picked.with_voice("en", Some("net-en".into()), NetworkVoice::Allowed);
        assert_eq!(uri(choose("en", &all, &allowed)), Some("net-en"));
        assert_eq!(allowed.network("en", "net-en"), NetworkVoice::Allowed);
        // The allowance is for that voice in that language only.
        assert_eq!(allowed.network("cy", "net-en"), NetworkVoice::NotAllowed);
        assert_eq!(uri(choose("cy", &all, &allowed)), None);
    }

    #[test]
    fn choosing_again_withdraws_the_allowance() {
        let all = voices();
        let allowed =
            Voicing::default().with_voice("cy", Some("net-cy".into()), NetworkVoice::Allowed);
        assert_eq!(uri(choose("cy", &all, &allowed)), Some("net-cy"));
        let back = allowed
            .clone()
            .with_voice("cy", None, NetworkVoice::Allowed);
        assert_eq!(back.network_allowed, Vec::<(String, String)>::new());
        let again = allowed.with_voice("cy", Some("net-cy".into()), NetworkVoice::NotAllowed);
        assert_eq!(choose("cy", &all, &again), None);
    }

    #[test]
    fn an_allowance_for_another_voice_does_not_carry_over() {
        let all = voices();
        let mut v =
            Voicing::default().with_voice("en", Some("net-en".into()), NetworkVoice::NotAllowed);
        v.network_allowed.push(("en".into(), "other".into()));
        assert_eq!(uri(choose("en", &all, &v)), Some("local-en"));
    }

    #[test]
    fn a_chosen_voice_that_is_gone_or_speaks_another_language_falls_back() {
        let all = voices();
        let gone = Voicing::default().with_voice("en", Some("gone".into()), NetworkVoice::Allowed);
        assert_eq!(uri(choose("en", &all, &gone)), Some("local-en"));
        let wrong =
            Voicing::default().with_voice("cy", Some("local-en".into()), NetworkVoice::NotAllowed);
        assert_eq!(choose("cy", &all, &wrong), None);
    }

    #[test]
    fn settings_stored_before_network_voices_were_asked_about_allow_none() {
        let old = r#"{"rate_tenths":12,"voices":[["en","net-en"]]}"#;
        let v: Voicing = serde_json::from_str(old).expect("old settings read");
        assert_eq!(v.rate_tenths, 12);
        assert_eq!(v.network("en", "net-en"), NetworkVoice::NotAllowed);
        assert_eq!(uri(choose("en", &voices(), &v)), Some("local-en"));
        let text = serde_json::to_string(&v.clone().with_voice(
            "en",
            Some("net-en".into()),
            NetworkVoice::Allowed,
        ))
        .expect("serialises");
        let back: Voicing = serde_json::from_str(&text).expect("reads back");
        assert_eq!(back.network("en", "net-en"), NetworkVoice::Allowed);
    }
}
