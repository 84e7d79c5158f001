//! Shared data the app loads on demand for its screens: the question banks, the simulation
//! presets and the search index. Screens read it through the context.
//!
//! Nothing heavy runs on the UI thread while a key waits. The run loop sets
//! [`Banks::background`]; after the first frame [`Data::idle`] starts the banks (compiled ones
//! decoded, a user's `--quiz-dir` parsed as TOML) and the presets (each preset's simulation is
//! run once to check it, ~30 ms) on threads, and takes them when they arrive. A lesson opens at
//! once without them (its section line fills in when they come); a screen that needs the banks
//! waits behind a loading line ([`Data::pending`]) and opens when they arrive. The search index
//! of a user's content is built on a thread too ([`Live`]), and the palette answers from the part
//! built so far. Without `background` (tests that drive the app without its run loop) everything
//! loads on the calling thread when first needed, as before.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender};

use crate::lesson::Library;
use crate::quiz::{Bank, BankLoader, BankSource};
use crate::search::Index;
use crate::search::build::{IndexSlot, Live};
use crate::ui::screen::Open;

/// What the app loads when a screen first needs it.
#[derive(Debug, Default)]
pub struct Data {
    /// Where question banks come from, and the banks on their way.
    pub banks: Banks,
    /// Question banks (loaded after the first frame, to keep start-up fast).
    pub bank: Option<Bank>,
    /// Simulation presets (loaded when first needed).
    pub presets: Vec<crate::sims::Preset>,
    /// The simulation opened last (the list starts there).
    pub sims_selected: usize,
    /// The search index (built when search or the glossary is first opened).
    pub search_index: IndexSlot,
    /// A screen asked for while the banks were on their way: opened when they arrive.
    pub pending: Option<Open>,
    /// The presets on their way (started with the banks).
    presets_loader: Option<Receiver<Vec<crate::sims::Preset>>>,
    /// The search index being built on a thread (a user's content).
    building: Option<Arc<Live>>,
    /// Hands the banks to the index build when they arrive after it started.
    index_bank: Option<Sender<Bank>>,
}

impl Data {
    /// Loads the question banks now if they are not yet; returns how many bank files had
    /// problems (the rest still load).
    pub fn load_bank(&mut self) -> usize {
        if self.bank.is_some() {
            return 0;
        }
        let bank = self.banks.take(true);
        self.keep(bank)
    }

    /// Whether the banks are loading on a thread and not here yet (a screen that needs them
    /// waits in [`Data::pending`] rather than blocking the UI thread).
    pub fn banks_on_the_way(&self) -> bool {
        self.bank.is_none() && self.banks.background && self.banks.loader.is_some()
    }

    /// Takes what has arrived (banks, presets, a finished index), starting the loaders on the
    /// first call: whether everything is here (the run loop then stops calling), and how many
    /// bank files had problems.
    pub fn idle(&mut self) -> (bool, usize) {
        if self.banks.background && self.presets.is_empty() && self.presets_loader.is_none() {
            // The presets load on the banks' thread after them (one thread, one allocator
            // arena); on their own thread if the banks are already here or on their way.
            if self.bank.is_none() && self.banks.loader.is_none() {
                let (tx, rx) = std::sync::mpsc::channel();
                self.banks.loader = Some(BankLoader::start_thread_then(
                    self.banks.source.clone(),
                    move || {
                        let _ = tx.send(crate::sims::all_presets());
                    },
                ));
                self.presets_loader = Some(rx);
            } else {
                self.presets_loader = Some(start_presets());
            }
        }
        self.take_presets(false);
        let mut problems = 0;
        if self.bank.is_none() {
            let bank = self.banks.take(false);
            problems = self.keep(bank);
        }
        if let Some(index) = self.building.as_ref().and_then(|l| l.finished()) {
            self.search_index.set(index);
            self.building = None;
        }
        let done = self.bank.is_some() && self.presets_loader.is_none() && self.building.is_none();
        (done, problems)
    }

    /// Whether work is under way on a thread that [`Data::idle`] should take when done.
    pub fn busy(&self) -> bool {
        self.building.is_some() || self.presets_loader.is_some() || self.banks_on_the_way()
    }

    fn keep(&mut self, bank: Option<Bank>) -> usize {
        let problems = bank.as_ref().map_or(0, |b| b.problems.len());
        if let Some(bank) = bank {
            if let Some(tx) = self.index_bank.take() {
                let _ = tx.send(bank.clone());
            }
            self.bank = Some(bank);
        }
        problems
    }

    /// Loads the simulation presets once (waiting for them if they are on their way).
    pub fn ensure_presets(&mut self) {
        if self.presets.is_empty() {
            self.take_presets(true);
        }
        if self.presets.is_empty() {
            self.presets = crate::sims::all_presets();
        }
    }

    /// Takes the presets if they have arrived (or waits for them when `wait`).
    fn take_presets(&mut self, wait: bool) {
        let Some(rx) = &self.presets_loader else {
            return;
        };
        let got = if wait {
            rx.recv().ok()
        } else {
            match rx.try_recv() {
                Ok(p) => Some(p),
                Err(std::sync::mpsc::TryRecvError::Empty) => return,
                Err(std::sync::mpsc::TryRecvError::Disconnected) => None,
            }
        };
        self.presets_loader = None;
        if let Some(p) = got {
            self.presets = p;
        }
    }

    /// What a lesson opened now can use: with [`Banks::background`], the loaders are started
    /// and whatever has arrived is taken (the reader's section line fills in when the rest
    /// comes); without, everything is loaded now.
    pub fn for_lesson(&mut self) -> usize {
        if !self.banks.background {
            self.ensure_presets();
            return self.load_bank();
        }
        self.idle().1
    }

    /// The search index, built now (with the banks) if it is not yet; waits for a background
    /// build to finish (the glossary needs every link).
    pub fn index(&mut self, library: &Library) -> Arc<Index> {
        if let Some(index) = self.search_index.ready() {
            return Arc::clone(index);
        }
        // Before waiting for a background build: it may be waiting for the banks.
        self.load_bank();
        if let Some(live) = self.building.take()
            && let Some(index) = live.wait()
            && index.building.is_none()
        {
            self.search_index.set(Arc::clone(&index));
            return index;
        }
        self.ensure_presets();
        let index = build_index(library, self.bank.as_ref(), &self.presets);
        self.search_index.set(Arc::clone(&index));
        index
    }

    /// The screen that waited for the banks, once they are here (or now, when `wait`: the
    /// caller then waits for them).
    pub fn take_pending(&mut self, wait: bool) -> Option<Open> {
        if wait || self.bank.is_some() {
            self.pending.take()
        } else {
            None
        }
    }

    /// Loads (or starts loading) what opening `open` needs: the banks' problem count and the
    /// search index a palette or glossary reads. `None` when the screen needs the banks and
    /// they are still on their way (the app keeps it pending and opens it when they arrive).
    pub fn prepare_open(
        &mut self,
        open: &Open,
        library: &Library,
    ) -> Option<(usize, Option<Arc<Index>>)> {
        let needs_bank = crate::ui::screens::needs_bank(open);
        let problems = if matches!(open, Open::Lesson(..) | Open::Found(..)) {
            // A lesson opens without waiting: its section line fills in when the banks and
            // presets arrive (see `for_lesson`).
            self.for_lesson()
        } else if needs_bank && self.banks_on_the_way() {
            return None;
        } else {
            self.ensure_presets();
            if needs_bank { self.load_bank() } else { 0 }
        };
        let index = match open {
            Open::Palette => Some(self.palette_index(library)),
            Open::Glossary(_) => Some(self.index(library)),
            _ => None,
        };
        if let Open::Sim(i) = open {
            self.sims_selected = *i;
        }
        Some((problems, index))
    }

    /// The search index for the palette: the whole index when it is built or quick to get (the
    /// shipped content has a prebuilt one); for a user's content, the part a background build
    /// has made so far (the palette follows the build, see [`Index::building`]).
    pub fn palette_index(&mut self, library: &Library) -> Arc<Index> {
        if let Some(index) = self.search_index.ready() {
            return Arc::clone(index);
        }
        if let Some(live) = &self.building {
            if let Some(index) = live.finished() {
                self.building = None;
                self.search_index.set(Arc::clone(&index));
                return index;
            }
            if let Some(index) = live.latest() {
                return index;
            }
        }
        let shipped = self.banks.source == BankSource::Embedded
            && library
                .lessons
                .iter()
                .all(|l| matches!(l.body, std::borrow::Cow::Borrowed(_)));
        if !self.banks.background || shipped {
            return self.index(library);
        }
        self.ensure_presets();
        let presets = crate::search::build::preset_docs(&self.presets);
        let (tx, rx) = std::sync::mpsc::channel();
        if let Some(bank) = &self.bank {
            let _ = tx.send(bank.clone());
        } else {
            // The banks go to the build when they arrive (see `keep`).
            self.index_bank = Some(tx);
            let bank = self.banks.take(false);
            self.keep(bank);
        }
        if let Some(live) = Live::start(library.clone(), rx, presets) {
            let index = live.latest();
            self.building = Some(live);
            index.unwrap_or_else(|| self.index(library))
        } else {
            self.index_bank = None;
            self.index(library)
        }
    }
}

/// Loads every simulation preset on a thread (each preset's simulation runs once).
fn start_presets() -> Receiver<Vec<crate::sims::Preset>> {
    let (tx, rx) = std::sync::mpsc::channel();
    let job = {
        let tx = tx.clone();
        move || {
            let _ = tx.send(crate::sims::all_presets());
        }
    };
    if std::thread::Builder::new()
        .name("gureum-presets".into())
        .spawn(job)
        .is_err()
    {
        let _ = tx.send(crate::sims::all_presets());
    }
    rx
}

/// Where the question banks come from and, while they load, the loader.
#[derive(Debug)]
pub struct Banks {
    /// Where question banks come from.
    pub source: BankSource,
    /// The banks on their way.
    pub loader: Option<BankLoader>,
    /// Load on threads (the run loop sets it): the shipped banks' decoding too, so the first
    /// key never waits for it.
    pub background: bool,
}

impl Default for Banks {
    fn default() -> Self {
        Self {
            source: BankSource::Embedded,
            loader: None,
            background: false,
        }
    }
}

impl Banks {
    /// The banks: waited for when `wait`, else only if they have arrived (starting the loader
    /// on the first call). Practice started before they arrive waits for them.
    pub fn take(&mut self, wait: bool) -> Option<Bank> {
        if wait {
            return Some(match self.loader.take() {
                Some(loader) => loader.wait(),
                None => Bank::load(&self.source),
            });
        }
        let (source, background) = (&self.source, self.background);
        let loader = self.loader.get_or_insert_with(|| {
            if background {
                BankLoader::start_thread(source.clone())
            } else {
                BankLoader::start(source.clone())
            }
        });
        let bank = loader.try_take()?;
        self.loader = None;
        Some(bank)
    }
}

/// The search index over the lessons, `bank` (none yet: an empty one) and `presets`.
pub fn build_index(
    library: &Library,
    bank: Option<&Bank>,
    presets: &[crate::sims::Preset],
) -> Arc<Index> {
    let empty = Bank::default();
    let docs = crate::search::build::preset_docs(presets);
    Arc::new(Index::build(library, bank.unwrap_or(&empty), &docs))
}
