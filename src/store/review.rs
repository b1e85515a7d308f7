//! The review cycle: published report versions, participants' remarks on
//! them and sign-offs. Nothing is ever erased here: an undo marks a row
//! `removed_at` and a redo puts it back as it was.

use super::rows::{self, opt_text_id, opt_text_time, text_id, text_time};
use super::{Missing, Refused, Result, Store, StoreError, Tx};
use crate::model::{content_hash, new_id, Feedback, Id, ReportVersion, ReviewLog, SignOff};
use rusqlite::{params, Connection, OptionalExtension, Row};

const VERSION_COLUMNS: &str = "id, number, validated, note, sha256, published_at, removed_at";
const FEEDBACK_COLUMNS: &str = "id, version_id, participant_id, name, contribution_id, section, \
     text, at, applied_at, removed_at";
const SIGN_OFF_COLUMNS: &str = "id, version_id, participant_id, name, at, removed_at";

/// A remark to record (see `Tx::add_feedback`).
#[derive(Debug, Clone, PartialEq)]
pub struct NewFeedback {
    pub version: Id,
    /// Someone on the roster; `name` is then theirs.
    pub participant_id: Option<Id>,
    pub name: String,
    pub contribution_id: Option<Id>,
    pub section: String,
    pub text: String,
}

fn version_row(r: &Row) -> rusqlite::Result<ReportVersion> {
    Ok(ReportVersion {
        id: rows::id(r, 0)?,
        number: r.get(1)?,
        validated: r.get(2)?,
        note: r.get(3)?,
        sha256: r.get(4)?,
        published_at: rows::time(r, 5)?,
        removed_at: rows::opt_time(r, 6)?,
    })
}

fn feedback_row(r: &Row) -> rusqlite::Result<Feedback> {
    Ok(Feedback {
        id: rows::id(r, 0)?,
        version: rows::id(r, 1)?,
        participant_id: rows::opt_id(r, 2)?,
        name: r.get(3)?,
        contribution_id: rows::opt_id(r, 4)?,
        section: r.get(5)?,
        text: r.get(6)?,
        at: rows::time(r, 7)?,
        applied_at: rows::opt_time(r, 8)?,
        removed_at: rows::opt_time(r, 9)?,
    })
}

fn sign_off_row(r: &Row) -> rusqlite::Result<SignOff> {
    Ok(SignOff {
        id: rows::id(r, 0)?,
        version: rows::id(r, 1)?,
        participant_id: rows::opt_id(r, 2)?,
        name: r.get(3)?,
        at: rows::time(r, 4)?,
        removed_at: rows::opt_time(r, 5)?,
    })
}

fn all<T>(
    conn: &Connection,
    sql: &str,
    session: Id,
    f: fn(&Row) -> rusqlite::Result<T>,
) -> Result<Vec<T>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let list = stmt
        .query_map([text_id(&session)], f)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(list)
}

/// A session's review cycle, oldest first, rows taken back included.
pub(super) fn review_log(conn: &Connection, session: Id) -> Result<ReviewLog> {
    let mut log = ReviewLog {
        versions: all(
            conn,
            &format!(
                "SELECT {VERSION_COLUMNS} FROM report_versions WHERE session_id = ?1
                 ORDER BY published_at, number, id"
            ),
            session,
            version_row,
        )?,
        feedback: all(
            conn,
            &format!(
                "SELECT {FEEDBACK_COLUMNS} FROM report_feedback WHERE session_id = ?1
                 ORDER BY at, id"
            ),
            session,
            feedback_row,
        )?,
        sign_offs: all(
            conn,
            &format!(
                "SELECT {SIGN_OFF_COLUMNS} FROM report_sign_offs WHERE session_id = ?1
                 ORDER BY at, id"
            ),
            session,
            sign_off_row,
        )?,
        reports: all(
            conn,
            "SELECT id, report FROM report_versions WHERE session_id = ?1
             ORDER BY published_at, number, id",
            session,
            |r| Ok((rows::id(r, 0)?, r.get(1)?)),
        )?,
    };
    // Versions stored before the hash left the status out read as current
    // while what they say is unchanged (the file itself is not rewritten).
    log.rehash();
    Ok(log)
}

/// Writes a whole review cycle as a bundle holds it (already checked).
pub(super) fn insert_all(conn: &Connection, session: Id, log: &ReviewLog) -> Result<()> {
    for v in &log.versions {
        let report = log.report_of(v.id).unwrap_or_default();
        insert_version(conn, session, v, report)?;
    }
    for f in &log.feedback {
        insert_feedback(conn, session, f)?;
    }
    for s in &log.sign_offs {
        insert_sign_off(conn, session, s)?;
    }
    Ok(())
}

fn insert_version(conn: &Connection, session: Id, v: &ReportVersion, report: &str) -> Result<()> {
    conn.execute(
        &format!(
            "INSERT INTO report_versions (session_id, report, {VERSION_COLUMNS})
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
        ),
        params![
            text_id(&session),
            report,
            text_id(&v.id),
            v.number,
            v.validated,
            v.note,
            v.sha256,
            text_time(&v.published_at),
            opt_text_time(&v.removed_at)
        ],
    )?;
    Ok(())
}

fn insert_feedback(conn: &Connection, session: Id, f: &Feedback) -> Result<()> {
    conn.execute(
        &format!(
            "INSERT INTO report_feedback (session_id, {FEEDBACK_COLUMNS})
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
        ),
        params![
            text_id(&session),
            text_id(&f.id),
            text_id(&f.version),
            opt_text_id(&f.participant_id),
            f.name,
            opt_text_id(&f.contribution_id),
            f.section,
            f.text,
            text_time(&f.at),
            opt_text_time(&f.applied_at),
            opt_text_time(&f.removed_at)
        ],
    )?;
    Ok(())
}

fn insert_sign_off(conn: &Connection, session: Id, s: &SignOff) -> Result<()> {
    conn.execute(
        &format!(
            "INSERT INTO report_sign_offs (session_id, {SIGN_OFF_COLUMNS})
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
        ),
        params![
            text_id(&session),
            text_id(&s.id),
            text_id(&s.version),
            opt_text_id(&s.participant_id),
            s.name,
            text_time(&s.at),
            opt_text_time(&s.removed_at)
        ],
    )?;
    Ok(())
}

impl Store {
    /// A session's review cycle.
    pub fn review(&self, session: Id) -> Result<ReviewLog> {
        self.read(|conn| review_log(conn, session))
    }

    /// The report data participants received as standing version
    /// `number` of `session` (the report JSON).
    pub fn version_report(&self, session: Id, number: u32) -> Result<String> {
        self.read(|conn| {
            Ok(conn
                .query_row(
                    "SELECT report FROM report_versions
                     WHERE session_id = ?1 AND number = ?2 AND removed_at IS NULL",
                    params![text_id(&session), number],
                    |r| r.get(0),
                )
                .optional()?)
        })?
        .ok_or(StoreError::NotFound(Missing::ReportVersion(number)))
    }

    /// A standing remark of `session` from a full id or a unique prefix
    /// or suffix of one (`atelier review list` prints eight characters).
    pub fn resolve_feedback(&self, session: Id, reference: &str) -> Result<Id> {
        let named = super::short_ids::Named {
            table: "report_feedback",
            listed_only: true,
            not_an_id: Missing::NotAFeedbackId,
            none: Missing::NoFeedbackMatches,
            several: Missing::SeveralFeedback,
        };
        Ok(self.resolve_short(&named, Some(session), reference)?.1)
    }
}

impl Tx<'_> {
    pub fn review(&self, session: Id) -> Result<ReviewLog> {
        review_log(self, session)
    }

    /// Records the next version of the report, with `report` as the data
    /// participants received and its hash.
    pub fn publish(
        &self,
        session: Id,
        note: &str,
        validated: bool,
        report: &str,
    ) -> Result<ReportVersion> {
        let v = ReportVersion {
            id: new_id(),
            number: self.review(session)?.next_number(),
            validated,
            note: note.trim().to_string(),
            sha256: content_hash(report),
            published_at: self.now(),
            removed_at: None,
        };
        insert_version(self, session, &v, report)?;
        Ok(v)
    }

    /// Takes a version back or puts it back (`removed_at` as given); its
    /// content never changes. Returns it as it was. A version put back
    /// whose number another standing version took meanwhile is refused.
    pub fn put_version(&self, session: Id, v: &ReportVersion) -> Result<ReportVersion> {
        let log = self.review(session)?;
        let before = log
            .version_by_id(v.id)
            .cloned()
            .ok_or(StoreError::NotFound(Missing::ReportVersion(v.number)))?;
        let taken = log.version(v.number).is_some_and(|o| o.id != v.id);
        if v.removed_at.is_none() && taken {
            return Err(StoreError::Invalid(Refused::VersionTaken(v.number)));
        }
        self.execute(
            "UPDATE report_versions SET removed_at = ?2 WHERE id = ?1",
            params![text_id(&v.id), opt_text_time(&v.removed_at)],
        )?;
        Ok(before)
    }

    /// Records a remark on a standing version.
    pub fn add_feedback(&self, session: Id, new: &NewFeedback) -> Result<Feedback> {
        if new.text.trim().is_empty() {
            return Err(StoreError::Invalid(Refused::EmptyText));
        }
        let name = self.who(session, new.participant_id, &new.name)?;
        self.standing_version(session, new.version)?;
        if let Some(c) = new.contribution_id {
            self.contribution_of(session, c)?;
        }
        let f = Feedback {
            id: new_id(),
            version: new.version,
            participant_id: new.participant_id,
            name,
            contribution_id: new.contribution_id,
            section: new.section.trim().to_string(),
            text: new.text.clone(),
            at: self.now(),
            applied_at: None,
            removed_at: None,
        };
        insert_feedback(self, session, &f)?;
        Ok(f)
    }

    /// Puts a remark's applied and removed marks as given (its text never
    /// changes); returns it as it was.
    pub fn put_feedback(&self, session: Id, f: &Feedback) -> Result<Feedback> {
        let before = self
            .review(session)?
            .feedback
            .into_iter()
            .find(|x| x.id == f.id)
            .ok_or(StoreError::NotFound(Missing::Feedback(f.id)))?;
        self.execute(
            "UPDATE report_feedback SET applied_at = ?2, removed_at = ?3 WHERE id = ?1",
            params![
                text_id(&f.id),
                opt_text_time(&f.applied_at),
                opt_text_time(&f.removed_at)
            ],
        )?;
        Ok(before)
    }

    /// Records that someone approved a standing version.
    pub fn sign_off(
        &self,
        session: Id,
        version: Id,
        participant: Option<Id>,
        name: &str,
    ) -> Result<SignOff> {
        let name = self.who(session, participant, name)?;
        self.standing_version(session, version)?;
        let s = SignOff {
            id: new_id(),
            version,
            participant_id: participant,
            name,
            at: self.now(),
            removed_at: None,
        };
        insert_sign_off(self, session, &s)?;
        Ok(s)
    }

    /// Puts a sign-off's removed mark as given; returns it as it was.
    pub fn put_sign_off(&self, session: Id, s: &SignOff) -> Result<SignOff> {
        let before = self
            .review(session)?
            .sign_offs
            .into_iter()
            .find(|x| x.id == s.id)
            .ok_or(StoreError::NotFound(Missing::SignOff(s.id)))?;
        self.execute(
            "UPDATE report_sign_offs SET removed_at = ?2 WHERE id = ?1",
            params![text_id(&s.id), opt_text_time(&s.removed_at)],
        )?;
        Ok(before)
    }

    /// The name to keep for someone: a roster member's own name, or the
    /// name typed in (not empty).
    fn who(&self, session: Id, participant: Option<Id>, name: &str) -> Result<String> {
        let Some(p) = participant else {
            let name = name.trim();
            if name.is_empty() {
                return Err(StoreError::Invalid(Refused::EmptyName));
            }
            return Ok(name.to_string());
        };
        self.query_row(
            "SELECT name FROM participants WHERE id = ?1 AND session_id = ?2",
            params![text_id(&p), text_id(&session)],
            |r| r.get(0),
        )
        .optional()?
        .ok_or(StoreError::NotFound(Missing::Participant(p)))
    }

    fn standing_version(&self, session: Id, version: Id) -> Result<()> {
        let stands: bool = self.query_row(
            "SELECT EXISTS (SELECT 1 FROM report_versions WHERE id = ?1 AND session_id = ?2
             AND removed_at IS NULL)",
            params![text_id(&version), text_id(&session)],
            |r| r.get(0),
        )?;
        if stands {
            Ok(())
        } else {
            Err(StoreError::NotFound(Missing::VersionId(version)))
        }
    }

    /// A remark may be about any contribution of the session, even one
    /// deleted since the version it read.
    fn contribution_of(&self, session: Id, id: Id) -> Result<()> {
        let found: bool = self.query_row(
            "SELECT EXISTS (SELECT 1 FROM contributions WHERE id = ?1 AND session_id = ?2)",
            params![text_id(&id), text_id(&session)],
            |r| r.get(0),
        )?;
        if found {
            Ok(())
        } else {
            Err(StoreError::NotFound(Missing::Contribution(id)))
        }
    }
}
