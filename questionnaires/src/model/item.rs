//! One question: its wordings, the role it plays in a kit form, and its ordered answer options.

use super::{Codes, Colour, Pictogram};
use crate::text::{Lang, Text};

/// One question.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub id: String,
    pub text: Text,
    pub easy_read: Option<Text>,
    /// Recorded audio of `text`, per language: path relative to the kit's `audio/` folder.
    pub audio: Vec<(Lang, String)>,
    /// Recorded audio of `easy_read`, per language.
    pub easy_read_audio: Vec<(Lang, String)>,
    pub picture: Option<String>,
    pub response_scale: ResponseScale,
    pub reverse_keyed: bool,
    pub staff_only: bool,
    pub role: Option<ItemRole>,
    /// The item's codes in published terminologies, each with its source.
    pub codes: Codes,
}

impl Item {
    /// The value an answer scores as, after reverse keying.
    pub fn keyed(&self, value: i32) -> i32 {
        if self.reverse_keyed {
            self.response_scale.reverse(value)
        } else {
            value
        }
    }

    /// The recorded audio for this item in `lang` and `wording`, if declared.
    pub fn audio_for(&self, lang: &Lang, wording: Wording) -> Option<&str> {
        let list = match wording {
            Wording::Standard => &self.audio,
            Wording::EasyRead => &self.easy_read_audio,
        };
        list.iter()
            .find(|(l, _)| l == lang)
            .map(|(_, p)| p.as_str())
    }

    /// The text shown for `wording`, falling back to the standard text.
    pub fn text_for(&self, wording: Wording) -> &Text {
        match (wording, &self.easy_read) {
            (Wording::EasyRead, Some(t)) => t,
            _ => &self.text,
        }
    }

    /// Whether the easy-read wording of this item differs from the published one: its text, or
    /// the label of any of its options. An answer given in such a wording was not given to the
    /// instrument the norms were set on.
    pub fn has_adapted_wording(&self) -> bool {
        let text = self.easy_read.as_ref().is_some_and(|t| *t != self.text);
        let options = self.response_scale.options.iter().any(|o| {
            o.easy_read_label
                .as_ref()
                .is_some_and(|label| *label != o.label)
        });
        text || options
    }
}

/// Which wording of an item was shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Wording {
    /// The published wording.
    Standard,
    /// The kit-authored easy-read wording.
    EasyRead,
}

/// What a kit form item means to the rest of qkit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ItemRole {
    Consent,
    PreferredLanguage,
    ReadingHelp,
    LearningNeeds,
    Availability,
    InWork,
    Site,
}

impl ItemRole {
    /// Every role by the key definition and rules files name it with.
    pub const BY_KEY: &'static [(&'static str, ItemRole)] = &[
        ("consent", ItemRole::Consent),
        ("preferred_language", ItemRole::PreferredLanguage),
        ("reading_help", ItemRole::ReadingHelp),
        ("learning_needs", ItemRole::LearningNeeds),
        ("availability", ItemRole::Availability),
        ("in_work", ItemRole::InWork),
        ("site", ItemRole::Site),
    ];

    /// The role a file's key names, if any.
    pub fn from_key(key: &str) -> Option<ItemRole> {
        ItemRole::BY_KEY
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, r)| *r)
    }
}

/// Ordered answer options.
#[derive(Debug, Clone, PartialEq)]
pub struct ResponseScale {
    pub id: String,
    pub options: Vec<ResponseOption>,
    /// Smallest option value.
    pub min: i32,
    /// Largest option value.
    pub max: i32,
}

impl ResponseScale {
    /// Reverse keying: `min + max − value`.
    pub fn reverse(&self, value: i32) -> i32 {
        self.min + self.max - value
    }

    /// The option with this value.
    pub fn option(&self, value: i32) -> Option<&ResponseOption> {
        self.options.iter().find(|o| o.value == value)
    }

    /// The option with this code.
    pub fn option_with_code(&self, code: &str) -> Option<&ResponseOption> {
        self.options
            .iter()
            .find(|o| o.code.as_deref() == Some(code))
    }
}

/// One answer option.
#[derive(Debug, Clone, PartialEq)]
pub struct ResponseOption {
    pub value: i32,
    pub label: Text,
    pub easy_read_label: Option<Text>,
    pub colour: Colour,
    pub pictogram: Pictogram,
    pub code: Option<String>,
    pub audio: Vec<(Lang, String)>,
    /// The option's codes in published terminologies (a LOINC answer), each with its source.
    pub codes: Codes,
}

impl ResponseOption {
    /// The label shown for `wording`, falling back to the standard label.
    pub fn label_for(&self, wording: Wording) -> &Text {
        match (wording, &self.easy_read_label) {
            (Wording::EasyRead, Some(t)) => t,
            _ => &self.label,
        }
    }
}
