//! The R script: reads the data CSV with a type for every column, turns every coded column
//! (items, timepoint, wording, bands) into a factor labelled in the table's language, and
//! labels every column with `attr(x, "label")`.
//!
//! Special answers: in the factor they are `NA`, like an unanswered item, so no analysis counts
//! them as answers by mistake; which special answer each one was is kept in
//! `attr(x, "special")`, a factor as long as the column (`NA` where there was none), and the
//! codes in `attr(x, "codes")` (valid) and `attr(x, "special_codes")`. The raw codes are also
//! in the CSV. Strings are written with `\u` escapes, so the script is plain ASCII and reads
//! the same in any locale.

use super::{Storage, Table, Variable};
use std::fmt::Write;

/// The R script for `table`, reading `csv_file` (a name relative to R's working directory).
pub fn r_script(table: &Table, csv_file: &str) -> String {
    let mut s = String::new();
    let lang = table.lang.as_str();
    let _ = writeln!(
        s,
        "# qkit analysis export: reads {csv_file} (UTF-8) into the data frame `qkit`, labels in `{lang}`.\n\
         # Run it in the folder holding the CSV file: source(\"this-file.R\").\n\
         # These files hold participants' answers in plain text: keep them as securely as the records.\n\
         #\n\
         # Items are factors (option labels as levels). Special answers (\"Don't know\", \"Prefer not to\n\
         # say\", \"I don't understand\") are NA in the factor, as unanswered items are; which special\n\
         # answer it was is in attr(x, \"special\") (a factor, NA where none), the codes in\n\
         # attr(x, \"codes\") and attr(x, \"special_codes\"). attr(x, \"label\") is the item's text.\n\
         # Subsetting rows drops these attributes: read them from the full column first."
    );
    s.push_str(HELPERS);
    let classes: Vec<String> = table
        .variables
        .iter()
        .map(|v| format!("{} = \"{}\"", v.name, column_class(v)))
        .collect();
    let _ = writeln!(
        s,
        "qkit <- utils::read.csv({}, fileEncoding = \"UTF-8\", na.strings = \"\",\n  \
         stringsAsFactors = FALSE, check.names = FALSE,\n  colClasses = c(\n    {}))",
        r_string(csv_file),
        classes.join(",\n    ")
    );
    for v in &table.variables {
        let column = format!("qkit${}", v.name);
        if v.values.is_empty() && v.missing.is_empty() {
            let _ = writeln!(
                s,
                "{column} <- qkit_label({column}, {})",
                r_string(&v.label)
            );
            continue;
        }
        let _ = writeln!(
            s,
            "{column} <- qkit_factor({column}, {},\n  {},\n  {}, {}, {})",
            int_vector(v.values.iter().map(|x| x.code)),
            string_vector(v.values.iter().map(|x| x.label.as_str())),
            int_vector(v.missing.iter().map(|x| x.code)),
            string_vector(v.missing.iter().map(|x| x.label.as_str())),
            r_string(&v.label)
        );
    }
    s
}

const HELPERS: &str = r#"
qkit_label <- function(x, label) {
  attr(x, "label") <- label
  x
}
qkit_factor <- function(x, codes, labels, special_codes, special_labels, label) {
  special <- factor(match(x, special_codes), levels = seq_along(special_codes),
                    labels = special_labels)
  unknown <- !is.na(x) & !(x %in% c(codes, special_codes))
  if (any(unknown)) stop(sprintf("%s: codes not in the codebook: %s", label,
                                 paste(unique(x[unknown]), collapse = ", ")))
  x[x %in% special_codes] <- NA
  f <- factor(x, levels = codes, labels = labels)
  attr(f, "label") <- label
  attr(f, "codes") <- stats::setNames(codes, labels)
  attr(f, "special") <- special
  attr(f, "special_codes") <- stats::setNames(special_codes, special_labels)
  f
}
"#;

fn column_class(v: &Variable) -> &'static str {
    match v.storage {
        Storage::Text(_) => "character",
        Storage::Numeric if v.values.is_empty() && v.missing.is_empty() => "numeric",
        Storage::Numeric => "integer",
    }
}

fn int_vector(codes: impl Iterator<Item = i32>) -> String {
    let parts: Vec<String> = codes.map(|c| format!("{c}L")).collect();
    if parts.is_empty() {
        "integer(0)".to_owned()
    } else {
        format!("c({})", parts.join(", "))
    }
}

fn string_vector<'a>(labels: impl Iterator<Item = &'a str>) -> String {
    let parts: Vec<String> = labels.map(r_string).collect();
    if parts.is_empty() {
        "character(0)".to_owned()
    } else {
        format!("c({})", parts.join(", "))
    }
}

/// An R string literal in plain ASCII: `"`, `\` and control characters escaped, everything
/// beyond ASCII as `\uXXXX` (or `\U{XXXXXXXX}` beyond the first 65,536 code points).
pub(super) fn r_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            ' '..='~' => out.push(c),
            c if (c as u32) < 0x10000 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => {
                let _ = write!(out, "\\U{{{:08x}}}", c as u32);
            }
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::r_string;

    #[test]
    fn r_strings_are_ascii_with_escapes() {
        assert_eq!(r_string("Don't"), "\"Don't\"");
        assert_eq!(r_string("a \"b\" \\"), "\"a \\\"b\\\" \\\\\"");
        // Welsh: ŵ is U+0175, â U+00E2.
        assert_eq!(r_string("gŵr â"), "\"g\\u0175r \\u00e2\"");
        assert_eq!(r_string("line\nbreak"), "\"line\\u000abreak\"");
        assert_eq!(r_string("🙂"), "\"\\U{0001f642}\"");
    }
}
