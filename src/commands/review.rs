//! Review-cycle commands: publish a version of the report, record a
//! participant's remark and mark it applied, record a sign-off. Each is
//! one transaction with its exact inverse. They are accepted on a closed
//! session: the review happens after the workshop.

use super::{Command, CommandError, Done};
use crate::model::{Feedback, Id, ReportVersion, SignOff};
use crate::store::{NewFeedback, Tx};

#[derive(Debug, Clone, PartialEq)]
pub enum ReviewCommand {
    /// Records the next version; `report` is the participants' report data
    /// (the report JSON) it was.
    Publish {
        note: String,
        validated: bool,
        report: String,
    },
    /// Takes a version back (kept, marked).
    RemoveVersion {
        id: Id,
    },
    /// Puts a version's mark back as given (an inverse).
    PutVersion(ReportVersion),
    AddFeedback(NewFeedback),
    /// Marks a remark applied (or not).
    SetApplied {
        id: Id,
        applied: bool,
    },
    RemoveFeedback {
        id: Id,
    },
    PutFeedback(Feedback),
    /// `name` (or roster member `participant`) approves `version`.
    SignOff {
        version: Id,
        participant: Option<Id>,
        name: String,
    },
    RemoveSignOff {
        id: Id,
    },
    PutSignOff(SignOff),
}

impl ReviewCommand {
    /// The version a `Publish` recorded, read from its inverse.
    pub fn published(inverse: &Command) -> Option<Id> {
        match inverse {
            Command::Review(ReviewCommand::RemoveVersion { id }) => Some(*id),
            _ => None,
        }
    }

    /// The remark or sign-off an addition recorded, read from its inverse.
    pub fn added(inverse: &Command) -> Option<Id> {
        match inverse {
            Command::Review(
                ReviewCommand::RemoveFeedback { id } | ReviewCommand::RemoveSignOff { id },
            ) => Some(*id),
            _ => None,
        }
    }
}

pub(super) fn run(tx: &Tx, session: Id, command: &ReviewCommand) -> Result<Done, CommandError> {
    use ReviewCommand::*;
    let inverse = match command {
        Publish {
            note,
            validated,
            report,
        } => {
            let sha256 = crate::model::content_hash(report);
            if let Err(latest) = tx.review(session)?.may_publish(&sha256, *validated) {
                return Err(CommandError::Unchanged {
                    number: latest.number,
                    validated: latest.validated,
                });
            }
            let v = tx.publish(session, note, *validated, report)?;
            RemoveVersion { id: v.id }
        }
        RemoveVersion { id } => {
            let log = tx.review(session)?;
            let mut v =
                log.version_by_id(*id)
                    .cloned()
                    .ok_or(crate::store::StoreError::NotFound(
                        crate::store::Missing::VersionId(*id),
                    ))?;
            v.removed_at = Some(tx.now());
            PutVersion(tx.put_version(session, &v)?)
        }
        PutVersion(v) => PutVersion(tx.put_version(session, v)?),
        AddFeedback(new) => {
            // A remark's trailing newlines and spaces are not part of it.
            let mut new = new.clone();
            new.text = new.text.trim().to_string();
            RemoveFeedback {
                id: tx.add_feedback(session, &new)?.id,
            }
        }
        SetApplied { id, applied } => {
            let mut f = feedback(tx, session, *id)?;
            f.applied_at = applied.then(|| tx.now());
            PutFeedback(tx.put_feedback(session, &f)?)
        }
        RemoveFeedback { id } => {
            let mut f = feedback(tx, session, *id)?;
            f.removed_at = Some(tx.now());
            PutFeedback(tx.put_feedback(session, &f)?)
        }
        PutFeedback(f) => PutFeedback(tx.put_feedback(session, f)?),
        SignOff {
            version,
            participant,
            name,
        } => {
            let log = tx.review(session)?;
            if let Some(given) = log.signed_by(*version, *participant, name) {
                let v = log.version_by_id(*version);
                return Err(CommandError::AlreadySigned {
                    name: given.name.clone(),
                    number: v.map_or(0, |v| v.number),
                    validated: v.is_some_and(|v| v.validated),
                });
            }
            RemoveSignOff {
                id: tx.sign_off(session, *version, *participant, name)?.id,
            }
        }
        RemoveSignOff { id } => {
            let mut s = tx
                .review(session)?
                .sign_offs
                .into_iter()
                .find(|s| s.id == *id)
                .ok_or(crate::store::StoreError::NotFound(
                    crate::store::Missing::SignOff(*id),
                ))?;
            s.removed_at = Some(tx.now());
            PutSignOff(tx.put_sign_off(session, &s)?)
        }
        PutSignOff(s) => PutSignOff(tx.put_sign_off(session, s)?),
    };
    let mut done = Done::new(Command::Review(inverse));
    done.delta.review = Some(tx.review(session)?);
    Ok(done)
}

fn feedback(tx: &Tx, session: Id, id: Id) -> Result<Feedback, CommandError> {
    Ok(tx
        .review(session)?
        .feedback
        .into_iter()
        .find(|f| f.id == id)
        .ok_or(crate::store::StoreError::NotFound(
            crate::store::Missing::Feedback(id),
        ))?)
}
