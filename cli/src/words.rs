//! Counts in the CLI's English messages: "1 file", "3 files", never "file(s)". The plural
//! category comes from qkit-questionnaires' CLDR rules, the ones the apps use.

use qkit_questionnaires::ui::{plural_category, Plural};
use qkit_questionnaires::Lang;

/// `n` and the noun in the form English uses for it: `counted(1, "entry", "entries")` is
/// "1 entry", `counted(0, "entry", "entries")` is "0 entries".
pub fn counted(n: usize, one: &str, other: &str) -> String {
    match plural_category(&Lang::english(), n as u64) {
        Plural::One => format!("{n} {one}"),
        _ => format!("{n} {other}"),
    }
}

#[cfg(test)]
mod tests {
    use super::counted;

    #[test]
    fn one_takes_the_singular_and_every_other_number_the_plural() {
        assert_eq!(counted(1, "file", "files"), "1 file");
        assert_eq!(counted(0, "file", "files"), "0 files");
        assert_eq!(
            counted(2, "staff entry", "staff entries"),
            "2 staff entries"
        );
        assert_eq!(counted(21, "conflict", "conflicts"), "21 conflicts");
    }
}
