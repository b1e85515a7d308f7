use crate::i18n::{long_date, t, tf};
use crate::model::{Anonymity, Contribution, Id, Kind, Lang, SessionData, Tree};
use serde::Serialize;
use std::collections::HashMap;

/// Everything a report says, already in the session's language.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub lang: &'static str,
    pub title: String,
    pub event: String,
    pub date: String,
    pub status: &'static str,
    pub question: String,
    pub context: String,
    pub lead: String,
    pub participants: Vec<String>,
    /// Set instead of names when the session is anonymous.
    pub anonymous_note: Option<String>,
    pub synthesis: SynthesisView,
    /// Discussion elements grouped by kind (ideas and resources apart).
    pub discussion: Vec<Group>,
    pub ideas: Vec<Item>,
    pub resources: Vec<Item>,
    pub stats: Stats,
    /// Headings and labels, by key without the `report.` prefix.
    pub labels: HashMap<&'static str, String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SynthesisView {
    pub text: String,
    pub blocks_heading: String,
    pub blocks: Vec<(String, String)>,
    pub proposal: String,
    pub is_empty: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Group {
    pub heading: String,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Item {
    pub text: String,
    pub author: Option<String>,
    /// Shown when a sub-point's kind differs from its parent's.
    pub kind: Option<String>,
    pub children: Vec<Item>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Count {
    pub label: String,
    pub count: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Stats {
    pub total: usize,
    pub by_participant: Vec<Count>,
    pub by_stage: Vec<Count>,
    pub by_kind: Vec<Count>,
}

const LABELS: &[&str] = &[
    "question",
    "context",
    "synthesis",
    "proposal",
    "lead",
    "participants",
    "discussion",
    "ideas",
    "resources",
    "stats",
    "by_participant",
    "by_stage",
    "by_kind",
    "participant",
    "stage",
    "kind",
    "count",
    "total",
    "generated",
    "empty",
];

/// Kinds shown under "discussion", in this order.
const DISCUSSION: [Kind; 6] = [
    Kind::Context,
    Kind::Observation,
    Kind::Stake,
    Kind::Question,
    Kind::Proposal,
    Kind::Action,
];

impl Report {
    pub fn build(data: &SessionData) -> Report {
        let s = &data.session;
        let lang = s.language;
        let anonymous = s.anonymity == Anonymity::Anonymous;
        let names = Names::new(data, lang, anonymous);
        let tree = Tree::new(data);
        let mut by_kind: Vec<(Kind, Vec<Item>)> = Vec::new();
        for stage in &data.stages {
            for top in tree.children(stage.id, None) {
                let item = item(&tree, top, &names, lang);
                match by_kind.iter_mut().find(|(k, _)| *k == top.kind) {
                    Some((_, items)) => items.push(item),
                    None => by_kind.push((top.kind, vec![item])),
                }
            }
        }
        let mut take = |kind: Kind| {
            by_kind
                .iter_mut()
                .find(|(k, _)| *k == kind)
                .map(|(_, items)| std::mem::take(items))
                .unwrap_or_default()
        };
        let discussion = DISCUSSION
            .iter()
            .map(|k| Group {
                heading: k.plural(lang).to_string(),
                items: take(*k),
            })
            .filter(|g| !g.items.is_empty())
            .collect();
        let ideas = take(Kind::Idea);
        let resources = take(Kind::Resource);
        let syn = &data.synthesis;
        Report {
            lang: lang.code(),
            title: s.title.clone(),
            event: s.event.clone(),
            date: long_date(lang, s.date),
            status: t(lang, &format!("report.status.{}", s.status.key())),
            question: s.question.clone(),
            context: s.context.clone(),
            lead: s.lead.clone(),
            participants: if anonymous {
                Vec::new()
            } else {
                data.roster()
                    .map(|p| match p.role.trim() {
                        "" => p.name.clone(),
                        role => format!("{} ({role})", p.name),
                    })
                    .collect()
            },
            anonymous_note: anonymous.then(|| {
                tf(
                    lang,
                    "report.anonymous",
                    &[("n", &data.roster().count().to_string())],
                )
            }),
            synthesis: SynthesisView {
                text: syn.text.clone(),
                blocks_heading: blocks_heading(lang, syn.blocks.len()),
                blocks: syn
                    .blocks
                    .iter()
                    .map(|b| (b.title.clone(), b.text.clone()))
                    .collect(),
                proposal: syn.proposal.clone(),
                is_empty: syn.is_empty(),
            },
            discussion,
            ideas,
            resources,
            stats: stats(data, &names, lang),
            labels: LABELS
                .iter()
                .map(|k| (*k, t(lang, &format!("report.{k}")).to_string()))
                .collect(),
        }
    }

    pub fn label<'a>(&'a self, key: &'a str) -> &'a str {
        self.labels.get(key).map(String::as_str).unwrap_or(key)
    }
}

/// Who said it, as the report may print it.
struct Names {
    names: HashMap<Id, String>,
    group: String,
}

impl Names {
    fn new(data: &SessionData, lang: Lang, anonymous: bool) -> Names {
        let names = data
            .participants
            .iter()
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
        Names {
            names,
            group: t(lang, "report.group").to_string(),
        }
    }

    fn author(&self, c: &Contribution) -> Option<String> {
        c.participant_id.and_then(|id| self.names.get(&id).cloned())
    }
}

fn item(tree: &Tree, c: &Contribution, names: &Names, lang: Lang) -> Item {
    Item {
        text: c.text.clone(),
        author: names.author(c),
        kind: None,
        children: tree
            .children(c.stage_id, Some(c.id))
            .iter()
            .map(|child| {
                let mut item = item(tree, child, names, lang);
                if child.kind != c.kind {
                    item.kind = Some(child.kind.label(lang).to_string());
                }
                item
            })
            .collect(),
    }
}

fn stats(data: &SessionData, names: &Names, lang: Lang) -> Stats {
    let live: Vec<&Contribution> = data.live().collect();
    let mut by_participant: Vec<Count> = data
        .participants
        .iter()
        .map(|p| Count {
            label: names.names.get(&p.id).cloned().unwrap_or_default(),
            count: live
                .iter()
                .filter(|c| c.participant_id == Some(p.id))
                .count(),
        })
        .filter(|c| c.count > 0 || !c.label.is_empty())
        .collect();
    let group = live.iter().filter(|c| c.participant_id.is_none()).count();
    if group > 0 {
        by_participant.push(Count {
            label: names.group.clone(),
            count: group,
        });
    }
    let by_stage = data
        .stages
        .iter()
        .map(|s| Count {
            label: s.title.clone(),
            count: live.iter().filter(|c| c.stage_id == s.id).count(),
        })
        .collect();
    let by_kind = Kind::ALL
        .iter()
        .map(|k| Count {
            label: k.label(lang).to_string(),
            count: live.iter().filter(|c| c.kind == *k).count(),
        })
        .filter(|c| c.count > 0)
        .collect();
    Stats {
        total: live.len(),
        by_participant,
        by_stage,
        by_kind,
    }
}

/// "3 grandes briques", "1 building block".
pub fn blocks_heading(lang: Lang, n: usize) -> String {
    let key = if n == 1 {
        "report.block_one"
    } else {
        "report.blocks"
    };
    tf(lang, key, &[("n", &n.to_string())])
}
