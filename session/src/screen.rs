//! What the app shows for a sitting: one owned value per screen, holding ids and numbers (the app
//! looks the texts up in the kit in the interface language).

use crate::route::Progress;
use qkit_questionnaires::{Lang, Wording};
use qkit_scoring::Answer;

/// The screen a sitting is on.
#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    /// Staff read the consent form (`questionnaire`) and record the answer to `item`.
    Consent {
        questionnaire: String,
        item: String,
        /// Whether the form is shown in easy-read wording.
        wording: Wording,
        /// The language the form is shown in.
        language: Lang,
    },
    /// Staff hand over to the participant.
    Handover,
    /// The practice question before the first questionnaire, with the option chosen on it
    /// (1-based, in the order of `recordings::spoken_keys::PRACTICE_OPTIONS`), if any. The
    /// choice is never recorded: it is not in the draft, and a practice reloaded starts afresh.
    Practice { chosen: Option<usize> },
    /// The start of a questionnaire.
    Section(SectionScreen),
    /// One item.
    Item(ItemScreen),
    /// The participant's thank-you screen.
    ThankYou,
    /// The staff completion summary (see [`crate::Summary`]).
    Summary,
    /// Consent was not given.
    Declined,
}

/// The start of a questionnaire: what comes next and roughly how long it takes.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionScreen {
    /// Index into the record's questionnaires.
    pub index: usize,
    /// The questionnaire's id.
    pub questionnaire: String,
    /// 1-based among the questionnaires asked.
    pub number: usize,
    /// How many questionnaires are asked.
    pub count: usize,
    /// Rough minutes for this questionnaire.
    pub minutes: u32,
    /// Whether this is the first questionnaire (no "well done" yet).
    pub first: bool,
    /// Whether the instructions are shown in easy-read wording.
    pub wording: Wording,
    /// The language the questionnaire's texts are shown in.
    pub language: Lang,
    pub can_go_back: bool,
}

/// One item on screen.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemScreen {
    /// Index into the record's questionnaires.
    pub index: usize,
    /// The questionnaire's id.
    pub questionnaire: String,
    /// The item's id.
    pub item: String,
    /// Which wording is shown (easy-read only when asked for and the item has it).
    pub wording: Wording,
    /// The language the item is shown in (English when the questionnaire lacks the sitting's).
    pub language: Lang,
    /// The answer chosen now or recorded earlier.
    pub answer: Option<Answer>,
    pub progress: Progress,
    pub staff_only: bool,
    pub can_go_back: bool,
}
