//! Two visible progress bars, for the questionnaire and for the whole battery.

use qkit_web::KitContext;
use yew::prelude::*;

/// Properties of [`ProgressBar`].
#[derive(Properties, PartialEq)]
pub struct ProgressBarProps {
    /// The questionnaire's short title.
    pub title: AttrValue,
    /// (position, total) within the questionnaire.
    pub questionnaire: (usize, usize),
    /// (position, total) within the battery.
    pub battery: (usize, usize),
}

/// "BIS-11: question 3 of 30" and "All questions: 12 of 49", each with a bar.
#[function_component(ProgressBar)]
pub fn progress_bar(props: &ProgressBarProps) -> Html {
    let ctx = use_context::<KitContext>().expect("App provides KitContext");
    let (qn, qt) = props.questionnaire;
    let (bn, bt) = props.battery;
    let q_text = ctx.tf(
        "progress_questionnaire",
        &[
            ("title", &props.title),
            ("n", &qn.to_string()),
            ("total", &qt.to_string()),
        ],
    );
    let b_text = ctx.tf(
        "progress_battery",
        &[("n", &bn.to_string()), ("total", &bt.to_string())],
    );
    html! {
        <div class="progress">
            { bar("progress-questionnaire", q_text, qn, qt) }
            { bar("progress-battery", b_text, bn, bt) }
        </div>
    }
}

fn bar(id: &'static str, text: String, n: usize, total: usize) -> Html {
    html! {
        <div class="progress-row">
            <label for={id}>{ text.clone() }</label>
            <progress id={id} max={total.max(1).to_string()} value={n.to_string()}>{ text }</progress>
        </div>
    }
}
