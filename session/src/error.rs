//! What can go wrong starting, changing or resuming a sitting. None of these is a panic: the app
//! shows them, and the state is unchanged when a verb is refused.

use qkit_export::ReferenceError;
use thiserror::Error;

impl From<ReferenceError> for StartError {
    fn from(e: ReferenceError) -> StartError {
        match e {
            ReferenceError::Empty => StartError::EmptyReference,
            e => StartError::NotAReference(e),
        }
    }
}

/// Why a sitting could not start.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum StartError {
    /// The participant reference was left empty.
    #[error("participant reference is empty")]
    EmptyReference,
    /// The reference is not a case reference (see `qkit_export::check_reference`: letters,
    /// digits, `-`, `_`, with a digit, not starting with `-`); says which rule it breaks.
    #[error(transparent)]
    NotAReference(ReferenceError),
    /// The programme is not in the kit.
    #[error("programme \"{0}\" is not in this kit")]
    UnknownProgramme(String),
    /// The kit has no interface strings in this language.
    #[error("language \"{0}\" has no interface strings in this kit")]
    UnknownLanguage(String),
    /// A questionnaire the battery names is missing from the kit.
    #[error("questionnaire \"{0}\" is not in this kit")]
    MissingQuestionnaire(String),
}

/// Why a verb was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SessionError {
    /// The verb does not apply to the current screen.
    #[error("\"{verb}\" is not possible on the {screen} screen")]
    NotHere {
        verb: &'static str,
        screen: &'static str,
    },
    /// The sitting is on a break until staff resume it.
    #[error("the sitting is on a break: staff must resume it first")]
    OnBreak,
    /// The sitting is finished or declined.
    #[error("the sitting is finished: answers can no longer change")]
    Finished,
    /// There is nothing before this screen.
    #[error("there is nothing to go back to from here")]
    NothingBefore,
    /// A value that is not one of the item's options.
    #[error("item \"{item}\": {value} is not one of its options")]
    NotAnOption { item: String, value: i32 },
    /// A special answer the questionnaire does not offer.
    #[error("item \"{item}\": its questionnaire does not offer \"{answer}\"")]
    SpecialNotOffered { item: String, answer: &'static str },
    /// A consent answer that is neither yes nor no (e.g. "I don't understand").
    #[error("consent must be recorded as yes or no")]
    ConsentUndecided,
    /// Assisted answers, and changes of language or support, are made by staff only.
    #[error("only staff mode can mark answers as entered by staff or change the presentation")]
    NotStaff,
    /// A language the kit has no interface strings for.
    #[error("language \"{0}\" has no interface strings in this kit")]
    UnknownLanguage(String),
    /// A questionnaire the sitting needs is not in the kit.
    #[error("questionnaire \"{0}\" is not in this kit")]
    MissingQuestionnaire(String),
}

impl SessionError {
    /// What kind of refusal this is, without the item or the value: safe to log where anyone at
    /// the laptop can read it (the message itself can name an answer).
    pub fn kind(&self) -> &'static str {
        match self {
            SessionError::NotHere { .. } => "not here",
            SessionError::OnBreak => "on break",
            SessionError::Finished => "finished",
            SessionError::NothingBefore => "nothing before",
            SessionError::NotAnOption { .. } => "not an option",
            SessionError::SpecialNotOffered { .. } => "special answer not offered",
            SessionError::ConsentUndecided => "consent undecided",
            SessionError::NotStaff => "not staff",
            SessionError::UnknownLanguage(_) => "unknown language",
            SessionError::MissingQuestionnaire(_) => "missing questionnaire",
        }
    }
}

/// Why a stored draft cannot be carried on.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ResumeError {
    /// The draft was written by a qkit with another draft format.
    #[error("draft format {found} is not the format this qkit reads ({expected})")]
    UnsupportedFormat { found: u32, expected: u32 },
    /// The draft contradicts itself (hand-edited or damaged).
    #[error("draft is inconsistent: {0}")]
    Inconsistent(String),
}
