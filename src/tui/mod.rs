//! The terminal interface.

use crate::model::Lang;
use std::path::Path;

/// Opens the terminal interface.
pub fn run(_db: Option<&Path>, _lang: Option<Lang>) -> anyhow::Result<()> {
    anyhow::bail!("the terminal interface is not available in this build yet; see `atelier --help` for the commands")
}
