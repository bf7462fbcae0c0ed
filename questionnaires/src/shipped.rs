//! The definition, batteries and interface-string files shipped with qkit, embedded at build
//! time (see `build.rs`), as (file name, contents) pairs.

include!(concat!(env!("OUT_DIR"), "/shipped_files.rs"));
