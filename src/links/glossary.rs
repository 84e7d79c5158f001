//! Where a glossary term leads: its `see` sections, the sections, questions and simulations that
//! mention it (from the search index).

use crate::lesson::Library;
use crate::search::{Index, Kind};

/// Questions listed one by one under a term; the rest are counted.
const QUESTIONS_LISTED: usize = 20;
/// Questions in a "practise this term" session.
const SESSION: usize = 10;

/// Where a glossary link leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A lesson, at a heading.
    Lesson {
        /// Index into the library's lessons.
        lesson: usize,
        /// Heading anchor.
        anchor: Option<String>,
    },
    /// Practise these questions.
    Questions(Vec<String>),
    /// A simulation preset by id.
    Preset(String),
}

/// A link from a term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// Lesson, question or simulation.
    pub kind: Kind,
    /// What is shown.
    pub label: String,
    /// Where it leads.
    pub target: Target,
}

/// The links of term `term`: explicit `see` links, then the sections, questions and simulations
/// that mention it.
pub fn links(library: &Library, index: &Index, term: usize, english: bool) -> Vec<Link> {
    let mut out: Vec<Link> = Vec::new();
    let section_label = |lesson: usize, anchor: Option<&str>| -> String {
        let title = &library.lessons[lesson].meta.title;
        let id = anchor.map(|a| format!("{}#{a}", library.lessons[lesson].meta.id));
        let heading = id.and_then(|id| {
            index
                .docs
                .iter()
                .find(|d| d.kind == Kind::Section && d.id == id)
                .map(|d| d.title.clone())
        });
        match heading {
            Some(h) => format!("{title} › {h}"),
            None => title.clone(),
        }
    };
    if let Some(t) = library.glossary.terms.get(term) {
        for see in &t.see {
            let (id, anchor) = match see.split_once('#') {
                Some((id, a)) => (id, Some(a)),
                None => (see.as_str(), None),
            };
            if let Some(li) = library.lesson_index(id) {
                out.push(Link {
                    kind: Kind::Section,
                    label: section_label(li, anchor),
                    target: Target::Lesson {
                        lesson: li,
                        anchor: anchor.map(str::to_owned),
                    },
                });
            }
        }
    }
    let docs = index.term_links.get(term).map_or(&[][..], Vec::as_slice);
    for &d in docs {
        let doc = &index.docs[d];
        // A mention in a paragraph links its section.
        if !matches!(doc.kind, Kind::Section | Kind::Paragraph) {
            continue;
        }
        let Some(li) = doc.lesson else { continue };
        let target = Target::Lesson {
            lesson: li,
            anchor: doc.anchor.clone(),
        };
        if out.iter().any(|l| l.target == target) {
            continue;
        }
        out.push(Link {
            kind: Kind::Section,
            label: section_label(li, doc.anchor.as_deref()),
            target,
        });
    }
    let questions: Vec<&crate::search::Doc> = docs
        .iter()
        .map(|&d| &index.docs[d])
        .filter(|d| d.kind == Kind::Question)
        .collect();
    if !questions.is_empty() {
        let n = questions.len().min(SESSION);
        out.push(Link {
            kind: Kind::Question,
            label: match (english, n == questions.len()) {
                (true, true) => format!("Practise its {n} questions"),
                (true, false) => format!("Practise {n} of its {} questions", questions.len()),
                (false, true) => format!("이 용어의 문제 {n}개 풀기"),
                (false, false) => format!("이 용어의 문제 {}개 중 {n}개 풀기", questions.len()),
            },
            target: Target::Questions(questions.iter().take(n).map(|d| d.id.clone()).collect()),
        });
        for q in questions.iter().take(QUESTIONS_LISTED) {
            out.push(Link {
                kind: Kind::Question,
                label: q.title.clone(),
                target: Target::Questions(vec![q.id.clone()]),
            });
        }
    }
    for &d in docs {
        let doc = &index.docs[d];
        if doc.kind == Kind::Simulation {
            out.push(Link {
                kind: Kind::Simulation,
                label: doc.title.clone(),
                target: Target::Preset(doc.id.clone()),
            });
        }
    }
    out
}
