//! File operations around the database: moving a damaged file aside and clearing the temp
//! files the JSON store left behind.

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

use crate::clock::UnixMillis;

/// Removes the `.progress.json.tmp-*` files a killed JSON save left in `dir` (best effort);
/// returns how many were removed.
pub(crate) fn remove_temp_leftovers(dir: &Path, file_name: &str) -> usize {
    let prefix = format!(".{file_name}.tmp-");
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    entries
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(&prefix))
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter(|e| fs::remove_file(e.path()).is_ok())
        .count()
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

/// Moves a damaged `path` to `<name>.corrupt-<unix-seconds>`, the seconds of `now` (adding
/// `-1`, `-2`, … if taken), and returns where it went. Never overwrites an existing file.
pub(crate) fn move_aside(path: &Path, now: UnixMillis) -> io::Result<PathBuf> {
    let name = path
        .file_name()
        .map_or_else(|| "store".into(), |n| n.to_string_lossy());
    let base = format!("{name}.corrupt-{}", now.secs());
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
        let now = UnixMillis::from_secs(1_700_000_000);
        let a = move_aside(&path, now).unwrap();
        fs::write(&path, "second").unwrap();
        let b = move_aside(&path, now).unwrap();
        assert_ne!(a, b);
        assert!(a.ends_with("p.json.corrupt-1700000000"), "{}", a.display());
        assert!(
            b.ends_with("p.json.corrupt-1700000000-1"),
            "{}",
            b.display()
        );
        assert_eq!(fs::read_to_string(a).unwrap(), "first");
        assert_eq!(fs::read_to_string(b).unwrap(), "second");
        assert!(!path.exists());
    }

    #[test]
    fn temp_leftovers_are_removed_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            ".p.json.tmp-1-0",
            ".p.json.tmp-22-3",
            "p.json",
            ".p.json.keep",
        ] {
            fs::write(dir.path().join(name), "x").unwrap();
        }
        assert_eq!(remove_temp_leftovers(dir.path(), "p.json"), 2);
        let mut left: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        left.sort();
        assert_eq!(left, [".p.json.keep", "p.json"]);
    }
}
