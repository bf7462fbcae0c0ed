//! What the assessor enters for a participant: risk level (from the organisation's risk tools),
//! order or licence requirement, and attendance for allocation (sites, times, work, weekdays,
//! people to keep apart, waiting since). Every change is sent at once.

use crate::browser::form::changed_value;
use crate::model::staff::StaffEntry;
use crate::names;
use qkit_allocation::{Availability, Date, Level, Rules, Weekday};
use qkit_web::browser::dom::{checked, select_value};
use qkit_web::KitContext;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`StaffForm`].
#[derive(Properties, PartialEq)]
pub struct StaffFormProps {
    pub entry: StaffEntry,
    pub rules: Rc<Rules>,
    /// Site codes to offer, with their names.
    pub sites: Vec<(String, String)>,
    pub on_change: Callback<StaffEntry>,
}

/// The form.
#[function_component(StaffForm)]
pub fn staff_form(props: &StaffFormProps) -> Html {
    let ctx = use_context::<KitContext>().expect("the assessor provides KitContext");
    let e = &props.entry;
    let edit = |f: fn(&mut StaffEntry, String)| {
        let (entry, cb) = (e.clone(), props.on_change.clone());
        move |value: String| {
            let mut next = entry.clone();
            f(&mut next, value);
            cb.emit(next);
        }
    };
    let on_select = |f: fn(&mut StaffEntry, String)| {
        let apply = edit(f);
        Callback::from(move |ev: Event| apply(select_value(&ev)))
    };
    let on_text = |f: fn(&mut StaffEntry, String)| {
        let apply = edit(f);
        Callback::from(move |ev: Event| apply(changed_value(&ev)))
    };
    let option = |value: &str, label: String, selected: bool| {
        html! { <option value={value.to_owned()} {selected}>{ label }</option> }
    };
    let choose = ctx.t("assessor_choose").to_owned();
    let risk_options = Level::ALL
        .iter()
        .map(|l| option(l.key(), names::level(&ctx, *l), e.risk == Some(*l)));
    let requirement_options = props.rules.requirements.iter().map(|r| {
        option(
            &r.code,
            r.label.clone(),
            e.requirement.as_deref() == Some(r.code.as_str()),
        )
    });
    let site_boxes = props.sites.iter().map(|(code, label)| {
        let on = e.sites.contains(code);
        let onchange = {
            let (entry, cb, code) = (e.clone(), props.on_change.clone(), code.clone());
            Callback::from(move |ev: Event| {
                let mut next = entry.clone();
                next.sites.retain(|s| *s != code);
                if checked(&ev) {
                    next.sites.push(code.clone());
                }
                cb.emit(next);
            })
        };
        html! {
            <label class="check"><input type="checkbox" checked={on} {onchange} />{ label.clone() }</label>
        }
    });
    let weekday_boxes = Weekday::ALL.into_iter().map(|w| {
        let on = e.weekdays.contains(&w);
        let onchange = {
            let (entry, cb) = (e.clone(), props.on_change.clone());
            Callback::from(move |ev: Event| {
                let mut next = entry.clone();
                next.weekdays.retain(|x| *x != w);
                if checked(&ev) {
                    next.weekdays.push(w);
                    next.weekdays.sort();
                }
                cb.emit(next);
            })
        };
        html! {
            <label class="check"><input type="checkbox" checked={on} {onchange} />{ names::weekday(&ctx, w) }</label>
        }
    });
    let availability_options = Availability::ALL.iter().map(|a| {
        option(
            a.key(),
            names::availability(&ctx, *a),
            e.availability == Some(*a),
        )
    });
    html! {
        <div class="staff-form">
            <p class="notice info">{ ctx.t("assessor_risk_note") }</p>
            <div class="field">
                <label for="staff-risk">{ ctx.t("assessor_risk") }</label>
                <select id="staff-risk" onchange={on_select(|e, v| e.risk = Level::from_key(&v))}>
                    { option("", choose.clone(), e.risk.is_none()) }
                    { for risk_options }
                </select>
            </div>
            <div class="field">
                <label for="staff-requirement">{ ctx.t("assessor_requirement") }</label>
                <select id="staff-requirement" onchange={on_select(|e, v| e.requirement = (!v.is_empty()).then_some(v))}>
                    { option("", choose.clone(), e.requirement.is_none()) }
                    { for requirement_options }
                </select>
            </div>
            <h3>{ ctx.t("assessor_attendance") }</h3>
            <p class="hint">{ ctx.t("assessor_attendance_hint") }</p>
            <fieldset class="field">
                <legend>{ ctx.t("assessor_sites") }</legend>
                { for site_boxes }
            </fieldset>
            <div class="field">
                <label for="staff-availability">{ ctx.t("assessor_availability") }</label>
                <select id="staff-availability" onchange={on_select(|e, v| e.availability = Availability::from_key(&v))}>
                    { option("", choose.clone(), e.availability.is_none()) }
                    { for availability_options }
                </select>
            </div>
            <div class="field">
                <label for="staff-in-work">{ ctx.t("assessor_in_work") }</label>
                <select id="staff-in-work" onchange={on_select(|e, v| e.in_work = match v.as_str() { "yes" => Some(true), "no" => Some(false), _ => None })}>
                    { option("", choose, e.in_work.is_none()) }
                    { option("yes", ctx.t("assessor_yes").to_owned(), e.in_work == Some(true)) }
                    { option("no", ctx.t("assessor_no").to_owned(), e.in_work == Some(false)) }
                </select>
            </div>
            <fieldset class="field">
                <legend>{ ctx.t("assessor_weekdays") }</legend>
                { for weekday_boxes }
            </fieldset>
            <div class="field">
                <label for="staff-keep-apart">{ ctx.t("assessor_keep_apart") }</label>
                <p class="hint" id="staff-keep-apart-hint">{ ctx.t("assessor_keep_apart_hint") }</p>
                <input type="text" id="staff-keep-apart" spellcheck="false" autocomplete="off" aria-describedby="staff-keep-apart-hint"
                    value={e.keep_apart.join(", ")}
                    onchange={on_text(|e, v| e.keep_apart = v.split([',', ';', ' ']).map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect())} />
            </div>
            <div class="field">
                <label for="staff-waiting">{ ctx.t("assessor_waiting_since") }</label>
                <input type="date" id="staff-waiting" value={e.waiting_since.map(|d| d.to_string()).unwrap_or_default()}
                    onchange={on_text(|e, v| e.waiting_since = Date::parse(&v))} />
            </div>
        </div>
    }
}
