//! Benchmark, not a test: scores 100,000 synthetic completed BIS-11 questionnaires and prints
//! the item responses scored per second. It never asserts a timing.
//!
//! Native: `cargo bench -p qkit-scoring --bench bis11` (the bench profile: opt-level 3).
//! WebAssembly in node: `cargo test -p qkit-scoring --profile bench --bench bis11
//! --target wasm32-unknown-unknown -- --nocapture` (the runner runs the `wasm_bindgen_test`
//! below; under `cargo bench` it would look for criterion benches only). `./kit bench` runs both.

use qkit_questionnaires::{Kit, Questionnaire};
use qkit_scoring::{score, Answer, ItemResponse, NormChoice};

const QUESTIONNAIRES: usize = 100_000;

/// A small deterministic generator (xorshift64*), so every run scores the same answers.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

/// 100,000 completed BIS-11 questionnaires with random answers 1–4 and 2–9 seconds per item.
fn synthetic(q: &Questionnaire) -> Vec<Vec<ItemResponse>> {
    let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
    (0..QUESTIONNAIRES)
        .map(|_| {
            q.items
                .iter()
                .map(|item| ItemResponse {
                    item: item.id.clone(),
                    answer: Answer::Value(1 + (rng.next() % 4) as i32),
                    seconds: 2.0 + (rng.next() % 8) as f64,
                    assisted: false,
                    wording: qkit_questionnaires::Wording::Standard,
                })
                .collect()
        })
        .collect()
}

/// Scores everything; returns (item responses scored, a checksum so nothing is optimised away).
fn run(q: &Questionnaire, sets: &[Vec<ItemResponse>]) -> (usize, f64) {
    let mut items = 0;
    let mut checksum = 0.0;
    for answers in sets {
        let report = score(q, answers, &NormChoice::Default).expect("synthetic answers fit");
        items += answers.len();
        checksum += report.scales.iter().filter_map(|s| s.score).sum::<f64>();
    }
    (items, checksum)
}

fn report(where_: &str, items: usize, seconds: f64, checksum: f64) -> String {
    format!(
        "bis11 {where_}: scored {QUESTIONNAIRES} questionnaires ({items} item responses) in \
         {seconds:.3} s = {:.0} item responses per second (checksum {checksum})",
        items as f64 / seconds
    )
}

fn bis11() -> Questionnaire {
    let kit = Kit::shipped().expect("the shipped definitions are valid");
    kit.questionnaire("bis11").expect("BIS-11 ships").clone()
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let q = bis11();
    let sets = synthetic(&q);
    run(&q, &sets[..1000]); // warm up
    let start = std::time::Instant::now();
    let (items, checksum) = run(&q, &sets);
    println!(
        "{}",
        report("native", items, start.elapsed().as_secs_f64(), checksum)
    );
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen_test::wasm_bindgen_test]
fn bis11_wasm() {
    let q = bis11();
    let sets = synthetic(&q);
    run(&q, &sets[..1000]); // warm up
    let start = js_sys::Date::now();
    let (items, checksum) = run(&q, &sets);
    let seconds = (js_sys::Date::now() - start) / 1000.0;
    wasm_bindgen_test::console_log!("{}", report("wasm", items, seconds, checksum));
}
