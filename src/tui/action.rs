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
    // Themes.
    /// Opens the themes screen, to group contributions.
    Themes,
    /// Marks or unmarks the selected item, to move several at once.
    ThemeMark,
    /// Puts the marked items (or the selected one) into a theme, picked.
    ThemePut,
    /// Takes the marked items (or the selected one) out of their theme.
    ThemeOut,
    /// Creates a theme, named in an editor.
    ThemeNew,
    /// Merges the selected theme into another, picked.
    ThemeMerge,
    /// Moves the marked items of the selected theme into a new theme.
    ThemeSplit,
    // Dot voting.
    /// Opens the vote screen.
    Vote,
    /// One more dot of the voter on the selected item.
    AddDot,
    /// Takes back one of the voter's dots on the selected item.
    RemoveDot,
    /// Enters the selected item's tally (a show of hands).
    Tally,
    /// Sets the dots each participant has.
    SetDots,
    /// Reveals or hides the counts on screen.
    ToggleVotesShown,
    /// Switches between the items and their ranking.
    VoteRanking,
    /// Opens the picker of what the selected contribution answers.
    Link,
    /// Shows or hides the selected contribution's links, both ways.
    ShowLinks,
    /// In the link picker: marks or unmarks the item under the cursor.
    LinkMark,
    /// In the link picker: every kind, or the kind before the item's.
    LinkAllKinds,
    /// Starts the next step of the stage's 1-2-4-All.
    NextStep,
    /// Records the next contributions for the next group (1-2-4-All).
    NextGroup,
    /// Stores the contribution being typed without its author.
    ToggleAnonymous,
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
    /// Review & export: the ODT report (OpenDocument Text).
    ExportOdt,
    // Review cycle.
    /// Publishes the report as it reads now as the next draft.
    PublishVersion,
    /// Publishes the report as it reads now as the validated version.
    PublishValidated,
    /// Opens the report's versions with their remarks and sign-offs.
    Versions,
    /// Records a participant's remark on the selected version.
    Feedback,
    /// Records that someone approved the selected version.
    SignOff,
    /// Marks the selected remark applied, or not.
    ApplyFeedback,
    /// Marks the selected version, to compare another with it.
    MarkVersion,
    /// Shows what changed between two versions.
    DiffVersions,
    /// Exports every report format anonymised (no names, counts kept).
    ExportAnonymised,
    /// Exports the report as PDF.
    ExportPdf,
    /// Opens the room to phones on the local network, or closes it.
    Room,
}
