//! The learner's progress: which lessons were read, where each was left, settings.
//!
//! STUB: the real store (versioned file, atomic writes, corrupt-file handling) replaces this.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Per-lesson progress.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LessonProgress {
    /// The lesson's end was reached at least once.
    pub read: bool,
    /// Rendered line at the top of the reader when last left.
    pub scroll: usize,
    /// Fraction of the lesson seen, 0-100.
    pub percent: u8,
}

/// User settings kept with the progress.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Settings {
    /// UI language code ("ko" or "en"); `None` = default (Korean).
    pub lang: Option<String>,
}

/// Everything that is saved.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Progress {
    /// Per-lesson progress by lesson id.
    pub lessons: BTreeMap<String, LessonProgress>,
    /// The lesson opened most recently (for "이어 읽기").
    pub last_lesson: Option<String>,
    /// Settings.
    pub settings: Settings,
}

/// Something the user should be told about the store (e.g. a corrupt file moved aside).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The file could not be read and was moved to the given path.
    MovedAside { from: PathBuf, to: PathBuf, reason: String },
}

/// Errors of the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// I/O failed.
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
}

/// The progress store bound to a file.
#[derive(Debug)]
pub struct Store {
    path: PathBuf,
    data: Progress,
}

impl Store {
    /// Opens the store in `GUREUM_DATA_DIR` or the platform data directory.
    pub fn open_default() -> Result<(Self, Vec<Notice>), StoreError> {
        Ok((Self { path: PathBuf::from("/dev/null"), data: Progress::default() }, Vec::new()))
    }
    /// Opens (or starts) the store in `dir`.
    pub fn open_in(dir: &Path) -> Result<(Self, Vec<Notice>), StoreError> {
        Ok((Self { path: dir.join("progress.json"), data: Progress::default() }, Vec::new()))
    }
    /// A store that is never written (for tests and snapshots).
    pub fn in_memory(data: Progress) -> Self {
        Self { path: PathBuf::new(), data }
    }
    /// The file the store writes.
    pub fn path(&self) -> &Path {
        &self.path
    }
    /// The current data.
    pub fn progress(&self) -> &Progress {
        &self.data
    }
    /// Mutable access; call [`Store::save`] afterwards.
    pub fn progress_mut(&mut self) -> &mut Progress {
        &mut self.data
    }
    /// Writes the data atomically.
    pub fn save(&self) -> Result<(), StoreError> {
        Ok(())
    }
}
