//! The command line: argument definitions (clap) and their dispatch.

mod actions;
mod carry;
mod commands;
mod events;
mod follow;
mod import_notes;
pub(crate) mod inbox;
mod links;
mod merge;
mod names;
mod parse;
mod present;
mod reopen;
mod report_choices;
mod review;
mod room;
mod search;
mod show;
mod show_follow;
mod sources;
mod structures;
mod themes;
mod votes;

use crate::model::Lang;
use clap::{Parser, Subcommand};
pub use commands::{open_store, run};
pub use parse::{localized, main, parse};
use parse::{parse_date, parse_format, parse_lang, parse_table};
use std::path::PathBuf;

/// `atelier action …`
#[derive(Debug, Subcommand)]
pub enum ActionCommand {
    /// Record an action; prints its id.
    Add {
        /// An id, a unique id prefix, or `latest`.
        session: String,
        /// What is to be done.
        text: String,
        /// Who does it: a participant's name (as on the roster), or anyone
        /// else's name (someone from outside the session).
        #[arg(long)]
        who: Option<String>,
        /// When it is due: YYYY-MM-DD, or as the session's language writes
        /// dates (10/07/2021 or "10 juillet 2021" in a French session).
        #[arg(long)]
        due: Option<String>,
    },
    /// List actions: id (last eight characters), status, due date, who, what.
    List {
        /// Only this session's (an id, a unique id prefix, or `latest`).
        #[arg(long)]
        session: Option<String>,
        /// Only the open ones (not done).
        #[arg(long)]
        open: bool,
        /// Print a JSON array, one object per action.
        #[arg(long)]
        json: bool,
    },
    /// Mark an action done.
    Done {
        /// An action id, or a unique part of one (`atelier show` and
        /// `atelier action list` print the last eight characters).
        id: String,
    },
    /// Take an action out of the list (kept in the file; the terminal
    /// screen can undo it).
    Remove {
        /// An action id, or a unique part of one.
        id: String,
    },
    /// Carry an open action over into the session that follows its own
    /// (see `atelier new --next`); prints the new action's id.
    Carry {
        /// An action id, or a unique part of one.
        id: String,
        /// The session to carry it into (an id, a unique id prefix, or
        /// `latest`); it must follow the action's session.
        #[arg(long)]
        to: String,
    },
}

#[derive(Debug, Parser)]
#[command(
    name = "atelier",
    version,
    about = "Run participatory workshops from the terminal and publish their reports",
    long_about = "Atelier guides a facilitator through a workshop's stages, records every \
                  input in SQLite the moment it is typed, and exports a report.\n\n\
                  Without a subcommand it opens the terminal interface."
)]
pub struct Cli {
    /// The database file (default: atelier.sqlite3 in the platform data dir).
    #[arg(long, global = true, env = "ATELIER_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Interface language (default: from the system locale, else English).
    #[arg(long, global = true, value_parser = |s: &str| parse_lang(Lang::En, s), value_name = "fr|en")]
    pub lang: Option<Lang>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a session; prints its id.
    ///
    /// With `--next SESSION`: the next session of the same workshop, with
    /// the same event, language, template, question, context, lead and
    /// roster, dated
    /// today (or `--date`), titled after the previous one ("Session 1" →
    /// "Session 2"; a title without a session number gets " (2)") unless
    /// `--title` is given. Its open actions are offered for carry-over.
    New {
        #[arg(long, required_unless_present = "next")]
        title: Option<String>,
        #[arg(long, required_unless_present = "next")]
        question: Option<String>,
        /// Follow this session (an id, a unique id prefix, or `latest`).
        #[arg(
            long,
            value_name = "SESSION",
            conflicts_with_all = ["question", "event", "lead", "context", "participants", "template"]
        )]
        next: Option<String>,
        #[arg(long, default_value = "")]
        event: String,
        /// The lead facilitator ("porteuse").
        #[arg(long, default_value = "")]
        lead: String,
        /// Context or origin of the question.
        #[arg(long, default_value = "")]
        context: String,
        /// A participant; repeat for each person.
        #[arg(long = "participant", value_name = "NAME")]
        participants: Vec<String>,
        /// Template key (see `atelier templates`).
        #[arg(long, default_value = crate::templates::DEFAULT_TEMPLATE)]
        template: String,
        /// Date of the session, YYYY-MM-DD (default: today).
        #[arg(long, value_parser = |s: &str| parse_date(Lang::En, s))]
        date: Option<chrono::NaiveDate>,
    },
    /// List sessions with date, counts and status.
    List {
        /// Print a JSON array, one object per session.
        #[arg(long)]
        json: bool,
        /// Include archived sessions.
        #[arg(long)]
        all: bool,
    },
    /// Reopen a closed session so it takes changes again (the terminal
    /// screen's review can reopen too).
    Reopen {
        /// An id, a unique id prefix, or `latest`.
        session: String,
    },
    /// Print a readable summary of a session.
    Show {
        /// An id, a unique id prefix, or `latest`.
        session: String,
    },
    /// Record one contribution; prints its id.
    Add {
        /// An id, a unique id prefix, or `latest`.
        session: String,
        /// Stage key (see `atelier show`).
        #[arg(long)]
        stage: String,
        /// Who said it (default: the group).
        #[arg(long)]
        participant: Option<String>,
        /// context, observation (constat), stake (enjeu), question, resource, idea, proposal, action.
        #[arg(long)]
        kind: Option<String>,
        /// Make it a sub-point of this contribution (id or unique part of one).
        #[arg(long)]
        parent: Option<String>,
        /// The text.
        text: String,
        /// The group sharing it in a 1-2-4-All's "All" step (1, 2, …).
        #[arg(long, value_parser = clap::value_parser!(u32).range(1..=999))]
        group: Option<u32>,
        /// Store it without its author (a person's words, no name kept).
        #[arg(long, conflicts_with = "participant")]
        anonymous: bool,
    },
    /// Send a contribution, with its sub-points, to the session's parking
    /// lot: it leaves its stage but keeps its author and text.
    Park {
        /// A contribution id, or a unique part of one (`atelier show`
        /// prints the last eight characters).
        id: String,
    },
    /// Bring a parked contribution back, as the last item of a stage.
    Unpark {
        /// A contribution id, or a unique part of one.
        id: String,
        /// Stage key (see `atelier show`; default: the stage it left).
        #[arg(long)]
        stage: Option<String>,
    },
    /// Log a decision taken in the session; prints its id.
    Decide {
        /// An id, a unique id prefix, or `latest`.
        session: String,
        /// The decision.
        text: String,
    },
    /// Link a contribution to those it answers (builds on): a stake to the
    /// observations behind it, an idea to the stakes it addresses, a
    /// proposal to its ideas. Prints each link made.
    ///
    /// FROM may also be the word `proposal` (or `synthesis`) with
    /// `--session SESSION`: the synthesis' proposal builds on each TO, and
    /// the report's trace starts from it.
    Link {
        /// The contribution that answers: an id, or a unique part of one
        /// (`atelier show` prints the last eight characters); or
        /// `proposal`, the synthesis' proposal of `--session`.
        from: String,
        /// What it answers, in the same session (ids or unique parts).
        #[arg(required = true)]
        to: Vec<String>,
        /// The session whose synthesis' proposal FROM `proposal` names
        /// (an id, a unique id prefix, or `latest`); only with `proposal`.
        #[arg(long)]
        session: Option<String>,
    },
    /// Take back links made with `atelier link` (FROM `proposal` with
    /// `--session` too).
    Unlink {
        /// The contribution that answers (an id or a unique part of one),
        /// or `proposal`.
        from: String,
        /// What it no longer answers (ids or unique parts).
        #[arg(required = true)]
        to: Vec<String>,
        /// The session whose synthesis' proposal FROM `proposal` names.
        #[arg(long)]
        session: Option<String>,
    },
    /// Print what a contribution answers, step by step back to the first
    /// observations (a proposal, its ideas, their stakes, their observations).
    Trace {
        /// A contribution id, or a unique part of one.
        id: String,
    },
    /// Actions agreed in a session ("qui fait quoi"): who does what by when.
    Action {
        #[command(subcommand)]
        command: ActionCommand,
    },
    /// Themes, to converge: group a session's contributions under names.
    Theme {
        #[command(subcommand)]
        command: themes::ThemeCommand,
    },
    /// Dot voting: place a participant's dots, enter a tally (a show of
    /// hands), or set the dots each person has (default 3). One of
    /// --participant, --tally or --dots. Prints what is left, never who
    /// voted for what.
    ///
    /// Examples: `atelier vote latest --participant Ana 3f2a1b2c 3f2a1b2c 9c3a`
    /// (two dots on the first item, one on the other);
    /// `atelier vote latest --tally 7 3f2a1b2c`; `atelier vote latest --dots 5`.
    #[command(group(clap::ArgGroup::new("way").required(true).args(["participant", "tally", "dots"])))]
    Vote {
        /// An id, a unique id prefix, or `latest`.
        session: String,
        /// Whose dots: a name on the roster, or the unique start of one.
        #[arg(long, value_name = "NAME")]
        participant: Option<String>,
        /// Set the item's tally to N dots (a count without a person; 0
        /// clears it). Takes exactly one ID.
        #[arg(long, value_name = "N")]
        tally: Option<u32>,
        /// Set how many dots each participant has (1 to 99; not fewer
        /// than someone already placed). Takes no ID.
        #[arg(long, value_name = "N")]
        dots: Option<u32>,
        /// Contribution ids, or unique parts of them (`atelier show` prints
        /// the last eight characters): one dot per id, repeat an id for two.
        #[arg(value_name = "ID")]
        items: Vec<String>,
    },
    /// Print a session's dot-vote ranking: rank (ties share one), dots,
    /// id, kind and text of each item that got dots.
    Votes {
        /// An id, a unique id prefix, or `latest`.
        session: String,
        /// Print a JSON object: the dots per person and the ranking.
        #[arg(long)]
        json: bool,
    },
    /// Import session bundles (JSON); prints each new session id.
    ///
    /// Every file is checked before anything is written, and all of them
    /// are imported together or none is: if one file is refused, the
    /// database is left as it was.
    ///
    /// A bundle whose session is already here is merged into it instead:
    /// new items added, newer texts applied (earlier ones kept), deletions
    /// respected, and an item changed on two laptops kept both ways and
    /// listed as a conflict (see `atelier conflicts`). Importing the same
    /// bundle again changes nothing.
    Import {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Print what each file would do (a new session, or for a merge:
        /// items added, edited, deleted, conflicts) and write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Export a session: a report for participants, or the complete archive.
    Export {
        /// An id, a unique id prefix, or `latest`.
        session: String,
        /// The format: its value name and the help listing each one are
        /// made from `report::Format::ALL` (see `parse::format_help`).
        #[arg(long, value_parser = |s: &str| parse_format(Lang::En, s))]
        format: crate::report::Format,
        /// Write to this file (or into this folder) instead of stdout.
        #[arg(long)]
        out: Option<PathBuf>,
        /// The discussion in spoken order, each item with its kind as a
        /// label (spoken), or grouped by kind (kind). Default: the
        /// session's choice (set-up screen).
        #[arg(
            long,
            value_parser = |s: &str| report_choices::parse_order(Lang::En, s),
            value_name = "spoken|kind"
        )]
        order: Option<crate::model::DiscussionOrder>,
        /// Per-person contribution counts shown to participants (show) or
        /// kept for the facilitator (hide: per stage and per kind only).
        /// Default: the session's choice (set-up screen).
        #[arg(
            long,
            value_parser = |s: &str| report_choices::parse_person_stats(Lang::En, s),
            value_name = "show|hide"
        )]
        person_stats: Option<crate::model::PersonStats>,
        /// The report as if the session had been anonymous: "Participant
        /// 3" instead of names, counts kept; its file name ends in
        /// `-anonymised` (`-anonymise` in French). Every report format;
        /// not the bundle, which is the complete archive.
        #[arg(long, alias = "anonymize")]
        anonymise: bool,
        /// With `--format csv`: which table — contributions (default),
        /// actions, decisions, votes or participation — each with its own
        /// columns; the file name says which (`…-actions.csv`).
        #[arg(
            long,
            value_parser = |s: &str| parse_table(Lang::En, s),
            value_name = "NAME"
        )]
        table: Option<crate::report::csv_tables::Table>,
    },
    /// List built-in and user templates.
    Templates,
    /// The report's review cycle: publish a version (draft, validated),
    /// record participants' remarks and sign-offs, list them.
    Review {
        /// An id, a unique id prefix, or `latest`.
        session: String,
        #[command(subcommand)]
        command: review::CycleCommand,
    },
    /// Print what changed between two published versions of the report:
    /// contributions added, removed and edited, and the synthesis.
    Diff {
        /// An id, a unique id prefix, or `latest`.
        session: String,
        /// The earlier version's number.
        v1: u32,
        /// The later version's number.
        v2: u32,
        /// Print a JSON object instead.
        #[arg(long)]
        json: bool,
    },
    /// Import written notes (plain text or Markdown) as a new session;
    /// prints its id, and on stderr how many elements went to each stage
    /// and how many lines are to sort.
    ///
    /// Headings (French or English, Markdown `#`, underlined, `Titre :`,
    /// capitals) give the title, question, synthesis with its building
    /// blocks and proposal, lead, participants, discussion, ideas and
    /// resources; "constat :", "enjeu :", "ressource :" … give kinds;
    /// bullets and indentation give sub-points. A line nothing recognises
    /// goes to a "To sort" stage, never dropped. The global `--lang` sets
    /// the session's language (else the headings' language decides).
    ImportNotes {
        file: PathBuf,
        /// Print what would be created (a tree with kinds) and every line
        /// not placed, with its line number; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// The event the session belongs to (e.g. "Emergence").
        #[arg(long, default_value = "")]
        event: String,
        /// The day the workshop took place, YYYY-MM-DD (default: today).
        #[arg(long, value_parser = |s: &str| parse_date(Lang::En, s))]
        date: Option<chrono::NaiveDate>,
    },
    /// Search every session's text (title, question, contributions,
    /// synthesis, actions, decisions; never stage notes, deleted items or
    /// earlier wordings): accents and capitals do not matter, the start of
    /// a word is enough, every word must be found. Prints the hits grouped
    /// by session, best first, each match between brackets.
    Search {
        /// The words to find.
        #[arg(required = true, value_name = "TEXT")]
        words: Vec<String>,
        /// Only contributions of this kind (observation or constat, idea…).
        #[arg(long)]
        kind: Option<String>,
        /// Only sessions of this event (as written on the set-up screen).
        #[arg(long)]
        event: Option<String>,
        /// Only this session (an id, a unique id prefix, or `latest`).
        #[arg(long)]
        session: Option<String>,
        /// Print a JSON array, one object per session with its hits.
        #[arg(long)]
        json: bool,
    },
    /// The room's inbox: what phones sent, waiting for the facilitator.
    /// Without a subcommand, list it (id, state, stage, kind, sender,
    /// text); `accept`, `merge` or `decline` one input (undo from the
    /// terminal screen).
    Inbox {
        /// An id, a unique id prefix, or `latest`.
        session: String,
        /// List every input, decided ones too (not only the waiting ones).
        #[arg(long)]
        all: bool,
        /// Print a JSON object: the room settings and the inputs.
        #[arg(long)]
        json: bool,
        #[command(subcommand)]
        command: Option<inbox::InboxCommand>,
    },
    /// Show or set how a session treats the room: whether phone input goes
    /// straight in (--accept-all on) or waits in the inbox (off, the
    /// default), and whether phones and the projector see the session's
    /// contributions (--show-items, on by default).
    RoomSettings {
        /// An id, a unique id prefix, or `latest`.
        session: String,
        #[arg(long, value_name = "on|off", value_parser = |s: &str| inbox::parse_switch(Lang::En, s))]
        accept_all: Option<bool>,
        #[arg(long, value_name = "on|off", value_parser = |s: &str| inbox::parse_switch(Lang::En, s))]
        show_items: Option<bool>,
    },
    /// Open the session's room without the terminal screen: phones on the
    /// local network join at the printed address with the printed code
    /// and send their contributions; `/screen` is the projector page.
    /// Stops on Ctrl+C or SIGTERM.
    Room {
        /// An id, a unique id prefix, or `latest`.
        session: String,
        /// The port (default 7777, or a free one when it is taken).
        #[arg(long)]
        port: Option<u16>,
        /// The join code (default: six random digits).
        #[arg(long)]
        code: Option<String>,
        /// Phone input goes straight in instead of waiting in the inbox
        /// (a session setting: it stays on).
        #[arg(long)]
        accept_all: bool,
        /// The address to listen on (default: this computer's address on
        /// the local network).
        #[arg(long)]
        bind: Option<std::net::IpAddr>,
    },
    /// Show what the room may see, full screen, for a projector: the
    /// question, the stage and its timer, how to join while the room is
    /// open, and the contributions made public (names and votes only as
    /// the session allows). Follows the facilitator's changes within a
    /// second; reads the file and never writes it. q or Esc quits.
    Present {
        /// An id, a unique id prefix, or `latest` (the default).
        #[arg(default_value = "latest")]
        session: String,
    },
    /// Events: the ateliers (sessions) of each event, and one report per
    /// event across its ateliers, from however many laptops (import each
    /// lead's bundle first).
    Event {
        #[command(subcommand)]
        command: events::EventCommand,
    },
    /// List the conflicts merges left open (one item changed on two
    /// laptops): the session, the item and both texts. Settle one with
    /// `--settle ID --keep mine|theirs` (mine: the text in this database;
    /// the other is deleted or kept as an earlier version, restorable),
    /// or by deleting the copy in the terminal screen.
    Conflicts {
        /// An id, a unique id prefix, or `latest` (default: every session).
        session: Option<String>,
        /// List settled conflicts too.
        #[arg(long)]
        all: bool,
        /// The conflict to settle (its id as listed).
        #[arg(long, value_name = "ID", requires = "keep")]
        settle: Option<String>,
        #[arg(long, value_name = "mine|theirs", requires = "settle", value_parser = |s: &str| merge::parse_keep(Lang::En, s))]
        keep: Option<crate::store::Keep>,
    },
}
