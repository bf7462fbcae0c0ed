//! The browser helpers both areas use: focus, page language and form values (`dom`), downloads,
//! fetching the app's own files, idle time, randomness and reading chosen definition files.
//! Each area's own storage, files and speech stay in its own `browser/`.

pub mod definition_files;
pub mod dom;
pub mod download;
pub mod fetch;
pub mod idle;
pub mod random;
