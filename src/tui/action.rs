//! Everything a user can ask for. Keys map to actions through the keymap
//! (`assets/keymap.json`, read with serde); `update` interprets them.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Action {
    // Moving around.
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Left,
    Right,
    Back,
    Quit,
    Help,
    Confirm,
    Yes,
    No,
    // Home.
    Open,
    NewSession,
    Duplicate,
    Archive,
    ToggleArchived,
    DeleteForever,
    Filter,
    // Set-up.
    Setup,
    AddParticipant,
    PasteRoster,
    /// Edit a participant's role or organisation.
    Role,
    Run,
    // Run: the list of contributions.
    Write,
    Edit,
    Delete,
    Undo,
    /// Does again what the last undo took back.
    Redo,
    RestoreDeleted,
    /// Sends the selected contribution to the parking lot.
    Park,
    /// Opens the parking lot, to bring a contribution back.
    ParkingLot,
    /// Opens an editor to log a decision.
    Decide,
    /// Records an action ("qui fait quoi"): what, then who, then by when.
    AssignAction,
    /// Starts or stops the round-robin ("tour de table").
    RoundRobin,
    /// Records that the speaker passes their turn, and moves on.
    Pass,
    MoveUp,
    MoveDown,
    Indent,
    Outdent,
    CycleKind,
    PrevKind,
    SetWho,
    MoveToStage,
    NextStage,
    PrevStage,
    Notes,
    Synthesis,
    Review,
    // Typing.
    Submit,
    Newline,
    PickParticipant,
    /// Alt+digit: participant by roster number, 0 for the group.
    Participant(u8),
    UndoText,
    RedoText,
    // Synthesis.
    FocusNext,
    FocusPrev,
    AddBlock,
    PickToText,
    PickToBlock,
    PickToProposal,
    // Review & export.
    ExportAll,
    ExportMarkdown,
    ExportHtml,
    ExportCsv,
    ExportJson,
    /// The complete archive (bundle), apart from the reports.
    ExportBundle,
    OpenExported,
    CloseSession,
    /// Opens a closed session for changes again.
    ReopenSession,
    /// Pauses the current stage's clock, or runs it again.
    PauseTimer,
    /// Gives the current stage this many more planned minutes.
    ExtendStage(u32),
    // Follow-through.
    /// Opens the follow-through screen (actions, decisions, carry-over).
    FollowThrough,
    /// Marks an action done, or open again; one of the previous session
    /// done where it was agreed.
    ToggleDone,
    /// Sets an action's due date.
    EditDue,
    /// Carries an action of the previous session over into this one.
    CarryOver,
}
