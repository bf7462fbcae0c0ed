//! Programmes and timepoints: the batteries given pre, mid and post programme.

use crate::text::Text;
use std::fmt;

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
