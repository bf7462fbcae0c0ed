//! The wall clock, read here and passed into the core as a [`Timestamp`].

use qkit_export::Timestamp;

/// Now, in whole milliseconds since the Unix epoch.
pub fn now() -> Timestamp {
    Timestamp(js_sys::Date::now() as i64)
}

/// A moment as the device's local date and time, `YYYY-MM-DD HH:MM`, for staff lists.
pub fn local(ts: Timestamp) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ts.0 as f64));
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}
