//! The assessor's browser I/O: files picked or dropped (many at once, as bytes), printing, form
//! values, yielding to the browser between heavy steps, the workspace in the page's storage
//! (`workspace.rs`, sealed under the team identity's key) and the leave-page warning while a
//! save has failed. With `qkit_web::browser` (downloads,
//! focus, form values), the only code in the assessor that calls browser APIs.

pub mod files;
pub mod form;
pub mod leave;
pub mod print;
pub mod timing;
pub mod workspace;
