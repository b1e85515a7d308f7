//! Domain types of a workshop session. No I/O here: the store, the bundle and
//! the reports all convert to and from these types.

mod action;
mod clock;
pub mod conflict_copies;
mod contribution;
mod kind;
mod lang;
pub mod lifecycle;
mod links;
pub mod merge;
mod name_key;
mod report_choices;
pub mod review;
mod room;
mod session;
mod structures;
mod synthesis_sources;
mod template;
mod theme_votes;
mod themes;
mod time;
mod timer;
mod tree;
mod turns;
mod votes;

pub use action::Action;
pub use clock::{Clock, ManualClock, SystemClock};
pub use contribution::{Contribution, Decision, Pass, Revision};
pub use kind::Kind;
pub use lang::Lang;
pub use lifecycle::{LifecycleEffect, LifecycleError, LifecycleEvent};
pub use links::{answered_kind, may_answer, Link, Links, MAX_TRACE_DEPTH};
pub use name_key::{name_key, same_name};
pub use report_choices::{DiscussionOrder, PersonStats, ReportChoices};
pub use review::REMARK_SECTIONS;
pub use review::{content_hash, legacy_content_hash, Feedback, ReportVersion, ReviewLog, SignOff};
pub use room::{InboxItem, InboxState, Origin, RoomStatus};
pub use session::{
    lead_title, Anonymity, BuildingBlock, Participant, Session, SessionData, SessionStatus, Stage,
    Synthesis,
};
pub use structures::{Step, StepClock, Structure, MAX_GROUP, STEP_WARN_BEFORE};
pub use synthesis_sources::SynthesisPart;
pub use template::{Localized, Template, TemplateStage};
pub use themes::Theme;
pub use time::{check_time, format_time, now, parse_date, parse_time, TimeError, Timestamp, YEARS};
pub use timer::{apply_effect, Segment, Timer, TimerAlert, TimerEffect, TimerState, WARN_BEFORE};
pub use tree::{Tree, MAX_DEPTH};
pub use turns::{next_speaker, under_even_share};
pub use votes::{
    check_budget, rank, rank_items, OverBudget, Ranked, Vote, Voting, DEFAULT_DOTS, MAX_DOTS,
};

/// Sessions, participants, stages and contributions are identified by UUIDv7:
/// time-ordered and unique across laptops, so sessions recorded on several
/// machines can later be merged without clashes.
pub type Id = uuid::Uuid;

/// A new time-ordered identifier.
pub fn new_id() -> Id {
    uuid::Uuid::now_v7()
}

/// A new session's pseudonym seed: 128 random bits as hex. Reports number
/// an anonymous session's people in the order of a hash keyed with it
/// (`report::Names`), so nobody without the database can tell who is
/// "Participant 3". Should the system's random source fail, a new id's
/// random bits (74 of them) stand in.
pub fn new_seed() -> String {
    let mut bytes = [0u8; 16];
    match getrandom::fill(&mut bytes) {
        Ok(()) => bytes.iter().map(|b| format!("{b:02x}")).collect(),
        Err(_) => new_id().simple().to_string(),
    }
}
