//! `atelier export … --order spoken|kind --person-stats show|hide`: an
//! export's override of the session's report choices.

use crate::i18n::tf;
use crate::model::{DiscussionOrder, Lang, PersonStats, ReportChoices};

pub(super) fn parse_order(lang: Lang, s: &str) -> Result<DiscussionOrder, String> {
    DiscussionOrder::parse(&s.to_ascii_lowercase())
        .ok_or_else(|| tf(lang, "sections.bad_order", &[("value", s)]))
}

pub(super) fn parse_person_stats(lang: Lang, s: &str) -> Result<PersonStats, String> {
    PersonStats::parse(&s.to_ascii_lowercase())
        .ok_or_else(|| tf(lang, "sections.bad_person_stats", &[("value", s)]))
}

/// The session's choices with what the command line overrides.
pub(super) fn with_overrides(
    choices: ReportChoices,
    order: Option<DiscussionOrder>,
    person_stats: Option<PersonStats>,
) -> ReportChoices {
    ReportChoices {
        order: order.unwrap_or(choices.order),
        person_stats: person_stats.unwrap_or(choices.person_stats),
    }
}
