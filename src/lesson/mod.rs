//! Lessons: loading courses and lessons from a content folder, their TOML front matter, and
//! turning their markdown into styled lines.
//!
//! Loading is deliberately cheap: only front matter is parsed at start-up; a lesson's markdown
//! is rendered when it is opened (and re-rendered when the width changes), so start-up time does
//! not grow with the amount of prose.

pub mod callout;
pub mod diagram;
mod front_matter;
pub mod glossary;
mod library;
mod problem;
pub mod render;
pub mod styled;

pub use front_matter::{CourseMeta, LessonMeta};
pub use library::{ContentSource, Course, Lesson, Library};
pub use problem::{Problem, ProblemKind};
pub use render::{RenderOptions, render};
