//! One screen per file.

pub mod home;
