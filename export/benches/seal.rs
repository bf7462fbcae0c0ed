//! Benchmark, not a test: the time to seal the example record (participant side), to open it
//! (assessor side), to unlock drafts at several scrypt work factors, and to seal and open a
//! draft. Prints numbers; never asserts a timing.
//!
//! Native: `cargo bench -p qkit-export --bench seal`. In the browser:
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --release --target wasm32-unknown-unknown -p qkit-export --test wasm_bench -- --nocapture`.

#[cfg(all(feature = "open", not(target_arch = "wasm32")))]
#[path = "../tests/common/workload.rs"]
mod workload;

#[cfg(all(feature = "open", not(target_arch = "wasm32")))]
fn main() {
    use qkit_export::at_rest::KdfParams;
    use std::time::Instant;

    let mut s = workload::setup();
    let time = |f: &mut dyn FnMut() -> usize| {
        let start = Instant::now();
        let out = f();
        (start.elapsed().as_secs_f64() * 1000.0, out)
    };
    const N: usize = 200;
    println!("record: {} bytes of JSON", workload::RECORD.len());
    let (ms, bytes) = time(&mut || workload::seal_n(&mut s, N));
    println!(
        "seal (2 recipients), native: {:.3} ms per record ({} bytes sealed)",
        ms / N as f64,
        bytes / N
    );
    let (ms, _) = time(&mut || workload::open_n(&mut s, N));
    println!(
        "open with the age crate, native: {:.3} ms per record",
        ms / N as f64
    );
    let (ms, _) = time(&mut || workload::draft_n(&mut s, N));
    println!(
        "draft seal + open, native: {:.3} ms per draft",
        ms / N as f64
    );
    for log_n in [14, 15, 16, 17] {
        let lock = workload::lock(KdfParams { log_n, r: 8, p: 1 });
        let (ms, ok) = time(&mut || usize::from(workload::unlock(&lock)));
        assert_eq!(ok, 1, "the lock opens with its passphrase");
        println!("draft unlock, scrypt log_n {log_n} r 8 p 1, native: {ms:.0} ms");
    }
}

#[cfg(any(not(feature = "open"), target_arch = "wasm32"))]
fn main() {}
