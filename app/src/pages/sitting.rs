//! An open sitting: whichever screen the session is on, with storage notices and the
//! participant tools (break, staff) above it, the staff confirmation step, and a polite live region that
//! announces progress.

use crate::browser::storage::Medium;
use crate::components::export_step::ExportStep;
use crate::components::notices::Notices;
use crate::components::question::Question;
use crate::components::staff_confirm::StaffConfirm;
use crate::components::tools::Tools;
use crate::hooks::use_watch;
use crate::pages::{
    consent::ConsentPage, declined::DeclinedPage, handover::HandoverPage, item::item_question,
    pause::PausePage, practice::practice_question, section::SectionPage, summary::SummaryPage,
    thank_you::ThankYouPage,
};
use crate::state::{Action, SittingView, StaffStep};
use qkit_session::{Screen, Summary, Verb};
use qkit_web::hooks::use_focus_on;
use qkit_web::KitContext;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`SittingPage`].
#[derive(Properties, PartialEq)]
pub struct SittingPageProps {
    pub view: Rc<SittingView>,
    pub medium: Medium,
    /// How many assessor keys are accepted on this computer.
    pub keys: usize,
    pub on_action: Callback<Action>,
}

/// The open sitting.
#[function_component(SittingPage)]
pub fn sitting_page(props: &SittingPageProps) -> Html {
    let ctx = use_context::<KitContext>().expect("App provides KitContext");
    let staff = props.view.staff;
    let session = &props.view.session;
    let draft = session.draft();
    let screen = session.screen(&ctx.kit);
    use_watch(
        session.id().to_owned(),
        props.on_action.reform(Action::ChangedElsewhere),
    );
    use_focus_on((
        draft.cursor.clone(),
        session.on_break(),
        staff.map(|p| p.step),
        props.view.staff_present,
    ));

    let verb = |v: Verb| props.on_action.reform(move |_: ()| Action::Verb(v.clone()));
    let ask = |step: StaffStep| props.on_action.reform(move |_: ()| Action::AskStaff(step));
    let act = |a: Action| props.on_action.reform(move |_: ()| a.clone());

    let export = html! {
        <ExportStep keys={props.keys} status={props.view.export.clone()}
            on_export={act(Action::Export)} on_save_again={act(Action::SaveAgain)}
            on_saved={act(Action::ExportSaved)} />
    };
    let body = if let Some(prompt) = staff {
        html! {
            <StaffConfirm {prompt} on_confirm={props.on_action.reform(Action::ConfirmStaff)}
                on_cancel={act(Action::CancelStaff)} />
        }
    } else if session.on_break() {
        html! { <PausePage on_resume={ask(StaffStep::EndBreak)} /> }
    } else {
        match &screen {
            Screen::Consent {
                questionnaire,
                item,
                wording,
                language,
            } => html! {
                <ConsentPage questionnaire={questionnaire.clone()} item={item.clone()}
                    wording={*wording} language={language.clone()} pictorial={draft.record.support.pictorial}
                    on_record={props.on_action.reform(|a| Action::Verb(Verb::RecordConsent(a)))} />
            },
            Screen::Handover => html! { <HandoverPage on_start={verb(Verb::Next)} /> },
            Screen::Practice { chosen } => {
                let asked = practice_question(&ctx, *chosen, draft.record.support.pictorial);
                html! {
                    <Question {asked} on_choose={props.on_action.reform(|a| Action::Verb(Verb::Answer(a)))}
                        on_next={verb(Verb::Next)} on_back={verb(Verb::Back)} />
                }
            }
            Screen::Section(s) => html! {
                <SectionPage screen={s.clone()} on_next={verb(Verb::Next)} on_back={verb(Verb::Back)} />
            },
            Screen::Item(s) => match item_question(&ctx, s, &draft.record.support) {
                Some(asked) => html! {
                    <Question {asked} on_choose={props.on_action.reform(|a| Action::Verb(Verb::Answer(a)))}
                        on_next={verb(Verb::Next)} on_back={verb(Verb::Back)} />
                },
                None => html! {},
            },
            Screen::ThankYou => html! { <ThankYouPage on_staff={ask(StaffStep::SeeSummary)} /> },
            Screen::Summary => html! {
                <SummaryPage summary={Rc::new(Summary::of(&ctx.kit, draft))}
                    record={Rc::new(draft.record.clone())} on_done={act(Action::Done)}>
                    { export.clone() }
                </SummaryPage>
            },
            Screen::Declined => html! {
                <DeclinedPage staff={props.view.staff_present} on_staff={ask(StaffStep::SeeDeclined)}
                    on_done={act(Action::Done)}>{ export.clone() }</DeclinedPage>
            },
        }
    };
    let participant_screen = staff.is_none()
        && !session.on_break()
        && matches!(
            screen,
            Screen::Practice { .. } | Screen::Section(_) | Screen::Item(_)
        );
    let tools = participant_screen.then(|| {
        html! {
            <Tools mode={session.mode()} assisted={session.assisted()}
                show_assisted={matches!(screen, Screen::Item(_))}
                on_break={verb(Verb::TakeBreak)} on_staff={ask(StaffStep::EnterStaffMode)}
                on_leave_staff={verb(Verb::LeaveStaffMode)}
                on_assisted={props.on_action.reform(|on| Action::Verb(Verb::SetAssisted(on)))}
                on_close={act(Action::ToStart)}
                language={qkit_questionnaires::Lang::parse(&draft.record.language).unwrap_or_else(qkit_questionnaires::Lang::english)}
                support={draft.record.support.clone()}
                on_presentation={props.on_action.reform(|(language, support)| Action::Verb(Verb::SetPresentation { language, support }))} />
        }
    });
    let announce = match (&screen, participant_screen) {
        (Screen::Item(s), true) => {
            let (n, total) = s.progress.in_battery;
            ctx.tf(
                "question_n_of",
                &[("n", &n.to_string()), ("total", &total.to_string())],
            )
        }
        _ => String::new(),
    };
    let v = &props.view;
    html! {
        <main class={classes!("page", "sitting", (session.mode() == qkit_session::Mode::Staff).then_some("staff-mode"))} id="main">
            <Notices medium={props.medium.clone()} unsaved={v.unsaved} problem={v.problem.clone()}
                changes={v.changes.clone()} on_retry={act(Action::RetrySave)}
                on_carry_on={act(Action::CarryOnUnsaved)}
                on_reload={act(Action::Open(session.id().to_owned()))}
                on_dismiss_changes={act(Action::DismissChanges)} />
            { for tools }
            { body }
            <p class="visually-hidden" aria-live="polite">{ announce }</p>
        </main>
    }
}
