//! Input sent from phones in the room: it lands in the session's inbox, or
//! straight in as a contribution when the session accepts everything. An
//! input is committed (one transaction) before the phone is told so.

use super::contributions::NewContribution;
use super::rows::{self, opt_text_id, text_id, text_time};
use super::{Missing, Refused, Result, Store, StoreError, Tx};
use crate::model::{new_id, Contribution, Id, InboxItem, InboxState, Kind, Origin};
use rusqlite::{params, Connection, OptionalExtension, Row};
use std::collections::HashMap;

/// What a phone sends.
#[derive(Debug, Clone, PartialEq)]
pub struct RoomInput {
    pub stage_id: Id,
    pub kind: Kind,
    pub text: String,
    /// The sender, when they picked their name from the roster.
    pub participant_id: Option<Id>,
    /// Stored with no author (`participant_id` must then be `None`).
    pub anonymous: bool,
}

/// Where a phone's input went.
#[derive(Debug, Clone, PartialEq)]
pub enum Received {
    /// The session accepts everything: it is a contribution already.
    Recorded(Contribution),
    /// Waiting in the inbox for the facilitator.
    Queued(InboxItem),
}

/// What a phone's post became: new input, or a retry of one already
/// received (recorded nothing).
#[derive(Debug, Clone, PartialEq)]
pub enum Posted {
    New(Received),
    /// The post id was seen already; `recorded` is what the first copy
    /// was told (straight in, else waiting in the inbox).
    Again {
        recorded: bool,
    },
}

/// How a session treats the room.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoomSettings {
    /// Phone input goes straight in instead of waiting in the inbox.
    pub accept_all: bool,
    /// Phones and the projector see the session's contributions.
    pub show_items: bool,
}

const COLUMNS: &str = "id, stage_id, kind, text, participant_id, anonymous, received_at, \
                       state, decided_at, contribution_id";

fn from_row(r: &Row) -> rusqlite::Result<InboxItem> {
    Ok(InboxItem {
        id: rows::id(r, 0)?,
        stage_id: rows::id(r, 1)?,
        kind: rows::parsed(r, 2, "kind", Kind::parse)?,
        text: r.get(3)?,
        participant_id: rows::opt_id(r, 4)?,
        anonymous: r.get(5)?,
        received_at: rows::time(r, 6)?,
        state: rows::parsed(r, 7, "state", InboxState::parse)?,
        decided_at: rows::opt_time(r, 8)?,
        contribution_id: rows::opt_id(r, 9)?,
    })
}

fn settings(conn: &Connection, session: Id) -> Result<RoomSettings> {
    conn.query_row(
        "SELECT room_accept_all, room_show_items FROM sessions WHERE id = ?1",
        [text_id(&session)],
        |r| {
            Ok(RoomSettings {
                accept_all: r.get(0)?,
                show_items: r.get(1)?,
            })
        },
    )
    .optional()?
    .ok_or(StoreError::NotFound(Missing::Session(session)))
}

/// A session's inbox, oldest first: the pending inputs only, or all.
fn inbox(conn: &Connection, session: Id, pending_only: bool) -> Result<Vec<InboxItem>> {
    let sql = if pending_only {
        format!("SELECT {COLUMNS} FROM room_inbox WHERE session_id = ?1 AND state = 'pending' ORDER BY received_at, rowid")
    } else {
        format!(
            "SELECT {COLUMNS} FROM room_inbox WHERE session_id = ?1 ORDER BY received_at, rowid"
        )
    };
    let mut stmt = conn.prepare_cached(&sql)?;
    let list = stmt
        .query_map([text_id(&session)], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(list)
}

/// How many inputs of `session` were merged into each contribution, in one
/// query on the inbox's states (declined and pending ones are not read).
pub(super) fn merges(conn: &Connection, session: Id) -> Result<HashMap<Id, usize>> {
    let mut stmt = conn.prepare_cached(
        "SELECT contribution_id, COUNT(*) FROM room_inbox
         WHERE session_id = ?1 AND state = 'merged' AND contribution_id IS NOT NULL
         GROUP BY contribution_id",
    )?;
    let counts = stmt
        .query_map([text_id(&session)], |r| {
            Ok((rows::id(r, 0)?, r.get::<_, i64>(1)? as usize))
        })?
        .collect::<rusqlite::Result<HashMap<_, _>>>()?;
    Ok(counts)
}

impl Store {
    pub fn room_settings(&self, session: Id) -> Result<RoomSettings> {
        self.read(|conn| settings(conn, session))
    }

    /// A session's inbox, oldest first (see `pending_only`).
    pub fn inbox(&self, session: Id, pending_only: bool) -> Result<Vec<InboxItem>> {
        self.read(|conn| inbox(conn, session, pending_only))
    }

    /// Records a phone's input in one transaction; see `Tx::receive`.
    pub fn receive_from_room(&mut self, session: Id, input: &RoomInput) -> Result<Received> {
        self.apply(|tx| tx.receive_from_room(session, input))
    }

    /// Records a phone's post in one transaction, unless its `post_id`
    /// was received already (then nothing is written): the dedupe lives
    /// in the file, so it holds across a restart of the room.
    pub fn receive_post(
        &mut self,
        session: Id,
        post_id: Option<&str>,
        input: &RoomInput,
    ) -> Result<Posted> {
        if let Some(id) = post_id {
            if let Some(recorded) = self.read(|conn| earlier_post(conn, session, id))? {
                return Ok(Posted::Again { recorded });
            }
        }
        self.apply(|tx| {
            let received = tx.receive_from_room(session, input)?;
            if let Some(id) = post_id {
                tx.remember_post(session, id, &received)?;
            }
            Ok(Posted::New(received))
        })
    }

    /// What the first copy of post `post_id` was told, if it arrived.
    pub fn earlier_post(&self, session: Id, post_id: &str) -> Result<Option<bool>> {
        self.read(|conn| earlier_post(conn, session, post_id))
    }
}

/// Whether post `post_id` of `session` was recorded straight in (`true`)
/// or queued (`false`); `None` when it never arrived.
fn earlier_post(conn: &Connection, session: Id, post_id: &str) -> Result<Option<bool>> {
    let state: Option<String> = conn
        .query_row(
            "SELECT state FROM room_posts WHERE session_id = ?1 AND post_id = ?2",
            params![text_id(&session), post_id],
            |r| r.get(0),
        )
        .optional()?;
    Ok(state.map(|s| s == "recorded"))
}

impl Tx<'_> {
    pub fn room_settings(&self, session: Id) -> Result<RoomSettings> {
        settings(self, session)
    }

    /// Writes a session's room settings and returns them as they were.
    pub fn set_room_settings(&self, session: Id, to: RoomSettings) -> Result<RoomSettings> {
        let before = settings(self, session)?;
        self.execute(
            "UPDATE sessions SET room_accept_all = ?2, room_show_items = ?3 WHERE id = ?1",
            params![text_id(&session), to.accept_all, to.show_items],
        )?;
        Ok(before)
    }

    /// A phone's input: a contribution of origin `Room` at once when the
    /// session accepts everything, else a pending inbox row. The stage and
    /// the sender must belong to the session; an empty text is refused.
    pub fn receive_from_room(&self, session: Id, input: &RoomInput) -> Result<Received> {
        let text = input.text.trim_end().to_string();
        if text.trim().is_empty() {
            return Err(StoreError::Invalid(Refused::EmptyText));
        }
        if self.stage_session(input.stage_id)? != session {
            return Err(StoreError::NotFound(Missing::Stage(input.stage_id)));
        }
        let participant = if input.anonymous {
            None
        } else {
            input.participant_id
        };
        if let Some(p) = participant {
            if self.participant_session(p)? != session {
                return Err(StoreError::NotFound(Missing::Participant(p)));
            }
        }
        if settings(self, session)?.accept_all {
            let c = self.record(&NewContribution {
                stage_id: input.stage_id,
                participant_id: participant,
                kind: input.kind,
                text,
                parent_id: None,
                group: None,
                anonymous: input.anonymous,
                origin: Origin::Room,
            })?;
            return Ok(Received::Recorded(c));
        }
        let item = InboxItem {
            id: new_id(),
            stage_id: input.stage_id,
            kind: input.kind,
            text,
            participant_id: participant,
            anonymous: input.anonymous,
            received_at: self.now(),
            state: InboxState::Pending,
            decided_at: None,
            contribution_id: None,
        };
        self.execute(
            &format!("INSERT INTO room_inbox (session_id, {COLUMNS}) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11)"),
            params![
                text_id(&session),
                text_id(&item.id),
                text_id(&item.stage_id),
                item.kind.key(),
                item.text,
                opt_text_id(&item.participant_id),
                item.anonymous,
                text_time(&item.received_at),
                item.state.key(),
                rows::opt_text_time(&item.decided_at),
                opt_text_id(&item.contribution_id),
            ],
        )?;
        Ok(Received::Queued(item))
    }

    /// Notes that post `post_id` became `received`, in the transaction
    /// that recorded it.
    fn remember_post(&self, session: Id, post_id: &str, received: &Received) -> Result<()> {
        let (state, inbox, contribution) = match received {
            Received::Recorded(c) => ("recorded", None, Some(c.id)),
            Received::Queued(item) => ("pending", Some(item.id), None),
        };
        self.execute(
            "INSERT INTO room_posts (session_id, post_id, state, inbox_id, contribution_id, received_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                text_id(&session),
                post_id,
                state,
                opt_text_id(&inbox),
                opt_text_id(&contribution),
                text_time(&self.now()),
            ],
        )?;
        Ok(())
    }

    /// One input of `session`'s inbox.
    pub fn inbox_item(&self, session: Id, id: Id) -> Result<InboxItem> {
        self.query_row(
            &format!("SELECT {COLUMNS} FROM room_inbox WHERE id = ?1 AND session_id = ?2"),
            params![text_id(&id), text_id(&session)],
            from_row,
        )
        .optional()?
        .ok_or(StoreError::NotFound(Missing::InboxItem(id)))
    }

    /// Writes an input's decision back exactly as given (a decision, its
    /// undo or its redo) and returns the input as it was. The text, kind
    /// and sender as received are never rewritten: an edit made while
    /// accepting lives on the contribution.
    pub fn put_inbox_decision(&self, session: Id, item: &InboxItem) -> Result<InboxItem> {
        let before = self.inbox_item(session, item.id)?;
        self.execute(
            "UPDATE room_inbox SET state = ?3, decided_at = ?4, contribution_id = ?5
             WHERE id = ?1 AND session_id = ?2",
            params![
                text_id(&item.id),
                text_id(&session),
                item.state.key(),
                rows::opt_text_time(&item.decided_at),
                opt_text_id(&item.contribution_id),
            ],
        )?;
        Ok(before)
    }
}
