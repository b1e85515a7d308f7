//! The room: input sent from phones on the local network, and where each
//! contribution came from.

use super::{Id, Kind, Timestamp};

/// Where a contribution came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Origin {
    /// Typed by the facilitator (every contribution before the room).
    #[default]
    Facilitator,
    /// Sent from a phone in the room.
    Room,
    /// Imported from written notes.
    Notes,
}

impl Origin {
    pub const ALL: [Origin; 3] = [Origin::Facilitator, Origin::Room, Origin::Notes];

    /// The stored and exported spelling.
    pub fn key(self) -> &'static str {
        match self {
            Origin::Facilitator => "facilitator",
            Origin::Room => "room",
            Origin::Notes => "notes",
        }
    }

    pub fn parse(key: &str) -> Option<Origin> {
        Origin::ALL.into_iter().find(|o| o.key() == key)
    }

    pub fn is_facilitator(&self) -> bool {
        *self == Origin::Facilitator
    }
}

/// What became of an input sent from the room.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InboxState {
    /// Waiting for the facilitator.
    Pending,
    /// Became a contribution (maybe edited first).
    Accepted,
    /// Joined to an existing contribution.
    Merged,
    /// Left out; never shown to the room nor in a report.
    Declined,
}

impl InboxState {
    pub const ALL: [InboxState; 4] = [
        InboxState::Pending,
        InboxState::Accepted,
        InboxState::Merged,
        InboxState::Declined,
    ];

    pub fn key(self) -> &'static str {
        match self {
            InboxState::Pending => "pending",
            InboxState::Accepted => "accepted",
            InboxState::Merged => "merged",
            InboxState::Declined => "declined",
        }
    }

    pub fn parse(key: &str) -> Option<InboxState> {
        InboxState::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// One input sent from a phone, as the inbox keeps it.
#[derive(Debug, Clone, PartialEq)]
pub struct InboxItem {
    pub id: Id,
    pub stage_id: Id,
    pub kind: Kind,
    pub text: String,
    /// The sender, when they picked their name; `None` when anonymous (and
    /// then nothing identifies the phone either).
    pub participant_id: Option<Id>,
    pub anonymous: bool,
    pub received_at: Timestamp,
    pub state: InboxState,
    pub decided_at: Option<Timestamp>,
    /// The contribution it became or was merged into.
    pub contribution_id: Option<Id>,
}

/// An open room as the store keeps it, so that another process (the
/// projector view) can show how to join.
#[derive(Debug, Clone, PartialEq)]
pub struct RoomStatus {
    /// What a phone opens, e.g. `http://192.168.1.20:7777/`.
    pub url: String,
    /// The short code a phone types to join.
    pub code: String,
    pub opened_at: Timestamp,
    /// Refreshed by the server while it runs: an old one means it died.
    pub heartbeat_at: Timestamp,
}

impl RoomStatus {
    /// A room whose server has not written its heartbeat for this long
    /// (three of its periods, see `room::server`) is taken for gone: its
    /// server crashed or was killed.
    pub const ALIVE_SECONDS: i64 = 15;

    /// Whether its server was heard from recently enough at `now`.
    pub fn alive_at(&self, now: Timestamp) -> bool {
        (now - self.heartbeat_at).num_seconds() < RoomStatus::ALIVE_SECONDS
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_read_back() {
        for o in Origin::ALL {
            assert_eq!(Origin::parse(o.key()), Some(o));
        }
        for s in InboxState::ALL {
            assert_eq!(InboxState::parse(s.key()), Some(s));
        }
        assert_eq!(Origin::parse("phone"), None);
        assert_eq!(InboxState::parse(""), None);
    }
}
