//! Content problems: a file, a line, and what is wrong, in Korean or English.

use std::fmt;

/// What is wrong with a content file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// The file does not start with `+++`.
    MissingFrontMatter,
    /// No closing `+++`.
    UnclosedFrontMatter,
    /// TOML syntax or shape error (the parser's own message).
    Toml(String),
    /// An id with characters outside `a-z0-9-`.
    InvalidId(String),
    /// A required field is empty.
    EmptyField(&'static str),
    /// Two lessons share an id.
    DuplicateLesson(String),
    /// Two courses share an id.
    DuplicateCourse(String),
    /// A folder of lessons without `course.toml`.
    MissingCourseToml,
    /// `related` names a lesson that does not exist.
    UnknownRelated(String),
    /// A `lesson:` link to a lesson that does not exist.
    UnknownLinkedLesson(String),
    /// A link to an anchor that no heading of the lesson has.
    UnknownAnchor {
        /// The anchor.
        anchor: String,
        /// The lesson searched.
        lesson: String,
    },
    /// A callout names a lesson that does not exist.
    CalloutUnknownLesson {
        /// 1-based index of the callout in the file.
        index: usize,
        /// The lesson id.
        lesson: String,
    },
    /// A callout's anchor text is not in its lesson.
    CalloutAnchorMissing {
        /// The anchor text.
        anchor: String,
        /// The lesson id.
        lesson: String,
    },
    /// A callout's anchor text occurs more than once.
    CalloutAnchorRepeated {
        /// The anchor text.
        anchor: String,
        /// The lesson id.
        lesson: String,
        /// How often it occurs.
        count: usize,
    },
    /// A callout's source is not an https URL.
    CalloutSource(usize),
    /// The file is not UTF-8.
    NotUtf8,
    /// The file or folder could not be read.
    Io(String),
    /// Any other problem, already worded in both languages.
    Message {
        /// Korean.
        ko: String,
        /// English.
        en: String,
    },
}

/// One problem found while loading or checking content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// File path relative to the content root (e.g. `01-serverless/02-api.md`).
    pub file: String,
    /// 1-based line, 0 when the problem concerns the whole file.
    pub line: usize,
    /// What is wrong.
    pub kind: ProblemKind,
}

impl Problem {
    /// `file:line: message` in Korean, or English when `english`.
    pub fn display(&self, english: bool) -> String {
        let message = self.kind.message(english);
        if self.line == 0 {
            format!("{}: {message}", self.file)
        } else {
            format!("{}:{}: {message}", self.file, self.line)
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display(true))
    }
}

impl ProblemKind {
    /// The message in Korean (해요체), or English when `english`.
    pub fn message(&self, english: bool) -> String {
        use ProblemKind as K;
        if english {
            return match self {
                K::MissingFrontMatter => {
                    "front matter missing: the file must start with a `+++` line".into()
                }
                K::UnclosedFrontMatter => "front matter not closed: no second `+++` line".into(),
                K::Toml(m) => m.clone(),
                K::InvalidId(id) => {
                    format!("invalid id `{id}`: use lowercase ASCII letters, digits and `-`")
                }
                K::EmptyField(f) => format!("`{f}` is empty"),
                K::DuplicateLesson(id) => format!("duplicate lesson id `{id}`"),
                K::DuplicateCourse(id) => format!("duplicate course id `{id}`"),
                K::MissingCourseToml => "missing: a folder of lessons needs a course.toml".into(),
                K::UnknownRelated(id) => format!("related lesson `{id}` does not exist"),
                K::UnknownLinkedLesson(id) => format!("link to unknown lesson `{id}`"),
                K::UnknownAnchor { anchor, lesson } => {
                    format!("link to `#{anchor}`, which is no heading of lesson `{lesson}`")
                }
                K::CalloutUnknownLesson { index, lesson } => {
                    format!("callout #{index} names unknown lesson `{lesson}`")
                }
                K::CalloutAnchorMissing { anchor, lesson } => {
                    format!("callout anchor `{anchor}` is not in lesson `{lesson}`")
                }
                K::CalloutAnchorRepeated {
                    anchor,
                    lesson,
                    count,
                } => {
                    format!(
                        "callout anchor `{anchor}` occurs {count} times in lesson `{lesson}`; make it unique"
                    )
                }
                K::CalloutSource(i) => format!("callout #{i}: source must be an https:// URL"),
                K::NotUtf8 => "not valid UTF-8".into(),
                K::Io(e) => e.clone(),
                K::Message { en, .. } => en.clone(),
            };
        }
        match self {
            K::MissingFrontMatter => {
                "머리말(front matter)이 없어요: 파일은 `+++` 줄로 시작해야 해요".into()
            }
            K::UnclosedFrontMatter => "머리말이 닫히지 않았어요: 두 번째 `+++` 줄이 없어요".into(),
            K::Toml(m) => format!("TOML 오류: {m}"),
            K::InvalidId(id) => {
                format!("id가 올바르지 않아요: `{id}` (영어 소문자, 숫자, `-`만 쓸 수 있어요)")
            }
            K::EmptyField(f) => format!("필드가 비어 있어요: `{f}`"),
            K::DuplicateLesson(id) => format!("레슨 id가 겹쳐요: `{id}`"),
            K::DuplicateCourse(id) => format!("코스 id가 겹쳐요: `{id}`"),
            K::MissingCourseToml => {
                "course.toml이 없어요: 레슨 폴더에는 course.toml이 있어야 해요".into()
            }
            K::UnknownRelated(id) => format!("related에 적은 레슨이 없어요: `{id}`"),
            K::UnknownLinkedLesson(id) => format!("링크한 레슨이 없어요: `{id}`"),
            K::UnknownAnchor { anchor, lesson } => {
                format!("레슨 `{lesson}`에 없는 제목으로 링크했어요: `#{anchor}`")
            }
            K::CalloutUnknownLesson { index, lesson } => {
                format!("{index}번째 callout의 레슨이 없어요: `{lesson}`")
            }
            K::CalloutAnchorMissing { anchor, lesson } => {
                format!("레슨 `{lesson}`에서 callout 앵커를 찾을 수 없어요: `{anchor}`")
            }
            K::CalloutAnchorRepeated {
                anchor,
                lesson,
                count,
            } => {
                format!(
                    "callout 앵커가 레슨 `{lesson}`에 {count}번 나와요. 한 번만 나오게 해 주세요: `{anchor}`"
                )
            }
            K::CalloutSource(i) => format!("{i}번째 callout: source는 https:// 주소여야 해요"),
            K::NotUtf8 => "UTF-8 파일이 아니에요".into(),
            K::Io(e) => format!("읽을 수 없어요: {e}"),
            K::Message { ko, .. } => ko.clone(),
        }
    }
}
