//! Dot voting: the dots and tallies of a session, and its settings (dots
//! per participant, counts revealed on screen). A dot taken back stays in
//! the file, marked `removed_at`, as a pass does. The dot budget is
//! checked here, in the transaction that writes, so no caller can exceed
//! it.

use super::rows::{self, text_id, text_time};
use super::{Missing, Refused, Result, StoreError, Tx};
use crate::model::{check_budget, new_id, Id, Vote, Voting, DEFAULT_DOTS, MAX_DOTS};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

const COLUMNS: &str = "id, contribution_id, participant_id, dots, at, removed_at";

fn from_row(r: &Row) -> rusqlite::Result<Vote> {
    Ok(Vote {
        id: rows::id(r, 0)?,
        contribution_id: rows::id(r, 1)?,
        participant_id: rows::opt_id(r, 2)?,
        dots: r.get(3)?,
        at: rows::time(r, 4)?,
        removed_at: rows::opt_time(r, 5)?,
    })
}

/// A session's vote: its settings (defaults when never set) and every
/// dot, oldest first, those taken back included.
pub(super) fn voting(conn: &Connection, session: Id) -> Result<Voting> {
    let (dots_per_participant, revealed) = settings(conn, session)?;
    let mut stmt = conn.prepare_cached(&votes_sql())?;
    let votes = stmt
        .query_map([text_id(&session)], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Voting {
        dots_per_participant,
        revealed,
        votes,
    })
}

/// A session's votes in time order (read on every load and after every
/// vote command: the `votes_by_session` index serves it).
pub(super) fn votes_sql() -> String {
    format!("SELECT {COLUMNS} FROM votes WHERE session_id = ?1 ORDER BY at, id")
}

fn settings(conn: &Connection, session: Id) -> Result<(u32, bool)> {
    let found = conn
        .prepare_cached("SELECT dots_per_participant, revealed FROM voting WHERE session_id = ?1")?
        .query_row([text_id(&session)], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    Ok(found.unwrap_or((DEFAULT_DOTS, false)))
}

/// Writes a vote row as given (a bundle import).
pub(super) fn insert_row(tx: &Transaction, session: Id, v: &Vote) -> rusqlite::Result<()> {
    tx.execute(
        &format!("INSERT INTO votes (session_id, {COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"),
        params![
            text_id(&session),
            text_id(&v.id),
            text_id(&v.contribution_id),
            rows::opt_text_id(&v.participant_id),
            v.dots,
            text_time(&v.at),
            rows::opt_text_time(&v.removed_at)
        ],
    )?;
    Ok(())
}

/// Writes a session's settings (a bundle import, a command).
pub(super) fn write_settings(
    tx: &Transaction,
    session: Id,
    dots: u32,
    revealed: bool,
) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO voting (session_id, dots_per_participant, revealed) VALUES (?1, ?2, ?3)
         ON CONFLICT (session_id) DO UPDATE
         SET dots_per_participant = excluded.dots_per_participant, revealed = excluded.revealed",
        params![text_id(&session), dots, revealed],
    )?;
    Ok(())
}

impl Tx<'_> {
    /// The session's vote, as `Store::load` reads it.
    pub fn voting(&self, session: Id) -> Result<Voting> {
        voting(self, session)
    }

    /// Places one dot of `participant` on each item of `items` (an item
    /// twice gets two dots). Refused as a whole when it would take them
    /// past the session's dots per participant, or when an item is not a
    /// live contribution of the session.
    pub fn cast_votes(&self, session: Id, participant: Id, items: &[Id]) -> Result<Vec<Vote>> {
        let name = self.voter(session, participant)?;
        for item in items {
            self.votable(session, *item)?;
        }
        let voting = self.voting(session)?;
        let adding = u32::try_from(items.len()).unwrap_or(u32::MAX);
        check_budget(
            voting.used(participant),
            adding,
            voting.dots_per_participant,
        )
        .map_err(|over| StoreError::Invalid(Refused::OverBudget { name, over }))?;
        let mut cast = Vec::new();
        for item in items {
            let v = Vote {
                id: new_id(),
                contribution_id: *item,
                participant_id: Some(participant),
                dots: 1,
                at: self.now(),
                removed_at: None,
            };
            insert_row(self, session, &v)?;
            cast.push(v);
        }
        Ok(cast)
    }

    /// Sets the tally of `item` (a count without a person): its standing
    /// tally is taken back and, unless `count` is 0, a new one stands.
    /// Returns the rows taken back and the new one.
    pub fn set_tally(
        &self,
        session: Id,
        item: Id,
        count: u32,
    ) -> Result<(Vec<Vote>, Option<Vote>)> {
        self.votable(session, item)?;
        let before: Vec<Vote> = self
            .voting(session)?
            .standing()
            .filter(|v| v.participant_id.is_none() && v.contribution_id == item)
            .cloned()
            .collect();
        for v in &before {
            self.remove_vote(session, v.id)?;
        }
        if count == 0 {
            return Ok((before, None));
        }
        let v = Vote {
            id: new_id(),
            contribution_id: item,
            participant_id: None,
            dots: count,
            at: self.now(),
            removed_at: None,
        };
        insert_row(self, session, &v)?;
        Ok((before, Some(v)))
    }

    /// Takes a standing dot or tally back (kept, marked) and returns it
    /// as it was.
    pub fn remove_vote(&self, session: Id, id: Id) -> Result<Vote> {
        let v = self.one_vote(session, id, true)?;
        self.execute(
            "UPDATE votes SET removed_at = ?2 WHERE id = ?1",
            params![text_id(&id), text_time(&self.now())],
        )?;
        Ok(v)
    }

    /// Writes votes of `session` back as given (an undo or a redo) and
    /// returns them as they were. A dot put back standing still counts in
    /// its participant's budget: a redo that no longer fits is refused.
    pub fn put_votes(&self, session: Id, list: &[Vote]) -> Result<Vec<Vote>> {
        let mut before = Vec::new();
        for v in list {
            let old = self.one_vote(session, v.id, false)?;
            if old.contribution_id != v.contribution_id || old.participant_id != v.participant_id {
                return Err(StoreError::NotFound(Missing::Vote(v.id)));
            }
            self.execute(
                "UPDATE votes SET dots = ?3, at = ?4, removed_at = ?5
                 WHERE id = ?1 AND session_id = ?2",
                params![
                    text_id(&v.id),
                    text_id(&session),
                    v.dots,
                    text_time(&v.at),
                    rows::opt_text_time(&v.removed_at)
                ],
            )?;
            before.push(old);
        }
        let voting = self.voting(session)?;
        let people: std::collections::HashSet<Id> = list
            .iter()
            .filter(|v| v.stands())
            .filter_map(|v| v.participant_id)
            .collect();
        for p in people {
            // The dots this put makes stand again, on top of the others.
            let back: u32 = list
                .iter()
                .zip(&before)
                .filter(|(now, was)| now.stands() && !was.stands())
                .filter(|(now, _)| now.participant_id == Some(p))
                .map(|(now, _)| now.dots)
                .sum();
            let others = voting.used(p).saturating_sub(back);
            if let Err(over) = check_budget(others, back, voting.dots_per_participant) {
                let name = self.voter(session, p)?;
                return Err(StoreError::Invalid(Refused::OverBudget { name, over }));
            }
        }
        Ok(before)
    }

    /// Sets the dots per participant and whether the screen shows the
    /// counts; returns the settings as they were. Fewer dots than someone
    /// already placed is refused.
    pub fn set_voting(&self, session: Id, dots: u32, revealed: bool) -> Result<(u32, bool)> {
        if !(1..=MAX_DOTS).contains(&dots) {
            return Err(StoreError::Invalid(Refused::DotsOutOfRange(dots)));
        }
        let voting = self.voting(session)?;
        let most = voting.most_used();
        if dots < most {
            return Err(StoreError::Invalid(Refused::DotsBelowUsed { dots, most }));
        }
        write_settings(self, session, dots, revealed)?;
        Ok((voting.dots_per_participant, voting.revealed))
    }

    /// A voter's name: someone on the session's present roster.
    fn voter(&self, session: Id, participant: Id) -> Result<String> {
        self.query_row(
            "SELECT name FROM participants
             WHERE id = ?1 AND session_id = ?2 AND removed_at IS NULL",
            params![text_id(&participant), text_id(&session)],
            |r| r.get(0),
        )
        .optional()?
        .ok_or(StoreError::NotFound(Missing::Participant(participant)))
    }

    /// An item one may vote for: a contribution of the session, neither
    /// deleted nor parked.
    fn votable(&self, session: Id, item: Id) -> Result<()> {
        let live: bool = self.query_row(
            "SELECT EXISTS (SELECT 1 FROM contributions WHERE id = ?1 AND session_id = ?2
             AND deleted_at IS NULL AND parked_at IS NULL)",
            params![text_id(&item), text_id(&session)],
            |r| r.get(0),
        )?;
        if live {
            Ok(())
        } else {
            Err(StoreError::NotFound(Missing::Contribution(item)))
        }
    }

    /// One vote of `session`; with `standing`, only one not taken back.
    fn one_vote(&self, session: Id, id: Id, standing: bool) -> Result<Vote> {
        let v = self
            .query_row(
                &format!(
                    "SELECT {COLUMNS} FROM votes
                     WHERE id = ?1 AND session_id = ?2 AND (?3 = 0 OR removed_at IS NULL)"
                ),
                params![text_id(&id), text_id(&session), standing],
                from_row,
            )
            .optional()?;
        v.ok_or(StoreError::NotFound(Missing::Vote(id)))
    }
}

/// Writes a whole vote as given (a bundle import): the settings when they
/// differ from the defaults, then every row.
pub(super) fn insert_all(tx: &Transaction, session: Id, voting: &Voting) -> Result<()> {
    let default = Voting::default();
    if (voting.dots_per_participant, voting.revealed)
        != (default.dots_per_participant, default.revealed)
    {
        write_settings(tx, session, voting.dots_per_participant, voting.revealed)?;
    }
    for v in &voting.votes {
        insert_row(tx, session, v)?;
    }
    Ok(())
}
