//! Every change a user makes is a `Command` value, applied by `apply` in
//! one store transaction. Applying returns what changed (so a screen can
//! update its state without reloading the session) and the command's
//! inverse: undo applies the inverse, redo applies the inverse's inverse.
//! The TUI, the CLI and later the room server all go through here; the
//! session's `updated_at` is set here, once per command that changed
//! something, and nowhere else.
//!
//! What "inverse" restores: the exact prior state of the session as
//! `Store::load` reads it, except
//! - `session.updated_at`, which moves forward with every command, undo
//!   included (undo is a change too);
//! - an addition (`Record`, `AddParticipant`) is undone by deleting or
//!   removing what was added, softly, so typed text is never erased: it
//!   stays in the deleted list (and redo puts it back exactly).
//!
//! An undone edit puts back the former text, kind, speaker and times and
//! drops the revision the edit added; the undone text lives on in the redo
//! command.

mod actions;
mod carry;
mod changes;
mod contributions;
mod error;
mod follow;
mod lifecycle;
mod links;
mod review;
mod room;
mod roster;
mod session;
mod stages;
mod structures;
mod themes;
mod turns;
mod votes;

pub(crate) use changes::Done;
pub use changes::{Changes, Delta, Outcome, Timing};
pub use error::CommandError;
pub use review::ReviewCommand;
pub use room::RoomCommand;
pub use session::Details;
pub use votes::VoteCommand;

use crate::model::{Action, Contribution, Decision, Id, Kind, Lang, Participant, Stage, Synthesis};
use crate::store::{NewAction, NewContribution, Store, Tx};

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Records a new contribution at the end of its siblings.
    Record(NewContribution),
    /// Changes the text, kind and speaker of a contribution as one edit.
    Edit {
        id: Id,
        text: String,
        kind: Kind,
        speaker: Option<Id>,
    },
    /// Soft-deletes a contribution with its sub-points.
    Delete {
        id: Id,
    },
    /// Restores a deleted contribution, its sub-points deleted with it and
    /// any deleted parent above it.
    Restore {
        id: Id,
    },
    /// Swaps a contribution with its previous (`up`) or next live sibling.
    Move {
        id: Id,
        up: bool,
    },
    /// Swaps two siblings (the run screen picks the neighbour itself).
    Swap {
        a: Id,
        b: Id,
    },
    /// Makes a contribution the last sub-point of its previous sibling.
    Indent {
        id: Id,
    },
    /// Makes a contribution the last sub-point of `parent`.
    IndentUnder {
        id: Id,
        parent: Id,
    },
    /// Lifts a sub-point to sit just after its parent.
    Outdent {
        id: Id,
    },
    /// Moves a contribution and its sub-points to the end of another stage.
    MoveToStage {
        id: Id,
        stage: Id,
    },
    /// Puts contributions back exactly as given (an inverse).
    PutContributions(Vec<Contribution>),
    /// Sends a contribution and its sub-points to the parking lot.
    Park {
        id: Id,
    },
    /// Brings a parked contribution back, to the end of `stage`.
    Unpark {
        id: Id,
        stage: Id,
    },

    /// Logs a decision taken in the room.
    Decide {
        text: String,
    },
    /// Takes a decision out of the log.
    RemoveDecision {
        id: Id,
    },
    /// Puts a decision back exactly as given (an inverse).
    PutDecision(Decision),

    /// Records an action agreed in the room ("qui fait quoi").
    AddAction(NewAction),
    /// Marks an action done, or open again.
    SetActionStatus {
        id: Id,
        done: bool,
    },
    /// Takes an action out of the list (kept in the file, marked).
    RemoveAction {
        id: Id,
    },
    /// Puts an action back exactly as given (an inverse).
    PutAction(Action),
    /// Records that `participant` passed their turn in `stage`.
    Pass {
        stage: Id,
        participant: Id,
    },
    /// Takes a pass back (kept, marked).
    RemovePass {
        id: Id,
    },
    /// Puts a pass back exactly as given (an inverse).
    PutPass(crate::model::Pass),

    /// The facilitator goes to `stage`, leaving `leaving`: the stage left
    /// stops its clock, `stage` runs; a draft session starts running.
    EnterStage {
        stage: Id,
        leaving: Option<Id>,
    },
    /// Stops a stage's clock without leaving it.
    Pause {
        stage: Id,
    },
    /// Runs a paused stage's clock again.
    Resume {
        stage: Id,
    },
    /// Gives a stage `minutes` more planned time (the facilitator extends
    /// it while it runs).
    ExtendStage {
        stage: Id,
        minutes: u32,
    },
    /// Sets a stage's planned minutes (the inverse of an extension).
    SetPlannedMinutes {
        stage: Id,
        minutes: u32,
    },
    /// Puts stage clocks and the status back as given (an inverse).
    PutTiming(Timing),
    SetStageNotes {
        stage: Id,
        notes: String,
    },

    /// Ends the session: every clock stops and it becomes read-only.
    Close,
    /// Opens a closed session for changes again; `restore` (the inverse of
    /// a `Close`) also puts back the clocks and status it had.
    Reopen {
        restore: Option<Timing>,
    },
    /// Closes the session again and puts back when it was last reopened:
    /// the inverse of a reopening.
    CloseAgain {
        reopened_at: Option<crate::model::Timestamp>,
    },
    SetLanguage(Lang),

    SaveSynthesis(Synthesis),

    AddParticipant {
        name: String,
        role: String,
    },
    /// Takes someone off the roster; what they said stays theirs.
    RemoveParticipant {
        id: Id,
    },
    /// Puts a roster entry back exactly as given (an inverse).
    PutParticipant(Participant),
    /// Renames someone and sets their role.
    EditParticipant {
        id: Id,
        name: String,
        role: String,
    },
    /// Swaps someone with the previous (`up`) or next person on the roster.
    MoveParticipant {
        id: Id,
        up: bool,
    },

    /// Sets the session's title, event, date, question, context, lead and
    /// anonymity.
    SetDetails(Details),
    /// Replaces the session's stages with these (ids, times and notes as
    /// given), from template `template`: a template change, before anything
    /// is recorded.
    PutStages {
        template: String,
        stages: Vec<Stage>,
    },
    /// Gives stages new titles.
    SetStageTitles(Vec<(Id, String)>),

    /// Several commands as one change: one transaction, one undo (the
    /// inverses in reverse order).
    Batch(Vec<Command>),

    /// Creates an empty theme, last of the session's.
    AddTheme {
        name: String,
    },
    RenameTheme {
        id: Id,
        name: String,
    },
    /// Takes a theme back (kept, marked); its items become unsorted.
    RemoveTheme {
        id: Id,
    },
    /// Puts contributions at the end of a theme, or out of any (`None`).
    PutInTheme {
        items: Vec<Id>,
        theme: Option<Id>,
    },
    /// Moves every item of `from` to the end of `into`; `from` is taken back.
    MergeThemes {
        from: Id,
        into: Id,
    },
    /// Moves some items of `from` into a new theme named `name`.
    SplitTheme {
        from: Id,
        items: Vec<Id>,
        name: String,
    },
    /// Puts themes back exactly as given, with their items (an inverse).
    PutThemes(Vec<crate::model::Theme>),
    /// Dot voting: dots, tallies and the vote's settings.
    Vote(VoteCommand),
    /// `from` answers (builds on) each of `to`: one change for all.
    Link {
        from: Id,
        to: Vec<Id>,
    },
    /// `from` no longer answers any of `to` (kept in the file, marked).
    Unlink {
        from: Id,
        to: Vec<Id>,
    },
    /// Puts links back exactly as given (an inverse).
    PutLinks(Vec<crate::model::Link>),
    /// Sets how a stage runs: an open discussion or a 1-2-4-All.
    SetStructure {
        stage: Id,
        structure: crate::model::Structure,
    },
    /// Starts the next step of a stage's 1-2-4-All (1, 2, 4, then All).
    NextStep {
        stage: Id,
    },
    /// Puts a stage's step starts back as given (an inverse).
    PutSteps {
        stage: Id,
        starts: Vec<crate::model::Timestamp>,
    },
    /// Sets who does an action (a participant, or a name from outside
    /// when `who_participant` is `None`) and by when.
    EditAction {
        id: Id,
        who_participant: Option<Id>,
        who_name: String,
        due: Option<chrono::NaiveDate>,
    },
    /// Copies an open action of the previous session into this one.
    CarryAction {
        from: Id,
    },
    /// Marks an action of the previous session done (or open again) there.
    SetPreviousActionDone {
        id: Id,
        done: bool,
    },
    /// The report's review cycle: versions, remarks, sign-offs.
    Review(ReviewCommand),
    /// Moderating the room: the inbox of phone input, the room settings.
    Room(RoomCommand),
}

/// Applies `command` to `session` in one transaction. A closed session
/// refuses every command but `Reopen`; nothing is written when a command
/// fails or is refused.
pub fn apply(store: &mut Store, session: Id, command: &Command) -> Result<Outcome, CommandError> {
    let path = store.path().display().to_string();
    store
        .apply(|tx| {
            let status = tx.session(session)?.status;
            if !matches!(command, Command::Reopen { .. } | Command::Review(_))
                && !crate::model::lifecycle::accepts_writes(status)
            {
                return Err(CommandError::Closed);
            }
            let done = run(tx, session, command)?;
            if done.changed() {
                tx.touch(session)?;
            }
            Ok(Outcome {
                changes: Changes {
                    session: tx.session(session)?,
                    delta: done.delta,
                },
                inverse: done.inverse,
            })
        })
        .map_err(|e| e.named(&path))
}

fn run(tx: &Tx, session: Id, command: &Command) -> Result<Done, CommandError> {
    use Command::*;
    match command {
        Record(new) => contributions::record(tx, session, new),
        Edit {
            id,
            text,
            kind,
            speaker,
        } => contributions::edit(tx, session, *id, text, *kind, *speaker),
        Delete { id } => contributions::change(tx, session, *id, |tx| tx.delete(*id)),
        Restore { id } => contributions::change(tx, session, *id, |tx| tx.restore(*id)),
        Move { id, up } => {
            contributions::change(tx, session, *id, |tx| match tx.sibling(*id, *up)? {
                Some(other) => tx.swap(*id, other),
                None => Ok(Vec::new()),
            })
        }
        Swap { a, b } => contributions::change(tx, session, *a, |tx| tx.swap(*a, *b)),
        Indent { id } => {
            contributions::change(tx, session, *id, |tx| match tx.sibling(*id, true)? {
                Some(parent) => tx.indent_under(*id, parent),
                None => Ok(Vec::new()),
            })
        }
        IndentUnder { id, parent } => {
            contributions::change(tx, session, *id, |tx| tx.indent_under(*id, *parent))
        }
        Outdent { id } => contributions::change(tx, session, *id, |tx| tx.outdent(*id)),
        MoveToStage { id, stage } => {
            contributions::change(tx, session, *id, |tx| tx.move_to_stage(*id, *stage))
        }
        PutContributions(rows) => contributions::put(tx, session, rows),
        Park { id } => follow::park(tx, session, *id),
        Unpark { id, stage } => follow::unpark(tx, session, *id, *stage),
        Decide { text } => follow::decide(tx, session, text),
        RemoveDecision { id } => follow::remove(tx, session, *id),
        PutDecision(d) => follow::put(tx, session, d),
        AddAction(new) => actions::add(tx, session, new),
        SetActionStatus { id, done } => actions::set_done(tx, session, *id, *done),
        RemoveAction { id } => actions::remove(tx, session, *id),
        PutAction(a) => actions::put(tx, session, a),
        Pass { stage, participant } => turns::pass(tx, session, *stage, *participant),
        RemovePass { id } => turns::remove(tx, session, *id),
        PutPass(p) => turns::put(tx, session, p),
        EnterStage { stage, leaving } => stages::enter(tx, session, *stage, *leaving),
        Pause { stage } => stages::pause(tx, session, *stage, true),
        Resume { stage } => stages::pause(tx, session, *stage, false),
        ExtendStage { stage, minutes } => stages::extend(tx, session, *stage, *minutes),
        SetPlannedMinutes { stage, minutes } => stages::set_planned(tx, session, *stage, *minutes),
        PutTiming(timing) => stages::put_timing(tx, session, timing),
        SetStageNotes { stage, notes } => stages::set_notes(tx, session, *stage, notes),
        Close => lifecycle::close(tx, session),
        Reopen { restore } => lifecycle::reopen(tx, session, restore.as_ref()),
        CloseAgain { reopened_at } => lifecycle::close_again(tx, session, *reopened_at),
        SetLanguage(lang) => lifecycle::set_language(tx, session, *lang),
        SaveSynthesis(s) => roster::save_synthesis(tx, session, s),
        AddParticipant { name, role } => roster::add(tx, session, name, role),
        RemoveParticipant { id } => roster::remove(tx, session, *id),
        PutParticipant(p) => roster::put(tx, session, p),
        EditParticipant { id, name, role } => roster::edit(tx, session, *id, name, role),
        MoveParticipant { id, up } => roster::swap(tx, session, *id, *up),
        SetDetails(details) => session::set_details(tx, session, details),
        PutStages { template, stages } => session::put_stages(tx, session, template, stages),
        SetStageTitles(titles) => session::set_titles(tx, session, titles),
        Batch(commands) => batch(tx, session, commands),
        AddTheme { name } => themes::add(tx, session, name),
        RenameTheme { id, name } => themes::rename(tx, session, *id, name),
        RemoveTheme { id } => themes::remove(tx, session, *id),
        PutInTheme { items, theme } => themes::put_in(tx, session, items, *theme),
        MergeThemes { from, into } => themes::merge(tx, session, *from, *into),
        SplitTheme { from, items, name } => themes::split(tx, session, *from, items, name),
        PutThemes(list) => themes::put(tx, session, list),
        Vote(command) => votes::run(tx, session, command),
        Link { from, to } => links::link(tx, session, *from, to),
        Unlink { from, to } => links::unlink(tx, session, *from, to),
        PutLinks(list) => links::put(tx, session, list),
        SetStructure { stage, structure } => {
            structures::set_structure(tx, session, *stage, *structure)
        }
        NextStep { stage } => structures::next_step(tx, session, *stage),
        PutSteps { stage, starts } => structures::put_steps(tx, session, *stage, starts),
        EditAction {
            id,
            who_participant,
            who_name,
            due,
        } => carry::edit(tx, session, *id, *who_participant, who_name, *due),
        CarryAction { from } => carry::carry(tx, session, *from),
        SetPreviousActionDone { id, done } => carry::settle(tx, session, *id, *done),
        Review(command) => review::run(tx, session, command),
        Room(command) => room::run(tx, session, command),
    }
}

fn batch(tx: &Tx, session: Id, commands: &[Command]) -> Result<Done, CommandError> {
    let mut all = Done::new(Command::Batch(Vec::new()));
    let mut inverses = Vec::new();
    for command in commands {
        if matches!(
            command,
            Command::Reopen { .. } | Command::Close | Command::CloseAgain { .. }
        ) {
            // The lifecycle check runs once per `apply`, before the batch.
            return Err(CommandError::NotInBatch);
        }
        let mut done = run(tx, session, command)?;
        inverses.push(std::mem::replace(
            &mut done.inverse,
            Command::Batch(Vec::new()),
        ));
        all.merge(done);
    }
    inverses.reverse();
    all.inverse = Command::Batch(inverses);
    Ok(all)
}
