//! The data file: UTF-8 CSV, a header of variable names, then one line per row. Items hold
//! codes (option values, or a special answer's code), never labels: the R script, the SPSS
//! syntax and the codebook give the labels.

use super::{Cell, Table};

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
