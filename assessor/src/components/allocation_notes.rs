//! What the allocation screen says about the allocation in hand: that it is out of date, and
//! why (men placed who now have later results, men waiting who are not in it, rules changed
//! since), with a way to allocate again; whose entries were used for men both imported and
//! named in the participants file; and exactly what the allocation did.

use crate::allocation_words;
use crate::model::allocation_check::{counts, Merged, Used};
use crate::model::cohort::Table;
use crate::names;
use crate::state::Allocated;
use qkit_web::KitContext;
use yew::prelude::*;

/// Properties of [`OutOfDateNotice`].
#[derive(Properties, PartialEq)]
pub struct OutOfDateProps {
    pub allocated: std::rc::Rc<Allocated>,
    pub table: std::rc::Rc<Table>,
    /// Allocate again (disabled when allocating cannot run, e.g. no group).
    pub on_allocate: Callback<MouseEvent>,
    pub can_allocate: bool,
}

/// The out-of-date notice, or nothing while the allocation matches the records.
#[function_component(OutOfDateNotice)]
pub fn out_of_date_notice(props: &OutOfDateProps) -> Html {
    let ctx = use_context::<KitContext>().expect("the assessor provides KitContext");
    let stale = props.allocated.out_of_date(&props.table);
    if stale.is_current() {
        return html! {};
    }
    let moved: Vec<String> = stale
        .moved_on
        .iter()
        .map(|(p, t)| format!("{p} ({})", names::timepoint(&ctx, *t)))
        .collect();
    html! {
        <section class="notice warning" aria-labelledby="out-of-date-heading">
            <h3 id="out-of-date-heading">{ ctx.t("assessor_out_of_date_heading") }</h3>
            <ul>
                if !moved.is_empty() {
                    <li>{ ctx.tc("assessor_out_of_date_moved", moved.len(), &[("people", &moved.join(", "))]) }</li>
                }
                if !stale.not_in_it.is_empty() {
                    <li>{ ctx.tc("assessor_out_of_date_new", stale.not_in_it.len(), &[("people", &stale.not_in_it.join(", "))]) }</li>
                }
                if stale.rules_changed {
                    <li>{ ctx.t("assessor_out_of_date_rules") }</li>
                }
            </ul>
            <p>{ ctx.t("assessor_out_of_date_again") }</p>
            <button type="button" class="button primary" onclick={props.on_allocate.clone()}
                disabled={!props.can_allocate}>{ ctx.t("assessor_allocate_again") }</button>
        </section>
    }
}

/// For each man both imported and in the participants file: whose entries were used, and where
/// the file disagreed.
pub fn merged_list(ctx: &KitContext, merged: &[Merged]) -> Html {
    if merged.is_empty() {
        return html! {};
    }
    let items = merged.iter().map(|m| {
        let text = match (m.used, m.differs.is_empty()) {
            (Used::File, _) => ctx.tf("assessor_merged_file", &[("participant", &m.participant)]),
            (Used::Screen, true) => {
                ctx.tf("assessor_merged_same", &[("participant", &m.participant)])
            }
            (Used::Screen, false) => {
                let fields: Vec<String> = m
                    .differs
                    .iter()
                    .map(|f| allocation_words::field(ctx, f))
                    .collect();
                ctx.tf(
                    "assessor_merged_screen",
                    &[
                        ("participant", &m.participant),
                        ("fields", &fields.join(", ")),
                    ],
                )
            }
        };
        html! { <li>{ text }</li> }
    });
    html! {
        <>
            <h3 id="merged-heading">{ ctx.tc("assessor_merged_heading", merged.len(), &[]) }</h3>
            <ul aria-labelledby="merged-heading">{ for items }</ul>
        </>
    }
}

/// What the allocation did, exactly: how many were placed in groups, went to 1:1, or have no
/// group programme recommended.
pub fn summary(ctx: &KitContext, a: &Allocated) -> Html {
    let c = counts(&a.allocation);
    let ms = if a.ms < 1.0 {
        "< 1".to_owned()
    } else {
        format!("{:.0}", a.ms)
    };
    let n = |v: usize| v.to_string();
    html! {
        <>
            <p>{ ctx.tf("assessor_result_summary", &[
                ("today", &a.allocation.today.to_string()),
                ("people", &n(a.input.participants.len())),
                ("ms", &ms),
            ]) }</p>
            <ul class="result-counts">
                <li>{ ctx.tf("assessor_result_placed", &[
                    ("placed", &n(c.placed)),
                    ("used", &n(c.groups_used)),
                    ("groups", &n(a.input.groups.len())),
                ]) }</li>
                <li>{ ctx.tf("assessor_result_one_to_one", &[("count", &n(c.one_to_one))]) }</li>
                if c.not_recommended > 0 {
                    <li>{ ctx.tf("assessor_result_not_recommended", &[("count", &n(c.not_recommended))]) }</li>
                }
            </ul>
        </>
    }
}
