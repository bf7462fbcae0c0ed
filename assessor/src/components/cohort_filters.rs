//! The cohort table's filters: programme, site, band (per scale) and flag, each a select whose
//! options are what the rows hold.

use crate::model::cohort::{BandFilter, Filter, FlagKind, Table};
use crate::names;
use qkit_web::browser::dom::select_value;
use qkit_web::KitContext;
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`CohortFilters`].
#[derive(Properties, PartialEq)]
pub struct CohortFiltersProps {
    pub table: Rc<Table>,
    pub filter: Filter,
    pub on_filter: Callback<Filter>,
}

/// Four selects and a "show everyone" button.
#[function_component(CohortFilters)]
pub fn cohort_filters(props: &CohortFiltersProps) -> Html {
    let ctx = use_context::<KitContext>().expect("the assessor provides KitContext");
    let t = &props.table;
    let f = &props.filter;
    let programmes: BTreeSet<&str> = t.rows.iter().map(|r| r.key.programme.as_str()).collect();
    let sites: BTreeSet<&str> = t
        .rows
        .iter()
        .flat_map(|r| r.sites.iter().map(String::as_str))
        .collect();
    let flags: Vec<FlagKind> = FlagKind::ALL
        .into_iter()
        .filter(|k| t.rows.iter().any(|r| r.has(*k)))
        .collect();
    let change = |edit: fn(&mut Filter, String)| {
        let (filter, cb) = (f.clone(), props.on_filter.clone());
        Callback::from(move |e: Event| {
            let mut next = filter.clone();
            edit(&mut next, select_value(&e));
            cb.emit(next);
        })
    };
    let option = |value: String, label: String, selected: bool| {
        html! { <option {value} {selected}>{ label }</option> }
    };
    let all = ctx.t("assessor_filter_all").to_owned();
    let band_groups = t.columns.iter().enumerate().filter_map(|(i, c)| {
        let bands = &ctx
            .kit
            .questionnaire(&c.questionnaire)?
            .scale(&c.scale)?
            .bands
            .as_ref()?
            .bands;
        let scale = names::scale(&ctx, &c.questionnaire, &c.scale);
        // Each option names its scale: PHQ-9 and GAD-7 share band names, and a group's label
        // is not part of an option's name.
        let options = bands.iter().map(|b| {
            let selected = f
                .band
                .as_ref()
                .is_some_and(|x| x.column == i && x.band == b.id);
            let label = format!("{scale}: {}", b.label.get(&ctx.lang));
            option(format!("{i}:{}", b.id), label, selected)
        });
        Some(html! {
            <optgroup label={scale.clone()}>{ for options }</optgroup>
        })
    });
    let on_clear = props.on_filter.reform(|_: MouseEvent| Filter::default());
    html! {
        <div class="filters" role="group" aria-label={ctx.t("assessor_filters").to_owned()}>
            <div class="field">
                <label for="filter-programme">{ ctx.t("assessor_col_programme") }</label>
                <select id="filter-programme" onchange={change(|f, v| f.programme = (!v.is_empty()).then_some(v))}>
                    { option(String::new(), all.clone(), f.programme.is_none()) }
                    { for programmes.iter().map(|p| option((*p).to_owned(), names::programme(&ctx, p), f.programme.as_deref() == Some(*p))) }
                </select>
            </div>
            <div class="field">
                <label for="filter-site">{ ctx.t("assessor_col_site") }</label>
                <select id="filter-site" onchange={change(|f, v| f.site = (!v.is_empty()).then_some(v))}>
                    { option(String::new(), all.clone(), f.site.is_none()) }
                    { for sites.iter().map(|s| option((*s).to_owned(), names::site(&ctx, s), f.site.as_deref() == Some(*s))) }
                </select>
            </div>
            <div class="field">
                <label for="filter-band">{ ctx.t("assessor_filter_band") }</label>
                <select id="filter-band" onchange={change(|f, v| f.band = parse_band(&v))}>
                    { option(String::new(), all.clone(), f.band.is_none()) }
                    { for band_groups }
                </select>
            </div>
            <div class="field">
                <label for="filter-flag">{ ctx.t("assessor_filter_flag") }</label>
                <select id="filter-flag" onchange={change(|f, v| f.flag = FlagKind::from_key(&v))}>
                    { option(String::new(), all, f.flag.is_none()) }
                    { for flags.iter().map(|k| option(k.key().to_owned(), names::flag(&ctx, *k), f.flag == Some(*k))) }
                </select>
            </div>
            if *f != Filter::default() {
                <button type="button" class="button quiet" onclick={on_clear}>{ ctx.t("assessor_filter_clear") }</button>
            }
        </div>
    }
}

/// `column:band` back into a band filter.
fn parse_band(v: &str) -> Option<BandFilter> {
    let (column, band) = v.split_once(':')?;
    Some(BandFilter {
        column: column.parse().ok()?,
        band: band.to_owned(),
    })
}
