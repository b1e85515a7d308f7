use super::rows::text_id;
use super::{Refused, Result, Store, StoreError};
use crate::model::{Contribution, Id, SessionData, Stage, Tree};
use rusqlite::Transaction;
use std::collections::{HashMap, HashSet};

/// Puts contributions in tree order by moving them, not copying them: a
/// large session is held once in memory, not twice.
fn in_tree_order(all: Vec<Contribution>, stages: &[Stage]) -> Vec<Contribution> {
    let order: Vec<usize> = {
        let place: HashMap<Id, usize> = all.iter().enumerate().map(|(i, c)| (c.id, i)).collect();
        let tree = Tree::of(all.iter());
        stages
            .iter()
            .flat_map(|stage| tree.walk_stage(stage.id))
            .map(|(c, _)| place[&c.id])
            .collect()
    };
    let mut slots: Vec<Option<Contribution>> = all.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

/// A session with `stages`, `contributions` and everything else read from `conn`.
pub(super) fn read_parts(
    conn: &rusqlite::Connection,
    session: crate::model::Session,
    stages: Vec<Stage>,
    contributions: Vec<Contribution>,
) -> Result<SessionData> {
    let id = session.id;
    Ok(SessionData {
        session,
        participants: super::roster::participants(conn, id)?,
        stages,
        contributions,
        synthesis: super::synthesis::synthesis(conn, id)?,
        decisions: super::decisions::decisions(conn, id)?,
        actions: super::actions::actions(conn, id)?,
        passes: super::passes::passes(conn, id)?,
        themes: super::themes::themes(conn, id)?,
        voting: super::votes::voting(conn, id)?,
        links: super::links::links(conn, id)?,
        review: super::review::review_log(conn, id)?,
        room_merges: super::room_inbox::merges(conn, id)?,
        merge_conflicts: super::merge_conflicts::logged(conn, id)?,
    })
}

impl Store {
    /// Reads a whole session. Contributions come in tree order: stage by
    /// stage, each parent followed by its sub-points, siblings by position.
    pub fn load(&self, session: Id) -> Result<SessionData> {
        let s = self.session(session)?;
        self.read(|conn| {
            let stages = super::stages::stages(conn, session)?;
            let all = super::contributions::all(conn, session)?;
            let contributions = in_tree_order(all, &stages);
            read_parts(conn, s, stages, contributions)
        })
    }

    /// Which of `ids` already name a session, participant, stage or
    /// contribution in this database (ids are unique across the file).
    pub fn taken_ids(&self, ids: &[Id]) -> Result<HashSet<Id>> {
        let list = serde_json::Value::from(ids.iter().map(text_id).collect::<Vec<_>>()).to_string();
        self.read(|conn| {
            let mut taken = HashSet::new();
            for table in [
                "sessions",
                "participants",
                "stages",
                "contributions",
                "decisions",
                "actions",
                "themes",
                "votes",
                "links",
                "passes",
                "report_versions",
                "report_feedback",
                "report_sign_offs",
                "merge_conflicts",
            ] {
                let mut stmt = conn.prepare(&format!(
                    "SELECT id FROM {table} WHERE id IN (SELECT value FROM json_each(?1))"
                ))?;
                let found = stmt.query_map([&list], |r| super::rows::id(r, 0))?;
                for id in found {
                    taken.insert(id?);
                }
            }
            Ok(taken)
        })
    }

    /// Writes a whole session in one transaction: all of it or nothing.
    /// The data must already be validated (see `bundle`).
    pub fn insert_session_data(&mut self, data: &SessionData) -> Result<()> {
        self.insert_sessions(std::slice::from_ref(data))
    }

    /// Writes several whole sessions in one transaction: all or nothing.
    pub fn insert_sessions(&mut self, sessions: &[SessionData]) -> Result<()> {
        self.write(|tx| {
            for data in sessions {
                insert_one(tx, data)?;
            }
            Ok(())
        })
    }
}

pub(super) fn insert_one(tx: &Transaction, data: &SessionData) -> Result<()> {
    let id = data.session.id;
    let exists: bool = tx.query_row(
        "SELECT EXISTS(SELECT 1 FROM sessions WHERE id = ?1)",
        [text_id(&id)],
        |r| r.get(0),
    )?;
    if exists {
        return Err(StoreError::Invalid(Refused::AlreadyImported {
            id,
            title: data.session.title.clone(),
        }));
    }
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
    for d in &data.decisions {
        super::decisions::insert_row(tx, id, d)?;
    }
    for a in &data.actions {
        super::actions::insert_row(tx, id, a)?;
    }
    for t in &data.themes {
        super::themes::insert_row(tx, id, t)?;
    }
    super::votes::insert_all(tx, id, &data.voting)?;
    for l in &data.links {
        super::links::insert_row(tx, id, l)?;
    }
    for p in &data.passes {
        super::passes::insert_row(tx, id, p)?;
    }
    if !data.synthesis.is_empty() {
        super::synthesis::write_synthesis(tx, id, &data.synthesis, data.session.updated_at)?;
    }
    super::review::insert_all(tx, id, &data.review)?;
    for c in &data.merge_conflicts {
        super::merge_conflicts::insert_row(tx, id, c)?;
    }
    Ok(())
}
