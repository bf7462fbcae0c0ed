//! Reads a responses CSV file (`respondent,<item id>,…`) into answers for scoring.
//!
//! Format: a header line `respondent,<item id>,<item id>,…` (item columns in any order; items
//! without a column are unanswered for everyone), then one line per respondent. A cell is the
//! option value, empty for unanswered, or `DK` / `PNS` / `DU` (any case) for the special answers.
//! Cells are trimmed; a UTF-8 byte-order mark is ignored. Answers from a file are not timed
//! (`seconds` 0), not assisted, and in the published wording.
//!
//! A pure function over bytes, so the same checks run wherever the file comes from. Every error
//! names the line and column (both counted from 1).

use crate::answer::{Answer, ItemResponse};
use qkit_questionnaires::{Questionnaire, SpecialAnswer, Wording};
use std::collections::HashMap;
use thiserror::Error;

/// The largest responses file read, in bytes: hundreds of thousands of respondents. Readers of
/// files refuse bigger ones before reading them whole.
pub const MAX_RESPONSES_BYTES: usize = 16 * 1024 * 1024;

/// One respondent's answers, from one line of the file.
#[derive(Debug, Clone, PartialEq)]
pub struct RespondentRow {
    pub respondent: String,
    /// The line of the file it came from.
    pub line: u64,
    /// One response per non-empty cell, in column order.
    pub responses: Vec<ItemResponse>,
}

/// A responses file that cannot be read. Every variant but [`CsvError::TooLarge`] names its
/// line (and column where there is one).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CsvError {
    /// The file is larger than [`MAX_RESPONSES_BYTES`].
    #[error("the file is {size} bytes; the limit is {limit} bytes")]
    TooLarge { size: usize, limit: usize },
    /// The bytes are not CSV text (for example not UTF-8, or a broken quoted field).
    #[error("line {line}: not a CSV text file: {message}")]
    NotCsv { line: u64, message: String },
    /// No header line.
    #[error("line 1: the file is empty; expected a header line \"respondent,<item id>,…\"")]
    Empty,
    /// The first header cell is not `respondent`.
    #[error("line 1, column 1: the first column must be \"respondent\", not \"{found}\"{hint}")]
    MissingRespondentColumn {
        found: String,
        /// An extra hint, e.g. when the file seems to use semicolons.
        hint: String,
    },
    /// The header has no item columns.
    #[error("line 1: the header has no item columns after \"respondent\"")]
    NoItemColumns,
    /// A header cell that is not an item of the questionnaire.
    #[error(
        "line 1, column {column}: \"{item}\" is not an item of questionnaire \"{questionnaire}\""
    )]
    UnknownItem {
        column: usize,
        item: String,
        questionnaire: String,
    },
    /// An item named twice in the header.
    #[error("line 1, column {column}: item \"{item}\" is already column {first}")]
    DuplicateColumn {
        column: usize,
        item: String,
        first: usize,
    },
    /// A line with more or fewer cells than the header.
    #[error("line {line}: {found} cells, but the header has {expected}")]
    WrongCellCount {
        line: u64,
        found: usize,
        expected: usize,
    },
    /// An empty respondent cell.
    #[error("line {line}, column 1: the respondent is empty")]
    EmptyRespondent { line: u64 },
    /// A respondent on two lines.
    #[error("line {line}, column 1: respondent \"{respondent}\" is already on line {first_line}")]
    DuplicateRespondent {
        line: u64,
        respondent: String,
        first_line: u64,
    },
    /// A cell that is neither a whole number, empty, nor a special-answer code.
    #[error("line {line}, column {column} ({item}): \"{cell}\" is not an answer; expected one of {options}, empty, DK, PNS or DU")]
    BadCell {
        line: u64,
        column: usize,
        item: String,
        cell: String,
        options: String,
    },
    /// A whole number that is not one of the item's option values.
    #[error("line {line}, column {column} ({item}): {value} is outside the scale; the options are {options}")]
    ValueOutOfScale {
        line: u64,
        column: usize,
        item: String,
        value: i32,
        options: String,
    },
    /// A special-answer code the questionnaire does not offer.
    #[error("line {line}, column {column} ({item}): {code} is not offered by questionnaire \"{questionnaire}\"")]
    SpecialNotOffered {
        line: u64,
        column: usize,
        item: String,
        code: &'static str,
        questionnaire: String,
    },
}

impl CsvError {
    /// A stable key naming the kind of error, for tests and machine-readable output.
    pub fn key(&self) -> &'static str {
        match self {
            CsvError::TooLarge { .. } => "too_large",
            CsvError::NotCsv { .. } => "not_csv",
            CsvError::Empty => "empty",
            CsvError::MissingRespondentColumn { .. } => "missing_respondent_column",
            CsvError::NoItemColumns => "no_item_columns",
            CsvError::UnknownItem { .. } => "unknown_item",
            CsvError::DuplicateColumn { .. } => "duplicate_column",
            CsvError::WrongCellCount { .. } => "wrong_cell_count",
            CsvError::EmptyRespondent { .. } => "empty_respondent",
            CsvError::DuplicateRespondent { .. } => "duplicate_respondent",
            CsvError::BadCell { .. } => "bad_cell",
            CsvError::ValueOutOfScale { .. } => "value_out_of_scale",
            CsvError::SpecialNotOffered { .. } => "special_not_offered",
        }
    }
}

/// Reads a responses file for questionnaire `q`: one row per respondent, in file order.
pub fn read_responses(q: &Questionnaire, bytes: &[u8]) -> Result<Vec<RespondentRow>, CsvError> {
    if bytes.len() > MAX_RESPONSES_BYTES {
        return Err(CsvError::TooLarge {
            size: bytes.len(),
            limit: MAX_RESPONSES_BYTES,
        });
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(bytes);
    let mut lines = Lines::new(bytes);
    let mut records = reader.records();
    let header = match records.next() {
        None => return Err(CsvError::Empty),
        Some(r) => r.map_err(|e| not_csv(e, &mut lines))?,
    };
    let columns = header_items(q, &header)?;
    let mut rows = Vec::new();
    let mut seen: HashMap<String, u64> = HashMap::new();
    for record in records {
        let record = record.map_err(|e| not_csv(e, &mut lines))?;
        let line = lines.at(record.position().map_or(0, |p| p.byte()));
        if record.len() != header.len() {
            return Err(CsvError::WrongCellCount {
                line,
                found: record.len(),
                expected: header.len(),
            });
        }
        let respondent = record.get(0).unwrap_or_default().to_owned();
        if respondent.is_empty() {
            return Err(CsvError::EmptyRespondent { line });
        }
        if let Some(&first_line) = seen.get(&respondent) {
            return Err(CsvError::DuplicateRespondent {
                line,
                respondent,
                first_line,
            });
        }
        seen.insert(respondent.clone(), line);
        let mut responses = Vec::with_capacity(columns.len());
        for (offset, (&index, cell)) in columns.iter().zip(record.iter().skip(1)).enumerate() {
            if let Some(answer) = parse_cell(q, index, cell, line, offset + 2)? {
                responses.push(ItemResponse {
                    item: q.items[index].id.clone(),
                    answer,
                    seconds: 0.0,
                    assisted: false,
                    wording: Wording::Standard,
                });
            }
        }
        rows.push(RespondentRow {
            respondent,
            line,
            responses,
        });
    }
    Ok(rows)
}

/// The item index of each column after `respondent`.
fn header_items(q: &Questionnaire, header: &csv::StringRecord) -> Result<Vec<usize>, CsvError> {
    // A UTF-8 byte-order mark is not part of the first name.
    let first = header
        .get(0)
        .unwrap_or_default()
        .trim_start_matches('\u{feff}');
    if first != "respondent" {
        let hint = if first.contains(';') || first.contains('\t') {
            " (the file seems to use semicolons or tabs; qkit reads comma-separated files)"
        } else {
            ""
        };
        return Err(CsvError::MissingRespondentColumn {
            found: first.to_owned(),
            hint: hint.to_owned(),
        });
    }
    if header.len() < 2 {
        return Err(CsvError::NoItemColumns);
    }
    let mut columns: Vec<usize> = Vec::with_capacity(header.len() - 1);
    for (offset, name) in header.iter().skip(1).enumerate() {
        let column = offset + 2;
        let index = q.item_index(name).ok_or_else(|| CsvError::UnknownItem {
            column,
            item: name.to_owned(),
            questionnaire: q.id.clone(),
        })?;
        if let Some(first) = columns.iter().position(|&c| c == index) {
            return Err(CsvError::DuplicateColumn {
                column,
                item: name.to_owned(),
                first: first + 2,
            });
        }
        columns.push(index);
    }
    Ok(columns)
}

/// One cell: `None` when empty.
fn parse_cell(
    q: &Questionnaire,
    index: usize,
    cell: &str,
    line: u64,
    column: usize,
) -> Result<Option<Answer>, CsvError> {
    if cell.is_empty() {
        return Ok(None);
    }
    let item = &q.items[index];
    let options = || {
        item.response_scale
            .options
            .iter()
            .map(|o| o.value.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    if let Some(special) = SpecialAnswer::from_code(&cell.to_ascii_uppercase()) {
        if q.special_answer(special).is_none() {
            return Err(CsvError::SpecialNotOffered {
                line,
                column,
                item: item.id.clone(),
                code: special.code(),
                questionnaire: q.id.clone(),
            });
        }
        return Ok(Some(Answer::Special(special)));
    }
    let value: i32 = cell.parse().map_err(|_| CsvError::BadCell {
        line,
        column,
        item: item.id.clone(),
        cell: cell.to_owned(),
        options: options(),
    })?;
    if item.response_scale.option(value).is_none() {
        return Err(CsvError::ValueOutOfScale {
            line,
            column,
            item: item.id.clone(),
            value,
            options: options(),
        });
    }
    Ok(Some(Answer::Value(value)))
}

/// Physical line numbers from byte offsets. The `csv` crate's own line count skips blank lines
/// and counts `\r\n` oddly, and its record offsets may point at the line break before the
/// record, so breaks at the offset are skipped first. Offsets only grow, so counting is
/// incremental.
struct Lines<'b> {
    bytes: &'b [u8],
    offset: usize,
    line: u64,
}

impl<'b> Lines<'b> {
    fn new(bytes: &'b [u8]) -> Self {
        Lines {
            bytes,
            offset: 0,
            line: 1,
        }
    }

    /// The line of the first character at or after `byte` that is not a line break.
    fn at(&mut self, byte: u64) -> u64 {
        let mut start = usize::try_from(byte)
            .unwrap_or(usize::MAX)
            .min(self.bytes.len());
        while matches!(self.bytes.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        if start >= self.offset {
            let newlines = self.bytes[self.offset..start]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            self.line += newlines as u64;
            self.offset = start;
        }
        self.line
    }
}

fn not_csv(e: csv::Error, lines: &mut Lines<'_>) -> CsvError {
    let line = e.position().map_or(1, |p| lines.at(p.byte()));
    let message = match e.kind() {
        csv::ErrorKind::Utf8 { .. } => "it is not UTF-8 text".to_owned(),
        _ => e.to_string(),
    };
    CsvError::NotCsv { line, message }
}
