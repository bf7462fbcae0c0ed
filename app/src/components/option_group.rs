//! The answer options of a question: a native radio group named by the question, with large
//! targets. Number keys choose the numbered options (see `keys.rs`).

use qkit_scoring::Answer;
use yew::prelude::*;

/// One answer a participant can choose.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub answer: Answer,
    pub label: AttrValue,
    /// The number key that chooses it (scale options only).
    pub key: Option<usize>,
}

/// Properties of [`OptionGroup`].
#[derive(Properties, PartialEq)]
pub struct OptionGroupProps {
    /// Id of the element holding the question, which names the group.
    pub labelled_by: AttrValue,
    /// The scale's options, in order.
    pub options: Vec<Choice>,
    /// Special answers ("Don't know", …), shown apart after the options.
    #[prop_or_default]
    pub special: Vec<Choice>,
    pub selected: Option<Answer>,
    /// Language of the option labels, when it differs from the page's.
    #[prop_or_default]
    pub lang: Option<AttrValue>,
    pub on_choose: Callback<Answer>,
}

/// A radio group: options, then special answers.
#[function_component(OptionGroup)]
pub fn option_group(props: &OptionGroupProps) -> Html {
    let radio = |i: usize, c: &Choice| {
        let checked = props.selected == Some(c.answer);
        let onchange = {
            let (cb, answer) = (props.on_choose.clone(), c.answer);
            Callback::from(move |_: Event| cb.emit(answer))
        };
        let special = c.key.is_none();
        html! {
            <label class={classes!("option", special.then_some("special"), checked.then_some("chosen"))}>
                <input type="radio" name="answer" value={i.to_string()} {checked} {onchange} />
                if let Some(k) = c.key {
                    <span class="key" aria-hidden="true">{ k }</span>
                }
                <span class="option-label" lang={props.lang.clone()}>{ c.label.clone() }</span>
            </label>
        }
    };
    let n = props.options.len();
    html! {
        <div role="radiogroup" aria-labelledby={props.labelled_by.clone()} class="options">
            { for props.options.iter().enumerate().map(|(i, c)| radio(i, c)) }
            if !props.special.is_empty() {
                <div class="special-answers">
                    { for props.special.iter().enumerate().map(|(i, c)| radio(n + i, c)) }
                </div>
            }
        </div>
    }
}
