use super::rows::{text_id, text_time};
use super::{Result, Store};
use crate::model::{BuildingBlock, Id, Synthesis, Timestamp};
use rusqlite::{params, OptionalExtension, Transaction};

pub(super) fn synthesis(conn: &rusqlite::Connection, session: Id) -> Result<Synthesis> {
    let (text, proposal) = conn
        .query_row(
            "SELECT text, proposal FROM synthesis WHERE session_id = ?1",
            [text_id(&session)],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .unwrap_or_default();
    let mut stmt = conn.prepare(
        "SELECT title, text FROM building_blocks WHERE session_id = ?1 ORDER BY position, id",
    )?;
    let blocks = stmt
        .query_map([text_id(&session)], |r| {
            Ok(BuildingBlock {
                title: r.get(0)?,
                text: r.get(1)?,
                sources: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut s = Synthesis {
        text,
        blocks,
        proposal,
        ..Synthesis::default()
    };
    super::synthesis_sources::read(conn, session, &mut s)?;
    Ok(s)
}

pub(super) fn write_synthesis(
    tx: &Transaction,
    session: Id,
    s: &Synthesis,
    at: Timestamp,
) -> rusqlite::Result<()> {
    let t = text_time(&at);
    tx.execute(
        "INSERT INTO synthesis (session_id, text, proposal, updated_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(session_id) DO UPDATE SET text = excluded.text,
           proposal = excluded.proposal, updated_at = excluded.updated_at",
        params![text_id(&session), s.text, s.proposal, t],
    )?;
    tx.execute(
        "DELETE FROM building_blocks WHERE session_id = ?1",
        [text_id(&session)],
    )?;
    for (i, b) in s.blocks.iter().enumerate() {
        tx.execute(
            "INSERT INTO building_blocks (session_id, position, title, text) VALUES (?1, ?2, ?3, ?4)",
            params![text_id(&session), i as i64 + 1, b.title, b.text],
        )?;
    }
    super::synthesis_sources::write(tx, session, s)
}

impl Store {
    pub fn synthesis(&self, session: Id) -> Result<Synthesis> {
        self.read(|conn| synthesis(conn, session))
    }

    /// Saves the whole synthesis (text, building blocks, proposal) at once.
    pub fn save_synthesis(&mut self, session: Id, s: &Synthesis) -> Result<()> {
        self.session(session)?;
        self.write(|tx| {
            tx.save_synthesis(session, s)?;
            super::sessions::touch(tx, session, &tx.now())?;
            Ok(())
        })
    }
}

/// Synthesis primitives, for the command layer.
impl super::Tx<'_> {
    pub fn synthesis(&self, session: Id) -> Result<Synthesis> {
        synthesis(self, session)
    }

    /// Saves the synthesis; refused when a source is no contribution of
    /// the session.
    pub fn save_synthesis(&self, session: Id, s: &Synthesis) -> Result<()> {
        super::synthesis_sources::check(self, session, s)?;
        write_synthesis(self, session, s, self.now())?;
        Ok(())
    }
}
