//! qkit-cohort: the assessment team's cohort as plain data, built from the imported records with
//! the other core crates: the cohort table and its legend, a participant's series of scores and
//! change, staff entries for pathway and allocation, what the allocation screen says about an
//! allocation (out of date, merged with a participants file, counted), chart geometry, the kit with local definition files and a
//! local rules file, and the workspace that keeps all of it. No browser here: the assessor area
//! (`qkit-assessor`, which re-exports this crate as its `model`) and the `qkit` CLI share it, and
//! all of it is tested natively.

pub mod alerts;
pub mod allocation_check;
pub mod chart;
pub mod cohort;
#[cfg(any(test, feature = "generate"))]
pub mod generate;
pub mod legend;
pub mod local;
pub mod merge;
pub mod people;
pub mod reconcile;
pub mod rules_file;
pub mod series;
pub mod staff;
pub mod tracking;
pub mod tracking_csv;
pub mod workspace;
pub mod workspace_file;

use serde::{Deserialize, Serialize};

/// Why a file the assessor chose was not read (the browser reads it; the model judges it).
#[derive(Debug, Clone, PartialEq)]
pub enum ReadError {
    /// The file is larger than the limit for its kind (`size` and `limit` in bytes).
    TooLarge { size: f64, limit: usize },
    /// The browser could not read it (moved or deleted since it was chosen, no permission).
    Browser(String),
}

/// A participant on a programme: one row of the cohort table.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Key {
    /// The pseudonymous case reference.
    pub participant: String,
    /// Programme id from `batteries.json`.
    pub programme: String,
}

impl Key {
    /// The key of `participant` on `programme`.
    pub fn new(participant: &str, programme: &str) -> Key {
        Key {
            participant: participant.to_owned(),
            programme: programme.to_owned(),
        }
    }
}
