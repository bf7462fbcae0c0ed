//! One data row of a CSV file and the reading of its cells (ids, programmes, keywords, yes/no,
//! dates, numbers, lists, weekdays, intake), each error naming file, line and column.

use crate::date::{Date, Weekday};
use crate::error::CsvError;
use crate::input::{Intake, ModuleBoundaries};
use crate::rules::Rules;
use csv::StringRecord;
use std::collections::BTreeMap;

/// One data row, with what is needed to name a cell in an error.
pub(super) struct Row<'a> {
    pub(super) file: &'a str,
    pub(super) line: u64,
    pub(super) record: &'a StringRecord,
    pub(super) index: &'a BTreeMap<&'static str, usize>,
}

impl<'a> Row<'a> {
    pub(super) fn err(&self, column: &str, message: String) -> CsvError {
        CsvError::Cell {
            file: self.file.to_owned(),
            line: self.line,
            column: column.to_owned(),
            message,
        }
    }

    /// The cell, or "" when the column is absent.
    pub(super) fn get(&self, column: &str) -> &'a str {
        self.index
            .get(column)
            .and_then(|&i| self.record.get(i))
            .unwrap_or("")
    }

    pub(super) fn required(&self, column: &str) -> Result<&'a str, CsvError> {
        match self.get(column) {
            "" => Err(self.err(column, "required, but empty".into())),
            s => Ok(s),
        }
    }

    pub(super) fn id(&self, seen: &mut BTreeMap<String, u64>) -> Result<String, CsvError> {
        let id = self.required("id")?;
        if id.contains(';') || id.chars().any(char::is_whitespace) {
            return Err(self.err("id", format!("\"{id}\" must not contain spaces or ;")));
        }
        if let Some(first) = seen.insert(id.to_owned(), self.line) {
            return Err(self.err("id", format!("\"{id}\" is also on line {first}")));
        }
        Ok(id.to_owned())
    }

    pub(super) fn programme(&self, rules: &Rules) -> Result<String, CsvError> {
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

    pub(super) fn keyword<T>(
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

    pub(super) fn yes_no(&self, column: &str) -> Result<bool, CsvError> {
        match self.required(column)? {
            "yes" => Ok(true),
            "no" => Ok(false),
            s => Err(self.err(column, format!("\"{s}\" is not yes or no"))),
        }
    }

    pub(super) fn date(&self, column: &str) -> Result<Date, CsvError> {
        let s = self.required(column)?;
        Date::parse(s)
            .ok_or_else(|| self.err(column, format!("\"{s}\" is not a date written YYYY-MM-DD")))
    }

    pub(super) fn number(&self, column: &str, default: u32) -> Result<u32, CsvError> {
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
    pub(super) fn list(&self, column: &str) -> Vec<String> {
        self.get(column)
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect()
    }

    pub(super) fn weekdays(&self, column: &str) -> Result<Vec<Weekday>, CsvError> {
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

    pub(super) fn intake(&self) -> Result<Intake, CsvError> {
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
