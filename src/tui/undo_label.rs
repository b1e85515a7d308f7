//! A short name for each change, so "Undone." can say what it took back
//! ("Undone: dot placed"). One label per kind of command; the match has no
//! catch-all, so a new command must be given its own.

use crate::commands::{Command, ReviewCommand, RoomCommand, VoteCommand};

/// The i18n key of the label of `command`.
pub fn label(command: &Command) -> &'static str {
    use Command::*;
    match command {
        Record(_) => "tuifix.label.record",
        Edit { .. } | PutContributions(_) => "tuifix.label.edit",
        Delete { .. } => "tuifix.label.delete",
        Restore { .. } => "tuifix.label.restore",
        Move { .. } | Swap { .. } => "tuifix.label.move",
        Indent { .. } | IndentUnder { .. } => "tuifix.label.indent",
        Outdent { .. } => "tuifix.label.outdent",
        MoveToStage { .. } => "tuifix.label.move_to_stage",
        Park { .. } => "tuifix.label.park",
        Unpark { .. } => "tuifix.label.unpark",
        Decide { .. } | PutDecision(_) => "tuifix.label.decision",
        RemoveDecision { .. } => "tuifix.label.decision_removed",
        AddAction(_) | PutAction(_) => "tuifix.label.action",
        SetActionStatus { .. } | SetPreviousActionDone { .. } => "tuifix.label.action_status",
        RemoveAction { .. } => "tuifix.label.action_removed",
        EditAction { .. } => "tuifix.label.action_edited",
        CarryAction { .. } => "tuifix.label.action_carried",
        Pass { .. } | PutPass(_) => "tuifix.label.pass",
        RemovePass { .. } => "tuifix.label.pass_removed",
        EnterStage { .. } => "tuifix.label.enter_stage",
        Pause { .. } | Resume { .. } | PutTiming(_) => "tuifix.label.timer",
        ExtendStage { .. } | SetPlannedMinutes { .. } => "tuifix.label.planned_time",
        SetStageNotes { .. } => "tuifix.label.notes",
        Close | CloseAgain { .. } => "tuifix.label.close",
        Reopen { .. } => "tuifix.label.reopen",
        SetLanguage(_) => "tuifix.label.language",
        SaveSynthesis(_) => "tuifix.label.synthesis",
        AddParticipant { .. } => "tuifix.label.participant_added",
        RemoveParticipant { .. } => "tuifix.label.participant_removed",
        PutParticipant(_) | EditParticipant { .. } => "tuifix.label.participant_edited",
        MoveParticipant { .. } => "tuifix.label.roster_order",
        SetDetails(_) => "tuifix.label.details",
        PutStages { .. } => "tuifix.label.template",
        SetStageTitles(_) => "tuifix.label.stage_titles",
        // A batch is one change: it is named after its first command.
        Batch(commands) => commands.first().map_or("tuifix.label.changes", label),
        AddTheme { .. } => "tuifix.label.theme_added",
        RenameTheme { .. } => "tuifix.label.theme_renamed",
        RemoveTheme { .. } => "tuifix.label.theme_removed",
        PutInTheme { .. } => "tuifix.label.sorted",
        MergeThemes { .. } => "tuifix.label.themes_merged",
        SplitTheme { .. } => "tuifix.label.theme_split",
        PutThemes(_) => "tuifix.label.themes",
        Vote(vote) => vote_label(vote),
        Link { .. } | PutLinks(_) => "tuifix.label.link",
        Unlink { .. } => "tuifix.label.unlink",
        SetStructure { .. } => "tuifix.label.structure",
        NextStep { .. } | PutSteps { .. } => "tuifix.label.step",
        Review(review) => review_label(review),
        Room(room) => room_label(room),
    }
}

fn room_label(room: &RoomCommand) -> &'static str {
    use RoomCommand::*;
    match room {
        Accept { .. } => "inbox.label.accepted",
        Merge { .. } => "inbox.label.merged",
        Decline { .. } => "inbox.label.declined",
        PutDecision(_) => "inbox.label.decision",
        SetSettings(_) => "inbox.label.settings",
    }
}

fn review_label(review: &ReviewCommand) -> &'static str {
    use ReviewCommand::*;
    match review {
        Publish { .. } | RemoveVersion { .. } | PutVersion(_) => "tuifix.label.version",
        AddFeedback(_) | RemoveFeedback { .. } | PutFeedback(_) => "tuifix.label.remark",
        SetApplied { .. } => "tuifix.label.remark_applied",
        SignOff { .. } | RemoveSignOff { .. } | PutSignOff(_) => "tuifix.label.sign_off",
    }
}

fn vote_label(vote: &VoteCommand) -> &'static str {
    use VoteCommand::*;
    match vote {
        CastVotes { .. } | PutVotes(_) => "tuifix.label.dot_placed",
        SetTally { .. } => "tuifix.label.tally",
        RemoveVote { .. } => "tuifix.label.dot_removed",
        SetDots(_) => "tuifix.label.dots",
        RevealVotes => "tuifix.label.reveal",
        HideVotes => "tuifix.label.hide",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{new_id, Lang};

    #[test]
    fn every_label_reads_in_both_languages() {
        let id = new_id();
        let commands = [
            Command::Park { id },
            Command::Vote(VoteCommand::CastVotes {
                participant: id,
                items: vec![id],
            }),
            Command::Batch(vec![Command::Delete { id }]),
            Command::Batch(Vec::new()),
        ];
        let fr: Vec<&str> = commands
            .iter()
            .map(|c| crate::i18n::t(Lang::Fr, label(c)))
            .collect();
        assert_eq!(
            fr,
            [
                "mise au parking",
                "point placé",
                "suppression",
                "changements"
            ]
        );
        let en = crate::i18n::t(Lang::En, label(&commands[1]));
        assert_eq!(en, "dot placed");
    }
}
