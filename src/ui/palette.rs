//! The search palette (Ctrl-K anywhere, `/` on the home screen): one query over everything,
//! results grouped by kind, Enter opens the exact spot.
//!
//! The index is built when the palette (or the glossary) is first opened; see [`IndexSlot`].

use std::sync::Arc;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::app::{App, Message, Screen};
use super::keymap::{self, Action, Context};
use super::sims;
use super::strings::Lang;
use crate::lesson::Library;
use crate::quiz::session::Filter;
use crate::quiz::{Bank, BankSource};
use crate::search::locate::Spot;
use crate::search::{Group, GroupHits, Index, Kind, PresetDoc};

/// Results kept per group in the palette.
pub const PER_GROUP: usize = 5;

/// The simulation presets as the search index sees them.
pub fn preset_docs(presets: &[sims::Preset]) -> Vec<PresetDoc> {
    presets
        .iter()
        .map(|p| PresetDoc {
            id: p.id().to_owned(),
            title: p.title(Lang::Ko).to_owned(),
            title_en: p.title(Lang::En).to_owned(),
            description: {
                let [ko, en] = [Lang::Ko, Lang::En]
                    .map(|l| format!("{} {}", p.description(l), p.challenge(l)));
                if ko == en { ko } else { format!("{ko} {en}") }
            },
            topic: match p.topic() {
                "lambda" => "Lambda".to_owned(),
                "dynamodb" => "DynamoDB".to_owned(),
                other => other.to_owned(),
            },
        })
        .collect()
}

/// Builds the index of `library`, the banks of `banks` and every simulation preset.
pub fn build_index(library: &Library, banks: &BankSource) -> Index {
    let bank = Bank::load(banks);
    Index::build(library, &bank, &preset_docs(&sims::all_presets()))
}

/// The search index, once built.
///
/// It is built on first use (Ctrl-K, the glossary), not at start-up: the first frame does not
/// wait for it, and a session that never searches does not pay for it (parsing the question
/// banks is most of its cost, in time and memory). The banks it parses are the app's own, so
/// practice after a search loads nothing again. A background thread was tried and dropped: the
/// build takes tens of milliseconds, and the thread's freed memory stayed in its own allocator
/// arena, adding several MiB to the peak.
#[derive(Debug, Default)]
pub struct IndexSlot(Option<Arc<Index>>);

impl IndexSlot {
    /// The index if it is built.
    pub fn ready(&self) -> Option<&Arc<Index>> {
        self.0.as_ref()
    }
}

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
    pub input: String,
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
            input: String::new(),
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
        self.search_index = IndexSlot(Some(Arc::clone(&index)));
        index
    }

    /// Opens the search palette over the current screen.
    pub fn open_palette(&mut self) {
        let index = self.search_index();
        let mut palette = Palette::new(index);
        palette.refresh();
        self.palette = Some(palette);
    }

    /// A key while the palette is open.
    pub fn palette_key(&mut self, key: &KeyEvent) {
        let Some(p) = self.palette.as_mut() else {
            return;
        };
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Esc => self.palette = None,
            _ if is_palette_key(key) => self.palette = None,
            KeyCode::Char('c') if ctrl => self.quit = true,
            KeyCode::Enter => self.palette_open(),
            KeyCode::Down => p.move_by(1),
            KeyCode::Up => p.move_by(-1),
            KeyCode::Char('n') if ctrl => p.move_by(1),
            KeyCode::Char('p') if ctrl => p.move_by(-1),
            KeyCode::PageDown | KeyCode::Tab => p.move_by(5),
            KeyCode::PageUp | KeyCode::BackTab => p.move_by(-5),
            KeyCode::Backspace => {
                // One character, so a syllable typed with an IME goes away whole.
                p.input.pop();
                p.refresh();
            }
            KeyCode::Char('u') if ctrl => {
                p.input.clear();
                p.refresh();
            }
            KeyCode::Char('w') if ctrl => {
                let keep = p.input.trim_end().rfind(' ').map_or(0, |i| i + 1);
                p.input.truncate(keep);
                p.refresh();
            }
            KeyCode::Char(c)
                if !ctrl && !key.modifiers.contains(KeyModifiers::ALT) && !c.is_control() =>
            {
                p.input.push(c);
                p.refresh();
            }
            _ => {}
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
        // Back from what opens returns to this screen, unless it is the screen being replaced.
        let from = match self.screen {
            Screen::Practice | Screen::Exam | Screen::Sim | Screen::Sims => Screen::Home,
            s => s,
        };
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
                self.start_session(&[id], &Filter::default(), label, from);
            }
            Kind::Simulation => {
                let id = doc.id.clone();
                self.open_sims(from);
                if let Some(i) = self.presets.iter().position(|p| p.id() == id) {
                    self.open_sim(i, false);
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
