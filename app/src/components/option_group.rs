//! The answer options of a question: a native radio group named by the question, with large
//! targets. Number keys choose the numbered options (see `keys.rs`). In pictorial mode each
//! option shows its pictogram in its colour beside its label (never colour alone).

use crate::components::pictogram::PictogramIcon;
use qkit_questionnaires::{Colour, Pictogram};
use qkit_scoring::Answer;
use yew::prelude::*;

/// One answer a participant can choose.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub answer: Answer,
    pub label: AttrValue,
    /// The number key that chooses it (scale options only).
    pub key: Option<usize>,
    /// The pictogram and colour shown with it, in pictorial mode.
    pub picture: Option<(Pictogram, Colour)>,
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
    /// Language of the scale's option labels (the question's), when it differs from the page's.
    /// Special answers are the interface's own words, in the page's language, so they never take
    /// it: in a Welsh sitting an English-only question's options are marked English and its
    /// "Ddim yn gwybod" stays Welsh, for screen readers and voices alike.
    #[prop_or_default]
    pub lang: Option<AttrValue>,
    pub on_choose: Callback<Answer>,
    /// The pointer moved onto, or focus moved to, the option at this index (options, then
    /// special answers): read-aloud speaks its label.
    #[prop_or_default]
    pub on_point: Callback<usize>,
}

/// A radio group: options, then special answers.
#[function_component(OptionGroup)]
pub fn option_group(props: &OptionGroupProps) -> Html {
    let pointed = use_mut_ref(|| None::<usize>);
    let radio = |i: usize, c: &Choice| {
        let checked = props.selected == Some(c.answer);
        let onchange = {
            let (cb, answer) = (props.on_choose.clone(), c.answer);
            Callback::from(move |_: Event| cb.emit(answer))
        };
        let special = c.key.is_none();
        // Only a pointer that really moves onto an option counts: a new screen appearing under
        // a resting mouse must not interrupt the reading of the question.
        let point = {
            let (cb, pointed) = (props.on_point.clone(), pointed.clone());
            Callback::from(move |e: PointerEvent| {
                let moved = e.movement_x() != 0 || e.movement_y() != 0;
                if moved && pointed.replace(Some(i)) != Some(i) {
                    cb.emit(i);
                }
            })
        };
        let leave = {
            let pointed = pointed.clone();
            Callback::from(move |_: PointerEvent| {
                pointed.replace(None);
            })
        };
        let focus = props.on_point.reform(move |_: FocusEvent| i);
        html! {
            <label class={classes!("option", special.then_some("special"), checked.then_some("chosen"), c.picture.is_some().then_some("pictorial"))}
                onpointermove={point} onpointerleave={leave}>
                <input type="radio" name="answer" value={i.to_string()} {checked} {onchange} onfocus={focus} />
                if let Some(k) = c.key {
                    <span class="key" aria-hidden="true">{ k }</span>
                }
                if let Some((pictogram, colour)) = c.picture {
                    <span class="swatch"><PictogramIcon {pictogram} {colour} /></span>
                }
                <span class="option-label" lang={(!special).then(|| props.lang.clone()).flatten()}>{ c.label.clone() }</span>
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
