//! Dot-voting commands, each with its inverse. They live under one
//! `Command::Vote` variant so the command enum stays short. Every dot or
//! tally taken back stays in the file, marked; an inverse puts rows back
//! exactly as they were (`PutVotes`).

use super::{Command, CommandError, Done};
use crate::model::{Id, Vote};
use crate::store::Tx;

#[derive(Debug, Clone, PartialEq)]
pub enum VoteCommand {
    /// Places one dot of `participant` on each item (an item twice gets
    /// two dots); refused as a whole past their dots.
    CastVotes { participant: Id, items: Vec<Id> },
    /// Sets an item's tally (a show of hands, no person); 0 clears it.
    SetTally { item: Id, count: u32 },
    /// Takes one dot or tally back (kept in the file, marked).
    RemoveVote { id: Id },
    /// Puts dots and tallies back exactly as given (an inverse).
    PutVotes(Vec<Vote>),
    /// Sets how many dots each participant has.
    SetDots(u32),
    /// Shows the counts on screen (for a projected screen).
    RevealVotes,
    /// Hides the counts on screen until they are revealed.
    HideVotes,
}

pub(super) fn run(tx: &Tx, session: Id, command: &VoteCommand) -> Result<Done, CommandError> {
    use VoteCommand::*;
    let inverse = match command {
        CastVotes { participant, items } => {
            let cast = tx.cast_votes(session, *participant, items)?;
            PutVotes(taken_back(tx, cast))
        }
        SetTally { item, count } => {
            let (before, new) = tx.set_tally(session, *item, *count)?;
            PutVotes(before.into_iter().chain(taken_back(tx, new)).collect())
        }
        RemoveVote { id } => PutVotes(vec![tx.remove_vote(session, *id)?]),
        PutVotes(list) => PutVotes(tx.put_votes(session, list)?),
        SetDots(dots) => {
            let revealed = tx.voting(session)?.revealed;
            let (before, _) = tx.set_voting(session, *dots, revealed)?;
            SetDots(before)
        }
        RevealVotes | HideVotes => {
            let dots = tx.voting(session)?.dots_per_participant;
            let (_, was) = tx.set_voting(session, dots, *command == RevealVotes)?;
            if was {
                RevealVotes
            } else {
                HideVotes
            }
        }
    };
    let mut done = Done::new(Command::Vote(inverse));
    done.delta.voting = Some(tx.voting(session)?);
    Ok(done)
}

/// New rows as their undo writes them: taken back now.
fn taken_back(tx: &Tx, new: impl IntoIterator<Item = Vote>) -> Vec<Vote> {
    new.into_iter()
        .map(|mut v| {
            v.removed_at = Some(tx.now());
            v
        })
        .collect()
}
