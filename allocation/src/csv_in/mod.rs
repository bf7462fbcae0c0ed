//! Reading `participants.csv` and `groups.csv` (columns documented in the README) into
//! allocation input. Pure: text in, values or an error naming file, line and column out. This
//! module holds the columns, the limits and what each row becomes; `reader` checks the header and
//! walks the rows, `row` reads one cell.

use crate::date::Weekday;
use crate::error::CsvError;
use crate::input::{Group, Participant, Slot, DEFAULT_MAX_SIZE, DEFAULT_MIN_SIZE};
use crate::levels::{Availability, Cohort, Intensity, Level, TimeOfDay};
use crate::rules::Rules;
use std::collections::BTreeMap;

mod reader;
mod row;

use reader::read;

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
