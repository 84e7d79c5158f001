//! Crash-safe file operations: atomic replace and moving a damaged file aside.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// Counter making temp-file names unique within this process.
static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Seconds since the Unix epoch (0 if the clock is before it).
pub(crate) fn unix_seconds() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// Replaces `path` with `bytes` so that a crash leaves either the old or the new file, never a mix.
///
/// Writes a uniquely named temp file in the same directory (created if missing), fsyncs it,
/// renames it over `path`, then fsyncs the directory (best effort, Unix only). The temp file
/// is removed if any step fails. Errors carry the path that failed.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), (PathBuf, io::Error)> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    fs::create_dir_all(dir).map_err(|e| (dir.to_path_buf(), e))?;
    let (tmp, mut file) = create_temp(dir, path).map_err(|e| (dir.to_path_buf(), e))?;
    let written = file
        .write_all(bytes)
        .and_then(|()| file.sync_all())
        .map_err(|e| (tmp.clone(), e));
    drop(file);
    let renamed =
        written.and_then(|()| fs::rename(&tmp, path).map_err(|e| (path.to_path_buf(), e)));
    if renamed.is_err() {
        // Best effort: the real file is untouched either way.
        let _ = fs::remove_file(&tmp);
    }
    renamed?;
    sync_dir(dir);
    Ok(())
}

/// Creates a new, uniquely named temp file next to `target` (never reusing an existing one).
fn create_temp(dir: &Path, target: &Path) -> io::Result<(PathBuf, File)> {
    let stem = target
        .file_name()
        .map_or_else(|| "store".into(), |n| n.to_string_lossy());
    for _ in 0..100 {
        let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
        let tmp = dir.join(format!(".{stem}.tmp-{}-{n}", std::process::id()));
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(file) => return Ok((tmp, file)),
            // A leftover from a crashed process with the same pid: try the next number.
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "no free temp-file name",
    ))
}

/// Makes a rename in `dir` durable (Unix; elsewhere the rename is all we can do).
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Moves a damaged `path` to `<name>.corrupt-<unix-seconds>` (adding `-1`, `-2`, … if taken)
/// and returns where it went. Never overwrites an existing file.
pub(crate) fn move_aside(path: &Path) -> io::Result<PathBuf> {
    let name = path
        .file_name()
        .map_or_else(|| "store".into(), |n| n.to_string_lossy());
    let base = format!("{name}.corrupt-{}", unix_seconds());
    for n in 0..1000 {
        let to = path.with_file_name(if n == 0 {
            base.clone()
        } else {
            format!("{base}-{n}")
        });
        // `rename` would replace an existing file, so check first (a race here needs two
        // gureum processes damaging the same file in the same second).
        if fs::symlink_metadata(&to).is_err() {
            fs::rename(path, &to)?;
            sync_dir(path.parent().unwrap_or(Path::new(".")));
            return Ok(to);
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "too many moved-aside files",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn move_aside_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.json");
        fs::write(&path, "first").unwrap();
        let a = move_aside(&path).unwrap();
        fs::write(&path, "second").unwrap();
        let b = move_aside(&path).unwrap();
        assert_ne!(a, b);
        assert_eq!(fs::read_to_string(a).unwrap(), "first");
        assert_eq!(fs::read_to_string(b).unwrap(), "second");
        assert!(!path.exists());
    }

    #[test]
    fn write_atomic_replaces_and_cleans_up() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.json");
        fs::write(&path, "old").unwrap();
        write_atomic(&path, b"new").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
