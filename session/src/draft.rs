//! The draft: everything needed to carry on a sitting later, as one serialisable value. It is the
//! result record being built plus where the sitting stands (the cursor, the mode, the clock).

use qkit_export::{ResultRecord, Timestamp};
use qkit_scoring::Answer;
use serde::{Deserialize, Serialize};

/// The draft format this qkit writes and reads.
pub const DRAFT_FORMAT: u32 = 1;

/// A sitting in progress (or finished and waiting for export), as stored on the device.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    /// Always [`DRAFT_FORMAT`] when written by this qkit.
    pub format: u32,
    /// The result record being built.
    pub record: ResultRecord,
    /// The screen the sitting is on.
    pub cursor: Cursor,
    /// Whether staff or the participant is at the keyboard.
    pub mode: Mode,
    /// Whether staff are entering answers on the participant's behalf (staff mode only).
    pub assisted: bool,
    /// On a break: the screen is blank until staff resume.
    pub on_break: bool,
    /// Time on the current item.
    pub clock: ItemClock,
    /// The last moment anything happened, to close a sitting cut off by a crash or a closed
    /// browser.
    pub last_activity: Timestamp,
    /// Per questionnaire, in record order: the fingerprint of its items when the sitting started
    /// (see [`crate::signature`]), so a changed definition can be told from a reworded licence.
    pub item_signatures: Vec<String>,
    /// Questionnaires (indexes into the record) whose items changed after answers were given.
    /// Their answers are kept as they are; they are neither asked nor scored on this device.
    pub outdated: Vec<usize>,
    /// The answer chosen on the current item during this visit. It becomes the recorded answer
    /// when the participant leaves the item, so changing one's mind on the same screen is not a
    /// change of answer, but changing it after coming back is (and keeps the history).
    pub pending: Option<Pending>,
}

/// Where the sitting stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Cursor {
    /// Staff read the consent form and record the decision.
    Consent,
    /// Staff hand the laptop to the participant.
    Handover,
    /// The practice question before the first questionnaire: not scored and never recorded.
    Practice,
    /// The start of a questionnaire: what comes next and roughly how long it takes.
    Section { questionnaire: usize },
    /// One item of a questionnaire (index into the record's questionnaires, item id).
    Item { questionnaire: usize, item: String },
    /// The participant's thank-you screen; the battery is complete and scored.
    ThankYou,
    /// The staff completion summary.
    Summary,
    /// Consent was not given; nothing was asked.
    Declined,
}

impl Cursor {
    /// A short name for messages.
    pub fn name(&self) -> &'static str {
        match self {
            Cursor::Consent => "consent",
            Cursor::Handover => "handover",
            Cursor::Practice => "practice",
            Cursor::Section { .. } => "section",
            Cursor::Item { .. } => "item",
            Cursor::ThankYou => "thank-you",
            Cursor::Summary => "summary",
            Cursor::Declined => "declined",
        }
    }

    /// Whether the battery is over (finished or declined): answers can no longer change.
    pub fn is_final(&self) -> bool {
        matches!(self, Cursor::ThankYou | Cursor::Summary | Cursor::Declined)
    }
}

/// Who is at the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// The participant answers; staff-only items are hidden.
    Participant,
    /// Staff are at the keyboard: staff-only items show and answers can be marked as assisted.
    Staff,
}

/// Time spent on the current item, paused during breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct ItemClock {
    /// Milliseconds counted before `since`.
    pub counted_ms: i64,
    /// When the item was last put on screen; `None` while paused or off an item.
    pub since: Option<Timestamp>,
}

impl ItemClock {
    /// A clock started at `now`.
    pub fn started(now: Timestamp) -> Self {
        ItemClock {
            counted_ms: 0,
            since: Some(now),
        }
    }

    /// Seconds on the item up to `now`. A clock that went backwards counts as no time.
    pub fn seconds(&self, now: Timestamp) -> f64 {
        let running = self.since.map_or(0, |s| (now.0 - s.0).max(0));
        (self.counted_ms + running) as f64 / 1000.0
    }

    /// Stops counting at `at`, keeping what was counted.
    pub fn pause(&mut self, at: Timestamp) {
        if let Some(since) = self.since.take() {
            self.counted_ms += (at.0 - since.0).max(0);
        }
    }
}

/// An answer chosen on the current item but not yet recorded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pending {
    pub answer: Answer,
    /// Seconds on the item when it was chosen.
    pub seconds: f64,
    pub at: Timestamp,
}
