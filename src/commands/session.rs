//! Set-up commands: the session's own fields, its stages (a template
//! change replaces them; a language change retitles them).

use super::{Command, CommandError, Done};
use crate::model::{Anonymity, Id, Session, Stage};
use crate::store::Tx;
use chrono::NaiveDate;

/// The fields the set-up edits as text or as a two-way choice.
#[derive(Debug, Clone, PartialEq)]
pub struct Details {
    pub title: String,
    pub event: String,
    pub date: NaiveDate,
    pub question: String,
    pub context: String,
    pub lead: String,
    pub anonymity: Anonymity,
    /// How the report reads.
    pub report: crate::model::ReportChoices,
    pub place: String,
}

impl Details {
    pub fn of(s: &Session) -> Details {
        Details {
            title: s.title.clone(),
            event: s.event.clone(),
            date: s.date,
            question: s.question.clone(),
            context: s.context.clone(),
            lead: s.lead.clone(),
            anonymity: s.anonymity,
            report: s.report,
            place: s.place.clone(),
        }
    }

    fn write_into(&self, s: &mut Session) {
        s.title = self.title.clone();
        s.event = self.event.clone();
        s.date = self.date;
        s.question = self.question.clone();
        s.context = self.context.clone();
        s.lead = self.lead.clone();
        s.anonymity = self.anonymity;
        s.report = self.report;
        s.place = self.place.clone();
    }
}

pub(super) fn set_details(tx: &Tx, session: Id, details: &Details) -> Result<Done, CommandError> {
    let mut s = tx.session(session)?;
    let before = Details::of(&s);
    let mut done = Done::new(Command::SetDetails(before.clone()));
    if before != *details {
        details.write_into(&mut s);
        tx.set_details(&s)?;
        // The title is stored trimmed: the inverse must give back exactly
        // what is stored, so it is read again.
        done.delta.session_changed = true;
    }
    Ok(done)
}

/// Replaces the session's stages (a template change, or its inverse).
pub(super) fn put_stages(
    tx: &Tx,
    session: Id,
    template: &str,
    stages: &[Stage],
) -> Result<Done, CommandError> {
    let before = tx.stages(session)?;
    let key = tx.session(session)?.template;
    let mut done = Done::new(Command::PutStages {
        template: key.clone(),
        stages: before.clone(),
    });
    if before != stages || key != template {
        tx.replace_stages(session, template, stages)?;
        done.delta.stages = tx.stages(session)?;
        done.delta.stages_replaced = true;
        done.delta.session_changed = true;
    }
    Ok(done)
}

/// Gives stages new titles (the set-up retitles them with the language).
pub(super) fn set_titles(
    tx: &Tx,
    session: Id,
    titles: &[(Id, String)],
) -> Result<Done, CommandError> {
    let mut before = Vec::new();
    let mut changed = Vec::new();
    for (stage, title) in titles {
        if tx.stage_session(*stage)? != session {
            return Err(CommandError::OtherSession);
        }
        let was = tx.stage(*stage)?;
        before.push((*stage, was.title.clone()));
        if was.title != *title {
            tx.set_stage_title(*stage, title)?;
            changed.push(*stage);
        }
    }
    before.reverse();
    let mut done = Done::new(Command::SetStageTitles(before));
    for stage in changed {
        done.delta.stages.push(tx.stage(stage)?);
    }
    Ok(done)
}
