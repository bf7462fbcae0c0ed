//! Component test: the first screen renders every programme from the shipped definitions.

use qkit_questionnaires::Kit;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn home_lists_every_programme() {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    let root = document.create_element("div").expect("div");
    document
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    yew::Renderer::<qkit_app::App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    let kit = Kit::shipped().expect("valid");
    let headings = root.query_selector_all("h3").expect("query");
    assert_eq!(headings.length() as usize, kit.programmes.len());
    let text = root.text_content().unwrap_or_default();
    for p in &kit.programmes {
        assert!(text.contains(p.name.get(&qkit_questionnaires::Lang::english())));
    }
}
