//! Language tags and text given in several languages.

use std::collections::BTreeMap;
use std::fmt;

/// A language tag such as `en` or `cy`: lowercase ASCII letters, 2 or 3 of them.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Lang(String);

impl Lang {
    /// English, the reference language every file must provide.
    pub fn english() -> Lang {
        Lang("en".to_owned())
    }

    /// Parses a tag; `None` unless it is 2 or 3 lowercase ASCII letters.
    pub fn parse(tag: &str) -> Option<Lang> {
        let ok = (2..=3).contains(&tag.len()) && tag.bytes().all(|b| b.is_ascii_lowercase());
        ok.then(|| Lang(tag.to_owned()))
    }

    /// The tag as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Text in every language a definition provides. Validation guarantees that every language the
/// file claims is present, so [`Text::get`] only falls back for languages the file does not claim.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text(BTreeMap<Lang, String>);

impl Text {
    /// Builds text from validated parts.
    pub(crate) fn new(parts: BTreeMap<Lang, String>) -> Text {
        Text(parts)
    }

    /// Text in one language only; for tests and kit-built strings.
    pub fn english(s: &str) -> Text {
        Text(BTreeMap::from([(Lang::english(), s.to_owned())]))
    }

    /// The text in `lang`, else English, else any language present.
    pub fn get(&self, lang: &Lang) -> &str {
        self.0
            .get(lang)
            .or_else(|| self.0.get(&Lang::english()))
            .or_else(|| self.0.values().next())
            .map_or("", String::as_str)
    }

    /// The text in `lang` only, if present.
    pub fn exact(&self, lang: &Lang) -> Option<&str> {
        self.0.get(lang).map(String::as_str)
    }

    /// Languages present.
    pub fn languages(&self) -> impl Iterator<Item = &Lang> {
        self.0.keys()
    }

    /// Every (language, text) pair.
    pub fn iter(&self) -> impl Iterator<Item = (&Lang, &str)> {
        self.0.iter().map(|(l, s)| (l, s.as_str()))
    }
}
