//! The staff start screen: start a new sitting, resume one stored on this device, set up the
//! assessor keys finished sittings are sealed to, and load local questionnaires. No link to the
//! assessor area: the participant's kit never invites the team's secret key onto its laptop.

use crate::browser::speech::Voicing;
use crate::browser::storage::{LoadError, Medium, Stale, StoredRecipient};
use crate::components::assessor_keys::AssessorKeys;
use crate::components::kept_rescues::KeptRescues;
use crate::components::local_definitions::LocalDefinitions;
use crate::components::speech_settings::SpeechSettings;
use crate::components::update_notice::UpdateNotice;
use crate::components::{draft_list::DraftList, start_form::StartForm};
use crate::state::{Action, LocalView, OutsideChange, StartProblem, StartView};
use qkit_web::components::language_switch::LanguageSwitch;
use qkit_web::config::KitConfig;
use qkit_web::hooks::{use_focus_on, HEADING_ID};
use qkit_web::KitContext;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`StartPage`].
#[derive(Properties, PartialEq)]
pub struct StartPageProps {
    pub view: Rc<StartView>,
    pub medium: Medium,
    /// Whether the device's storage has room for a sitting (checked on each visit here).
    pub room: bool,
    pub config: Rc<KitConfig>,
    pub recipients: Rc<Vec<StoredRecipient>>,
    pub voicing: Rc<Voicing>,
    pub local: Rc<LocalView>,
    /// What was changed outside qkit, found at unlock.
    pub outside: Rc<Vec<OutsideChange>>,
    pub on_action: Callback<Action>,
}

/// The start screen.
#[function_component(StartPage)]
pub fn start_page(props: &StartPageProps) -> Html {
    let ctx = use_context::<KitContext>().expect("App provides KitContext");
    use_focus_on("start");
    let act = |f: fn(String) -> Action| props.on_action.reform(f);
    let v = &props.view;
    let problem = match &v.problem {
        Some(StartProblem::Load(LoadError::Corrupt { key, reason })) => {
            Some(ctx.tf("draft_corrupt", &[("key", key), ("reason", reason)]))
        }
        Some(StartProblem::Load(LoadError::OtherPassphrase(key))) => Some(ctx.tf(
            "draft_corrupt",
            &[("key", key), ("reason", ctx.t("draft_other_passphrase"))],
        )),
        Some(StartProblem::Load(LoadError::Stale {
            id,
            why: Stale::RolledBack { found, expected },
        })) => Some(ctx.tf(
            "draft_rolled_back",
            &[
                ("id", id),
                ("found", &found.to_string()),
                ("expected", &expected.to_string()),
            ],
        )),
        Some(StartProblem::Load(LoadError::Stale { id, .. })) => {
            Some(ctx.tc("outside_removed", 1, &[("list", id)]))
        }
        Some(StartProblem::Load(LoadError::Missing(_))) => Some(ctx.t("draft_missing").to_owned()),
        Some(StartProblem::Load(LoadError::Storage(e))) => {
            Some(ctx.tf("storage_read_failed", &[("reason", &e.to_string())]))
        }
        Some(StartProblem::Resume { id, error }) => Some(ctx.tf(
            "draft_unusable",
            &[("id", id), ("reason", &error.to_string())],
        )),
        Some(StartProblem::NotRemoved(e)) => {
            Some(ctx.tf("remove_all_failed", &[("reason", &e.to_string())]))
        }
        Some(StartProblem::Start(_)) | None => None,
    };
    let list_error = v
        .list_error
        .as_ref()
        .map(|e| ctx.tf("storage_read_failed", &[("reason", &e.to_string())]));
    let start_error = match &v.problem {
        Some(StartProblem::Start(e)) => Some(e.clone()),
        _ => None,
    };
    let lock = props.on_action.reform(|_: MouseEvent| Action::Lock);
    html! {
        <main class="page start" id="main">
            <div class="top-bar">
                <button type="button" class="button quiet" onclick={lock}>{ ctx.t("lock_now") }</button>
                <LanguageSwitch on_choose={props.on_action.reform(Action::SetLanguage)} />
            </div>
            <h1 id={HEADING_ID} tabindex="-1">{ ctx.t("start_heading") }</h1>
            <p>{ ctx.t("start_intro") }</p>
            <UpdateNotice />
            { for props.outside.iter().map(|c| html! {
                <p class="notice warning" role="status">{ outside_text(&ctx, c) }</p>
            }) }
            if let Some(e) = &v.rescue_failure {
                <p class="notice warning" role="status">{ ctx.tf("rescue_failed", &[("reason", &e.to_string())]) }</p>
            }
            if props.recipients.is_empty() {
                <p class="notice warning" role="status">{ ctx.t("no_keys_warning") }</p>
            }
            if !props.config.problems.is_empty() {
                <p class="notice warning">{ ctx.tf("config_problems", &[("list", &props.config.problems.join("; "))]) }</p>
            }
            if !props.room {
                <p class="notice warning" role="status">{ ctx.t("storage_full_start") }</p>
            }
            if let Medium::Memory(reason) = &props.medium {
                <p class="notice warning" role="status">
                    { ctx.tf("storage_blocked_start", &[("reason", &reason.as_ref().map(|r| r.to_string()).unwrap_or_default())]) }
                </p>
            }
            if let Some(p) = problem.or(list_error) {
                <p class="notice problem" role="alert">{ p }</p>
            }
            <KeptRescues kept={v.kept_rescues.clone()} wrong_code={v.wrong_code.clone()} on_action={props.on_action.clone()} />
            <DraftList drafts={v.drafts.clone()} device={v.device.clone()} on_open={act(Action::Open)} on_remove={act(Action::Remove)} />
            <h2>{ ctx.t("start_new") }</h2>
            <StartForm suggestion={v.suggestion.clone()} error={start_error}
                on_start={props.on_action.reform(Action::Start)} on_reference={act(Action::LookUp)} />
            <AssessorKeys accepted={(*props.recipients).clone()} offered={props.config.recipients.clone()}
                keys={v.keys.clone()} on_action={props.on_action.clone()} />
            <SpeechSettings voicing={props.voicing.clone()} on_action={props.on_action.clone()} />
            <LocalDefinitions files={props.local.files.clone()} problem={props.local.problem.clone()}
                on_action={props.on_action.clone()} />
        </main>
    }
}

/// What a change made outside qkit means, for staff.
fn outside_text(ctx: &KitContext, change: &OutsideChange) -> String {
    match change {
        OutsideChange::AssessorKeys => ctx.t("outside_keys").to_owned(),
        OutsideChange::Revisions => ctx.t("outside_revisions").to_owned(),
        OutsideChange::Removed(ids) => {
            ctx.tc("outside_removed", ids.len(), &[("list", &ids.join(", "))])
        }
    }
}
