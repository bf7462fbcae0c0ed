//! Assessor keys as staff paste them or load them from a file: `age1…` recipients, one a line
//! (blank lines and `#` comments ignored), or a whole kit configuration file. A secret key
//! (`AGE-SECRET-KEY-1…`) is refused outright: it must never be on a participant's computer.

use qkit_export::Recipient;
use qkit_web::config::KitConfig;

/// Why the text gave no keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyTextProblem {
    /// A secret key: the assessor's, which opens every record. Not read, not kept.
    SecretKey,
    /// Line `line` (1-based) is not an `age1…` recipient; `reason` says why.
    NotAKey { line: usize, reason: String },
    /// Nothing but blank lines and comments.
    Empty,
}

/// The keys in pasted or loaded text, each with a label (from a configuration file; else empty).
pub fn read_keys(text: &str) -> Result<Vec<(Recipient, String)>, KeyTextProblem> {
    let secret = |s: &str| s.to_ascii_uppercase().contains("AGE-SECRET-KEY-");
    if secret(text) {
        return Err(KeyTextProblem::SecretKey);
    }
    if text.trim_start().starts_with('{') {
        let config = KitConfig::parse(text);
        return match (config.recipients.is_empty(), config.problems.first()) {
            (true, Some(p)) => Err(KeyTextProblem::NotAKey {
                line: 1,
                reason: p.clone(),
            }),
            (true, None) => Err(KeyTextProblem::Empty),
            (false, _) => Ok(config.recipients),
        };
    }
    let mut keys = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match line.parse::<Recipient>() {
            Ok(r) => keys.push((r, String::new())),
            Err(e) => {
                return Err(KeyTextProblem::NotAKey {
                    line: i + 1,
                    reason: e.to_string(),
                })
            }
        }
    }
    if keys.is_empty() {
        Err(KeyTextProblem::Empty)
    } else {
        Ok(keys)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p";

    #[test]
    fn keys_one_a_line_with_comments() {
        let keys = read_keys(&format!("# the team\n\n  {KEY}  \n")).expect("one key");
        assert_eq!(keys.len(), 1);
        assert_eq!(keys[0].0.to_string(), KEY);
    }

    #[test]
    fn a_configuration_file_gives_its_keys_and_labels() {
        let text = format!(
            r#"{{"format": 1, "recipients": [{{"recipient": "{KEY}", "label": "Team"}}]}}"#
        );
        let keys = read_keys(&text).expect("one key");
        assert_eq!(keys[0].1, "Team");
        assert_eq!(read_keys(r#"{"format": 1}"#), Err(KeyTextProblem::Empty));
        assert!(matches!(
            read_keys("{ nope"),
            Err(KeyTextProblem::NotAKey { line: 1, .. })
        ));
    }

    #[test]
    fn secret_keys_and_other_text_are_refused() {
        let identity =
            "# created: 2026-11-23T10:00:00Z\n# public key: age1…\nAGE-SECRET-KEY-1QQQQ\n";
        assert_eq!(read_keys(identity), Err(KeyTextProblem::SecretKey));
        assert_eq!(
            read_keys("age-secret-key-1qqqq"),
            Err(KeyTextProblem::SecretKey)
        );
        assert_eq!(
            read_keys("\n# only a comment\n"),
            Err(KeyTextProblem::Empty)
        );
        let Err(KeyTextProblem::NotAKey { line, .. }) = read_keys(&format!("{KEY}\nhello")) else {
            panic!("a line that is not a key")
        };
        assert_eq!(line, 2);
    }
}
