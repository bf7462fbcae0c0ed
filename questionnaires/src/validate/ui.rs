//! Validation of interface-strings files: every language has exactly English's keys, no empty
//! strings, and the same `{placeholders}`.
//!
//! Files come in sets: `<lang>.json` (the participant's and staff's screens) and
//! `<set>/<lang>.json` (e.g. `assessor/cy.json`). Each set is checked against its own English
//! file; the sets are then merged per language, and a key may belong to one set only.

use super::{parse, Ctx};
use crate::error::{DefinitionError, DefinitionErrorKind as K, DefinitionErrors};
use crate::raw::RawUiStrings;
use crate::text::Lang;
use crate::ui::UiStrings;
use std::collections::{BTreeMap, BTreeSet};

/// One parsed strings file.
struct Parsed<'a> {
    file: &'a str,
    set: &'a str,
    lang: Lang,
    raw: RawUiStrings,
}

/// Validates all strings files together. `files` are (file name, contents).
pub(crate) fn validate_ui(files: &[(&str, &str)]) -> Result<UiStrings, DefinitionErrors> {
    let mut errors = Vec::new();
    let mut parsed: Vec<Parsed> = Vec::new();
    for (file, text) in files {
        let raw: RawUiStrings = match parse(file, text) {
            Ok(r) => r,
            Err(e) => {
                errors.extend(e.0);
                continue;
            }
        };
        let (set, name) = file.rsplit_once('/').unwrap_or(("", file));
        let mut ctx = Ctx::new(file);
        ctx.format(raw.format);
        let lang = Lang::parse(&raw.lang);
        if lang.is_none() || name != format!("{}.json", raw.lang) {
            ctx.err(
                "$.lang",
                K::Rule(format!(
                    "lang \"{}\" must be a language tag matching the file name",
                    raw.lang
                )),
            );
        }
        if parsed
            .iter()
            .any(|p| p.set == set && p.raw.lang == raw.lang)
        {
            ctx.err(
                "$.lang",
                K::Repeated {
                    what: "language",
                    value: raw.lang.clone(),
                },
            );
        }
        for (key, value) in &raw.strings {
            if value.trim().is_empty() {
                ctx.err(format!("$.strings.{key}"), K::EmptyText(String::new()));
            }
        }
        errors.extend(ctx.errors);
        if let Some(lang) = lang {
            parsed.push(Parsed {
                file,
                set,
                lang,
                raw,
            });
        }
    }
    let sets: BTreeSet<&str> = parsed.iter().map(|p| p.set).collect();
    if !sets.contains("") {
        errors.push(DefinitionError::new(
            "ui/en.json",
            "$",
            K::Rule("the English strings file ui/en.json is required".into()),
        ));
        return Err(DefinitionErrors(errors));
    }
    for set in &sets {
        check_set(set, &parsed, &mut errors);
    }
    let languages: BTreeSet<&Lang> = parsed
        .iter()
        .filter(|p| p.set.is_empty())
        .map(|p| &p.lang)
        .collect();
    for p in parsed.iter().filter(|p| !languages.contains(&p.lang)) {
        errors.push(DefinitionError::new(
            p.file,
            "$.lang",
            K::Rule(format!(
                "language \"{}\" has no ui/{}.json",
                p.raw.lang, p.raw.lang
            )),
        ));
    }
    if !errors.is_empty() {
        return Err(DefinitionErrors(errors));
    }
    let mut merged: BTreeMap<Lang, (String, BTreeMap<String, String>)> = BTreeMap::new();
    for p in parsed {
        let entry = merged
            .entry(p.lang)
            .or_insert_with(|| (p.raw.name.clone(), BTreeMap::new()));
        if p.set.is_empty() {
            entry.0 = p.raw.name.clone();
        }
        for (key, value) in p.raw.strings {
            if entry.1.insert(key.clone(), value).is_some() {
                errors.push(DefinitionError::new(
                    p.file,
                    format!("$.strings.{key}"),
                    K::UiKey {
                        key,
                        what: "also in another strings file of this language",
                    },
                ));
            }
        }
    }
    if !errors.is_empty() {
        return Err(DefinitionErrors(errors));
    }
    Ok(UiStrings::new(merged))
}

/// Checks one set's files against its English file.
fn check_set(set: &str, parsed: &[Parsed], errors: &mut Vec<DefinitionError>) {
    let in_set = || parsed.iter().filter(move |p| p.set == set);
    let Some(english) = in_set().find(|p| p.raw.lang == "en") else {
        let file = if set.is_empty() {
            "ui/en.json".to_owned()
        } else {
            format!("ui/{set}/en.json")
        };
        errors.push(DefinitionError::new(
            &file,
            "$",
            K::Rule(format!("the English strings file {file} is required")),
        ));
        return;
    };
    for p in in_set() {
        let mut ctx = Ctx::new(p.file);
        for (key, reference) in &english.raw.strings {
            match p.raw.strings.get(key) {
                None => ctx.err(
                    "$.strings",
                    K::UiKey {
                        key: key.clone(),
                        what: "missing",
                    },
                ),
                Some(s) if placeholders(s) != placeholders(reference) => ctx.err(
                    format!("$.strings.{key}"),
                    K::UiKey {
                        key: key.clone(),
                        what: "using different {placeholders} from English",
                    },
                ),
                Some(_) => {}
            }
        }
        for key in p.raw.strings.keys() {
            if !english.raw.strings.contains_key(key) {
                ctx.err(
                    format!("$.strings.{key}"),
                    K::UiKey {
                        key: key.clone(),
                        what: "not in the English file",
                    },
                );
            }
        }
        errors.extend(ctx.errors);
    }
}

/// The `{name}` placeholders in a string.
fn placeholders(s: &str) -> BTreeSet<&str> {
    let mut out = BTreeSet::new();
    let mut rest = s;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                out.insert(&after[..end]);
                rest = &after[end + 1..];
            }
            None => break,
        }
    }
    out
}
