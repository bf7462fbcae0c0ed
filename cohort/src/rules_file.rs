//! A local pathway rules file in the assessor area, loaded for this page only in place of the
//! shipped `pathways.json`. It is checked with the same loader as the CLI's `--rules`
//! (`qkit_allocation::Rules::load`) against the kit in use, local questionnaires included, and
//! checked again whenever local questionnaires change the kit. Rules decide pathways, not whether
//! a record fits the kit, so a rules file is taken whatever results are held: the pathways are
//! decided afresh from the new rules, and an allocation made before it is marked out of date
//! (`allocation_check.rs`).

use crate::local::Refused;
use crate::ReadError;
use qkit_allocation::{Rules, RulesError, RulesErrorKind, RulesErrors, MAX_RULES_BYTES};
use qkit_questionnaires::Kit;
use serde::{Deserialize, Serialize};

/// A local rules file in use: its name and its text, kept in memory to check it again against a
/// new kit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulesFile {
    /// The file's name, shown as the rules in use and in every problem.
    pub name: String,
    text: String,
}

impl RulesFile {
    /// The rules in this file, checked against `kit`.
    pub fn rules(&self, kit: &Kit) -> Result<Rules, RulesErrors> {
        Rules::load(&self.name, &self.text, kit)
    }
}

/// The rules for `kit`: from the local rules file in use, else the shipped ones.
pub fn rules_for(kit: &Kit, file: Option<&RulesFile>) -> Result<Rules, RulesErrors> {
    match file {
        Some(f) => f.rules(kit),
        None => Rules::shipped(kit),
    }
}

/// Loads the chosen rules file `name` (its bytes, or why they were not read) against `kit`.
/// On any problem nothing is loaded and every problem names the file.
pub fn load(
    kit: &Kit,
    name: &str,
    read: Result<Vec<u8>, ReadError>,
) -> Result<(RulesFile, Rules), Refused> {
    let refuse = |kind: RulesErrorKind| {
        Refused::Rules(RulesErrors(vec![RulesError {
            file: name.to_owned(),
            path: "$".to_owned(),
            kind,
        }]))
    };
    let bytes = read.map_err(|e| {
        refuse(match e {
            // Sizes are whole numbers of bytes; a size beyond usize saturates, still too large.
            ReadError::TooLarge { size, .. } => RulesErrorKind::TooLarge {
                size: size as usize,
                limit: MAX_RULES_BYTES,
            },
            ReadError::Browser(why) => RulesErrorKind::Json(why),
        })
    })?;
    let text = String::from_utf8(bytes).map_err(|_| {
        refuse(RulesErrorKind::Json(
            "the file is not UTF-8 text".to_owned(),
        ))
    })?;
    let file = RulesFile {
        name: name.to_owned(),
        text,
    };
    let rules = file.rules(kit).map_err(Refused::Rules)?;
    Ok((file, rules))
}
