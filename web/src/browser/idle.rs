//! Noticing that nobody has touched the page for a while: any key press, click, touch, wheel or
//! pointer movement counts as activity.

use gloo_events::EventListener;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Events that count as someone at the computer.
const ACTIVITY: [&str; 5] = [
    "keydown",
    "pointerdown",
    "pointermove",
    "wheel",
    "touchstart",
];
/// The longest time between checks.
const MAX_CHECK_MS: i64 = 5_000;

/// Calls `on_idle` once the page has had no activity for `idle_ms`, for as long as the returned
/// watch lives (dropping it stops the timer and the listeners).
pub struct IdleWatch {
    _listeners: Vec<EventListener>,
    interval: Option<(i32, Closure<dyn FnMut()>)>,
}

impl IdleWatch {
    /// Starts watching.
    pub fn start(idle_ms: i64, on_idle: impl Fn() + 'static) -> IdleWatch {
        let last = Rc::new(Cell::new(js_sys::Date::now()));
        let mut listeners = Vec::new();
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            for event in ACTIVITY {
                let last = last.clone();
                listeners.push(EventListener::new(&document, event, move |_| {
                    last.set(js_sys::Date::now());
                }));
            }
        }
        let fired = Cell::new(false);
        let check = Closure::<dyn FnMut()>::new(move || {
            let idle = js_sys::Date::now() - last.get() >= idle_ms as f64;
            if idle && !fired.replace(true) {
                on_idle();
            }
        });
        let every = (idle_ms / 4).clamp(100, MAX_CHECK_MS) as i32;
        let interval = web_sys::window().and_then(|w| {
            w.set_interval_with_callback_and_timeout_and_arguments_0(
                check.as_ref().unchecked_ref(),
                every,
            )
            .ok()
        });
        IdleWatch {
            _listeners: listeners,
            interval: interval.map(|id| (id, check)),
        }
    }
}

impl Drop for IdleWatch {
    fn drop(&mut self) {
        if let (Some((id, _)), Some(w)) = (&self.interval, web_sys::window()) {
            w.clear_interval_with_handle(*id);
        }
    }
}
