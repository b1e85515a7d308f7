//! Follow-through from one session of a workshop to the next: creating the
//! next session (linked to the one it follows), and the carry-over of the
//! previous session's open actions — carried into this session as a copy
//! that remembers its origin, or marked done where they were agreed.

use super::rows::{self, text_id};
use super::sessions::insert_session;
use super::{Missing, Refused, Result, Store, StoreError, Tx};
use crate::model::{new_id, Action, Id, SessionStatus};
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

/// The session `session` follows, when it names one that is in this file
/// (a bundle may bring a session here without the ones before it).
fn previous(conn: &Connection, session: Id) -> Result<Option<Id>> {
    let id = conn
        .query_row(
            "SELECT p.id FROM sessions s JOIN sessions p ON p.id = s.previous_id
             WHERE s.id = ?1",
            [text_id(&session)],
            |r| rows::id(r, 0),
        )
        .optional()?;
    Ok(id)
}

/// The previous session's actions still to review here: listed, not done
/// and not carried over yet (a copy taken back does not count, so its
/// action is open again).
fn carry_over(conn: &Connection, session: Id) -> Result<Vec<Action>> {
    let Some(prev) = previous(conn, session)? else {
        return Ok(Vec::new());
    };
    Ok(super::actions::actions(conn, prev)?
        .into_iter()
        .filter(Action::is_open)
        .collect())
}

impl Tx<'_> {
    /// The previous session's open actions not yet carried into `session`.
    pub fn carry_over(&self, session: Id) -> Result<Vec<Action>> {
        carry_over(self, session)
    }

    /// One action still to review here, or why it is not one.
    fn to_carry(&self, session: Id, from: Id) -> Result<(Id, Action)> {
        let prev =
            previous(self, session)?.ok_or(StoreError::Invalid(Refused::NoPreviousSession))?;
        let a = self
            .action(prev, from, true)
            .map_err(|_| StoreError::Invalid(Refused::NotFromPreviousSession))?;
        if a.carried_to.is_some() {
            return Err(StoreError::Invalid(Refused::AlreadyCarried));
        }
        if !a.is_open() {
            return Err(StoreError::Invalid(Refused::NotFromPreviousSession));
        }
        Ok((prev, a))
    }

    /// Copies the previous session's open action `from` into `session`,
    /// open, remembering where it came from. Who does it stays the same
    /// person: the participant of this session's roster with the same
    /// name, else that name as someone from outside.
    pub fn carry_action(&self, session: Id, from: Id) -> Result<Action> {
        let (_, old) = self.to_carry(session, from)?;
        let (who_participant, who_name) = match old.who_participant {
            None => (None, old.who_name.clone()),
            Some(p) => {
                let name: String = self
                    .query_row(
                        "SELECT name FROM participants WHERE id = ?1",
                        [text_id(&p)],
                        |r| r.get(0),
                    )
                    .optional()?
                    .unwrap_or_default();
                // The same person here: their name as names are matched;
                // two bearing it here (an old roster) is nobody's guess.
                let roster = self.participants(session)?;
                match crate::model::same_name(&roster, &name).as_slice() {
                    [one] => (Some(one.id), String::new()),
                    _ => (None, name),
                }
            }
        };
        let copy = Action {
            id: new_id(),
            text: old.text.clone(),
            who_participant,
            who_name,
            due: old.due,
            done: false,
            created_at: self.now(),
            removed_at: None,
            carried_from: Some(old.id),
            carried_to: None,
        };
        super::actions::insert_row(self, session, &copy)?;
        Ok(copy)
    }

    /// Marks the previous session's action `id` done (or open again) where
    /// it was agreed, and returns it as it was. Allowed when that session
    /// is closed: following an action up happens after its session.
    pub fn set_previous_action_done(&self, session: Id, id: Id, done: bool) -> Result<Action> {
        let prev =
            previous(self, session)?.ok_or(StoreError::Invalid(Refused::NoPreviousSession))?;
        let before = self
            .action(prev, id, true)
            .map_err(|_| StoreError::Invalid(Refused::NotFromPreviousSession))?;
        self.execute(
            "UPDATE actions SET status = ?2 WHERE id = ?1",
            params![text_id(&id), if done { "done" } else { "open" }],
        )?;
        super::sessions::touch(self, prev, &self.now())?;
        Ok(before)
    }

    /// Sets who does a listed action of `session` (a participant of its
    /// roster, or a name from outside) and by when; returns it as it was.
    pub fn edit_action(
        &self,
        session: Id,
        id: Id,
        who_participant: Option<Id>,
        who_name: &str,
        due: Option<NaiveDate>,
    ) -> Result<Action> {
        let before = self.action(session, id, true)?;
        if let Some(p) = who_participant {
            if self.participant_session(p)? != session {
                return Err(StoreError::NotFound(Missing::Participant(p)));
            }
        }
        let mut after = before.clone();
        after.who_participant = who_participant;
        after.who_name = if who_participant.is_some() {
            String::new()
        } else {
            who_name.trim().to_string()
        };
        after.due = due;
        self.put_action(session, &after)
    }
}

impl Store {
    /// The session `session` follows, if it is in this file.
    pub fn previous_session(&self, session: Id) -> Result<Option<Id>> {
        self.read(|conn| previous(conn, session))
    }

    /// The previous session's open actions not yet carried into `session`.
    pub fn carry_over(&self, session: Id) -> Result<Vec<Action>> {
        self.read(|conn| carry_over(conn, session))
    }

    /// Creates the next session of the same workshop as `previous`: same
    /// event, template, stages, question, context, lead, anonymity and
    /// roster; the next title (see `next_title`) unless one is given; on
    /// `date`; linked to `previous`. Nothing recorded is copied.
    pub fn next_session(
        &mut self,
        previous: Id,
        date: NaiveDate,
        title: Option<&str>,
    ) -> Result<Id> {
        let data = self.load(previous)?;
        let t = self.clock.now();
        let mut session = data.session.clone();
        session.id = new_id();
        session.title = match title.map(str::trim) {
            Some("") => return Err(StoreError::Invalid(Refused::EmptyTitle)),
            Some(t) => t.to_string(),
            None => next_title(&session.title),
        };
        session.date = date;
        session.status = SessionStatus::Draft;
        session.created_at = t;
        session.updated_at = t;
        session.archived_at = None;
        session.reopened_at = None;
        session.previous_id = Some(previous);
        // New people (new ids), new pseudonyms: the next session's
        // "Participant 2" is no one in particular of this one's.
        session.pseudonym_seed = crate::model::new_seed();
        self.write(|tx| {
            insert_session(tx, &session)?;
            for stage in &data.stages {
                super::stages::insert_stage_row(tx, session.id, stage, false)?;
            }
            for p in data.roster() {
                super::roster::insert_participant(tx, session.id, &p.name, &p.role)?;
            }
            Ok(session.id)
        })
    }
}

/// The words that number a session in a title, lower case.
const SESSION_WORDS: [&str; 3] = ["session", "séance", "seance"];

/// The title of the next session: the number after "Session" or "Séance"
/// goes up ("Atelier 5 - Session 1" → "Atelier 5 - Session 2", "Séance 2
/// — bilan" → "Séance 3 — bilan"). Any other number is left alone — in
/// "Atelier 5" or "Rétro 2026" it names the workshop or the year, not the
/// session — so such a title gets a counter: "Rétro 2026 (2)", then "(3)".
pub fn next_title(title: &str) -> String {
    let title = title.trim_end();
    if let Some((start, end, n)) = session_number(title) {
        return format!("{}{}{}", &title[..start], n + 1, &title[end..]);
    }
    let counter = title
        .strip_suffix(')')
        .and_then(|rest| rest.rsplit_once(" ("))
        .filter(|(_, n)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|(head, n)| Some((head, n.parse::<u64>().ok()?.checked_add(1)?)));
    match counter {
        Some((head, n)) => format!("{head} ({n})"),
        None => format!("{title} (2)"),
    }
}

/// Where the last session number of `title` sits (byte range) and its
/// value: a session word, then spaces, "n°" or "#", then digits.
fn session_number(title: &str) -> Option<(usize, usize, u64)> {
    let mut found = None;
    for (i, _) in title.char_indices() {
        if title[..i]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        for word in SESSION_WORDS {
            let mut chars = title[i..].chars();
            let same = word
                .chars()
                .all(|w| chars.next().is_some_and(|c| c.to_lowercase().eq([w])));
            if !same {
                continue;
            }
            let after = chars.as_str().trim_start();
            let after = ["n°", "N°", "#"]
                .iter()
                .find_map(|mark| after.strip_prefix(mark))
                .unwrap_or(after)
                .trim_start();
            let len = after.bytes().take_while(u8::is_ascii_digit).count();
            let next_is_word = after[len..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric);
            if len == 0 || next_is_word {
                continue;
            }
            if let Some(n) = after[..len].parse::<u64>().ok().filter(|n| *n < u64::MAX) {
                let start = title.len() - after.len();
                found = Some((start, start + len, n));
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::next_title;

    #[test]
    fn the_session_number_goes_up() {
        let cases = [
            ("Atelier 5 - Session 1", "Atelier 5 - Session 2"),
            ("Session 1", "Session 2"),
            ("séance 1", "séance 2"),
            ("Séance n° 2 — bilan", "Séance n° 3 — bilan"),
            ("SESSION 9", "SESSION 10"),
            ("Session 1 - Atelier 5", "Session 2 - Atelier 5"),
            ("Rétro", "Rétro (2)"),
            ("Rétro (2)", "Rétro (3)"),
            ("Atelier 5", "Atelier 5 (2)"),
            ("Rétro 2026", "Rétro 2026 (2)"),
            ("Sessions 2026", "Sessions 2026 (2)"),
            ("Session 12a", "Session 12a (2)"),
            (
                "Session 18446744073709551615",
                "Session 18446744073709551615 (2)",
            ),
        ];
        for (title, next) in cases {
            assert_eq!(next_title(title), next, "{title}");
        }
    }
}
