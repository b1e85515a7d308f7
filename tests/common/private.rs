//! An anonymous session holding everything a report must never show:
//! names (one of them removed from the roster), a role, stage notes, a
//! deleted remark and the first wording of an edited one; a parked remark
//! (shown, without its author's name) and a decision.
#![allow(dead_code)]

use atelier::model::{Anonymity, Id, Kind, Lang};
use atelier::store::{NewContribution, Store};

/// What the report must not contain, and what the bundle must.
pub struct Secrets {
    pub names: Vec<&'static str>,
    pub role: &'static str,
    pub notes: &'static str,
    pub deleted: &'static str,
    pub first_draft: &'static str,
}

impl Secrets {
    /// Every secret, and each name's first name on its own.
    pub fn all(&self) -> Vec<&'static str> {
        let mut all = self.names.clone();
        all.extend(self.names.iter().filter_map(|n| n.split(' ').next()));
        all.extend([self.role, self.notes, self.deleted, self.first_draft]);
        all
    }

    /// Panics with the first secret found in `text`.
    pub fn assert_none_in(&self, text: &str, what: &str) {
        for secret in self.all() {
            assert!(!text.contains(secret), "{what} reveals \"{secret}\"");
        }
    }
}

/// Texts every report must still show.
pub const SAID: [&str; 6] = [
    "Trains are late",
    "Especially on Mondays",
    "Said before leaving",
    "Final wording",
    "The canteen closes too early",
    "We meet again in May",
];

/// Builds the session in `store`, in `lang`; returns its id.
pub fn anonymous_session(store: &mut Store, lang: Lang) -> (Id, Secrets) {
    let secrets = Secrets {
        names: vec!["Zephyrine Quill", "Bartholomew Ngata", "Ottoline Vasquez"],
        role: "Undercover auditor",
        notes: "Zephyrine looked bored so ask her privately",
        deleted: "Bartholomew thinks the boss is useless",
        first_draft: "Ottoline first rude draft",
    };
    let id = super::new_session(store, &secrets.names);
    let mut session = store.session(id).unwrap();
    session.anonymity = Anonymity::Anonymous;
    session.language = lang;
    store.update_session(&session).unwrap();
    let people = store.participants(id).unwrap();
    store
        .set_participant_role(people[0].id, secrets.role)
        .unwrap();
    let stage = store.stages(id).unwrap()[1].id;
    store.set_stage_notes(stage, secrets.notes).unwrap();
    let mut say = |who: Option<usize>, text: &str, parent: Option<Id>| {
        store
            .add_contribution(&NewContribution {
                stage_id: stage,
                participant_id: who.map(|i| people[i].id),
                kind: Kind::Observation,
                text: text.into(),
                parent_id: parent,
                group: None,
                anonymous: false,
                origin: atelier::model::Origin::Facilitator,
            })
            .unwrap()
            .id
    };
    let late = say(Some(0), SAID[0], None);
    say(Some(2), SAID[1], Some(late));
    say(Some(1), SAID[2], None);
    let gone = say(Some(1), secrets.deleted, None);
    let edited = say(Some(2), secrets.first_draft, None);
    let off_topic = say(Some(0), SAID[4], None);
    store.delete_contribution(gone).unwrap();
    store.edit_contribution(edited, SAID[3]).unwrap();
    let park = atelier::commands::Command::Park { id: off_topic };
    atelier::commands::apply(store, id, &park).unwrap();
    let decide = atelier::commands::Command::Decide {
        text: SAID[5].into(),
    };
    atelier::commands::apply(store, id, &decide).unwrap();
    // Bartholomew leaves: what he said stays, credited to no one.
    store.remove_participant(people[1].id).unwrap();
    (id, secrets)
}
