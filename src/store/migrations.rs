use super::APPLICATION_ID;
use rusqlite::Transaction;
use rusqlite_migration::{HookResult, Migrations, M};

/// Schema migrations, one SQL file each, applied in order and keyed on
/// SQLite's `user_version`. Append new files; never edit a released one.
const STEPS: &[&str] = &[
    include_str!("migrations/001_initial.sql"),
    include_str!("migrations/002_contribution_kind_check.sql"),
    include_str!("migrations/003_stage_segments.sql"),
    include_str!("migrations/004_indexes.sql"),
    include_str!("migrations/005_parking_and_decisions.sql"),
    include_str!("migrations/006_actions.sql"),
    include_str!("migrations/007_passes.sql"),
    include_str!("migrations/008_themes.sql"),
    include_str!("migrations/009_votes.sql"),
    include_str!("migrations/010_links.sql"),
    include_str!("migrations/011_structures.sql"),
    include_str!("migrations/012_follow_through.sql"),
    include_str!("migrations/013_synthesis_sources.sql"),
    include_str!("migrations/014_report_choices.sql"),
    include_str!("migrations/015_review.sql"),
    include_str!("migrations/016_carried_actions.sql"),
    include_str!("migrations/017_room.sql"),
    include_str!("migrations/018_search.sql"),
    include_str!("migrations/019_room_posts.sql"),
    include_str!("migrations/020_merge_conflicts.sql"),
    include_str!("migrations/021_pseudonym_seed.sql"),
    include_str!("migrations/022_reopened.sql"),
];

/// The schema version this program writes.
pub const LATEST_VERSION: i64 = STEPS.len() as i64;

/// Every step also stamps the file as ours, in the same transaction as the
/// schema change: a crash can never leave our tables without our id.
fn stamp(tx: &Transaction) -> HookResult {
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    Ok(())
}

/// The migrations. Run them with `foreign_keys` OFF (a table rebuild must
/// not cascade); each step checks the foreign keys before it commits.
pub fn migrations() -> Migrations<'static> {
    Migrations::new(
        STEPS
            .iter()
            .map(|sql| M::up_with_hook(sql, stamp).foreign_key_check())
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn migrations_are_valid() {
        super::migrations().validate().unwrap();
    }
}
