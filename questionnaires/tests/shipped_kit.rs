//! The shipped kit loads the same way natively and in WebAssembly.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use qkit_questionnaires::{Kit, Timepoint};

#[test]
fn the_shipped_kit_loads_and_every_battery_resolves() {
    let kit = Kit::shipped().expect("shipped definitions are valid");
    for p in &kit.programmes {
        for tp in Timepoint::ALL {
            assert!(kit.battery(&p.id, tp).is_some(), "{} {tp}", p.id);
        }
    }
}
