//! Home's order: sessions grouped by event, and a workshop run over
//! several sessions (each following the one before, `previous_id`) kept
//! together, its sessions in order. Worked out from the one session list
//! (one query), never by loading a session.

use crate::model::Id;
use crate::store::SessionSummary;
use std::collections::HashMap;

/// Where a session sits in its workshop: the first (0), the second (1)…
/// and whether the workshop has more than this one session here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    pub depth: usize,
    pub in_workshop: bool,
}

/// Each session's step, through the sessions it follows that are listed
/// (a chain is followed at most `list.len()` links: a loop in a file
/// cannot hang the screen).
pub fn steps(list: &[&SessionSummary]) -> HashMap<Id, Step> {
    let listed: HashMap<Id, &SessionSummary> = list.iter().map(|s| (s.id, *s)).collect();
    let followed: std::collections::HashSet<Id> =
        list.iter().filter_map(|s| s.previous_id).collect();
    list.iter()
        .map(|s| {
            let mut depth = 0;
            let mut at = *s;
            while let Some(prev) = at.previous_id.and_then(|p| listed.get(&p)) {
                if depth >= list.len() {
                    break;
                }
                depth += 1;
                at = prev;
            }
            let in_workshop = depth > 0 || followed.contains(&s.id);
            (s.id, Step { depth, in_workshop })
        })
        .collect()
}

/// The first listed session of `s`'s workshop.
fn root<'a>(
    s: &'a SessionSummary,
    listed: &HashMap<Id, &'a SessionSummary>,
    limit: usize,
) -> &'a SessionSummary {
    let mut at = s;
    for _ in 0..limit {
        match at.previous_id.and_then(|p| listed.get(&p)) {
            Some(prev) => at = prev,
            None => break,
        }
    }
    at
}

/// `list` (newest first) in home's order: events in the order of their
/// newest session; an event's workshops by date, each workshop's sessions
/// in order; sessions without an event as a last group, newest workshop
/// first.
pub fn arrange(list: Vec<&SessionSummary>) -> Vec<&SessionSummary> {
    let listed: HashMap<Id, &SessionSummary> = list.iter().map(|s| (s.id, *s)).collect();
    let newest: HashMap<Id, usize> = list.iter().enumerate().map(|(i, s)| (s.id, i)).collect();
    let step = steps(&list);
    let mut events: Vec<&str> = Vec::new();
    for s in &list {
        let event = s.event.trim();
        if !event.is_empty() && !events.contains(&event) {
            events.push(event);
        }
    }
    let group = |s: &SessionSummary| {
        let event = s.event.trim();
        events
            .iter()
            .position(|e| *e == event)
            .unwrap_or(events.len())
    };
    let mut arranged = list.clone();
    arranged.sort_by_key(|s| {
        let r = root(s, &listed, list.len());
        let g = group(r);
        let dated = g < events.len();
        // Within an event, the oldest workshop first; without one, the
        // newest first (the list's own order).
        let workshop = if dated {
            (r.date, newest.len() - newest[&r.id])
        } else {
            (chrono::NaiveDate::MIN, newest[&r.id])
        };
        (g, workshop, r.id, step[&s.id].depth, s.date)
    });
    arranged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Lang, SessionStatus};

    fn summary(n: u128, event: &str, day: u32, previous: Option<u128>) -> SessionSummary {
        SessionSummary {
            id: Id::from_u128(n),
            title: format!("S{n}"),
            event: event.into(),
            date: chrono::NaiveDate::from_ymd_opt(2026, 3, day).unwrap(),
            status: SessionStatus::Draft,
            language: Lang::En,
            participants: 0,
            contributions: 0,
            archived: false,
            question: String::new(),
            previous_id: previous.map(Id::from_u128),
            proposal: String::new(),
        }
    }

    #[test]
    fn events_group_their_workshops_in_order() {
        // Newest first, as the store lists them.
        let list = [
            summary(6, "", 20, None),
            summary(5, "Emergence", 19, Some(2)),
            summary(4, "Other", 18, None),
            summary(3, "Emergence", 17, None),
            summary(2, "Emergence", 16, Some(1)),
            summary(1, "Emergence", 15, None),
            summary(7, "", 14, None),
        ];
        let arranged = arrange(list.iter().collect());
        let titles: Vec<&str> = arranged.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, ["S1", "S2", "S5", "S3", "S4", "S6", "S7"]);
        let steps = steps(&list.iter().collect::<Vec<_>>());
        assert_eq!(steps[&Id::from_u128(5)].depth, 2);
        assert!(steps[&Id::from_u128(1)].in_workshop);
        assert!(!steps[&Id::from_u128(3)].in_workshop);
    }

    #[test]
    fn a_loop_of_previous_links_ends() {
        let list = [summary(1, "E", 15, Some(2)), summary(2, "E", 16, Some(1))];
        assert_eq!(arrange(list.iter().collect()).len(), 2);
    }
}
