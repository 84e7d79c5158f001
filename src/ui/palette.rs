//! The search palette (Ctrl-K anywhere, `/` on the home screen): one query over everything,
//! results grouped by kind, Enter opens the exact spot.
//!
//! The index is built when the palette (or the glossary) is first opened; see [`IndexSlot`].

use std::sync::Arc;

use ratatui::crossterm::event::KeyEvent;

use super::app::{App, Message};
use super::keymap::{self, Action, Context};
use crate::quiz::Bank;
use crate::quiz::session::Filter;
use crate::search::locate::Spot;
use crate::search::{Group, GroupHits, Index, Kind};
use crate::sims;

/// Results kept per group in the palette.
pub const PER_GROUP: usize = 5;

pub use crate::search::build::{IndexSlot, build_index, preset_docs};

/// One row of the result list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// A group heading with the group's total.
    Header(Group, usize),
    /// A hit: index into `groups`, then into its hits.
    Hit(usize, usize),
}

/// The palette's state.
#[derive(Debug, Clone)]
pub struct Palette {
    /// What is typed.
    pub input: super::text_input::TextInput,
    /// Results of `input`.
    pub groups: Vec<GroupHits>,
    /// Rows to draw, headings and hits.
    pub rows: Vec<Row>,
    /// The selected row (always a hit when there is one).
    pub selected: usize,
    /// The index the results refer to.
    pub index: Arc<Index>,
}

impl Palette {
    /// An empty palette over `index`.
    pub fn new(index: Arc<Index>) -> Self {
        Self {
            input: super::text_input::TextInput::default(),
            groups: Vec::new(),
            rows: Vec::new(),
            selected: 0,
            index,
        }
    }

    /// Runs the query again and selects the first hit.
    pub fn refresh(&mut self) {
        self.groups = self.index.search(&self.input, PER_GROUP);
        self.rows.clear();
        for (g, group) in self.groups.iter().enumerate() {
            if group.hits.is_empty() {
                continue;
            }
            self.rows.push(Row::Header(group.group, group.total));
            self.rows
                .extend((0..group.hits.len()).map(|h| Row::Hit(g, h)));
        }
        self.selected = self.first_hit().unwrap_or(0);
    }

    fn first_hit(&self) -> Option<usize> {
        self.rows.iter().position(|r| matches!(r, Row::Hit(..)))
    }

    /// Moves the selection by `delta` hits, skipping headings.
    pub fn move_by(&mut self, delta: isize) {
        let hits: Vec<usize> = (0..self.rows.len())
            .filter(|&i| matches!(self.rows[i], Row::Hit(..)))
            .collect();
        let Some(now) = hits.iter().position(|&i| i == self.selected) else {
            return;
        };
        let next = now
            .saturating_add_signed(delta)
            .min(hits.len().saturating_sub(1));
        self.selected = hits[next];
    }

    /// The selected hit's document index.
    pub fn selected_doc(&self) -> Option<(usize, &crate::search::Hit)> {
        match self.rows.get(self.selected) {
            Some(Row::Hit(g, h)) => {
                let hit = self.groups.get(*g)?.hits.get(*h)?;
                Some((hit.doc, hit))
            }
            _ => None,
        }
    }

    /// Number of hits shown.
    pub fn hit_count(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| matches!(r, Row::Hit(..)))
            .count()
    }
}

/// Whether `key` opens the palette on every screen (Ctrl-K in the key map), before any screen
/// or typing box sees it.
pub fn is_palette_key(key: &KeyEvent) -> bool {
    keymap::lookup(&[Context::Global], key) == Some(Action::Palette)
}

impl App {
    /// The search index, built now if it is not yet.
    pub fn search_index(&mut self) -> Arc<Index> {
        if let Some(index) = self.search_index.ready() {
            return Arc::clone(index);
        }
        self.load_bank();
        let empty = Bank::default();
        let bank = self.bank.as_ref().unwrap_or(&empty);
        let index = Arc::new(Index::build(
            &self.library,
            bank,
            &preset_docs(&sims::all_presets()),
        ));
        self.search_index.set(Arc::clone(&index));
        index
    }

    /// Opens the search palette over the current screen.
    pub fn open_palette(&mut self) {
        let index = self.search_index();
        let mut palette = Palette::new(index);
        palette.refresh();
        self.palette = Some(palette);
    }

    /// A key while the palette is open: editing keys go to the box, the rest to its key map.
    pub fn palette_key(&mut self, key: &KeyEvent) {
        use super::text_input::{Edit, edit};
        let Some(p) = self.palette.as_mut() else {
            return;
        };
        if is_palette_key(key) {
            self.palette = None;
            return;
        }
        match edit(&mut p.input, key) {
            Edit::Changed => p.refresh(),
            Edit::Moved => {}
            Edit::Ignored => match keymap::lookup(&[Context::Palette], key) {
                Some(Action::Cancel) => self.palette = None,
                Some(Action::Quit) => self.quit = true,
                Some(Action::Confirm) => self.palette_open(),
                Some(Action::Down) => p.move_by(1),
                Some(Action::Up) => p.move_by(-1),
                Some(Action::PageDown) => p.move_by(5),
                Some(Action::PageUp) => p.move_by(-5),
                _ => {}
            },
        }
    }

    /// Opens the selected result: the reader at the spot, the question, the preset, the term.
    fn palette_open(&mut self) {
        let Some(p) = self.palette.take() else { return };
        let Some((doc_index, hit)) = p.selected_doc() else {
            self.palette = Some(p);
            return;
        };
        let doc = &p.index.docs[doc_index];
        // What opens goes over this screen: Back returns here.
        match doc.kind {
            Kind::Lesson | Kind::Section | Kind::Paragraph => {
                let Some(li) = doc.lesson else { return };
                let spot = match doc.kind {
                    Kind::Lesson => Some(Spot::default()),
                    Kind::Paragraph => {
                        let at = hit.ranges.first().map_or(0, |r| r.start);
                        Some(Spot::new(&doc.text[0], at))
                    }
                    _ => None,
                };
                let anchor = doc.anchor.clone();
                self.open_lesson(li);
                if let Some(r) = self.reader.as_mut() {
                    r.jump_anchor = anchor;
                    r.jump_text = spot;
                }
                if self.area.width > 0 {
                    self.prepare(self.area);
                }
            }
            Kind::Question => {
                let label = self.lang.pick("검색한 문제", "Found question").to_owned();
                let id = doc.id.clone();
                self.start_session(&[id], &Filter::default(), label);
            }
            Kind::Simulation => {
                let id = doc.id.clone();
                self.ensure_presets();
                if let Some(i) = self.presets.iter().position(|p| p.id() == id) {
                    self.open_sim(i);
                }
            }
            Kind::Term => {
                let id = doc.id.clone();
                self.open_glossary(Some(&id));
            }
        }
    }

    /// Shows `text` in the status bar.
    pub(super) fn note(&mut self, text: String, warning: bool) {
        self.message = Some(Message { text, warning });
    }
}
