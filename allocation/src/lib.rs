//! qkit-allocation: pathway decisions and group allocation for offending-behaviour programmes.
//!
//! Pure functions over plain data: no I/O, no clock ("today" is a parameter), no browser. The
//! app and the CLI call the same code.
//!
//! - [`Rules`]: the pathway rules file (data, validated against the kit like a definition).
//! - [`decide`]: latest score reports, `about_you` answers and staff entries in; need per domain,
//!   overall need, risk, pathway, cohort and adapted flag out, each with its evidence.
//! - [`allocate`]: waiting participants and groups in; a group place or 1:1 for everyone, never
//!   breaking a hard [`Constraint`], each unplaced man with the constraint that blocked him.
//! - [`move_by_hand`]: an assessor's move, with the hard constraints it breaks.
//! - [`attendance`]: sites, availability and work from the `about_you` answers.
//! - [`read_participants`], [`read_groups`], [`write_allocation`]: the CSV files.
//!
//! ```
//! use qkit_allocation::{allocate, read_groups, read_participants, Date, Outcome, Rules};
//! use qkit_questionnaires::Kit;
//!
//! let kit = Kit::shipped().expect("the shipped definitions are valid");
//! let rules = Rules::shipped(&kit).expect("the shipped rules are valid");
//! let participants = read_participants("participants.csv", "\
//! id,programme,need,risk,requirement,sites,availability,in_work,adapted,waiting_since
//! p1,tsp,high,medium,programme_requirement,site_a,either,no,no,2026-09-01
//! ", &rules).expect("valid participants");
//! let groups = read_groups("groups.csv", "\
//! id,programme,pathway,cohort,site,weekday,time,start,intake
//! g1,tsp,moderate_intensity,general,site_a,tue,day,2026-12-01,closed
//! ", &rules).expect("valid groups");
//! let input = qkit_allocation::AllocationInput { participants, groups };
//! let today = Date::parse("2026-11-23").expect("a date");
//! let allocation = allocate(&input, today).expect("consistent input");
//! assert!(matches!(&allocation.assignments[0].outcome, Outcome::Group { group, .. } if group == "g1"));
//! ```

mod about_you;
mod allocate;
pub mod constraints;
mod csv_in;
mod csv_out;
pub mod date;
pub mod error;
pub mod input;
pub mod levels;
mod manual;
pub mod output;
pub mod pathway;
pub mod rules;

pub use about_you::{attendance, Attendance};
pub use allocate::allocate;
pub use constraints::Constraint;
pub use csv_in::{
    read_groups, read_participants, Columns, GROUP_COLUMNS, MAX_CSV_BYTES, MAX_GROUPS,
    MAX_PARTICIPANTS, PARTICIPANT_COLUMNS,
};
pub use csv_out::{write_allocation, ALLOCATION_COLUMNS};
pub use date::{Date, Weekday};
pub use error::{CsvError, InputError, MoveError};
pub use input::*;
pub use levels::{Availability, Cohort, Intensity, Level, TimeOfDay};
pub use manual::{move_by_hand, MoveTarget, Moved};
pub use output::*;
pub use pathway::{decide, override_pathway, PathwayDecision, PathwayError, StaffInput};
pub use rules::{Rules, RulesError, RulesErrorKind, RulesErrors, MAX_RULES_BYTES, RULES_FORMAT};
