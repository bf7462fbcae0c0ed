//! Interface strings in every language the kit provides, loaded from `ui/<lang>.json`. A string
//! that depends on a number gives one form per plural category of its language, separated by
//! `|`, in CLDR's order ([`plural_categories`]); [`UiStrings::count`] picks the form.

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

    /// [`UiStrings::format`] for the number `n` (also filled in as `{count}`): the form of the
    /// string for `n`'s plural category in `lang`. A string without one form per category is
    /// taken whole for every number, except that its last form (`other`) stands for any
    /// category it lacks.
    pub fn count(&self, lang: &Lang, key: &str, n: u64, args: &[(&str, &str)]) -> String {
        let text = self.get(lang, key);
        let forms: Vec<&str> = text.split('|').collect();
        let categories = plural_categories(lang);
        let form = if forms.len() == categories.len() {
            let wanted = plural_category(lang, n);
            categories
                .iter()
                .position(|c| *c == wanted)
                .map_or(text, |i| forms[i])
        } else {
            forms.last().copied().unwrap_or(text)
        };
        let mut s = form.replace("{count}", &n.to_string());
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

/// A plural category of the Unicode CLDR's cardinal plural rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plural {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

/// The plural categories a language's strings give forms for, in CLDR's order. From CLDR's
/// cardinal rules (`common/supplemental/plurals.xml`, "Language Plural Rules" chart): Welsh has
/// all six; English, and any language qkit has no rule for, has one and other.
pub fn plural_categories(lang: &Lang) -> &'static [Plural] {
    use Plural::*;
    match lang.as_str() {
        "cy" => &[Zero, One, Two, Few, Many, Other],
        _ => &[One, Other],
    }
}

/// The plural category of the whole number `n` in `lang`, by CLDR's cardinal rules. Welsh:
/// zero n = 0, one n = 1, two n = 2, few n = 3, many n = 6, other every other number.
/// English: one n = 1, other every other number.
pub fn plural_category(lang: &Lang, n: u64) -> Plural {
    match (lang.as_str(), n) {
        ("cy", 0) => Plural::Zero,
        ("cy", 2) => Plural::Two,
        ("cy", 3) => Plural::Few,
        ("cy", 6) => Plural::Many,
        (_, 1) => Plural::One,
        _ => Plural::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings() -> UiStrings {
        let lang = |tag: &str, text: &str| {
            let strings = [("pairs".to_owned(), text.to_owned())]
                .into_iter()
                .collect();
            (Lang::parse(tag).unwrap(), (tag.to_owned(), strings))
        };
        UiStrings::new(
            [
                lang("en", "{count} pair|{count} pairs"),
                lang(
                    "cy",
                    "dim pâr|{count} pâr|{count} bâr|{count} phâr|{count} phâr|{count} o barau",
                ),
            ]
            .into_iter()
            .collect(),
        )
    }

    /// CLDR's Welsh cardinal rules, number by number (the "Language Plural Rules" chart gives
    /// 0 zero, 1 one, 2 two, 3 few, 6 many, and 4, 5, 7–10, 100 … other).
    #[test]
    fn welsh_numbers_take_cldr_s_six_categories() {
        let cy = Lang::parse("cy").unwrap();
        let by_n: Vec<Plural> = (0..=11).map(|n| plural_category(&cy, n)).collect();
        use Plural::*;
        assert_eq!(
            by_n,
            [Zero, One, Two, Few, Other, Other, Many, Other, Other, Other, Other, Other]
        );
        assert_eq!(plural_category(&cy, 100), Other);
        assert_eq!(plural_category(&cy, 1006), Other);
    }

    #[test]
    fn english_has_one_and_other() {
        let en = Lang::english();
        assert_eq!(plural_category(&en, 1), Plural::One);
        for n in [0, 2, 3, 6, 11, 21] {
            assert_eq!(plural_category(&en, n), Plural::Other, "{n}");
        }
    }

    #[test]
    fn count_picks_the_form_for_the_number() {
        let s = strings();
        let (en, cy) = (Lang::english(), Lang::parse("cy").unwrap());
        assert_eq!(s.count(&en, "pairs", 1, &[]), "1 pair");
        assert_eq!(s.count(&en, "pairs", 0, &[]), "0 pairs");
        assert_eq!(s.count(&en, "pairs", 2, &[]), "2 pairs");
        let welsh: Vec<String> = [0, 1, 2, 3, 4, 6, 7]
            .into_iter()
            .map(|n| s.count(&cy, "pairs", n, &[]))
            .collect();
        assert_eq!(
            welsh,
            [
                "dim pâr",
                "1 pâr",
                "2 bâr",
                "3 phâr",
                "4 o barau",
                "6 phâr",
                "7 o barau"
            ]
        );
    }

    #[test]
    fn a_string_with_one_form_serves_every_number() {
        let strings = [("n".to_owned(), "{count} × {x}".to_owned())]
            .into_iter()
            .collect();
        let s = UiStrings::new([(Lang::english(), ("en".to_owned(), strings))].into());
        assert_eq!(s.count(&Lang::english(), "n", 1, &[("x", "y")]), "1 × y");
        assert_eq!(s.count(&Lang::english(), "n", 5, &[("x", "y")]), "5 × y");
    }
}
