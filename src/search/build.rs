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
