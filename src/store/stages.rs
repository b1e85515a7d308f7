use super::rows::{self, text_id, text_time};
use super::{Result, Store, StoreError};
use crate::model::{new_id, now, Id, Lang, SessionStatus, Stage, Template};
use rusqlite::{params, Transaction};

pub(super) fn insert_template_stages(
    tx: &Transaction,
    session: Id,
    template: &Template,
    lang: Lang,
) -> rusqlite::Result<()> {
    for (i, ts) in template.stages.iter().enumerate() {
        let stage = Stage {
            id: new_id(),
            key: ts.key.clone(),
            title: ts.title.get(lang).to_string(),
            position: i as i64 + 1,
            planned_minutes: ts.minutes,
            started_at: None,
            ended_at: None,
            notes: String::new(),
        };
        insert_stage_row(tx, session, &stage, true)?;
    }
    Ok(())
}

/// Inserts a stage; `keep_run` false starts it afresh (new id, no times,
/// no notes), as when a session is duplicated.
pub(super) fn insert_stage_row(
    tx: &Transaction,
    session: Id,
    s: &Stage,
    keep_run: bool,
) -> rusqlite::Result<()> {
    let (id, started, ended, notes) = if keep_run {
        (s.id, s.started_at, s.ended_at, s.notes.as_str())
    } else {
        (new_id(), None, None, "")
    };
    tx.execute(
        "INSERT INTO stages (id, session_id, key, title, position, planned_minutes,
                             started_at, ended_at, notes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            text_id(&id),
            text_id(&session),
            s.key,
            s.title,
            s.position,
            s.planned_minutes,
            rows::opt_text_time(&started),
            rows::opt_text_time(&ended),
            notes,
        ],
    )?;
    Ok(())
}

pub(super) const STAGE_COLUMNS: &str =
    "id, key, title, position, planned_minutes, started_at, ended_at, notes";

/// A session's stages in order, along `stages_by_session`.
pub(super) fn stages_sql() -> String {
    format!("SELECT {STAGE_COLUMNS} FROM stages WHERE session_id = ?1 ORDER BY position")
}

pub(super) fn stage_from_row(r: &rusqlite::Row) -> rusqlite::Result<Stage> {
    Ok(Stage {
        id: rows::id(r, 0)?,
        key: r.get(1)?,
        title: r.get(2)?,
        position: r.get(3)?,
        planned_minutes: r.get(4)?,
        started_at: rows::opt_time(r, 5)?,
        ended_at: rows::opt_time(r, 6)?,
        notes: r.get(7)?,
    })
}

pub(super) fn stages(conn: &rusqlite::Connection, session: Id) -> Result<Vec<Stage>> {
    let mut stmt = conn.prepare(&stages_sql())?;
    let list = stmt
        .query_map([text_id(&session)], stage_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(list)
}

impl Store {
    pub fn stages(&self, session: Id) -> Result<Vec<Stage>> {
        self.read(|conn| stages(conn, session))
    }

    /// Records that the facilitator entered `stage`: its start time (kept
    /// if it was already started) and, for the stage left, its end time.
    /// The session becomes `running`.
    pub fn enter_stage(&mut self, session: Id, stage: Id, leaving: Option<Id>) -> Result<()> {
        self.write(|tx| {
            let t = text_time(&now());
            if let Some(left) = leaving.filter(|l| *l != stage) {
                tx.execute(
                    "UPDATE stages SET ended_at = ?2 WHERE id = ?1 AND started_at IS NOT NULL",
                    params![text_id(&left), t],
                )?;
            }
            let n = tx.execute(
                "UPDATE stages SET started_at = coalesce(started_at, ?2), ended_at = NULL
                 WHERE id = ?1 AND session_id = ?3",
                params![text_id(&stage), t, text_id(&session)],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound(format!("no stage with id {stage}")));
            }
            tx.execute(
                "UPDATE sessions SET status = ?2, updated_at = ?3 WHERE id = ?1 AND status = 'draft'",
                params![text_id(&session), SessionStatus::Running.key(), t],
            )?;
            Ok(())
        })
    }

    /// Records the end of a stage (e.g. the last one, when the session ends).
    pub fn end_stage(&mut self, stage: Id) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "UPDATE stages SET ended_at = ?2 WHERE id = ?1 AND started_at IS NOT NULL",
                params![text_id(&stage), text_time(&now())],
            )?;
            Ok(())
        })
    }

    pub fn set_stage_title(&mut self, stage: Id, title: &str) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "UPDATE stages SET title = ?2 WHERE id = ?1",
                params![text_id(&stage), title],
            )?;
            Ok(())
        })
    }

    pub fn set_stage_notes(&mut self, stage: Id, notes: &str) -> Result<()> {
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE stages SET notes = ?2 WHERE id = ?1",
                params![text_id(&stage), notes],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound(format!("no stage with id {stage}")));
            }
            Ok(())
        })
    }

    /// Switches a session to another template, replacing its stages. Only
    /// while nothing has been recorded, so no contribution loses its stage.
    pub fn set_template(&mut self, session: Id, template: &Template) -> Result<()> {
        let s = self.session(session)?;
        self.write(|tx| {
            let recorded: i64 = tx.query_row(
                "SELECT count(*) FROM contributions WHERE session_id = ?1",
                [text_id(&session)],
                |r| r.get(0),
            )?;
            if recorded > 0 {
                return Err(StoreError::Invalid(
                    "the template can only change before anything is recorded".into(),
                ));
            }
            tx.execute(
                "DELETE FROM stages WHERE session_id = ?1",
                [text_id(&session)],
            )?;
            insert_template_stages(tx, session, template, s.language)?;
            tx.execute(
                "UPDATE sessions SET template = ?2, updated_at = ?3 WHERE id = ?1",
                params![text_id(&session), template.key, text_time(&now())],
            )?;
            Ok(())
        })
    }
}
