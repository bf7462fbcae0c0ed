//! Listens for keys on the whole page while a question screen is shown.

use crate::browser::keyboard;
use crate::keys::{key_command, KeyCommand};
use yew::prelude::*;

/// Sends the [`KeyCommand`] of each key press (for a screen with `options` numbered options) to
/// `on_command`, while the calling component is on screen.
#[hook]
pub fn use_keys(options: usize, on_command: Callback<KeyCommand>) {
    use_effect_with((options, on_command), |(options, on_command)| {
        let (options, on_command) = (*options, on_command.clone());
        let listener = keyboard::on_keydown(move |press| match key_command(press, options) {
            Some(c) => {
                on_command.emit(c);
                true
            }
            None => false,
        });
        move || drop(listener)
    });
}
