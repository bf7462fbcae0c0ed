//! Validation of interface-strings files: every language has exactly English's keys, no empty
//! strings, and the same `{placeholders}`.

use super::{parse, Ctx};
use crate::error::{DefinitionErrorKind as K, DefinitionErrors};
use crate::raw::RawUiStrings;
use crate::text::Lang;
use crate::ui::UiStrings;
use std::collections::{BTreeMap, BTreeSet};

/// Validates all strings files together. `files` are (file name, contents).
pub(crate) fn validate_ui(files: &[(&str, &str)]) -> Result<UiStrings, DefinitionErrors> {
    let mut errors = Vec::new();
    let mut parsed: Vec<(&str, RawUiStrings, Lang)> = Vec::new();
    for (file, text) in files {
        let raw: RawUiStrings = match parse(file, text) {
            Ok(r) => r,
            Err(e) => {
                errors.extend(e.0);
                continue;
            }
        };
        let mut ctx = Ctx::new(file);
        ctx.format(raw.format);
        let lang = Lang::parse(&raw.lang);
        let expected = format!("{}.json", raw.lang);
        if lang.is_none() || *file != expected {
            ctx.err(
                "$.lang",
                K::Rule(format!(
                    "lang \"{}\" must be a language tag matching the file name",
                    raw.lang
                )),
            );
        }
        if parsed.iter().any(|(_, r, _)| r.lang == raw.lang) {
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
            parsed.push((file, raw, lang));
        }
    }
    let Some((_, english, _)) = parsed.iter().find(|(_, r, _)| r.lang == "en") else {
        errors.push(crate::error::DefinitionError::new(
            "ui/en.json",
            "$",
            K::Rule("the English strings file ui/en.json is required".into()),
        ));
        return Err(DefinitionErrors(errors));
    };
    for (file, raw, _) in &parsed {
        let mut ctx = Ctx::new(file);
        for key in english.strings.keys() {
            match raw.strings.get(key) {
                None => ctx.err(
                    "$.strings",
                    K::UiKey {
                        key: key.clone(),
                        what: "missing",
                    },
                ),
                Some(s) if placeholders(s) != placeholders(&english.strings[key]) => ctx.err(
                    format!("$.strings.{key}"),
                    K::UiKey {
                        key: key.clone(),
                        what: "using different {placeholders} from English",
                    },
                ),
                Some(_) => {}
            }
        }
        for key in raw.strings.keys() {
            if !english.strings.contains_key(key) {
                ctx.err(
                    format!("$.strings.{key}"),
                    K::UiKey {
                        key: key.clone(),
                        what: "not in ui/en.json",
                    },
                );
            }
        }
        errors.extend(ctx.errors);
    }
    if !errors.is_empty() {
        return Err(DefinitionErrors(errors));
    }
    let languages = parsed
        .into_iter()
        .map(|(_, raw, lang)| (lang, (raw.name, raw.strings)))
        .collect::<BTreeMap<_, _>>();
    Ok(UiStrings::new(languages))
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
