//! Benchmark: allocate 2,000 waiting participants into 200 groups, natively. Prints numbers;
//! asserts nothing. Run with `cargo bench -p qkit-allocation` (bench profile: opt-level 3).
//! The WebAssembly numbers come from `tests/wasm_bench.rs`.

#[path = "../tests/common/cohort.rs"]
mod cohort;

use qkit_allocation::{allocate, write_allocation, Outcome};
use std::time::Instant;

fn main() {
    const RUNS: usize = 10;
    let mut times = Vec::new();
    for seed in 0..RUNS as u64 {
        let input = cohort::cohort(2000, 200, seed);
        let start = Instant::now();
        let allocation = allocate(&input, cohort::today()).expect("consistent input");
        let elapsed = start.elapsed();
        let csv = write_allocation(&allocation);
        let placed = allocation
            .assignments
            .iter()
            .filter(|a| matches!(a.outcome, Outcome::Group { .. }))
            .count();
        times.push(elapsed.as_secs_f64() * 1000.0);
        println!(
            "seed {seed}: {:.1} ms, {placed} of 2000 placed, {} bytes of CSV",
            elapsed.as_secs_f64() * 1000.0,
            csv.len()
        );
    }
    times.sort_by(f64::total_cmp);
    println!(
        "allocate 2000 participants into 200 groups (native): median {:.1} ms, max {:.1} ms over {RUNS} cohorts",
        times[RUNS / 2],
        times[RUNS - 1]
    );
}
