//! qkit-export: the versioned result record, its validation against the kit, and its age
//! encryption. A finished battery leaves the device only as a sealed record.

pub mod record;
pub mod time;

pub use record::*;
pub use time::Timestamp;
