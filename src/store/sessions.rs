use super::rows::{self, text_id, text_time};
use super::{Missing, Refused, Result, Store, StoreError, Tx};
use crate::model::{
    new_id, parse_date, Anonymity, DiscussionOrder, Id, Lang, PersonStats, ReportChoices, Session,
    SessionStatus, Template, Timestamp,
};
use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Row, Transaction};

/// What `Store::create_session` needs.
#[derive(Debug, Clone)]
pub struct NewSession {
    pub title: String,
    pub event: String,
    pub date: NaiveDate,
    pub language: Lang,
    pub question: String,
    pub context: String,
    pub lead: String,
    pub participants: Vec<String>,
}

/// One line of the session list.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionSummary {
    pub id: Id,
    pub title: String,
    pub event: String,
    pub date: NaiveDate,
    pub status: SessionStatus,
    pub language: Lang,
    pub participants: i64,
    pub contributions: i64,
    pub archived: bool,
    pub question: String,
    /// The session this one follows (a workshop run over several).
    pub previous_id: Option<Id>,
    /// The synthesis' proposal ('' when none yet).
    pub proposal: String,
}

pub(super) const SESSION_COLUMNS: &str = "id, title, event, date, language, template, question, \
     context, lead, anonymity, status, created_at, updated_at, archived_at, previous_id, \
     report_order, report_person_stats, place, pseudonym_seed, reopened_at";

pub(super) fn session_from_row(r: &Row) -> rusqlite::Result<Session> {
    Ok(Session {
        id: rows::id(r, 0)?,
        title: r.get(1)?,
        event: r.get(2)?,
        date: rows::parsed(r, 3, "date", parse_date)?,
        language: rows::parsed(r, 4, "language", Lang::parse)?,
        template: r.get(5)?,
        question: r.get(6)?,
        context: r.get(7)?,
        lead: r.get(8)?,
        anonymity: rows::parsed(r, 9, "anonymity", Anonymity::parse)?,
        status: rows::parsed(r, 10, "status", SessionStatus::parse)?,
        created_at: rows::time(r, 11)?,
        updated_at: rows::time(r, 12)?,
        archived_at: rows::opt_time(r, 13)?,
        previous_id: rows::opt_id(r, 14)?,
        report: ReportChoices {
            order: rows::parsed(r, 15, "report_order", DiscussionOrder::parse)?,
            person_stats: rows::parsed(r, 16, "report_person_stats", PersonStats::parse)?,
        },
        place: r.get(17)?,
        pseudonym_seed: r.get(18)?,
        reopened_at: rows::opt_time(r, 19)?,
    })
}

pub(super) fn insert_session(tx: &Transaction, s: &Session) -> rusqlite::Result<()> {
    tx.execute(
        &format!("INSERT INTO sessions ({SESSION_COLUMNS}) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20)"),
        params![
            text_id(&s.id),
            s.title,
            s.event,
            s.date.format("%Y-%m-%d").to_string(),
            s.language.code(),
            s.template,
            s.question,
            s.context,
            s.lead,
            s.anonymity.key(),
            s.status.key(),
            text_time(&s.created_at),
            text_time(&s.updated_at),
            rows::opt_text_time(&s.archived_at),
            rows::opt_text_id(&s.previous_id),
            s.report.order.key(),
            s.report.person_stats.key(),
            s.place,
            s.pseudonym_seed,
            rows::opt_text_time(&s.reopened_at),
        ],
    )?;
    Ok(())
}

/// Marks a session as changed now; every write to its content calls this.
pub(super) fn touch(tx: &Transaction, session: Id, at: &Timestamp) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE sessions SET updated_at = ?2 WHERE id = ?1",
        params![text_id(&session), text_time(at)],
    )?;
    Ok(())
}

/// Session primitives, for the command layer.
impl Tx<'_> {
    pub fn session(&self, id: Id) -> Result<Session> {
        self.query_row(
            &format!("SELECT {SESSION_COLUMNS} FROM sessions WHERE id = ?1"),
            [text_id(&id)],
            session_from_row,
        )
        .optional()?
        .ok_or_else(|| StoreError::NotFound(Missing::Session(id)))
    }

    /// Marks the session as changed at this transaction's instant.
    pub fn touch(&self, session: Id) -> Result<()> {
        found(
            self.execute(
                "UPDATE sessions SET updated_at = ?2 WHERE id = ?1",
                params![text_id(&session), text_time(&self.now())],
            )?,
            session,
        )
    }

    /// Marks the session reopened (to correct its report) at `at`.
    pub fn set_reopened(&self, session: Id, at: Option<Timestamp>) -> Result<()> {
        found(
            self.execute(
                "UPDATE sessions SET reopened_at = ?2 WHERE id = ?1",
                params![text_id(&session), rows::opt_text_time(&at)],
            )?,
            session,
        )
    }

    pub fn set_status(&self, session: Id, status: SessionStatus) -> Result<()> {
        found(
            self.execute(
                "UPDATE sessions SET status = ?2 WHERE id = ?1",
                params![text_id(&session), status.key()],
            )?,
            session,
        )
    }

    /// Writes the fields the set-up edits (not language, template or status,
    /// which have their own commands).
    pub fn set_details(&self, s: &Session) -> Result<()> {
        if s.title.trim().is_empty() {
            return Err(StoreError::Invalid(Refused::EmptyTitle));
        }
        found(
            self.execute(
                "UPDATE sessions SET title=?2, event=?3, date=?4, question=?5, context=?6,
                 lead=?7, anonymity=?8, report_order=?9, report_person_stats=?10, place=?11 WHERE id=?1",
                params![
                    text_id(&s.id),
                    s.title.trim(),
                    s.event,
                    s.date.format("%Y-%m-%d").to_string(),
                    s.question,
                    s.context,
                    s.lead,
                    s.anonymity.key(),
                    s.report.order.key(),
                    s.report.person_stats.key(),
                    s.place.trim(),
                ],
            )?,
            s.id,
        )
    }

    pub fn set_language(&self, session: Id, language: Lang) -> Result<()> {
        found(
            self.execute(
                "UPDATE sessions SET language = ?2 WHERE id = ?1",
                params![text_id(&session), language.code()],
            )?,
            session,
        )
    }
}

impl Store {
    /// Creates a session with the template's stages (titled in the
    /// session's language) and the given roster.
    pub fn create_session(&mut self, new: &NewSession, template: &Template) -> Result<Id> {
        if new.title.trim().is_empty() {
            return Err(StoreError::Invalid(Refused::EmptyTitle));
        }
        let t = self.clock.now();
        let session = Session {
            id: new_id(),
            title: new.title.trim().to_string(),
            event: new.event.trim().to_string(),
            date: new.date,
            language: new.language,
            template: template.key.clone(),
            question: new.question.trim().to_string(),
            context: new.context.trim().to_string(),
            lead: new.lead.trim().to_string(),
            anonymity: Anonymity::Named,
            status: SessionStatus::Draft,
            created_at: t,
            updated_at: t,
            archived_at: None,
            previous_id: None,
            report: ReportChoices::default(),
            place: String::new(),
            pseudonym_seed: crate::model::new_seed(),
            reopened_at: None,
        };
        self.write(|tx| {
            insert_session(tx, &session)?;
            super::stages::insert_template_stages(tx, session.id, template, session.language)?;
            for name in &new.participants {
                super::roster::insert_participant(tx, session.id, name, "")?;
            }
            Ok(session.id)
        })
    }

    pub fn session(&self, id: Id) -> Result<Session> {
        self.read(|conn| {
            conn.query_row(
                &format!("SELECT {SESSION_COLUMNS} FROM sessions WHERE id = ?1"),
                [text_id(&id)],
                session_from_row,
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(Missing::Session(id)))
        })
    }

    /// Saves the editable fields of a session (set-up screen).
    pub fn update_session(&mut self, s: &Session) -> Result<()> {
        if s.title.trim().is_empty() {
            return Err(StoreError::Invalid(Refused::EmptyTitle));
        }
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE sessions SET title=?2, event=?3, date=?4, language=?5, question=?6,
                 context=?7, lead=?8, anonymity=?9, status=?10, updated_at=?11 WHERE id=?1",
                params![
                    text_id(&s.id),
                    s.title.trim(),
                    s.event,
                    s.date.format("%Y-%m-%d").to_string(),
                    s.language.code(),
                    s.question,
                    s.context,
                    s.lead,
                    s.anonymity.key(),
                    s.status.key(),
                    text_time(&tx.now()),
                ],
            )?;
            found(n, s.id)
        })
    }

    pub fn set_status(&mut self, id: Id, status: SessionStatus) -> Result<()> {
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE sessions SET status=?2, updated_at=?3 WHERE id=?1",
                params![text_id(&id), status.key(), text_time(&tx.now())],
            )?;
            found(n, id)
        })
    }

    /// Hides a session from the list; `unarchive` brings it back.
    pub fn archive(&mut self, id: Id) -> Result<()> {
        let at = self.clock.now();
        self.set_archived(id, Some(at))
    }

    pub fn unarchive(&mut self, id: Id) -> Result<()> {
        self.set_archived(id, None)
    }

    fn set_archived(&mut self, id: Id, at: Option<Timestamp>) -> Result<()> {
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE sessions SET archived_at=?2 WHERE id=?1",
                params![text_id(&id), rows::opt_text_time(&at)],
            )?;
            found(n, id)
        })
    }

    /// Deletes a session and everything in it, for good.
    pub fn delete_session(&mut self, id: Id) -> Result<()> {
        self.write(|tx| {
            // Cut the sub-point links first: the cascade would otherwise
            // recurse once per level and fail on a deep chain.
            tx.execute(
                "UPDATE contributions SET parent_id = NULL WHERE session_id = ?1",
                [text_id(&id)],
            )?;
            let n = tx.execute("DELETE FROM sessions WHERE id=?1", [text_id(&id)])?;
            found(n, id)
        })
    }

    /// Sessions, newest first. Archived ones only when asked.
    pub fn list_sessions(&self, include_archived: bool) -> Result<Vec<SessionSummary>> {
        self.read(|conn| list_sessions(conn, include_archived))
    }

    /// Finds a session from what a user typed: a full id, a unique prefix
    /// of one, or `latest` (the session most recently added to this file).
    pub fn resolve_session(&self, reference: &str) -> Result<Id> {
        let r = reference.trim().to_ascii_lowercase();
        if r == "latest" {
            return self.read(|conn| {
                conn.query_row(
                    "SELECT id FROM sessions WHERE archived_at IS NULL ORDER BY rowid DESC LIMIT 1",
                    [],
                    |row| rows::id(row, 0),
                )
                .optional()?
                .ok_or_else(|| StoreError::NotFound(Missing::NoSessionYet))
            });
        }
        if r.is_empty() || !r.chars().all(|c| c.is_ascii_hexdigit() || c == '-') {
            return Err(StoreError::NotFound(Missing::NotASessionId(
                reference.into(),
            )));
        }
        let ids = self.read(|conn| {
            let mut stmt =
                conn.prepare("SELECT id FROM sessions WHERE id LIKE ?1 || '%' LIMIT 2")?;
            let ids = stmt
                .query_map([&r], |row| rows::id(row, 0))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(ids)
        })?;
        match ids.as_slice() {
            [one] => Ok(*one),
            [] => Err(StoreError::NotFound(Missing::NoSessionMatches(
                reference.into(),
            ))),
            _ => Err(StoreError::NotFound(Missing::SeveralSessions(
                reference.into(),
            ))),
        }
    }
}

fn found(n: usize, id: Id) -> Result<()> {
    if n == 0 {
        Err(StoreError::NotFound(Missing::Session(id)))
    } else {
        Ok(())
    }
}

/// The session list, newest first, with its counts: live contributions
/// are counted from the covering index `contributions_by_session_state`,
/// never by reading their rows.
pub(super) const LIST_SESSIONS: &str =
    "SELECT s.id, s.title, s.event, s.date, s.status, s.language, s.archived_at IS NOT NULL,
       (SELECT count(*) FROM participants p WHERE p.session_id = s.id AND p.removed_at IS NULL),
       (SELECT count(*) FROM contributions c WHERE c.session_id = s.id AND c.deleted_at IS NULL),
       s.question, s.previous_id,
       coalesce((SELECT y.proposal FROM synthesis y WHERE y.session_id = s.id), '')
     FROM sessions s
     WHERE ?1 OR s.archived_at IS NULL
     ORDER BY s.date DESC, s.created_at DESC, s.rowid DESC";

fn list_sessions(
    conn: &rusqlite::Connection,
    include_archived: bool,
) -> Result<Vec<SessionSummary>> {
    let mut stmt = conn.prepare(LIST_SESSIONS)?;
    let list = stmt
        .query_map([include_archived], |r| {
            Ok(SessionSummary {
                id: rows::id(r, 0)?,
                title: r.get(1)?,
                event: r.get(2)?,
                date: rows::parsed(r, 3, "date", parse_date)?,
                status: rows::parsed(r, 4, "status", SessionStatus::parse)?,
                language: rows::parsed(r, 5, "language", Lang::parse)?,
                archived: r.get(6)?,
                participants: r.get(7)?,
                contributions: r.get(8)?,
                question: r.get(9)?,
                previous_id: rows::opt_id(r, 10)?,
                proposal: r.get(11)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(list)
}
