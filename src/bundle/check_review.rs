//! The report's review cycle in a bundle (version 4 on): its JSON shape,
//! its writer and its checks. Each version carries the report data
//! participants received (so `atelier diff` still works after a move);
//! every remark and sign-off names a version of this bundle, a remark's
//! contribution is one of this bundle, and people on the roster are of
//! this session. Versions taken back are kept, as the store keeps them.

use super::check::Checker;
use super::BundleError;
use crate::model::{format_time, Contribution, Feedback, Id, ReportVersion, ReviewLog, SignOff};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

#[derive(Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct BReview {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) versions: Vec<BVersion>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) feedback: Vec<BFeedback>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) sign_offs: Vec<BSignOff>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct BVersion {
    pub(super) id: String,
    pub(super) number: u32,
    #[serde(default)]
    pub(super) validated: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub(super) note: String,
    pub(super) sha256: String,
    pub(super) published_at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) removed_at: Option<String>,
    /// The report JSON participants received, as text.
    pub(super) report: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct BFeedback {
    pub(super) id: String,
    /// The id of the version it is about.
    pub(super) version: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) participant: Option<String>,
    pub(super) name: String,
    /// The contribution it is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) contribution: Option<String>,
    /// The report section it is about (`synthesis`, `decisions`…).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub(super) section: String,
    pub(super) text: String,
    pub(super) at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) applied_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) removed_at: Option<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct BSignOff {
    pub(super) id: String,
    pub(super) version: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) participant: Option<String>,
    pub(super) name: String,
    pub(super) at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) removed_at: Option<String>,
}

/// The review cycle as a bundle writes it; `None` before any version.
pub(super) fn export(log: &ReviewLog) -> Option<BReview> {
    if log.versions.is_empty() {
        return None;
    }
    let versions = log.versions.iter().map(|v| BVersion {
        id: v.id.to_string(),
        number: v.number,
        validated: v.validated,
        note: v.note.clone(),
        sha256: v.sha256.clone(),
        published_at: format_time(&v.published_at),
        removed_at: v.removed_at.as_ref().map(format_time),
        report: log.report_of(v.id).unwrap_or_default().to_string(),
    });
    let feedback = log.feedback.iter().map(|f| BFeedback {
        id: f.id.to_string(),
        version: f.version.to_string(),
        participant: f.participant_id.map(|p| p.to_string()),
        name: f.name.clone(),
        contribution: f.contribution_id.map(|c| c.to_string()),
        section: f.section.clone(),
        text: f.text.clone(),
        at: format_time(&f.at),
        applied_at: f.applied_at.as_ref().map(format_time),
        removed_at: f.removed_at.as_ref().map(format_time),
    });
    let sign_offs = log.sign_offs.iter().map(|s| BSignOff {
        id: s.id.to_string(),
        version: s.version.to_string(),
        participant: s.participant_id.map(|p| p.to_string()),
        name: s.name.clone(),
        at: format_time(&s.at),
        removed_at: s.removed_at.as_ref().map(format_time),
    });
    Some(BReview {
        versions: versions.collect(),
        feedback: feedback.collect(),
        sign_offs: sign_offs.collect(),
    })
}

/// What a remark or a sign-off may name: this bundle's versions, people
/// and contributions.
struct Known<'a> {
    versions: HashSet<Id>,
    people: &'a HashSet<Id>,
    contributions: HashSet<Id>,
}

impl Checker<'_> {
    /// The review cycle of a bundle; empty when it has none. `version` is
    /// the bundle's: before version 4 there is no review cycle.
    pub(super) fn review(
        &mut self,
        version: u32,
        review: Option<&BReview>,
        people: &HashSet<Id>,
        contributions: &[Contribution],
    ) -> Result<ReviewLog, BundleError> {
        let Some(b) = review else {
            return Ok(ReviewLog::default());
        };
        if version < 4 {
            return Err(self.said("review", "bundle.not_in_version", &[("version", &version)]));
        }
        let mut log = ReviewLog::default();
        let mut standing: HashMap<u32, String> = HashMap::new();
        for (i, v) in b.versions.iter().enumerate() {
            let at = format!("review.versions[{i}]");
            let checked = self.version(&at, v)?;
            if checked.removed_at.is_none() {
                if let Some(first) = standing.insert(v.number, at.clone()) {
                    return Err(self.said(
                        format!("{at}.number"),
                        "report_finish.bundle_number_twice",
                        &[("number", &v.number), ("first", &first)],
                    ));
                }
            }
            log.reports.push((checked.id, v.report.clone()));
            log.versions.push(checked);
        }
        // A bundle written before the hash left the status out.
        log.rehash();
        let known = Known {
            versions: log.versions.iter().map(|v| v.id).collect(),
            people,
            contributions: contributions.iter().map(|c| c.id).collect(),
        };
        for (i, f) in b.feedback.iter().enumerate() {
            let at = format!("review.feedback[{i}]");
            log.feedback.push(self.feedback(&at, f, &known)?);
        }
        for (i, s) in b.sign_offs.iter().enumerate() {
            let at = format!("review.sign_offs[{i}]");
            let version = self.reference(&at, "version", &s.version, &known.versions)?;
            let participant = self.person(&at, &s.participant, &s.name, &known)?;
            log.sign_offs.push(SignOff {
                id: self.id(format!("{at}.id"), &s.id)?,
                version,
                participant_id: participant,
                name: s.name.clone(),
                at: self.time(format!("{at}.at"), &s.at)?,
                removed_at: self.opt_time(format!("{at}.removed_at"), &s.removed_at)?,
            });
        }
        Ok(log)
    }

    fn version(&mut self, at: &str, v: &BVersion) -> Result<ReportVersion, BundleError> {
        if v.number == 0 {
            return Err(self.said(
                format!("{at}.number"),
                "report_finish.bundle_number_zero",
                &[],
            ));
        }
        let is_hash = v.sha256.len() == 64
            && v.sha256
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        if !is_hash {
            return Err(self.said(
                format!("{at}.sha256"),
                "report_finish.bundle_not_a_hash",
                &[("value", &v.sha256)],
            ));
        }
        // The report data participants received: a report JSON as this
        // Atelier writes it, never anything else (`atelier diff` reads it
        // back, and would show an unknown shape as all new).
        #[derive(serde::Deserialize)]
        struct Head {
            format: String,
            version: u32,
        }
        let head = serde_json::from_str::<Head>(&v.report).ok();
        let Some(head) = head.filter(|h| h.format == crate::report::JSON_FORMAT) else {
            return Err(self.said(
                format!("{at}.report"),
                "report_finish.bundle_not_a_report",
                &[],
            ));
        };
        if head.version != crate::report::JSON_VERSION {
            return Err(self.said(
                format!("{at}.report"),
                "report_finish.bundle_report_version",
                &[
                    ("found", &head.version),
                    ("version", &crate::report::JSON_VERSION),
                ],
            ));
        }
        // The hash publishing gave it: a version's content and its hash
        // agree, or the report data was changed after it was published.
        // Bundles written before the status left the hash carry the
        // older hash of the same report: it vouches for it too.
        let hashes = [
            crate::model::content_hash(&v.report),
            crate::model::legacy_content_hash(&v.report),
        ];
        if !hashes.contains(&v.sha256) {
            return Err(self.said(
                format!("{at}.sha256"),
                "report_finish.bundle_hash_mismatch",
                &[],
            ));
        }
        Ok(ReportVersion {
            id: self.id(format!("{at}.id"), &v.id)?,
            number: v.number,
            validated: v.validated,
            note: v.note.clone(),
            sha256: v.sha256.clone(),
            published_at: self.time(format!("{at}.published_at"), &v.published_at)?,
            removed_at: self.opt_time(format!("{at}.removed_at"), &v.removed_at)?,
        })
    }

    fn feedback(
        &mut self,
        at: &str,
        f: &BFeedback,
        known: &Known,
    ) -> Result<Feedback, BundleError> {
        let version = self.reference(at, "version", &f.version, &known.versions)?;
        let participant = self.person(at, &f.participant, &f.name, known)?;
        let contribution = match &f.contribution {
            None => None,
            Some(c) => Some(self.reference(at, "contribution", c, &known.contributions)?),
        };
        if f.text.trim().is_empty() {
            return Err(self.said(format!("{at}.text"), "bundle.empty_text", &[]));
        }
        Ok(Feedback {
            id: self.id(format!("{at}.id"), &f.id)?,
            version,
            participant_id: participant,
            name: f.name.clone(),
            contribution_id: contribution,
            section: f.section.clone(),
            text: f.text.clone(),
            at: self.time(format!("{at}.at"), &f.at)?,
            applied_at: self.opt_time(format!("{at}.applied_at"), &f.applied_at)?,
            removed_at: self.opt_time(format!("{at}.removed_at"), &f.removed_at)?,
        })
    }

    /// `value` (the field `field` of `at`) is one of `known`.
    fn reference(
        &self,
        at: &str,
        field: &str,
        value: &str,
        known: &HashSet<Id>,
    ) -> Result<Id, BundleError> {
        self.known_id(
            format!("{at}.{field}"),
            value,
            known,
            "report_finish.bundle_unknown_reference",
        )
    }

    /// Who made a remark or signed: someone on the roster, or a name.
    fn person(
        &self,
        at: &str,
        participant: &Option<String>,
        name: &str,
        known: &Known,
    ) -> Result<Option<Id>, BundleError> {
        if name.trim().is_empty() {
            return Err(self.said(format!("{at}.name"), "bundle.empty_name", &[]));
        }
        let Some(p) = participant else {
            return Ok(None);
        };
        Id::parse_str(p)
            .ok()
            .filter(|id| known.people.contains(id))
            .map(Some)
            .ok_or_else(|| {
                self.said(
                    format!("{at}.participant"),
                    "bundle.unknown_participant",
                    &[("value", p)],
                )
            })
    }
}
