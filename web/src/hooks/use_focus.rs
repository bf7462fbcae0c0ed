//! Moves focus to a screen's heading whenever the screen changes, so keyboard and screen-reader
//! users start at the new question.

use crate::browser::dom;
use yew::prelude::*;

/// The id every screen gives its main heading (with `tabindex="-1"`).
pub const HEADING_ID: &str = "screen-heading";

/// Focuses the screen heading after a render in which `screen` changed.
#[hook]
pub fn use_focus_on<K: PartialEq + 'static>(screen: K) {
    use_effect_with(screen, |_| dom::focus(HEADING_ID));
}
