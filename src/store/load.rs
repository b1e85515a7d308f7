use super::rows::text_id;
use super::{Result, Store, StoreError};
use crate::model::{Id, SessionData, Tree};

impl Store {
    /// Reads a whole session. Contributions come in tree order: stage by
    /// stage, each parent followed by its sub-points, siblings by position.
    pub fn load(&self, session: Id) -> Result<SessionData> {
        let s = self.session(session)?;
        let stages = super::stages::stages(self.read(), session)?;
        let all = super::contributions::all(self.read(), session)?;
        let tree = Tree::of(all.iter());
        let contributions = stages
            .iter()
            .flat_map(|stage| tree.walk_stage(stage.id))
            .map(|(c, _)| c.clone())
            .collect();
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
