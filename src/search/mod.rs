//! Search everywhere: lesson titles, headings and paragraphs, questions, simulation presets and
//! glossary terms, with Korean initial-consonant (초성) matching and English↔Korean aliases.
//!
//! [`Index::build`] walks the content once. Each document keeps its text folded for matching
//! (NFC, lowercased character by character, so a position in the folded text is the position in
//! the original and highlights need no map), and a 64-bit mask of its characters and of its
//! syllables' initial consonants: a query character missing from the mask rejects the document
//! before any matching runs, which is what keeps a keystroke well under a millisecond.
//!
//! A query is split at spaces into *slots*; every slot must match a document. Runs of words that
//! spell a glossary term ("cold start", "ㅋㄷ ㅅㅌㅌ") become one slot, and a slot that names a
//! term also matches the term's other spellings ("rcu" finds "읽기 용량 단위"). A slot matches a
//! document directly (contiguously, else scattered), or through its *context*: the lesson title,
//! tags and the terms of its section, so "ㄹㄷ ㅋㄷ" finds the section "콜드 스타트 최소화 하기"
//! of a Lambda lesson. At least one slot must match directly.
//!
//! Ranking: the sum of the slots' match qualities first (contiguous in the main text, then
//! contiguous in secondary text or scattered, then context), then lesson titles before headings
//! before paragraphs, then a score for word starts, short texts and glossary terms.

pub mod build;
pub mod hangul;
pub mod locate;
pub mod matcher;
pub mod prebuilt;

use std::ops::Range;
use std::sync::{Arc, Mutex};

use crate::lesson::glossary::{TermMatcher, fold_char};
use crate::lesson::styled::LineKind;
use crate::lesson::{Library, RenderOptions, render};
use crate::quiz::Bank;
use matcher::Fuzzy;

/// Width the index renders lessons at: wide enough that a paragraph is one line (a longer one
/// becomes two documents), narrow enough that rules and table padding stay cheap.
const WIDE: usize = 4_000;
/// Texts longer than this (in chars) only match contiguously: scattered letters across a long
/// paragraph are noise, and scoring them is the slow part.
const FUZZY_MAX: usize = 160;

/// What a result is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// A lesson (its title).
    Lesson,
    /// A heading in a lesson.
    Section,
    /// A paragraph, list item, table row or code line.
    Paragraph,
    /// A question (prompt or explanation).
    Question,
    /// A simulation preset.
    Simulation,
    /// A glossary term.
    Term,
}

impl Kind {
    /// English name, as in `gureum search --json`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Lesson => "lesson",
            Self::Section => "section",
            Self::Paragraph => "paragraph",
            Self::Question => "question",
            Self::Simulation => "simulation",
            Self::Term => "term",
        }
    }

    /// The group results of this kind are listed in.
    pub fn group(self) -> Group {
        match self {
            Self::Lesson | Self::Section => Group::Lessons,
            Self::Paragraph => Group::Paragraphs,
            Self::Question => Group::Questions,
            Self::Simulation => Group::Simulations,
            Self::Term => Group::Terms,
        }
    }

    /// Lesson titles rank before headings, headings before paragraphs.
    fn tier(self) -> u8 {
        match self {
            Self::Lesson => 2,
            Self::Section => 1,
            _ => 0,
        }
    }
}

/// Result groups, in the order they are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Group {
    /// Lessons and sections (레슨/절).
    Lessons,
    /// Paragraphs (문단).
    Paragraphs,
    /// Questions (문제).
    Questions,
    /// Simulations (시뮬레이션).
    Simulations,
    /// Glossary terms (용어).
    Terms,
}

impl Group {
    /// Every group in display order.
    pub const ALL: [Group; 5] = [
        Self::Lessons,
        Self::Paragraphs,
        Self::Questions,
        Self::Simulations,
        Self::Terms,
    ];

    /// The heading of the group.
    pub fn label(self, english: bool) -> &'static str {
        match (self, english) {
            (Self::Lessons, false) => "레슨/절",
            (Self::Paragraphs, false) => "문단",
            (Self::Questions, false) => "문제",
            (Self::Simulations, false) => "시뮬레이션",
            (Self::Terms, false) => "용어",
            (Self::Lessons, true) => "Lessons and sections",
            (Self::Paragraphs, true) => "Paragraphs",
            (Self::Questions, true) => "Questions",
            (Self::Simulations, true) => "Simulations",
            (Self::Terms, true) => "Glossary",
        }
    }
}

/// Between the Korean and the English title in a simulation's main text: `콜드 스타트 · Cold starts`.
pub const SIM_TITLE_SEPARATOR: &str = " · ";

/// A simulation preset as the index sees it (the presets live in the UI's model glue).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PresetDoc {
    /// Preset id.
    pub id: String,
    /// Title (Korean).
    pub title: String,
    /// English title; may be empty (user presets without one).
    pub title_en: String,
    /// Description and challenge, in both languages.
    pub description: String,
    /// What it simulates (`Lambda`, `DynamoDB`).
    pub topic: String,
}

/// One searchable thing.
#[derive(Debug, Clone)]
pub struct Doc {
    /// What it is.
    pub kind: Kind,
    /// Lesson id, `lesson#anchor`, question id, preset id or term id.
    pub id: String,
    /// A short title: lesson title, heading, question prompt (cut), preset title, term.
    pub title: String,
    /// Main text (index 0) and secondary text (index 1: summary, explanation, description,
    /// definition; may be empty).
    pub text: [String; 2],
    /// "course › lesson", "lesson › section", ...
    pub location: String,
    /// Index of the lesson in [`Library::lessons`] (lessons, sections, paragraphs).
    pub lesson: Option<usize>,
    /// Heading anchor (sections, paragraphs under a heading, questions).
    pub anchor: Option<String>,
    /// 1-based line in the source file (lesson markdown, bank, glossary).
    pub line: Option<usize>,
    folded: [Box<[char]>; 2],
    mask: u64,
    ctx: Option<u32>,
    /// Glossary terms mentioned in the text, as indexes into the glossary.
    pub terms: Box<[u16]>,
}

impl Doc {
    /// Where the document is, as the palette and `gureum search` show it. A glossary term's
    /// `location` holds both languages ("용어집 · glossary", which `--json` keeps), so it is
    /// named in the UI's language here.
    pub fn place(&self, english: bool) -> &str {
        match (self.kind, english) {
            (Kind::Term, false) => "용어집",
            (Kind::Term, true) => "Glossary",
            _ => &self.location,
        }
    }

    fn new(kind: Kind, id: String, title: String, text: [String; 2], location: String) -> Self {
        let fold = |s: &str| -> Box<[char]> {
            s.chars()
                .map(|c| if c.is_whitespace() { ' ' } else { fold_char(c) })
                .collect()
        };
        let folded = [fold(&text[0]), fold(&text[1])];
        let mask = hangul::mask(&folded[0]) | hangul::mask(&folded[1]);
        Self {
            kind,
            id,
            title,
            text,
            location,
            lesson: None,
            anchor: None,
            line: None,
            folded,
            mask,
            ctx: None,
            terms: Box::new([]),
        }
    }
}

/// What a slot may match besides the document itself.
#[derive(Debug, Clone, Default)]
struct Ctx {
    text: Box<[char]>,
    terms: Vec<u16>,
}

/// One result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index into [`Index::docs`].
    pub doc: usize,
    /// Sum of the slots' qualities: 4 contiguous in the main text, 2 scattered in it or
    /// contiguous in the secondary text, 1 scattered in the secondary text or via context.
    pub quality: u32,
    /// Finer score within a quality.
    pub score: i64,
    /// Which text matched: 0 main, 1 secondary.
    pub field: usize,
    /// Matched char ranges in `doc.text[field]`.
    pub ranges: Vec<Range<usize>>,
}

/// The results of one group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupHits {
    /// Which group.
    pub group: Group,
    /// The best hits, best first (at most the cap asked for).
    pub hits: Vec<Hit>,
    /// How many documents of the group matched in all.
    pub total: usize,
}

/// The results of [`Index::search_ranked`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranked {
    /// The best match (a document index), when a term, lesson title or section title is named
    /// or started by the whole query; it is then the first hit of the first group.
    pub best: Option<usize>,
    /// The groups, as [`Index::search`] returns them.
    pub groups: Vec<GroupHits>,
}

/// A query slot: a word, or words that spell a glossary term.
#[derive(Debug, Clone)]
struct Slot {
    pat: Vec<char>,
    pat_str: String,
    initials: bool,
    mask: u64,
    /// Other spellings of the terms the slot names (folded, no spaces), with their masks.
    alts: Vec<(Vec<char>, u64)>,
    terms: Vec<u16>,
}

impl Slot {
    fn new(pat: Vec<char>, index: &Index, at_end: bool) -> Self {
        let mask = pat.iter().fold(0, |m, &c| m | hangul::bit(c));
        let mut exact: Vec<u16> = Vec::new();
        let mut prefix: Vec<u16> = Vec::new();
        for (form, term) in &index.forms {
            if matcher::names(&pat, form) {
                exact.push(*term);
            } else if at_end && pat.len() >= 2 && matcher::prefixes(&pat, form) {
                prefix.push(*term);
            }
        }
        exact.dedup();
        prefix.sort_unstable();
        prefix.dedup();
        // A half-typed word that starts many terms names none of them.
        let terms = if !exact.is_empty() {
            exact
        } else if prefix.len() <= 3 {
            prefix
        } else {
            Vec::new()
        };
        let mut alts: Vec<(Vec<char>, u64)> = Vec::new();
        for (form, term) in &index.forms {
            if terms.contains(term) && form.as_ref() != pat.as_slice() {
                let m = form.iter().fold(0, |m, &c| m | hangul::bit(c));
                alts.push((form.to_vec(), m));
            }
        }
        Self {
            pat_str: pat.iter().collect(),
            initials: pat.iter().any(|&c| hangul::is_initial(c)),
            mask,
            alts,
            terms,
            pat,
        }
    }
}

/// A slot's best direct match in one document.
#[derive(Debug, Clone)]
struct SlotMatch {
    quality: u32,
    /// Matched the document's own text (not its context).
    direct: bool,
    score: i64,
    field: usize,
    range: Option<Range<usize>>,
    fuzzy: bool,
}

/// One slot's direct matches over the whole index, kept for the next keystrokes.
#[derive(Debug)]
struct SlotResult {
    /// The slot's pattern and the terms it names: together they decide every match.
    pat: Vec<char>,
    terms: Vec<u16>,
    /// Direct matches by document, in index order.
    direct: Vec<(u32, SlotMatch)>,
    /// Documents whose own text holds `pat` contiguously, in index order: the only documents
    /// other than short ones (scattered matches) and the alternative spellings' where a slot
    /// whose pattern starts with `pat` can match directly.
    own: Vec<u32>,
}

/// How many slot results the memo keeps (a query typed word by word needs the last few).
const MEMO: usize = 6;

/// The search index over all content.
#[derive(Debug)]
pub struct Index {
    /// Every document.
    pub docs: Vec<Doc>,
    ctxs: Vec<Ctx>,
    /// Every spelling of every term: folded, spaces removed.
    forms: Vec<(Box<[char]>, u16)>,
    /// For each glossary term, the documents that mention it (sections, paragraphs, questions,
    /// presets), in index order.
    pub term_links: Vec<Vec<usize>>,
    fuzzy: Box<dyn Fuzzy>,
    /// Set on a part of the index that a background build is still adding to (see
    /// [`build::Live`]): where the rest comes from.
    pub building: Option<std::sync::Arc<build::Live>>,
    /// The slot results of the last keystrokes (most recent last).
    memo: Mutex<Vec<Arc<SlotResult>>>,
}

/// Text with runs of whitespace made single spaces, trimmed.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `s` cut to `n` chars with "…".
fn cut(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        let mut out: String = s.chars().take(n).collect();
        out.push('…');
        out
    }
}

/// A wide-rendered line without its list/quote prefix.
fn strip_prefix(s: &str) -> &str {
    s.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '│' | '•' | '◦' | '▪'))
        .trim_end()
}

impl Index {
    /// The index of everything: lessons (rendered once, wide), questions, presets and the
    /// library's glossary. The shipped content's index is read from the binary when these are
    /// exactly its inputs ([`prebuilt`]); anything else is built by [`Index::build_fresh`].
    pub fn build(library: &Library, bank: &Bank, presets: &[PresetDoc]) -> Self {
        prebuilt::matching(library, bank, presets)
            .unwrap_or_else(|| Self::build_fresh(library, bank, presets))
    }

    /// Builds the index of everything now, never reading the prebuilt one.
    pub fn build_fresh(library: &Library, bank: &Bank, presets: &[PresetDoc]) -> Self {
        Self::build_parts(library, || Some(bank), presets, |_, _| {})
    }

    /// An index with no documents yet, part of the background build `live`.
    pub fn empty(live: std::sync::Arc<build::Live>) -> Self {
        Self {
            docs: Vec::new(),
            ctxs: Vec::new(),
            forms: Vec::new(),
            term_links: Vec::new(),
            fuzzy: Box::new(matcher::Skim::default()),
            building: Some(live),
            memo: Mutex::default(),
        }
    }

    /// A copy of what is built so far, marked as part of the background build `live`.
    pub(crate) fn snapshot(&self, live: std::sync::Arc<build::Live>) -> Self {
        Self {
            docs: self.docs.clone(),
            ctxs: self.ctxs.clone(),
            forms: self.forms.clone(),
            term_links: Vec::new(),
            fuzzy: Box::new(matcher::Skim::default()),
            building: Some(live),
            memo: Mutex::default(),
        }
    }

    /// Builds the index in the order the documents come: lessons first (`lesson_done` is
    /// called after each with how many are done and the index so far), then the questions of
    /// the banks `bank` hands over once they are needed (none: no questions), then presets and
    /// terms. [`Index::build_fresh`] with every part at hand; [`build::Live`] in the background.
    pub fn build_parts<B: std::borrow::Borrow<Bank>>(
        library: &Library,
        bank: impl FnOnce() -> Option<B>,
        presets: &[PresetDoc],
        mut lesson_done: impl FnMut(usize, &Index),
    ) -> Self {
        let glossary = &library.glossary;
        let terms = TermMatcher::new(glossary);
        let mut index = Self {
            docs: Vec::new(),
            ctxs: Vec::new(),
            forms: Vec::new(),
            term_links: vec![Vec::new(); glossary.terms.len()],
            fuzzy: Box::new(matcher::Skim::default()),
            building: None,
            memo: Mutex::default(),
        };
        for (i, t) in glossary.terms.iter().enumerate() {
            for form in t.forms() {
                let f: Box<[char]> = form
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .map(fold_char)
                    .collect();
                if !index.forms.iter().any(|(g, j)| *j == i as u16 && *g == f) {
                    index.forms.push((f, i as u16));
                }
            }
        }
        let found = |text: &str| -> Vec<u16> {
            let mut v: Vec<u16> = terms.find(text).iter().map(|f| f.term as u16).collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        // Heading titles by (lesson, anchor), for the location of questions.
        let mut heading_titles: Vec<Vec<(String, String)>> = Vec::new();
        for (li, lesson) in library.lessons.iter().enumerate() {
            let meta = &lesson.meta;
            let course = &library.course_of(lesson).meta.title;
            let tags = meta.tags.join(" ");
            let lesson_ctx = index.push_ctx(&format!("{} {tags} {}", meta.title, meta.summary));
            let mut doc = Doc::new(
                Kind::Lesson,
                meta.id.clone(),
                meta.title.clone(),
                [meta.title.clone(), meta.summary.clone()],
                course.clone(),
            );
            doc.lesson = Some(li);
            doc.line = Some(1);
            doc.ctx = Some(lesson_ctx);
            doc.terms = found(&format!("{} {}", meta.title, meta.summary)).into();
            index.docs.push(doc);

            let rendered = render(
                &lesson.body,
                &RenderOptions {
                    width: WIDE,
                    ..RenderOptions::default()
                },
            );
            let source = locate::SourceLines::new(&lesson.body);
            let mut cursor = 0;
            let mut headings = rendered.headings.iter().peekable();
            let mut heading: Option<&crate::lesson::styled::Heading> = None;
            let mut section_ctx = lesson_ctx;
            let mut titles = Vec::new();
            for (i, line) in rendered.lines.iter().enumerate() {
                if line.kind == LineKind::Blank {
                    continue;
                }
                if let Some(h) = headings.next_if(|h| h.line == i) {
                    heading = Some(h);
                    titles.push((h.anchor.clone(), h.title.clone()));
                    section_ctx = index.push_ctx(&format!("{} {tags} {}", meta.title, h.title));
                    let file_line = lesson.body_line + h.source_line - 1;
                    cursor = source.at_line(h.source_line + 1);
                    let mut doc = Doc::new(
                        Kind::Section,
                        format!("{}#{}", meta.id, h.anchor),
                        h.title.clone(),
                        [h.title.clone(), String::new()],
                        meta.title.clone(),
                    );
                    doc.lesson = Some(li);
                    doc.anchor = Some(h.anchor.clone());
                    doc.line = Some(file_line);
                    doc.ctx = Some(section_ctx);
                    doc.terms = found(&h.title).into();
                    index.add_ctx_terms(section_ctx, &doc.terms.clone());
                    index.docs.push(doc);
                    continue;
                }
                let plain = line.plain();
                let text = strip_prefix(&plain);
                if !text.chars().any(locate::is_alnum) {
                    continue;
                }
                let line_no = match source.find(text, cursor) {
                    Some((at, l)) => {
                        cursor = at + 1;
                        Some(lesson.body_line + l - 1)
                    }
                    None => heading.map(|h| lesson.body_line + h.source_line - 1),
                };
                let location = match heading {
                    Some(h) => format!("{} › {}", meta.title, h.title),
                    None => meta.title.clone(),
                };
                let title = heading.map_or_else(|| meta.title.clone(), |h| h.title.clone());
                let id = match heading {
                    Some(h) => format!("{}#{}", meta.id, h.anchor),
                    None => meta.id.clone(),
                };
                let mut doc = Doc::new(
                    Kind::Paragraph,
                    id,
                    title,
                    [text.to_owned(), String::new()],
                    location,
                );
                doc.lesson = Some(li);
                doc.anchor = heading.map(|h| h.anchor.clone());
                doc.line = line_no;
                doc.ctx = Some(section_ctx);
                doc.terms = found(text).into();
                let t = doc.terms.clone();
                index.add_ctx_terms(section_ctx, &t);
                index.add_ctx_terms(lesson_ctx, &t);
                index.docs.push(doc);
            }
            heading_titles.push(titles);
            lesson_done(li + 1, &index);
        }
        let bank = bank();
        let empty = Bank::default();
        let bank: &Bank = bank.as_ref().map_or(&empty, std::borrow::Borrow::borrow);
        for e in &bank.entries {
            let q = &e.question;
            let li = library.lesson_index(q.lesson_id());
            let lesson_title = li.map_or_else(
                || q.lesson_id().to_owned(),
                |i| library.lessons[i].meta.title.clone(),
            );
            let section = li.zip(q.anchor()).and_then(|(i, a)| {
                heading_titles
                    .get(i)?
                    .iter()
                    .find(|(anchor, _)| anchor == a)
                    .map(|(_, t)| t.clone())
            });
            let location = match section {
                Some(s) => format!("{lesson_title} › {s}"),
                None => lesson_title,
            };
            let prompt = one_line(&q.prompt);
            let explanation = one_line(&q.explanation);
            let mut doc = Doc::new(
                Kind::Question,
                q.id.clone(),
                cut(&prompt, 60),
                [prompt, explanation],
                location,
            );
            doc.lesson = li;
            doc.anchor = q.anchor().map(str::to_owned);
            doc.line = Some(e.line);
            doc.terms = found(&format!("{} {}", doc.text[0], doc.text[1])).into();
            index.docs.push(doc);
        }
        for p in presets {
            // Both titles are the main text, so a search in either language finds the preset
            // (the palette shows the English half first in English mode; see
            // [`SIM_TITLE_SEPARATOR`]).
            let main = if p.title_en.is_empty() || p.title_en == p.title {
                p.title.clone()
            } else {
                format!("{}{SIM_TITLE_SEPARATOR}{}", p.title, p.title_en)
            };
            let mut doc = Doc::new(
                Kind::Simulation,
                p.id.clone(),
                p.title.clone(),
                [main, one_line(&p.description)],
                p.topic.clone(),
            );
            doc.terms = found(&format!("{} {}", p.title, p.description)).into();
            index.docs.push(doc);
        }
        for (i, t) in glossary.terms.iter().enumerate() {
            let mut names = t.label();
            for a in &t.aliases {
                names.push_str(" · ");
                names.push_str(a);
            }
            let mut doc = Doc::new(
                Kind::Term,
                t.id.clone(),
                t.label(),
                [names, format!("{} {}", t.definition, t.definition_en)],
                "용어집 · glossary".to_owned(),
            );
            doc.line = Some(glossary.line(i));
            doc.terms = vec![i as u16].into();
            index.docs.push(doc);
        }
        for (di, doc) in index.docs.iter().enumerate() {
            if matches!(
                doc.kind,
                Kind::Section | Kind::Paragraph | Kind::Question | Kind::Simulation
            ) {
                for &t in &doc.terms {
                    if let Some(list) = index.term_links.get_mut(usize::from(t)) {
                        list.push(di);
                    }
                }
            }
        }
        index
    }

    fn push_ctx(&mut self, text: &str) -> u32 {
        self.ctxs.push(Ctx {
            text: text.chars().map(fold_char).collect(),
            terms: Vec::new(),
        });
        (self.ctxs.len() - 1) as u32
    }

    fn add_ctx_terms(&mut self, ctx: u32, terms: &[u16]) {
        if let Some(c) = self.ctxs.get_mut(ctx as usize) {
            for &t in terms {
                if !c.terms.contains(&t) {
                    c.terms.push(t);
                }
            }
        }
    }

    /// Replaces the scattered matcher.
    pub fn set_fuzzy(&mut self, fuzzy: Box<dyn Fuzzy>) {
        self.fuzzy = fuzzy;
    }

    /// Splits a query into slots, joining words that spell a glossary term.
    fn slots(&self, query: &str) -> Vec<Slot> {
        let norm = hangul::normalize_query(query);
        let words: Vec<Vec<char>> = norm.split(' ').map(|w| w.chars().collect()).collect();
        let words: Vec<Vec<char>> = words.into_iter().filter(|w| !w.is_empty()).collect();
        let mut slots = Vec::new();
        let mut i = 0;
        while i < words.len() {
            // The longest run of words from `i` that names a term (or starts one, at the end).
            let mut take = 1;
            for j in (i + 1..words.len()).rev() {
                let joined: Vec<char> = words[i..=j].concat();
                let at_end = j + 1 == words.len();
                let hit = self.forms.iter().any(|(f, _)| {
                    matcher::names(&joined, f) || (at_end && matcher::prefixes(&joined, f))
                });
                if hit {
                    take = j - i + 1;
                    break;
                }
            }
            let pat = words[i..i + take].concat();
            let at_end = i + take == words.len();
            slots.push(Slot::new(pat, self, at_end));
            i += take;
        }
        slots
    }

    /// Searches; returns every group (empty ones too) with at most `per_group` hits each.
    pub fn search(&self, query: &str, per_group: usize) -> Vec<GroupHits> {
        let slots = self.slots(query);
        let mut groups: Vec<GroupHits> = Group::ALL
            .iter()
            .map(|&group| GroupHits {
                group,
                hits: Vec::new(),
                total: 0,
            })
            .collect();
        if slots.is_empty() {
            return groups;
        }
        // Pass 1: every document where every slot matches, with the per-slot matches, and how
        // many documents each slot matches directly. Each slot's direct matches come from the
        // memo of recent keystrokes, or are worked out where they can be (see `slot_result`);
        // a document some slot matches directly is a candidate, and the other slots may match
        // it directly or through its context.
        let results: Vec<Arc<SlotResult>> = slots.iter().map(|s| self.slot_result(s)).collect();
        let df: Vec<usize> = results.iter().map(|r| r.direct.len()).collect();
        let mut union: Vec<u32> = results
            .iter()
            .flat_map(|r| r.direct.iter().map(|(d, _)| *d))
            .collect();
        if results.len() > 1 {
            union.sort_unstable();
            union.dedup();
        }
        let mut candidates: Vec<(usize, Vec<SlotMatch>)> = Vec::new();
        for di in union {
            let doc = &self.docs[di as usize];
            let mut matches = Vec::with_capacity(slots.len());
            for (slot, result) in slots.iter().zip(&results) {
                let found = result
                    .direct
                    .binary_search_by_key(&di, |(d, _)| *d)
                    .ok()
                    .map(|i| result.direct[i].1.clone());
                match found {
                    Some(m) => matches.push(m),
                    None if self.in_context(doc, slot) => matches.push(SlotMatch {
                        quality: 1,
                        direct: false,
                        score: 0,
                        field: 0,
                        range: None,
                        fuzzy: false,
                    }),
                    None => break,
                }
            }
            if matches.len() == slots.len() {
                candidates.push((di as usize, matches));
            }
        }
        // Pass 2: a slot that matches few documents says more than one that matches many
        // (inverse document frequency), so its direct matches weigh more. This only orders
        // results of equal quality: "ㄹㄷ ㅋㄷ" prefers a heading that says 콜드 스타트 in a
        // Lambda lesson over one that says 람다 and mentions cold starts below.
        let n = self.docs.len() as f64 + 1.0;
        let idf: Vec<i64> = df
            .iter()
            .map(|&df| (60.0 * (n / (df as f64 + 1.0)).ln()) as i64)
            .collect();
        let mut found: Vec<Vec<Hit>> = vec![Vec::new(); Group::ALL.len()];
        for (di, matches) in candidates {
            let quality = matches.iter().map(|m| m.quality).sum();
            let score = matches
                .iter()
                .zip(&idf)
                .map(|(m, idf)| m.score + if m.direct { *idf } else { 0 })
                .sum();
            let Some(best) = matches
                .iter()
                .filter(|m| m.direct)
                .max_by_key(|m| m.quality)
            else {
                continue;
            };
            let kind = self.docs[di].kind;
            found[kind.group() as usize].push(Hit {
                doc: di,
                quality,
                score,
                // A term row starts with the term's name, a simulation row with its title,
                // wherever the match was.
                field: if matches!(kind, Kind::Term | Kind::Simulation) {
                    0
                } else {
                    best.field
                },
                ranges: Vec::new(),
            });
        }
        let best = self.best_match(&slots, &found);
        let key = |h: &Hit| {
            (
                std::cmp::Reverse(h.quality),
                std::cmp::Reverse(self.docs[h.doc].kind.tier()),
                std::cmp::Reverse(h.score),
                h.doc,
            )
        };
        for (g, mut hits) in groups.iter_mut().zip(found) {
            g.total = hits.len();
            // The best match leads its group, whatever its score.
            let lead = best.and_then(|b| hits.iter().position(|h| h.doc == b));
            let lead = lead.map(|i| hits.swap_remove(i));
            if hits.len() > per_group && per_group > 0 {
                hits.select_nth_unstable_by_key(per_group - 1, key);
                hits.truncate(per_group);
            } else if per_group == 0 {
                hits.clear();
            }
            hits.sort_by_key(key);
            if let Some(lead) = lead.filter(|_| per_group > 0) {
                hits.insert(0, lead);
                hits.truncate(per_group);
            }
            for h in &mut hits {
                self.highlight(h, &slots);
            }
            g.hits = hits;
        }
        // ...and its group comes first, so the first row is the best match.
        if let Some(b) = best {
            let group = self.docs[b].kind.group();
            if let Some(i) = groups.iter().position(|g| g.group == group) {
                let g = groups.remove(i);
                groups.insert(0, g);
            }
        }
        groups
    }

    /// Like [`Index::search`], and says which document is the best match (the first hit of the
    /// first group), if any: see [`Index::best_match`].
    pub fn search_ranked(&self, query: &str, per_group: usize) -> Ranked {
        let groups = self.search(query, per_group);
        let slots = self.slots(query);
        let best = groups
            .first()
            .and_then(|g| g.hits.first())
            .map(|h| h.doc)
            .filter(|&d| self.name_rank(&slots, d).is_some());
        Ranked { best, groups }
    }

    /// The best match among the candidates: a glossary term, lesson title or section title that
    /// the whole query names exactly (초성 included), else one it starts; exact before prefix,
    /// then terms before lessons before sections, then the shortest name. `None` when no name
    /// matches: the groups keep their order then.
    fn best_match(&self, slots: &[Slot], found: &[Vec<Hit>]) -> Option<usize> {
        found
            .iter()
            .flatten()
            .filter_map(|h| Some((self.name_rank(slots, h.doc)?, h.doc)))
            .min()
            .map(|(_, doc)| doc)
    }

    /// How well the whole query names document `doc`: (0 exact / 1 prefix, kind order, length).
    fn name_rank(&self, slots: &[Slot], doc: usize) -> Option<(u8, u8, usize)> {
        let d = self.docs.get(doc)?;
        let order = match d.kind {
            Kind::Term => 0,
            Kind::Lesson => 1,
            Kind::Section => 2,
            _ => return None,
        };
        let pat: Vec<char> = slots.iter().flat_map(|s| s.pat.iter().copied()).collect();
        if pat.is_empty() {
            return None;
        }
        let rank = |name: &[char]| -> Option<(u8, u8, usize)> {
            if matcher::names(&pat, name) {
                Some((0, order, name.len()))
            } else if pat.len() >= 2 && matcher::prefixes(&pat, name) {
                Some((1, order, name.len()))
            } else {
                None
            }
        };
        if d.kind == Kind::Term {
            let term = *d.terms.first()?;
            self.forms
                .iter()
                .filter(|(_, t)| *t == term)
                .filter_map(|(form, _)| rank(form))
                .min()
        } else {
            let name: Vec<char> = d.folded[0].iter().copied().filter(|c| *c != ' ').collect();
            rank(&name)
        }
    }

    /// The best direct match of `slot` in `doc`.
    fn direct(&self, doc: &Doc, slot: &Slot) -> Option<SlotMatch> {
        self.direct_own(doc, slot).0
    }

    /// The best direct match of `slot` in `doc`, and whether the slot's own pattern occurs
    /// contiguously in one of the document's texts (where a longer pattern can only be).
    fn direct_own(&self, doc: &Doc, slot: &Slot) -> (Option<SlotMatch>, bool) {
        let term_bonus = if slot.terms.iter().any(|t| doc.terms.contains(t)) {
            200
        } else {
            0
        };
        let mut best: Option<SlotMatch> = None;
        let mut consider = |m: SlotMatch| {
            if best
                .as_ref()
                .is_none_or(|b| (m.quality, m.score) > (b.quality, b.score))
            {
                best = Some(m);
            }
        };
        let own = doc.mask & slot.mask == slot.mask;
        let mut contiguous_found = false;
        let mut own_found = false;
        for field in 0..2 {
            let text = &doc.folded[field];
            if text.is_empty() {
                continue;
            }
            let quality = if field == 0 { 4 } else { 2 };
            if own && let Some((s, e, boundary)) = matcher::contiguous(text, &slot.pat) {
                contiguous_found = true;
                own_found = true;
                consider(SlotMatch {
                    quality,
                    direct: true,
                    score: contiguous_score(text, s, e, boundary) + term_bonus,
                    field,
                    range: Some(s..e),
                    fuzzy: false,
                });
                continue;
            }
            for (alt, m) in &slot.alts {
                if doc.mask & m != *m {
                    continue;
                }
                if let Some((s, e, boundary)) = matcher::contiguous(text, alt) {
                    contiguous_found = true;
                    consider(SlotMatch {
                        quality,
                        direct: true,
                        score: contiguous_score(text, s, e, boundary) - 50 + term_bonus,
                        field,
                        range: Some(s..e),
                        fuzzy: false,
                    });
                    break;
                }
            }
        }
        // Scattered matches only in short main texts (titles, headings, names): in sentences
        // scattered letters are noise, and scoring them is the slow part.
        let short = matches!(
            doc.kind,
            Kind::Lesson | Kind::Section | Kind::Simulation | Kind::Term
        );
        if contiguous_found || !own || !short || slot.pat.len() < 2 {
            return (best, own_found);
        }
        {
            let field = 0;
            let text = &doc.folded[field];
            if text.len() > FUZZY_MAX {
                return (best, own_found);
            }
            let s = if slot.initials {
                matcher::scattered_initials(text, &slot.pat).map(|(s, _)| s)
            } else if slot.pat.len() < 3 || !matcher::subsequence(text, &slot.pat) {
                None
            } else {
                // Skim scores about 16 per matched character plus bonuses for word starts and
                // runs; below 18 a character the letters are scattered noise ("rcu" in
                // "Introduce User Cookies"), above it acronyms and runs ("Read Capacity Unit").
                let floor = 18 * slot.pat.len() as i64;
                self.fuzzy
                    .fuzzy(&doc.text[field], &slot.pat_str)
                    .map(|(s, _)| s)
                    .filter(|s| *s >= floor)
            };
            if let Some(s) = s {
                let penalty = (text.len() as i64 / 8).min(120);
                consider(SlotMatch {
                    quality: 2,
                    direct: true,
                    score: s.min(300) - penalty + term_bonus,
                    field,
                    range: None,
                    fuzzy: true,
                });
            }
        }
        (best, own_found)
    }

    /// Forgets the memo of recent keystrokes: the next search works every slot out over the
    /// whole index (benches type each query afresh; tests compare both ways).
    pub fn forget(&self) {
        self.memo
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clear();
    }

    /// The direct matches of `slot` over the whole index: from the memo when an earlier
    /// keystroke had the same slot; else worked out over the documents it can match. When an
    /// earlier slot's pattern starts this one's (the word grew), those are its `own` documents,
    /// the short documents (scattered matches need no contiguous run) and the documents that
    /// hold an alternative spelling; otherwise every document. The result is the same as
    /// matching every document: a contiguous run of the longer pattern contains the shorter.
    fn slot_result(&self, slot: &Slot) -> Arc<SlotResult> {
        let memo = |f: &mut dyn FnMut(&mut Vec<Arc<SlotResult>>)| {
            f(&mut self
                .memo
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner));
        };
        let mut same = None;
        let mut base: Option<Arc<SlotResult>> = None;
        memo(&mut |m| {
            same = m
                .iter()
                .find(|r| r.pat == slot.pat && r.terms == slot.terms)
                .cloned();
            base = m
                .iter()
                .filter(|r| slot.pat.starts_with(&r.pat))
                .max_by_key(|r| r.pat.len())
                .cloned();
        });
        if let Some(r) = same {
            return r;
        }
        let mut direct = Vec::new();
        let mut own = Vec::new();
        let mut look = |di: usize, doc: &Doc| {
            let (m, o) = self.direct_own(doc, slot);
            if o {
                own.push(di as u32);
            }
            if let Some(m) = m {
                direct.push((di as u32, m));
            }
        };
        let alt_possible = |doc: &Doc| slot.alts.iter().any(|(_, m)| doc.mask & m == *m);
        match &base {
            Some(base) => {
                let mut next = base.own.iter().copied().peekable();
                for (di, doc) in self.docs.iter().enumerate() {
                    let in_own = next.next_if(|&d| d as usize == di).is_some();
                    let short = matches!(
                        doc.kind,
                        Kind::Lesson | Kind::Section | Kind::Simulation | Kind::Term
                    );
                    if in_own || short || alt_possible(doc) {
                        look(di, doc);
                    }
                }
            }
            None => {
                for (di, doc) in self.docs.iter().enumerate() {
                    if doc.mask & slot.mask == slot.mask || alt_possible(doc) {
                        look(di, doc);
                    }
                }
            }
        }
        let result = Arc::new(SlotResult {
            pat: slot.pat.clone(),
            terms: slot.terms.clone(),
            direct,
            own,
        });
        memo(&mut |m| {
            m.push(Arc::clone(&result));
            if m.len() > MEMO {
                m.remove(0);
            }
        });
        result
    }

    /// Whether `slot` matches the document's context: lesson title and tags, or a term of its
    /// section.
    fn in_context(&self, doc: &Doc, slot: &Slot) -> bool {
        let Some(ctx) = doc.ctx.and_then(|c| self.ctxs.get(c as usize)) else {
            return false;
        };
        slot.terms.iter().any(|t| ctx.terms.contains(t))
            || matcher::contiguous(&ctx.text, &slot.pat).is_some()
            || slot
                .alts
                .iter()
                .any(|(a, _)| matcher::contiguous(&ctx.text, a).is_some())
    }

    /// Fills `hit.ranges` with every slot's match in the hit's field.
    fn highlight(&self, hit: &mut Hit, slots: &[Slot]) {
        let doc = &self.docs[hit.doc];
        let field = hit.field;
        let text = &doc.folded[field];
        let mut ranges: Vec<Range<usize>> = Vec::new();
        for slot in slots {
            let Some(m) = self.direct(doc, slot).filter(|m| m.field == field) else {
                continue;
            };
            if let Some(r) = m.range {
                ranges.push(r);
            } else if m.fuzzy {
                let at = if slot.initials {
                    matcher::scattered_initials(text, &slot.pat).map(|(_, a)| a)
                } else {
                    self.fuzzy
                        .fuzzy(&doc.text[field], &slot.pat_str)
                        .map(|(_, a)| a)
                };
                ranges.extend(at.unwrap_or_default().into_iter().map(|i| i..i + 1));
            }
        }
        if doc.kind == Kind::Term {
            // Only the name (the label before the aliases) is marked: a snippet cut to show an
            // alias further on would hide the name.
            let name = doc.title.chars().count();
            ranges.retain(|r| r.end <= name);
        }
        ranges.sort_by_key(|r| r.start);
        let mut merged: Vec<Range<usize>> = Vec::new();
        for r in ranges {
            match merged.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => merged.push(r),
            }
        }
        hit.ranges = merged;
    }
}

/// Score of a contiguous match at `s..e` of `text`.
fn contiguous_score(text: &[char], s: usize, e: usize, boundary: bool) -> i64 {
    let mut score = 1000;
    if s == 0 {
        score += 300;
    } else if boundary {
        score += 150;
    }
    if s == 0 && e == text.len() {
        score += 500;
    }
    score -= (s as i64 / 4).min(100);
    score -= (text.len() as i64 / 10).min(100);
    score
}

/// A window of `text` around the first of `ranges`, at most `max` chars, with the ranges moved
/// into it (as byte ranges of the returned string). "…" marks cut ends.
pub fn snippet(text: &str, ranges: &[Range<usize>], max: usize) -> (String, Vec<Range<usize>>) {
    let chars: Vec<char> = text.chars().collect();
    let first = ranges.first().map_or(0, |r| r.start);
    // Some words of context before the match, so it does not start the line cold.
    let mut start = first.saturating_sub(max / 4);
    if start > 0 {
        // Begin at a word start when there is one nearby.
        if let Some(p) = chars[start..first].iter().position(|c| *c == ' ') {
            start += p + 1;
        }
    }
    let end = (start + max).min(chars.len());
    let mut out = String::new();
    let mut byte_of = Vec::with_capacity(end - start + 1);
    if start > 0 {
        out.push('…');
    }
    for &c in &chars[start..end] {
        byte_of.push(out.len());
        out.push(c);
    }
    byte_of.push(out.len());
    if end < chars.len() {
        out.push('…');
    }
    let moved = ranges
        .iter()
        .filter_map(|r| {
            let s = r.start.max(start);
            let e = r.end.min(end);
            (s < e).then(|| byte_of[s - start]..byte_of[e - start])
        })
        .collect();
    (out, moved)
}
