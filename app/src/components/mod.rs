//! Reusable pieces of the screens: each takes data and `on_<event>` callbacks, never the store.

pub mod assessor_keys;
pub mod draft_list;
pub mod export_step;
pub mod kept_rescues;
pub mod local_definitions;
pub mod nav_buttons;
pub mod notices;
pub mod option_group;
pub mod pictogram;
pub mod progress_bar;
pub mod prose;
pub mod question;
pub mod read_aloud;
pub mod report_card;
pub mod speech_settings;
pub mod staff_confirm;
pub mod start_form;
pub mod support_fields;
pub mod tools;
pub mod update_notice;
