//! The browser helpers both areas use: focus, page language and form values (`dom`), downloads,
//! fetching the app's own files, the idle watch, randomness, reading chosen definition files and
//! the string store (localStorage, or memory) both areas keep their data in. Each area's own
//! storage formats, files and speech stay in its own `browser/`.

pub mod definition_files;
pub mod dom;
pub mod download;
pub mod fetch;
pub mod idle;
pub mod random;
pub mod storage;
