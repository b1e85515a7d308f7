//! Writing an import: new sessions whole, and merge plans (see
//! `bundle::merge`) into the sessions they share an id with, all in one
//! transaction.

use super::rows::{opt_text_id, text_id, text_time};
use super::{Result, Store, Tx};
use crate::model::merge::{MergePlan, Record};
use crate::model::SessionData;
use rusqlite::params;

impl Store {
    /// Writes the new sessions and the merges (each with the file it came
    /// from) in one transaction: all of them or nothing.
    pub fn import(&mut self, new: &[SessionData], merges: &[(MergePlan, String)]) -> Result<()> {
        self.write(|tx| {
            for data in new {
                super::load::insert_one(tx, data)?;
            }
            for (plan, file) in merges {
                write_plan(tx, plan, file)?;
            }
            Ok(())
        })
    }
}

fn write_plan(tx: &Tx, plan: &MergePlan, file: &str) -> Result<()> {
    let session = plan.session;
    let a = &plan.added;
    for p in &a.participants {
        super::roster::insert_participant_row(tx, session, p)?;
    }
    for s in &a.stages {
        super::stages::insert_stage_row(tx, session, s, true)?;
    }
    for c in &a.contributions {
        let mut c = c.clone();
        c.position = super::contribution_writes::next_position(tx, c.stage_id, c.parent_id)?;
        super::contributions::insert_row(tx, session, &c)?;
    }
    for d in &a.decisions {
        super::decisions::insert_row(tx, session, d)?;
    }
    for x in &a.actions {
        super::actions::insert_row(tx, session, x)?;
    }
    for t in &a.themes {
        super::themes::insert_row(tx, session, t)?;
    }
    for l in &a.links {
        super::links::insert_row(tx, session, l)?;
    }
    for p in &a.passes {
        super::passes::insert_row(tx, session, p)?;
    }
    for v in &a.votes {
        super::votes::insert_row(tx, session, v)?;
    }
    for e in &plan.edits {
        tx.execute(
            "UPDATE contributions SET text = ?2, updated_at = ?3 WHERE id = ?1",
            params![text_id(&e.id), e.text, text_time(&e.updated_at)],
        )?;
        tx.execute(
            "DELETE FROM revisions WHERE contribution_id = ?1",
            [text_id(&e.id)],
        )?;
        for r in &e.revisions {
            tx.execute(
                "INSERT INTO revisions (contribution_id, text, replaced_at) VALUES (?1, ?2, ?3)",
                params![text_id(&e.id), r.text, text_time(&r.replaced_at)],
            )?;
        }
        if e.restore {
            tx.execute(
                "UPDATE contributions SET deleted_at = NULL WHERE id = ?1",
                [text_id(&e.id)],
            )?;
        }
    }
    for (id, at) in &plan.deletions {
        tx.execute(
            "UPDATE contributions SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
            params![text_id(id), text_time(at)],
        )?;
    }
    for r in &plan.removals {
        let table = match r.record {
            Record::Participant => "participants",
            Record::Decision => "decisions",
            Record::Action => "actions",
            Record::Theme => "themes",
            Record::Link => "links",
            Record::Pass => "passes",
            Record::Vote => "votes",
        };
        tx.execute(
            &format!("UPDATE {table} SET removed_at = ?2 WHERE id = ?1 AND removed_at IS NULL"),
            params![text_id(&r.id), text_time(&r.at)],
        )?;
        if r.record == Record::Theme {
            // A theme taken back holds no items (they go back to unsorted).
            tx.execute(
                "DELETE FROM theme_items WHERE theme_id = ?1",
                [text_id(&r.id)],
            )?;
        }
    }
    for id in &plan.done {
        tx.execute(
            "UPDATE actions SET status = 'done' WHERE id = ?1",
            [text_id(id)],
        )?;
    }
    if plan.anonymise {
        tx.execute(
            "UPDATE sessions SET anonymity = 'anonymous' WHERE id = ?1",
            [text_id(&session)],
        )?;
    }
    if let Some(s) = &plan.synthesis {
        super::synthesis::write_synthesis(tx, session, s, tx.now())?;
    }
    for c in &plan.conflicts {
        if let Some(copy) = &c.copy {
            tx.execute(
                "UPDATE contributions SET position = position + 1
                 WHERE stage_id = ?1 AND parent_id IS ?2 AND position >= ?3",
                params![
                    text_id(&copy.stage_id),
                    opt_text_id(&copy.parent_id),
                    copy.position
                ],
            )?;
            super::contributions::insert_row(tx, session, copy)?;
        }
        tx.execute(
            "INSERT INTO merge_conflicts
             (id, session_id, contribution_id, copy_id, mine, theirs, file, found_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                text_id(&c.id),
                text_id(&session),
                text_id(&c.contribution),
                opt_text_id(&c.copy.as_ref().map(|x| x.id)),
                c.mine,
                c.theirs,
                file,
                text_time(&tx.now()),
            ],
        )?;
    }
    for c in &plan.carried {
        super::merge_conflicts::insert_row(tx, session, c)?;
    }
    for (id, at, kept) in &plan.settled {
        tx.execute(
            "UPDATE merge_conflicts SET settled_at = ?2, kept = ?3
             WHERE id = ?1 AND settled_at IS NULL",
            params![text_id(id), text_time(at), kept.key()],
        )?;
    }
    if !plan.is_empty() {
        super::sessions::touch(tx, session, &tx.now())?;
    }
    Ok(())
}
