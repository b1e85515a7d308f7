use super::*;
use crate::model::{new_id, now};

fn item(data: &mut SessionData, kind: Kind, text: &str) -> Id {
    let stage = data.stages[0].id;
    let c = Contribution {
        id: new_id(),
        stage_id: stage,
        participant_id: None,
        kind,
        text: text.into(),
        parent_id: None,
        position: data.contributions.len() as i64 + 1,
        created_at: now(),
        updated_at: now(),
        deleted_at: None,
        parked_at: None,
        revisions: Vec::new(),
        group: None,
        anonymous: false,
        origin: crate::model::Origin::Facilitator,
    };
    data.contributions.push(c);
    data.contributions.last().unwrap().id
}

fn link(data: &mut SessionData, from: Id, to: Id) {
    data.links.push(Link {
        id: new_id(),
        from,
        to,
        created_at: now(),
        removed_at: None,
    });
}

fn empty() -> SessionData {
    let text = include_str!("../../sessions/atelier-5-emergence-session-1.json");
    let mut data = crate::bundle::parse("sample", text, &crate::templates::Catalog::built_in())
        .expect("the sample imports");
    data.contributions.clear();
    data.links.clear();
    data
}

fn texts(data: &SessionData, root: Id) -> Vec<(String, usize)> {
    let links = Links::of(data);
    let root = data.contributions.iter().find(|c| c.id == root).unwrap();
    links
        .trace(root)
        .into_iter()
        .map(|(c, d)| (c.text.clone(), d))
        .collect()
}

fn owned(list: &[(&str, usize)]) -> Vec<(String, usize)> {
    list.iter().map(|(t, d)| (t.to_string(), *d)).collect()
}

#[test]
fn a_proposal_traces_back_to_its_observations_in_order() {
    let mut d = empty();
    let o1 = item(&mut d, Kind::Observation, "o1");
    let o2 = item(&mut d, Kind::Observation, "o2");
    let s = item(&mut d, Kind::Stake, "s");
    let i = item(&mut d, Kind::Idea, "i");
    let p = item(&mut d, Kind::Proposal, "p");
    // Linked in another order than the session's: the trace keeps the
    // session's.
    link(&mut d, s, o2);
    link(&mut d, s, o1);
    link(&mut d, i, s);
    link(&mut d, p, i);
    assert_eq!(
        texts(&d, p),
        owned(&[("p", 0), ("i", 1), ("s", 2), ("o1", 3), ("o2", 3)])
    );
    let links = Links::of(&d);
    assert_eq!(links.built_on(s).len(), 1);
    assert_eq!(links.answers(s).len(), 2);
    assert_eq!(
        links.roots().iter().map(|c| c.id).collect::<Vec<_>>(),
        vec![p]
    );
}

#[test]
fn a_cycle_stops_where_it_closes() {
    let mut d = empty();
    let a = item(&mut d, Kind::Proposal, "a");
    let b = item(&mut d, Kind::Idea, "b");
    let c = item(&mut d, Kind::Stake, "c");
    link(&mut d, a, b);
    link(&mut d, b, c);
    link(&mut d, c, a);
    link(&mut d, c, b);
    assert_eq!(texts(&d, a), owned(&[("a", 0), ("b", 1), ("c", 2)]));
    // A loop without a proposal still gets a root, once: the latest item.
    let mut d = empty();
    let x = item(&mut d, Kind::Idea, "x");
    let y = item(&mut d, Kind::Stake, "y");
    link(&mut d, x, y);
    link(&mut d, y, x);
    let roots: Vec<Id> = Links::of(&d).roots().iter().map(|c| c.id).collect();
    assert_eq!(roots, vec![y]);
}

#[test]
fn an_item_reached_twice_shows_once() {
    let mut d = empty();
    let o = item(&mut d, Kind::Observation, "o");
    let s1 = item(&mut d, Kind::Stake, "s1");
    let s2 = item(&mut d, Kind::Stake, "s2");
    let p = item(&mut d, Kind::Proposal, "p");
    link(&mut d, s1, o);
    link(&mut d, s2, o);
    link(&mut d, p, s1);
    link(&mut d, p, s2);
    // The same pair twice (a damaged file) counts once.
    link(&mut d, p, s2);
    assert_eq!(
        texts(&d, p),
        owned(&[("p", 0), ("s1", 1), ("o", 2), ("s2", 1)])
    );
    assert_eq!(Links::of(&d).answers(p).len(), 2);
}

#[test]
fn a_trace_stops_at_its_depth() {
    let mut d = empty();
    let ids: Vec<Id> = (0..MAX_TRACE_DEPTH + 5)
        .map(|i| item(&mut d, Kind::Idea, &format!("{i}")))
        .collect();
    for w in ids.windows(2) {
        link(&mut d, w[0], w[1]);
    }
    let trace = texts(&d, ids[0]);
    assert_eq!(trace.len(), MAX_TRACE_DEPTH + 1);
    assert_eq!(trace.last().unwrap().1, MAX_TRACE_DEPTH);
    // What lies beyond starts a trace of its own, each item shown once.
    let links = Links::of(&d);
    let roots = links.roots();
    assert_eq!(roots.len(), 2);
    let shown: usize = roots.iter().map(|r| links.trace(r).len()).sum();
    assert_eq!(shown, ids.len());
}

#[test]
fn removed_links_and_deleted_ends_do_not_count() {
    let mut d = empty();
    let o = item(&mut d, Kind::Observation, "o");
    let gone = item(&mut d, Kind::Observation, "gone");
    let s = item(&mut d, Kind::Stake, "s");
    link(&mut d, s, o);
    link(&mut d, s, gone);
    d.links[0].removed_at = Some(now());
    d.contributions[1].deleted_at = Some(now());
    assert_eq!(texts(&d, s), owned(&[("s", 0)]));
    assert!(Links::of(&d).roots().is_empty());
}

#[test]
fn each_kind_offers_the_one_before_it() {
    assert_eq!(answered_kind(Kind::Stake), Some(Kind::Observation));
    assert_eq!(answered_kind(Kind::Idea), Some(Kind::Stake));
    assert_eq!(answered_kind(Kind::Proposal), Some(Kind::Idea));
    assert_eq!(answered_kind(Kind::Observation), None);
}

#[test]
fn several_starts_share_one_walk_and_what_they_show_starts_no_trace() {
    let mut data = empty();
    let o = item(&mut data, Kind::Observation, "o");
    let i1 = item(&mut data, Kind::Idea, "i1");
    let i2 = item(&mut data, Kind::Idea, "i2");
    let p = item(&mut data, Kind::Proposal, "p");
    let other = item(&mut data, Kind::Proposal, "other");
    link(&mut data, i1, o);
    link(&mut data, i2, o);
    link(&mut data, p, i1);
    link(&mut data, other, i2);
    let links = Links::of(&data);
    let at = |id: Id| data.contributions.iter().find(|c| c.id == id).unwrap();
    let walk: Vec<(String, usize)> = links
        .trace_from(&[at(p), at(i2)], 1)
        .into_iter()
        .map(|(c, d)| (c.text.clone(), d))
        .collect();
    // `o` shows once, under the first start that answers it.
    assert_eq!(walk, owned(&[("p", 1), ("i1", 2), ("o", 3), ("i2", 1)]));
    let shown: HashSet<Id> = [p, i1, o, i2].into();
    let roots: Vec<&str> = links
        .roots_besides(&shown)
        .iter()
        .map(|c| c.text.as_str())
        .collect();
    assert_eq!(roots, ["other"], "p is shown already, other is not");
    let all: Vec<&str> = links.roots().iter().map(|c| c.text.as_str()).collect();
    assert_eq!(all, ["p", "other"]);
}
