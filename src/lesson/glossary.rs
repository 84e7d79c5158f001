//! The glossary: the notes' key terms with a short definition in both languages.
//!
//! Terms live in `glossary.toml` at the content root, next to `callouts.toml`, so a teacher's
//! `--content-dir` folder can bring its own. Links from a term to the lessons, questions and
//! simulations that use it are *computed* (by [`TermMatcher`] over their text) rather than
//! written by hand, so they never go stale; `see = ["lesson#anchor"]` adds explicit ones, which
//! `gureum check` verifies.
//!
//! [`TermMatcher`] finds terms in running text. Korean terms match inside words (particles
//! attach: "콜드 스타트를"), and a space between two Hangul syllables is optional ("웜스타트" is
//! "웜 스타트"); Latin terms match whole words only, case-insensitively, so `SAM` is not found in
//! "SAMPLE".

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use serde::Deserialize;

use super::problem::{Problem, ProblemKind};
use crate::text::sanitize;

/// Name of the glossary file at the content root.
pub const GLOSSARY_FILE: &str = "glossary.toml";

/// The newest `format_version` this build reads.
pub const FORMAT_VERSION: u32 = 1;

/// The file as written.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct GlossaryFile {
    /// Format of the file; a newer one than [`FORMAT_VERSION`] is refused.
    format_version: u32,
    /// Every term.
    #[serde(default)]
    term: Vec<Term>,
}

/// One glossary term.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// Stable id (`a-z0-9-`), e.g. `cold-start`.
    pub id: String,
    /// The Korean term as the notes write it, e.g. "콜드 스타트".
    pub ko: String,
    /// The English term, e.g. "cold start".
    pub en: String,
    /// Other spellings in either language and abbreviations, e.g. "RCU", "웜스타트".
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Korean definition, two sentences at most.
    pub definition: String,
    /// English definition.
    pub definition_en: String,
    /// Explicit links `lesson-id` or `lesson-id#anchor`, shown before the computed ones.
    #[serde(default)]
    pub see: Vec<String>,
}

impl Term {
    /// Every spelling that names this term: Korean, English, then the aliases.
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        [self.ko.as_str(), self.en.as_str()]
            .into_iter()
            .chain(self.aliases.iter().map(String::as_str))
            .filter(|f| !f.trim().is_empty())
    }

    /// "콜드 스타트 (cold start)", or one of them when they are the same.
    pub fn label(&self) -> String {
        if self.ko.eq_ignore_ascii_case(&self.en) {
            self.ko.clone()
        } else {
            format!("{} ({})", self.ko, self.en)
        }
    }
}

/// All terms of one content source.
#[derive(Debug, Clone, Default)]
pub struct Glossary {
    /// Terms in file order.
    pub terms: Vec<Term>,
    /// 1-based line of each term's `[[term]]` header.
    lines: Vec<usize>,
    /// The file text, kept to point `gureum check` at the line of a bad field (the embedded
    /// text is borrowed from the binary, never parsed at run time).
    text: Cow<'static, str>,
}

/// The compiled glossary (see `build.rs`).
#[derive(Deserialize)]
struct Compiled {
    lines: Vec<usize>,
    file: GlossaryFile,
}

impl Glossary {
    /// Parses a glossary file; a broken file is one problem naming its line.
    pub fn parse(text: &str) -> Result<Self, Problem> {
        let file: GlossaryFile = toml::from_str(text).map_err(|e| {
            let line = e.span().map_or(0, |s| line_of(text, s.start));
            let msg = e.message().lines().next().unwrap_or("invalid TOML").trim();
            Problem {
                file: GLOSSARY_FILE.into(),
                line,
                kind: ProblemKind::Toml(msg.to_owned()),
            }
        })?;
        let lines = text
            .lines()
            .enumerate()
            .filter(|(_, l)| l.trim() == "[[term]]")
            .map(|(i, _)| i + 1)
            .collect();
        Self::from_file(file, lines, Cow::Owned(text.to_owned()))
    }

    /// The shipped glossary, whose TOML is `text`: decoded from its build-time compiled form
    /// (no TOML parsing), or parsed when the build could not compile it.
    pub fn embedded(text: &'static str) -> Result<Self, Problem> {
        match crate::quiz::bank::compiled::GLOSSARY_JSON
            .and_then(|json| serde_json::from_str::<Compiled>(json).ok())
        {
            Some(c) => Self::from_file(c.file, c.lines, Cow::Borrowed(text)),
            None => Self::parse(text),
        }
    }

    fn from_file(
        file: GlossaryFile,
        lines: Vec<usize>,
        text: Cow<'static, str>,
    ) -> Result<Self, Problem> {
        let problem = |line, kind| Problem {
            file: GLOSSARY_FILE.into(),
            line,
            kind,
        };
        if file.format_version > FORMAT_VERSION {
            return Err(problem(
                1,
                ProblemKind::Message {
                    ko: format!(
                        "format_version {}은 이 gureum이 읽을 수 없는 새 형식이에요 (최대 {FORMAT_VERSION})",
                        file.format_version
                    ),
                    en: format!(
                        "format_version {} is newer than this gureum reads ({FORMAT_VERSION})",
                        file.format_version
                    ),
                },
            ));
        }
        // Content is NFC and free of control characters everywhere, so compare like with like.
        let clean = |s: &mut String| *s = sanitize(s.trim()).into_owned();
        let mut terms = file.term;
        for t in &mut terms {
            clean(&mut t.ko);
            clean(&mut t.en);
            clean(&mut t.definition);
            clean(&mut t.definition_en);
            t.aliases.iter_mut().for_each(clean);
            t.see.iter_mut().for_each(|s| *s = s.trim().to_owned());
        }
        Ok(Self { terms, lines, text })
    }

    /// 1-based line of term `index`'s `[[term]]` header (0 when unknown).
    pub fn line(&self, index: usize) -> usize {
        self.lines.get(index).copied().unwrap_or(0)
    }

    /// Index of the term with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.terms.iter().position(|t| t.id == id)
    }

    /// The line of term `index`'s `key = ...` field, or of its header when the key is absent.
    fn field_line(&self, index: usize, key: &str) -> usize {
        let header = self.lines.get(index).copied().unwrap_or(0);
        let end = self.lines.get(index + 1).copied().unwrap_or(usize::MAX);
        self.text
            .lines()
            .enumerate()
            .skip(header)
            .take_while(|(i, _)| i + 1 < end)
            .find(|(_, l)| {
                l.trim_start()
                    .strip_prefix(key)
                    .is_some_and(|rest| rest.trim_start().starts_with('='))
            })
            .map_or(header, |(i, _)| i + 1)
    }

    /// Problems of the glossary itself and of its explicit links: duplicate ids or spellings,
    /// empty fields, `see` links to lessons or headings that do not exist.
    ///
    /// `anchors_of` returns the heading anchors of a lesson id, `None` for an unknown lesson.
    pub fn check(&self, anchors_of: &dyn Fn(&str) -> Option<Vec<String>>) -> Vec<Problem> {
        let mut out = Vec::new();
        let mut push = |line, ko: String, en: String| {
            out.push(Problem {
                file: GLOSSARY_FILE.into(),
                line,
                kind: ProblemKind::Message { ko, en },
            });
        };
        let mut ids = HashSet::new();
        let mut forms: HashMap<String, &str> = HashMap::new();
        for (i, t) in self.terms.iter().enumerate() {
            let header = self.lines.get(i).copied().unwrap_or(0);
            let id_ok = !t.id.is_empty()
                && !t.id.starts_with('-')
                && t.id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
            if !id_ok {
                push(
                    self.field_line(i, "id"),
                    format!(
                        "용어 id가 올바르지 않아요: `{}` (영어 소문자, 숫자, `-`만 쓸 수 있어요)",
                        t.id
                    ),
                    format!(
                        "invalid term id `{}`: use lowercase ASCII letters, digits and `-`",
                        t.id
                    ),
                );
            } else if !ids.insert(t.id.as_str()) {
                push(
                    self.field_line(i, "id"),
                    format!("용어 id가 겹쳐요: `{}`", t.id),
                    format!("duplicate term id `{}`", t.id),
                );
            }
            for (key, value) in [
                ("ko", &t.ko),
                ("en", &t.en),
                ("definition", &t.definition),
                ("definition_en", &t.definition_en),
            ] {
                if value.is_empty() {
                    push(
                        self.field_line(i, key),
                        format!("용어 `{}`의 `{key}`가 비어 있어요", t.id),
                        format!("term `{}`: `{key}` is empty", t.id),
                    );
                }
            }
            for form in t.forms() {
                let key = fold_form(form);
                match forms.get(&key) {
                    Some(other) if *other != t.id => push(
                        header,
                        format!(
                            "용어 `{}`와 `{other}`가 같은 표기 `{form}`를 써요: 어느 용어인지 알 수 없어요",
                            t.id
                        ),
                        format!(
                            "terms `{}` and `{other}` share the spelling `{form}`; it must name one term",
                            t.id
                        ),
                    ),
                    _ => {
                        forms.insert(key, &t.id);
                    }
                }
            }
            for link in &t.see {
                let (lesson, anchor) = match link.split_once('#') {
                    Some((l, a)) => (l, Some(a)),
                    None => (link.as_str(), None),
                };
                match (anchors_of(lesson), anchor) {
                    (None, _) => push(
                        self.field_line(i, "see"),
                        format!("용어 `{}`의 see에 적은 레슨이 없어요: `{lesson}`", t.id),
                        format!("term `{}`: `see` names unknown lesson `{lesson}`", t.id),
                    ),
                    (Some(anchors), Some(a)) if !anchors.iter().any(|x| x == a) => push(
                        self.field_line(i, "see"),
                        format!(
                            "용어 `{}`의 see: 레슨 `{lesson}`에 없는 제목이에요: `#{a}`",
                            t.id
                        ),
                        format!(
                            "term `{}`: `see` links to `#{a}`, which is no heading of lesson `{lesson}`",
                            t.id
                        ),
                    ),
                    _ => {}
                }
            }
        }
        out
    }
}

/// 1-based line of byte `offset`.
fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset).unwrap_or(text).matches('\n').count() + 1
}

/// Lowercases one character without changing how many characters there are, so positions in
/// the folded text are positions in the original.
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else if c.is_uppercase() {
        c.to_lowercase().next().unwrap_or(c)
    } else {
        c
    }
}

/// A spelling compared case- and space-insensitively (for finding duplicates).
fn fold_form(form: &str) -> String {
    form.chars()
        .filter(|c| !c.is_whitespace())
        .map(fold_char)
        .collect()
}

/// Whether `c` is a precomposed Hangul syllable (가-힣).
pub fn is_syllable(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// One term found in a text: byte range and index into [`Glossary::terms`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    /// Start byte.
    pub start: usize,
    /// End byte.
    pub end: usize,
    /// The term.
    pub term: usize,
}

/// A spelling prepared for matching.
#[derive(Debug, Clone)]
struct Form {
    /// Folded characters, spaces removed.
    chars: Vec<char>,
    /// `gap[k]`: text may have spaces before `chars[k]`.
    gap: Vec<bool>,
    /// Latin at the start / end: needs a word boundary there.
    bound_start: bool,
    bound_end: bool,
    term: usize,
}

/// Finds glossary terms in text, leftmost-longest, without overlaps.
#[derive(Debug, Clone, Default)]
pub struct TermMatcher {
    /// Forms by their first folded character, longest first.
    by_first: HashMap<char, Vec<Form>>,
    /// A 1,024-bit filter of those first characters: most characters of a text start no term,
    /// and this rejects them without hashing (the map lookup was most of the matcher's time).
    first: Vec<u64>,
}

/// Word and bit of `c` in [`TermMatcher::first`].
#[inline]
fn first_bit(c: char) -> (usize, u64) {
    let h = (c as u32).wrapping_mul(0x9E37_79B9) >> 22;
    ((h >> 6) as usize, 1 << (h & 63))
}

impl TermMatcher {
    /// A matcher for every spelling of every term.
    pub fn new(glossary: &Glossary) -> Self {
        let mut by_first: HashMap<char, Vec<Form>> = HashMap::new();
        for (term, t) in glossary.terms.iter().enumerate() {
            let mut seen = HashSet::new();
            for form in t.forms() {
                let mut chars = Vec::new();
                let mut gap = Vec::new();
                let mut space = false;
                for c in form.chars() {
                    if c.is_whitespace() {
                        space = true;
                        continue;
                    }
                    let c = fold_char(c);
                    let hangul_pair =
                        chars.last().is_some_and(|&p| is_syllable(p)) && is_syllable(c);
                    gap.push(!chars.is_empty() && (space || hangul_pair));
                    chars.push(c);
                    space = false;
                }
                let (Some(&first), Some(&last)) = (chars.first(), chars.last()) else {
                    continue;
                };
                if !seen.insert(chars.clone()) {
                    continue;
                }
                by_first.entry(first).or_default().push(Form {
                    bound_start: first.is_ascii_alphanumeric(),
                    bound_end: last.is_ascii_alphanumeric(),
                    chars,
                    gap,
                    term,
                });
            }
        }
        let mut first = vec![0_u64; 16];
        for (&c, forms) in &mut by_first {
            forms.sort_by_key(|f| std::cmp::Reverse(f.chars.len()));
            let (w, b) = first_bit(c);
            first[w] |= b;
        }
        Self { by_first, first }
    }

    /// Whether there are no terms.
    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }

    /// Every term occurrence in `text`, in order.
    pub fn find(&self, text: &str) -> Vec<Found> {
        let mut out = Vec::new();
        if self.by_first.is_empty() {
            return out;
        }
        let chars: Vec<(usize, char)> = text
            .char_indices()
            .map(|(i, c)| (i, fold_char(c)))
            .collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i].1;
            let (w, b) = first_bit(c);
            if self.first.get(w).is_none_or(|x| x & b == 0) {
                i += 1;
                continue;
            }
            let hit = self.by_first.get(&c).and_then(|forms| {
                let boundary_before = i == 0 || !chars[i - 1].1.is_ascii_alphanumeric();
                forms.iter().find_map(|f| {
                    if f.bound_start && !boundary_before {
                        return None;
                    }
                    let end = match_at(&chars, i, f)?;
                    let boundary_after = chars
                        .get(end)
                        .is_none_or(|(_, c)| !c.is_ascii_alphanumeric());
                    (!f.bound_end || boundary_after).then_some((end, f.term))
                })
            });
            if let Some((end, term)) = hit {
                let start = chars[i].0;
                let end_byte = chars.get(end).map_or(text.len(), |(b, _)| *b);
                out.push(Found {
                    start,
                    end: end_byte,
                    term,
                });
                i = end;
            } else {
                i += 1;
            }
        }
        out
    }
}

/// Matches `form` at `chars[i..]`; returns the index just past the match.
fn match_at(chars: &[(usize, char)], i: usize, form: &Form) -> Option<usize> {
    let mut j = i;
    for (k, &fc) in form.chars.iter().enumerate() {
        if k > 0 && form.gap[k] {
            while chars.get(j).is_some_and(|(_, c)| *c == ' ') {
                j += 1;
            }
        }
        if chars.get(j)?.1 != fc {
            return None;
        }
        j += 1;
    }
    Some(j)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"format_version = 1

[[term]]
id = "cold-start"
ko = "콜드 스타트"
en = "cold start"
aliases = ["콜드스타트"]
definition = "새 실행 환경을 만드는 호출이에요."
definition_en = "An invocation that creates a new execution environment."

[[term]]
id = "sam"
ko = "SAM"
en = "AWS Serverless Application Model"
definition = "서버리스 애플리케이션용 CloudFormation 확장이에요."
definition_en = "A CloudFormation extension for serverless applications."
"#;

    #[test]
    fn korean_terms_match_inside_words_and_across_optional_spaces() {
        let g = Glossary::parse(SAMPLE).unwrap();
        let m = TermMatcher::new(&g);
        let text = "웜 말고 콜드스타트를 줄이려면 콜드 스타트";
        let found = m.find(text);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(text.get(found[0].start..found[0].end), Some("콜드스타트"));
        assert_eq!(text.get(found[1].start..found[1].end), Some("콜드 스타트"));
    }

    #[test]
    fn latin_terms_match_whole_words_case_insensitively() {
        let g = Glossary::parse(SAMPLE).unwrap();
        let m = TermMatcher::new(&g);
        assert_eq!(m.find("SAMPLE code").len(), 0);
        let found = m.find("use sam, or Cold Start");
        assert_eq!(found.iter().map(|f| f.term).collect::<Vec<_>>(), [1, 0]);
        assert_eq!(m.find("SAM으로 배포").len(), 1);
    }

    #[test]
    fn check_names_the_line_of_each_problem() {
        let bad = r#"format_version = 1

[[term]]
id = "a"
ko = "가"
en = "a"
definition = ""
definition_en = "x"
see = ["nope#x"]

[[term]]
id = "a"
ko = "나"
en = "b"
definition = "y"
definition_en = "y"

[[term]]
id = "c"
ko = "다"
en = "A"
definition = "z"
definition_en = "z"
"#;
        let g = Glossary::parse(bad).unwrap();
        let problems = g.check(&|id| (id == "real").then(Vec::new));
        let lines: Vec<usize> = problems.iter().map(|p| p.line).collect();
        // Empty definition (line 7), unknown lesson in `see` (line 9), duplicate id (line 12),
        // and the spelling `a`/`A` claimed by two terms (header of the third term, line 18).
        assert_eq!(lines, [7, 9, 12, 18], "{problems:?}");
    }

    #[test]
    fn toml_errors_carry_their_line() {
        let err = Glossary::parse("format_version = 1\n\n[[term]]\nid = \n").unwrap_err();
        assert_eq!(err.line, 4);
        assert_eq!(err.file, GLOSSARY_FILE);
    }
}

#[cfg(test)]
mod compiled_tests {
    use super::*;

    /// The compiled glossary decodes to what the TOML parse gives.
    #[test]
    fn compiled_glossary_equals_the_toml_parse() {
        let text = include_str!("../../content/glossary.toml");
        let parsed = Glossary::parse(text).unwrap();
        assert!(crate::quiz::bank::compiled::GLOSSARY_JSON.is_some());
        let compiled = Glossary::embedded(text).unwrap();
        assert!(parsed.terms.len() > 50);
        assert_eq!(compiled.terms, parsed.terms);
        assert_eq!(compiled.lines, parsed.lines);
    }
}
