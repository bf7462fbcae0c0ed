//! The smallest page qkit's stack allows: one Yew function component with a heading, a text box,
//! two radio buttons and a Next button. Cargo features add serde_json reading a questionnaire
//! model and qkit's encryption, so that `./kit bench-size` can show what each part costs before
//! any of qkit's own screens, definitions or rules exist. It measures; it is never shipped.

use yew::prelude::*;

#[cfg(feature = "json")]
mod json;

#[cfg(feature = "crypto")]
mod crypto;

/// What the page does with the text box's value, so that nothing is optimised away.
fn work(text: String) -> String {
    #[cfg(feature = "json")]
    let text = json::first_item(&text);
    #[cfg(feature = "crypto")]
    let text = crypto::round_trip(&text);
    text
}

#[function_component]
fn Page() -> Html {
    let next = use_state(|| 0u32);
    let shown = use_state(String::new);
    let onclick = {
        let next = next.clone();
        Callback::from(move |_| next.set(*next + 1))
    };
    let oninput = {
        let shown = shown.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            shown.set(work(input.value()));
        })
    };
    html! {
        <main>
            <h1>{ "Question 1 of 75" }</h1>
            <p>{ (*shown).clone() }</p>
            <input aria-label="Text" {oninput} />
            <fieldset>
                <legend>{ "I often act on impulse" }</legend>
                <label><input type="radio" name="answer" />{ "Agree" }</label>
                <label><input type="radio" name="answer" />{ "Disagree" }</label>
            </fieldset>
            <button {onclick}>{ format!("Next ({})", *next) }</button>
        </main>
    }
}

fn main() {
    yew::Renderer::<Page>::new().render();
}
