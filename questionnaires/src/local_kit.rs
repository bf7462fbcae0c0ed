//! Local definition files: questionnaires that cannot be shipped, and a `batteries.json` that
//! lists them, loaded by staff on this device. Plain functions over file texts: the kit is the
//! shipped files plus the local ones, validated together by `Kit::load` exactly as shipped files
//! are, and a set of local files is kept only when the whole kit validates.

use crate::{
    DefinitionError, DefinitionErrorKind, DefinitionErrors, Kit, KitSources, Lang, BATTERIES_FILE,
    MAX_FILE_BYTES,
};
use serde::{Deserialize, Serialize};

/// One local file as staff chose it: its name and its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalFile {
    pub name: String,
    pub text: String,
}

/// A file staff chose, as far as the browser read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Chosen {
    /// The file's text.
    Text(String),
    /// The file is over [`MAX_FILE_BYTES`], so it was not read; its size in bytes.
    TooLarge(u64),
    /// The browser could not read the file (the reason).
    Unreadable(String),
}

/// What a local file adds, for the list on the start screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Listed {
    /// A questionnaire: its id and version (its title is in the kit under the id).
    Questionnaire { id: String, version: String },
    /// The batteries file, in place of the shipped batteries.
    Batteries,
}

impl LocalFile {
    /// What this file adds to `kit` (a kit loaded with it).
    pub fn listed(&self, kit: &Kit) -> Listed {
        if self.name == BATTERIES_FILE {
            return Listed::Batteries;
        }
        // Validation proved a questionnaire's id is its file name without ".json".
        let id = self.name.strip_suffix(".json").unwrap_or(&self.name);
        Listed::Questionnaire {
            id: id.to_owned(),
            version: kit
                .questionnaire(id)
                .map(|q| q.version.clone())
                .unwrap_or_default(),
        }
    }
}

impl LocalFile {
    /// What this file adds to `kit`, in words in `lang` (the `local_item` and `local_batteries`
    /// interface strings).
    pub fn describe(&self, kit: &Kit, lang: &Lang) -> String {
        match self.listed(kit) {
            Listed::Batteries => kit.ui.get(lang, "local_batteries").to_owned(),
            Listed::Questionnaire { id, version } => {
                let title = kit
                    .questionnaire(&id)
                    .map(|q| q.title.get(lang).to_owned())
                    .unwrap_or_default();
                kit.ui.format(
                    lang,
                    "local_item",
                    &[("title", &title), ("id", &id), ("version", &version)],
                )
            }
        }
    }
}

/// The kit from the shipped files plus `local`.
pub fn load(local: &[LocalFile]) -> Result<Kit, DefinitionErrors> {
    load_onto(KitSources::shipped(), local)
}

/// The kit from `base` (the shipped files with one area's interface strings) plus `local`.
pub fn load_onto<'a>(
    base: KitSources<'a>,
    local: &'a [LocalFile],
) -> Result<Kit, DefinitionErrors> {
    let files = local.iter().map(|f| (f.name.as_str(), f.text.as_str()));
    Kit::load(&base.with_local(files))
}

/// The local files with newly chosen ones added (a chosen file replaces a local file of the same
/// name), and the kit they make. Every problem in every file is returned, and nothing is kept,
/// when any chosen file cannot be read or the kit does not validate.
pub fn add(
    local: &[LocalFile],
    chosen: Vec<(String, Chosen)>,
) -> Result<(Kit, Vec<LocalFile>), DefinitionErrors> {
    add_onto(KitSources::shipped(), local, chosen)
}

/// [`add`] onto `base` in place of the participant's shipped files (the assessor area builds on
/// the shipped files with its own interface strings).
pub fn add_onto(
    base: KitSources<'_>,
    local: &[LocalFile],
    chosen: Vec<(String, Chosen)>,
) -> Result<(Kit, Vec<LocalFile>), DefinitionErrors> {
    let mut files = local.to_vec();
    let mut unread = Vec::new();
    for (name, c) in chosen {
        let text = match c {
            Chosen::Text(text) => text,
            Chosen::TooLarge(size) => {
                unread.push(whole_file(
                    &name,
                    DefinitionErrorKind::TooLarge {
                        size: usize::try_from(size).unwrap_or(usize::MAX),
                        limit: MAX_FILE_BYTES,
                    },
                ));
                continue;
            }
            Chosen::Unreadable(reason) => {
                unread.push(whole_file(&name, DefinitionErrorKind::Json(reason)));
                continue;
            }
        };
        files.retain(|f| f.name != name);
        files.push(LocalFile { name, text });
    }
    let kit = load_onto(base, &files);
    match kit {
        Ok(kit) if unread.is_empty() => Ok((kit, files)),
        Ok(_) => Err(DefinitionErrors(unread)),
        Err(e) => {
            unread.extend(e.0);
            Err(DefinitionErrors(unread))
        }
    }
}

/// The local files without the one named `name`, and the kit they make; refused with the
/// problems when the rest does not validate (a local battery still lists the questionnaire).
pub fn remove(local: &[LocalFile], name: &str) -> Result<(Kit, Vec<LocalFile>), DefinitionErrors> {
    let files: Vec<LocalFile> = local.iter().filter(|f| f.name != name).cloned().collect();
    load(&files).map(|kit| (kit, files))
}

/// The kit to start with, from the local files stored on this device.
#[derive(Debug, Clone, PartialEq)]
pub struct Boot {
    pub kit: Kit,
    /// The local files in use (none when they no longer validate).
    pub files: Vec<LocalFile>,
    /// Why the stored local files are not used: the shipped kit is in use instead.
    pub problem: Option<DefinitionErrors>,
}

/// The kit from the shipped files plus the stored local ones (`Err` holding why the stored
/// value cannot be read); the shipped kit with the problem when they no longer validate. `Err`
/// only when the shipped files themselves do not validate.
pub fn boot(stored: Result<Vec<LocalFile>, String>) -> Result<Boot, DefinitionErrors> {
    let problem = match stored {
        Ok(files) if files.is_empty() => None,
        Ok(files) => match load(&files) {
            Ok(kit) => {
                return Ok(Boot {
                    kit,
                    files,
                    problem: None,
                })
            }
            Err(e) => Some(e),
        },
        Err(reason) => Some(DefinitionErrors(vec![whole_file(
            "local files",
            DefinitionErrorKind::Json(reason),
        )])),
    };
    Ok(Boot {
        kit: Kit::shipped()?,
        files: Vec::new(),
        problem,
    })
}

fn whole_file(name: &str, kind: DefinitionErrorKind) -> DefinitionError {
    DefinitionError {
        file: name.to_owned(),
        path: "$".to_owned(),
        kind,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shipped::BATTERIES;
    use crate::Timepoint;

    const EXAMPLE: &str = include_str!("../../tests/definitions/valid/example.json");

    fn text(name: &str, text: &str) -> (String, Chosen) {
        (name.to_owned(), Chosen::Text(text.to_owned()))
    }

    /// The shipped batteries with `example` at the end of TSP's pre battery.
    fn batteries_with_example() -> String {
        let mut b: serde_json::Value = serde_json::from_str(BATTERIES.1).expect("JSON");
        b["programmes"][0]["pre"]
            .as_array_mut()
            .expect("tsp pre")
            .push("example".into());
        b.to_string()
    }

    fn valid_pair() -> Vec<(String, Chosen)> {
        vec![
            text("example.json", EXAMPLE),
            text(BATTERIES_FILE, &batteries_with_example()),
        ]
    }

    fn files_named(errors: &DefinitionErrors) -> Vec<&str> {
        errors.0.iter().map(|e| e.file.as_str()).collect()
    }

    #[test]
    fn a_local_questionnaire_in_a_local_battery_is_used() {
        let (kit, files) = add(&[], valid_pair()).expect("valid files");
        let pre = kit.battery("tsp", Timepoint::Pre).expect("tsp pre");
        assert_eq!(pre.last().map(|q| q.id.as_str()), Some("example"));
        assert_eq!(files.len(), 2);
        assert_eq!(
            files[0].listed(&kit),
            Listed::Questionnaire {
                id: "example".into(),
                version: "1.0.0".into()
            }
        );
        assert_eq!(files[1].listed(&kit), Listed::Batteries);
        let en = Lang::english();
        let title = kit.questionnaire("example").expect("loaded").title.get(&en);
        assert_eq!(
            files[0].describe(&kit, &en),
            format!("{title} (example, version 1.0.0)")
        );
        assert_eq!(
            files[1].describe(&kit, &en),
            kit.ui.get(&en, "local_batteries")
        );
        assert_ne!(files[1].describe(&kit, &en), "local_batteries");
    }

    #[test]
    fn local_files_onto_other_sources_keep_those_sources() {
        let base = KitSources::shipped_with_assessor();
        let assessor_keys = Kit::load(&base).expect("shipped").ui.keys().count();
        let (kit, files) = add_onto(base, &[], valid_pair()).expect("valid files");
        assert_eq!(kit.ui.keys().count(), assessor_keys);
        assert!(assessor_keys > Kit::shipped().expect("shipped").ui.keys().count());
        assert!(kit.questionnaire("example").is_some());
        assert_eq!(files.len(), 2);
    }

    #[test]
    fn a_broken_file_is_named_and_nothing_is_kept() {
        let (_, before) = add(&[], vec![text("example.json", EXAMPLE)]).expect("valid");
        let broken = EXAMPLE.replace("\"format\": 1", "\"format\": 2");
        let chosen = vec![
            text("other.json", "{"),
            ("huge.json".to_owned(), Chosen::TooLarge(50 * 1024 * 1024)),
            text("example.json", &broken),
        ];
        let errors = add(&before, chosen).expect_err("broken files");
        let named = files_named(&errors);
        for file in ["other.json", "huge.json", "example.json"] {
            assert!(named.contains(&file), "{file} not named in {errors:?}");
        }
        let all = errors.to_string();
        assert!(all.contains("format 2 is not supported"), "{all}");
        assert!(all.contains("the limit is"), "{all}");
        // The caller keeps `before`: `add` returned no files to keep.
        assert_eq!(before.len(), 1);
    }

    #[test]
    fn a_valid_file_beside_an_unreadable_one_is_not_kept() {
        let chosen = vec![
            text("example.json", EXAMPLE),
            (
                "junk.json".to_owned(),
                Chosen::Unreadable("not text".into()),
            ),
        ];
        let errors = add(&[], chosen).expect_err("one file unreadable");
        assert_eq!(files_named(&errors), ["junk.json"]);
    }

    #[test]
    fn a_questionnaire_with_a_shipped_id_is_refused() {
        let phq9 = crate::shipped::DEFINITIONS
            .iter()
            .find(|(n, _)| *n == "phq9.json")
            .expect("phq9 is shipped")
            .1;
        let errors = add(&[], vec![text("phq9.json", phq9)]).expect_err("duplicate");
        assert!(
            errors.0.iter().any(|e| matches!(
                &e.kind,
                DefinitionErrorKind::DuplicateId { id, .. } if id == "phq9"
            )),
            "{errors:?}"
        );
    }

    #[test]
    fn a_chosen_file_replaces_a_local_file_of_the_same_name() {
        let (_, files) = add(&[], vec![text("example.json", EXAMPLE)]).expect("valid");
        let newer = EXAMPLE.replace("\"1.0.0\"", "\"1.1.0\"");
        let (kit, files) = add(&files, vec![text("example.json", &newer)]).expect("valid");
        assert_eq!(files.len(), 1);
        assert_eq!(
            kit.questionnaire("example").map(|q| q.version.as_str()),
            Some("1.1.0")
        );
    }

    #[test]
    fn removing_the_batteries_restores_the_shipped_ones_and_a_listed_questionnaire_stays() {
        let (_, files) = add(&[], valid_pair()).expect("valid");
        let errors = remove(&files, "example.json").expect_err("still listed in a battery");
        assert!(errors.to_string().contains("example"), "{errors}");
        let (kit, files) = remove(&files, BATTERIES_FILE).expect("shipped batteries");
        assert_eq!(kit.programmes, Kit::shipped().expect("shipped").programmes);
        let (kit, files) = remove(&files, "example.json").expect("nothing lists it");
        assert!(files.is_empty());
        assert_eq!(kit, Kit::shipped().expect("shipped"));
    }

    #[test]
    fn stored_files_that_still_validate_are_used() {
        let (_, files) = add(&[], valid_pair()).expect("valid");
        let boot = boot(Ok(files.clone())).expect("shipped kit valid");
        assert_eq!(boot.files, files);
        assert!(boot.problem.is_none());
        assert!(boot.kit.questionnaire("example").is_some());
    }

    #[test]
    fn stored_files_that_no_longer_validate_give_the_shipped_kit_and_the_problem() {
        let stored = vec![LocalFile {
            name: "example.json".into(),
            text: EXAMPLE.replace("\"format\": 1", "\"format\": 2"),
        }];
        let boot = boot(Ok(stored)).expect("shipped kit valid");
        assert_eq!(boot.kit, Kit::shipped().expect("shipped"));
        assert!(boot.files.is_empty());
        let problem = boot.problem.expect("a problem");
        assert_eq!(files_named(&problem), ["example.json"]);

        let boot = super::boot(Err("expected value at line 1".into())).expect("shipped");
        assert!(boot
            .problem
            .expect("a problem")
            .to_string()
            .contains("line 1"));
        assert!(super::boot(Ok(Vec::new()))
            .expect("shipped")
            .problem
            .is_none());
    }
}
