//! The data file: UTF-8 CSV, a header of variable names, then one line per row. Items hold
//! codes (option values, or a special answer's code), never labels: the R script, the SPSS
//! syntax and the codebook give the labels. And `left_out.csv`, one line per questionnaire
//! result left out of the data.

use super::{Cell, Note, Table};
use qkit_scoring::csv_rows::spreadsheet_safe;

/// The columns of `left_out.csv`.
pub const LEFT_OUT_COLUMNS: [&str; 8] = [
    "participant",
    "programme",
    "timepoint",
    "questionnaire",
    "answered_version",
    "kit_version",
    "answers",
    "reason",
];

/// The table as CSV text (RFC 4180, `\n` line ends, no byte-order mark).
pub fn data_csv(table: &Table) -> String {
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    // Writing to memory has no I/O to fail, and every row has the header's number of cells.
    out.write_record(table.variables.iter().map(|v| v.name.as_str()))
        .expect("CSV to memory cannot fail");
    for row in &table.rows {
        out.write_record(row.iter().map(cell_text))
            .expect("CSV to memory cannot fail");
    }
    let bytes = out.into_inner().expect("flushing to memory cannot fail");
    String::from_utf8(bytes).expect("every cell was a String, so the CSV is UTF-8")
}

/// How a cell is written: numbers as Rust prints them (shortest exact form, `.` decimal point).
pub(super) fn cell_text(cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Int(i) => i.to_string(),
        Cell::Num(x) => x.to_string(),
        Cell::Text(t) => t.clone(),
    }
}

/// The results left out of the data (see [`Note`]), one line each in the table's order, with
/// [`LEFT_OUT_COLUMNS`]: `timepoint` coded as in the data (1 pre, 2 mid, 3 post), `kit_version`
/// empty when the kit no longer has the questionnaire, `answers` how many answers the record
/// keeps for it, `reason` a [`super::LeftOut`] code. Only the header when nothing was left out.
/// Text from the records is written [`spreadsheet_safe`].
pub fn left_out_csv(notes: &[Note]) -> String {
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    out.write_record(LEFT_OUT_COLUMNS)
        .expect("CSV to memory cannot fail");
    for n in notes {
        out.write_record([
            spreadsheet_safe(&n.participant),
            spreadsheet_safe(&n.programme),
            (n.timepoint as i32 + 1).to_string(),
            spreadsheet_safe(&n.questionnaire),
            spreadsheet_safe(&n.version),
            n.kit_version
                .as_deref()
                .map_or(String::new(), spreadsheet_safe),
            n.answers.to_string(),
            n.reason.code().to_owned(),
        ])
        .expect("CSV to memory cannot fail");
    }
    let bytes = out.into_inner().expect("flushing to memory cannot fail");
    String::from_utf8(bytes).expect("every cell was a String, so the CSV is UTF-8")
}
