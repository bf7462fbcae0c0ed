//! A kit: the validated questionnaires, the programmes' batteries and the interface strings,
//! loaded together so that cross-file references are checked.

use crate::error::{DefinitionError, DefinitionErrorKind, DefinitionErrors};
use crate::model::{Programme, Questionnaire, Timepoint};
use crate::shipped;
use crate::ui::UiStrings;
use crate::validate::{validate_batteries, validate_questionnaire, validate_ui};
use std::collections::BTreeMap;

/// The files a kit is loaded from, as (file name, contents) pairs.
#[derive(Debug, Clone)]
pub struct KitSources<'a> {
    pub definitions: Vec<(&'a str, &'a str)>,
    pub batteries: (&'a str, &'a str),
    pub ui: Vec<(&'a str, &'a str)>,
}

impl KitSources<'static> {
    /// The files shipped with qkit, with the participant's and staff's interface strings.
    pub fn shipped() -> Self {
        KitSources {
            definitions: shipped::DEFINITIONS.to_vec(),
            batteries: shipped::BATTERIES,
            ui: shipped::UI.to_vec(),
        }
    }

    /// The shipped files with the assessor area's interface strings as well.
    pub fn shipped_with_assessor() -> Self {
        let mut sources = KitSources::shipped();
        sources.ui.extend_from_slice(shipped::UI_ASSESSOR);
        sources
    }
}

/// The file name of the batteries file. A local file with this name replaces the batteries.
pub const BATTERIES_FILE: &str = "batteries.json";

impl<'a> KitSources<'a> {
    /// These sources with local files added, as (file name, contents) pairs: a file named
    /// [`BATTERIES_FILE`] replaces the batteries, every other file is one more questionnaire.
    pub fn with_local<'b: 'a>(
        mut self,
        local: impl IntoIterator<Item = (&'b str, &'b str)>,
    ) -> Self {
        for (name, text) in local {
            if name == BATTERIES_FILE {
                self.batteries = (name, text);
            } else {
                self.definitions.push((name, text));
            }
        }
        self
    }
}

/// Validated questionnaires, batteries and interface strings.
#[derive(Debug, Clone, PartialEq)]
pub struct Kit {
    pub questionnaires: BTreeMap<String, Questionnaire>,
    pub programmes: Vec<Programme>,
    pub ui: UiStrings,
}

impl Kit {
    /// Loads the shipped kit (participant's and staff's interface strings).
    pub fn shipped() -> Result<Kit, DefinitionErrors> {
        Kit::load(&KitSources::shipped())
    }

    /// Loads the shipped kit with the assessor area's interface strings as well.
    pub fn shipped_with_assessor() -> Result<Kit, DefinitionErrors> {
        Kit::load(&KitSources::shipped_with_assessor())
    }

    /// Loads and validates a kit, collecting every problem in every file.
    pub fn load(sources: &KitSources) -> Result<Kit, DefinitionErrors> {
        let mut errors = Vec::new();
        let ui = validate_ui(&sources.ui)
            .map_err(|e| errors.extend(e.0))
            .ok();
        let mut questionnaires = BTreeMap::new();
        for (file, text) in &sources.definitions {
            match validate_questionnaire(file, text) {
                Ok(q) if questionnaires.contains_key(&q.id) => {
                    errors.push(DefinitionError::new(
                        file,
                        "$.id",
                        DefinitionErrorKind::DuplicateId {
                            what: "questionnaire",
                            id: q.id.clone(),
                        },
                    ));
                }
                Ok(q) => {
                    questionnaires.insert(q.id.clone(), q);
                }
                Err(e) => errors.extend(e.0),
            }
        }
        check_item_ids_unique(&questionnaires, &mut errors);
        let ui_langs: Vec<_> = ui
            .as_ref()
            .map(|u| u.languages().map(|(l, _)| l.clone()).collect())
            .unwrap_or_default();
        let (file, text) = sources.batteries;
        let programmes = validate_batteries(file, text, &questionnaires, &ui_langs)
            .map_err(|e| errors.extend(e.0))
            .ok();
        match (ui, programmes) {
            (Some(ui), Some(programmes)) if errors.is_empty() => Ok(Kit {
                questionnaires,
                programmes,
                ui,
            }),
            _ => Err(DefinitionErrors(errors)),
        }
    }

    /// The questionnaire with this id.
    pub fn questionnaire(&self, id: &str) -> Option<&Questionnaire> {
        self.questionnaires.get(id)
    }

    /// The programme with this id.
    pub fn programme(&self, id: &str) -> Option<&Programme> {
        self.programmes.iter().find(|p| p.id == id)
    }

    /// The questionnaires of one battery, in order.
    pub fn battery(&self, programme: &str, timepoint: Timepoint) -> Option<Vec<&Questionnaire>> {
        let p = self.programme(programme)?;
        // Validation proved every id in a battery names a loaded questionnaire.
        p.battery(timepoint)
            .iter()
            .map(|id| self.questionnaire(id))
            .collect()
    }
}

/// Item ids are unique across the whole kit, so records and CSV headers are unambiguous.
fn check_item_ids_unique(
    questionnaires: &BTreeMap<String, Questionnaire>,
    errors: &mut Vec<DefinitionError>,
) {
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    for q in questionnaires.values() {
        for (i, item) in q.items.iter().enumerate() {
            if let Some(other) = seen.insert(&item.id, &q.id) {
                errors.push(DefinitionError::new(
                    &format!("{}.json", q.id),
                    format!("$.items[{i}].id"),
                    DefinitionErrorKind::Rule(format!(
                        "item id \"{}\" is also used by questionnaire \"{other}\"",
                        item.id
                    )),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXAMPLE: &str = include_str!("../../tests/definitions/valid/example.json");

    /// The shipped batteries with `example` added to TSP's pre battery.
    fn batteries_with_example() -> String {
        let mut b: serde_json::Value =
            serde_json::from_str(shipped::BATTERIES.1).expect("shipped batteries are JSON");
        b["programmes"][0]["pre"]
            .as_array_mut()
            .expect("tsp has a pre battery")
            .push("example".into());
        b.to_string()
    }

    #[test]
    fn local_batteries_replace_shipped_and_local_questionnaires_are_added() {
        let batteries = batteries_with_example();
        let local = [
            ("example.json", EXAMPLE),
            (BATTERIES_FILE, batteries.as_str()),
        ];
        let sources = KitSources::shipped().with_local(local);
        assert_eq!(sources.batteries.1, batteries);
        assert_eq!(sources.definitions.len(), shipped::DEFINITIONS.len() + 1);
        let kit = Kit::load(&sources).expect("valid local files");
        let pre = kit.battery("tsp", Timepoint::Pre).expect("tsp pre");
        assert_eq!(pre.last().map(|q| q.id.as_str()), Some("example"));
    }

    #[test]
    fn without_local_batteries_the_shipped_ones_stay() {
        let sources = KitSources::shipped().with_local([("example.json", EXAMPLE)]);
        assert_eq!(sources.batteries, shipped::BATTERIES);
        let kit = Kit::load(&sources).expect("valid local file");
        assert!(kit.questionnaire("example").is_some());
    }
}
