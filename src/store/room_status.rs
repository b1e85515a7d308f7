//! Whether a session's room is open, and how to join it, for any process
//! reading the file (the projector view in a second terminal).

use super::rows::{self, text_id, text_time};
use super::{Result, Store};
use crate::model::{Id, RoomStatus};
use rusqlite::{params, OptionalExtension};

impl Store {
    /// The room of `session` as its server last wrote it, if open.
    pub fn room_status(&self, session: Id) -> Result<Option<RoomStatus>> {
        self.read(|conn| {
            Ok(conn
                .query_row(
                    "SELECT url, code, opened_at, heartbeat_at FROM room_status WHERE session_id = ?1",
                    [text_id(&session)],
                    |r| {
                        Ok(RoomStatus {
                            url: r.get(0)?,
                            code: r.get(1)?,
                            opened_at: rows::time(r, 2)?,
                            heartbeat_at: rows::time(r, 3)?,
                        })
                    },
                )
                .optional()?)
        })
    }

    /// Every room its server last wrote as open (alive or left by a
    /// crash: `RoomStatus::alive_at` tells), in one query.
    pub fn room_statuses(&self) -> Result<Vec<(Id, RoomStatus)>> {
        self.read(|conn| {
            let mut stmt = conn.prepare(
                "SELECT session_id, url, code, opened_at, heartbeat_at FROM room_status
                 ORDER BY opened_at",
            )?;
            let rows = stmt.query_map([], |r| {
                Ok((
                    rows::id(r, 0)?,
                    RoomStatus {
                        url: r.get(1)?,
                        code: r.get(2)?,
                        opened_at: rows::time(r, 3)?,
                        heartbeat_at: rows::time(r, 4)?,
                    },
                ))
            })?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    /// Marks the room of `session` open at `url` with `code` (replacing
    /// what a crashed server left).
    pub fn open_room_status(&mut self, session: Id, url: &str, code: &str) -> Result<()> {
        self.apply(|tx| {
            let now = text_time(&tx.now());
            tx.execute(
                "INSERT OR REPLACE INTO room_status (session_id, url, code, opened_at, heartbeat_at)
                 VALUES (?1, ?2, ?3, ?4, ?4)",
                params![text_id(&session), url, code, now],
            )?;
            Ok(())
        })
    }

    /// The server of `session`'s room is still running.
    pub fn room_heartbeat(&mut self, session: Id) -> Result<()> {
        self.apply(|tx| {
            tx.execute(
                "UPDATE room_status SET heartbeat_at = ?2 WHERE session_id = ?1",
                params![text_id(&session), text_time(&tx.now())],
            )?;
            Ok(())
        })
    }

    /// The room of `session` is closed.
    pub fn close_room_status(&mut self, session: Id) -> Result<()> {
        self.apply(|tx| {
            tx.execute(
                "DELETE FROM room_status WHERE session_id = ?1",
                [text_id(&session)],
            )?;
            Ok(())
        })
    }
}
