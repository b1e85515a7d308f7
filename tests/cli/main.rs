//! The command line: the real binary, end to end, and the README kept true.
//! One test binary per area (not one per file): each binary links the
//! whole app, and dozens of them filled the build disk.

#[path = "../common/mod.rs"]
mod common;

mod cli;
mod cli_diff;
mod cli_event_anonymised;
mod cli_events;
mod cli_follow;
mod cli_follow_through;
mod cli_inbox;
mod cli_language;
mod cli_messages;
mod cli_names;
mod cli_output_edges;
mod cli_remarks;
mod cli_reopen;
mod cli_review;
mod cli_search;
mod cli_sign_offs;
mod cli_themes;
mod cli_version_names;
mod cli_votes;
mod e2e;
mod links_cli;
mod readme;
