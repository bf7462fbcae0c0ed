//! The assessor keys (age recipients) a finished record is sealed to. Keys come from the kit
//! configuration or are pasted or loaded by staff; either way staff compare each key's
//! fingerprint with the one the assessment team gave them and accept it, and only accepted keys
//! (stored on the device: they are public) are used.

use super::*;
use crate::key_text::{read_keys, KeyTextProblem};

/// The keys being checked on the start screen.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct KeysView {
    /// Keys pasted or loaded, waiting for staff to compare fingerprints.
    pub candidates: Vec<Candidate>,
    /// Why the last text gave no keys.
    pub problem: Option<KeyTextProblem>,
    /// Why the accepted keys could not be stored.
    pub not_saved: Option<StoreError>,
}

/// A key staff are checking.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// `age1…`.
    pub recipient: String,
    pub fingerprint: String,
    pub label: String,
}

impl AppState {
    /// Applies the kit configuration file (or its absence).
    pub(super) fn configure(&mut self, text: Option<&str>) {
        self.config = Rc::new(text.map(KitConfig::parse).unwrap_or_default());
    }

    /// The accepted keys, ready for sealing (any unreadable stored entry is left out).
    pub fn accepted_keys(&self) -> Vec<qkit_export::Recipient> {
        self.recipients
            .iter()
            .filter_map(|r| r.recipient.parse().ok())
            .collect()
    }

    fn keys_view(&mut self) -> Option<&mut KeysView> {
        match &mut self.view {
            View::Start(v) => Some(&mut Rc::make_mut(v).keys),
            _ => None,
        }
    }

    pub(super) fn check_keys(&mut self, text: &str) {
        let accepted: Vec<String> = self
            .recipients
            .iter()
            .map(|r| r.recipient.clone())
            .collect();
        let Some(keys) = self.keys_view() else { return };
        match read_keys(text) {
            Ok(found) => {
                keys.problem = None;
                for (r, label) in found {
                    let recipient = r.to_string();
                    let known = accepted.contains(&recipient)
                        || keys.candidates.iter().any(|c| c.recipient == recipient);
                    if !known {
                        keys.candidates.push(Candidate {
                            fingerprint: r.fingerprint(),
                            recipient,
                            label,
                        });
                    }
                }
            }
            Err(problem) => keys.problem = Some(problem),
        }
    }

    pub(super) fn accept_key(&mut self, recipient: &str, label: &str) {
        let Ok(parsed) = recipient.parse::<qkit_export::Recipient>() else {
            return;
        };
        let recipient = parsed.to_string();
        let mut list = (*self.recipients).clone();
        if !list.iter().any(|r| r.recipient == recipient) {
            list.push(StoredRecipient {
                recipient: recipient.clone(),
                label: label.trim().to_owned(),
            });
        }
        self.store_keys(list);
        if let Some(keys) = self.keys_view() {
            keys.candidates.retain(|c| c.recipient != recipient);
        }
    }

    pub(super) fn drop_candidate(&mut self, recipient: &str) {
        if let Some(keys) = self.keys_view() {
            keys.candidates.retain(|c| c.recipient != recipient);
        }
    }

    pub(super) fn remove_key(&mut self, recipient: &str) {
        let mut list = (*self.recipients).clone();
        list.retain(|r| r.recipient != recipient);
        self.store_keys(list);
    }

    fn store_keys(&mut self, list: Vec<StoredRecipient>) {
        let Some(key) = self.key.clone() else { return };
        let saved = self.env.store.set_recipients(&list, &key);
        self.recipients = Rc::new(list);
        // The rescue copy follows the team: sealed again to the keys accepted now.
        let resealed = self.env.store.reseal_rescue(&key, &self.accepted_keys());
        let saved = saved.and(resealed);
        if let Some(keys) = self.keys_view() {
            keys.not_saved = saved.err();
        }
    }
}
