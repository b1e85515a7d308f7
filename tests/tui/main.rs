//! The terminal app: screens, keys, undo, snapshots, the real binary in a PTY.
//! One test binary per area (not one per file): each binary links the
//! whole app, and dozens of them filled the build disk.

#[path = "../common/mod.rs"]
mod common;

mod tui_actions;
mod tui_closed_setup;
mod tui_commands;
mod tui_confirm_loss;
mod tui_conflict_marker;
mod tui_depth;
mod tui_follow;
mod tui_follow_through;
mod tui_history;
mod tui_home_setup;
mod tui_inbox;
mod tui_links;
mod tui_notes_import;
mod tui_remark_pickers;
mod tui_reopen_clocks;
mod tui_review_cycle;
mod tui_robustness;
mod tui_room_elsewhere;
mod tui_room_home;
mod tui_sample;
mod tui_search;
mod tui_snapshots;
mod tui_structures;
mod tui_synthesis_sources;
mod tui_themes;
mod tui_time;
mod tui_tryout;
mod tui_typography;
mod tui_ui_language;
mod tui_update;
mod tui_voices;
mod tui_vote_themes;
mod tui_votes;
