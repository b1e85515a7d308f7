use super::rows::{self, text_id, text_time};
use super::{Missing, Refused, Result, Store, StoreError, Tx};
use crate::model::{new_id, Id, Lang, Segment, Stage, Template, TimerEffect};
use rusqlite::{params, OptionalExtension, Transaction};
use std::collections::HashMap;

pub(super) fn insert_template_stages(
    tx: &Transaction,
    session: Id,
    template: &Template,
    lang: Lang,
) -> rusqlite::Result<()> {
    for stage in template.new_stages(lang) {
        insert_stage_row(tx, session, &stage, true)?;
    }
    Ok(())
}

/// Inserts a stage; `keep_run` false starts it afresh (new id, no time
/// segments, no notes), as when a session is duplicated.
pub(super) fn insert_stage_row(
    tx: &Transaction,
    session: Id,
    s: &Stage,
    keep_run: bool,
) -> rusqlite::Result<()> {
    let (id, notes) = if keep_run {
        (s.id, s.notes.as_str())
    } else {
        (new_id(), "")
    };
    tx.execute(
        "INSERT INTO stages (id, session_id, key, title, position, planned_minutes, notes, structure)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            text_id(&id),
            text_id(&session),
            s.key,
            s.title,
            s.position,
            s.planned_minutes,
            notes,
            s.structure.key(),
        ],
    )?;
    if keep_run {
        insert_segments(tx, id, &s.segments)?;
        super::structures::write_steps(tx, id, &s.step_starts)?;
    }
    Ok(())
}

fn insert_segments(tx: &Transaction, stage: Id, segments: &[Segment]) -> rusqlite::Result<()> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO stage_segments (stage_id, started_at, ended_at) VALUES (?1, ?2, ?3)",
    )?;
    for s in segments {
        stmt.execute(params![
            text_id(&stage),
            text_time(&s.started_at),
            rows::opt_text_time(&s.ended_at)
        ])?;
    }
    Ok(())
}

pub(super) const STAGE_COLUMNS: &str =
    "id, key, title, position, planned_minutes, notes, structure";

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
        // Its times are its segments, read apart.
        segments: Vec::new(),
        notes: r.get(5)?,
        structure: super::structures::read_structure(r, 6)?,
        // Read apart, as the segments are.
        step_starts: Vec::new(),
    })
}

pub(super) fn stages(conn: &rusqlite::Connection, session: Id) -> Result<Vec<Stage>> {
    let mut stmt = conn.prepare(&stages_sql())?;
    let mut list = stmt
        .query_map([text_id(&session)], stage_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let index: HashMap<Id, usize> = list.iter().enumerate().map(|(i, s)| (s.id, i)).collect();
    let mut stmt = conn.prepare(
        "SELECT g.stage_id, g.started_at, g.ended_at FROM stage_segments g
         JOIN stages s ON s.id = g.stage_id WHERE s.session_id = ?1 ORDER BY g.id",
    )?;
    let segments = stmt.query_map([text_id(&session)], |r| {
        Ok((
            rows::id(r, 0)?,
            Segment {
                started_at: rows::time(r, 1)?,
                ended_at: rows::opt_time(r, 2)?,
            },
        ))
    })?;
    for segment in segments {
        let (stage, segment) = segment?;
        if let Some(&i) = index.get(&stage) {
            list[i].segments.push(segment);
        }
    }
    super::structures::attach_steps(conn, session, &mut list)?;
    Ok(list)
}

/// The session a stage belongs to.
pub(super) fn stage_session(tx: &Transaction, stage: Id) -> Result<Id> {
    tx.query_row(
        "SELECT session_id FROM stages WHERE id = ?1",
        [text_id(&stage)],
        |r| rows::id(r, 0),
    )
    .optional()?
    .ok_or_else(|| StoreError::NotFound(Missing::Stage(stage)))
}

/// Timing and notes primitives, for the command layer.
impl Tx<'_> {
    /// One stage with its segments.
    pub fn stage(&self, stage: Id) -> Result<Stage> {
        let session = stage_session(self, stage)?;
        stages(self, session)?
            .into_iter()
            .find(|s| s.id == stage)
            .ok_or_else(|| StoreError::NotFound(Missing::Stage(stage)))
    }

    /// Every stage of a session, in order, with its segments.
    pub fn stages(&self, session: Id) -> Result<Vec<Stage>> {
        stages(self, session)
    }

    pub fn stage_session(&self, stage: Id) -> Result<Id> {
        stage_session(self, stage)
    }

    /// Writes what the timer model decided for `stage`.
    pub fn write_timer(&self, stage: Id, effect: TimerEffect) -> Result<()> {
        match effect {
            TimerEffect::Open(at) => insert_segments(
                self,
                stage,
                &[Segment {
                    started_at: at,
                    ended_at: None,
                }],
            )?,
            TimerEffect::Close(at) => {
                self.execute(
                    "UPDATE stage_segments SET ended_at = ?2 WHERE stage_id = ?1 AND ended_at IS NULL",
                    params![text_id(&stage), text_time(&at)],
                )?;
            }
            TimerEffect::Nothing => {}
        }
        Ok(())
    }

    /// Replaces a stage's segments with `segments` (to undo a timing change).
    pub fn put_segments(&self, stage: Id, segments: &[Segment]) -> Result<()> {
        self.execute(
            "DELETE FROM stage_segments WHERE stage_id = ?1",
            [text_id(&stage)],
        )?;
        insert_segments(self, stage, segments)?;
        Ok(())
    }

    pub fn set_stage_notes(&self, stage: Id, notes: &str) -> Result<()> {
        let n = self.execute(
            "UPDATE stages SET notes = ?2 WHERE id = ?1",
            params![text_id(&stage), notes],
        )?;
        if n == 0 {
            return Err(StoreError::NotFound(Missing::Stage(stage)));
        }
        Ok(())
    }

    pub fn set_planned_minutes(&self, stage: Id, minutes: u32) -> Result<()> {
        let n = self.execute(
            "UPDATE stages SET planned_minutes = ?2 WHERE id = ?1",
            params![text_id(&stage), minutes],
        )?;
        if n == 0 {
            return Err(StoreError::NotFound(Missing::Stage(stage)));
        }
        Ok(())
    }

    pub fn set_stage_title(&self, stage: Id, title: &str) -> Result<()> {
        let n = self.execute(
            "UPDATE stages SET title = ?2 WHERE id = ?1",
            params![text_id(&stage), title],
        )?;
        if n == 0 {
            return Err(StoreError::NotFound(Missing::Stage(stage)));
        }
        Ok(())
    }

    /// Replaces every stage of a session with `stages` (ids, notes and
    /// segments as given) and names the template they come from. Only
    /// while nothing has been recorded, so no contribution loses its stage.
    pub fn replace_stages(&self, session: Id, template: &str, stages: &[Stage]) -> Result<()> {
        let recorded: i64 = self.query_row(
            "SELECT count(*) FROM contributions WHERE session_id = ?1",
            [text_id(&session)],
            |r| r.get(0),
        )?;
        if recorded > 0 {
            return Err(StoreError::Invalid(Refused::TemplateLocked));
        }
        self.execute(
            "DELETE FROM stages WHERE session_id = ?1",
            [text_id(&session)],
        )?;
        for stage in stages {
            insert_stage_row(self, session, stage, true)?;
        }
        self.execute(
            "UPDATE sessions SET template = ?2 WHERE id = ?1",
            params![text_id(&session), template],
        )?;
        Ok(())
    }

    /// Moves the session's clock from `leaving` to `stage`: the stage left
    /// stops, `stage` runs. Returns the stages whose segments changed.
    pub fn enter_stage(&self, stage: Id, leaving: Option<Id>) -> Result<Vec<Id>> {
        let mut changed = Vec::new();
        if let Some(left) = leaving.filter(|l| *l != stage) {
            let effect = self.stage(left)?.timer().stop(self.now());
            self.write_timer(left, effect)?;
            if effect != TimerEffect::Nothing {
                changed.push(left);
            }
        }
        let effect = self.stage(stage)?.timer().start(self.now());
        self.write_timer(stage, effect)?;
        if effect != TimerEffect::Nothing {
            changed.push(stage);
        }
        Ok(changed)
    }
}

impl Store {
    pub fn stages(&self, session: Id) -> Result<Vec<Stage>> {
        self.read(|conn| stages(conn, session))
    }

    /// Records that the facilitator entered `stage`: a new time segment
    /// for it and, for the stage left, the end of its segment. The session
    /// becomes `running`.
    pub fn enter_stage(&mut self, session: Id, stage: Id, leaving: Option<Id>) -> Result<()> {
        self.write(|tx| {
            if stage_session(tx, stage)? != session {
                return Err(StoreError::NotFound(Missing::Stage(stage)));
            }
            tx.enter_stage(stage, leaving)?;
            tx.execute(
                "UPDATE sessions SET status = 'running', updated_at = ?2 WHERE id = ?1 AND status = 'draft'",
                params![text_id(&session), text_time(&tx.now())],
            )?;
            Ok(())
        })
    }

    pub fn set_stage_title(&mut self, stage: Id, title: &str) -> Result<()> {
        self.write(|tx| tx.set_stage_title(stage, title))
    }

    pub fn set_stage_notes(&mut self, stage: Id, notes: &str) -> Result<()> {
        self.write(|tx| tx.set_stage_notes(stage, notes))
    }
}
