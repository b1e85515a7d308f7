//! Two choices a facilitator makes per session about its report (and may
//! override per export): how the discussion reads, and whether the
//! participation statistics name people one by one.

use serde::{Deserialize, Serialize};

/// The order of the discussion section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum DiscussionOrder {
    /// Grouped by kind: all observations, then all stakes…
    #[default]
    Kind,
    /// As the notes were written, each item with its kind as a label
    /// ("constat : …").
    Spoken,
}

/// Whether participants read per-person contribution counts. People can
/// read them as an evaluation, so by default a report keeps them for the
/// facilitator and shows per-stage and per-kind counts only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum PersonStats {
    #[default]
    Hide,
    Show,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct ReportChoices {
    pub order: DiscussionOrder,
    pub person_stats: PersonStats,
}

impl ReportChoices {
    pub fn is_default(&self) -> bool {
        *self == ReportChoices::default()
    }
}

impl DiscussionOrder {
    pub const ALL: [DiscussionOrder; 2] = [DiscussionOrder::Kind, DiscussionOrder::Spoken];

    pub fn key(self) -> &'static str {
        match self {
            DiscussionOrder::Kind => "kind",
            DiscussionOrder::Spoken => "spoken",
        }
    }

    pub fn parse(s: &str) -> Option<DiscussionOrder> {
        Self::ALL.into_iter().find(|v| v.key() == s)
    }

    pub fn other(self) -> DiscussionOrder {
        match self {
            DiscussionOrder::Kind => DiscussionOrder::Spoken,
            DiscussionOrder::Spoken => DiscussionOrder::Kind,
        }
    }
}

impl PersonStats {
    pub const ALL: [PersonStats; 2] = [PersonStats::Hide, PersonStats::Show];

    pub fn key(self) -> &'static str {
        match self {
            PersonStats::Hide => "hide",
            PersonStats::Show => "show",
        }
    }

    pub fn parse(s: &str) -> Option<PersonStats> {
        Self::ALL.into_iter().find(|v| v.key() == s)
    }

    pub fn other(self) -> PersonStats {
        match self {
            PersonStats::Hide => PersonStats::Show,
            PersonStats::Show => PersonStats::Hide,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_parse_back() {
        for o in DiscussionOrder::ALL {
            assert_eq!(DiscussionOrder::parse(o.key()), Some(o));
            assert_ne!(o.other(), o);
        }
        for p in PersonStats::ALL {
            assert_eq!(PersonStats::parse(p.key()), Some(p));
            assert_ne!(p.other(), p);
        }
        assert_eq!(DiscussionOrder::parse("chronological"), None);
        assert!(ReportChoices::default().is_default());
        assert_eq!(ReportChoices::default().person_stats, PersonStats::Hide);
    }
}
