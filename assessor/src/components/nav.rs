//! The header on every assessor screen: the area's name, the fingerprint of the team key in use
//! (so the assessor can compare it with the one the participants' laptops accepted), the
//! language, the screens, and "Lock", which forgets the identity and everything imported.

use crate::state::View;
use qkit_questionnaires::Lang;
use qkit_web::components::language_switch::LanguageSwitch;
use qkit_web::KitContext;
use yew::prelude::*;

/// Properties of [`Nav`].
#[derive(Properties, PartialEq)]
pub struct NavProps {
    pub view: View,
    /// Whether an identity is unlocked (the screens are available).
    pub unlocked: bool,
    /// Records held in memory.
    pub records: usize,
    /// The fingerprints of the unlocked team key's public keys.
    #[prop_or_default]
    pub fingerprints: Vec<String>,
    pub on_show: Callback<View>,
    pub on_lock: Callback<()>,
    pub on_language: Callback<Lang>,
}

/// The header.
#[function_component(Nav)]
pub fn nav(props: &NavProps) -> Html {
    let ctx = use_context::<KitContext>().expect("the assessor provides KitContext");
    let confirming = use_state(|| false);
    let ask = {
        let c = confirming.clone();
        Callback::from(move |_: MouseEvent| c.set(true))
    };
    let cancel = {
        let c = confirming.clone();
        Callback::from(move |_: MouseEvent| c.set(false))
    };
    let lock = {
        let (c, on_lock) = (confirming.clone(), props.on_lock.clone());
        Callback::from(move |_: MouseEvent| {
            c.set(false);
            on_lock.emit(());
        })
    };
    let link = |view: View, key: &str| {
        let current = same_screen(&props.view, &view);
        let onclick = props.on_show.reform(move |_: MouseEvent| view.clone());
        html! {
            <li><button type="button" class="button quiet" aria-current={current.then_some("page")} {onclick}>
                { ctx.t(key).to_owned() }
            </button></li>
        }
    };
    html! {
        <header class="assessor-header">
            <p class="assessor-name">{ ctx.t("assessor_title") }</p>
            if props.unlocked && !props.fingerprints.is_empty() {
                <p class="key-fingerprint">{ ctx.tc("assessor_key_fingerprint", props.fingerprints.len(), &[("fingerprint", &props.fingerprints.join(", "))]) }</p>
            }
            if props.unlocked {
                <nav aria-label={ctx.t("assessor_nav").to_owned()}>
                    <ul class="assessor-nav">
                        { link(View::Import, "assessor_nav_import") }
                        if props.records > 0 {
                            { link(View::Cohort, "assessor_nav_cohort") }
                            { link(View::Tracking, "assessor_nav_tracking") }
                            { link(View::Allocation, "assessor_nav_allocation") }
                        }
                    </ul>
                </nav>
            }
            <LanguageSwitch on_choose={props.on_language.clone()} />
            if props.unlocked && !*confirming {
                <button type="button" class="button secondary" onclick={ask}>{ ctx.t("assessor_lock") }</button>
            }
            if props.unlocked && *confirming {
                <div class="lock-confirm" role="alertdialog" aria-labelledby="lock-question">
                    <p id="lock-question">{ ctx.t("assessor_lock_confirm") }</p>
                    <button type="button" class="button primary" onclick={lock}>{ ctx.t("assessor_lock_yes") }</button>
                    <button type="button" class="button secondary" onclick={cancel}>{ ctx.t("assessor_lock_cancel") }</button>
                </div>
            }
        </header>
    }
}

/// Person screens count as the cohort table's, the merge screen as the import screen's.
fn same_screen(a: &View, b: &View) -> bool {
    match (a, b) {
        (View::Person(..), View::Cohort) | (View::Merge, View::Import) => true,
        _ => a == b,
    }
}
