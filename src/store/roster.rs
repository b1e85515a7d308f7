use super::rows::{self, text_id, text_time};
use super::{Missing, Refused, Result, Store, StoreError};
use crate::model::{new_id, Id, Participant};
use rusqlite::{params, OptionalExtension, Transaction};

pub(super) fn insert_participant(
    tx: &Transaction,
    session: Id,
    name: &str,
    role: &str,
) -> Result<Participant> {
    let name = name.trim();
    if name.is_empty() {
        return Err(StoreError::Invalid(Refused::EmptyName));
    }
    refuse_same_name(tx, session, name, None)?;
    let position: i64 = tx.query_row(
        "SELECT coalesce(max(position), 0) + 1 FROM participants WHERE session_id = ?1",
        [text_id(&session)],
        |r| r.get(0),
    )?;
    let p = Participant {
        id: new_id(),
        name: name.to_string(),
        role: role.trim().to_string(),
        position,
        removed_at: None,
    };
    insert_participant_row(tx, session, &p)?;
    Ok(p)
}

/// Refuses `name` for someone on `session`'s roster (other than `except`)
/// when it reads as a name still there: one roster, distinct names, so
/// that what is typed for one never goes to the other.
fn refuse_same_name(
    conn: &rusqlite::Connection,
    session: Id,
    name: &str,
    except: Option<Id>,
) -> Result<()> {
    let roster: Vec<Participant> = participants(conn, session)?
        .into_iter()
        .filter(|p| Some(p.id) != except)
        .collect();
    match crate::model::same_name(&roster, name).first() {
        Some(taken) => Err(StoreError::Invalid(Refused::SameName {
            name: name.trim().to_string(),
            taken: taken.name.clone(),
        })),
        None => Ok(()),
    }
}

/// Writes a roster entry as it comes (an imported or merged session),
/// refusing a present name that reads as one already there.
pub(super) fn insert_participant_row(tx: &Transaction, session: Id, p: &Participant) -> Result<()> {
    if p.removed_at.is_none() {
        refuse_same_name(tx, session, &p.name, Some(p.id))?;
    }
    tx.execute(
        "INSERT INTO participants (id, session_id, name, role, position, removed_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            text_id(&p.id),
            text_id(&session),
            p.name,
            p.role,
            p.position,
            rows::opt_text_time(&p.removed_at)
        ],
    )?;
    Ok(())
}

/// A session's roster in order, along `participants_by_session`.
pub(super) const PARTICIPANTS: &str = "SELECT id, name, role, position, removed_at
     FROM participants WHERE session_id = ?1 ORDER BY position, id";

pub(super) fn participants(conn: &rusqlite::Connection, session: Id) -> Result<Vec<Participant>> {
    let mut stmt = conn.prepare(PARTICIPANTS)?;
    let list = stmt
        .query_map([text_id(&session)], |r| {
            Ok(Participant {
                id: rows::id(r, 0)?,
                name: r.get(1)?,
                role: r.get(2)?,
                position: r.get(3)?,
                removed_at: rows::opt_time(r, 4)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(list)
}

impl Store {
    /// Adds someone at the end of the roster.
    pub fn add_participant(&mut self, session: Id, name: &str, role: &str) -> Result<Participant> {
        self.write(|tx| {
            let p = insert_participant(tx, session, name, role)?;
            super::sessions::touch(tx, session, &tx.now())?;
            Ok(p)
        })
    }

    /// Sets someone's role or organisation (empty to clear it).
    pub fn set_participant_role(&mut self, id: Id, role: &str) -> Result<()> {
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE participants SET role = ?2 WHERE id = ?1",
                params![text_id(&id), role.trim()],
            )?;
            participant_found(n, id)
        })
    }

    /// Takes someone off the roster; their contributions stay theirs.
    pub fn remove_participant(&mut self, id: Id) -> Result<()> {
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE participants SET removed_at = ?2 WHERE id = ?1",
                params![text_id(&id), text_time(&tx.now())],
            )?;
            participant_found(n, id)
        })
    }

    /// The whole roster, removed participants included (flagged).
    pub fn participants(&self, session: Id) -> Result<Vec<Participant>> {
        self.read(|conn| participants(conn, session))
    }
}

fn participant_found(n: usize, id: Id) -> Result<()> {
    if n == 0 {
        Err(StoreError::NotFound(Missing::Participant(id)))
    } else {
        Ok(())
    }
}

/// Roster primitives, for the command layer.
impl super::Tx<'_> {
    pub fn participant(&self, id: Id) -> Result<Participant> {
        self.query_row(
            "SELECT id, name, role, position, removed_at FROM participants WHERE id = ?1",
            [text_id(&id)],
            |r| {
                Ok(Participant {
                    id: rows::id(r, 0)?,
                    name: r.get(1)?,
                    role: r.get(2)?,
                    position: r.get(3)?,
                    removed_at: rows::opt_time(r, 4)?,
                })
            },
        )
        .optional()?
        .ok_or_else(|| StoreError::NotFound(Missing::Participant(id)))
    }

    /// The session someone is on the roster of.
    pub fn participant_session(&self, id: Id) -> Result<Id> {
        self.query_row(
            "SELECT session_id FROM participants WHERE id = ?1",
            [text_id(&id)],
            |r| rows::id(r, 0),
        )
        .optional()?
        .ok_or_else(|| StoreError::NotFound(Missing::Participant(id)))
    }

    /// The whole roster, removed participants included, in order.
    pub fn participants(&self, session: Id) -> Result<Vec<Participant>> {
        participants(self, session)
    }

    /// Adds someone at the end of the roster.
    pub fn add_participant(&self, session: Id, name: &str, role: &str) -> Result<Participant> {
        insert_participant(self, session, name, role)
    }

    /// Writes a roster entry back exactly as given (name, role, place,
    /// removal). A new name, or someone back on the roster, must read
    /// unlike everyone still there; a roster from before that rule keeps
    /// its twins through swaps and removals.
    pub fn put_participant(&self, p: &Participant) -> Result<()> {
        let before = self.participant(p.id)?;
        let renamed = crate::model::name_key(&before.name) != crate::model::name_key(&p.name);
        let back = before.removed_at.is_some();
        if p.removed_at.is_none() && (renamed || back) {
            let session = self.participant_session(p.id)?;
            refuse_same_name(self, session, &p.name, Some(p.id))?;
        }
        let n = self.execute(
            "UPDATE participants SET name = ?2, role = ?3, position = ?4, removed_at = ?5
             WHERE id = ?1",
            params![
                text_id(&p.id),
                p.name,
                p.role,
                p.position,
                rows::opt_text_time(&p.removed_at)
            ],
        )?;
        participant_found(n, p.id)
    }
}
