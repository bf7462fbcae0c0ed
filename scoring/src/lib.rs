//! qkit-scoring: the single source of truth for every number an assessor sees.
//!
//! Pure functions only: no I/O, no clock, no browser. The same code runs in the app, the CLI and
//! the tests.
//!
//! - [`score()`]: one questionnaire's answers to a [`ScoreReport`] (scores, norms, bands,
//!   response-quality flags, items to revisit, alerts).
//! - [`change()`]: reliable and clinically significant change across pre, mid and post.
//! - [`cohort()`]: n, mean, SD and Cronbach's alpha per scale for a group.
//! - [`responses_csv`]: reads a responses CSV file into answers; [`csv_rows`]: the score and
//!   change rows qkit writes.
//!
//! ```
//! use qkit_questionnaires::Kit;
//! use qkit_scoring::{score, Answer, ItemResponse, NormChoice, ScoreStatus};
//!
//! let kit = Kit::shipped().expect("the shipped definitions are valid");
//! let phq9 = kit.questionnaire("phq9").expect("PHQ-9 ships");
//! // Every item answered "more than half the days" (2): 9 × 2 = 18.
//! let answers: Vec<ItemResponse> = phq9
//!     .items
//!     .iter()
//!     .map(|item| ItemResponse {
//!         item: item.id.clone(),
//!         answer: Answer::Value(2),
//!         seconds: 4.0,
//!         assisted: false,
//!         wording: qkit_questionnaires::Wording::Standard,
//!     })
//!     .collect();
//! let report = score(phq9, &answers, &NormChoice::Default).expect("the answers fit PHQ-9");
//! let total = &report.scales[0];
//! assert_eq!(total.score, Some(18.0));
//! assert_eq!(total.status, ScoreStatus::Ok);
//! assert_eq!(total.band.as_deref(), Some("moderately_severe"));
//! ```

pub mod answer;
pub mod change;
pub mod cohort;
pub mod csv_rows;
mod cutoff;
pub mod error;
mod flags;
mod followup;
pub mod norms;
pub mod reliable;
pub mod report;
mod responses;
pub mod responses_csv;
mod scale;
mod score;
pub mod stats;

pub use answer::{Answer, ItemResponse};
pub use change::{change, ChangeError, ChangeReport, Timepoints};
pub use cohort::{cohort, CohortScale};
pub use error::ScoreError;
pub use norms::NormChoice;
pub use reliable::{CohortPre, ReliableChangeBasis, ReliableChangeChoice};
pub use report::*;
pub use score::score;
