use super::rows::text_id;
use super::{Result, Store, StoreError};
use crate::model::{Contribution, Id, SessionData};
use std::collections::HashMap;

impl Store {
    /// Reads a whole session. Contributions come in tree order: stage by
    /// stage, each parent followed by its sub-points, siblings by position.
    pub fn load(&self, session: Id) -> Result<SessionData> {
        let s = self.session(session)?;
        let stages = super::stages::stages(self.read(), session)?;
        let all = super::contributions::all(self.read(), session)?;
        let mut children: HashMap<(Id, Option<Id>), Vec<&Contribution>> = HashMap::new();
        for c in &all {
            children
                .entry((c.stage_id, c.parent_id))
                .or_default()
                .push(c);
        }
        for list in children.values_mut() {
            list.sort_by_key(|c| (c.position, c.id));
        }
        let mut contributions = Vec::with_capacity(all.len());
        for stage in &stages {
            walk(&children, stage.id, None, &mut contributions);
        }
        Ok(SessionData {
            session: s,
            participants: super::roster::participants(self.read(), session)?,
            stages,
            contributions,
            synthesis: super::synthesis::synthesis(self.read(), session)?,
        })
    }

    /// Writes a whole session in one transaction: all of it or nothing.
    /// The data must already be validated (see `bundle`).
    pub fn insert_session_data(&mut self, data: &SessionData) -> Result<()> {
        let id = data.session.id;
        let exists: bool = self.read().query_row(
            "SELECT EXISTS(SELECT 1 FROM sessions WHERE id = ?1)",
            [text_id(&id)],
            |r| r.get(0),
        )?;
        if exists {
            return Err(StoreError::Invalid(format!(
                "session {id} (\"{}\") is already in this database",
                data.session.title
            )));
        }
        self.write(|tx| {
            super::sessions::insert_session(tx, &data.session)?;
            for p in &data.participants {
                super::roster::insert_participant_row(tx, id, p)?;
            }
            for stage in &data.stages {
                super::stages::insert_stage_row(tx, id, stage, true)?;
            }
            for c in &data.contributions {
                super::contributions::insert_row(tx, id, c)?;
            }
            if !data.synthesis.is_empty() {
                super::synthesis::write_synthesis(tx, id, &data.synthesis)?;
            }
            Ok(())
        })
    }
}

/// Appends the sub-tree under `parent` in `stage`, parents first.
fn walk(
    children: &HashMap<(Id, Option<Id>), Vec<&Contribution>>,
    stage: Id,
    parent: Option<Id>,
    out: &mut Vec<Contribution>,
) {
    for c in children.get(&(stage, parent)).into_iter().flatten() {
        out.push((*c).clone());
        walk(children, stage, Some(c.id), out);
    }
}
