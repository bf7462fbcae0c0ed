//! On the import screen: every result held, by the laptop that wrote it (its device id, with the
//! qkit version) and the day it was done, results that name no laptop by qkit version as "device
//! not recorded" (`model::reconcile::by_device_and_date`), each batch folded under a count, each
//! record with its file and content id (shown short), a record kept beside another marked, so a
//! missing or doubled sitting shows.

use crate::model::reconcile::by_device_and_date;
use crate::names;
use qkit_export::record_set::short_id;
use qkit_export::RecordSet;
use qkit_web::KitContext;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`Sources`].
#[derive(Properties, PartialEq)]
pub struct SourcesProps {
    pub records: Rc<RecordSet>,
}

/// The list, or nothing when no result is held.
#[function_component(Sources)]
pub fn sources(props: &SourcesProps) -> Html {
    let ctx = use_context::<KitContext>().expect("the assessor provides KitContext");
    let batches = by_device_and_date(&props.records);
    if batches.is_empty() {
        return html! {};
    }
    let batch = |b: &crate::model::reconcile::Batch<'_>| {
        let date = b.date.map(|d| d.to_string()).unwrap_or_default();
        let (key, device) = match b.device {
            Some(d) => ("assessor_sources_batch", d),
            None => ("assessor_sources_no_device", ""),
        };
        let summary = ctx.tf(
            key,
            &[
                ("device", device),
                ("kit", &b.kit_versions.join(", ")),
                ("date", &date),
                ("count", &b.sittings.len().to_string()),
            ],
        );
        let lines = b.sittings.iter().map(|s| {
            let content = s
                .content
                .map(|c| ctx.tf("assessor_content_id", &[("id", short_id(c))]))
                .unwrap_or_default();
            html! {
                <li>
                    { format!("{}, {}, {}: ", s.participant, names::programme(&ctx, s.programme), names::timepoint_short(&ctx, s.timepoint)) }
                    <span class="file-name">{ s.source }</span>{ " " }<span class="muted">{ content }</span>
                    if !s.in_use { { " — " }<strong>{ ctx.t("assessor_sources_beside") }</strong> }
                </li>
            }
        });
        html! {
            <details class="source-batch">
                <summary>{ summary }</summary>
                <ul>{ for lines }</ul>
            </details>
        }
    };
    html! {
        <section aria-labelledby="sources-heading">
            <h2 id="sources-heading">{ ctx.t("assessor_sources_heading") }</h2>
            <p>{ ctx.t("assessor_sources_intro") }</p>
            { for batches.iter().map(batch) }
        </section>
    }
}
