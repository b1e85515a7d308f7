//! The small look-ups `atelier add` uses instead of loading the session:
//! the same answers as the whole-session search they replace.

use crate::common;

use common::temp_store;

#[test]
fn a_stage_is_found_by_its_exact_key_in_its_own_session() {
    let (_dir, mut store) = temp_store();
    let a = common::new_session(&mut store, &["Ana"]);
    let b = common::new_session(&mut store, &["Ana"]);
    let stages = store.stages(a).unwrap();
    let wanted = &stages[1];
    let found = store.stage_by_key(a, &wanted.key).unwrap().unwrap();
    assert_eq!(&found, wanted);
    let other = store.stage_by_key(b, &wanted.key).unwrap().unwrap();
    assert_ne!(other.id, wanted.id, "the other session's stage of that key");
    assert_eq!(store.stage_by_key(a, "lunch").unwrap(), None);
    // Keys are matched exactly, as `add` always did.
    let upper = wanted.key.to_uppercase();
    assert_eq!(store.stage_by_key(a, &upper).unwrap(), None);
}

#[test]
fn a_participant_is_found_ignoring_case_and_spaces_on_the_current_roster() {
    let (_dir, mut store) = temp_store();
    let a = common::new_session(&mut store, &["Élodie", "Bo"]);
    let b = common::new_session(&mut store, &["Zoé"]);
    let elodie = store.participants(a).unwrap()[0].clone();
    for typed in ["Élodie", "  élodie ", "ÉLODIE"] {
        let found = store.participant_by_name(a, typed).unwrap();
        assert_eq!(found.map(|p| p.id), Some(elodie.id), "{typed:?}");
    }
    assert_eq!(store.participant_by_name(a, "Zoé").unwrap(), None);
    assert!(store.participant_by_name(b, "zoé").unwrap().is_some());
    assert_eq!(store.participant_by_name(a, "Elodie").unwrap(), None);
    store.remove_participant(elodie.id).unwrap();
    assert_eq!(store.participant_by_name(a, "élodie").unwrap(), None);
}
