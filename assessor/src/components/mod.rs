//! Reusable pieces of the assessor's screens: each takes data and `on_<event>` callbacks.

pub mod allocation_notes;
pub mod analysis_export;
pub mod band_label;
pub mod change_basis;
pub mod change_chart;
pub mod cohort_filters;
pub mod cohort_legend;
pub mod cohort_table;
pub mod decision_view;
pub mod flag_list;
pub mod group_form;
pub mod group_list;
pub mod local_files;
pub mod merge_conflict;
pub mod merge_words;
pub mod move_form;
pub mod nav;
pub mod not_on_track;
pub mod problem_list;
pub mod record_choice;
pub mod rules_file;
pub mod save_status;
pub mod sources;
pub mod staff_form;
pub mod t_chart;
pub mod workspace_file;
