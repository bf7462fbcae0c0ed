//! The interface language buttons, on the staff screens.

use crate::KitContext;
use qkit_questionnaires::Lang;
use yew::prelude::*;

/// Properties of [`LanguageSwitch`].
#[derive(Properties, PartialEq)]
pub struct LanguageSwitchProps {
    pub on_choose: Callback<Lang>,
}

/// One button per language, each in its own language; the current one is pressed.
#[function_component(LanguageSwitch)]
pub fn language_switch(props: &LanguageSwitchProps) -> Html {
    let ctx = use_context::<KitContext>().expect("App provides KitContext");
    let languages = ctx.kit.ui.languages().map(|(lang, name)| {
        let pressed = *lang == ctx.lang;
        let onclick = {
            let (cb, lang) = (props.on_choose.clone(), lang.clone());
            Callback::from(move |_: MouseEvent| cb.emit(lang.clone()))
        };
        html! {
            <button type="button" class="button quiet" lang={lang.to_string()}
                aria-pressed={pressed.to_string()} {onclick}>{ name.to_owned() }</button>
        }
    });
    html! {
        <div class="language-switch" role="group" aria-label={ctx.t("interface_language").to_owned()}>
            { for languages }
        </div>
    }
}
