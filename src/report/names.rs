//! The one anonymity rule: who said or does something, as what a
//! participant receives may print it.

use crate::i18n::t;
use crate::model::{Contribution, Id, Lang, Participant, Session, SessionData};
use sha2::{Digest, Sha256};
use std::collections::HashMap;

/// The anonymity rule: who said it, as a report may print it.
pub struct Names {
    /// Present roster members: their name, or "Participant N" in an
    /// anonymous session (numbered in `pseudonym_order`).
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
    /// The rule for a report of the session, read as anonymous or not.
    pub fn for_report(data: &SessionData, anonymous: bool) -> Names {
        let s = &data.session;
        Names::new(s, &data.participants, s.language, anonymous)
    }

    /// The rule over a session's participants, the removed ones included.
    fn new(session: &Session, participants: &[Participant], lang: Lang, anonymous: bool) -> Names {
        let present: Vec<&Participant> = participants
            .iter()
            .filter(|p| p.removed_at.is_none())
            .collect();
        let present = pseudonym_order(&session.pseudonym_seed, present)
            .into_iter()
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
    pub fn for_room(session: &Session, participants: &[Participant], anonymous: bool) -> Names {
        Names {
            nobody: anonymous,
            ..Names::new(session, participants, session.language, anonymous)
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

/// The people in the order their pseudonyms are numbered: by a hash of the
/// session's secret seed and each one's id. Not the roster's order, nor
/// the order they joined or their names' (anyone who saw the roster or an
/// attendance sheet would know those): without the database, "Participant
/// 2" is any of them.
fn pseudonym_order<'a>(seed: &str, mut people: Vec<&'a Participant>) -> Vec<&'a Participant> {
    people.sort_by_cached_key(|p| {
        let mut hash = Sha256::new();
        hash.update(seed.as_bytes());
        hash.update(b"\0");
        hash.update(p.id.as_bytes());
        (hash.finalize().to_vec(), p.id)
    });
    people
}
