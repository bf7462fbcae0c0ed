//! Local definition files in the assessor area: questionnaires qkit cannot ship, and a
//! `batteries.json` that lists them, loaded for this page only. The kit is rebuilt from the
//! shipped files (with the assessor's strings) plus the local ones, exactly as the participant
//! app checks them (`qkit_questionnaires::local_kit`), and the pathway rules in use (shipped or a local
//! rules file) are checked again against it: rules that do not fit refuse the files.
//! Every result held was checked against the kit in use, so a new kit (files added or one
//! removed) is taken only when every held record fits it too; otherwise nothing changes and
//! each record that would no longer fit is named.

use crate::rules_file::{rules_for, RulesFile};
use crate::workspace::{unfit, WorkspaceError};
use qkit_allocation::{Rules, RulesErrors};
use qkit_export::RecordSet;
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

/// Why chosen local files (or a removal) were not used; nothing changed.
#[derive(Debug, Clone, PartialEq)]
pub enum Refused {
    /// A file could not be read, or the kit with the files does not validate.
    Definitions(DefinitionErrors),
    /// The pathway rules do not validate against the kit with the files (or a chosen rules file
    /// does not validate against the kit in use).
    Rules(RulesErrors),
    /// Held records that would no longer fit the new kit (answered under a questionnaire it no
    /// longer has, or in another version), each naming its file.
    Records(Vec<WorkspaceError>),
}

impl Refused {
    /// Every problem, one line each, naming its file.
    pub fn lines(&self) -> Vec<String> {
        match self {
            Refused::Definitions(e) => e.0.iter().map(ToString::to_string).collect(),
            Refused::Rules(e) => e.0.iter().map(ToString::to_string).collect(),
            Refused::Records(e) => e.iter().map(ToString::to_string).collect(),
        }
    }
}

/// The kit made of the shipped files, the local `files` in use and the newly `chosen` ones (a
/// chosen file replaces a local file of the same name), with the rules in use (`rules`: a local
/// rules file, else the shipped rules) checked against it and every record `held` checked
/// against it as an imported file is.
pub fn add(
    files: &[LocalFile],
    rules: Option<&RulesFile>,
    chosen: Vec<(String, Chosen)>,
    held: &RecordSet,
) -> Result<Loaded, Refused> {
    let (kit, files) = local_kit::add_onto(KitSources::shipped_with_assessor(), files, chosen)
        .map_err(Refused::Definitions)?;
    let rules = rules_for(&kit, rules).map_err(Refused::Rules)?;
    let unfit = unfit(&kit, held);
    if !unfit.is_empty() {
        return Err(Refused::Records(unfit));
    }
    Ok(Loaded { kit, rules, files })
}

/// The kit without the local file `name`, checked as [`add`] checks a new one: refused when the
/// rest does not validate (a local battery still lists its questionnaire), the rules no longer
/// fit, or a held record was answered under a questionnaire in it.
pub fn remove(
    files: &[LocalFile],
    rules: Option<&RulesFile>,
    name: &str,
    held: &RecordSet,
) -> Result<Loaded, Refused> {
    let rest = files.iter().filter(|f| f.name != name);
    add(&[], rules, chosen(rest), held)
}

/// The kit and rules a workspace's entries were made with: the shipped files with its local
/// `files`, and its `rules` file (else the shipped rules). The assessor reopening a workspace and
/// the CLI reading a workspace file both build it here.
pub fn for_workspace(files: &[LocalFile], rules: Option<&RulesFile>) -> Result<Loaded, Refused> {
    add(&[], rules, chosen(files.iter()), &RecordSet::new())
}

/// Local files in use, as if chosen again.
fn chosen<'a>(files: impl Iterator<Item = &'a LocalFile>) -> Vec<(String, Chosen)> {
    files
        .map(|f| (f.name.clone(), Chosen::Text(f.text.clone())))
        .collect()
}
