//! `atelier present [SESSION]`: the projector view in this terminal.

use super::commands::open_store_read_only;
use anyhow::Result;
use std::path::PathBuf;

/// Opens the file read-only (the view never writes, so it can run beside
/// the facilitator's screen, on a read-only copy too) and shows `session`.
pub fn run(db: Option<&PathBuf>, session: &str) -> Result<()> {
    let store = open_store_read_only(db)?;
    let session = store.resolve_session(session)?;
    crate::tui::present::run(store, session)
}
