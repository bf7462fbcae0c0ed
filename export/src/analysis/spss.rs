//! The SPSS syntax: GET DATA reads the data CSV as UTF-8 with a format for every column, then
//! VARIABLE LABELS (the item's text), VALUE LABELS (options, special answers, timepoint,
//! wording, bands), MISSING VALUES (the special answers' codes) and VARIABLE LEVEL (the
//! measurement level). Tested with GNU PSPP.
//!
//! SPSS keeps at most 255 bytes of a variable label and 120 of a value label: longer ones are cut
//! at a character boundary (the codebook has them whole). Strings longer than a line are
//! written in pieces joined with `+`, so no syntax line is long.

use super::{Measure, Storage, Table};
use std::fmt::Write;

const MAX_VARIABLE_LABEL: usize = 255;
const MAX_VALUE_LABEL: usize = 120;
const PIECE: usize = 60;

/// The SPSS syntax for `table`, reading `csv_file` (relative to SPSS's working folder: run
/// `CD 'folder'.` first, or `pspp file.sps` in that folder).
pub fn spss_syntax(table: &Table, csv_file: &str) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "* Encoding: UTF-8.\n\
         * qkit analysis export: reads {csv_file} (UTF-8), labels in {}.\n\
         * Special answers have their own codes, declared as MISSING VALUES: -1 Don't know,\n\
         * -2 Prefer not to say, -3 I don't understand (lower when an item's options go below 0).\n\
         * These files hold participants' answers in plain text: keep them as securely as the records.\n\
         GET DATA\n  /TYPE=TXT\n  /FILE={}\n  /ENCODING='UTF8'\n  /ARRANGEMENT=DELIMITED\n  \
         /DELCASE=LINE\n  /FIRSTCASE=2\n  /DELIMITERS=\",\"\n  /QUALIFIER='\"'\n  /VARIABLES=",
        table.lang,
        quote(csv_file)
    );
    for v in &table.variables {
        let format = match v.storage {
            Storage::Text(width) => format!("A{}", width.max(1)),
            Storage::Numeric if v.values.is_empty() => "F12.6".to_owned(),
            Storage::Numeric => "F8.0".to_owned(),
        };
        let _ = writeln!(s, "    {} {format}", v.name);
    }
    s.push_str(".\n\nVARIABLE LABELS\n");
    let labels: Vec<String> = table
        .variables
        .iter()
        .map(|v| format!("{} {}", v.name, quote(cut(&v.label, MAX_VARIABLE_LABEL))))
        .collect();
    s.push_str("  ");
    s.push_str(&labels.join("\n  /"));
    s.push_str(".\n\n");
    let valued: Vec<String> = table
        .variables
        .iter()
        .filter(|v| !v.values.is_empty() || !v.missing.is_empty())
        .map(|v| {
            let pairs = v
                .values
                .iter()
                .map(|x| (x.code, x.label.as_str()))
                .chain(v.missing.iter().map(|x| (x.code, x.label.as_str())));
            let lines: Vec<String> = pairs
                .map(|(code, label)| format!("    {code} {}", quote(cut(label, MAX_VALUE_LABEL))))
                .collect();
            format!("  /{}\n{}", v.name, lines.join("\n"))
        })
        .collect();
    if !valued.is_empty() {
        let _ = writeln!(s, "VALUE LABELS\n{}.\n", valued.join("\n"));
    }
    let missing: Vec<String> = table
        .variables
        .iter()
        .filter(|v| !v.missing.is_empty())
        .map(|v| {
            let codes: Vec<String> = v.missing.iter().map(|x| x.code.to_string()).collect();
            format!("{} ({})", v.name, codes.join(", "))
        })
        .collect();
    if !missing.is_empty() {
        let _ = writeln!(s, "MISSING VALUES\n  {}.\n", missing.join("\n  /"));
    }
    for (measure, word) in [
        (Measure::Nominal, "NOMINAL"),
        (Measure::Ordinal, "ORDINAL"),
        (Measure::Scale, "SCALE"),
    ] {
        let names: Vec<&str> = table
            .variables
            .iter()
            .filter(|v| v.measure == measure)
            .map(|v| v.name.as_str())
            .collect();
        if !names.is_empty() {
            let _ = writeln!(s, "VARIABLE LEVEL\n  {} ({word}).", names.join("\n  "));
        }
    }
    s.push_str("EXECUTE.\n");
    s
}

/// A quoted SPSS string (`"` doubled), in pieces of about 60 bytes joined by `+` on new lines.
fn quote(text: &str) -> String {
    let mut pieces = Vec::new();
    let mut rest = text;
    while rest.len() > PIECE {
        let at = (0..=PIECE)
            .rev()
            .find(|&i| rest.is_char_boundary(i))
            .unwrap_or(0);
        let at = if at == 0 { rest.len() } else { at };
        pieces.push(&rest[..at]);
        rest = &rest[at..];
    }
    pieces.push(rest);
    pieces
        .iter()
        .map(|p| format!("\"{}\"", p.replace('"', "\"\"")))
        .collect::<Vec<_>>()
        .join("\n      + ")
}

/// The longest start of `text` within `max` bytes that ends on a character boundary.
fn cut(text: &str, max: usize) -> &str {
    let end = (0..=max.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::{cut, quote};

    #[test]
    fn quotes_are_doubled_and_long_strings_split_on_characters() {
        assert_eq!(quote("say \"no\""), "\"say \"\"no\"\"\"");
        let welsh = "ŵ".repeat(40); // 80 bytes, 2 bytes each
        let q = quote(&welsh);
        assert_eq!(
            q,
            format!("\"{}\"\n      + \"{}\"", "ŵ".repeat(30), "ŵ".repeat(10))
        );
    }

    #[test]
    fn labels_are_cut_on_a_character_boundary() {
        assert_eq!(cut("aŵ", 2), "a");
        assert_eq!(cut("aŵ", 3), "aŵ");
        assert_eq!(cut("abc", 10), "abc");
    }
}
