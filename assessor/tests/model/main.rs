//! The assessor's plain-data model, natively: the cohort table (columns, latest timepoint, cells,
//! flags), its sorting and filtering, series of scores with change, staff entries and the
//! allocation participant they make, and what importing a record into the set reports. One test
//! binary; each module holds one part of the model.

#![cfg(not(target_arch = "wasm32"))]

#[path = "../common/mod.rs"]
mod common;

mod import;
mod notes;
mod series;
mod staff;
mod table;
