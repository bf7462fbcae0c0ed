//! Time in the browser: letting it paint between heavy steps, a monotonic clock for
//! measurements, and this moment and today's date on this computer.

use qkit_allocation::Date;
use qkit_export::Timestamp;
use std::time::Duration;

/// Gives the browser a turn (to paint progress, handle input) before carrying on.
pub async fn yield_to_browser() {
    yew::platform::time::sleep(Duration::ZERO).await;
}

/// Milliseconds from `performance.now()`, for timing work shown to the assessor.
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}

/// This moment on this computer's clock.
pub fn now() -> Timestamp {
    Timestamp(js_sys::Date::now() as i64)
}

/// Today's date on this computer's clock, in its time zone.
pub fn today() -> Option<Date> {
    let d = js_sys::Date::new_0();
    Date::from_ymd(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
}
