//! Kits for tests in this crate and in crates that enable the `testing` feature: the shipped
//! kit with one definition changed, as after an author rewords a question.

use crate::{Kit, KitSources};

/// The shipped kit with definition `file` (e.g. `"phq9.json"`) reworded: its text `from`
/// replaced by `to`. Panics if `file` is not shipped, if `from` is not in it, or if the reworded
/// kit does not load, as each is a mistake in the test that asks.
pub fn shipped_reworded(file: &str, from: &str, to: &str) -> Kit {
    let sources = KitSources::shipped();
    let original = sources
        .definitions
        .iter()
        .find(|(f, _)| *f == file)
        .unwrap_or_else(|| panic!("{file} is not shipped"))
        .1;
    let reworded = original.replace(from, to);
    assert_ne!(reworded, original, "{file} has no {from:?}");
    let mut changed = KitSources::shipped();
    changed.definitions.retain(|(f, _)| *f != file);
    changed.definitions.push((file, &reworded));
    Kit::load(&changed).unwrap_or_else(|e| panic!("{file} reworded is invalid:\n{e}"))
}
