//! Component tests in headless Chromium: the cohort table sorts when a column heading is pressed
//! and filters when a filter is chosen; the T-score chart and the change chart carry text tables
//! with the same numbers as the reports; the import screen lists results by laptop and day.

#![cfg(target_arch = "wasm32")]

mod common;

use common::dom::{button, new_root, render_chart, texts, WithKit, WithKitProps};
use common::{kit, set};
use qkit_assessor::components::change_basis::ChangeBasis;
use qkit_assessor::components::change_chart::ChangeChart;
use qkit_assessor::components::cohort_filters::CohortFilters;
use qkit_assessor::components::cohort_table::CohortTable;
use qkit_assessor::components::sources::Sources;
use qkit_assessor::components::t_chart::TChart;
use qkit_assessor::model::cohort::{shown_columns, table, view, Filter, Sort, SortBy, Table};
use qkit_assessor::model::series::{series, Series};
use qkit_questionnaires::{Kit, Timepoint};
use qkit_scoring::ReliableChangeChoice;
use qkit_web::KitContext;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlSelectElement};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

#[derive(Properties, PartialEq)]
struct TableHostProps {
    table: Rc<Table>,
}

/// The cohort screen's table and filters, holding sort and filter as the screen does.
#[function_component(TableHost)]
fn table_host(props: &TableHostProps) -> Html {
    let ctx = use_context::<KitContext>().expect("provided");
    let sort = use_state(Sort::default);
    let filter = use_state(Filter::default);
    let shown = view(&props.table, &filter, *sort);
    let columns = shown_columns(&ctx.kit, &props.table, true);
    let on_sort = {
        let sort = sort.clone();
        Callback::from(move |by: SortBy| sort.set(sort.toggle(by)))
    };
    let on_filter = {
        let filter = filter.clone();
        Callback::from(move |f: Filter| filter.set(f))
    };
    html! {
        <>
            <CohortFilters table={props.table.clone()} filter={(*filter).clone()} {on_filter} />
            <CohortTable table={props.table.clone()} {shown} {columns} sort={*sort} {on_sort} on_open={Callback::noop()} />
        </>
    }
}

fn rows(root: &Element) -> Vec<String> {
    texts(root, "table.cohort tbody th")
}

fn choose(root: &Element, id: &str, value: &str) {
    let select: HtmlSelectElement = root
        .query_selector(&format!("#{id}"))
        .expect("a selector")
        .expect("the select")
        .dyn_into()
        .expect("a select");
    select.set_value(value);
    let event = web_sys::Event::new("change").expect("an event");
    select.dispatch_event(&event).expect("dispatched");
}

#[wasm_bindgen_test]
async fn the_cohort_table_sorts_by_a_column_and_filters_by_band_and_flag() {
    let kit = Rc::new(kit());
    let s = set(
        &kit,
        &[
            ("C3", Timepoint::Pre, 1),
            ("A1", Timepoint::Pre, -2),
            ("B2", Timepoint::Pre, 0),
            ("D4", Timepoint::Mid, 0),
        ],
    );
    let t = Rc::new(table(&kit, &s));
    let root = new_root();
    yew::Renderer::<WithKit>::with_root_and_props(
        root.clone(),
        WithKitProps {
            kit: kit.clone(),
            children: html! { <TableHost table={t.clone()} /> },
        },
    )
    .render();
    yew::scheduler::flush().await;
    assert_eq!(rows(&root), ["A1", "B2", "C3", "D4"]);
    let header = |name: &str| {
        let list = root.query_selector_all("thead th").expect("headers");
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into::<Element>().ok())
            .find(|th| th.text_content().unwrap_or_default().contains(name))
            .expect("the header")
    };
    assert_eq!(
        header("Participant").get_attribute("aria-sort").as_deref(),
        Some("ascending")
    );

    // Impulsiveness total, highest first; D4 (mid: no BIS-11) last.
    button(&root, "BIS-11 total").click();
    yew::scheduler::flush().await;
    assert_eq!(rows(&root), ["C3", "B2", "A1", "D4"]);
    assert_eq!(
        header("BIS-11 total").get_attribute("aria-sort").as_deref(),
        Some("descending")
    );
    assert_eq!(
        header("Participant").get_attribute("aria-sort").as_deref(),
        Some("none")
    );
    button(&root, "BIS-11 total").click();
    yew::scheduler::flush().await;
    assert_eq!(rows(&root), ["A1", "B2", "C3", "D4"]);

    // Band filter: the BIS-11 total band A1 is in keeps exactly those in the same band.
    let col = t
        .columns
        .iter()
        .position(|c| c.questionnaire == "bis11" && c.scale == "total")
        .expect("a total column");
    let band = t.rows[0].cells[col]
        .band()
        .expect("A1 has a band")
        .to_owned();
    choose(&root, "filter-band", &format!("{col}:{band}"));
    yew::scheduler::flush().await;
    let expected: Vec<String> = ["A1", "B2", "C3"]
        .into_iter()
        .filter(|p| {
            t.rows
                .iter()
                .find(|r| r.key.participant == *p)
                .and_then(|r| r.cells[col].band())
                == Some(band.as_str())
        })
        .map(str::to_owned)
        .collect();
    assert!(expected.contains(&"A1".to_owned()));
    assert_eq!(rows(&root), expected);
    assert!(texts(&root, "caption")[0].contains(&format!("{} shown of 4", expected.len())));

    // Show everyone, then only those with questions to revisit (all of them: the example's
    // "I don't understand"), then by programme.
    button(&root, "Show everyone").click();
    yew::scheduler::flush().await;
    assert_eq!(rows(&root).len(), 4);
    choose(&root, "filter-flag", "revisit");
    yew::scheduler::flush().await;
    assert_eq!(rows(&root), ["A1", "B2", "C3", "D4"]);
    choose(&root, "filter-programme", "tsp");
    yew::scheduler::flush().await;
    assert_eq!(rows(&root).len(), 4);
}

fn a1_series(kit: &Kit) -> Vec<Series> {
    let s = set(
        kit,
        &[
            ("A1", Timepoint::Pre, 1),
            ("A1", Timepoint::Mid, 0),
            ("A1", Timepoint::Post, -2),
        ],
    );
    series(
        kit,
        &s,
        ("tsp", s.get("A1", "tsp").expect("A1")),
        ReliableChangeChoice::Definition,
    )
}

/// The cells of the table row whose heading contains `name`.
fn row_cells(root: &Element, name: &str) -> Vec<String> {
    let list = root.query_selector_all("table tbody tr").expect("rows");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .find(|tr| {
            tr.query_selector("th")
                .ok()
                .flatten()
                .and_then(|th| th.text_content())
                .is_some_and(|t| t.contains(name))
        })
        .map(|tr| texts(&tr, "td"))
        .unwrap_or_else(|| panic!("no row {name}"))
}

#[wasm_bindgen_test]
async fn the_t_score_chart_has_a_table_with_the_same_t_scores() {
    let kit = Rc::new(kit());
    let all = a1_series(&kit);
    let root = render_chart(kit.clone(), html! { <TChart series={all.clone()} /> }).await;
    let svg = root
        .query_selector("svg[role=img]")
        .expect("ok")
        .expect("a chart");
    assert!(svg.query_selector("title").expect("ok").is_some());
    assert!(svg.query_selector("rect.average").expect("ok").is_some());
    let t = |x: &Series, tp: Timepoint| {
        x.at[tp as usize]
            .as_ref()
            .and_then(|s| s.norm.as_ref())
            .map_or("—".to_owned(), |n| {
                // Every shipped norm but GAD-7's for men is unverified, and says so.
                let unverified = n.cautions.contains(&qkit_scoring::NormCaution::Unverified);
                let note = if unverified {
                    " (norm not verified)"
                } else {
                    ""
                };
                format!("{}{note}", qkit_assessor::names::number(n.t))
            })
    };
    for x in all
        .iter()
        .filter(|x| x.timepoints().any(|(_, s)| s.norm.is_some()))
    {
        let name = if x.questionnaire == "bis11" {
            "Impulsiveness (BIS-11 total)"
        } else {
            "BSCS"
        };
        assert_eq!(
            row_cells(&root, name),
            [
                t(x, Timepoint::Pre),
                t(x, Timepoint::Mid),
                t(x, Timepoint::Post)
            ],
            "{}",
            x.scale
        );
    }
    // Subscales have no norm: not charted, not in the table.
    assert!(!texts(&root, "table tbody th")
        .iter()
        .any(|h| h.contains("Motor")));
    // One marker per T-score.
    let markers = root
        .query_selector_all("svg[role=img] .marker")
        .expect("ok")
        .length();
    assert_eq!(markers, 2 + 3);
}

#[wasm_bindgen_test]
async fn the_change_chart_has_a_table_with_scores_change_rci_and_category() {
    let kit = Rc::new(kit());
    let all = a1_series(&kit);
    let root = render_chart(kit.clone(), html! { <ChangeChart series={all.clone()} /> }).await;
    let total = all
        .iter()
        .find(|x| x.questionnaire == "bis11" && x.scale == "total")
        .expect("the BIS-11 total");
    let c = total
        .change
        .clone()
        .expect("two timepoints")
        .expect("comparable");
    let score = |t: Timepoint| {
        qkit_assessor::names::number(total.at[t as usize].as_ref().unwrap().score.unwrap())
    };
    let cells = row_cells(&root, "Impulsiveness (BIS-11 total)");
    assert_eq!(cells[0], score(Timepoint::Pre));
    assert_eq!(cells[1], "—");
    assert_eq!(cells[2], score(Timepoint::Post));
    let diff = c.diff.unwrap();
    assert_eq!(
        cells[3],
        format!("−{}", qkit_assessor::names::number(-diff))
    );
    assert_eq!(cells[4], format!("−{:.2}", -c.rci.unwrap()));
    assert!(
        cells[5].starts_with("Improved") || cells[5].starts_with("Recovered"),
        "{}",
        cells[5]
    );
    assert!(cells[5].contains("(reliable change)"), "{}", cells[5]);
    // A subscale without a reliable change rule says why there is no category.
    assert!(
        row_cells(&root, "Motor")[5].contains("names no reliable change rule"),
        "{}",
        row_cells(&root, "Motor")[5]
    );
    // A chart per scale with two or more timepoints, each described by its title.
    let panels = root
        .query_selector_all(".panel svg[role=img] title")
        .expect("ok");
    assert_eq!(panels.length(), 11);
    let first = panels
        .item(0)
        .and_then(|n| n.text_content())
        .unwrap_or_default();
    assert!(first.starts_with("Impulsiveness (BIS-11 total)"), "{first}");
}

/// Below the charts, each scale's reliable change rule and clinical cut-off, with its source.
#[wasm_bindgen_test]
async fn the_basis_of_each_verdict_is_listed_with_its_source() {
    let kit = Rc::new(kit());
    let all = a1_series(&kit);
    let root = render_chart(kit.clone(), html! { <ChangeBasis series={all} /> }).await;
    let lines = texts(&root, "li");
    let bis = lines
        .iter()
        .find(|l| l.starts_with("Impulsiveness (BIS-11 total)"))
        .expect("a line for the BIS-11 total");
    // Jacobson & Truax with the inmates' SD 11.9 and alpha .80: 1.96·√2·11.9·√.2 = 14.75.
    assert!(bis.contains("more than 14.75 points"), "{bis}");
    assert!(bis.contains("us_male_inmates"), "{bis}");
    assert!(bis.contains("Patton"), "the source is named: {bis}");
    let bscs = lines
        .iter()
        .find(|l| l.starts_with("Self-control (BSCS total)"))
        .expect("a line for the BSCS");
    assert!(bscs.contains("fewer than 10 men"), "{bscs}");
}

#[wasm_bindgen_test]
async fn the_import_list_names_each_laptop_and_the_results_that_name_none() {
    let kit = kit();
    let mut records = qkit_export::RecordSet::new();
    for (who, device, version) in [
        ("A1111AA", Some("XV1M-4ZGS"), "0.1.0"),
        ("B2222BB", Some("3FJR-9WEN"), "0.1.0"),
        ("C3333CC", Some("3FJR-9WEN"), "0.1.0"),
        ("D4444DD", None, "0.0.9"),
    ] {
        let mut r = common::record(&kit, who, Timepoint::Pre, 0);
        r.device = device.map(str::to_owned);
        r.kit_version = version.into();
        records.add(&format!("{who}.age"), r);
    }
    let root = new_root();
    yew::Renderer::<WithKit>::with_root_and_props(
        root.clone(),
        WithKitProps {
            kit: Rc::new(kit),
            children: html! { <Sources records={Rc::new(records)} /> },
        },
    )
    .render();
    yew::scheduler::flush().await;
    assert_eq!(
        texts(&root, "summary"),
        [
            "laptop 3FJR-9WEN (qkit 0.1.0), 2026-11-23: 2",
            "laptop XV1M-4ZGS (qkit 0.1.0), 2026-11-23: 1",
            "device not recorded (qkit 0.0.9), 2026-11-23: 1",
        ]
    );
}
