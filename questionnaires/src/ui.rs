//! Interface strings in every language the kit provides, loaded from `ui/<lang>.json`.

use crate::text::Lang;
use std::collections::BTreeMap;

/// Validated interface strings: every language has exactly the English keys.
#[derive(Debug, Clone, PartialEq)]
pub struct UiStrings {
    languages: BTreeMap<Lang, (String, BTreeMap<String, String>)>,
}

impl UiStrings {
    pub(crate) fn new(languages: BTreeMap<Lang, (String, BTreeMap<String, String>)>) -> Self {
        UiStrings { languages }
    }

    /// The languages, each with its own name for itself ("English", "Cymraeg").
    pub fn languages(&self) -> impl Iterator<Item = (&Lang, &str)> {
        self.languages
            .iter()
            .map(|(l, (name, _))| (l, name.as_str()))
    }

    /// Whether the kit has interface strings in `lang`.
    pub fn has(&self, lang: &Lang) -> bool {
        self.languages.contains_key(lang)
    }

    /// The string `key` in `lang`, else in English, else the key itself (so a missing string is
    /// visible rather than blank).
    pub fn get<'a>(&'a self, lang: &Lang, key: &'a str) -> &'a str {
        self.languages
            .get(lang)
            .and_then(|(_, s)| s.get(key))
            .or_else(|| {
                self.languages
                    .get(&Lang::english())
                    .and_then(|(_, s)| s.get(key))
            })
            .map_or(key, String::as_str)
    }

    /// [`UiStrings::get`] with `{name}` placeholders filled in.
    pub fn format(&self, lang: &Lang, key: &str, args: &[(&str, &str)]) -> String {
        let mut s = self.get(lang, key).to_owned();
        for (name, value) in args {
            s = s.replace(&format!("{{{name}}}"), value);
        }
        s
    }

    /// Every key, from the English reference file.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.languages
            .get(&Lang::english())
            .into_iter()
            .flat_map(|(_, s)| s.keys().map(String::as_str))
    }
}
