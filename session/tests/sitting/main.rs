//! A sitting from start to finish: consent, handover, sections, items, breaks, staff mode,
//! history, finishing and the summary. One test binary; each module holds one part of the
//! sitting.

#[path = "../common/mod.rs"]
mod common;

mod breaks;
mod consent;
mod finishing;
mod language;
mod moving;
mod staff;
mod start;
