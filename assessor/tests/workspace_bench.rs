//! Saving and reopening a large workspace in the browser, for its size and time:
//! `cargo test -p qkit-assessor --release --target wasm32-unknown-unknown --test workspace_bench
//! -- --nocapture` (`./kit bench`).

#![cfg(target_arch = "wasm32")]

mod common;

use qkit_assessor::browser::workspace::WorkspaceStore;
use qkit_export::Identities;
use qkit_web::browser::storage::{Backend, MemoryBackend};
use std::rc::Rc;
use wasm_bindgen_test::wasm_bindgen_test as test;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

/// Size and time of saving and reopening 2,000 records (1,000 men at pre and post) in the
/// browser, 200 in a debug build (2,000 take longer there than a browser test may): printed,
/// never asserted; the records reopen equal.
#[test]
fn saving_and_reopening_records_size_and_time() {
    use qkit_assessor::browser::workspace::KEY_LABEL;
    use qkit_assessor::model::workspace::{read_records, records_id, records_json};
    let now = || js_sys::Date::now();
    let kit = common::kit();
    let men = if cfg!(debug_assertions) { 100 } else { 1000 };
    let set = common::cohort(&kit, men);
    let backend = Rc::new(MemoryBackend::default());
    let store = WorkspaceStore::new(backend.clone());
    let key = Identities::parse(common::TEST_IDENTITY)
        .unwrap()
        .derive_key(KEY_LABEL);
    let t0 = now();
    let json = records_json(&set);
    let id = records_id(&json);
    let t1 = now();
    store.save(&key, b"{}", Some((&id, &json)), "").unwrap();
    let t2 = now();
    let opened = store.records(&key, &id).unwrap();
    let t3 = now();
    let back = read_records(&kit, &opened).unwrap();
    let t4 = now();
    assert_eq!(back, set);
    let stored: usize = backend
        .keys()
        .unwrap()
        .iter()
        .map(|k| k.len() + backend.get(k).unwrap().map_or(0, |v| v.len()))
        .sum();
    web_sys::console::log_1(
        &format!(
            "{} records: {} bytes of JSON, {stored} characters stored sealed; JSON written in \
             {:.0} ms, sealed and stored in {:.0} ms, opened in {:.0} ms, read and checked against \
             the kit in {:.0} ms",
            set.len(),
            json.len(),
            t1 - t0,
            t2 - t1,
            t3 - t2,
            t4 - t3
        )
        .into(),
    );
}
