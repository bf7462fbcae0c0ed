//! What the app's browser tests share: a fixed start time, cheap scrypt parameters and the staff
//! passphrase the tests set.

// Each test file uses what it needs of these.
#![allow(dead_code)]

use qkit_export::at_rest::KdfParams;

/// The tests' clock starts here (milliseconds since 1970, November 2026).
pub const T0: i64 = 1_795_000_000_000;
/// Cheap scrypt parameters, so unlocking takes milliseconds in a debug build.
pub const FAST: KdfParams = KdfParams {
    log_n: 10,
    r: 8,
    p: 1,
};
/// The staff passphrase the tests set.
pub const PASSPHRASE: &str = "test passphrase";
