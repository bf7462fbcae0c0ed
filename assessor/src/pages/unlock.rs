//! The first screen: unlock the assessment team's age identity, from a file or pasted, with its
//! passphrase when it is protected by one (`age -p`). The identity is held in memory only. A key
//! file's problems name the file; one over the identity size limit is refused unread.

use crate::browser::files::{from_input, PickedFile};
use crate::browser::form::text_area_value;
use crate::browser::timing::yield_to_browser;
use crate::names;
use qkit_app::browser::dom::input_value;
use qkit_app::hooks::HEADING_ID;
use qkit_app::KitContext;
use qkit_export::open::MAX_IDENTITY_BYTES;
use qkit_export::Identities;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`UnlockPage`].
#[derive(Properties, PartialEq)]
pub struct UnlockPageProps {
    pub on_unlock: Callback<Rc<Identities>>,
}

/// A key file's name and bytes.
#[derive(Clone, PartialEq)]
struct KeyFile {
    name: String,
    bytes: Rc<Vec<u8>>,
}

/// The unlock screen.
#[function_component(UnlockPage)]
pub fn unlock_page(props: &UnlockPageProps) -> Html {
    let ctx = use_context::<KitContext>().expect("the assessor provides KitContext");
    let file = use_state(|| None::<KeyFile>);
    let pasted = use_state(String::new);
    let passphrase = use_state(String::new);
    let problem = use_state(|| None::<String>);
    let busy = use_state(|| false);

    let bytes: Vec<u8> = match &*file {
        Some(f) => f.bytes.to_vec(),
        None => pasted.as_bytes().to_vec(),
    };
    let protected = Identities::is_passphrase_protected(&bytes);

    let on_file = {
        let (ctx, file, problem) = (ctx.clone(), file.clone(), problem.clone());
        Callback::from(move |e: Event| {
            let picked: Option<PickedFile> = from_input(&e).into_iter().next();
            let (ctx, file, problem) = (ctx.clone(), file.clone(), problem.clone());
            if let Some(picked) = picked {
                yew::platform::spawn_local(async move {
                    let name = picked.name();
                    match picked.bytes_at_most(MAX_IDENTITY_BYTES).await {
                        Ok(bytes) => {
                            file.set(Some(KeyFile {
                                name,
                                bytes: Rc::new(bytes),
                            }));
                            problem.set(None);
                        }
                        Err(e) => problem.set(Some(names::file_problem(
                            &ctx,
                            &name,
                            &names::read_error(&ctx, &e),
                        ))),
                    }
                });
            }
        })
    };
    let on_paste = {
        let pasted = pasted.clone();
        Callback::from(move |e: InputEvent| pasted.set(text_area_value(&e)))
    };
    let on_passphrase = {
        let passphrase = passphrase.clone();
        Callback::from(move |e: InputEvent| passphrase.set(input_value(&e)))
    };
    let on_clear_file = {
        let file = file.clone();
        Callback::from(move |_: MouseEvent| file.set(None))
    };
    let on_submit = {
        let (ctx, problem, busy) = (ctx.clone(), problem.clone(), busy.clone());
        let (passphrase, on_unlock) = (passphrase.clone(), props.on_unlock.clone());
        let bytes = bytes.clone();
        let chosen = file.as_ref().map(|f| f.name.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            // A chosen file that is empty is a bad key file, said below with its name.
            if chosen.is_none() && bytes.iter().all(u8::is_ascii_whitespace) {
                problem.set(Some(ctx.t("assessor_unlock_nothing").to_owned()));
                return;
            }
            if protected && passphrase.is_empty() {
                problem.set(Some(ctx.t("assessor_unlock_need_passphrase").to_owned()));
                return;
            }
            busy.set(true);
            problem.set(None);
            let (ctx, problem, busy) = (ctx.clone(), problem.clone(), busy.clone());
            let (pass, on_unlock, bytes, chosen) = (
                (*passphrase).clone(),
                on_unlock.clone(),
                bytes.clone(),
                chosen.clone(),
            );
            yew::platform::spawn_local(async move {
                // Let the "unlocking" message show before the passphrase work blocks the page.
                yield_to_browser().await;
                let result = if protected {
                    Identities::from_passphrase_file(&bytes, &pass)
                } else {
                    Identities::from_bytes(&bytes)
                };
                busy.set(false);
                match result {
                    Ok(ids) => on_unlock.emit(Rc::new(ids)),
                    Err(e) => {
                        let why = names::identity_error(&ctx, &e);
                        problem.set(Some(match &chosen {
                            Some(name) => names::file_problem(&ctx, name, &why),
                            None => why,
                        }));
                    }
                }
            });
        })
    };

    html! {
        <main class="page" id="main">
            <h1 id={HEADING_ID} tabindex="-1">{ ctx.t("assessor_unlock_heading") }</h1>
            <p>{ ctx.t("assessor_unlock_intro") }</p>
            <p class="notice info">{ ctx.t("assessor_memory_only") }</p>
            <form class="start-form" onsubmit={on_submit} novalidate=true>
                <div class="field">
                    <label for="key-file">{ ctx.t("assessor_unlock_file") }</label>
                    <p class="hint" id="key-file-hint">{ ctx.t("assessor_unlock_file_hint") }</p>
                    <input type="file" id="key-file" aria-describedby="key-file-hint" onchange={on_file} />
                    if let Some(f) = &*file {
                        <p>
                            { ctx.tf("assessor_unlock_chosen", &[("name", &f.name)]) }
                            { " " }
                            <button type="button" class="button quiet" onclick={on_clear_file}>{ ctx.t("assessor_unlock_clear") }</button>
                        </p>
                    }
                </div>
                if file.is_none() {
                    <div class="field">
                        <label for="key-text">{ ctx.t("assessor_unlock_paste") }</label>
                        <textarea id="key-text" rows="4" spellcheck="false" autocomplete="off"
                            value={(*pasted).clone()} oninput={on_paste} />
                    </div>
                }
                if protected {
                    <div class="field">
                        <label for="key-passphrase">{ ctx.t("assessor_unlock_passphrase") }</label>
                        <p class="hint" id="key-passphrase-hint">{ ctx.t("assessor_unlock_passphrase_hint") }</p>
                        <input type="password" id="key-passphrase" autocomplete="off"
                            aria-describedby="key-passphrase-hint"
                            value={(*passphrase).clone()} oninput={on_passphrase} />
                    </div>
                }
                <div role="status" aria-live="polite">
                    if *busy {
                        <p class="notice info">{ ctx.t("assessor_unlocking") }</p>
                    }
                </div>
                if let Some(p) = &*problem {
                    <p class="notice problem" role="alert">{ p.clone() }</p>
                }
                <button type="submit" class="button primary" disabled={*busy}>{ ctx.t("assessor_unlock_button") }</button>
            </form>
        </main>
    }
}
