//! The review cycle of a session's report: after the workshop the
//! facilitator publishes a draft, gathers participants' remarks on it,
//! applies them, collects sign-offs and publishes the validated version.
//! Each published version keeps the report data participants received
//! (the report JSON, never the bundle), so two versions can be compared.

use super::{Id, Timestamp};

/// The report sections a remark may be about (`--item synthesis` on the
/// command line, picked from a list in the terminal).
pub const REMARK_SECTIONS: &[&str] = &[
    "question",
    "context",
    "synthesis",
    "proposal",
    "participants",
    "discussion",
    "ideas",
    "resources",
    "themes",
    "trace",
    "parking",
    "decisions",
    "actions",
    "votes",
    "stats",
];

/// One published version of the report: "draft 1", "draft 2",
/// "validated". Numbers count the standing versions of a session.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportVersion {
    pub id: Id,
    pub number: u32,
    pub validated: bool,
    /// What the facilitator said about it ("after Tuesday's remarks").
    pub note: String,
    /// SHA-256 of the participants' report data it was (the report JSON
    /// `atelier export --format json` writes, kept in the store and read
    /// with `Store::version_report`), in lower-case hex.
    pub sha256: String,
    pub published_at: Timestamp,
    /// Taken back (an undo): kept in the file, marked.
    pub removed_at: Option<Timestamp>,
}

/// A remark a participant made on a version of the report.
#[derive(Debug, Clone, PartialEq)]
pub struct Feedback {
    pub id: Id,
    pub version: Id,
    /// Who said it: someone on the roster, or a name typed in.
    pub participant_id: Option<Id>,
    pub name: String,
    /// The contribution it is about, if any.
    pub contribution_id: Option<Id>,
    /// The report section it is about (`synthesis`, `decisions`…), if any.
    pub section: String,
    pub text: String,
    pub at: Timestamp,
    /// When the facilitator changed the report as asked.
    pub applied_at: Option<Timestamp>,
    pub removed_at: Option<Timestamp>,
}

/// Someone approved a version of the report.
#[derive(Debug, Clone, PartialEq)]
pub struct SignOff {
    pub id: Id,
    pub version: Id,
    pub participant_id: Option<Id>,
    pub name: String,
    pub at: Timestamp,
    pub removed_at: Option<Timestamp>,
}

/// A session's whole review cycle, oldest first, rows taken back included.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ReviewLog {
    pub versions: Vec<ReportVersion>,
    pub feedback: Vec<Feedback>,
    pub sign_offs: Vec<SignOff>,
    /// The report JSON each version kept, by version id, in the versions'
    /// order: what a bundle carries, so versions can still be compared
    /// (`atelier diff`) once the session moved to another laptop.
    pub reports: Vec<(Id, String)>,
}

impl ReviewLog {
    /// The versions that stand, by number.
    pub fn standing(&self) -> impl Iterator<Item = &ReportVersion> {
        self.versions.iter().filter(|v| v.removed_at.is_none())
    }

    pub fn version(&self, number: u32) -> Option<&ReportVersion> {
        self.standing().find(|v| v.number == number)
    }

    pub fn version_by_id(&self, id: Id) -> Option<&ReportVersion> {
        self.versions.iter().find(|v| v.id == id)
    }

    /// The newest standing version.
    pub fn latest(&self) -> Option<&ReportVersion> {
        self.standing().max_by_key(|v| v.number)
    }

    /// Whether content hashed `sha256` may be published as a new version
    /// (`validated` or a draft): only when it differs from the latest
    /// version, or to validate a draft that reads exactly so. `Err` is
    /// the latest version, which already reads so: nothing to record.
    pub fn may_publish(&self, sha256: &str, validated: bool) -> Result<(), &ReportVersion> {
        match self.latest() {
            // Validating a draft of this very content is the one exception.
            Some(v) if v.sha256 == sha256 && (v.validated || !validated) => Err(v),
            _ => Ok(()),
        }
    }

    /// The draft whose content a validated version of content `sha256`
    /// validates: the latest version, when it is a draft reading so.
    pub fn validates(&self, sha256: &str) -> Option<&ReportVersion> {
        self.latest().filter(|v| !v.validated && v.sha256 == sha256)
    }

    /// The number the next published version gets.
    pub fn next_number(&self) -> u32 {
        self.latest().map_or(1, |v| v.number + 1)
    }

    /// Remarks that stand on a standing version, oldest first.
    pub fn remarks(&self) -> impl Iterator<Item = &Feedback> {
        self.feedback
            .iter()
            .filter(|f| f.removed_at.is_none() && self.stands(f.version))
    }

    /// Sign-offs that stand on a standing version, oldest first.
    pub fn approvals(&self) -> impl Iterator<Item = &SignOff> {
        self.sign_offs
            .iter()
            .filter(|s| s.removed_at.is_none() && self.stands(s.version))
    }

    /// The sign-offs that approve `version`'s content: those given on it,
    /// and on earlier versions that read exactly the same (same content
    /// hash); a sign-off of other content never counts as an approval of
    /// this one. One per person, the first given.
    pub fn approvals_of<'a>(&'a self, version: &'a ReportVersion) -> Vec<&'a SignOff> {
        let mut out: Vec<&SignOff> = Vec::new();
        for s in self.approvals() {
            let same = self
                .version_by_id(s.version)
                .is_some_and(|v| v.number <= version.number && v.sha256 == version.sha256);
            if same
                && !out
                    .iter()
                    .any(|o| same_person(o, s.participant_id, &s.name))
            {
                out.push(s);
            }
        }
        out
    }

    /// The standing sign-off of this person on `version`, if they gave one:
    /// one sign-off per person per version.
    pub fn signed_by(&self, version: Id, participant: Option<Id>, name: &str) -> Option<&SignOff> {
        self.approvals()
            .find(|s| s.version == version && same_person(s, participant, name))
    }

    /// The number of the version `id`, when it stands.
    pub fn number_of(&self, id: Id) -> Option<u32> {
        self.version_by_id(id)
            .filter(|v| v.removed_at.is_none())
            .map(|v| v.number)
    }

    /// The report JSON the version `id` kept.
    pub fn report_of(&self, id: Id) -> Option<&str> {
        self.reports
            .iter()
            .find(|(v, _)| *v == id)
            .map(|(_, report)| report.as_str())
    }

    fn stands(&self, version: Id) -> bool {
        self.number_of(version).is_some()
    }
}

/// Whether a sign-off was given by this person: the same roster member,
/// or the same name as names are matched (`name_key`: capitals, spaces
/// and invisible characters aside).
fn same_person(s: &SignOff, participant: Option<Id>, name: &str) -> bool {
    match (s.participant_id, participant) {
        (Some(a), Some(b)) => a == b,
        _ => super::name_key(&s.name) == super::name_key(name),
    }
}

/// The report JSON's top-level fields that are not content: the review
/// section (it records who approved that very content, so a sign-off or
/// an applied remark does not make a version out of date) and the
/// session's status (closing or reopening a session changes nothing a
/// reader sees). `atelier diff` does not list them either.
pub const NOT_CONTENT: &[&str] = &["review", "status"];

/// SHA-256 of a version's content (the report JSON without the
/// [`NOT_CONTENT`] fields), in lower-case hex: only a change to what the
/// report says makes a version out of date.
pub fn content_hash(report: &str) -> String {
    hash_without(report, |doc| {
        for key in NOT_CONTENT {
            // In place: the others keep their order, which the streamed
            // hash of the report (`report::review`) follows.
            doc.shift_remove(*key);
        }
    })
}

/// The hash versions published before the session's status was left out
/// of [`content_hash`] carry (only the review section left out, removed
/// as that code did): a bundle written then still holds it, and it still
/// vouches for its report.
pub fn legacy_content_hash(report: &str) -> String {
    hash_without(report, |doc| {
        doc.remove("review");
    })
}

/// SHA-256, in lower-case hex, of the report JSON with `drop` applied to
/// its top-level fields (of the text as it is when it is no JSON object).
fn hash_without(
    report: &str,
    drop: impl Fn(&mut serde_json::Map<String, serde_json::Value>),
) -> String {
    use sha2::Digest;
    let content = match serde_json::from_str::<serde_json::Value>(report) {
        Ok(serde_json::Value::Object(mut doc)) => {
            drop(&mut doc);
            serde_json::Value::Object(doc).to_string()
        }
        _ => report.to_string(),
    };
    format!("{:x}", sha2::Sha256::digest(content.as_bytes()))
}

impl ReviewLog {
    /// Each version's content hash taken again from the report it kept, so
    /// every hash follows today's [`content_hash`]: a version stored when
    /// the hash still covered the session's status reads as current as
    /// long as what it says is unchanged. A version without its report
    /// keeps the hash it was stored with.
    pub fn rehash(&mut self) {
        for (id, report) in &self.reports {
            if report.is_empty() {
                continue;
            }
            if let Some(v) = self.versions.iter_mut().find(|v| v.id == *id) {
                v.sha256 = content_hash(report);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn version(number: u32, removed: bool) -> ReportVersion {
        let now = crate::model::now();
        ReportVersion {
            id: crate::model::new_id(),
            number,
            validated: false,
            note: String::new(),
            sha256: content_hash(""),
            published_at: now,
            removed_at: removed.then_some(now),
        }
    }

    #[test]
    fn numbers_count_the_standing_versions() {
        let mut log = ReviewLog::default();
        assert_eq!(log.next_number(), 1);
        log.versions = vec![version(1, false), version(2, true)];
        assert_eq!(log.next_number(), 2);
        assert_eq!(log.latest().map(|v| v.number), Some(1));
        assert!(log.version(2).is_none());
    }

    fn sign_off(version: &ReportVersion, participant: Option<Id>, name: &str) -> SignOff {
        SignOff {
            id: crate::model::new_id(),
            version: version.id,
            participant_id: participant,
            name: name.into(),
            at: crate::model::now(),
            removed_at: None,
        }
    }

    #[test]
    fn a_version_is_approved_by_sign_offs_of_the_same_content_only() {
        let mut log = ReviewLog::default();
        let (mut v1, v2, mut v3) = (version(1, false), version(2, false), version(3, false));
        v1.sha256 = "old".into();
        v3.validated = true;
        let ana = crate::model::new_id();
        log.sign_offs = vec![
            sign_off(&v1, Some(ana), "Ana"),
            sign_off(&v2, None, "Marc"),
            sign_off(&v2, Some(ana), "Ana"),
            sign_off(&v3, None, " marc "),
        ];
        log.versions = vec![v1, v2, v3];
        let names = |n: u32| -> Vec<String> {
            let v = log.version(n).unwrap();
            log.approvals_of(v).iter().map(|s| s.name.clone()).collect()
        };
        // Draft 1 read otherwise: Ana's sign-off of it approves only it.
        assert_eq!(names(1), ["Ana"]);
        // Version 3 reads as draft 2: their sign-offs, Marc once.
        assert_eq!(names(3), ["Marc", "Ana"]);
        assert_eq!(names(2), ["Marc", "Ana"]);
        let v2 = log.version(2).unwrap().id;
        assert!(log.signed_by(v2, None, "MARC").is_some());
        assert!(log.signed_by(v2, Some(ana), "Ana D.").is_some());
        assert!(log.signed_by(v2, None, "Bo").is_none());
        // A hidden joiner or a full-width letter is still Marc.
        assert!(log.signed_by(v2, None, "Marc\u{200d}").is_some());
        assert!(log.signed_by(v2, None, "\u{200b}Ｍarc.").is_some());
        assert!(log.signed_by(v2, None, "Marcel").is_none());
    }

    #[test]
    fn unchanged_content_is_published_only_to_validate_a_draft() {
        let mut log = ReviewLog::default();
        let same = content_hash("");
        assert!(log.may_publish(&same, false).is_ok());
        log.versions = vec![version(1, false)];
        assert_eq!(log.may_publish(&same, false).map_err(|v| v.number), Err(1));
        assert!(log.may_publish("other", false).is_ok());
        assert!(log.may_publish(&same, true).is_ok());
        assert_eq!(log.validates(&same).map(|v| v.number), Some(1));
        let mut validated = version(2, false);
        validated.validated = true;
        log.versions.push(validated);
        assert_eq!(log.may_publish(&same, true).map_err(|v| v.number), Err(2));
        assert_eq!(log.may_publish(&same, false).map_err(|v| v.number), Err(2));
        assert!(log.validates(&same).is_none());
    }

    #[test]
    fn the_hash_is_sha256() {
        assert_eq!(
            content_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
