//! The definition, batteries and interface-string files shipped with qkit, embedded at build
//! time (see `build.rs`), as (file name, contents) pairs. `UI` holds the strings of the
//! participant's and staff's screens; `UI_ASSESSOR` (`ui/assessor/`) the assessor area's, kept
//! apart so the participant's browser bundle does not carry them.

include!(concat!(env!("OUT_DIR"), "/shipped_files.rs"));
