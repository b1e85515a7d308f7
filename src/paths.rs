//! Where Atelier keeps things on this machine, from the platform
//! conventions (`directories`).

use directories::{ProjectDirs, UserDirs};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

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

/// Where `--out PATH` writes a file called `name`: into PATH when it is a
/// folder, or when it ends with `/` (the folder is then created if
/// missing); at PATH itself otherwise. A symbolic link is followed to what
/// it points at.
pub fn export_target(out: &Path, name: &str) -> io::Result<PathBuf> {
    use std::os::unix::ffi::OsStrExt;
    let wants_folder = out.as_os_str().as_bytes().ends_with(b"/");
    if wants_folder {
        std::fs::create_dir_all(out)?;
    }
    let resolved = resolve_links(out)?;
    if resolved.is_dir() {
        return Ok(resolved.join(name));
    }
    // A typo in a folder name must not make folders: only a path ending
    // with `/` asks for one.
    match resolved.parent() {
        Some(dir) if !dir.as_os_str().is_empty() && !dir.is_dir() => Err(io::Error::new(
            io::ErrorKind::NotFound,
            format!(
                "the folder {} does not exist (end the path with / to create it)",
                dir.display()
            ),
        )),
        _ => Ok(resolved),
    }
}

/// Whether writing `target` would overwrite the database at `db` or one of
/// the files SQLite keeps beside it (`-wal`, `-shm`, `-journal`), however
/// either path is spelled (relative, through links).
pub fn is_database_file(target: &Path, db: &Path) -> bool {
    let Ok(db) = std::fs::canonicalize(db) else {
        return false;
    };
    let target = match std::fs::canonicalize(target) {
        Ok(t) => t,
        Err(_) => match (target.parent(), target.file_name()) {
            (Some(dir), Some(name)) => {
                let dir = if dir.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    dir
                };
                match std::fs::canonicalize(dir) {
                    Ok(dir) => dir.join(name),
                    Err(_) => return false,
                }
            }
            _ => return false,
        },
    };
    let mut forbidden = vec![db.clone()];
    for suffix in ["-wal", "-shm", "-journal"] {
        let mut name = db.as_os_str().to_owned();
        name.push(suffix);
        forbidden.push(PathBuf::from(name));
    }
    forbidden.contains(&target)
}

/// Writes a file so that a crash never leaves half of it: a temporary file
/// beside it, synced, then renamed over the target. A symbolic link is
/// written through (its target is replaced, the link stays); anything at
/// the path that is not a regular file (a folder, a device, a pipe) is
/// refused and left alone. A replaced file keeps its permissions.
pub fn write_atomically(path: &Path, content: &[u8]) -> io::Result<()> {
    write_atomically_with(path, |out| out.write_all(content))
}

/// `write_atomically`, with the content written by `write` into a
/// buffered temporary file as it is produced (an export streams into it;
/// nothing the size of the file is held in memory). If `write` fails,
/// the temporary file is removed and the target left as it was.
pub fn write_atomically_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let target = resolve_links(path)?;
    let kept = match std::fs::metadata(&target) {
        Ok(meta) if meta.is_file() => Some(meta.permissions()),
        Ok(_) => {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "it is not a regular file (a folder, a device or a pipe); nothing was written",
            ))
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir)?;
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".part")
        // A new file gets the usual 0666 less the umask, not tempfile's 0600.
        .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666))
        .tempfile_in(&dir)
        // tempfile names its own `.part` file in the error; the caller
        // names the destination, which is all a person needs to know.
        .map_err(|e| io::Error::from(e.kind()))?;
    if let Some(perms) = kept {
        tmp.as_file().set_permissions(perms)?;
    }
    let mut out = io::BufWriter::new(tmp.as_file_mut());
    write(&mut out)?;
    out.flush()?;
    drop(out);
    tmp.as_file().sync_all()?;
    tmp.persist(&target).map_err(|e| e.error)?;
    // Make the rename itself durable; not every file system allows it.
    if let Ok(d) = std::fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Follows symbolic links at the end of `path` (not in its folders, which
/// the system follows anyway) to the file they finally name, existing or
/// not.
fn resolve_links(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    // Linux gives up after 40 links too.
    for _ in 0..40 {
        match std::fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = std::fs::read_link(&current)?;
                current = match current.parent() {
                    Some(dir) if link.is_relative() => dir.join(link),
                    _ => link,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// Bundles hold a whole session; 10,000 contributions take about 5 MB.
pub const MAX_BUNDLE_BYTES: u64 = 256 * 1024 * 1024;
/// Templates and the keymap are a few kilobytes.
pub const MAX_SETTINGS_BYTES: u64 = 1024 * 1024;

/// Reads a file someone gave us, refusing what is not a regular file (a
/// pipe would block forever, `/dev/zero` would fill the memory) and what
/// is larger than `limit`. The error says which, in plain words.
pub fn read_limited(path: &std::path::Path, limit: u64) -> std::io::Result<Vec<u8>> {
    use std::io::{Error, ErrorKind, Read};
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(Error::new(
            ErrorKind::InvalidInput,
            "it is not a regular file (a folder, a pipe or a device)",
        ));
    }
    let too_big = || {
        Error::new(
            ErrorKind::InvalidData,
            format!("it is larger than {} MB", limit / (1024 * 1024)),
        )
    };
    if meta.len() > limit {
        return Err(too_big());
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // The file may grow while it is read: never past the limit.
    std::fs::File::open(path)?
        .take(limit + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(too_big());
    }
    Ok(bytes)
}

/// `read_limited` for text: the error says when it is not UTF-8.
pub fn read_text_limited(path: &std::path::Path, limit: u64) -> std::io::Result<String> {
    String::from_utf8(read_limited(path, limit)?).map_err(|e| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!(
                "it is not UTF-8 text (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        )
    })
}
