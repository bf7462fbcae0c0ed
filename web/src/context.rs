//! The kit and the interface language, given to every screen of both areas as a Yew context.

use qkit_questionnaires::{Kit, Lang};
use std::rc::Rc;

/// The kit and the interface language, shared with every screen.
#[derive(Clone)]
pub struct KitContext {
    pub kit: Rc<Kit>,
    pub lang: Lang,
}

impl PartialEq for KitContext {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.kit, &other.kit) && self.lang == other.lang
    }
}

impl KitContext {
    /// An interface string in the current language.
    pub fn t<'a>(&'a self, key: &'a str) -> &'a str {
        self.kit.ui.get(&self.lang, key)
    }

    /// An interface string with `{placeholders}` filled in.
    pub fn tf(&self, key: &str, args: &[(&str, &str)]) -> String {
        self.kit.ui.format(&self.lang, key, args)
    }

    /// An interface string for the number `n` (filled in as `{count}`): the form for `n`'s
    /// plural category in the current language ([`qkit_questionnaires::ui::UiStrings::count`]).
    pub fn tc(&self, key: &str, n: usize, args: &[(&str, &str)]) -> String {
        self.kit.ui.count(&self.lang, key, n as u64, args)
    }
}
