//! Full-text search over every session (migration 018: the FTS5 table
//! `search_index` over the documents of `search_docs`). What a person
//! types is never FTS5 syntax: each word becomes a quoted prefix term, so
//! `"`, `*`, `NEAR(` or `-` are searched for as text (or ignored when they
//! hold no letter), never parsed.

use super::rows;
use super::{Refused, Result, Store, StoreError};
use crate::model::{parse_date, Id, Kind, Lang};
use chrono::NaiveDate;

/// Where a hit's text lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// The session's title, question and context.
    Session,
    Contribution,
    Synthesis,
    Proposal,
    /// A building block of the synthesis.
    Block,
    Action,
    Decision,
}

impl Source {
    pub fn key(self) -> &'static str {
        match self {
            Source::Session => "session",
            Source::Contribution => "contribution",
            Source::Synthesis => "synthesis",
            Source::Proposal => "proposal",
            Source::Block => "block",
            Source::Action => "action",
            Source::Decision => "decision",
        }
    }

    fn parse(s: &str) -> Option<Source> {
        [
            Source::Session,
            Source::Contribution,
            Source::Synthesis,
            Source::Proposal,
            Source::Block,
            Source::Action,
            Source::Decision,
        ]
        .into_iter()
        .find(|source| source.key() == s)
    }
}

/// Which hits to keep; every field left `None` keeps all.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchFilter {
    /// Only contributions of this kind.
    pub kind: Option<Kind>,
    /// Only sessions of this event (as typed on the set-up screen).
    pub event: Option<String>,
    pub session: Option<Id>,
}

/// A piece of a snippet: the words that matched are `matched`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Piece {
    pub text: String,
    pub matched: bool,
}

/// One place where the words were found.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Hit {
    pub session: Id,
    pub title: String,
    pub event: String,
    pub date: NaiveDate,
    pub source: Source,
    /// The stage of a contribution (its title as set up).
    pub stage: Option<String>,
    pub kind: Option<Kind>,
    pub contribution: Option<Id>,
    /// A contribution waiting in the parking lot.
    pub parked: bool,
    /// A few words around the match; the matched words marked.
    pub snippet: Vec<Piece>,
}

impl Hit {
    /// Where the hit is: a contribution's kind and stage (and whether it
    /// is parked); else what part of the session it is.
    pub fn place(&self, lang: Lang) -> String {
        let source = crate::i18n::t(lang, &format!("search.source.{}", self.source.key()));
        if self.source != Source::Contribution {
            return source.to_string();
        }
        let mut parts: Vec<String> = Vec::new();
        parts.extend(self.kind.map(|k| k.label(lang).to_string()));
        parts.extend(self.stage.clone());
        if self.parked {
            parts.push(crate::i18n::t(lang, "search.parked").to_string());
        }
        parts.join(" · ")
    }

    /// The snippet as one line, each match between `open` and `close`.
    pub fn marked(&self, open: &str, close: &str) -> String {
        self.snippet
            .iter()
            .map(|p| match p.matched {
                true => format!("{open}{}{close}", p.text),
                false => p.text.clone(),
            })
            .collect()
    }
}

/// What FTS5 is given for the words typed: each word a quoted prefix
/// term (`"coop"*`), all of them required. `None` when no word holds a
/// letter or a digit (nothing to search for).
pub fn fts_query(typed: &str) -> Option<String> {
    let terms: Vec<String> = typed
        .split_whitespace()
        .filter(|word| word.chars().any(char::is_alphanumeric))
        .map(|word| format!("\"{}\"*", word.replace('"', "\"\"")))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// Marks FTS5 puts around a match in a snippet. Stored text holding them
/// only shifts a highlight: each piece is still shown as plain text.
const OPEN: char = '\u{2}';
const CLOSE: char = '\u{3}';

/// The hits, best first (FTS5's bm25 rank), then the newest session.
/// Reads the index, then one row per hit through primary keys: the cost
/// follows the number of hits, not the size of the file.
pub(super) const SEARCH: &str = "SELECT d.session_id, s.title, s.event, s.date, d.source,
       st.title, c.kind, c.id, c.parked_at IS NOT NULL,
       snippet(search_index, 0, char(2), char(3), '…', 12)
     FROM search_index
     JOIN search_docs d ON d.id = search_index.rowid
     JOIN sessions s ON s.id = d.session_id
     LEFT JOIN contributions c ON d.source = 'contribution' AND c.id = d.source_id
     LEFT JOIN stages st ON st.id = c.stage_id
     WHERE search_index MATCH ?1
       AND (?2 IS NULL OR c.kind = ?2)
       AND (?3 IS NULL OR s.event = ?3)
       AND (?4 IS NULL OR d.session_id = ?4)
     ORDER BY search_index.rank, s.date DESC, d.id
     LIMIT ?5";

impl Store {
    /// Searches every session for the words of `typed` (accents and case
    /// ignored; each word may be the start of a longer one). Refused when
    /// it holds nothing to search for.
    pub fn search(&self, typed: &str, filter: &SearchFilter, limit: usize) -> Result<Vec<Hit>> {
        let query = fts_query(typed).ok_or(StoreError::Invalid(Refused::EmptySearch))?;
        self.read(|conn| {
            let mut stmt = conn.prepare(SEARCH)?;
            let params = rusqlite::params![
                query,
                filter.kind.map(Kind::key),
                filter.event.as_deref(),
                filter.session.as_ref().map(rows::text_id),
                i64::try_from(limit).unwrap_or(i64::MAX),
            ];
            let hits = stmt.query_map(params, |r| {
                let snippet: String = r.get(9)?;
                Ok(Hit {
                    session: rows::id(r, 0)?,
                    title: r.get(1)?,
                    event: r.get(2)?,
                    date: rows::parsed(r, 3, "date", parse_date)?,
                    source: rows::parsed(r, 4, "source", Source::parse)?,
                    stage: r.get(5)?,
                    kind: match r.get::<_, Option<String>>(6)? {
                        Some(_) => Some(rows::parsed(r, 6, "kind", Kind::parse)?),
                        None => None,
                    },
                    contribution: rows::opt_id(r, 7)?,
                    parked: r.get::<_, Option<bool>>(8)?.unwrap_or(false),
                    snippet: pieces(&snippet),
                })
            })?;
            Ok(hits.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }
}

/// The hits of each session together, sessions in the order of their
/// best hit.
pub fn grouped(hits: &[Hit]) -> Vec<Vec<&Hit>> {
    let mut groups: Vec<(Id, Vec<&Hit>)> = Vec::new();
    for hit in hits {
        match groups.iter_mut().find(|(id, _)| *id == hit.session) {
            Some((_, group)) => group.push(hit),
            None => groups.push((hit.session, vec![hit])),
        }
    }
    groups.into_iter().map(|(_, group)| group).collect()
}

/// Splits a snippet at the marks FTS5 put around each match.
fn pieces(snippet: &str) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut matched = false;
    for (i, part) in snippet.split([OPEN, CLOSE]).enumerate() {
        if i > 0 {
            matched = !matched;
        }
        if !part.is_empty() {
            pieces.push(Piece {
                text: part.to_string(),
                matched,
            });
        }
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_words_become_quoted_prefix_terms() {
        assert_eq!(fts_query("coop écoles").unwrap(), "\"coop\"* \"écoles\"*");
        assert_eq!(fts_query("say \"hi\"").unwrap(), "\"say\"* \"\"\"hi\"\"\"*");
        assert_eq!(fts_query("NEAR(a b)").unwrap(), "\"NEAR(a\"* \"b)\"*");
        assert_eq!(fts_query("  - * \" ( "), None);
        assert_eq!(fts_query(""), None);
    }

    #[test]
    fn a_snippet_splits_at_its_marks() {
        let p = pieces("la \u{2}coop\u{3} et \u{2}x\u{3}");
        let shown: Vec<_> = p.iter().map(|p| (p.text.as_str(), p.matched)).collect();
        assert_eq!(
            shown,
            [("la ", false), ("coop", true), (" et ", false), ("x", true)]
        );
    }
}
