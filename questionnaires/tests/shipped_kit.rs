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

/// The app's copies of the definitions leave the terminology codes out (it never shows them);
/// the `codes` feature, which the assessor side's exports turn on, keeps and checks them. Either
/// way a definition is the same to qkit: the content hash leaves codes out.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn the_embedded_definitions_keep_codes_only_with_the_codes_feature() {
    let on_disk = include_str!("../definitions/phq9.json");
    assert!(on_disk.contains("\"codes\""));
    let (file, embedded) = qkit_questionnaires::shipped::DEFINITIONS
        .iter()
        .find(|(f, _)| *f == "phq9.json")
        .expect("phq9 ships");
    assert_eq!(embedded.contains("\"codes\""), cfg!(feature = "codes"));
    let shipped = qkit_questionnaires::load_questionnaire(file, embedded).expect("valid");
    let full = qkit_questionnaires::load_questionnaire(file, on_disk).expect("valid");
    assert_eq!(shipped.content_hash, full.content_hash);
    // Without the feature, codes in a file (a local definition's too) are skipped unread.
    let kept = |q: &qkit_questionnaires::Questionnaire| {
        q.items.iter().filter(|i| !i.codes.is_empty()).count()
    };
    let expected = if cfg!(feature = "codes") { 9 } else { 0 };
    assert_eq!((kept(&shipped), kept(&full)), (expected, expected));
    if cfg!(feature = "codes") {
        assert_eq!(full.codes[0].code, "44249-1");
        assert_eq!(full.items[8].codes[0].code, "44260-8");
        assert_eq!(full.scales[0].codes[0].code, "44261-6");
    }
    // Everything else survives the stripping: the same items, options and scales.
    assert_eq!(shipped.items.len(), full.items.len());
    assert_eq!(shipped.alerts, full.alerts);
}
