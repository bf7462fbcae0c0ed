//! The things that can happen to a sitting. Each verb is applied with the time it happened.

use qkit_export::Support;
use qkit_questionnaires::Lang;
use qkit_scoring::Answer;

/// A transition of the sitting.
#[derive(Debug, Clone, PartialEq)]
pub enum Verb {
    /// Staff record the answer to the consent form's consent item.
    RecordConsent(Answer),
    /// Choose an answer on the current item (it is recorded when the item is left), or on the
    /// practice question (never recorded).
    Answer(Answer),
    /// Go on: from the handover (to the practice question), the practice question (to the first
    /// questionnaire), a section screen or an item. After the last item the battery
    /// is finished and scored.
    Next,
    /// Go back one screen (the participant may change earlier answers; changes keep history).
    Back,
    /// Blank the screen until staff resume.
    TakeBreak,
    /// Staff end the break.
    Resume,
    /// Staff take the keyboard: staff-only items show, answers can be marked as assisted.
    EnterStaffMode,
    /// Hand the keyboard back to the participant.
    LeaveStaffMode,
    /// Staff mark the following answers as entered on the participant's behalf, or not.
    SetAssisted(bool),
    /// Staff change the language or the support options during the battery (staff mode). Answers
    /// already given keep the language and wording they were given in.
    SetPresentation { language: Lang, support: Support },
    /// From the thank-you screen to the staff completion summary.
    ShowSummary,
    /// The sitting was loaded again (page reload, browser reopened, resumed from the list).
    Reopen,
}

impl Verb {
    /// A short name for messages.
    pub fn name(&self) -> &'static str {
        match self {
            Verb::RecordConsent(_) => "record consent",
            Verb::Answer(_) => "answer",
            Verb::Next => "next",
            Verb::Back => "back",
            Verb::TakeBreak => "take a break",
            Verb::Resume => "resume",
            Verb::EnterStaffMode => "enter staff mode",
            Verb::LeaveStaffMode => "leave staff mode",
            Verb::SetAssisted(_) => "set assisted",
            Verb::SetPresentation { .. } => "set presentation",
            Verb::ShowSummary => "show summary",
            Verb::Reopen => "reopen",
        }
    }
}
