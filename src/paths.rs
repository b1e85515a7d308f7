//! Where Atelier keeps things on this machine, from the platform
//! conventions (`directories`).

use directories::{ProjectDirs, UserDirs};
use std::path::PathBuf;

fn project() -> Option<ProjectDirs> {
    ProjectDirs::from("org", "Atelier", "atelier")
}

/// The default database: `atelier.sqlite3` in the platform data dir
/// (`~/.local/share/atelier` on Linux), or the current folder if the
/// platform has none.
pub fn default_db() -> PathBuf {
    project()
        .map(|p| p.data_dir().join("atelier.sqlite3"))
        .unwrap_or_else(|| PathBuf::from("atelier.sqlite3"))
}

/// Where users put their own templates (`~/.config/atelier/templates`).
pub fn user_templates() -> Option<PathBuf> {
    project().map(|p| p.config_dir().join("templates"))
}

/// A user's own key bindings, layered over the built-in ones
/// (`~/.config/atelier/keymap.json`).
pub fn user_keymap() -> Option<PathBuf> {
    project().map(|p| p.config_dir().join("keymap.json"))
}

/// Where reports are exported by default: `Documents/Atelier`.
pub fn export_dir() -> PathBuf {
    let dirs = UserDirs::new();
    let docs = dirs
        .as_ref()
        .and_then(|d| d.document_dir().map(PathBuf::from))
        .or_else(|| dirs.as_ref().map(|d| d.home_dir().join("Documents")))
        .unwrap_or_else(|| PathBuf::from("."));
    docs.join("Atelier")
}

/// Writes a file so that a crash never leaves half of it: a temporary file
/// beside it, synced, then renamed over the target.
pub fn write_atomically(path: &std::path::Path, content: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".part");
    let tmp = PathBuf::from(tmp);
    {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(content)?;
        f.sync_all()?;
    }
    std::fs::rename(&tmp, path)
}
