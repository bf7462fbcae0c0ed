//! What a key press means on a question screen: number keys choose an option, Enter or → is
//! Next, ← is Back. Keys typed into a text box, Enter on a button (which presses it) and browser
//! shortcuts (Ctrl, Alt, Meta) are left alone.

use crate::browser::keyboard::{KeyPress, Target};

/// A command from the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyCommand {
    /// Choose the option at this index (key `1` is index 0).
    Choose(usize),
    Next,
    Back,
}

/// The command a key press gives on a screen with `options` numbered options, if any.
pub fn key_command(press: &KeyPress, options: usize) -> Option<KeyCommand> {
    if press.modified || press.target == Target::Typing {
        return None;
    }
    match press.key.as_str() {
        "Enter" if press.target == Target::Control => None,
        "Enter" | "ArrowRight" => Some(KeyCommand::Next),
        "ArrowLeft" => Some(KeyCommand::Back),
        k => {
            let n: usize = k.parse().ok()?;
            (1..=options.min(9))
                .contains(&n)
                .then(|| KeyCommand::Choose(n - 1))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(key: &str, target: Target) -> KeyPress {
        KeyPress {
            key: key.into(),
            target,
            modified: false,
        }
    }

    #[test]
    fn keys_map_to_commands() {
        assert_eq!(
            key_command(&press("3", Target::Other), 4),
            Some(KeyCommand::Choose(2))
        );
        assert_eq!(key_command(&press("5", Target::Radio), 4), None);
        assert_eq!(key_command(&press("0", Target::Other), 4), None);
        assert_eq!(
            key_command(&press("Enter", Target::Radio), 4),
            Some(KeyCommand::Next)
        );
        assert_eq!(key_command(&press("Enter", Target::Control), 4), None);
        assert_eq!(
            key_command(&press("ArrowRight", Target::Control), 4),
            Some(KeyCommand::Next)
        );
        assert_eq!(
            key_command(&press("ArrowLeft", Target::Radio), 4),
            Some(KeyCommand::Back)
        );
        assert_eq!(key_command(&press("2", Target::Typing), 4), None);
        let alt_left = KeyPress {
            modified: true,
            ..press("ArrowLeft", Target::Other)
        };
        assert_eq!(key_command(&alt_left, 4), None);
    }
}
