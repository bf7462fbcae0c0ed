//! Importing sealed records: each file is read, opened and validated against the kit
//! (`qkit_export::open`, which re-scores it), then added to the record set, and its outcome is
//! reported at once. The browser gets a turn between files, so the page stays responsive and
//! the progress bar moves. The records replace the state's set when the import ends.

use crate::browser::files::PickedFile;
use crate::browser::timing::{now_ms, yield_to_browser};
use crate::state::{Action, FileOutcome, ImportEntry};
use qkit_export::open::MAX_SEALED_BYTES;
use qkit_export::{open, Added, Identities, RecordSet, ResultRecord};
use qkit_questionnaires::Kit;
use std::rc::Rc;
use yew::Callback;

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
            let outcome = match file.bytes_at_most(MAX_SEALED_BYTES).await {
                Err(why) => FileOutcome::Unreadable(why),
                Ok(bytes) => match open(&bytes, &identity, &kit) {
                    Err(e) => FileOutcome::Failed(e),
                    Ok(record) => add(&mut set, &name, record),
                },
            };
            dispatch.emit(Action::ImportFile(ImportEntry {
                file: name,
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
    let (participant, timepoint) = (record.participant.clone(), record.timepoint);
    match set.add(file, record) {
        Added::New => FileOutcome::Loaded {
            participant,
            timepoint,
        },
        Added::Again { first } => FileOutcome::Again { first },
        Added::Conflict { first } => FileOutcome::Conflict {
            first,
            participant,
            timepoint,
        },
    }
}
