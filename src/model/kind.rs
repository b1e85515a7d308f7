use super::Lang;
use serde::{Deserialize, Serialize};

/// What a contribution is. The set is fixed so that reports can group and
/// order contributions the same way for every template.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Context,
    Observation,
    Stake,
    Question,
    Resource,
    Idea,
    Proposal,
    Action,
}

impl Kind {
    pub const ALL: [Kind; 8] = [
        Kind::Context,
        Kind::Observation,
        Kind::Stake,
        Kind::Question,
        Kind::Resource,
        Kind::Idea,
        Kind::Proposal,
        Kind::Action,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Kind::Context => "context",
            Kind::Observation => "observation",
            Kind::Stake => "stake",
            Kind::Question => "question",
            Kind::Resource => "resource",
            Kind::Idea => "idea",
            Kind::Proposal => "proposal",
            Kind::Action => "action",
        }
    }

    /// Accepts the English key as well as the French name, with or without
    /// accents, so `--kind constat` and `--kind observation` both work.
    pub fn parse(s: &str) -> Option<Kind> {
        let lower = s.trim().to_lowercase();
        Kind::ALL.into_iter().find(|k| {
            k.key() == lower
                || k.label(Lang::Fr).to_lowercase() == lower
                || k.french_ascii() == lower
                || k.label(Lang::En).to_lowercase() == lower
        })
    }

    fn french_ascii(self) -> &'static str {
        match self {
            Kind::Context => "contexte",
            Kind::Observation => "constat",
            Kind::Stake => "enjeu",
            Kind::Question => "question",
            Kind::Resource => "ressource",
            Kind::Idea => "idee",
            Kind::Proposal => "proposition",
            Kind::Action => "action",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Kind::Context, Lang::Fr) => "Contexte",
            (Kind::Context, Lang::En) => "Context",
            (Kind::Observation, Lang::Fr) => "Constat",
            (Kind::Observation, Lang::En) => "Observation",
            (Kind::Stake, Lang::Fr) => "Enjeu",
            (Kind::Stake, Lang::En) => "Stake",
            (Kind::Question, _) => "Question",
            (Kind::Resource, Lang::Fr) => "Ressource",
            (Kind::Resource, Lang::En) => "Resource",
            (Kind::Idea, Lang::Fr) => "Idée",
            (Kind::Idea, Lang::En) => "Idea",
            (Kind::Proposal, Lang::Fr) => "Proposition",
            (Kind::Proposal, Lang::En) => "Proposal",
            (Kind::Action, _) => "Action",
        }
    }

    /// Plural heading used by reports ("Constats", "Observations").
    pub fn plural(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Kind::Context, Lang::Fr) => "Contexte",
            (Kind::Context, Lang::En) => "Context",
            (Kind::Observation, Lang::Fr) => "Constats",
            (Kind::Observation, Lang::En) => "Observations",
            (Kind::Stake, Lang::Fr) => "Enjeux",
            (Kind::Stake, Lang::En) => "Stakes",
            (Kind::Question, _) => "Questions",
            (Kind::Resource, Lang::Fr) => "Ressources",
            (Kind::Resource, Lang::En) => "Resources",
            (Kind::Idea, Lang::Fr) => "Idées",
            (Kind::Idea, Lang::En) => "Ideas",
            (Kind::Proposal, Lang::Fr) => "Propositions",
            (Kind::Proposal, Lang::En) => "Proposals",
            (Kind::Action, _) => "Actions",
        }
    }

    pub fn keys() -> String {
        Kind::ALL.map(Kind::key).join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_parse_in_both_languages() {
        assert_eq!(Kind::parse("constat"), Some(Kind::Observation));
        assert_eq!(Kind::parse("Idée"), Some(Kind::Idea));
        assert_eq!(Kind::parse("idee"), Some(Kind::Idea));
        assert_eq!(Kind::parse("stake"), Some(Kind::Stake));
        assert_eq!(Kind::parse("nope"), None);
        for k in Kind::ALL {
            assert_eq!(Kind::parse(k.key()), Some(k));
        }
    }
}
