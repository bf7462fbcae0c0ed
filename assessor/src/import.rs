//! Importing sealed records: each file is read, opened and validated against the kit
//! (`qkit_export::open_any`, which re-scores it), then added to the record set, and its outcome
//! is reported at once. The browser gets a turn between files, so the page stays responsive and
//! the progress bar moves. The records replace the state's set when the import ends.
//!
//! A rescue file (every sitting a device held) adds each sitting that fits the kit as a record:
//! most are unfinished (answers so far, no scores); the outcome says how many, and each sitting
//! that could not be used is named by its number. A finished record imported later replaces its
//! sitting's unfinished one.

use crate::browser::files::{PickedFile, ReadError};
use crate::browser::timing::{now_ms, yield_to_browser};
use crate::state::Action;
use qkit_export::open::MAX_SEALED_BYTES;
use qkit_export::record_set::content_id;
use qkit_export::{
    open_any, rescue_code, Added, Identities, OpenError, Opened, RecordError, RecordSet,
    ResultRecord,
};
use qkit_questionnaires::{Kit, Timepoint};
use std::rc::Rc;
use yew::Callback;

/// What happened to one imported file.
#[derive(Debug, Clone, PartialEq)]
pub enum FileOutcome {
    /// Opened, valid, and added.
    Loaded {
        participant: String,
        timepoint: Timepoint,
    },
    /// A sitting of a rescue file that was still open: valid answers so far, added unscored.
    Unfinished {
        participant: String,
        timepoint: Timepoint,
    },
    /// A rescue file: what happened to each of its sittings, in order (never itself a
    /// `Rescue`), and how many of them were unfinished.
    Rescue {
        sittings: Vec<FileOutcome>,
        unfinished: usize,
        /// The file's code, which staff type on the laptop to remove its kept copy.
        code: String,
    },
    /// The same record was already imported (from `first`); counted once.
    Again { first: String },
    /// Another, different record for the same participant, programme and timepoint was already
    /// imported (from `first`): this one is kept beside it, and the first stays in use until the
    /// assessor chooses on the profile.
    Beside {
        first: String,
        participant: String,
        timepoint: Timepoint,
    },
    /// The file was not read: too large, or the browser could not read it.
    Unreadable(ReadError),
    /// The file could not be opened or is not a valid record.
    Failed(OpenError),
}

impl FileOutcome {
    /// Whether this file is a problem for the assessor to look at (a record kept beside another
    /// is one: he must check which is right).
    pub fn is_problem(&self) -> bool {
        match self {
            FileOutcome::Beside { .. } | FileOutcome::Unreadable(_) | FileOutcome::Failed(_) => {
                true
            }
            FileOutcome::Rescue { sittings, .. } => sittings.iter().any(FileOutcome::is_problem),
            _ => false,
        }
    }

    /// Whether something from this file was added: a record, or a rescue file's sittings
    /// without a problem.
    pub fn is_loaded(&self) -> bool {
        match self {
            FileOutcome::Loaded { .. } | FileOutcome::Unfinished { .. } => true,
            FileOutcome::Rescue { .. } => !self.is_problem(),
            _ => false,
        }
    }
}

/// One imported file and its outcome.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportEntry {
    pub file: String,
    /// The file's content id (SHA-256 of its bytes, `qkit_export::record_set::content_id`);
    /// `None` when it was not read.
    pub content: Option<String>,
    pub outcome: FileOutcome,
}

/// The import in progress and what every import so far did.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImportLog {
    /// (files done, files in this import) while one runs.
    pub running: Option<(usize, usize)>,
    /// Every file of every import, in order.
    pub entries: Vec<ImportEntry>,
    /// Where the latest import's files begin in `entries`.
    pub latest_from: usize,
    /// How long the last import took, in milliseconds.
    pub last_ms: Option<f64>,
}

/// What the latest import did, counted by file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportCounts {
    pub files: usize,
    /// Files from which something was added.
    pub added: usize,
    /// Files holding a result imported before this import.
    pub before: usize,
    /// Files holding a result already in another file of this import.
    pub twice: usize,
    pub problems: usize,
}

impl ImportLog {
    /// A new import of files begins: what it does is counted from here.
    pub fn begin(&mut self, total: usize) {
        self.running = Some((0, total));
        self.latest_from = self.entries.len();
    }

    /// The latest import's files, in order.
    pub fn latest(&self) -> &[ImportEntry] {
        self.entries.get(self.latest_from..).unwrap_or_default()
    }

    /// Whether a repeat of the result first read from `first` repeats a file of the latest
    /// import (twice in one import) rather than one imported before it.
    pub fn twice_in_latest(&self, first: &str) -> bool {
        self.latest().iter().any(|e| match &e.outcome {
            // The repeat itself names the file it repeats, not itself.
            FileOutcome::Again { .. } => false,
            FileOutcome::Rescue { sittings, .. } => {
                (1..=sittings.len()).any(|n| first == format!("{} ({n})", e.file))
            }
            _ => e.file == first,
        })
    }

    /// What the latest import did.
    pub fn counts(&self) -> ImportCounts {
        let mut c = ImportCounts::default();
        for e in self.latest() {
            c.files += 1;
            match &e.outcome {
                FileOutcome::Again { first } if self.twice_in_latest(first) => c.twice += 1,
                FileOutcome::Again { .. } => c.before += 1,
                o if o.is_problem() => c.problems += 1,
                o if o.is_loaded() => c.added += 1,
                _ => {}
            }
        }
        c
    }
}

/// Imports `files` into a copy of `records`, reporting each file to `dispatch`.
pub fn start(
    files: Vec<PickedFile>,
    identity: Rc<Identities>,
    kit: Rc<Kit>,
    records: Rc<RecordSet>,
    dispatch: Callback<Action>,
) {
    if files.is_empty() {
        return;
    }
    yew::platform::spawn_local(async move {
        let started = now_ms();
        dispatch.emit(Action::ImportStarted { total: files.len() });
        yield_to_browser().await;
        let mut set = (*records).clone();
        for file in files {
            let name = file.name();
            let (content, outcome) = match file.bytes_at_most(MAX_SEALED_BYTES).await {
                Err(why) => (None, FileOutcome::Unreadable(why)),
                Ok(bytes) => {
                    let content = content_id(&bytes);
                    let outcome = match open_any(&bytes, &identity, &kit) {
                        Err(e) => FileOutcome::Failed(e),
                        Ok(Opened::Record(record)) => {
                            add_file(&mut set, &name, Some(content.clone()), *record)
                        }
                        Ok(Opened::Rescue(sittings)) => {
                            add_rescue(&mut set, &name, sittings, rescue_code(&bytes))
                        }
                    };
                    (Some(content), outcome)
                }
            };
            dispatch.emit(Action::ImportFile(ImportEntry {
                file: name,
                content,
                outcome,
            }));
            yield_to_browser().await;
        }
        dispatch.emit(Action::ImportFinished {
            records: Rc::new(set),
            ms: now_ms() - started,
        });
    });
}

/// Adds an opened record to the set and says what happened.
pub fn add(set: &mut RecordSet, file: &str, record: ResultRecord) -> FileOutcome {
    add_file(set, file, None, record)
}

/// Adds an opened record from a file with content id `content` and says what happened.
pub fn add_file(
    set: &mut RecordSet,
    file: &str,
    content: Option<String>,
    record: ResultRecord,
) -> FileOutcome {
    let (participant, timepoint) = (record.participant.clone(), record.timepoint);
    let unfinished = record.is_unfinished();
    match set.add_file(file, content, record) {
        Added::New | Added::Finished { .. } if unfinished => FileOutcome::Unfinished {
            participant,
            timepoint,
        },
        Added::New | Added::Finished { .. } => FileOutcome::Loaded {
            participant,
            timepoint,
        },
        Added::Again { first } => FileOutcome::Again { first },
        Added::Beside { first } => FileOutcome::Beside {
            first,
            participant,
            timepoint,
        },
    }
}

/// Adds every readable sitting of a rescue file opened from `file` and says what happened to
/// each, in the file's order, with how many of the sittings were unfinished and the file's
/// `code` ([`qkit_export::rescue_code`]).
pub fn add_rescue(
    set: &mut RecordSet,
    file: &str,
    sittings: Vec<Result<ResultRecord, RecordError>>,
    code: String,
) -> FileOutcome {
    let unfinished = sittings
        .iter()
        .flatten()
        .filter(|r| r.is_unfinished())
        .count();
    let sittings = sittings
        .into_iter()
        .enumerate()
        .map(|(i, sitting)| match sitting {
            Ok(record) => add(set, &format!("{file} ({})", i + 1), record),
            Err(e) => FileOutcome::Failed(OpenError::Record(e)),
        })
        .collect();
    FileOutcome::Rescue {
        sittings,
        unfinished,
        code,
    }
}
