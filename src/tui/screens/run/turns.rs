//! Run: the round-robin ("tour de table"). While it is on, the speaker of
//! the next input is chosen for the facilitator: the next person in roster
//! order who has neither spoken nor passed in this stage. A pass is
//! recorded through the command layer (a turn without text), so `u`
//! undoes it.

use super::{Focus, RunState};
use crate::commands::Command;
use crate::i18n::tf;
use crate::model::Id;
use crate::tui::core::Core;

impl RunState {
    /// Whether `who` has had their turn in the stage shown: said
    /// something or passed.
    pub fn turn_taken(&self, who: Id) -> bool {
        let Some(stage) = self.stage().map(|st| st.id) else {
            return false;
        };
        self.counts.get(&Some(who)).is_some_and(|c| c.0 > 0)
            || self.anonymous_turns.contains(&(stage, who))
            || self
                .data
                .live_passes()
                .any(|p| p.stage_id == stage && p.participant_id == who)
    }

    /// Who the round-robin gives the floor to after `after`.
    pub fn next_in_turn(&self, after: Option<Id>) -> Option<Id> {
        let roster: Vec<Id> = self.data.roster().map(|p| p.id).collect();
        crate::model::next_speaker(&roster, |p| self.turn_taken(p), after)
    }
}

/// `r`: starts or stops the round-robin; starting gives the floor to the
/// first person in roster order who has not had their turn.
pub fn toggle(s: &mut RunState, core: &mut Core) {
    s.round_robin = !s.round_robin;
    if !s.round_robin {
        core.info(core.t("run.round_robin_off"));
        return;
    }
    s.participant = s.next_in_turn(None);
    s.focus = Focus::Input;
    say_next(s, core, "run.round_robin_on");
}

/// After a turn (a submit or a pass) in a round-robin: the next speaker.
/// A contribution stored without its author (`anonymous`) still was the
/// speaker's turn.
pub fn after_turn(s: &mut RunState, spoke: Option<Id>, anonymous: bool) {
    if s.round_robin {
        if let (true, Some(who), Some(stage)) = (anonymous, spoke, s.stage().map(|st| st.id)) {
            s.anonymous_turns.insert((stage, who));
        }
        s.participant = s.next_in_turn(spoke);
    }
}

/// `n`: the chosen speaker passes their turn. Recorded in this stage, then
/// the floor moves on as after a submit.
pub fn pass(s: &mut RunState, core: &mut Core) {
    let (Some(who), Some(stage)) = (s.participant, s.stage().map(|st| st.id)) else {
        core.info(core.t("run.pass_nobody"));
        return;
    };
    let name = s.speaker_name(core, Some(who));
    let pass = Command::Pass {
        stage,
        participant: who,
    };
    if s.run(core, &pass, None).is_ok() {
        after_turn(s, Some(who), false);
        if s.round_robin {
            say_next(s, core, "run.passed_next");
        } else {
            core.success(tf(core.lang, "run.passed", &[("who", &name)]));
        }
    }
}

fn say_next(s: &RunState, core: &mut Core, key: &str) {
    match s.participant {
        Some(next) => {
            let who = s.speaker_name(core, Some(next));
            core.info(tf(core.lang, key, &[("who", &who)]));
        }
        None => core.success(core.t("run.round_robin_done")),
    }
}
