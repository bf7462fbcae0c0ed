//! The validated questionnaire model.
//!
//! Values of these types only come out of validation, so every reference in them resolves and
//! every number is in range. Fields are public for reading; nothing outside this crate builds
//! them except through [`crate::load_questionnaire`] and friends.

pub use crate::codes::{Code, Codes};
pub use crate::norm::*;
use crate::text::{Lang, Text};
use std::fmt;

/// What a questionnaire is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionnaireKind {
    /// A published psychometric instrument.
    Instrument,
    /// The kit's consent form; every battery starts with it.
    Consent,
    /// Another kit-authored form (support needs, feedback).
    Form,
}

/// One questionnaire, ready to present and score.
#[derive(Debug, Clone, PartialEq)]
pub struct Questionnaire {
    pub id: String,
    pub version: String,
    pub kind: QuestionnaireKind,
    pub title: Text,
    pub short_title: Text,
    pub instructions: Text,
    pub easy_read_instructions: Option<Text>,
    pub languages: Vec<Lang>,
    pub licence: String,
    /// Whether the permission to use the instrument is documented by its rights holder.
    pub licence_check: LicenceCheck,
    pub source: String,
    pub minutes: u32,
    pub special_answers: Vec<SpecialAnswerRule>,
    pub items: Vec<Item>,
    pub scales: Vec<Scale>,
    pub validity: Validity,
    pub alerts: Vec<Alert>,
    /// The instrument's codes in published terminologies (a LOINC panel), each with its source.
    pub codes: Codes,
    /// Lowercase hex SHA-256 of the definition's canonical JSON (key order fixed, whitespace
    /// dropped), so reformatting a file does not change it but any content change does.
    pub content_hash: String,
}

impl Questionnaire {
    /// The item with this id.
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.id == id)
    }

    /// Position of the item with this id.
    pub fn item_index(&self, id: &str) -> Option<usize> {
        self.items.iter().position(|i| i.id == id)
    }

    /// The scale with this id.
    pub fn scale(&self, id: &str) -> Option<&Scale> {
        self.scales.iter().find(|s| s.id == id)
    }

    /// The rule for a special answer, if this questionnaire offers it.
    pub fn special_answer(&self, kind: SpecialAnswer) -> Option<&SpecialAnswerRule> {
        self.special_answers.iter().find(|r| r.kind == kind)
    }

    /// The special answers offered on one item: the questionnaire's, less any whose meaning one
    /// of the item's own options already carries (an option coded `prefer_not_to_say`, say), so
    /// nothing is offered twice.
    pub fn special_answers_for<'a>(
        &'a self,
        item: &'a Item,
    ) -> impl Iterator<Item = &'a SpecialAnswerRule> + 'a {
        self.special_answers
            .iter()
            .filter(move |r| item.response_scale.option_with_code(r.kind.key()).is_none())
    }

    /// The first item with this role, if any (kit forms).
    pub fn item_with_role(&self, role: ItemRole) -> Option<&Item> {
        self.items.iter().find(|i| i.role == Some(role))
    }

    /// Whether the questionnaire is scored at all.
    pub fn is_scored(&self) -> bool {
        !self.scales.is_empty()
    }
}

/// Whether permission to use an instrument is documented, or the organisation must confirm it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LicenceCheck {
    /// The rights holder's permission is published, and `licence` quotes it and says where.
    Documented,
    /// No permission statement from the rights holder could be checked: the organisation must
    /// confirm its licence before using the instrument.
    OrganisationMustConfirm,
}

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

/// An sRGB colour from `#rrggbb`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Colour(pub [u8; 3]);

impl Colour {
    /// Parses `#rrggbb`.
    pub fn parse(s: &str) -> Option<Colour> {
        let hex = s.strip_prefix('#')?;
        if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Colour([byte(0)?, byte(2)?, byte(4)?]))
    }
}

impl fmt::Display for Colour {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [r, g, b] = self.0;
        write!(f, "#{r:02x}{g:02x}{b:02x}")
    }
}

/// The pictograms built into the app, by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pictogram {
    /// Graded bars, 0 to 4 filled.
    Bars(u8),
    /// A face, 1 (saddest) to 5 (happiest).
    Face(u8),
    Yes,
    No,
    Maybe,
    Day,
    Evening,
    AnyTime,
    Book,
    Speech,
    Place,
    Person,
}

impl Pictogram {
    /// Every name the format accepts, for error messages and docs.
    pub const NAMES: &'static str = "bars-0..bars-4, face-1..face-5, yes, no, maybe, day, evening, any-time, book, speech, place, person";

    /// Parses a pictogram name.
    pub fn parse(name: &str) -> Option<Pictogram> {
        if let Some(n) = name.strip_prefix("bars-") {
            return n.parse().ok().filter(|n| *n <= 4).map(Pictogram::Bars);
        }
        if let Some(n) = name.strip_prefix("face-") {
            return n
                .parse()
                .ok()
                .filter(|n| (1..=5).contains(n))
                .map(Pictogram::Face);
        }
        Some(match name {
            "yes" => Pictogram::Yes,
            "no" => Pictogram::No,
            "maybe" => Pictogram::Maybe,
            "day" => Pictogram::Day,
            "evening" => Pictogram::Evening,
            "any-time" => Pictogram::AnyTime,
            "book" => Pictogram::Book,
            "speech" => Pictogram::Speech,
            "place" => Pictogram::Place,
            "person" => Pictogram::Person,
            _ => return None,
        })
    }
}

/// An answer that is not one of the scale's options.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SpecialAnswer {
    DontKnow,
    PreferNotToSay,
    DontUnderstand,
}

impl SpecialAnswer {
    /// Every special answer, in display order.
    pub const ALL: [SpecialAnswer; 3] = [
        SpecialAnswer::DontKnow,
        SpecialAnswer::PreferNotToSay,
        SpecialAnswer::DontUnderstand,
    ];

    /// The short code used in CSV files: `DK`, `PNS`, `DU`.
    pub fn code(self) -> &'static str {
        match self {
            SpecialAnswer::DontKnow => "DK",
            SpecialAnswer::PreferNotToSay => "PNS",
            SpecialAnswer::DontUnderstand => "DU",
        }
    }

    /// Parses a CSV code.
    pub fn from_code(code: &str) -> Option<SpecialAnswer> {
        SpecialAnswer::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The name used in definition files and records.
    pub fn key(self) -> &'static str {
        match self {
            SpecialAnswer::DontKnow => "dont_know",
            SpecialAnswer::PreferNotToSay => "prefer_not_to_say",
            SpecialAnswer::DontUnderstand => "dont_understand",
        }
    }

    /// Parses a definition-file name.
    pub fn from_key(key: &str) -> Option<SpecialAnswer> {
        SpecialAnswer::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// How scoring treats a special answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpecialAnswerPolicy {
    /// Counts as unanswered.
    Missing,
    /// Counts as unanswered, and the item is listed for staff to revisit.
    MissingAndFlag,
}

/// A special answer a questionnaire offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpecialAnswerRule {
    pub kind: SpecialAnswer,
    pub policy: SpecialAnswerPolicy,
}

/// Subscale or total.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScaleKind {
    Subscale,
    Total,
}

/// How item answers combine into a score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Sum,
    Mean,
}

/// How many items must be answered for a score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum MinAnswered {
    Count(u32),
    Proportion(f64),
}

impl MinAnswered {
    /// The smallest number of answered items that meets the rule for a scale of `n_items`.
    pub fn required(self, n_items: usize) -> usize {
        match self {
            MinAnswered::Count(n) => n as usize,
            // Proportion is validated to (0, 1], so this lies in 1..=n_items. A tiny tolerance
            // keeps 0.8 × 10 at 8 despite binary rounding.
            MinAnswered::Proportion(p) => ((p * n_items as f64) - 1e-9).ceil().max(1.0) as usize,
        }
    }
}

/// Whether a prorated score is rounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rounding {
    None,
    /// To the nearest whole number, half away from zero.
    Integer,
}

/// Whether prorating applies when items are missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prorate {
    On,
    Off,
}

/// What a higher score means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    HigherIsMoreNeed,
    HigherIsLessNeed,
}

impl Direction {
    /// The name used in files and reports.
    pub fn key(self) -> &'static str {
        match self {
            Direction::HigherIsMoreNeed => "higher_is_more_need",
            Direction::HigherIsLessNeed => "higher_is_less_need",
        }
    }
}

/// A subscale or total.
#[derive(Debug, Clone, PartialEq)]
pub struct Scale {
    pub id: String,
    pub kind: ScaleKind,
    pub title: Text,
    /// Indexes into the questionnaire's `items`.
    pub items: Vec<usize>,
    pub method: Method,
    pub min_answered: MinAnswered,
    pub prorate: Prorate,
    pub rounding: Rounding,
    pub direction: Direction,
    pub norms: Vec<Norm>,
    /// Index into `norms`; `None` only when there are no norms.
    pub default_norm: Option<usize>,
    pub bands: Option<Bands>,
    pub clinical_significance: Option<ClinicalSignificance>,
    /// Which change counts as reliable; `None` when the definition names no rule, and then
    /// change is not judged unless the assessor chooses the cohort's own SD.
    pub reliable_change: Option<ReliableChangeRule>,
    /// Lowest possible score.
    pub score_min: f64,
    /// Highest possible score.
    pub score_max: f64,
    /// The score's codes in published terminologies (a LOINC total score), each with its source.
    pub codes: Codes,
}

impl Scale {
    /// The norm with this id.
    pub fn norm(&self, id: &str) -> Option<&Norm> {
        self.norms.iter().find(|n| n.id == id)
    }

    /// The default norm, if the scale has norms.
    pub fn default_norm(&self) -> Option<&Norm> {
        self.default_norm.and_then(|i| self.norms.get(i))
    }
}

/// What band limits are measured on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BandBasis {
    Score,
    /// T-score against the scale's default norm.
    TScore,
}

/// Cut-offs for a scale.
#[derive(Debug, Clone, PartialEq)]
pub struct Bands {
    pub basis: BandBasis,
    pub citation: Option<String>,
    /// In rising order, not overlapping.
    pub bands: Vec<Band>,
}

impl Bands {
    /// The band a value falls in: the band with the greatest `min` not above it (so a value in a
    /// gap between two bands takes the lower one). Values below the first band take the first;
    /// above the last, the last.
    pub fn band_for(&self, value: f64) -> Option<&Band> {
        self.bands
            .iter()
            .rev()
            .find(|b| b.min <= value)
            .or_else(|| self.bands.first())
    }
}

/// One band, limits inclusive.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    pub id: String,
    pub label: Text,
    pub min: f64,
    pub max: f64,
    pub colour: Option<Colour>,
    /// A score in this band puts the answers themselves in doubt (for example a BIS-11 total
    /// below 52): staff check with him, and the score is not read as low or high need.
    pub validity_concern: bool,
}

/// Response-quality settings.
#[derive(Debug, Clone, PartialEq)]
pub struct Validity {
    pub min_seconds_per_item: Option<f64>,
    /// Flag when more than this proportion of items is missing; default 0.2.
    pub max_missing_proportion: f64,
    /// Pairs of item indexes whose answers should disagree.
    pub opposite_pairs: Vec<(usize, usize)>,
}

/// An answer staff must be told about before the participant leaves.
#[derive(Debug, Clone, PartialEq)]
pub struct Alert {
    /// Index into the questionnaire's `items`.
    pub item: usize,
    /// Alert when the answer's value is at least this.
    pub at_least: i32,
    /// Also alert when the item is left unanswered or given a special answer, because silence
    /// on a risk item is itself something staff must follow up.
    pub when_unanswered: bool,
    pub message: Text,
}

/// Pre, mid or post programme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Timepoint {
    Pre,
    Mid,
    Post,
}

impl Timepoint {
    /// All timepoints in order.
    pub const ALL: [Timepoint; 3] = [Timepoint::Pre, Timepoint::Mid, Timepoint::Post];

    /// `pre`, `mid` or `post`.
    pub fn key(self) -> &'static str {
        match self {
            Timepoint::Pre => "pre",
            Timepoint::Mid => "mid",
            Timepoint::Post => "post",
        }
    }

    /// Parses `pre`, `mid` or `post`.
    pub fn from_key(key: &str) -> Option<Timepoint> {
        Timepoint::ALL.into_iter().find(|t| t.key() == key)
    }
}

impl fmt::Display for Timepoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// A programme and its batteries.
#[derive(Debug, Clone, PartialEq)]
pub struct Programme {
    pub id: String,
    pub name: Text,
    pub description: Option<Text>,
    /// Questionnaire ids for pre, mid and post, in order.
    pub batteries: [Vec<String>; 3],
    /// When mid and post fall due; always the organisation's to set without the `schedule`
    /// feature.
    pub schedule: crate::schedule::Schedule,
}

impl Programme {
    /// The ordered questionnaire ids for one timepoint.
    pub fn battery(&self, timepoint: Timepoint) -> &[String] {
        &self.batteries[timepoint as usize]
    }
}
