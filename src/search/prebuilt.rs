//! The search index of the shipped content, built ahead of time, so `gureum search` and the
//! first `Ctrl-K` read it instead of rendering every lesson and scanning every question.
//!
//! The index is a pure function of the shipped content and of the code that builds it, so it is
//! made once by that very code (`cargo run --release --example search_index` writes
//! `prebuilt/search-index.bin`) and embedded by `build.rs`. `build.rs` fingerprints the inputs
//! (content, banks, presets, and the source of the modules that build the index, plus
//! `Cargo.lock`) and embeds the file only when the fingerprint written in it is the current one;
//! a stale file is left out with a cargo warning and the index is built at run time as before,
//! so results never depend on whether the file is fresh (a test says when it is stale).
//!
//! [`Index::build`] uses it when what it is asked to index is exactly what the file was made
//! from: a second fingerprint, over the lessons, glossary, questions and presets as the app
//! loaded them, must match the one in the file (a user's `--content-dir`/`--quiz-dir` never
//! does, unless it is a copy of the shipped content, which gives the same index anyway).
//!
//! Format (little-endian): the magic `GRMSIDX2`, the source fingerprint (u64), the input
//! fingerprint (u64), then an interned string table (count, then each string's byte length,
//! then the total; the strings themselves are in `prebuilt/search-strings.txt`, one after
//! another; every text below is an index into the table), the documents (kind, id, title, both texts,
//! both folded texts, location, lesson, anchor, line, context, mask, terms), the contexts
//! (folded text, terms), the term spellings (folded, no spaces; term) and each term's linked
//! documents. Optional numbers are `u32::MAX` when absent. The folded texts and masks are
//! stored as built (pre-folded text and 초성 keys), so loading only copies.

use std::collections::HashMap;

use super::{Ctx, Doc, Index, Kind, PresetDoc, matcher};
use crate::lesson::Library;
use crate::quiz::Bank;

mod generated {
    include!(concat!(env!("OUT_DIR"), "/search_index.rs"));
}

/// The fingerprint `build.rs` computed over the index's sources; the file must carry it.
pub const SOURCE_FINGERPRINT: u64 = generated::SOURCE_FINGERPRINT;

/// Where the generator writes the file, relative to the repository root.
pub const FILE: &str = "prebuilt/search-index.bin";

/// The index's strings, one after another, beside [`FILE`]: embedded with `include_str!`, so
/// the compiler checks they are UTF-8 and loading validates nothing (validating them at run
/// time was a fifth of a one-shot `gureum search`).
pub const STRINGS_FILE: &str = "prebuilt/search-strings.txt";

const MAGIC: &[u8; 8] = b"GRMSIDX2";
const NONE: u32 = u32::MAX;

/// The embedded prebuilt file and its strings, when `build.rs` found them fresh.
pub fn embedded_bytes() -> Option<(&'static [u8], &'static str)> {
    generated::PREBUILT
}

/// The prebuilt index of the shipped content (lessons, banks, glossary, presets), if the binary
/// carries a fresh one.
pub fn embedded() -> Option<Index> {
    let (bytes, strings) = embedded_bytes()?;
    decode(bytes, strings, None)
}

/// The prebuilt index if it was made from exactly these inputs.
pub(super) fn matching(library: &Library, bank: &Bank, presets: &[PresetDoc]) -> Option<Index> {
    let (bytes, strings) = embedded_bytes()?;
    let (_, input) = header(bytes)?;
    if input != input_fingerprint(library, bank, presets) {
        return None;
    }
    decode(bytes, strings, Some(input))
}

/// FNV-1a, 64 bits: stable across builds and toolchains (the file outlives both).
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    /// Adds bytes.
    pub fn bytes(&mut self, b: &[u8]) {
        for &x in b {
            self.0 ^= u64::from(x);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
    /// Adds a text and its length (so "ab"+"c" differs from "a"+"bc").
    pub fn str(&mut self, s: &str) {
        self.num(s.len() as u64);
        self.bytes(s.as_bytes());
    }
    /// Adds a number.
    pub fn num(&mut self, n: u64) {
        self.bytes(&n.to_le_bytes());
    }
    /// The hash so far.
    pub fn finish(self) -> u64 {
        self.0
    }
}

/// A fingerprint of everything [`Index::build`] reads from its inputs.
pub fn input_fingerprint(library: &Library, bank: &Bank, presets: &[PresetDoc]) -> u64 {
    let mut h = Fnv::default();
    h.num(library.lessons.len() as u64);
    for lesson in &library.lessons {
        let m = &lesson.meta;
        h.str(&m.id);
        h.str(&m.title);
        h.str(&m.summary);
        h.num(m.tags.len() as u64);
        for t in &m.tags {
            h.str(t);
        }
        h.str(&library.course_of(lesson).meta.title);
        h.str(&lesson.body);
        h.num(lesson.body_line as u64);
    }
    let g = &library.glossary;
    h.num(g.terms.len() as u64);
    for (i, t) in g.terms.iter().enumerate() {
        h.str(&t.id);
        h.str(&t.ko);
        h.str(&t.en);
        h.num(t.aliases.len() as u64);
        for a in &t.aliases {
            h.str(a);
        }
        h.str(&t.definition);
        h.str(&t.definition_en);
        h.num(g.line(i) as u64);
    }
    h.num(bank.entries.len() as u64);
    for e in &bank.entries {
        let q = &e.question;
        h.str(&q.id);
        h.str(&q.prompt);
        h.str(&q.explanation);
        h.str(q.lesson_id());
        h.str(q.anchor().unwrap_or("\u{0}"));
        h.num(e.line as u64);
    }
    h.num(presets.len() as u64);
    for p in presets {
        for s in [&p.id, &p.title, &p.title_en, &p.description, &p.topic] {
            h.str(s);
        }
    }
    h.finish()
}

/// The file's (source, input) fingerprints, if it is one.
pub fn header(bytes: &[u8]) -> Option<(u64, u64)> {
    let mut r = Reader { b: bytes, at: 0 };
    (r.take(8)? == MAGIC).then_some(())?;
    Some((r.u64()?, r.u64()?))
}

fn kind_code(k: Kind) -> u8 {
    match k {
        Kind::Lesson => 0,
        Kind::Section => 1,
        Kind::Paragraph => 2,
        Kind::Question => 3,
        Kind::Simulation => 4,
        Kind::Term => 5,
    }
}

fn kind_of(code: u8) -> Option<Kind> {
    Some(match code {
        0 => Kind::Lesson,
        1 => Kind::Section,
        2 => Kind::Paragraph,
        3 => Kind::Question,
        4 => Kind::Simulation,
        5 => Kind::Term,
        _ => return None,
    })
}

/// Writes `index` (built from inputs with fingerprint `input`) in the format above: the file
/// and its strings.
pub fn encode(index: &Index, input: u64) -> (Vec<u8>, String) {
    let mut w = Writer::default();
    for d in &index.docs {
        for s in [&d.id, &d.title, &d.text[0], &d.text[1], &d.location] {
            w.intern(s);
        }
        let f0: String = d.folded[0].iter().collect();
        let f1: String = d.folded[1].iter().collect();
        w.intern(&f0);
        w.intern(&f1);
        if let Some(a) = &d.anchor {
            w.intern(a);
        }
    }
    for c in &index.ctxs {
        w.intern(&c.text.iter().collect::<String>());
    }
    for (f, _) in &index.forms {
        w.intern(&f.iter().collect::<String>());
    }
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&SOURCE_FINGERPRINT.to_le_bytes());
    out.extend_from_slice(&input.to_le_bytes());
    put32(&mut out, w.strings.len());
    let mut strings = String::new();
    for s in &w.strings {
        put32(&mut out, s.len());
        strings.push_str(s);
    }
    put32(&mut out, strings.len());
    let opt = |v: Option<usize>| v.map_or(NONE as usize, |v| v);
    put32(&mut out, index.docs.len());
    for d in &index.docs {
        out.push(kind_code(d.kind));
        let f0: String = d.folded[0].iter().collect();
        let f1: String = d.folded[1].iter().collect();
        for s in [
            &d.id,
            &d.title,
            &d.text[0],
            &d.text[1],
            &f0,
            &f1,
            &d.location,
        ] {
            put32(&mut out, w.id(s));
        }
        put32(&mut out, opt(d.lesson));
        put32(&mut out, opt(d.anchor.as_ref().map(|a| w.id(a))));
        put32(&mut out, opt(d.line));
        put32(&mut out, opt(d.ctx.map(|c| c as usize)));
        out.extend_from_slice(&d.mask.to_le_bytes());
        put16s(&mut out, &d.terms);
    }
    put32(&mut out, index.ctxs.len());
    for c in &index.ctxs {
        put32(&mut out, w.id(&c.text.iter().collect::<String>()));
        put16s(&mut out, &c.terms);
    }
    put32(&mut out, index.forms.len());
    for (f, t) in &index.forms {
        put32(&mut out, w.id(&f.iter().collect::<String>()));
        out.extend_from_slice(&t.to_le_bytes());
    }
    put32(&mut out, index.term_links.len());
    for links in &index.term_links {
        put32(&mut out, links.len());
        for &d in links {
            put32(&mut out, d);
        }
    }
    (out, strings)
}

fn put32(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(&(n as u32).to_le_bytes());
}

fn put16s(out: &mut Vec<u8>, v: &[u16]) {
    put32(out, v.len());
    for x in v {
        out.extend_from_slice(&x.to_le_bytes());
    }
}

#[derive(Default)]
struct Writer {
    strings: Vec<String>,
    ids: HashMap<String, usize>,
}

impl Writer {
    fn intern(&mut self, s: &str) {
        if !self.ids.contains_key(s) {
            self.ids.insert(s.to_owned(), self.strings.len());
            self.strings.push(s.to_owned());
        }
    }
    fn id(&self, s: &str) -> usize {
        self.ids[s]
    }
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let s = self.b.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(s)
    }
    fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }
    fn u16(&mut self) -> Option<u16> {
        Some(u16::from_le_bytes(self.take(2)?.try_into().ok()?))
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    fn len(&mut self) -> Option<usize> {
        self.u32().map(|n| n as usize)
    }
    // Outer `None`: the bytes ran out (a damaged file); inner `None`: the field is absent.
    #[allow(clippy::option_option)]
    fn opt(&mut self) -> Option<Option<usize>> {
        let n = self.u32()?;
        Some((n != NONE).then_some(n as usize))
    }
    fn u16s(&mut self) -> Option<Vec<u16>> {
        let n = self.len()?;
        // Bounds first: a corrupt count must not reserve gigabytes.
        (self.b.len().saturating_sub(self.at) >= n * 2).then_some(())?;
        (0..n).map(|_| self.u16()).collect()
    }
}

/// Reads an index written by [`encode`] from its file and strings; `None` if they are not one
/// (or not for `input`).
#[allow(clippy::many_single_char_names)] // r reads, n counts, as in the writer
pub fn decode(bytes: &[u8], text: &str, input: Option<u64>) -> Option<Index> {
    let (_, fp) = header(bytes)?;
    if input.is_some_and(|i| i != fp) {
        return None;
    }
    let mut r = Reader { b: bytes, at: 24 };
    let n = r.len()?;
    (bytes.len() >= n * 4).then_some(())?;
    let mut strings: Vec<&str> = Vec::with_capacity(n);
    let mut at = 0;
    for _ in 0..n {
        let len = r.len()?;
        // `get` checks the ends fall on character boundaries: a strings file that does not
        // belong to this index fails here or at the length check below, never panics.
        strings.push(text.get(at..at + len)?);
        at += len;
    }
    (r.len()? == text.len() && at == text.len()).then_some(())?;
    let s = |i: usize| strings.get(i).copied();
    let chars = |i: usize| -> Option<Box<[char]>> { Some(s(i)?.chars().collect()) };
    let n = r.len()?;
    (bytes.len() >= n * 45).then_some(())?;
    let mut docs = Vec::with_capacity(n);
    for _ in 0..n {
        let kind = kind_of(r.u8()?)?;
        let mut f = [0_usize; 7];
        for x in &mut f {
            *x = r.len()?;
        }
        let lesson = r.opt()?;
        let anchor = match r.opt()? {
            Some(a) => Some(s(a)?.to_owned()),
            None => None,
        };
        let line = r.opt()?;
        let ctx = r.opt()?.map(|c| c as u32);
        let mask = r.u64()?;
        let terms = r.u16s()?.into_boxed_slice();
        docs.push(Doc {
            kind,
            id: s(f[0])?.to_owned(),
            title: s(f[1])?.to_owned(),
            text: [s(f[2])?.to_owned(), s(f[3])?.to_owned()],
            location: s(f[6])?.to_owned(),
            lesson,
            anchor,
            line,
            folded: [chars(f[4])?, chars(f[5])?],
            mask,
            ctx,
            terms,
        });
    }
    let n = r.len()?;
    (bytes.len() >= n * 8).then_some(())?;
    let mut ctxs = Vec::with_capacity(n);
    for _ in 0..n {
        let text = chars(r.len()?)?;
        ctxs.push(Ctx {
            text,
            terms: r.u16s()?,
        });
    }
    let n = r.len()?;
    (bytes.len() >= n * 6).then_some(())?;
    let mut forms = Vec::with_capacity(n);
    for _ in 0..n {
        let f = chars(r.len()?)?;
        forms.push((f, r.u16()?));
    }
    let n = r.len()?;
    (bytes.len() >= n * 4).then_some(())?;
    let mut term_links = Vec::with_capacity(n);
    for _ in 0..n {
        let m = r.len()?;
        (bytes.len().saturating_sub(r.at) >= m * 4).then_some(())?;
        term_links.push((0..m).map(|_| r.len()).collect::<Option<Vec<_>>>()?);
    }
    (r.at == bytes.len()).then_some(())?;
    Some(Index {
        docs,
        ctxs,
        forms,
        term_links,
        fuzzy: Box::new(matcher::Skim::default()),
        building: None,
        memo: std::sync::Mutex::default(),
    })
}

/// Whether two indexes hold the same documents, contexts, spellings and links (everything a
/// search reads but the scattered matcher).
pub fn same(a: &Index, b: &Index) -> bool {
    format!("{:?}", (&a.docs, &a.ctxs, &a.forms, &a.term_links))
        == format!("{:?}", (&b.docs, &b.ctxs, &b.forms, &b.term_links))
}
