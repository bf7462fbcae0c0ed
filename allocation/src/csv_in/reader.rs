//! Walking a CSV file: the header checked against the known columns, then every row handed to a
//! parser, with syntax errors named by file and line.

use super::row::Row;
use super::Columns;
use crate::error::CsvError;
use csv::{ReaderBuilder, StringRecord, Trim};
use std::collections::BTreeMap;

/// Reads every row with `parse`, after checking the header against `columns`; at most
/// `max_rows` rows.
pub(super) fn read<T>(
    file: &str,
    text: &str,
    columns: Columns,
    max_rows: usize,
    mut parse: impl FnMut(&Row) -> Result<T, CsvError>,
) -> Result<Vec<T>, CsvError> {
    let mut reader = ReaderBuilder::new()
        .trim(Trim::All)
        .from_reader(text.as_bytes());
    let header = reader.headers().map_err(|e| syntax(file, &e))?.clone();
    let index = header_index(file, &header, columns)?;
    let mut out = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| syntax(file, &e))?;
        if out.len() == max_rows {
            return Err(CsvError::Syntax {
                file: file.to_owned(),
                line: record.position().map_or(0, |p| p.line()),
                message: format!("more than {max_rows} rows; qkit reads at most {max_rows}"),
            });
        }
        let row = Row {
            file,
            line: record.position().map_or(0, |p| p.line()),
            record: &record,
            index: &index,
        };
        out.push(parse(&row)?);
    }
    if out.is_empty() {
        return Err(CsvError::Empty {
            file: file.to_owned(),
        });
    }
    Ok(out)
}

fn syntax(file: &str, e: &csv::Error) -> CsvError {
    let line = e.position().map_or(1, |p| p.line());
    let message = match e.kind() {
        csv::ErrorKind::Utf8 { .. } => "not UTF-8 text".to_owned(),
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("{len} fields, but the header has {expected_len}"),
        _ => e.to_string(),
    };
    CsvError::Syntax {
        file: file.to_owned(),
        line,
        message,
    }
}

/// Column name -> position, checking required columns are there and no unknown one is.
fn header_index(
    file: &str,
    header: &StringRecord,
    columns: Columns,
) -> Result<BTreeMap<&'static str, usize>, CsvError> {
    let err = |message: String| CsvError::Header {
        file: file.to_owned(),
        message,
    };
    let mut index = BTreeMap::new();
    for (i, name) in header.iter().enumerate() {
        let known = columns
            .required
            .iter()
            .chain(columns.optional)
            .find(|c| **c == name)
            .ok_or_else(|| {
                err(format!(
                    "unknown column \"{name}\"; the columns are {}",
                    columns
                        .required
                        .iter()
                        .chain(columns.optional)
                        .copied()
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
            })?;
        if index.insert(*known, i).is_some() {
            return Err(err(format!("column \"{name}\" appears twice")));
        }
    }
    for c in columns.required {
        if !index.contains_key(c) {
            return Err(err(format!("missing required column \"{c}\"")));
        }
    }
    Ok(index)
}
