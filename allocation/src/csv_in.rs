//! Reading `participants.csv` and `groups.csv` (columns documented in the README) into
//! allocation input. Pure: text in, values or an error naming file, line and column out.

use crate::date::{Date, Weekday};
use crate::error::CsvError;
use crate::input::{
    Group, Intake, ModuleBoundaries, Participant, Slot, DEFAULT_MAX_SIZE, DEFAULT_MIN_SIZE,
};
use crate::levels::{Availability, Cohort, Intensity, Level, TimeOfDay};
use crate::rules::Rules;
use csv::{ReaderBuilder, StringRecord, Trim};
use std::collections::BTreeMap;

/// Most rows read from `participants.csv`: far more than one allocation handles in practice, and
/// few enough that allocating them takes seconds, not hours (allocation time grows faster than
/// participants × groups).
pub const MAX_PARTICIPANTS: usize = 10_000;
/// Largest participants or groups CSV file read, in bytes (checked before reading, by the CLI
/// and the assessor area).
pub const MAX_CSV_BYTES: usize = 16 * 1024 * 1024;
/// Most rows read from `groups.csv`.
pub const MAX_GROUPS: usize = 1_000;

/// Columns of `participants.csv`, required ones first.
pub const PARTICIPANT_COLUMNS: Columns = Columns {
    required: &[
        "id",
        "programme",
        "need",
        "risk",
        "requirement",
        "sites",
        "availability",
        "in_work",
        "adapted",
        "waiting_since",
    ],
    optional: &["weekdays", "keep_apart", "override", "override_reason"],
};

/// Columns of `groups.csv`, required ones first.
pub const GROUP_COLUMNS: Columns = Columns {
    required: &[
        "id",
        "programme",
        "pathway",
        "cohort",
        "site",
        "weekday",
        "time",
        "start",
        "intake",
    ],
    optional: &[
        "module_weeks",
        "module_starts",
        "min_size",
        "max_size",
        "adapted",
        "members",
    ],
};

/// The columns a CSV file has.
#[derive(Debug, Clone, Copy)]
pub struct Columns {
    pub required: &'static [&'static str],
    pub optional: &'static [&'static str],
}

/// Reads `participants.csv`. Pathway is the override if given, else the rules' need × risk
/// matrix; cohort comes from the requirement through the rules.
pub fn read_participants(
    file: &str,
    text: &str,
    rules: &Rules,
) -> Result<Vec<Participant>, CsvError> {
    let mut ids = BTreeMap::new();
    read(file, text, PARTICIPANT_COLUMNS, MAX_PARTICIPANTS, |row| {
        let id = row.id(&mut ids)?;
        let programme = row.programme(rules)?;
        let need = row.keyword("need", Level::from_key, Level::KEYS)?;
        let risk = row.keyword("risk", Level::from_key, Level::KEYS)?;
        let code = row.required("requirement")?;
        let requirement = rules.requirement(code).ok_or_else(|| {
            row.err(
                "requirement",
                format!(
                    "\"{code}\" is not a requirement in the rules; known: {}",
                    rules.requirement_codes()
                ),
            )
        })?;
        let pathway = match row.get("override") {
            "" => {
                if !row.get("override_reason").is_empty() {
                    return Err(row.err("override_reason", "given without an override".into()));
                }
                rules.pathway_for(need, risk)
            }
            _ => {
                let p = row.keyword("override", Intensity::from_key, Intensity::KEYS)?;
                row.required("override_reason")
                    .map_err(|_| row.err("override_reason", "an override needs a reason".into()))?;
                p
            }
        };
        let sites = row.list("sites");
        if sites.is_empty() {
            return Err(row.err("sites", "required, but empty".into()));
        }
        Ok(Participant {
            id,
            programme,
            pathway,
            cohort: requirement.cohort,
            need,
            sites,
            availability: row.keyword(
                "availability",
                Availability::from_key,
                Availability::KEYS,
            )?,
            weekdays: row.weekdays("weekdays")?,
            in_work: row.yes_no("in_work")?,
            adapted: row.yes_no("adapted")?,
            waiting_since: row.date("waiting_since")?,
            keep_apart: row.list("keep_apart"),
        })
    })
}

/// Reads `groups.csv`.
pub fn read_groups(file: &str, text: &str, rules: &Rules) -> Result<Vec<Group>, CsvError> {
    let mut ids = BTreeMap::new();
    read(file, text, GROUP_COLUMNS, MAX_GROUPS, |row| {
        let id = row.id(&mut ids)?;
        let programme = row.programme(rules)?;
        let pathway = row.keyword("pathway", Intensity::from_key, Intensity::KEYS)?;
        if pathway == Intensity::NotRecommended {
            return Err(row.err(
                "pathway",
                "a group is high_intensity or moderate_intensity".into(),
            ));
        }
        let site = row.required("site")?.to_owned();
        let slot = Slot {
            weekday: row.keyword("weekday", Weekday::from_key, "mon tue wed thu fri sat sun")?,
            time: row.keyword("time", TimeOfDay::from_key, TimeOfDay::KEYS)?,
        };
        let start = row.date("start")?;
        let intake = row.intake()?;
        let min_size = row.number("min_size", DEFAULT_MIN_SIZE)?;
        let max_size = row.number("max_size", DEFAULT_MAX_SIZE)?;
        if min_size == 0 || min_size > max_size {
            return Err(row.err(
                "min_size",
                format!("must be at least 1 and at most max_size ({max_size}), found {min_size}"),
            ));
        }
        let adapted = match row.get("adapted") {
            "" => false,
            _ => row.yes_no("adapted")?,
        };
        Ok(Group {
            id,
            programme,
            pathway,
            cohort: row.keyword("cohort", Cohort::from_key, Cohort::KEYS)?,
            site,
            slot,
            start,
            intake,
            min_size,
            max_size,
            adapted,
            members: row.list("members"),
        })
    })
}

/// Reads every row with `parse`, after checking the header against `columns`; at most
/// `max_rows` rows.
fn read<T>(
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

/// One data row, with what is needed to name a cell in an error.
struct Row<'a> {
    file: &'a str,
    line: u64,
    record: &'a StringRecord,
    index: &'a BTreeMap<&'static str, usize>,
}

impl<'a> Row<'a> {
    fn err(&self, column: &str, message: String) -> CsvError {
        CsvError::Cell {
            file: self.file.to_owned(),
            line: self.line,
            column: column.to_owned(),
            message,
        }
    }

    /// The cell, or "" when the column is absent.
    fn get(&self, column: &str) -> &'a str {
        self.index
            .get(column)
            .and_then(|&i| self.record.get(i))
            .unwrap_or("")
    }

    fn required(&self, column: &str) -> Result<&'a str, CsvError> {
        match self.get(column) {
            "" => Err(self.err(column, "required, but empty".into())),
            s => Ok(s),
        }
    }

    fn id(&self, seen: &mut BTreeMap<String, u64>) -> Result<String, CsvError> {
        let id = self.required("id")?;
        if id.contains(';') || id.chars().any(char::is_whitespace) {
            return Err(self.err("id", format!("\"{id}\" must not contain spaces or ;")));
        }
        if let Some(first) = seen.insert(id.to_owned(), self.line) {
            return Err(self.err("id", format!("\"{id}\" is also on line {first}")));
        }
        Ok(id.to_owned())
    }

    fn programme(&self, rules: &Rules) -> Result<String, CsvError> {
        let p = self.required("programme")?;
        if !rules.has_programme(p) {
            let known = rules.programmes.join(", ");
            return Err(self.err(
                "programme",
                format!("unknown programme \"{p}\"; known: {known}"),
            ));
        }
        Ok(p.to_owned())
    }

    fn keyword<T>(
        &self,
        column: &str,
        parse: fn(&str) -> Option<T>,
        keys: &str,
    ) -> Result<T, CsvError> {
        let s = self.required(column)?;
        parse(s).ok_or_else(|| {
            self.err(
                column,
                format!("\"{s}\" is not one of {}", keys.trim().replace(' ', ", ")),
            )
        })
    }

    fn yes_no(&self, column: &str) -> Result<bool, CsvError> {
        match self.required(column)? {
            "yes" => Ok(true),
            "no" => Ok(false),
            s => Err(self.err(column, format!("\"{s}\" is not yes or no"))),
        }
    }

    fn date(&self, column: &str) -> Result<Date, CsvError> {
        let s = self.required(column)?;
        Date::parse(s)
            .ok_or_else(|| self.err(column, format!("\"{s}\" is not a date written YYYY-MM-DD")))
    }

    fn number(&self, column: &str, default: u32) -> Result<u32, CsvError> {
        match self.get(column) {
            "" => Ok(default),
            s => s.parse().ok().filter(|n| *n <= 1000).ok_or_else(|| {
                self.err(
                    column,
                    format!("\"{s}\" is not a whole number from 0 to 1000"),
                )
            }),
        }
    }

    /// A `;`-separated list; blanks dropped.
    fn list(&self, column: &str) -> Vec<String> {
        self.get(column)
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect()
    }

    fn weekdays(&self, column: &str) -> Result<Vec<Weekday>, CsvError> {
        self.list(column)
            .iter()
            .map(|d| {
                Weekday::from_key(d).ok_or_else(|| {
                    self.err(
                        column,
                        format!("\"{d}\" is not one of mon, tue, wed, thu, fri, sat, sun"),
                    )
                })
            })
            .collect()
    }

    fn intake(&self) -> Result<Intake, CsvError> {
        let weeks = self.get("module_weeks");
        let starts = self.list("module_starts");
        match self.required("intake")? {
            "closed" if !weeks.is_empty() => {
                Err(self.err("module_weeks", "only for rolling groups".into()))
            }
            "closed" if !starts.is_empty() => {
                Err(self.err("module_starts", "only for rolling groups".into()))
            }
            "closed" => Ok(Intake::Closed),
            "rolling" => match (weeks, starts.is_empty()) {
                ("", false) => {
                    let dates = starts
                        .iter()
                        .map(|s| {
                            Date::parse(s).ok_or_else(|| {
                                self.err(
                                    "module_starts",
                                    format!("\"{s}\" is not a date written YYYY-MM-DD"),
                                )
                            })
                        })
                        .collect::<Result<_, _>>()?;
                    Ok(Intake::Rolling(ModuleBoundaries::Dates(dates)))
                }
                ("", true) => Err(self.err(
                    "intake",
                    "a rolling group needs module_weeks or module_starts".into(),
                )),
                (_, false) => Err(self.err(
                    "module_starts",
                    "give module_weeks or module_starts, not both".into(),
                )),
                (w, true) => match w.parse::<u32>() {
                    Ok(n) if (1..=52).contains(&n) => {
                        Ok(Intake::Rolling(ModuleBoundaries::EveryWeeks(n)))
                    }
                    _ => Err(self.err(
                        "module_weeks",
                        format!("\"{w}\" is not a whole number of weeks from 1 to 52"),
                    )),
                },
            },
            s => Err(self.err("intake", format!("\"{s}\" is not one of closed, rolling"))),
        }
    }
}
