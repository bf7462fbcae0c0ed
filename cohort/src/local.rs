//! Local definition files in the assessor area: questionnaires qkit cannot ship, and a
//! `batteries.json` that lists them, loaded for this page only. The kit is rebuilt from the
//! shipped files (with the assessor's strings) plus the local ones, exactly as the participant
//! app checks them (`qkit_questionnaires::local_kit`), and the pathway rules in use (shipped or a local
//! rules file) are checked again against it: rules that do not fit refuse the files.
//! Local files are taken only before any result is held, so every held record was checked
//! against the kit in use.

use crate::rules_file::{rules_for, RulesFile};
use qkit_allocation::{Rules, RulesErrors};
use qkit_questionnaires::local_kit::{self, Chosen, LocalFile};
use qkit_questionnaires::{DefinitionErrors, Kit, KitSources};

/// A kit with local files, and the rules in use checked against it.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub kit: Kit,
    pub rules: Rules,
    /// Every local file in use (earlier ones and the newly chosen ones).
    pub files: Vec<LocalFile>,
}

/// Why chosen local files were not used; nothing changed.
#[derive(Debug, Clone, PartialEq)]
pub enum Refused {
    /// Results are held (or being imported): they were checked against the kit in use.
    ResultsHeld,
    /// A file could not be read, or the kit with the files does not validate.
    Definitions(DefinitionErrors),
    /// The pathway rules do not validate against the kit with the files (or a chosen rules file
    /// does not validate against the kit in use).
    Rules(RulesErrors),
}

impl Refused {
    /// Every problem, one line each, naming its file.
    pub fn lines(&self) -> Vec<String> {
        match self {
            Refused::ResultsHeld => Vec::new(),
            Refused::Definitions(e) => e.0.iter().map(ToString::to_string).collect(),
            Refused::Rules(e) => e.0.iter().map(ToString::to_string).collect(),
        }
    }
}

/// The kit made of the shipped files, the local `files` in use and the newly `chosen` ones (a
/// chosen file replaces a local file of the same name), with the rules in use (`rules`: a local
/// rules file, else the shipped rules) checked against it. `results_held` says whether any result
/// is held or being imported, in which case nothing is loaded.
pub fn add(
    files: &[LocalFile],
    rules: Option<&RulesFile>,
    chosen: Vec<(String, Chosen)>,
    results_held: bool,
) -> Result<Loaded, Refused> {
    if results_held {
        return Err(Refused::ResultsHeld);
    }
    let (kit, files) = local_kit::add_onto(KitSources::shipped_with_assessor(), files, chosen)
        .map_err(Refused::Definitions)?;
    let rules = rules_for(&kit, rules).map_err(Refused::Rules)?;
    Ok(Loaded { kit, rules, files })
}

/// The kit and rules a workspace's entries were made with: the shipped files with its local
/// `files`, and its `rules` file (else the shipped rules). The assessor reopening a workspace and
/// the CLI reading a workspace file both build it here.
pub fn for_workspace(files: &[LocalFile], rules: Option<&RulesFile>) -> Result<Loaded, Refused> {
    let chosen = files
        .iter()
        .map(|f| (f.name.clone(), Chosen::Text(f.text.clone())))
        .collect();
    add(&[], rules, chosen, false)
}
