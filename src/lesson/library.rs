//! Loading every course and lesson from the embedded content or a user's folder.
//!
//! A broken file never stops the rest from loading: it is left out and reported as a
//! [`Problem`] naming the file and line, which `gureum check` prints and the UI shows.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

use super::callout::{self, Callout, CalloutFile, CalloutLabels};
use super::diagram::{DIAGRAMS_DIR, Diagrams};
use super::front_matter::{self, CourseMeta, LessonMeta};
use super::glossary::{GLOSSARY_FILE, Glossary};
use super::problem::{Problem, ProblemKind};

/// Name of the callouts file at the content root.
const CALLOUTS_FILE: &str = "callouts.toml";

static EMBEDDED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/content");

/// Where content comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContentSource {
    /// The lessons compiled into the binary.
    Embedded,
    /// A folder on disk laid out like `content/`.
    Dir(PathBuf),
}

/// A lesson: its metadata and markdown body.
#[derive(Debug, Clone)]
pub struct Lesson {
    /// Front matter.
    pub meta: LessonMeta,
    /// Markdown after the front matter (not yet rendered).
    pub body: Cow<'static, str>,
    /// File path relative to the content root.
    pub file: String,
    /// 1-based line of the body's first line in the file.
    pub body_line: usize,
    /// Index of the course this lesson belongs to in [`Library::courses`].
    pub course: usize,
}

/// A course: a folder of lessons.
#[derive(Debug, Clone)]
pub struct Course {
    /// `course.toml`.
    pub meta: CourseMeta,
    /// Indexes into [`Library::lessons`], in lesson order.
    pub lessons: Vec<usize>,
    /// Folder name relative to the content root.
    pub dir: String,
}

/// All loaded content.
#[derive(Debug, Clone, Default)]
pub struct Library {
    /// Courses in display order.
    pub courses: Vec<Course>,
    /// Lessons in display order (course by course).
    pub lessons: Vec<Lesson>,
    /// Problems met while loading; the affected files are left out.
    pub problems: Vec<Problem>,
    /// "Notes vs now" callouts from `callouts.toml`.
    pub callouts: Vec<Callout>,
    /// 1-based line of each callout's `[[callout]]` header, for error messages.
    callout_lines: Vec<usize>,
    /// Key terms from `glossary.toml` (empty when the content has none).
    pub glossary: Glossary,
    /// Redrawn pictures and screenshot descriptions from `diagrams/*.toml`.
    pub diagrams: Diagrams,
    by_id: HashMap<String, usize>,
}

/// The compiled `callouts.toml` (see `build.rs`).
#[derive(serde::Deserialize)]
struct CompiledCallouts {
    lines: Vec<usize>,
    file: CalloutFile,
}

/// A file as read from either source.
struct RawFile {
    rel: String,
    text: Cow<'static, str>,
}

/// A course whose metadata parsed: (meta, folder, lessons with (meta, file, body line)).
type ParsedCourse = (CourseMeta, String, Vec<(LessonMeta, RawFile, usize)>);

/// A course folder as read from either source.
struct RawCourse {
    dir: String,
    course_toml: Option<RawFile>,
    lessons: Vec<RawFile>,
}

impl Library {
    /// Loads everything from `source`. Never fails as a whole: unreadable files become problems.
    pub fn load(source: &ContentSource) -> Self {
        Self::load_inner(source, None)
    }

    /// Loads what reading lesson `id` needs (`gureum read`): every course and lesson (the ids
    /// are in the front matter) and the callouts, but no glossary, and only the diagram files
    /// that may redraw one of the lesson's pictures (parsing the others was most of the TOML
    /// work of `gureum read`). Everything else is as [`Library::load`] gives it.
    pub fn load_lesson(source: &ContentSource, id: &str) -> Self {
        Self::load_inner(source, Some(id))
    }

    fn load_inner(source: &ContentSource, reading: Option<&str>) -> Self {
        let mut problems = Vec::new();
        let (raw, callouts) = match source {
            ContentSource::Embedded => {
                let callouts = EMBEDDED
                    .get_file(CALLOUTS_FILE)
                    .and_then(|f| f.contents_utf8());
                (read_embedded(), callouts.map(Cow::Borrowed))
            }
            ContentSource::Dir(root) => {
                let callouts = std::fs::read_to_string(root.join(CALLOUTS_FILE)).ok();
                (read_dir(root, &mut problems), callouts.map(Cow::Owned))
            }
        };
        let glossary = match source {
            _ if reading.is_some() => None,
            ContentSource::Embedded => EMBEDDED
                .get_file(GLOSSARY_FILE)
                .and_then(|f| f.contents_utf8())
                .map(Glossary::embedded),
            ContentSource::Dir(root) => std::fs::read_to_string(root.join(GLOSSARY_FILE))
                .ok()
                .map(|text| Glossary::parse(&text)),
        };
        let mut lib = Self::from_raw(raw, problems);
        let mut problems = std::mem::take(&mut lib.problems);
        let pictures = reading.map(|id| {
            lib.lesson(id)
                .map(|l| image_refs(&l.body))
                .unwrap_or_default()
        });
        let diagrams = load_diagrams(source, &mut problems, pictures.as_deref());
        lib.diagrams = diagrams;
        lib.problems = problems;
        match glossary {
            Some(Ok(g)) => lib.glossary = g,
            Some(Err(p)) => lib.problems.push(p),
            None => {}
        }
        // The shipped callouts are compiled at build time (`build.rs`): no TOML parsing.
        let compiled = match source {
            ContentSource::Embedded => crate::quiz::bank::compiled::CALLOUTS_JSON
                .and_then(|json| serde_json::from_str::<CompiledCallouts>(json).ok()),
            ContentSource::Dir(_) => None,
        };
        if let Some(c) = compiled {
            lib.callouts = c.file.callout;
            lib.callout_lines = c.lines;
        } else if let Some(text) = callouts {
            match toml::from_str::<CalloutFile>(&text) {
                Ok(file) => {
                    lib.callouts = file.callout;
                    lib.callout_lines = text
                        .lines()
                        .enumerate()
                        .filter(|(_, l)| l.trim() == "[[callout]]")
                        .map(|(i, _)| i + 1)
                        .collect();
                }
                Err(e) => {
                    let line = e
                        .span()
                        .map_or(0, |s| front_matter::line_of(&text, s.start));
                    lib.problems.push(Problem {
                        file: CALLOUTS_FILE.into(),
                        line,
                        kind: ProblemKind::Toml(toml_message(&e)),
                    });
                }
            }
        }
        lib
    }

    /// A lesson's markdown with its "notes vs now" callouts inserted, ready to render.
    pub fn lesson_markdown(&self, index: usize, labels: CalloutLabels) -> Cow<'_, str> {
        let Some(lesson) = self.lessons.get(index) else {
            return Cow::Borrowed("");
        };
        let callouts: Vec<&Callout> = self
            .callouts
            .iter()
            .filter(|c| c.lesson == lesson.meta.id)
            .collect();
        match callout::inject(&lesson.body, &callouts, labels) {
            Cow::Borrowed(md) => self.diagrams.inject(md, labels.english),
            Cow::Owned(md) => Cow::Owned(self.diagrams.inject(&md, labels.english).into_owned()),
        }
    }

    /// Looks a lesson up by id.
    pub fn lesson(&self, id: &str) -> Option<&Lesson> {
        self.by_id.get(id).map(|&i| &self.lessons[i])
    }

    /// Index of a lesson by id.
    pub fn lesson_index(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// The course a lesson belongs to.
    pub fn course_of(&self, lesson: &Lesson) -> &Course {
        &self.courses[lesson.course]
    }

    /// Loading problems plus cross-reference checks (related ids, `lesson:` links, anchors).
    pub fn check(&self) -> Vec<Problem> {
        let mut out = self.problems.clone();
        for lesson in &self.lessons {
            for rel in &lesson.meta.related {
                if self.lesson(rel).is_none() {
                    out.push(Problem {
                        file: lesson.file.clone(),
                        line: 0,
                        kind: ProblemKind::UnknownRelated(rel.clone()),
                    });
                }
            }
            out.extend(self.check_links(lesson));
        }
        for (i, c) in self.callouts.iter().enumerate() {
            let problem = match self.lesson(&c.lesson) {
                None => Some(ProblemKind::CalloutUnknownLesson {
                    index: i + 1,
                    lesson: c.lesson.clone(),
                }),
                Some(lesson) => callout::anchor_problem(&lesson.body, c),
            };
            let problem = problem.or_else(|| {
                (!c.source.starts_with("https://")).then_some(ProblemKind::CalloutSource(i + 1))
            });
            if let Some(kind) = problem {
                let line = self.callout_lines.get(i).copied().unwrap_or(0);
                out.push(Problem {
                    file: CALLOUTS_FILE.into(),
                    line,
                    kind,
                });
            }
        }
        out.extend(
            self.diagrams.check(
                &self
                    .lessons
                    .iter()
                    .map(|l| l.body.as_ref())
                    .collect::<Vec<_>>(),
            ),
        );
        out.extend(
            self.glossary
                .check(&|id| self.lesson(id).map(|l| super::render::anchors(&l.body))),
        );
        out.sort_by(|a, b| a.file.cmp(&b.file).then(a.line.cmp(&b.line)));
        out
    }

    /// Checks `lesson:ID#anchor` and `#anchor` links of one lesson.
    fn check_links(&self, lesson: &Lesson) -> Vec<Problem> {
        let mut out = Vec::new();
        for (offset, target) in super::render::link_targets(&lesson.body) {
            let line = lesson.body_line + front_matter::line_of(&lesson.body, offset) - 1;
            let (id, anchor) = if let Some(rest) = target.strip_prefix("lesson:") {
                match rest.split_once('#') {
                    Some((id, anchor)) => (id, Some(anchor)),
                    None => (rest, None),
                }
            } else if let Some(anchor) = target.strip_prefix('#') {
                (lesson.meta.id.as_str(), Some(anchor))
            } else {
                continue;
            };
            let Some(linked) = self.lesson(id) else {
                out.push(Problem {
                    file: lesson.file.clone(),
                    line,
                    kind: ProblemKind::UnknownLinkedLesson(id.to_owned()),
                });
                continue;
            };
            if let Some(anchor) = anchor {
                let anchors = super::render::anchors(&linked.body);
                if !anchors.iter().any(|a| a == anchor) {
                    out.push(Problem {
                        file: lesson.file.clone(),
                        line,
                        kind: ProblemKind::UnknownAnchor {
                            anchor: anchor.to_owned(),
                            lesson: id.to_owned(),
                        },
                    });
                }
            }
        }
        out
    }

    fn from_raw(raw: Vec<RawCourse>, mut problems: Vec<Problem>) -> Self {
        let mut courses: Vec<ParsedCourse> = Vec::new();
        let mut course_ids = HashSet::new();
        for rc in raw {
            let Some(ct) = rc.course_toml else {
                if !rc.lessons.is_empty() {
                    problems.push(Problem {
                        file: format!("{}/course.toml", rc.dir),
                        line: 0,
                        kind: ProblemKind::MissingCourseToml,
                    });
                }
                continue;
            };
            let meta: CourseMeta = match toml::from_str(&ct.text) {
                Ok(m) => m,
                Err(e) => {
                    let line = e
                        .span()
                        .map_or(0, |s| front_matter::line_of(&ct.text, s.start));
                    problems.push(Problem {
                        file: ct.rel,
                        line,
                        kind: ProblemKind::Toml(toml_message(&e)),
                    });
                    continue;
                }
            };
            if let Some(msg) = invalid_id(&meta.id) {
                problems.push(Problem {
                    file: ct.rel,
                    line: 0,
                    kind: msg,
                });
                continue;
            }
            if !course_ids.insert(meta.id.clone()) {
                problems.push(Problem {
                    file: ct.rel,
                    line: 0,
                    kind: ProblemKind::DuplicateCourse(meta.id.clone()),
                });
                continue;
            }
            let mut lessons = Vec::new();
            for file in rc.lessons {
                match parse_lesson(&file) {
                    Ok((meta, body_line)) => lessons.push((meta, file, body_line)),
                    Err(p) => problems.push(p),
                }
            }
            lessons.sort_by(|a, b| {
                a.0.order
                    .cmp(&b.0.order)
                    .then_with(|| a.1.rel.cmp(&b.1.rel))
            });
            courses.push((meta, rc.dir, lessons));
        }
        courses.sort_by(|a, b| a.0.order.cmp(&b.0.order).then_with(|| a.1.cmp(&b.1)));

        let mut lib = Library::default();
        for (ci, (meta, dir, lessons)) in courses.into_iter().enumerate() {
            let mut idxs = Vec::new();
            for (lmeta, file, body_line) in lessons {
                if lib.by_id.contains_key(&lmeta.id) {
                    problems.push(Problem {
                        file: file.rel,
                        line: 2,
                        kind: ProblemKind::DuplicateLesson(lmeta.id.clone()),
                    });
                    continue;
                }
                let body = match file.text {
                    Cow::Borrowed(s) => {
                        Cow::Borrowed(front_matter::split(s).map_or("", |s| s.body))
                    }
                    Cow::Owned(s) => {
                        Cow::Owned(front_matter::split(&s).map_or("", |s| s.body).to_owned())
                    }
                };
                lib.by_id.insert(lmeta.id.clone(), lib.lessons.len());
                idxs.push(lib.lessons.len());
                lib.lessons.push(Lesson {
                    meta: lmeta,
                    body,
                    file: file.rel,
                    body_line,
                    course: ci,
                });
            }
            lib.courses.push(Course {
                meta,
                lessons: idxs,
                dir,
            });
        }
        lib.problems = problems;
        lib
    }
}

/// Parses and validates one lesson's front matter.
fn parse_lesson(file: &RawFile) -> Result<(LessonMeta, usize), Problem> {
    let problem = |line, kind: ProblemKind| Problem {
        file: file.rel.clone(),
        line,
        kind,
    };
    let split = front_matter::split(&file.text).map_err(|(l, k)| problem(l, k))?;
    let meta: LessonMeta = toml::from_str(split.toml).map_err(|e| {
        let line = e.span().map_or(split.toml_line, |s| {
            split.toml_line + front_matter::line_of(split.toml, s.start) - 1
        });
        problem(line, ProblemKind::Toml(toml_message(&e)))
    })?;
    if let Some(msg) = invalid_id(&meta.id) {
        return Err(problem(split.toml_line, msg));
    }
    for (name, value) in [("title", &meta.title), ("summary", &meta.summary)] {
        if value.trim().is_empty() {
            return Err(problem(split.toml_line, ProblemKind::EmptyField(name)));
        }
    }
    Ok((meta, split.body_line))
}

/// The first line of a TOML error, without the snippet it quotes.
fn toml_message(e: &toml::de::Error) -> String {
    e.message()
        .lines()
        .next()
        .unwrap_or("invalid TOML")
        .trim()
        .to_owned()
}

/// Why `id` is not a valid id, if it is not.
fn invalid_id(id: &str) -> Option<ProblemKind> {
    let ok = !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-');
    (!ok).then(|| ProblemKind::InvalidId(id.to_owned()))
}

fn read_embedded() -> Vec<RawCourse> {
    let mut out = Vec::new();
    for dir in EMBEDDED.dirs() {
        let name = dir.path().to_string_lossy().into_owned();
        let mut rc = RawCourse {
            dir: name,
            course_toml: None,
            lessons: Vec::new(),
        };
        for f in dir.files() {
            let rel = f.path().to_string_lossy().into_owned();
            let Some(text) = f.contents_utf8() else {
                continue;
            };
            let raw = RawFile {
                rel,
                text: Cow::Borrowed(text),
            };
            match f.path().file_name().and_then(|n| n.to_str()) {
                Some("course.toml") => rc.course_toml = Some(raw),
                Some(n) if is_lesson_file(n) => rc.lessons.push(raw),
                _ => {}
            }
        }
        out.push(rc);
    }
    out
}

fn read_dir(root: &Path, problems: &mut Vec<Problem>) -> Vec<RawCourse> {
    let mut out = Vec::new();
    let entries = match std::fs::read_dir(root) {
        Ok(e) => e,
        Err(e) => {
            problems.push(Problem {
                file: root.display().to_string(),
                line: 0,
                kind: ProblemKind::Io(e.to_string()),
            });
            return out;
        }
    };
    let mut dirs: BTreeMap<String, PathBuf> = BTreeMap::new();
    for entry in entries.flatten() {
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            dirs.insert(
                entry.file_name().to_string_lossy().into_owned(),
                entry.path(),
            );
        }
    }
    for (name, path) in dirs {
        let mut rc = RawCourse {
            dir: name.clone(),
            course_toml: None,
            lessons: Vec::new(),
        };
        let Ok(files) = std::fs::read_dir(&path) else {
            continue;
        };
        let mut files: Vec<_> = files.flatten().map(|e| e.path()).collect();
        files.sort();
        for file in files {
            let Some(fname) = file.file_name().and_then(|n| n.to_str()).map(str::to_owned) else {
                continue;
            };
            if fname != "course.toml" && !is_lesson_file(&fname) {
                continue;
            }
            let rel = format!("{name}/{fname}");
            let text = match std::fs::read(&file) {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(s) => s,
                    Err(e) => {
                        let line = front_matter::line_of(
                            &String::from_utf8_lossy(e.as_bytes()),
                            e.utf8_error().valid_up_to(),
                        );
                        problems.push(Problem {
                            file: rel,
                            line,
                            kind: ProblemKind::NotUtf8,
                        });
                        continue;
                    }
                },
                Err(e) => {
                    problems.push(Problem {
                        file: rel,
                        line: 0,
                        kind: ProblemKind::Io(e.to_string()),
                    });
                    continue;
                }
            };
            let raw = RawFile {
                rel,
                text: Cow::Owned(text),
            };
            if fname == "course.toml" {
                rc.course_toml = Some(raw);
            } else {
                rc.lessons.push(raw);
            }
        }
        out.push(rc);
    }
    out
}

/// Every `*.toml` file of the diagrams folder, in file-name order.
/// The image references (`![alt](src)`) of a lesson body, as a diagram's `replaces` names them.
fn image_refs(body: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for line in body.lines() {
        let mut rest = line;
        while let Some(start) = rest.find("![") {
            rest = rest.get(start..).unwrap_or_default();
            let Some(end) = rest.find(')') else { break };
            out.push(rest.get(..=end).unwrap_or_default());
            rest = rest.get(end + 1..).unwrap_or_default();
        }
    }
    out
}

/// Loads the diagram files; with `pictures` (the image references of the one lesson being
/// read), only the files whose text names one of them. A reference with a quote or backslash
/// may be escaped in the TOML, so then every file is read.
fn load_diagrams(
    source: &ContentSource,
    problems: &mut Vec<Problem>,
    pictures: Option<&[&str]>,
) -> Diagrams {
    let pictures = pictures.filter(|p| !p.iter().any(|r| r.contains(['"', '\\'])));
    let wanted = |text: &str| pictures.is_none_or(|p| p.iter().any(|r| text.contains(r)));
    let mut files: Vec<(String, Cow<'static, str>)> = Vec::new();
    match source {
        ContentSource::Embedded => {
            if let Some(dir) = EMBEDDED.get_dir(DIAGRAMS_DIR) {
                for f in dir.files() {
                    let is_toml = f.path().extension().is_some_and(|e| e == "toml");
                    if let (true, Some(text)) = (is_toml, f.contents_utf8()) {
                        let rel = f.path().to_string_lossy().into_owned();
                        files.push((rel, Cow::Borrowed(text)));
                    }
                }
            }
        }
        ContentSource::Dir(root) => {
            if let Ok(entries) = std::fs::read_dir(root.join(DIAGRAMS_DIR)) {
                for path in entries.flatten().map(|e| e.path()) {
                    if path.extension().is_none_or(|e| e != "toml") {
                        continue;
                    }
                    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
                    let rel = format!("{DIAGRAMS_DIR}/{}", name.unwrap_or_default());
                    match std::fs::read_to_string(&path) {
                        Ok(text) => files.push((rel, Cow::Owned(text))),
                        Err(e) => problems.push(Problem {
                            file: rel,
                            line: 0,
                            kind: ProblemKind::Io(e.to_string()),
                        }),
                    }
                }
            }
        }
    }
    files.retain(|(_, text)| wanted(text));
    files.sort_by(|a, b| a.0.cmp(&b.0));
    let mut diagrams = Diagrams::default();
    for (rel, text) in files {
        diagrams.add_file(&rel, &text, problems);
    }
    diagrams
}

fn is_lesson_file(name: &str) -> bool {
    let is_md = Path::new(name)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md"));
    is_md && !name.eq_ignore_ascii_case("README.md")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The compiled callouts and glossary are the TOML parse of the same files.
    #[test]
    fn compiled_content_equals_the_toml_parse() {
        let embedded = Library::load(&ContentSource::Embedded);
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("content");
        let parsed = Library::load(&ContentSource::Dir(dir));
        assert!(!parsed.callouts.is_empty());
        assert_eq!(embedded.callouts, parsed.callouts);
        assert_eq!(embedded.callout_lines, parsed.callout_lines);
        assert_eq!(embedded.glossary.terms, parsed.glossary.terms);
        assert!(embedded.check().is_empty(), "{:?}", embedded.check());
    }

    /// `gureum read` loads less, and every lesson reads the same (diagrams and callouts
    /// included, in both languages).
    #[test]
    fn a_lesson_loaded_alone_reads_as_in_the_full_library() {
        let full = Library::load(&ContentSource::Embedded);
        assert!(!full.diagrams.diagrams.is_empty());
        let mut skipped = 0;
        for (i, lesson) in full.lessons.iter().enumerate() {
            let one = Library::load_lesson(&ContentSource::Embedded, &lesson.meta.id);
            assert_eq!(one.lesson_index(&lesson.meta.id), Some(i));
            assert!(one.glossary.terms.is_empty());
            skipped += usize::from(one.diagrams.diagrams.len() < full.diagrams.diagrams.len());
            for english in [false, true] {
                let labels = crate::strings::Strings::new(if english {
                    crate::strings::Lang::En
                } else {
                    crate::strings::Lang::Ko
                })
                .callout_labels();
                assert_eq!(
                    one.lesson_markdown(i, labels),
                    full.lesson_markdown(i, labels),
                    "{}",
                    lesson.meta.id
                );
            }
        }
        assert!(
            skipped > 0,
            "some lesson reads without parsing every diagram file"
        );
        assert_eq!(
            image_refs("a ![x](a.png) b ![y z](b.png)\n![c](c.png)"),
            ["![x](a.png)", "![y z](b.png)", "![c](c.png)"]
        );
    }
}
