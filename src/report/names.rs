//! The one anonymity rule: who said or does something, as what a
//! participant receives may print it.

use crate::i18n::t;
use crate::model::{Contribution, Id, Lang, Participant};
use std::collections::HashMap;

/// The anonymity rule: who said it, as a report may print it.
pub struct Names {
    /// Present roster members: their name, or "Participant N" (numbered
    /// over the present roster only) in an anonymous session.
    pub(super) present: HashMap<Id, String>,
    /// Removed participants, by name; empty in an anonymous session, where
    /// what they said stays but is credited to no one.
    removed: HashMap<Id, String>,
    /// Whether people may be shown one by one beside what they did.
    pub(super) per_person: bool,
    /// What a contribution stored without its author shows instead.
    anonymous: String,
    /// Who does an action in an anonymous session, when it is someone on
    /// the roster: no pseudonym, since "Participant 3" beside an action
    /// would tell the room who "Participant 3" is beside every text.
    someone: String,
    /// No author at all, not even a pseudonym or "anonymous": the room's
    /// view of an anonymous session (see `for_room`).
    nobody: bool,
}

impl Names {
    /// The rule over a session's participants, the removed ones included.
    pub fn new(participants: &[Participant], lang: Lang, anonymous: bool) -> Names {
        let present = participants
            .iter()
            .filter(|p| p.removed_at.is_none())
            .enumerate()
            .map(|(i, p)| {
                let shown = if anonymous {
                    format!("{} {}", t(lang, "report.participant"), i + 1)
                } else {
                    p.name.clone()
                };
                (p.id, shown)
            })
            .collect();
        let removed = participants
            .iter()
            .filter(|p| p.removed_at.is_some() && !anonymous)
            .map(|p| (p.id, p.name.clone()))
            .collect();
        Names {
            present,
            removed,
            per_person: !anonymous,
            anonymous: t(lang, "structures.anonymous").to_string(),
            someone: t(lang, "report.action_someone").to_string(),
            nobody: false,
        }
    }

    /// The rule for what the room sees live (phones, projector): as a
    /// report, except that an anonymous session shows no author at all.
    /// Lines appearing one by one on a screen would let the room tie
    /// "Participant 3" to a face, which a report read afterwards does not.
    pub fn for_room(participants: &[Participant], lang: Lang, anonymous: bool) -> Names {
        Names {
            nobody: anonymous,
            ..Names::new(participants, lang, anonymous)
        }
    }

    /// One stored without its author is "anonymous", never anyone's.
    pub fn author(&self, c: &Contribution) -> Option<String> {
        if self.nobody {
            return None;
        }
        if c.anonymous {
            return Some(self.anonymous.clone());
        }
        self.person(c.participant_id?)
    }

    /// Who does an action: a roster member by name, or in an anonymous
    /// session only "a participant"; anyone from outside as typed.
    pub(super) fn action_owner(&self, a: &crate::model::Action) -> Option<String> {
        match a.who_participant {
            Some(_) if !self.per_person => Some(self.someone.clone()),
            Some(p) => self.person(p),
            None => Some(a.who_name.clone()).filter(|n| !n.trim().is_empty()),
        }
    }

    /// A participant as a report may name them.
    fn person(&self, id: Id) -> Option<String> {
        self.present.get(&id).or(self.removed.get(&id)).cloned()
    }
}
