//! Shared data the app loads on demand for its screens: the question banks (after the first
//! frame, or on a thread for a user's `--quiz-dir`), the simulation presets and the search
//! index. Screens read it through the context.

use std::sync::Arc;

use crate::lesson::Library;
use crate::quiz::{Bank, BankLoader, BankSource};
use crate::search::Index;
use crate::search::build::IndexSlot;

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

    /// Takes the banks if they have arrived: whether they are here, and how many bank files
    /// had problems.
    pub fn idle(&mut self) -> (bool, usize) {
        if self.bank.is_some() {
            return (true, 0);
        }
        let bank = self.banks.take(false);
        let problems = self.keep(bank);
        (self.bank.is_some(), problems)
    }

    fn keep(&mut self, bank: Option<Bank>) -> usize {
        let problems = bank.as_ref().map_or(0, |b| b.problems.len());
        if bank.is_some() {
            self.bank = bank;
        }
        problems
    }

    /// Loads the simulation presets once.
    pub fn ensure_presets(&mut self) {
        if self.presets.is_empty() {
            self.presets = crate::sims::all_presets();
        }
    }

    /// The search index, built now (with the banks) if it is not yet.
    pub fn index(&mut self, library: &Library) -> Arc<Index> {
        if let Some(index) = self.search_index.ready() {
            return Arc::clone(index);
        }
        self.load_bank();
        let index = build_index(library, self.bank.as_ref());
        self.search_index.set(Arc::clone(&index));
        index
    }
}

/// Where the question banks come from and, while they load, the loader.
#[derive(Debug)]
pub struct Banks {
    /// Where question banks come from.
    pub source: BankSource,
    /// The banks on their way (a user's `--quiz-dir` loads on a thread; the shipped banks are
    /// compiled and arrive at once).
    pub loader: Option<BankLoader>,
}

impl Default for Banks {
    fn default() -> Self {
        Self {
            source: BankSource::Embedded,
            loader: None,
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
        let source = &self.source;
        let loader = self
            .loader
            .get_or_insert_with(|| BankLoader::start(source.clone()));
        let bank = loader.try_take()?;
        self.loader = None;
        Some(bank)
    }
}

/// The search index over the lessons, `bank` (none yet: an empty one) and the simulations.
pub fn build_index(library: &Library, bank: Option<&Bank>) -> Arc<Index> {
    let empty = Bank::default();
    let docs = crate::search::build::preset_docs(&crate::sims::all_presets());
    Arc::new(Index::build(library, bank.unwrap_or(&empty), &docs))
}
