//! What one passphrase guess costs at qkit's scrypt parameters: prints the time of unlocking a
//! lock (the work an offline guesser repeats for every guess). `cargo run --release -p
//! qkit-export --example kdf_cost`; the figure goes into docs/SECURITY.md.

use qkit_export::at_rest::{DraftLock, KdfParams};
use std::time::Instant;

fn main() {
    let mut rng = rand_core::OsRng;
    let (lock, _) = DraftLock::create("a passphrase", KdfParams::DEFAULT, &mut rng).expect("lock");
    let runs = 5;
    let started = Instant::now();
    for _ in 0..runs {
        let _ = lock.unlock("a wrong guess");
    }
    let ms = started.elapsed().as_secs_f64() * 1000.0 / f64::from(runs);
    println!("scrypt {:?}: {ms:.0} ms per guess", KdfParams::DEFAULT);
}
