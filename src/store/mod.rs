//! The learner's progress: which lessons were read, where each was left, settings, and (for
//! the quiz and review features to come) answer history, review cards and exam attempts.
//!
//! # Location
//!
//! Progress lives in one file, `progress.json`, inside `$GUREUM_DATA_DIR` when that variable is
//! set and non-empty, else inside the platform data directory (`~/.local/share/gureum` on Linux,
//! `~/Library/Application Support/gureum` on macOS, `%APPDATA%\gureum\data` on Windows). If
//! neither can be found the store lives in memory only and says so with a [`Notice`]; the app
//! never fails to start because of its progress file.
//!
//! # Format
//!
//! A JSON object with a top-level `format_version` (currently [`FORMAT_VERSION`]) next to the
//! fields of [`Progress`]. Every field has a serde default, so adding a field does not need a new
//! version; the version is bumped only for changes older builds would misread. On load, a file of
//! an older version (or with no version: the pre-release layout) is upgraded by [`migrate`] on the
//! raw JSON before it is deserialised. Unknown top-level fields, written by a newer build of the
//! same version, are kept in [`Progress::extra`] and written back on save. A file of a *newer*
//! version is read as far as possible but opened read-only: saving it returns
//! [`StoreError::ReadOnly`] and the file is never touched, so an old build cannot destroy what a
//! new one wrote.
//!
//! # Atomic saves
//!
//! Saving is explicit ([`Store::save`], or [`Store::save_if_dirty`] on lesson close and quit).
//! The JSON is written to a uniquely named temp file in the same directory, flushed to disk
//! (`fsync`), renamed over `progress.json`, and the directory is fsynced (Unix, best effort).
//! The directory is created if missing. A crash at any point leaves either the old or the new
//! file, and a failed save leaves the old file as it was.
//!
//! # Damaged files
//!
//! A file that is empty, not UTF-8, not JSON, or JSON of the wrong shape is never replaced or
//! deleted: it is renamed to `progress.json.corrupt-<unix-seconds>` and the store starts fresh,
//! reporting [`Notice::MovedAside`] with the parse error (line and column where there is one).
//! A file that cannot be read at all (permissions, a directory in its place) or cannot be moved
//! aside opens the store read-only with [`Notice::Unreadable`].

mod format;
mod fsio;

use std::cell::Cell;
use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};

pub use format::{
    AnswerLog, CardState, ExamAttempt, FORMAT_VERSION, LessonProgress, Progress, Settings, migrate,
};
use format::{Decoded, decode, encode};

/// Environment variable that overrides the data directory.
pub const ENV_DATA_DIR: &str = "GUREUM_DATA_DIR";

/// Name of the progress file inside the data directory.
pub const FILE_NAME: &str = "progress.json";

/// Something the user should be told about the store (e.g. a corrupt file moved aside).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The file could not be read and was moved to the given path; the store started fresh.
    MovedAside {
        /// Where the file was.
        from: PathBuf,
        /// Where it is now.
        to: PathBuf,
        /// Why it could not be read (the parse error).
        reason: String,
    },
    /// The file was made by a newer gureum; it was opened read-only and will not be saved.
    NewerVersion {
        /// The file.
        path: PathBuf,
        /// The format version found in it.
        found: u64,
        /// The newest format version this build supports.
        supported: u64,
    },
    /// The file exists but could not be read or moved aside; opened read-only.
    Unreadable {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        reason: String,
    },
    /// No data directory could be found; progress is kept in memory only.
    NotSaved {
        /// Why there is no directory.
        reason: String,
    },
}

/// Errors of the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// I/O failed.
    #[error("{path}: {source}")]
    Io {
        /// The file or directory involved.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
    /// The store was opened read-only (newer or unreadable file), so nothing was written.
    #[error("{path}: opened read-only to protect the file; progress was not saved")]
    ReadOnly {
        /// The protected file.
        path: PathBuf,
    },
    /// The progress could not be serialised.
    #[error("could not encode progress: {0}")]
    Encode(#[from] serde_json::Error),
}

/// How the store's file may be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Load and save normally.
    Writable,
    /// Never write: the file is newer than this build or could not be read.
    ReadOnly,
    /// No file at all.
    Memory,
}

/// The progress store bound to a file.
#[derive(Debug)]
pub struct Store {
    path: PathBuf,
    mode: Mode,
    data: Progress,
    /// Changed since the last load or save; a `Cell` so [`Store::save`] can keep taking `&self`.
    dirty: Cell<bool>,
}

/// Resolves the data directory: a non-empty `env_value` (the value of [`ENV_DATA_DIR`]) wins,
/// else the platform data directory, else `None`.
pub fn data_dir_from(env_value: Option<OsString>) -> Option<PathBuf> {
    match env_value {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => directories::ProjectDirs::from("", "", "gureum").map(|p| p.data_dir().to_path_buf()),
    }
}

impl Store {
    /// Opens the store in `GUREUM_DATA_DIR` or the platform data directory; in memory, with a
    /// [`Notice::NotSaved`], if there is neither.
    pub fn open_default() -> Result<(Self, Vec<Notice>), StoreError> {
        if let Some(dir) = data_dir_from(std::env::var_os(ENV_DATA_DIR)) {
            Self::open_in(&dir)
        } else {
            let reason = "no home or data directory found".to_owned();
            Ok((
                Self::in_memory(Progress::default()),
                vec![Notice::NotSaved { reason }],
            ))
        }
    }

    /// Opens (or starts) the store in `dir`; the directory is created on the first save.
    ///
    /// Problems with the file become [`Notice`]s (see the module docs), never a lost file.
    pub fn open_in(dir: &Path) -> Result<(Self, Vec<Notice>), StoreError> {
        let path = dir.join(FILE_NAME);
        let open = |mode, data| Self {
            path: path.clone(),
            mode,
            data,
            dirty: Cell::new(false),
        };
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Ok((open(Mode::Writable, Progress::default()), Vec::new()));
            }
            Err(e) => {
                let notice = Notice::Unreadable {
                    path: path.clone(),
                    reason: e.to_string(),
                };
                return Ok((open(Mode::ReadOnly, Progress::default()), vec![notice]));
            }
        };
        Ok(match decode(&bytes) {
            Ok(Decoded::Current(data)) => (open(Mode::Writable, data), Vec::new()),
            Ok(Decoded::Newer { version, progress }) => {
                let notice = Notice::NewerVersion {
                    path: path.clone(),
                    found: version,
                    supported: FORMAT_VERSION,
                };
                (
                    open(Mode::ReadOnly, progress.unwrap_or_default()),
                    vec![notice],
                )
            }
            Err(reason) => match fsio::move_aside(&path) {
                Ok(to) => {
                    let notice = Notice::MovedAside {
                        from: path.clone(),
                        to,
                        reason,
                    };
                    (open(Mode::Writable, Progress::default()), vec![notice])
                }
                Err(e) => {
                    let reason = format!("{reason}; could not move it aside: {e}");
                    let notice = Notice::Unreadable {
                        path: path.clone(),
                        reason,
                    };
                    (open(Mode::ReadOnly, Progress::default()), vec![notice])
                }
            },
        })
    }

    /// A store that is never written (for tests and snapshots); saving it does nothing.
    pub fn in_memory(data: Progress) -> Self {
        Self {
            path: PathBuf::new(),
            mode: Mode::Memory,
            data,
            dirty: Cell::new(false),
        }
    }

    /// The file the store writes (empty for an in-memory store).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The current data.
    pub fn progress(&self) -> &Progress {
        &self.data
    }

    /// Mutable access (marks the store dirty); call [`Store::save`] afterwards.
    pub fn progress_mut(&mut self) -> &mut Progress {
        self.dirty.set(true);
        &mut self.data
    }

    /// Whether saves are refused to protect the file (newer version or unreadable).
    pub fn is_read_only(&self) -> bool {
        self.mode == Mode::ReadOnly
    }

    /// Whether the data changed since it was loaded or last saved.
    pub fn is_dirty(&self) -> bool {
        self.dirty.get()
    }

    /// Progress of lesson `id`, if it was ever opened.
    pub fn lesson(&self, id: &str) -> Option<&LessonProgress> {
        self.data.lessons.get(id)
    }

    /// Whether lesson `id` was read to the end at least once.
    pub fn is_read(&self, id: &str) -> bool {
        self.lesson(id).is_some_and(|l| l.read)
    }

    /// Records where lesson `id` was left: top `line` and `percent` seen (clamped to 100).
    pub fn set_scroll(&mut self, id: &str, line: usize, percent: u8) {
        let percent = percent.min(100);
        self.update_lesson(id, |l| {
            l.scroll = line;
            l.percent = percent;
        });
    }

    /// Marks lesson `id` as read to the end.
    pub fn mark_read(&mut self, id: &str) {
        self.update_lesson(id, |l| l.read = true);
    }

    /// Remembers `id` as the lesson to resume ("이어 읽기").
    pub fn set_last_lesson(&mut self, id: &str) {
        if self.data.last_lesson.as_deref() != Some(id) {
            self.data.last_lesson = Some(id.to_owned());
            self.dirty.set(true);
        }
    }

    /// Applies `change` to lesson `id` (creating it), marking the store dirty if anything changed.
    fn update_lesson(&mut self, id: &str, change: impl FnOnce(&mut LessonProgress)) {
        let entry = self.data.lessons.entry(id.to_owned());
        let is_new = matches!(entry, std::collections::btree_map::Entry::Vacant(_));
        let lesson = entry.or_default();
        let before = lesson.clone();
        change(lesson);
        if is_new || *lesson != before {
            self.dirty.set(true);
        }
    }

    /// Writes the data atomically (see the module docs) and clears the dirty flag.
    ///
    /// An in-memory store does nothing; a read-only one returns [`StoreError::ReadOnly`]. On
    /// error the previous file is left as it was.
    pub fn save(&self) -> Result<(), StoreError> {
        match self.mode {
            Mode::Memory => {}
            Mode::ReadOnly => {
                return Err(StoreError::ReadOnly {
                    path: self.path.clone(),
                });
            }
            Mode::Writable => {
                let bytes = encode(&self.data)?;
                fsio::write_atomic(&self.path, &bytes)
                    .map_err(|(path, source)| StoreError::Io { path, source })?;
            }
        }
        self.dirty.set(false);
        Ok(())
    }

    /// Saves only if something changed; returns whether a save happened.
    pub fn save_if_dirty(&self) -> Result<bool, StoreError> {
        if !self.dirty.get() {
            return Ok(false);
        }
        self.save()?;
        Ok(true)
    }
}

impl Notice {
    /// A short message for the user, in Korean (해요체) or, if `lang_en`, English.
    pub fn message(&self, lang_en: bool) -> String {
        match (self, lang_en) {
            (Self::MovedAside { to, reason, .. }, false) => format!(
                "진도 파일이 손상되어 다른 이름으로 옮겨 두었어요. 새로 시작해요. \
                 (옮긴 파일: {}, 원인: {reason})",
                to.display()
            ),
            (Self::MovedAside { to, reason, .. }, true) => format!(
                "The progress file was damaged and was moved to {}. Starting fresh. ({reason})",
                to.display()
            ),
            (
                Self::NewerVersion {
                    path,
                    found,
                    supported,
                },
                false,
            ) => format!(
                "진도 파일이 더 새로운 gureum으로 만들어졌어요(형식 {found}, 지원 {supported}). \
                 파일을 지키려고 읽기 전용으로 열었으니 이번 진도는 저장되지 않아요. \
                 gureum을 업데이트해 주세요. ({})",
                path.display()
            ),
            (
                Self::NewerVersion {
                    path,
                    found,
                    supported,
                },
                true,
            ) => format!(
                "The progress file was made by a newer gureum (format {found}, this build \
                 supports {supported}). It was opened read-only, so progress will not be saved. \
                 Please update gureum. ({})",
                path.display()
            ),
            (Self::Unreadable { path, reason }, false) => format!(
                "진도 파일을 읽을 수 없어 읽기 전용으로 열었어요. 이번 진도는 저장되지 않아요. \
                 ({}: {reason})",
                path.display()
            ),
            (Self::Unreadable { path, reason }, true) => format!(
                "The progress file could not be read, so it was opened read-only; progress will \
                 not be saved. ({}: {reason})",
                path.display()
            ),
            (Self::NotSaved { reason }, false) => format!(
                "진도를 저장할 폴더를 찾지 못해서 이번 진도는 저장되지 않아요. \
                 {ENV_DATA_DIR} 환경 변수로 폴더를 지정할 수 있어요. ({reason})"
            ),
            (Self::NotSaved { reason }, true) => format!(
                "No data directory was found, so progress will not be saved. Set {ENV_DATA_DIR} \
                 to choose one. ({reason})"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn convenience_methods_track_dirtiness() {
        let mut store = Store::in_memory(Progress::default());
        assert!(!store.is_dirty());
        assert!(store.lesson("a").is_none());
        store.set_scroll("a", 10, 250);
        assert!(store.is_dirty());
        assert_eq!(
            store.lesson("a"),
            Some(&LessonProgress {
                read: false,
                scroll: 10,
                percent: 100
            })
        );
        assert!(store.save_if_dirty().unwrap());
        assert!(!store.save_if_dirty().unwrap());
        store.set_scroll("a", 10, 100);
        store.set_last_lesson("a");
        assert!(store.is_dirty(), "first set_last_lesson changes data");
        store.save().unwrap();
        store.set_last_lesson("a");
        assert!(!store.is_dirty(), "unchanged values do not dirty the store");
        assert!(!store.is_read("a"));
        store.mark_read("a");
        assert!(store.is_read("a") && store.is_dirty());
    }

    #[test]
    fn data_dir_prefers_non_empty_env_value() {
        let dir = data_dir_from(Some("/tmp/gureum-test".into()));
        assert_eq!(dir, Some(PathBuf::from("/tmp/gureum-test")));
        let platform =
            directories::ProjectDirs::from("", "", "gureum").map(|p| p.data_dir().to_path_buf());
        assert_eq!(data_dir_from(Some(OsString::new())), platform);
        assert_eq!(data_dir_from(None), platform);
    }

    #[test]
    fn messages_are_korean_or_english() {
        let notices = [
            Notice::MovedAside {
                from: "p".into(),
                to: "p.corrupt-1".into(),
                reason: "r".into(),
            },
            Notice::NewerVersion {
                path: "p".into(),
                found: 2,
                supported: 1,
            },
            Notice::Unreadable {
                path: "p".into(),
                reason: "r".into(),
            },
            Notice::NotSaved { reason: "r".into() },
        ];
        for n in &notices {
            let ko = n.message(false);
            let en = n.message(true);
            assert!(ko.contains("요."), "{ko}");
            assert!(!en.chars().any(|c| ('가'..='힣').contains(&c)), "{en}");
        }
        assert!(notices[0].message(false).contains("p.corrupt-1"));
        assert!(notices[1].message(true).contains("newer gureum"));
    }
}
