//! The room: its server on loopback, phones (HTTP and a headless browser), the inbox, the panel.
//! One test binary per area (not one per file): each binary links the
//! whole app, and dozens of them filled the build disk.

#[path = "../common/mod.rs"]
mod common;
mod helpers;

mod present;
mod room_browser;
mod room_browser_expiry;
mod room_cli;
mod room_durable;
mod room_held_connections;
mod room_inbox;
mod room_limits;
mod room_moderation;
mod room_panel;
mod room_public;
mod room_replays;
mod room_server;
mod room_votes;
