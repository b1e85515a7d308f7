//! A session's actions ("qui fait quoi"). An action taken back (an undo or
//! a removal) stays in the file, marked `removed_at`, so that nothing typed
//! is lost.

use super::rows::{self, text_id, text_time};
use super::{Missing, Result, Store, StoreError, Tx};
use crate::model::{new_id, Action, Id};
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

const COLUMNS: &str =
    "id, text, who_participant, who_name, due, status, created_at, removed_at, carried_from";

/// What a read adds after `COLUMNS`: the live copy carried over to a later
/// session, if any (found through the index on `carried_from`; carrying
/// refuses a second live copy, so there is at most one).
const CARRIED_TO: &str = "(SELECT c.id FROM actions c
     WHERE c.carried_from = actions.id AND c.removed_at IS NULL LIMIT 1)";

fn from_row(r: &Row) -> rusqlite::Result<Action> {
    from_row_at(r, 0)
}

/// An action read from `COLUMNS`, starting at column `k`.
fn from_row_at(r: &Row, k: usize) -> rusqlite::Result<Action> {
    Ok(Action {
        id: rows::id(r, k)?,
        text: r.get(k + 1)?,
        who_participant: rows::opt_id(r, k + 2)?,
        who_name: r.get(k + 3)?,
        due: match r.get::<_, Option<String>>(k + 4)? {
            None => None,
            Some(_) => Some(rows::parsed(r, k + 4, "date", crate::model::parse_date)?),
        },
        done: rows::parsed(r, k + 5, "status", |s| match s {
            "open" => Some(false),
            "done" => Some(true),
            _ => None,
        })?,
        created_at: rows::time(r, k + 6)?,
        removed_at: rows::opt_time(r, k + 7)?,
        carried_from: rows::opt_id(r, k + 8)?,
        carried_to: rows::opt_id(r, k + 9)?,
    })
}

fn status(done: bool) -> &'static str {
    if done {
        "done"
    } else {
        "open"
    }
}

fn text_date(d: &Option<NaiveDate>) -> Option<String> {
    d.map(|d| d.format("%Y-%m-%d").to_string())
}

/// The query reading a session's actions (its plan is checked).
pub(super) fn actions_sql() -> String {
    format!(
        "SELECT {COLUMNS}, {CARRIED_TO} FROM actions WHERE session_id = ?1 ORDER BY created_at, id"
    )
}

/// A session's actions, oldest first, those taken back included.
pub(super) fn actions(conn: &Connection, session: Id) -> Result<Vec<Action>> {
    let mut stmt = conn.prepare_cached(&actions_sql())?;
    let list = stmt
        .query_map([text_id(&session)], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(list)
}

pub(super) fn insert_row(tx: &Transaction, session: Id, a: &Action) -> rusqlite::Result<()> {
    tx.execute(
        &format!(
            "INSERT INTO actions (session_id, {COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
        ),
        params![
            text_id(&session),
            text_id(&a.id),
            a.text,
            rows::opt_text_id(&a.who_participant),
            a.who_name,
            text_date(&a.due),
            status(a.done),
            text_time(&a.created_at),
            rows::opt_text_time(&a.removed_at),
            rows::opt_text_id(&a.carried_from)
        ],
    )?;
    Ok(())
}

/// What a new action says: its text, who does it and by when.
#[derive(Debug, Clone, PartialEq)]
pub struct NewAction {
    pub text: String,
    pub who_participant: Option<Id>,
    pub who_name: String,
    pub due: Option<NaiveDate>,
}

impl Tx<'_> {
    /// Records an action agreed now, open; an empty text is refused, and
    /// so is a participant of another session.
    pub fn add_action(&self, session: Id, new: &NewAction) -> Result<Action> {
        if new.text.trim().is_empty() {
            return Err(StoreError::Invalid(super::Refused::EmptyText));
        }
        if let Some(p) = new.who_participant {
            if self.participant_session(p)? != session {
                return Err(StoreError::NotFound(Missing::Participant(p)));
            }
        }
        let a = Action {
            id: new_id(),
            text: new.text.clone(),
            who_participant: new.who_participant,
            who_name: new.who_name.clone(),
            due: new.due,
            done: false,
            created_at: self.now(),
            removed_at: None,
            carried_from: None,
            carried_to: None,
        };
        insert_row(self, session, &a)?;
        Ok(a)
    }

    /// Writes an action of `session` back exactly as given (an undo or a
    /// redo) and returns it as it was; one of another session is not found.
    pub fn put_action(&self, session: Id, a: &Action) -> Result<Action> {
        let before = self.action(session, a.id, false)?;
        self.execute(
            "UPDATE actions SET text = ?3, who_participant = ?4, who_name = ?5, due = ?6,
                    status = ?7, created_at = ?8, removed_at = ?9, carried_from = ?10
             WHERE id = ?1 AND session_id = ?2",
            params![
                text_id(&a.id),
                text_id(&session),
                a.text,
                rows::opt_text_id(&a.who_participant),
                a.who_name,
                text_date(&a.due),
                status(a.done),
                text_time(&a.created_at),
                rows::opt_text_time(&a.removed_at),
                rows::opt_text_id(&a.carried_from)
            ],
        )?;
        Ok(before)
    }

    /// One action of `session`; with `listed`, only one not taken back.
    pub fn action(&self, session: Id, id: Id, listed: bool) -> Result<Action> {
        let a = self
            .query_row(
                &format!(
                    "SELECT {COLUMNS}, {CARRIED_TO} FROM actions
                     WHERE id = ?1 AND session_id = ?2 AND (?3 = 0 OR removed_at IS NULL)"
                ),
                params![text_id(&id), text_id(&session), listed],
                from_row,
            )
            .optional()?;
        a.ok_or(StoreError::NotFound(Missing::Action(id)))
    }

    /// Marks a listed action done or open again and returns it as it was.
    pub fn set_action_done(&self, session: Id, id: Id, done: bool) -> Result<Action> {
        let a = self.action(session, id, true)?;
        self.execute(
            "UPDATE actions SET status = ?2 WHERE id = ?1",
            params![text_id(&id), status(done)],
        )?;
        Ok(a)
    }

    /// Takes an action out of the list (kept, marked) and returns it as it
    /// was; one already taken back is not found.
    pub fn remove_action(&self, session: Id, id: Id) -> Result<Action> {
        let a = self.action(session, id, true)?;
        self.execute(
            "UPDATE actions SET removed_at = ?2 WHERE id = ?1",
            params![text_id(&id), text_time(&self.now())],
        )?;
        Ok(a)
    }

    /// The session's actions, oldest first.
    pub fn actions(&self, session: Id) -> Result<Vec<Action>> {
        actions(self, session)
    }
}

impl Store {
    /// Listed actions (not taken back) of `session`, or of every session,
    /// each with its session, oldest first.
    pub fn listed_actions(&self, session: Option<Id>) -> Result<Vec<(Id, Action)>> {
        self.read(|conn| {
            let mut stmt = conn.prepare(&format!(
                "SELECT session_id, {COLUMNS}, {CARRIED_TO} FROM actions
                 WHERE (?1 IS NULL OR session_id = ?1) AND removed_at IS NULL
                 ORDER BY created_at, id"
            ))?;
            let list = stmt
                .query_map([rows::opt_text_id(&session)], |r| {
                    Ok((rows::id(r, 0)?, from_row_at(r, 1)?))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(list)
        })
    }

    /// Finds a listed action from a full id or a unique prefix or suffix of
    /// one (`atelier show` prints the last eight characters): its session
    /// and its id.
    pub fn resolve_action(&self, reference: &str) -> Result<(Id, Id)> {
        let named = super::short_ids::Named {
            table: "actions",
            listed_only: true,
            not_an_id: Missing::NotAnActionId,
            none: Missing::NoActionMatches,
            several: Missing::SeveralActions,
        };
        self.resolve_short(&named, None, reference)
    }
}
