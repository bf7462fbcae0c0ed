//! Where stored strings live: the browser's localStorage (through gloo-storage), or memory when
//! that is blocked (and in tests, where a memory backend can also be made to fail like a full
//! disk). The participant app keeps its drafts here, the assessor area its workspace.

use gloo_storage::{LocalStorage, Storage as _};
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use thiserror::Error;

/// The storage itself failed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum StorageError {
    /// The browser refuses storage (settings, a private window, a policy).
    #[error("storage is blocked: {0}")]
    Blocked(String),
    /// The storage quota is used up.
    #[error("storage is full")]
    Full,
}

/// A string key-value store.
pub trait Backend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError>;
    fn remove(&self, key: &str) -> Result<(), StorageError>;
    fn keys(&self) -> Result<Vec<String>, StorageError>;
}

/// The page's localStorage, through gloo-storage. qkit's values are its own text (a revision
/// line, then a sealed draft; tags; counts), not JSON, and must keep their stored form, so every
/// call goes through gloo's raw handle: gloo's typed `get`/`set` would JSON-encode them again.
/// gloo's `raw()` throws when localStorage is blocked, so [`LocalBackend::open`] asks first, then
/// keeps the handle: a store blocked later fails each call with an error, never a throw.
pub struct LocalBackend(web_sys::Storage);

impl LocalBackend {
    /// localStorage, or why it cannot be used (blocked by settings or a private window).
    pub fn open() -> Result<LocalBackend, StorageError> {
        let window = web_sys::window().ok_or_else(|| StorageError::Blocked("no window".into()))?;
        match window.local_storage() {
            Ok(Some(_)) => Ok(LocalBackend(LocalStorage::raw())),
            Ok(None) => Err(StorageError::Blocked(
                "this browser has no localStorage".into(),
            )),
            Err(e) => Err(StorageError::Blocked(describe(&e))),
        }
    }
}

/// A JS exception as text: its name and message when it is a DOMException or Error.
fn describe(e: &wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    if let Some(d) = e.dyn_ref::<web_sys::DomException>() {
        return format!("{}: {}", d.name(), d.message());
    }
    e.as_string().unwrap_or_else(|| format!("{e:?}"))
}

/// A failed write: a full store gives [`StorageError::Full`].
fn write_error(e: &wasm_bindgen::JsValue) -> StorageError {
    use wasm_bindgen::JsCast;
    match e.dyn_ref::<web_sys::DomException>() {
        Some(d) if d.name() == "QuotaExceededError" => StorageError::Full,
        _ => StorageError::Blocked(describe(e)),
    }
}

impl Backend for LocalBackend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.0
            .get_item(key)
            .map_err(|e| StorageError::Blocked(describe(&e)))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.0.set_item(key, value).map_err(|e| write_error(&e))
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.0
            .remove_item(key)
            .map_err(|e| StorageError::Blocked(describe(&e)))
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let n = self
            .0
            .length()
            .map_err(|e| StorageError::Blocked(describe(&e)))?;
        Ok((0..n)
            .filter_map(|i| self.0.key(i).ok().flatten())
            .collect())
    }
}

/// Strings in memory: used when localStorage is blocked, and by tests.
#[derive(Default)]
pub struct MemoryBackend {
    map: RefCell<BTreeMap<String, String>>,
    /// When set, writes that would take the total stored characters over it fail as full.
    pub quota: Cell<Option<usize>>,
}

impl Backend for MemoryBackend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.map.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        if let Some(quota) = self.quota.get() {
            let others: usize = self
                .map
                .borrow()
                .iter()
                .filter(|(k, _)| k.as_str() != key)
                .map(|(k, v)| k.len() + v.len())
                .sum();
            if others + key.len() + value.len() > quota {
                return Err(StorageError::Full);
            }
        }
        self.map.borrow_mut().insert(key.into(), value.into());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.map.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        Ok(self.map.borrow().keys().cloned().collect())
    }
}
