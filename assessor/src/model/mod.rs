//! Plain data for the assessor's screens, built from the imported records with the core crates:
//! the cohort table, a participant's series of scores and change, staff entries for pathway and
//! allocation, chart geometry, and the kit with local definition files and a local rules file.
//! No browser here, so all of it is tested natively.

pub mod chart;
pub mod cohort;
pub mod local;
pub mod people;
pub mod rules_file;
pub mod series;
pub mod staff;
pub mod workspace;
pub mod workspace_file;

use serde::{Deserialize, Serialize};

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
