use rusqlite_migration::{Migrations, M};

/// Schema migrations, one SQL file each, applied in order and keyed on
/// SQLite's `user_version`. Append new files; never edit a released one.
const STEPS: &[&str] = &[include_str!("migrations/001_initial.sql")];

/// The schema version this program writes.
pub const LATEST_VERSION: i64 = STEPS.len() as i64;

pub fn migrations() -> Migrations<'static> {
    Migrations::new(STEPS.iter().map(|sql| M::up(sql)).collect())
}

#[cfg(test)]
mod tests {
    #[test]
    fn migrations_are_valid() {
        super::migrations().validate().unwrap();
    }
}
