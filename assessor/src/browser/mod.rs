//! The assessor's browser I/O: files picked or dropped (many at once, as bytes), printing, form
//! values, and yielding to the browser between heavy steps. With `qkit_web::browser` (downloads,
//! focus, form values), the only code in the assessor that calls browser APIs.

pub mod files;
pub mod form;
pub mod print;
pub mod timing;
