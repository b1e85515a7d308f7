//! What `atelier show` adds for 1-2-4-All stages and per-contribution
//! anonymity: the stage's structure and step, an item's group, and
//! "anonymous" where an author would be.

use crate::i18n::{t, tf};
use crate::model::{Contribution, Lang, Stage, Structure};

/// " · 1-2-4-All: 2 in pairs" after a stage's line; empty for an open one.
pub fn stage_marks(stage: &Stage, lang: Lang) -> String {
    let ended = stage.one_two_four_all_ended();
    if stage.structure != Structure::OneTwoFourAll && !ended {
        return String::new();
    }
    let step = match stage.steps().step() {
        Some(_) if ended => t(lang, "tuifix.structure_ended_short"),
        Some(step) => t(lang, &format!("structures.step_{}", step.key())),
        None => t(lang, "structures.not_started"),
    };
    format!(
        "    {}{}{step}",
        t(lang, "structures.name"),
        crate::i18n::colon(lang)
    )
}

/// " — anonymous" and " [group 2]" after an item, as they apply.
pub fn item_marks(c: &Contribution, lang: Lang) -> String {
    let mut marks = String::new();
    if c.anonymous {
        marks.push_str(&format!(" — {}", t(lang, "structures.anonymous")));
    }
    if let Some(g) = c.group {
        let group = tf(lang, "structures.group_n", &[("n", &g.to_string())]);
        marks.push_str(&format!(" [{group}]"));
    }
    marks
}
