//! Validation: raw file types in, model types out, every problem collected.
//!
//! Each checker pushes problems into a [`Ctx`] and carries on, so an author sees all problems in a
//! file at once. A model value is returned only when no problem was found.

mod alerts;
mod answers;
mod batteries;
mod change_rules;
mod codes;
mod items;
mod limits;
mod norms;
mod questionnaire;
mod scales;
mod ui;
mod validity;

pub(crate) use batteries::validate_batteries;
pub use limits::{MAX_BATTERY_LIST, MAX_ITEMS, MAX_OPTIONS, MAX_RULES, MAX_SCALES, MAX_SMALL_LIST};
pub(crate) use questionnaire::validate_questionnaire;
pub(crate) use ui::validate_ui;

use crate::error::{DefinitionError, DefinitionErrorKind, DefinitionErrors};
use crate::number::number_text;
use crate::raw::RawText;
use crate::text::{Lang, Text};
use serde::de::DeserializeOwned;
use std::collections::{BTreeMap, HashSet};

/// The definition format this qkit reads.
pub const FORMAT: u32 = 1;

/// Largest definition, batteries or strings file accepted, in bytes.
pub const MAX_FILE_BYTES: usize = 2 * 1024 * 1024;

/// Where problems are collected while one file is checked.
pub(crate) struct Ctx<'a> {
    pub file: &'a str,
    pub errors: Vec<DefinitionError>,
}

impl<'a> Ctx<'a> {
    pub fn new(file: &'a str) -> Self {
        Ctx {
            file,
            errors: Vec::new(),
        }
    }

    /// Records a problem at `path`.
    pub fn err(&mut self, path: impl Into<String>, kind: DefinitionErrorKind) {
        self.errors
            .push(DefinitionError::new(self.file, path.into(), kind));
    }

    /// The collected problems, or `value` if there were none.
    pub fn finish<T>(self, value: T) -> Result<T, DefinitionErrors> {
        if self.errors.is_empty() {
            Ok(value)
        } else {
            Err(DefinitionErrors(self.errors))
        }
    }

    /// Checks the file format version.
    pub fn format(&mut self, found: u32) {
        if found != FORMAT {
            self.err(
                "$.format",
                DefinitionErrorKind::UnsupportedFormat {
                    found,
                    supported: FORMAT,
                },
            );
        }
    }

    /// Checks an id's spelling.
    pub fn id(&mut self, path: &str, id: &str) {
        let mut chars = id.chars();
        let ok = chars.next().is_some_and(|c| c.is_ascii_lowercase())
            && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            && id.len() <= 64;
        if !ok {
            self.err(path, DefinitionErrorKind::BadId(id.to_owned()));
        }
    }

    /// Checks that ids are unique; reports each repeat once.
    pub fn unique_ids<'s>(
        &mut self,
        what: &'static str,
        ids: impl IntoIterator<Item = (String, &'s str)>,
    ) {
        let mut seen = HashSet::new();
        for (path, id) in ids {
            if !seen.insert(id) {
                self.err(
                    path,
                    DefinitionErrorKind::DuplicateId {
                        what,
                        id: id.to_owned(),
                    },
                );
            }
        }
    }

    /// Validates text that must hold exactly the claimed languages, none empty.
    /// `context` names the owner for the message, e.g. ` (item "phq9_01")`.
    pub fn text(&mut self, path: &str, raw: &RawText, langs: &[Lang], context: &str) -> Text {
        let mut parts = BTreeMap::new();
        for lang in langs {
            match raw.get(lang.as_str()) {
                None => self.err(
                    path,
                    DefinitionErrorKind::MissingTranslation {
                        lang: lang.to_string(),
                        context: context.to_owned(),
                    },
                ),
                Some(s) if s.trim().is_empty() => self.err(
                    format!("{path}.{lang}"),
                    DefinitionErrorKind::EmptyText(context.to_owned()),
                ),
                Some(s) => {
                    parts.insert(lang.clone(), s.clone());
                }
            }
        }
        for tag in raw.keys() {
            if !langs.iter().any(|l| l.as_str() == tag) {
                self.err(
                    path,
                    DefinitionErrorKind::UnclaimedLanguage {
                        lang: tag.clone(),
                        context: context.to_owned(),
                    },
                );
            }
        }
        Text::new(parts)
    }

    /// Validates an audio map: claimed languages only, non-empty relative paths.
    pub fn audio(
        &mut self,
        path: &str,
        raw: &BTreeMap<String, String>,
        langs: &[Lang],
    ) -> Vec<(Lang, String)> {
        let mut out = Vec::new();
        for (tag, file) in raw {
            let Some(lang) = langs.iter().find(|l| l.as_str() == tag) else {
                self.err(
                    path,
                    DefinitionErrorKind::UnclaimedLanguage {
                        lang: tag.clone(),
                        context: String::new(),
                    },
                );
                continue;
            };
            self.relative_path(&format!("{path}.{tag}"), file);
            out.push((lang.clone(), file.clone()));
        }
        out
    }

    /// Checks a path to a kit file: relative, no `..`, no backslashes.
    pub fn relative_path(&mut self, path: &str, file: &str) {
        let bad = file.is_empty()
            || file.starts_with('/')
            || file.contains('\\')
            || file.contains(':')
            || file.split('/').any(|p| p == ".." || p.is_empty());
        if bad {
            self.err(
                path,
                DefinitionErrorKind::OutOfRange {
                    what: "a file path",
                    rule: "relative, using / and without ..",
                    found: format!("\"{file}\""),
                },
            );
        }
    }

    /// Parses a keyword from its allowed set.
    pub fn keyword<T: Copy>(
        &mut self,
        path: &str,
        found: &str,
        table: &[(&str, T)],
        allowed: &'static str,
    ) -> Option<T> {
        let hit = table.iter().find(|(k, _)| *k == found).map(|(_, v)| *v);
        if hit.is_none() {
            self.err(
                path,
                DefinitionErrorKind::NotAllowed {
                    found: found.to_owned(),
                    allowed,
                },
            );
        }
        hit
    }

    /// Checks that a number is finite.
    pub fn finite(&mut self, path: &str, what: &'static str, v: f64) -> bool {
        if !v.is_finite() {
            self.err(
                path,
                DefinitionErrorKind::OutOfRange {
                    what,
                    rule: "a finite number",
                    found: number_text(v),
                },
            );
        }
        v.is_finite()
    }
}

/// Why `text` cannot be a qkit JSON file (definitions, batteries, strings, rules: each is one
/// JSON object), said plainly: empty, or not an object (an array, a number, not JSON at all).
/// `None` when it starts like an object; the JSON reader then says the rest.
pub fn not_one_object(text: &str) -> Option<&'static str> {
    let start = text.trim_start_matches('\u{feff}').trim_start();
    if start.is_empty() {
        Some("the file is empty")
    } else if !start.starts_with('{') {
        Some("the file must hold one JSON object, starting with {, and this one does not")
    } else {
        None
    }
}

/// Parses JSON into a raw type, turning size and syntax problems into a definition error.
pub(crate) fn parse<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, DefinitionErrors> {
    if text.len() > MAX_FILE_BYTES {
        return Err(DefinitionErrors::from(DefinitionError::new(
            file,
            "$",
            DefinitionErrorKind::TooLarge {
                size: text.len(),
                limit: MAX_FILE_BYTES,
            },
        )));
    }
    if let Some(why) = not_one_object(text) {
        return Err(DefinitionErrors::from(DefinitionError::new(
            file,
            "$",
            DefinitionErrorKind::Json(why.to_owned()),
        )));
    }
    serde_json::from_str(text).map_err(|e| {
        // serde_json reports line and column; say it in the author's words.
        let msg = e.to_string();
        DefinitionErrors::from(DefinitionError::new(
            file,
            "$",
            DefinitionErrorKind::Json(msg),
        ))
    })
}

/// Parses the languages list: valid tags, no repeats, English present.
pub(crate) fn languages(ctx: &mut Ctx, raw: &[String]) -> Vec<Lang> {
    let mut out = Vec::new();
    for (i, tag) in raw.iter().enumerate() {
        match Lang::parse(tag) {
            Some(l) if out.contains(&l) => ctx.err(
                format!("$.languages[{i}]"),
                DefinitionErrorKind::Repeated {
                    what: "language",
                    value: tag.clone(),
                },
            ),
            Some(l) => out.push(l),
            None => ctx.err(
                format!("$.languages[{i}]"),
                DefinitionErrorKind::OutOfRange {
                    what: "a language tag",
                    rule: "2 or 3 lowercase letters",
                    found: format!("\"{tag}\""),
                },
            ),
        }
    }
    if !out.contains(&Lang::english()) {
        ctx.err(
            "$.languages",
            DefinitionErrorKind::Rule("languages must include \"en\"".to_owned()),
        );
    }
    out
}
