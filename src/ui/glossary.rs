//! The glossary screen (a list of terms, filtered by typing, and the selected term's definition
//! and links) and the reader's definition popup for the terms on screen.
//!
//! "The term under focus" in the reader is every glossary term mentioned in the lines on screen,
//! top to bottom: the reading position is the screen, not a cursor (the reader has none), and a
//! learner who meets an unknown word has it in front of them. `d` opens the list with the first
//! term's definition; pressing `d` again cycles through the others, Enter opens the term in the
//! glossary.

use std::sync::Arc;

use ratatui::crossterm::event::KeyEvent;

use super::app::App;
use super::keymap;
use crate::lesson::Library;
use crate::quiz::session::Filter;
use crate::search::{Index, hangul, matcher};

pub use crate::links::glossary::{Link, Target, links};

/// The glossary screen's state.
#[derive(Debug, Clone)]
pub struct GlossaryView {
    /// Typed filter.
    pub filter: super::text_input::TextInput,
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

    /// Moves the selection in the focused list by `step`; returns whether the term changed.
    fn move_by(&mut self, step: isize, terms: usize) -> bool {
        let clamp = |at: usize, n: usize| at.saturating_add_signed(step).min(n.saturating_sub(1));
        if self.links_focus {
            self.link_selected = clamp(self.link_selected, self.links.len());
            false
        } else {
            self.selected = clamp(self.selected, terms);
            true
        }
    }

    /// Applies the filter: every spelling of a term, with 초성 and spaces optional.
    pub(super) fn refilter(&mut self, library: &Library) {
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
            filter: super::text_input::TextInput::default(),
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
        let english = self.lang == crate::strings::Lang::En;
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

    /// A key while the glossary screen is open: editing keys go to the filter (unless the links
    /// have focus), the rest to the glossary's key map.
    pub fn glossary_key(&mut self, key: &KeyEvent) {
        use super::text_input::{Edit, edit};
        let Some(g) = self.glossary.as_mut() else {
            return;
        };
        let n = g.list.len();
        let action = keymap::lookup(&[keymap::Context::Glossary], key);
        // With the links in focus, ←/→ go back to the terms; typing still filters.
        let typed = if g.links_focus && action.is_some() {
            Edit::Ignored
        } else {
            edit(&mut g.filter, key)
        };
        let mut relink = false;
        match (typed, action) {
            (Edit::Changed, _) => {
                g.links_focus = false;
                g.refilter(&self.library);
                relink = true;
            }
            (Edit::Ignored, Some(keymap::Action::Quit)) => self.quit = true,
            (Edit::Ignored, Some(keymap::Action::Cancel)) => {
                if g.links_focus {
                    g.links_focus = false;
                } else if !g.filter.is_empty() {
                    g.filter.clear();
                    g.refilter(&self.library);
                    relink = true;
                } else {
                    self.glossary = None;
                }
            }
            (Edit::Ignored, Some(keymap::Action::FocusToc)) => {
                g.links_focus = !g.links_focus && !g.links.is_empty();
            }
            (Edit::Ignored, Some(keymap::Action::Open)) => {
                if g.links_focus {
                    if let Some(link) = g.links.get(g.link_selected).cloned() {
                        self.follow(link.target);
                    }
                } else {
                    g.links_focus = !g.links.is_empty();
                }
            }
            (Edit::Ignored, Some(a @ (keymap::Action::Down | keymap::Action::Up))) => {
                let step: isize = if a == keymap::Action::Down { 1 } else { -1 };
                relink = g.move_by(step, n);
            }
            (Edit::Ignored, Some(a @ (keymap::Action::PageDown | keymap::Action::PageUp))) => {
                let step: isize = if a == keymap::Action::PageDown {
                    10
                } else {
                    -10
                };
                relink = g.move_by(step, n);
            }
            // Only the cursor moved, or a key the glossary does not use.
            _ => {}
        }
        if relink {
            self.refresh_links();
        }
    }

    /// Opens a link's target; the glossary closes until Back from that screen.
    fn follow(&mut self, target: Target) {
        let parked = self.glossary.take();
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
                self.start_session(&ids, &Filter::default(), label);
            }
            Target::Preset(id) => {
                self.ensure_presets();
                if let Some(i) = self.presets.iter().position(|p| p.id() == id) {
                    self.open_sim(i);
                }
            }
        }
        self.park_glossary(parked);
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
        match keymap::lookup(&[keymap::Context::Define], key) {
            Some(keymap::Action::Down) => d.selected = (d.selected + 1) % n,
            Some(keymap::Action::Up) => d.selected = (d.selected + n - 1) % n,
            Some(keymap::Action::Open) => {
                let term = d.terms[d.selected];
                let id = self.library.glossary.terms[term].id.clone();
                self.define = None;
                self.open_glossary(Some(&id));
            }
            _ => self.define = None,
        }
    }
}
