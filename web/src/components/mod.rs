//! Components both areas use.

pub mod language_switch;
