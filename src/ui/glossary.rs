//! The glossary screen (a list of terms, filtered by typing, and the selected term's definition
//! and links) and the reader's definition popup for the terms on screen.
//!
//! "The term under focus" in the reader is every glossary term mentioned in the lines on screen,
//! top to bottom: the reading position is the screen, not a cursor (the reader has none), and a
//! learner who meets an unknown word has it in front of them. `d` opens the list with the first
//! term's definition; pressing `d` again cycles through the others, Enter opens the term in the
//! glossary.

use std::sync::Arc;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::app::{App, Screen};
use super::keymap;
use crate::lesson::Library;
use crate::quiz::session::Filter;
use crate::search::{Index, Kind, hangul, matcher};

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

/// The glossary screen's state.
#[derive(Debug, Clone)]
pub struct GlossaryView {
    /// Typed filter.
    pub filter: String,
    /// Terms shown (indexes into the glossary), in file order.
    pub list: Vec<usize>,
    /// Selected row of `list`.
    pub selected: usize,
    /// The links pane has the keyboard.
    pub links_focus: bool,
    /// Selected link.
    pub link_selected: usize,
    /// Links of the selected term.
    pub links: Vec<Link>,
    /// The index the links come from.
    pub index: Arc<Index>,
}

impl GlossaryView {
    /// The selected term's index in the glossary.
    pub fn term(&self) -> Option<usize> {
        self.list.get(self.selected).copied()
    }

    /// Applies the filter: every spelling of a term, with 초성 and spaces optional.
    fn refilter(&mut self, library: &Library) {
        let current = self.term();
        let norm = hangul::normalize_query(&self.filter);
        let pat: Vec<char> = norm.chars().filter(|c| *c != ' ').collect();
        self.list = library
            .glossary
            .terms
            .iter()
            .enumerate()
            .filter(|(_, t)| {
                pat.is_empty()
                    || t.forms().any(|f| {
                        let text: Vec<char> =
                            f.chars().map(crate::lesson::glossary::fold_char).collect();
                        matcher::contiguous(&text, &pat).is_some()
                    })
            })
            .map(|(i, _)| i)
            .collect();
        self.selected = current
            .and_then(|c| self.list.iter().position(|&i| i == c))
            .unwrap_or(0);
    }
}

/// The definition popup over the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Define {
    /// The terms on screen, top to bottom (indexes into the glossary).
    pub terms: Vec<usize>,
    /// The one whose definition is shown.
    pub selected: usize,
}

impl App {
    /// Opens the glossary screen over the current one, at term `id` if given.
    pub fn open_glossary(&mut self, id: Option<&str>) {
        let index = self.search_index();
        let mut view = GlossaryView {
            filter: String::new(),
            list: Vec::new(),
            selected: 0,
            links_focus: false,
            link_selected: 0,
            links: Vec::new(),
            index,
        };
        view.refilter(&self.library);
        if let Some(pos) = id
            .and_then(|id| self.library.glossary.position(id))
            .and_then(|t| view.list.iter().position(|&i| i == t))
        {
            view.selected = pos;
        }
        self.define = None;
        self.glossary_return = None;
        self.glossary = Some(view);
        self.refresh_links();
        if self.library.glossary.terms.is_empty() {
            let text = self
                .lang
                .pick(
                    "용어집이 없어요 (콘텐츠 폴더에 glossary.toml이 없어요)",
                    "No glossary (the content folder has no glossary.toml)",
                )
                .to_owned();
            self.note(text, false);
        }
    }

    fn refresh_links(&mut self) {
        let english = self.lang == super::strings::Lang::En;
        if let Some(g) = self.glossary.as_mut() {
            g.links = g
                .term()
                .map(|t| links(&self.library, &g.index, t, english))
                .unwrap_or_default();
            g.link_selected = 0;
            if g.links.is_empty() {
                g.links_focus = false;
            }
        }
    }

    /// A key while the glossary screen is open.
    pub fn glossary_key(&mut self, key: &KeyEvent) {
        let Some(g) = self.glossary.as_mut() else {
            return;
        };
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let n = g.list.len();
        let mut relink = false;
        match key.code {
            KeyCode::Char('c') if ctrl => self.quit = true,
            KeyCode::Esc if g.links_focus => g.links_focus = false,
            KeyCode::Esc if !g.filter.is_empty() => {
                g.filter.clear();
                g.refilter(&self.library);
                relink = true;
            }
            KeyCode::Esc => self.glossary = None,
            KeyCode::Tab | KeyCode::BackTab | KeyCode::Right | KeyCode::Left => {
                g.links_focus = !g.links_focus && !g.links.is_empty();
            }
            KeyCode::Down if g.links_focus => {
                g.link_selected = (g.link_selected + 1).min(g.links.len().saturating_sub(1));
            }
            KeyCode::Up if g.links_focus => g.link_selected = g.link_selected.saturating_sub(1),
            KeyCode::PageDown if g.links_focus => {
                g.link_selected = (g.link_selected + 10).min(g.links.len().saturating_sub(1));
            }
            KeyCode::PageUp if g.links_focus => {
                g.link_selected = g.link_selected.saturating_sub(10);
            }
            KeyCode::Down => {
                g.selected = (g.selected + 1).min(n.saturating_sub(1));
                relink = true;
            }
            KeyCode::Up => {
                g.selected = g.selected.saturating_sub(1);
                relink = true;
            }
            KeyCode::PageDown => {
                g.selected = (g.selected + 10).min(n.saturating_sub(1));
                relink = true;
            }
            KeyCode::PageUp => {
                g.selected = g.selected.saturating_sub(10);
                relink = true;
            }
            KeyCode::Enter if g.links_focus => {
                if let Some(link) = g.links.get(g.link_selected).cloned() {
                    self.follow(link.target);
                }
            }
            KeyCode::Enter => g.links_focus = !g.links.is_empty(),
            KeyCode::Backspace => {
                g.filter.pop();
                g.links_focus = false;
                g.refilter(&self.library);
                relink = true;
            }
            KeyCode::Char(c) if !ctrl && !key.modifiers.contains(KeyModifiers::ALT) => {
                g.filter.push(c);
                g.links_focus = false;
                g.refilter(&self.library);
                relink = true;
            }
            _ => {}
        }
        if relink {
            self.refresh_links();
        }
    }

    /// Opens a link's target; the glossary closes until Back from that screen.
    fn follow(&mut self, target: Target) {
        let parked = self.glossary.take();
        let from = match self.screen {
            Screen::Practice | Screen::Exam | Screen::Sim | Screen::Sims => Screen::Home,
            s => s,
        };
        match target {
            Target::Lesson { lesson, anchor } => {
                self.open_lesson(lesson);
                if let Some(r) = self.reader.as_mut() {
                    r.jump_anchor = anchor;
                }
                if self.area.width > 0 {
                    self.prepare(self.area);
                }
            }
            Target::Questions(ids) => {
                let label = self.lang.pick("용어 문제", "Term questions").to_owned();
                self.start_session(&ids, &Filter::default(), label, from);
            }
            Target::Preset(id) => {
                self.open_sims(from);
                if let Some(i) = self.presets.iter().position(|p| p.id() == id) {
                    self.open_sim(i, false);
                }
            }
        }
        self.glossary_return = parked.map(|view| (view, self.screen));
    }

    /// Opens the definition popup for the terms on the reader's screen.
    pub fn open_define(&mut self) {
        let Some(r) = self.reader.as_ref() else {
            return;
        };
        let (top, page) = (r.scroll, r.page());
        let mut terms: Vec<usize> = Vec::new();
        for m in r
            .terms
            .iter()
            .filter(|m| m.line >= top && m.line < top + page)
        {
            if !terms.contains(&m.term) {
                terms.push(m.term);
            }
        }
        if terms.is_empty() {
            let text = self
                .lang
                .pick(
                    "이 화면에는 용어집에 있는 용어가 없어요",
                    "No glossary terms on this screen",
                )
                .to_owned();
            self.note(text, false);
            return;
        }
        self.define = Some(Define { terms, selected: 0 });
    }

    /// A key while the definition popup is open.
    pub fn define_key(&mut self, key: &KeyEvent) {
        let Some(d) = self.define.as_mut() else {
            return;
        };
        let n = d.terms.len();
        let code = match key.code {
            KeyCode::Char(c) => KeyCode::Char(keymap::latin_for(c)),
            other => other,
        };
        match code {
            KeyCode::Char('d' | 'j') | KeyCode::Down | KeyCode::Tab => {
                d.selected = (d.selected + 1) % n;
            }
            KeyCode::Char('k') | KeyCode::Up | KeyCode::BackTab => {
                d.selected = (d.selected + n - 1) % n;
            }
            KeyCode::Enter => {
                let term = d.terms[d.selected];
                let id = self.library.glossary.terms[term].id.clone();
                self.define = None;
                self.open_glossary(Some(&id));
            }
            _ => self.define = None,
        }
    }
}
