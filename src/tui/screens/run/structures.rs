//! Run: the 1-2-4-All and per-contribution anonymity. `f` starts the next
//! step (1 minute alone, 2 in pairs, 4 in foursomes, then All), and in the
//! All step ends the 1-2-4-All, each as one undoable command; the header
//! shows the step and its sub-timer. In the All step each contribution is
//! recorded with its team (Ctrl+G moves to the next team); once ended,
//! ideas carry no team. Ctrl+O records the one being typed without its
//! author.

use super::RunState;
use crate::commands::Command;
use crate::i18n::tf;
use crate::model::{Contribution, Step, Structure, TimerAlert, MAX_GROUP};
use crate::tui::core::Core;
use crate::tui::text::clean;
use chrono::Duration;
use ratatui::text::Span;

impl RunState {
    /// The step the current stage's 1-2-4-All is in, when it runs one:
    /// `Some(None)` before its first step.
    pub fn structure_step(&self) -> Option<Option<Step>> {
        let stage = self.stage()?;
        (stage.structure == Structure::OneTwoFourAll).then(|| stage.steps().step())
    }

    /// The group the next contribution is recorded with: only in the All
    /// step of a 1-2-4-All, and never while editing.
    pub fn input_group(&self) -> Option<u32> {
        let in_all = self.structure_step() == Some(Some(Step::All));
        (in_all && self.editing.is_none()).then_some(self.group)
    }

    /// The highest group recorded in the current stage.
    fn last_group(&self) -> u32 {
        let Some(stage) = self.stage().map(|st| st.id) else {
            return 0;
        };
        self.data
            .live()
            .filter(|c| c.stage_id == stage)
            .filter_map(|c| c.group)
            .max()
            .unwrap_or(0)
    }
}

/// `f`: the next step of the current stage's 1-2-4-All; `u` takes it back.
pub fn next_step(s: &mut RunState, core: &mut Core) {
    let Some(stage) = s.stage().map(|st| st.id) else {
        return;
    };
    match s.structure_step() {
        None if s.stage().is_some_and(|st| st.one_two_four_all_ended()) => {
            return core.info(core.t("tuifix.structure_ended"));
        }
        None => return core.info(core.t("structures.not_124")),
        Some(Some(Step::All)) => return end(s, core, stage),
        Some(_) => {}
    }
    if s.run_or_say(core, &Command::NextStep { stage }, None) {
        if let Some(Some(step)) = s.structure_step() {
            if step == Step::All {
                s.group = 1;
            }
            let name = core.t(&format!("structures.step_{}", step.key()));
            core.success(tf(core.lang, "structures.step_started", &[("step", name)]));
        }
    }
}

/// `f` in the All step: the 1-2-4-All ends, stored as the stage going
/// back to an open discussion with its steps kept (see
/// `Stage::one_two_four_all_ended`); `u` takes it back.
fn end(s: &mut RunState, core: &mut Core, stage: crate::model::Id) {
    let command = Command::SetStructure {
        stage,
        structure: Structure::Plain,
    };
    if s.run_or_say(core, &command, None) {
        core.success(core.t("tuifix.structure_done"));
    }
}

/// Ctrl+G: the next group of the All step; after a group with nothing
/// recorded yet, back to group 1.
pub fn next_group(s: &mut RunState, core: &mut Core) {
    if s.input_group().is_none() {
        return core.info(core.t("structures.groups_in_all"));
    }
    let open = (s.last_group() + 1).min(MAX_GROUP);
    s.group = if s.group >= open { 1 } else { s.group + 1 };
    let n = s.group.to_string();
    core.info(tf(core.lang, "structures.group_n", &[("n", &n)]));
}

/// Ctrl+O: the contribution being typed is stored without its author.
/// An edit keeps what was recorded: anonymity is chosen when recording.
pub fn toggle_anonymous(s: &mut RunState, core: &mut Core) {
    if s.editing.is_some() {
        return core.info(core.t("structures.anonymous_when_recording"));
    }
    s.anonymous = !s.anonymous;
    core.info(core.t(if s.anonymous {
        "structures.anonymous_on"
    } else {
        "structures.anonymous_off"
    }));
}

/// How close the current 1-2-4-All step is to its end (Normal outside
/// one), for the bell.
pub fn step_alert(s: &RunState, now: crate::model::Timestamp) -> TimerAlert {
    match (s.structure_step(), s.stage()) {
        (Some(Some(_)), Some(stage)) => stage.steps().alert(now),
        _ => TimerAlert::Normal,
    }
}

/// The header's part for a 1-2-4-All: the step and its sub-timer, styled
/// as the stage clock is (warning, then over time).
pub fn step_spans(s: &RunState, core: &Core) -> Vec<Span<'static>> {
    let (Some(step), Some(stage)) = (s.structure_step(), s.stage()) else {
        return Vec::new();
    };
    let theme = &core.theme;
    let name = core.t("structures.name");
    let Some(step) = step else {
        let hint = tf(core.lang, "structures.press_f", &[("name", name)]);
        return vec![Span::styled(format!("{hint} · "), theme.accent())];
    };
    let now = (core.clock)();
    let steps = stage.steps();
    let label = core.t(&format!("structures.step_{}", step.key()));
    let alert = steps.alert(now);
    // As the stage clock: the time spent, "+" what is over, and a word
    // while it warns.
    let shown = match steps.remaining(now) {
        Some(left) if left < Duration::zero() => format!("+{}", super::clock::clock(-left)),
        _ => super::clock::clock(steps.elapsed(now)),
    };
    let word = match (alert, steps.remaining(now)) {
        (TimerAlert::Warning, Some(left)) => {
            let seconds = left.num_seconds().to_string();
            tf(core.lang, "structures.seconds_left", &[("s", &seconds)]) + " · "
        }
        (TimerAlert::Over, _) => format!("{} · ", core.t("structures.step_over")),
        _ => String::new(),
    };
    let text = match step.minutes() {
        // "2 in pairs" says it is the 1-2-4-All: the name would crowd the
        // stage clock out of a narrow header.
        Some(minutes) => format!("{label} {shown} / {minutes}:00 · {word}"),
        None => format!("{name} · {label} · {} · ", core.t("tuifix.step_all_end")),
    };
    let style = match alert {
        TimerAlert::Normal => theme.accent(),
        TimerAlert::Warning => theme.warn(),
        TimerAlert::Over => theme.overtime(),
    };
    vec![Span::styled(text, style)]
}

/// What the input box's title adds: "anonymous" and the group.
pub fn input_badges(s: &RunState, core: &Core) -> Vec<Span<'static>> {
    let theme = &core.theme;
    let mut spans = Vec::new();
    if s.anonymous {
        let word = core.t("structures.anonymous_badge").to_string();
        spans.push(Span::raw(" · "));
        spans.push(Span::styled(word, theme.warn()));
    }
    if let Some(g) = s.input_group() {
        let n = g.to_string();
        spans.push(Span::raw(" · "));
        spans.push(Span::styled(
            tf(core.lang, "structures.group_n", &[("n", &n)]),
            theme.accent(),
        ));
    }
    spans
}

/// The " — who" after an item in the list: its author, "anonymous" for
/// one stored without its author, and its group in a 1-2-4-All.
pub fn item_author(s: &RunState, core: &Core, c: &Contribution) -> Option<String> {
    let who = match c.participant_id.and_then(|p| s.data.participant(p)) {
        Some(p) => Some(clean(&p.name, false)),
        None if c.anonymous => Some(core.t("structures.anonymous").to_string()),
        None => None,
    };
    let group = c
        .group
        .map(|g| tf(core.lang, "structures.group_n", &[("n", &g.to_string())]));
    match (who, group) {
        (None, None) => None,
        (Some(w), None) | (None, Some(w)) => Some(format!(" — {w}")),
        (Some(w), Some(g)) => Some(format!(" — {w} · {g}")),
    }
}
