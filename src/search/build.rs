//! Building the search index over the library, the question banks and the simulation presets.

use std::sync::Arc;

use crate::lesson::Library;
use crate::quiz::{Bank, BankSource};
use crate::search::{Index, PresetDoc};
use crate::sims;
use crate::strings::Lang;

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

    /// Keeps a built index.
    pub fn set(&mut self, index: Arc<Index>) {
        self.0 = Some(index);
    }
}

/// The search index built on a background thread, for the palette to open at once on content
/// too large to index within a frame (16× the shipped lessons take ~1 s). Start it once the
/// banks are loaded (the index needs them); [`IndexBuilder::try_take`] hands it over when done.
#[derive(Debug)]
pub struct IndexBuilder(std::sync::mpsc::Receiver<Index>);

impl IndexBuilder {
    /// Builds the index of `library`, `bank` and `presets` (owned copies: the thread outlives
    /// the caller's borrow; the embedded lessons' bodies are borrowed from the binary, so a
    /// copy of the library is small).
    pub fn start(library: Library, bank: Bank, presets: Vec<PresetDoc>) -> Self {
        let (tx, rx) = std::sync::mpsc::channel();
        let job = move || {
            let _ = tx.send(Index::build(&library, &bank, &presets));
        };
        let _ = std::thread::Builder::new()
            .name("gureum-search-index".into())
            .spawn(job);
        Self(rx)
    }

    /// The index, once built (handed over once).
    pub fn try_take(&self) -> Option<Index> {
        self.0.try_recv().ok()
    }

    /// Waits for the index (Ctrl-K before it is done; `None` if the thread failed to start).
    pub fn wait(self) -> Option<Index> {
        self.0.recv().ok()
    }
}
