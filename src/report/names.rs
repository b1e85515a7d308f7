//! The one anonymity rule: who said or does something, as what a
//! participant receives may print it.

use crate::i18n::t;
use crate::model::{name_key, Contribution, Id, Lang, Participant, Session, SessionData};
use sha2::{Digest, Sha256};
use std::collections::HashMap;

/// The anonymity rule: who said it, as a report may print it.
pub struct Names {
    /// Everyone ever on the roster as a report shows them beside a text:
    /// their name ("a former participant" once removed from the roster,
    /// which may mean they withdrew), or in an anonymous report "Participant N" numbered over
    /// everyone, removed people included, so that a removal renumbers
    /// nobody and a removed person's texts keep their pseudonym (comparing
    /// two drafts then tells nothing).
    people: HashMap<Id, String>,
    /// Who gets a row in per-person counts, in the order of the rows: the
    /// roster's when named; by pseudonym when anonymous (roster order beside
    /// pseudonyms would unmask them), removed people folded in.
    rows: Vec<Id>,
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
    /// Who a name typed for an action means (lead or participant), by
    /// the name as matched (`name_key`): an anonymous report must not print
    /// a roster name, or the lead's, that came in as typed text.
    typed: HashMap<String, Typed>,
    /// How an anonymous report shows the lead beside an action: her role
    /// ("Porteuse") or "the lead", never her name.
    lead_role: String,
    /// Anyone else an anonymous report shows beside an action.
    outsider: String,
}

/// Whom a typed name means.
#[derive(Clone, Copy)]
enum Typed {
    Lead,
    Person(Id),
}

impl Names {
    /// The rule for a report of the session, read as anonymous or not.
    pub fn for_report(data: &SessionData, anonymous: bool) -> Names {
        let s = &data.session;
        Names::new(s, &data.participants, s.language, anonymous)
    }

    /// The rule over a session's participants, the removed ones included.
    fn new(session: &Session, participants: &[Participant], lang: Lang, anonymous: bool) -> Names {
        let present = participants.iter().filter(|p| p.removed_at.is_none());
        let (people, rows) = if anonymous {
            let ordered = pseudonym_order(&session.pseudonym_seed, participants.iter().collect());
            let people = ordered
                .iter()
                .enumerate()
                .map(|(i, p)| (p.id, format!("{} {}", t(lang, "report.participant"), i + 1)))
                .collect();
            (people, ordered.iter().map(|p| p.id).collect())
        } else {
            // Removal may be someone withdrawing: what they said stays,
            // their name goes.
            let former = t(lang, "report.former_person");
            let people = participants
                .iter()
                .map(|p| match p.removed_at {
                    None => (p.id, p.name.clone()),
                    Some(_) => (p.id, former.to_string()),
                })
                .collect();
            (people, present.map(|p| p.id).collect())
        };
        let (lead_role, lead) = match crate::model::lead_title(&session.lead) {
            Some((role, name)) => (role.to_string(), name.to_string()),
            None => (
                t(lang, "report.action_lead").to_string(),
                session.lead.clone(),
            ),
        };
        let mut typed: HashMap<String, Typed> = participants
            .iter()
            .map(|p| (name_key(&p.name), Typed::Person(p.id)))
            .collect();
        typed.insert(name_key(&lead), Typed::Lead);
        typed.remove("");
        Names {
            people,
            rows,
            per_person: !anonymous,
            anonymous: t(lang, "structures.anonymous").to_string(),
            someone: t(lang, "report.action_someone").to_string(),
            nobody: false,
            typed,
            lead_role,
            outsider: t(lang, "report.action_outsider").to_string(),
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

    /// Who does an action: a roster member by name, anyone else as typed.
    /// In an anonymous report no name at all: "a participant" for someone
    /// of the roster (typed or picked), the lead's role for the lead, "a
    /// person outside the group" for anyone else.
    pub(super) fn action_owner(&self, a: &crate::model::Action) -> Option<String> {
        let typed = a.who_name.trim();
        let who = match a.who_participant {
            Some(p) => Some(Typed::Person(p)),
            None => self.typed.get(&name_key(typed)).copied(),
        };
        match who {
            Some(Typed::Person(_)) if !self.per_person => Some(self.someone.clone()),
            Some(Typed::Person(p)) => self.person(p),
            Some(Typed::Lead) if !self.per_person => Some(self.lead_role.clone()),
            _ if typed.is_empty() => None,
            _ if !self.per_person => Some(self.outsider.clone()),
            _ => Some(typed.to_string()),
        }
    }

    /// Who gave a remark or a sign-off, kept as a roster member (`person`)
    /// or a typed name: as texts and actions show people, so a removed
    /// person is "a former participant" here too (a typed name that is
    /// theirs included); `None` in an anonymous report.
    pub(super) fn signer(&self, person: Option<Id>, typed: &str) -> Option<String> {
        if !self.per_person {
            return None;
        }
        let who = match person {
            Some(p) => Some(p),
            None => match self.typed.get(&name_key(typed)) {
                Some(Typed::Person(p)) => Some(*p),
                _ => None,
            },
        };
        match who.and_then(|p| self.person(p)) {
            Some(name) => Some(name),
            None => Some(typed.to_string()),
        }
    }

    /// The lead as the report's cover names her: not at all in an
    /// anonymous report ("no name next to any text" covers her actions,
    /// and a cover naming her beside counts only would single her out).
    pub(super) fn cover_lead(&self, lead: String) -> String {
        match self.per_person {
            true => lead,
            false => String::new(),
        }
    }

    /// A participant as a report may name them.
    pub(super) fn person(&self, id: Id) -> Option<String> {
        self.people.get(&id).cloned()
    }

    /// The people per-person counts give a row, in order, with their
    /// labels (see `rows`).
    pub(super) fn rows(&self) -> impl Iterator<Item = (Id, String)> + '_ {
        self.rows
            .iter()
            .map(|id| (*id, self.people.get(id).cloned().unwrap_or_default()))
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
