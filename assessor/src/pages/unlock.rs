//! The first screen: unlock the assessment team's age identity, from a file or pasted, with its
//! passphrase when it is protected by one (`age -p`). The identity is held in memory only; the
//! key text and passphrase are read once, into buffers zeroed when dropped, and their boxes
//! emptied. A key file's problems name the file; one over the identity size limit is refused
//! unread. After the area locked itself, the screen says so.

use crate::browser::files::{from_input, PickedFile};
use crate::browser::form::text_area_value;
use crate::browser::timing::yield_to_browser;
use crate::names;
use crate::state::LockReason;
use qkit_export::open::MAX_IDENTITY_BYTES;
use qkit_export::Identities;
use qkit_web::browser::dom::{take_input, take_input_area};
use qkit_web::hooks::HEADING_ID;
use qkit_web::KitContext;
use std::rc::Rc;
use yew::prelude::*;
use zeroize::Zeroizing;

/// Properties of [`UnlockPage`].
#[derive(Properties, PartialEq)]
pub struct UnlockPageProps {
    /// Why the area locked itself, said above the form.
    #[prop_or_default]
    pub locked_because: Option<LockReason>,
    pub on_unlock: Callback<Rc<Identities>>,
}

/// A key file's name and bytes, zeroed when dropped.
#[derive(Clone, PartialEq)]
struct KeyFile {
    name: String,
    bytes: Rc<Zeroizing<Vec<u8>>>,
}

/// The unlock screen. The pasted key and the passphrase are read from their boxes only when the
/// form is sent, into `Zeroizing` buffers, and the boxes are emptied as they are read; a chosen
/// key file's bytes are held zeroed-on-drop until the page moves on.
#[function_component(UnlockPage)]
pub fn unlock_page(props: &UnlockPageProps) -> Html {
    let ctx = use_context::<KitContext>().expect("the assessor provides KitContext");
    let file = use_state(|| None::<KeyFile>);
    let key_text = use_node_ref();
    let key_file = use_node_ref();
    let passphrase = use_node_ref();
    // Whether the pasted text is a passphrase-protected identity (the text itself is not kept).
    let pasted_protected = use_state(|| false);
    let problem = use_state(|| None::<String>);
    let busy = use_state(|| false);

    let protected = match &*file {
        Some(f) => Identities::is_passphrase_protected(&f.bytes),
        None => *pasted_protected,
    };

    let on_file = {
        let (ctx, file, problem, key_file) =
            (ctx.clone(), file.clone(), problem.clone(), key_file.clone());
        Callback::from(move |e: Event| {
            let picked: Option<PickedFile> = from_input(&e).into_iter().next();
            // The picker lets go of the file once its bytes are read.
            drop(take_input(&key_file));
            let (ctx, file, problem) = (ctx.clone(), file.clone(), problem.clone());
            if let Some(picked) = picked {
                yew::platform::spawn_local(async move {
                    let name = picked.name();
                    match picked.bytes_at_most(MAX_IDENTITY_BYTES).await {
                        Ok(bytes) => {
                            file.set(Some(KeyFile {
                                name,
                                bytes: Rc::new(Zeroizing::new(bytes)),
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
        let pasted_protected = pasted_protected.clone();
        Callback::from(move |e: InputEvent| {
            let text = Zeroizing::new(text_area_value(&e));
            pasted_protected.set(Identities::is_passphrase_protected(text.as_bytes()));
        })
    };
    let on_clear_file = {
        let file = file.clone();
        Callback::from(move |_: MouseEvent| file.set(None))
    };
    let on_submit = {
        let (ctx, problem, busy) = (ctx.clone(), problem.clone(), busy.clone());
        let (key_text, passphrase, on_unlock) = (
            key_text.clone(),
            passphrase.clone(),
            props.on_unlock.clone(),
        );
        let (file, pasted_protected) = (file.clone(), pasted_protected.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let pass = Zeroizing::new(take_input(&passphrase));
            if protected && pass.is_empty() {
                problem.set(Some(ctx.t("assessor_unlock_need_passphrase").to_owned()));
                return;
            }
            let chosen = file.as_ref().map(|f| f.name.clone());
            let bytes = match &*file {
                Some(f) => f.bytes.clone(),
                None => {
                    pasted_protected.set(false);
                    Rc::new(Zeroizing::new(take_input_area(&key_text).into_bytes()))
                }
            };
            // A chosen file that is empty is a bad key file, said below with its name.
            if chosen.is_none() && bytes.iter().all(u8::is_ascii_whitespace) {
                problem.set(Some(ctx.t("assessor_unlock_nothing").to_owned()));
                return;
            }
            busy.set(true);
            problem.set(None);
            let (ctx, problem, busy, on_unlock) = (
                ctx.clone(),
                problem.clone(),
                busy.clone(),
                on_unlock.clone(),
            );
            yew::platform::spawn_local(async move {
                // Let the "unlocking" message show before the passphrase work blocks the page.
                yield_to_browser().await;
                let result = if protected {
                    Identities::from_passphrase_file(&bytes, &pass)
                } else {
                    Identities::from_bytes(&bytes)
                };
                drop((bytes, pass));
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
            if props.locked_because == Some(LockReason::Idle) {
                <p class="notice info" role="status">{ ctx.t("assessor_locked_idle") }</p>
            }
            <p>{ ctx.t("assessor_unlock_intro") }</p>
            <p class="notice info">{ ctx.t("assessor_memory_only") }</p>
            <form class="start-form" onsubmit={on_submit} novalidate=true>
                <div class="field">
                    <label for="key-file">{ ctx.t("assessor_unlock_file") }</label>
                    <p class="hint" id="key-file-hint">{ ctx.t("assessor_unlock_file_hint") }</p>
                    <input type="file" id="key-file" aria-describedby="key-file-hint" ref={key_file} onchange={on_file} />
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
                            ref={key_text} oninput={on_paste} />
                    </div>
                }
                if protected {
                    <div class="field">
                        <label for="key-passphrase">{ ctx.t("assessor_unlock_passphrase") }</label>
                        <p class="hint" id="key-passphrase-hint">{ ctx.t("assessor_unlock_passphrase_hint") }</p>
                        <input type="password" id="key-passphrase" autocomplete="off" spellcheck="false"
                            aria-describedby="key-passphrase-hint" ref={passphrase} />
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
