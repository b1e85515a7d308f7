//! Moderating the room: the facilitator accepts an input sent from a phone
//! (maybe edited first), merges it into an item already on the list, or
//! declines it; and sets how the session treats the room. They live under
//! one `Command::Room` variant so the command enum stays short.
//!
//! An inbox row always keeps what was sent: an edit made while accepting
//! lives on the new contribution. A merged input leaves the item it joins
//! as it was (the facilitator edits that item if the input adds
//! something); the report counts it. A declined input stays in the file,
//! never shown to the room nor in a report. An input is decided once:
//! deciding it again is refused.

use super::{contributions, Command, CommandError, Done};
use crate::model::{Id, InboxItem, InboxState, Kind, Origin};
use crate::store::{NewContribution, Refused, RoomSettings, StoreError, Tx};

#[derive(Debug, Clone, PartialEq)]
pub enum RoomCommand {
    /// Makes a pending input a contribution of origin `Room` at the end of
    /// its stage, with the sender and anonymity as received; `text` and
    /// `kind` when the facilitator changed them first.
    Accept {
        input: Id,
        text: Option<String>,
        kind: Option<Kind>,
    },
    /// Joins a pending input to the contribution `into` (left unchanged).
    Merge { input: Id, into: Id },
    /// Leaves a pending input out.
    Decline { input: Id },
    /// Puts an input's decision back exactly as given (an inverse).
    PutDecision(InboxItem),
    /// Sets whether input goes straight in and whether the room sees the
    /// session's contributions.
    SetSettings(RoomSettings),
}

pub(super) fn run(tx: &Tx, session: Id, command: &RoomCommand) -> Result<Done, CommandError> {
    use RoomCommand::*;
    match command {
        Accept { input, text, kind } => accept(tx, session, *input, text.as_deref(), *kind),
        Merge { input, into } => merge(tx, session, *input, *into),
        Decline { input } => {
            let item = pending(tx, session, *input)?;
            decide(tx, session, item, InboxState::Declined, None)
        }
        PutDecision(item) => put(tx, session, item),
        SetSettings(to) => {
            let before = tx.set_room_settings(session, *to)?;
            let mut done = Done::new(Command::Room(SetSettings(before)));
            if before != *to {
                done.delta.room_settings = Some(*to);
            }
            Ok(done)
        }
    }
}

/// The input, refused unless it still waits for a decision.
fn pending(tx: &Tx, session: Id, input: Id) -> Result<InboxItem, CommandError> {
    let item = tx.inbox_item(session, input)?;
    if item.state != InboxState::Pending {
        return Err(StoreError::Invalid(Refused::AlreadyDecided(item.state)).into());
    }
    Ok(item)
}

/// Writes `state` on a pending input; the inverse puts it back pending.
fn decide(
    tx: &Tx,
    session: Id,
    item: InboxItem,
    state: InboxState,
    contribution: Option<Id>,
) -> Result<Done, CommandError> {
    let decided = InboxItem {
        state,
        decided_at: Some(tx.now()),
        contribution_id: contribution,
        ..item
    };
    put(tx, session, &decided)
}

fn put(tx: &Tx, session: Id, item: &InboxItem) -> Result<Done, CommandError> {
    let before = tx.put_inbox_decision(session, item)?;
    let mut done = Done::new(Command::Room(RoomCommand::PutDecision(before.clone())));
    let now = tx.inbox_item(session, item.id)?;
    if now != before {
        done.delta.inbox.push(now);
    }
    Ok(done)
}

fn accept(
    tx: &Tx,
    session: Id,
    input: Id,
    text: Option<&str>,
    kind: Option<Kind>,
) -> Result<Done, CommandError> {
    let item = pending(tx, session, input)?;
    // An input accepted, then undone, keeps a link to the contribution it
    // became: accepting it again brings that one back instead of recording
    // a second (the facilitator may have restored it meanwhile).
    let earlier = match item.contribution_id {
        Some(id) => tx.contributions(&[id])?.into_iter().next(),
        None => None,
    };
    let mut done = match &earlier {
        Some(c) => reuse(tx, session, c, text, kind)?,
        None => {
            let new = NewContribution {
                stage_id: item.stage_id,
                participant_id: item.participant_id,
                kind: kind.unwrap_or(item.kind),
                text: text.unwrap_or(&item.text).to_string(),
                parent_id: None,
                group: None,
                anonymous: item.anonymous,
                origin: Origin::Room,
            };
            contributions::record(tx, session, &new)?
        }
    };
    let id = earlier.map_or_else(|| done.delta.contributions[0].id, |c| c.id);
    let decided = decide(tx, session, item.clone(), InboxState::Accepted, Some(id))?;
    // Undo takes the contribution back (softly: it stays in the deleted
    // list, as an undone recording does) and the input waits again,
    // remembering that contribution.
    let waits = InboxItem {
        contribution_id: Some(id),
        ..item
    };
    let remove = std::mem::replace(&mut done.inverse, Command::Batch(Vec::new()));
    done.inverse = Command::Batch(vec![Command::Room(RoomCommand::PutDecision(waits)), remove]);
    done.merge(decided);
    Ok(done)
}

/// Brings back (and corrects, when the facilitator changed the text or
/// the kind) the contribution an undone accept left.
fn reuse(
    tx: &Tx,
    session: Id,
    earlier: &crate::model::Contribution,
    text: Option<&str>,
    kind: Option<Kind>,
) -> Result<Done, CommandError> {
    let id = earlier.id;
    contributions::change(tx, session, id, |tx| {
        let mut before = tx.restore(id)?;
        if text.is_some() || kind.is_some() {
            let now = tx.contribution(id)?;
            let text = text.unwrap_or(&now.text);
            let kind = kind.unwrap_or(now.kind);
            if let Some(was) = tx.edit(id, text, kind, now.participant_id)? {
                if !before.iter().any(|c| c.id == id) {
                    before.push(was);
                }
            }
        }
        Ok(before)
    })
}

fn merge(tx: &Tx, session: Id, input: Id, into: Id) -> Result<Done, CommandError> {
    let item = pending(tx, session, input)?;
    if tx.contribution_session(into)? != session {
        return Err(CommandError::OtherSession);
    }
    let target = tx.contributions(&[into])?;
    if target.iter().any(|c| c.deleted_at.is_some()) {
        return Err(StoreError::NotFound(crate::store::Missing::Contribution(into)).into());
    }
    decide(tx, session, item, InboxState::Merged, Some(into))
}
