//! The room: phones on the local network send their input to a small HTTP
//! server on the laptop, and a projector page shows what the room may see.
//!
//! The server runs on its own thread with a small tokio runtime, so the
//! terminal interface stays synchronous: it opens the room with [`open`],
//! hears about each committed write through the `notify` callback, and
//! closes it with [`RunningRoom::close`] (or by dropping it).

mod api;
mod body;
mod connections;
mod devices;
mod error;
mod events;
mod join;
mod limits;
mod page;
mod qr;
mod server;
mod shared;
mod votes;

pub mod address;
pub mod public;

pub use limits::RoomLimits;
pub use server::{open, RunningRoom, DEFAULT_PORT};

/// How to serve the room; every field has a default.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RoomOptions {
    /// The address to listen on (default: the laptop's local-network
    /// address; tests use 127.0.0.1).
    pub bind: Option<std::net::IpAddr>,
    /// The port (default [`DEFAULT_PORT`], or a free one when it is taken).
    /// A port asked for that is taken is an error.
    pub port: Option<u16>,
    /// The join code (default: six random digits).
    pub code: Option<String>,
    /// How much the room takes (connections, devices, names…).
    pub limits: RoomLimits,
}

/// Sent to the facilitator's screen after each write the room committed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoomNotice {
    /// A phone joined (and maybe added a name to the roster).
    Joined,
    /// A phone's contribution was recorded or queued in the inbox.
    Received,
    /// A phone placed a dot.
    Voted,
}
