//! qkit-session: a battery sitting in progress, as pure state and transitions. The app's reducer
//! delegates here.
//!
//! A sitting starts on the consent form, hands over to the participant, offers a practice
//! question (never recorded), then goes through each
//! questionnaire: a section screen, then one item at a time (staff-only items only in staff
//! mode). Finishing scores every questionnaire with qkit-scoring. Time comes in as a parameter;
//! nothing here reads a clock or touches storage. The whole state is a serialisable [`Draft`]:
//! the result record being built plus a cursor.
//!
//! ```
//! use qkit_export::{Support, Timestamp};
//! use qkit_questionnaires::{Kit, Lang, Timepoint};
//! use qkit_scoring::Answer;
//! use qkit_session::{Screen, Session, StartOptions, Verb};
//!
//! let kit = Kit::shipped().expect("the shipped definitions are valid");
//! let options = StartOptions {
//!     record_id: "r1".into(),
//!     kit_version: "0.1.0".into(),
//!     device: Some("K7QD-2MXA".into()),
//!     participant: "A1234BC".into(),
//!     programme: "tsp".into(),
//!     timepoint: Timepoint::Mid,
//!     language: Lang::english(),
//!     support: Support::default(),
//! };
//! let t = |s: i64| Timestamp(1_795_000_000_000 + s * 1000);
//! let mut s = Session::start(&kit, options, t(0)).expect("a valid start");
//! s.apply(&kit, Verb::RecordConsent(Answer::Value(1)), t(60)).expect("consent");
//! s.apply(&kit, Verb::Next, t(61)).expect("handover"); // to the practice question
//! s.apply(&kit, Verb::Next, t(62)).expect("practice"); // to the BSCS section screen
//! s.apply(&kit, Verb::Next, t(70)).expect("section"); // to its first item
//! let Screen::Item(item) = s.screen(&kit) else { panic!("an item") };
//! assert_eq!(item.progress.in_battery, (1, 13));
//! ```

pub mod draft;
pub mod error;
mod finish;
mod resume;
mod route;
pub mod screen;
pub mod signature;
mod sitting;
mod start;
pub mod summary;
pub mod support;
pub mod verb;
mod verbs;

pub use draft::{Cursor, Draft, ItemClock, Mode, Pending, DRAFT_FORMAT};
pub use error::{ResumeError, SessionError, StartError};
pub use resume::{ChangeOutcome, DefinitionChange, Resumed};
pub use route::Progress;
pub use screen::{ItemScreen, Screen, SectionScreen};
pub use sitting::{language_shown, shown_in_another_language, Session, NEW_SITTING_AFTER_MS};
pub use start::StartOptions;
pub use summary::{AlertNotice, QuestionnaireSummary, Summary};
pub use support::{suggested_support, Suggested};
pub use verb::Verb;
