//! The kit configuration: `qkit-config.json`, served next to `index.html` and fetched from the
//! same place at start. It names the assessor team's keys (`age1…` recipients) and how long the
//! app may sit idle before it locks. A missing file is the same as an empty one; a file with
//! problems is used as far as it can be, and staff are told what was wrong.
//!
//! ```json
//! {"format": 1,
//!  "recipients": [{"recipient": "age1…", "label": "Assessment team"}],
//!  "idle_lock_minutes": 10}
//! ```

use qkit_export::Recipient;
use qkit_questionnaires::number::number_text;
use serde::Deserialize;

/// The configuration file's name, relative to the page.
pub const CONFIG_FILE: &str = "qkit-config.json";
/// Idle time before the app locks, unless the configuration says otherwise.
pub const DEFAULT_IDLE_MINUTES: f64 = 10.0;
/// The longest idle time accepted (12 hours).
pub const MAX_IDLE_MINUTES: f64 = 720.0;

/// The configuration as the app uses it.
#[derive(Debug, Clone, PartialEq)]
pub struct KitConfig {
    /// Assessor keys offered by the configuration, each with its label.
    pub recipients: Vec<(Recipient, String)>,
    /// Milliseconds without a key press, click or touch before the app locks.
    pub idle_lock_ms: i64,
    /// What was wrong with the file, for staff (empty when nothing was).
    pub problems: Vec<String>,
}

impl Default for KitConfig {
    fn default() -> Self {
        KitConfig {
            recipients: Vec::new(),
            idle_lock_ms: minutes_to_ms(DEFAULT_IDLE_MINUTES),
            problems: Vec::new(),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    format: u32,
    #[serde(default)]
    recipients: Vec<RawRecipient>,
    idle_lock_minutes: Option<f64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRecipient {
    recipient: String,
    #[serde(default)]
    label: String,
}

fn minutes_to_ms(minutes: f64) -> i64 {
    (minutes * 60_000.0).round() as i64
}

impl KitConfig {
    /// Reads the configuration file's text. Never fails: what cannot be used is left out and
    /// named in [`KitConfig::problems`].
    pub fn parse(text: &str) -> KitConfig {
        let mut config = KitConfig::default();
        let raw: RawConfig = match serde_json::from_str(text) {
            Ok(r) => r,
            Err(e) => {
                config
                    .problems
                    .push(format!("{CONFIG_FILE} cannot be read: {e}"));
                return config;
            }
        };
        if raw.format != 1 {
            config.problems.push(format!(
                "{CONFIG_FILE} has format {}; this qkit reads format 1",
                raw.format
            ));
            return config;
        }
        for (i, r) in raw.recipients.iter().enumerate() {
            match r.recipient.parse::<Recipient>() {
                Ok(key) => config.recipients.push((key, r.label.trim().to_owned())),
                Err(e) => config
                    .problems
                    .push(format!("{CONFIG_FILE}: recipients[{i}]: {e}")),
            }
        }
        match raw.idle_lock_minutes {
            Some(m) if m > 0.0 && m <= MAX_IDLE_MINUTES => config.idle_lock_ms = minutes_to_ms(m),
            Some(m) => config.problems.push(format!(
                "{CONFIG_FILE}: idle_lock_minutes {} is not between 0 and {}; using {}",
                number_text(m),
                number_text(MAX_IDLE_MINUTES),
                number_text(DEFAULT_IDLE_MINUTES)
            )),
            None => {}
        }
        config
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p";

    #[test]
    fn a_full_configuration_is_read() {
        let c = KitConfig::parse(&format!(
            r#"{{"format": 1, "recipients": [{{"recipient": "{KEY}", "label": " Team "}}], "idle_lock_minutes": 0.5}}"#
        ));
        assert_eq!(c.problems, Vec::<String>::new());
        assert_eq!(c.recipients.len(), 1);
        assert_eq!(c.recipients[0].0.to_string(), KEY);
        assert_eq!(c.recipients[0].1, "Team");
        assert_eq!(c.idle_lock_ms, 30_000);
    }

    #[test]
    fn the_shipped_empty_configuration_has_no_keys_and_the_default_lock() {
        let c = KitConfig::parse(include_str!("../../app/static/qkit-config.json"));
        assert_eq!(c, KitConfig::default());
        assert_eq!(c.idle_lock_ms, 600_000);
    }

    #[test]
    fn problems_are_named_and_the_rest_is_used() {
        let c = KitConfig::parse(&format!(
            r#"{{"format": 1, "recipients": [{{"recipient": "age1nope"}}, {{"recipient": "{KEY}"}}], "idle_lock_minutes": -3}}"#
        ));
        assert_eq!(c.recipients.len(), 1);
        assert_eq!(c.idle_lock_ms, 600_000);
        assert_eq!(c.problems.len(), 2, "{:?}", c.problems);
        assert!(c.problems[0].contains("recipients[0]"));
        for bad in [
            "",
            "{",
            r#"{"format": 2}"#,
            r#"{"format": 1, "recipient": []}"#,
        ] {
            let c = KitConfig::parse(bad);
            assert_eq!(c.problems.len(), 1, "{bad}");
            assert!(c.recipients.is_empty());
        }
    }
}
