//! Local questionnaires on the import screen: the local definition files in use, each with a way
//! to remove it, a file input to load more (and a local `batteries.json`) at any time but during
//! an import, and every problem found in the chosen files (or every held result a change would no
//! longer fit), each naming its file.

use crate::model::local::Refused;
use qkit_questionnaires::local_kit::{Chosen, LocalFile};
use qkit_web::browser::definition_files;
use qkit_web::KitContext;
use yew::prelude::*;

/// Properties of [`LocalFiles`].
#[derive(Properties, PartialEq)]
pub struct LocalFilesProps {
    /// The local files the kit in use was loaded with.
    pub files: Vec<LocalFile>,
    pub problem: Option<Refused>,
    /// Whether files may be loaded or removed (no import is running).
    pub open: bool,
    pub on_choose: Callback<Vec<(String, Chosen)>>,
    /// Stop using the local file of this name.
    pub on_remove: Callback<String>,
}

/// Why chosen files were refused: `held` when held results would no longer fit, else
/// `bad_files`; then every problem, one item each.
pub fn refused_notice(refused: &Refused, held: &str, bad_files: &str) -> Html {
    let intro = match refused {
        Refused::Records(_) => held,
        Refused::Definitions(_) | Refused::Rules(_) => bad_files,
    };
    html! {
        <div class="notice problem" role="alert">
            <p>{ intro.to_owned() }</p>
            <ul>{ for refused.lines().into_iter().map(|l| html! { <li>{ l }</li> }) }</ul>
        </div>
    }
}

/// The local questionnaires region.
#[function_component(LocalFiles)]
pub fn local_files(props: &LocalFilesProps) -> Html {
    let ctx = use_context::<KitContext>().expect("the assessor provides KitContext");
    let items = props.files.iter().map(|f| {
        let name = f.name.clone();
        let remove = props.on_remove.reform(move |_: MouseEvent| name.clone());
        html! {
            <li>
                <span>{ f.describe(&ctx.kit, &ctx.lang) }</span>{ " " }
                if props.open {
                    <button type="button" class="button secondary" onclick={remove}>
                        { ctx.tf("local_remove", &[("file", &f.name)]) }
                    </button>
                }
            </li>
        }
    });
    let load = {
        let cb = props.on_choose.clone();
        Callback::from(move |e: Event| {
            let cb = cb.clone();
            definition_files::read_chosen(&e, move |chosen| cb.emit(chosen));
        })
    };
    let problem = props
        .problem
        .as_ref()
        .map(|p| refused_notice(p, ctx.t("assessor_local_held"), ctx.t("local_refused")));
    html! {
        <section class="local-definitions" aria-labelledby="local-heading">
            <h2 id="local-heading">{ ctx.t("local_heading") }</h2>
            <p>{ ctx.t("assessor_local_intro") }</p>
            { for problem }
            if !props.files.is_empty() {
                <ul>{ for items }</ul>
            }
            if props.open {
                <div class="field">
                    <label for="local-files">{ ctx.t("local_file") }</label>
                    <input id="local-files" type="file" multiple=true
                        accept=".json,application/json" onchange={load} />
                </div>
            }
        </section>
    }
}
