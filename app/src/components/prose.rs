//! Text from a definition (instructions, the consent form) as paragraphs and bullet lists:
//! blank lines separate paragraphs, lines starting with "• " are list items.

use yew::prelude::*;

/// Properties of [`Prose`].
#[derive(Properties, PartialEq)]
pub struct ProseProps {
    pub text: AttrValue,
    /// Language of the text, when it differs from the page's.
    #[prop_or_default]
    pub lang: Option<AttrValue>,
}

/// Paragraphs and bullet lists.
#[function_component(Prose)]
pub fn prose(props: &ProseProps) -> Html {
    let blocks = props.text.split("\n\n").map(|block| {
        let mut lines = block.lines().peekable();
        let mut out = Vec::new();
        while let Some(line) = lines.next() {
            if let Some(first) = line.strip_prefix("• ") {
                let mut items = vec![first.to_owned()];
                while let Some(more) = lines.peek().and_then(|l| l.strip_prefix("• ")) {
                    items.push(more.to_owned());
                    lines.next();
                }
                out.push(
                    html! { <ul>{ for items.into_iter().map(|i| html! { <li>{ i }</li> }) }</ul> },
                );
            } else {
                out.push(html! { <p>{ line.to_owned() }</p> });
            }
        }
        out.into_iter().collect::<Html>()
    });
    html! { <div class="prose" lang={props.lang.clone()}>{ for blocks }</div> }
}
