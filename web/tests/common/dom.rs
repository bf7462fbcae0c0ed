//! The browser side of both areas' component tests (the assessor's and the participant app's
//! include this file by path): a root to render into, text and buttons found the way a reader
//! finds them, and a kit given as the screens get it.

use qkit_questionnaires::{Kit, Lang};
use qkit_web::KitContext;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

pub fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

pub fn new_root() -> Element {
    let root = document().create_element("div").expect("div");
    document()
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    root
}

pub fn texts(root: &Element, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).expect("a selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.text_content().unwrap_or_default().trim().to_owned())
        .collect()
}

pub fn button(root: &Element, name: &str) -> HtmlElement {
    let list = root.query_selector_all("button").expect("buttons");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
        .find(|b| b.text_content().unwrap_or_default().contains(name))
        .unwrap_or_else(|| panic!("no button {name}"))
}

#[derive(Properties)]
pub struct WithKitProps {
    pub kit: Rc<Kit>,
    pub children: Html,
}

impl PartialEq for WithKitProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.kit, &other.kit)
    }
}

#[function_component(WithKit)]
pub fn with_kit(props: &WithKitProps) -> Html {
    let ctx = KitContext {
        kit: props.kit.clone(),
        lang: Lang::english(),
    };
    html! { <ContextProvider<KitContext> context={ctx}>{ props.children.clone() }</ContextProvider<KitContext>> }
}

/// `chart` rendered with `kit` into a new root, once the scheduler has run.
pub async fn render_chart(kit: Rc<Kit>, chart: Html) -> Element {
    let root = new_root();
    yew::Renderer::<WithKit>::with_root_and_props(
        root.clone(),
        WithKitProps {
            kit,
            children: chart,
        },
    )
    .render();
    yew::scheduler::flush().await;
    root
}
