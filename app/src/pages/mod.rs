//! One screen per file. `set_passphrase` and `unlock` guard everything; `start` is the staff
//! start screen; `sitting` shows whichever screen the open sitting is on.

pub mod consent;
pub mod declined;
pub mod handover;
pub mod item;
pub mod pause;
pub mod practice;
pub mod section;
pub mod set_passphrase;
pub mod sitting;
pub mod start;
pub mod summary;
pub mod thank_you;
pub mod unlock;
