//! One assessor screen per file.

pub mod allocation;
pub mod cohort;
pub mod import;
pub mod merge;
pub mod pathway;
pub mod person;
pub mod profile;
pub mod report;
pub mod unlock;
