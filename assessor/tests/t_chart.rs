//! The T-score chart in headless Chromium: a T beyond the usual 20–80 axis is drawn where it
//! is, on a widened axis, not pinned to the axis end over another score.

#![cfg(target_arch = "wasm32")]

mod common;

use common::dom::render_chart;
use common::{kit, set};
use qkit_assessor::components::t_chart::TChart;
use qkit_assessor::model::series::series;
use qkit_questionnaires::Timepoint;
use qkit_scoring::ReliableChangeChoice;
use std::rc::Rc;
use wasm_bindgen_test::*;
use web_sys::Element;
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The x of the `selector` element's attribute `attr`.
fn x(root: &Element, selector: &str, attr: &str) -> f64 {
    root.query_selector(selector)
        .expect("a selector")
        .unwrap_or_else(|| panic!("no {selector}"))
        .get_attribute(attr)
        .and_then(|v| v.parse().ok())
        .expect("a number")
}

#[wasm_bindgen_test]
async fn a_t_of_105_is_drawn_beyond_80_not_on_it() {
    let kit = Rc::new(kit());
    let s = set(
        &kit,
        &[("A1", Timepoint::Pre, 1), ("A1", Timepoint::Post, -2)],
    );
    let mut all = series(
        &kit,
        &s,
        ("tsp", s.get("A1", "tsp").expect("A1")),
        ReliableChangeChoice::Definition,
    );
    // One scale with a norm: T 105 before (as a PHQ-9 of 27 can reach) and T 80 after.
    all.retain(|x| x.questionnaire == "bis11" && x.scale == "total");
    let at = |t: Timepoint| t as usize;
    for (t, value) in [(Timepoint::Pre, 105.0), (Timepoint::Post, 80.0)] {
        let norm = all[0].at[at(t)]
            .as_mut()
            .and_then(|sc| sc.norm.as_mut())
            .expect("a normed score");
        norm.t = value;
    }
    let root = render_chart(kit.clone(), html! { <TChart series={all} /> }).await;
    let pre = x(&root, "svg[role=img] circle.marker-pre", "cx");
    // The post diamond's path starts at its top point, at its x.
    let post: f64 = root
        .query_selector("svg[role=img] path.marker-post")
        .expect("ok")
        .expect("a post marker")
        .get_attribute("d")
        .and_then(|d| d[1..].split(' ').next().and_then(|v| v.parse().ok()))
        .expect("a path");
    assert!(pre > post + 40.0, "T 105 at {pre}, T 80 at {post}");
    let ticks: Vec<String> = {
        let list = root
            .query_selector_all("svg[role=img] text.tick")
            .expect("ok");
        (0..list.length())
            .filter_map(|i| list.item(i)?.text_content())
            .collect()
    };
    assert!(ticks.contains(&"110".to_owned()), "{ticks:?}");
}
