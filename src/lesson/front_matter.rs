//! The metadata at the top of each lesson file and in each course's `course.toml`.
//!
//! A lesson starts with TOML between two `+++` lines:
//!
//! ```text
//! +++
//! id = "dynamodb-capacity"
//! title = "DynamoDB 용량"
//! order = 3
//! summary = "읽기·쓰기 용량 단위를 계산하는 법을 정리해요."
//! tags = ["dynamodb"]
//! source = "001_29ca2caee188d85d.txt"
//! +++
//! ```
//!
//! The full format, for teachers, is in `content/README.md`.

use serde::Deserialize;

use super::problem::ProblemKind;

/// A lesson's front matter.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct LessonMeta {
    /// Stable id, unique across all content: lowercase ASCII letters, digits and `-`.
    pub id: String,
    /// Title shown in lists and at the top of the reader.
    pub title: String,
    /// Position within its course (ascending).
    pub order: u32,
    /// One sentence saying what the lesson covers.
    pub summary: String,
    /// Free-form topic tags.
    #[serde(default)]
    pub tags: Vec<String>,
    /// The note this lesson was made from, if any.
    #[serde(default)]
    pub source: Option<String>,
    /// Ids of related lessons, shown as cross-links at the end of the lesson.
    #[serde(default)]
    pub related: Vec<String>,
}

/// A course's `course.toml`.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CourseMeta {
    /// Stable id, unique across courses.
    pub id: String,
    /// Title shown on the home screen.
    pub title: String,
    /// Position on the home screen (ascending).
    pub order: u32,
    /// One sentence saying what the course covers.
    pub summary: String,
    /// The note this course was made from, if any.
    #[serde(default)]
    pub source: Option<String>,
    /// Metadata carried over from the note itself (e.g. a blog post's YAML front matter).
    #[serde(default)]
    pub origin: Option<toml::Table>,
}

/// Where the front matter ends and the body begins.
pub(crate) struct Split<'a> {
    /// The TOML between the fences.
    pub toml: &'a str,
    /// 1-based line of the first TOML line in the file.
    pub toml_line: usize,
    /// The markdown after the closing fence.
    pub body: &'a str,
    /// 1-based line of the body's first line in the file.
    pub body_line: usize,
}

/// Splits `+++` front matter from the body. `Err` carries (line, problem).
pub(crate) fn split(text: &str) -> Result<Split<'_>, (usize, ProblemKind)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() != "+++" {
        return Err((1, ProblemKind::MissingFrontMatter));
    }
    let toml_start = first.len();
    let mut offset = toml_start;
    let mut line_no = 1;
    for line in lines {
        line_no += 1;
        if line.trim_end() == "+++" {
            let toml = text.get(toml_start..offset).unwrap_or("");
            let body = text.get(offset + line.len()..).unwrap_or("");
            return Ok(Split {
                toml,
                toml_line: 2,
                body,
                body_line: line_no + 1,
            });
        }
        offset += line.len();
    }
    Err((1, ProblemKind::UnclosedFrontMatter))
}

/// The 1-based line of byte `offset` within `text`.
pub(crate) fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()
        .iter()
        .take(offset)
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_counts_lines() {
        let s = split("+++\nid = \"a\"\n+++\n# 제목\n").unwrap();
        assert_eq!(s.toml, "id = \"a\"\n");
        assert_eq!(s.body, "# 제목\n");
        assert_eq!(s.body_line, 4);
    }

    #[test]
    fn rejects_missing_fences() {
        assert_eq!(split("# no front matter").err().unwrap().0, 1);
        assert_eq!(
            split("+++\nid = 1\n").err().unwrap().1,
            ProblemKind::UnclosedFrontMatter
        );
    }

    #[test]
    fn line_of_counts_newlines() {
        assert_eq!(line_of("a\nb\nc", 0), 1);
        assert_eq!(line_of("a\nb\nc", 2), 2);
        assert_eq!(line_of("a\nb\nc", 4), 3);
    }
}
