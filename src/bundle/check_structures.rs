//! Validation of a bundle's 1-2-4-All data: a stage's step starts, a
//! contribution's group and its anonymity.

use super::check::Checker;
use super::format::BStage;
use super::BundleError;
use crate::model::{Id, Step, Timestamp, MAX_GROUP};

impl Checker<'_> {
    /// At most one start per step, each no earlier than the one before.
    pub(super) fn step_starts(&self, at: &str, st: &BStage) -> Result<Vec<Timestamp>, BundleError> {
        if st.step_starts.len() > Step::ALL.len() {
            return Err(self.said(
                format!("{at}.step_starts"),
                "structures.bundle_too_many_steps",
                &[("max", &Step::ALL.len())],
            ));
        }
        let mut starts: Vec<Timestamp> = Vec::new();
        for (i, value) in st.step_starts.iter().enumerate() {
            let place = format!("{at}.step_starts[{i}]");
            let start = self.time(place.clone(), value)?;
            if starts.last().is_some_and(|before| start < *before) {
                return Err(self.said(place, "structures.bundle_step_before", &[]));
            }
            starts.push(start);
        }
        Ok(starts)
    }

    /// A group is numbered from 1.
    pub(super) fn group(&self, at: &str, group: Option<u32>) -> Result<Option<u32>, BundleError> {
        match group {
            Some(g) if !(1..=MAX_GROUP).contains(&g) => Err(self.said(
                format!("{at}.group"),
                "structures.bundle_group",
                &[("value", &g), ("max", &MAX_GROUP)],
            )),
            _ => Ok(group),
        }
    }

    /// Where a contribution came from: one of the known origins.
    pub(super) fn origin(
        &self,
        at: &str,
        origin: Option<&str>,
    ) -> Result<crate::model::Origin, BundleError> {
        match origin {
            None => Ok(crate::model::Origin::Facilitator),
            Some(key) => crate::model::Origin::parse(key).ok_or_else(|| {
                self.said(
                    format!("{at}.origin"),
                    "bundle.bad_origin",
                    &[("value", &key)],
                )
            }),
        }
    }

    /// An anonymous contribution names no participant.
    pub(super) fn anonymous(
        &self,
        at: &str,
        anonymous: bool,
        participant: Option<Id>,
    ) -> Result<bool, BundleError> {
        if anonymous && participant.is_some() {
            return Err(self.said(
                format!("{at}.participant"),
                "structures.bundle_anonymous_author",
                &[],
            ));
        }
        Ok(anonymous)
    }
}
