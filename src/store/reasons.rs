//! Why the store found nothing or refused a change, as values: the words
//! live in `assets/i18n` (`store.missing.*`, `store.refused.*`), so each
//! reason reads in French or English wherever it is shown.

use crate::i18n::tf;
use crate::model::{Id, Lang};

/// What was asked for and is not there. References are what the person
/// typed (`atelier show 3f2a`), quoted as given.
#[derive(Debug, Clone, PartialEq)]
pub enum Missing {
    Session(Id),
    Stage(Id),
    Participant(Id),
    Contribution(Id),
    Decision(Id),
    Action(Id),
    NotAnActionId(String),
    NoActionMatches(String),
    SeveralActions(String),
    Pass(Id),
    Vote(Id),
    /// `latest` in an empty database.
    NoSessionYet,
    NotASessionId(String),
    NoSessionMatches(String),
    SeveralSessions(String),
    NotAContributionId(String),
    NoContributionMatches(String),
    SeveralContributions(String),
    Theme(Id),
    NotAThemeId(String),
    NoThemeMatches(String),
    SeveralThemes(String),
    /// No standing link from the first contribution to the second.
    Link(Id, Id),
    /// No standing report version with this number.
    ReportVersion(u32),
    VersionId(Id),
    Feedback(Id),
    SignOff(Id),
    NotAFeedbackId(String),
    NoFeedbackMatches(String),
    SeveralFeedback(String),
    /// No input from the room with this id in the session.
    InboxItem(Id),
    NotAnInputId(String),
    NoInputMatches(String),
    SeveralInputs(String),
}

/// Why a database file cannot be used: in our words (a `store.cause.*`
/// key), or as SQLite or the system said it, quoted as given.
#[derive(Debug, Clone, PartialEq)]
pub enum Cause {
    Said(&'static str),
    Quoted(String),
}

impl Cause {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Cause::Said(key) => crate::i18n::t(lang, key).to_string(),
            Cause::Quoted(text) => text.clone(),
        }
    }
}

impl From<String> for Cause {
    fn from(text: String) -> Cause {
        Cause::Quoted(text)
    }
}

/// A change the store refuses; nothing was written.
#[derive(Debug, Clone, PartialEq)]
pub enum Refused {
    EmptyText,
    EmptyTitle,
    EmptyName,
    /// A second roster name that reads as one already there (`name_key`):
    /// what is typed for either would go to the first.
    SameName {
        name: String,
        taken: String,
    },
    /// A typed name that several people still on the roster bear (a
    /// database from before names had to differ).
    AmbiguousName {
        name: String,
        names: String,
    },
    /// A sub-point and its parent sit in different stages.
    ParentInOtherStage,
    /// A contribution would become a sub-point of itself or of one of its
    /// own sub-points.
    ParentInsideItself,
    SwapNotSiblings,
    MoveOutOfSession,
    /// Stages follow the template only while nothing is recorded.
    TemplateLocked,
    AlreadyImported {
        id: Id,
        title: String,
    },
    /// A theme merged into itself.
    MergeIntoItself,
    /// Items split out of a theme they are not in (or none).
    NotInTheme,
    /// These dots would take `name` past the session's dots per person.
    OverBudget {
        name: String,
        over: crate::model::OverBudget,
    },
    /// Dots per participant outside 1 to `MAX_DOTS`.
    DotsOutOfRange(u32),
    /// Fewer dots per participant than someone already placed.
    DotsBelowUsed {
        dots: u32,
        most: u32,
    },
    /// A contribution would answer itself.
    SelfLink,
    /// A link would end at a deleted contribution.
    LinkToDeleted,
    /// A link backwards along observation → stake → idea → proposal.
    LinkBackwards,
    /// A link that would close a loop (the target already answers, step by
    /// step, the item linked from).
    LinkLoop,
    /// An anonymous contribution would get an author.
    AnonymousHasNoAuthor,
    /// A 1-2-4-All group outside 1 to `MAX_GROUP`.
    GroupOutOfRange,
    /// More step starts than a 1-2-4-All has steps.
    TooManySteps,
    /// Carry-over: this session follows no session in this file.
    NoPreviousSession,
    /// Carry-over: not a listed action of the session this one follows.
    NotFromPreviousSession,
    /// Carry-over: already carried into this session, or done meanwhile.
    AlreadyCarried,
    /// A report version put back where another standing version has its
    /// number.
    VersionTaken(u32),
    /// A search with no letter or digit to look for.
    EmptySearch,
    /// An input from the room was already accepted, merged or declined.
    AlreadyDecided(crate::model::InboxState),
}

impl Missing {
    pub fn message(&self, lang: Lang) -> String {
        use Missing::*;
        let (key, value) = match self {
            Session(id) => ("store.missing.session", id.to_string()),
            Stage(id) => ("store.missing.stage", id.to_string()),
            Participant(id) => ("store.missing.participant", id.to_string()),
            Contribution(id) => ("store.missing.contribution", id.to_string()),
            Decision(id) => ("store.missing.decision", id.to_string()),
            Action(id) => ("store.missing.action", id.to_string()),
            NotAnActionId(r) => ("store.missing.not_an_action_id", r.clone()),
            NoActionMatches(r) => ("store.missing.no_action_matches", r.clone()),
            SeveralActions(r) => ("store.missing.several_actions", r.clone()),
            Pass(id) => ("store.missing.pass", id.to_string()),
            Vote(id) => ("votes.missing", id.to_string()),
            NoSessionYet => ("store.missing.no_session_yet", String::new()),
            NotASessionId(r) => ("store.missing.not_a_session_id", r.clone()),
            NoSessionMatches(r) => ("store.missing.no_session_matches", r.clone()),
            SeveralSessions(r) => ("store.missing.several_sessions", r.clone()),
            NotAContributionId(r) => ("store.missing.not_a_contribution_id", r.clone()),
            NoContributionMatches(r) => ("store.missing.no_contribution_matches", r.clone()),
            SeveralContributions(r) => ("store.missing.several_contributions", r.clone()),
            Theme(id) => ("store.missing.theme", id.to_string()),
            NotAThemeId(r) => ("store.missing.not_a_theme_id", r.clone()),
            NoThemeMatches(r) => ("store.missing.no_theme_matches", r.clone()),
            SeveralThemes(r) => ("store.missing.several_themes", r.clone()),
            Link(from, to) => ("links.missing", format!("{} → {}", short(from), short(to))),
            ReportVersion(n) => ("cycle.missing_version", n.to_string()),
            VersionId(id) => ("cycle.missing_version", short(id)),
            Feedback(id) => ("cycle.missing_feedback", short(id)),
            SignOff(id) => ("cycle.missing_sign_off", short(id)),
            NotAFeedbackId(r) => ("cycle.not_a_feedback_id", r.clone()),
            NoFeedbackMatches(r) => ("cycle.no_feedback_matches", r.clone()),
            SeveralFeedback(r) => ("cycle.several_feedback", r.clone()),
            InboxItem(id) => ("room.missing_input", short(id)),
            NotAnInputId(r) => ("inbox.not_an_input_id", r.clone()),
            NoInputMatches(r) => ("inbox.no_input_matches", r.clone()),
            SeveralInputs(r) => ("inbox.several_inputs", r.clone()),
        };
        tf(lang, key, &[("value", &value)])
    }
}

/// The last eight characters of an id, as `atelier show` prints them.
fn short(id: &Id) -> String {
    let s = id.simple().to_string();
    s[s.len() - 8..].to_string()
}

impl Refused {
    pub fn message(&self, lang: Lang) -> String {
        use Refused::*;
        let key = match self {
            EmptyText => "store.refused.empty_text",
            EmptyTitle => "store.refused.empty_title",
            EmptyName => "store.refused.empty_name",
            ParentInOtherStage => "store.refused.parent_in_other_stage",
            ParentInsideItself => "store.refused.parent_inside_itself",
            SwapNotSiblings => "store.refused.swap_not_siblings",
            MoveOutOfSession => "store.refused.move_out_of_session",
            TemplateLocked => "store.refused.template_locked",
            MergeIntoItself => "store.refused.merge_into_itself",
            NotInTheme => "store.refused.not_in_theme",
            SelfLink => "links.refused_self",
            LinkToDeleted => "links.refused_deleted",
            LinkBackwards => "links.refused_backwards",
            LinkLoop => "links.refused_loop",
            AnonymousHasNoAuthor => "structures.refused_anonymous_author",
            GroupOutOfRange => "structures.refused_group",
            TooManySteps => "structures.refused_steps",
            NoPreviousSession => "follow.refused.no_previous",
            NotFromPreviousSession => "follow.refused.not_from_previous",
            AlreadyCarried => "follow.refused.already_carried",
            EmptySearch => "search.refused_empty",
            VersionTaken(n) => {
                return tf(lang, "cycle.version_taken", &[("n", &n.to_string())]);
            }
            AlreadyDecided(state) => {
                let state = crate::i18n::t(lang, &format!("inbox.state.{}", state.key()));
                return tf(lang, "inbox.already_decided", &[("state", state)]);
            }
            SameName { name, taken } => {
                let args = [("name", name.as_str()), ("taken", taken.as_str())];
                return tf(lang, "store.refused.same_name", &args);
            }
            AmbiguousName { name, names } => {
                let args = [("name", name.as_str()), ("names", names.as_str())];
                return tf(lang, "store.refused.ambiguous_name", &args);
            }
            AlreadyImported { id, title } => {
                return tf(
                    lang,
                    "store.refused.already_imported",
                    &[("id", &id.to_string()), ("title", title)],
                )
            }
            OverBudget { name, over } => {
                let n = |v: u32| v.to_string();
                let left = over.budget.saturating_sub(over.used);
                return tf(
                    lang,
                    "votes.over_budget",
                    &[
                        ("name", name),
                        ("budget", &n(over.budget)),
                        ("used", &n(over.used)),
                        ("adding", &n(over.adding)),
                        ("left", &n(left)),
                    ],
                );
            }
            DotsOutOfRange(dots) => {
                let args = [
                    ("dots", dots.to_string()),
                    ("max", crate::model::MAX_DOTS.to_string()),
                ];
                let args = args.each_ref().map(|(k, v)| (*k, v.as_str()));
                return tf(lang, "votes.dots_out_of_range", &args);
            }
            DotsBelowUsed { dots, most } => {
                let args = [("dots", dots.to_string()), ("most", most.to_string())];
                let args = args.each_ref().map(|(k, v)| (*k, v.as_str()));
                return tf(lang, "votes.dots_below_used", &args);
            }
        };
        tf(lang, key, &[])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every reason has its own text in each language, all placeholders
    /// filled (a missing key would show the key itself).
    #[test]
    fn every_reason_reads_in_both_languages() {
        let id = crate::model::new_id();
        let r = || "3f2a".to_string();
        let texts = |lang| {
            let missing = [
                Missing::Session(id),
                Missing::Stage(id),
                Missing::Participant(id),
                Missing::Contribution(id),
                Missing::NoSessionYet,
                Missing::NotASessionId(r()),
                Missing::NoSessionMatches(r()),
                Missing::SeveralSessions(r()),
                Missing::NotAContributionId(r()),
                Missing::NoContributionMatches(r()),
                Missing::SeveralContributions(r()),
                Missing::Decision(id),
                Missing::Action(id),
                Missing::NotAnActionId(r()),
                Missing::NoActionMatches(r()),
                Missing::SeveralActions(r()),
                Missing::Pass(id),
                Missing::Theme(id),
                Missing::NotAThemeId(r()),
                Missing::NoThemeMatches(r()),
                Missing::SeveralThemes(r()),
                Missing::Vote(id),
                Missing::Link(id, id),
                Missing::InboxItem(id),
                Missing::NotAnInputId(r()),
                Missing::NoInputMatches(r()),
                Missing::SeveralInputs(r()),
            ]
            .map(|m| m.message(lang));
            let refused = [
                Refused::EmptyText,
                Refused::EmptyTitle,
                Refused::EmptyName,
                Refused::SameName {
                    name: "anne".into(),
                    taken: "Anne".into(),
                },
                Refused::AmbiguousName {
                    name: "anne".into(),
                    names: "Anne, anne".into(),
                },
                Refused::ParentInOtherStage,
                Refused::ParentInsideItself,
                Refused::SwapNotSiblings,
                Refused::MoveOutOfSession,
                Refused::TemplateLocked,
                Refused::NoPreviousSession,
                Refused::NotFromPreviousSession,
                Refused::AlreadyCarried,
                Refused::AlreadyImported {
                    id,
                    title: "T".into(),
                },
                Refused::MergeIntoItself,
                Refused::NotInTheme,
                Refused::OverBudget {
                    name: "Ana".into(),
                    over: crate::model::OverBudget {
                        used: 2,
                        adding: 2,
                        budget: 3,
                    },
                },
                Refused::DotsOutOfRange(0),
                Refused::DotsBelowUsed { dots: 1, most: 2 },
                Refused::SelfLink,
                Refused::LinkToDeleted,
                Refused::LinkBackwards,
                Refused::LinkLoop,
                Refused::AnonymousHasNoAuthor,
                Refused::GroupOutOfRange,
                Refused::TooManySteps,
                Refused::EmptySearch,
                Refused::AlreadyDecided(crate::model::InboxState::Merged),
            ]
            .map(|m| m.message(lang));
            [missing.to_vec(), refused.to_vec()].concat()
        };
        let (fr, en) = (texts(Lang::Fr), texts(Lang::En));
        for (f, e) in fr.iter().zip(&en) {
            assert_ne!(f, e);
            for text in [f, e] {
                assert!(!text.starts_with("store.") && !text.contains('{'), "{text}");
            }
        }
        assert!(en[5].contains("\"3f2a\" is not a session id"), "{}", en[5]);
        assert!(fr[6].contains("aucune session ne correspond à « 3f2a »"));
    }
}
