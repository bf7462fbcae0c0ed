//! One difference between this workspace and the one being merged: what it is about, a table of
//! the details that differ with both values, and a radio group to choose (keep this workspace's,
//! take the other's, or for a report comment keep both).

use crate::components::merge_words::{legend, rows};
use crate::model::merge::{Choice, Conflict};
use qkit_allocation::Rules;
use qkit_web::KitContext;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`MergeConflict`].
#[derive(Properties, PartialEq)]
pub struct MergeConflictProps {
    /// Its place in the list (for ids).
    pub index: usize,
    pub conflict: Conflict,
    /// The workspace file being merged.
    pub file: String,
    pub rules: Rc<Rules>,
    pub chosen: Option<Choice>,
    pub on_choose: Callback<Choice>,
}

/// One conflict with its choice.
#[function_component(MergeConflict)]
pub fn merge_conflict(props: &MergeConflictProps) -> Html {
    let ctx = use_context::<KitContext>().expect("the assessor provides KitContext");
    let n = props.index;
    let file = props.file.as_str();
    let rows = rows(&ctx, &props.rules, &props.conflict).into_iter().map(|(label, ours, theirs)| {
        html! {
            <tr><th scope="row">{ label }</th><td class="merge-value">{ ours }</td><td class="merge-value">{ theirs }</td></tr>
        }
    });
    let options = props.conflict.choices().iter().map(|&choice| {
        let (key, id) = match choice {
            Choice::Ours => ("assessor_merge_keep", "ours"),
            Choice::Theirs => ("assessor_merge_take", "theirs"),
            Choice::Both => ("assessor_merge_both", "both"),
        };
        let onchange = props.on_choose.reform(move |_: Event| choice);
        html! {
            <label class="check" id={format!("merge-{n}-{id}")}>
                <input type="radio" name={format!("merge-{n}")} checked={props.chosen == Some(choice)} {onchange} />
                { ctx.tf(key, &[("file", file)]) }
            </label>
        }
    });
    html! {
        <fieldset class="merge-conflict">
            <legend>{ legend(&ctx, &props.conflict) }</legend>
            <table class="cohort">
                <thead><tr>
                    <th scope="col">{ ctx.t("assessor_merge_detail") }</th>
                    <th scope="col">{ ctx.t("assessor_merge_ours") }</th>
                    <th scope="col">{ ctx.tf("assessor_merge_theirs", &[("file", file)]) }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
            { for options }
        </fieldset>
    }
}
