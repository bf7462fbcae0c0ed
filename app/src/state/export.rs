//! Export: a finished (or declined) record is validated and sealed to every accepted assessor
//! key, and the browser downloads it. Only when staff confirm they saved the file is the sitting
//! removed from the device and from memory, and qkit locks. Nothing is removed when sealing
//! fails. Only a staff record screen (the summary, or a declined record after the passphrase)
//! exports.

use super::*;
use qkit_export::{file_name, seal_record};
use qkit_web::browser::{download, random::BrowserRng};

/// Where the export of the open sitting stands.
#[derive(Debug, Clone, PartialEq)]
pub enum ExportStatus {
    /// The sealed file was made and offered as a download.
    Made {
        file_name: String,
        /// The sealed bytes, to save again if the first download went astray.
        sealed: Rc<Vec<u8>>,
        /// Removing the sitting after staff confirmed failed.
        not_removed: Option<StoreError>,
    },
    Failed(ExportProblem),
}

/// Why no file was made.
#[derive(Debug, Clone, PartialEq)]
pub enum ExportProblem {
    /// No assessor key is accepted on this device.
    NoKeys,
    /// Sealing refused the record (it does not validate), or no random source.
    NotSealed(String),
    /// The browser did not start the download.
    DownloadBlocked,
}

impl AppState {
    fn finished_view(&mut self) -> Option<&mut SittingView> {
        match &mut self.view {
            View::Sitting(v)
                if v.session.is_final() && v.problem.is_none() && v.shows_staff_record() =>
            {
                Some(Rc::make_mut(v))
            }
            _ => None,
        }
    }

    pub(super) fn export(&mut self) {
        let keys = self.accepted_keys();
        let kit = self.kit.clone();
        let Some(view) = self.finished_view() else {
            return;
        };
        let record = &view.session.draft().record;
        let status = if keys.is_empty() {
            ExportStatus::Failed(ExportProblem::NoKeys)
        } else {
            let sealed = BrowserRng::new()
                .ok_or_else(|| StoreError::NoRandom.to_string())
                .and_then(|mut rng| {
                    seal_record(&kit, record, &keys, &mut rng).map_err(|e| e.to_string())
                });
            match sealed {
                Ok(bytes) => {
                    let name = file_name(record);
                    if download::save_file(&name, &bytes) {
                        ExportStatus::Made {
                            file_name: name,
                            sealed: Rc::new(bytes),
                            not_removed: None,
                        }
                    } else {
                        ExportStatus::Failed(ExportProblem::DownloadBlocked)
                    }
                }
                Err(e) => ExportStatus::Failed(ExportProblem::NotSealed(e)),
            }
        };
        view.export = Some(status);
    }

    pub(super) fn save_again(&mut self) {
        if let Some(view) = self.finished_view() {
            if let Some(ExportStatus::Made {
                file_name, sealed, ..
            }) = &view.export
            {
                if !download::save_file(file_name, sealed) {
                    view.export = Some(ExportStatus::Failed(ExportProblem::DownloadBlocked));
                }
            }
        }
    }

    /// Staff saved the file: the sitting leaves storage, then memory.
    pub(super) fn export_saved(&mut self) {
        let Some(view) = self.finished_view() else {
            return;
        };
        let Some(ExportStatus::Made { file_name, .. }) = &view.export else {
            return;
        };
        let file_name = file_name.clone();
        let id = view.session.id().to_owned();
        match self.remove_sitting(&id) {
            // The next man's hands are the next on the keyboard: lock, saying what was saved.
            Ok(()) => self.lock(Some(file_name)),
            Err(e) => {
                if let Some(view) = self.finished_view() {
                    if let Some(ExportStatus::Made { not_removed, .. }) = &mut view.export {
                        *not_removed = Some(e);
                    }
                }
            }
        }
    }
}
