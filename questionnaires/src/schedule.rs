//! When a programme's mid and post batteries fall due, counted in weeks from a group's first
//! session, and where each figure comes from. Programme lengths vary with how often a site runs
//! sessions, so a figure is either published (with its source), an estimate (with its basis), or
//! the organisation's to set in a local `batteries.json`; qkit never shows a due date without
//! saying which.
//!
//! Read and checked only with the crate's `schedule` feature (the assessor side and the CLI);
//! the participant's app never shows a due date, so without the feature the `schedule` member is
//! accepted and skipped unread (as `codes` are).

use serde::{Deserialize, Serialize};

/// The `schedule` of a programme in `batteries.json`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawScheduleFull {
    /// `published`, `estimate` or `organisation`.
    pub set_by: String,
    /// Weeks from the group's first session to the mid-programme battery.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mid_week: Option<u32>,
    /// Weeks from the group's first session to the post-programme battery (the programme's end).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub post_week: Option<u32>,
    /// For `published`: the source of the figures; for `estimate`: how they were worked out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// The raw `schedule` member: read with the `schedule` feature, skipped without it.
#[cfg(feature = "schedule")]
pub type RawSchedule = Option<RawScheduleFull>;
/// See the `schedule` feature's version.
#[cfg(not(feature = "schedule"))]
pub type RawSchedule = serde::de::IgnoredAny;

/// Where a programme's due dates come from.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "set_by")]
pub enum Schedule {
    /// No figure: the organisation sets the programme's length in a local `batteries.json`.
    #[default]
    Organisation,
    /// Figures from a published description of the programme.
    Published { weeks: Weeks, source: String },
    /// Figures worked out by the kit's authors; `basis` says how.
    Estimate { weeks: Weeks, basis: String },
}

/// Weeks from a group's first session to the mid and post batteries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Weeks {
    pub mid: u32,
    pub post: u32,
}

impl Schedule {
    /// The weeks to mid and post, if the schedule has them.
    pub fn weeks(&self) -> Option<Weeks> {
        match self {
            Schedule::Organisation => None,
            Schedule::Published { weeks, .. } | Schedule::Estimate { weeks, .. } => Some(*weeks),
        }
    }
}

/// The longest programme a schedule may give, in weeks (ten years).
pub const MAX_WEEKS: u32 = 520;
