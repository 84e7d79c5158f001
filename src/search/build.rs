//! Building the search index over the library, the question banks and the simulation presets.

use std::sync::mpsc::Receiver;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

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
/// too large to index within a frame (a user's `--content-dir`/`--quiz-dir`: 16× the shipped
/// lessons take ~1 s). The palette answers from the part built so far: after each lesson (at
/// most every [`Live::EVERY`]) the thread publishes a copy of the index so far, and the last
/// copy is the whole index. Lessons come first; the questions wait for the banks (handed over
/// through a channel when they arrive, so Ctrl-K during start-up does not wait for them).
#[derive(Debug)]
pub struct Live {
    state: Mutex<LiveState>,
    cond: Condvar,
    /// How many lessons there are to index.
    pub lessons: usize,
}

#[derive(Debug, Default)]
struct LiveState {
    /// The index so far (the whole index once `finished`).
    latest: Option<Arc<Index>>,
    lessons_done: usize,
    finished: bool,
}

impl Live {
    /// How often at most a part of the index is published while it is built.
    pub const EVERY: Duration = Duration::from_millis(100);

    /// Starts building the index of `library`, the banks `bank` sends (a closed channel: no
    /// questions) and `presets` on a thread; `None` if no thread could be started.
    pub fn start(
        library: Library,
        bank: Receiver<Bank>,
        presets: Vec<PresetDoc>,
    ) -> Option<Arc<Self>> {
        let live = Arc::new(Self {
            state: Mutex::new(LiveState::default()),
            cond: Condvar::new(),
            lessons: library.lessons.len(),
        });
        live.lock().latest = Some(Arc::new(Index::empty(Arc::clone(&live))));
        let shared = Arc::clone(&live);
        let job = move || {
            let _finish = Finish(Arc::clone(&shared));
            let mut last: Option<Instant> = None;
            let index = Index::build_parts(
                &library,
                || bank.recv().ok(),
                &presets,
                |done, index| {
                    let due =
                        done == shared.lessons || last.is_none_or(|t| t.elapsed() >= Self::EVERY);
                    let part = due.then(|| Arc::new(index.snapshot(Arc::clone(&shared))));
                    if due {
                        last = Some(Instant::now());
                    }
                    let mut state = shared.lock();
                    state.lessons_done = done;
                    if let Some(part) = part {
                        state.latest = Some(part);
                    }
                },
            );
            let mut state = shared.lock();
            state.latest = Some(Arc::new(index));
            state.lessons_done = shared.lessons;
        };
        std::thread::Builder::new()
            .name("gureum-search-index".into())
            .spawn(job)
            .ok()?;
        Some(live)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, LiveState> {
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The index so far (the whole index once the build is finished).
    pub fn latest(&self) -> Option<Arc<Index>> {
        self.lock().latest.clone()
    }

    /// The whole index, if the build is finished.
    pub fn finished(&self) -> Option<Arc<Index>> {
        let state = self.lock();
        if state.finished {
            state.latest.clone()
        } else {
            None
        }
    }

    /// Lessons indexed so far and in all, while the build runs (`None` once it is finished).
    pub fn progress(&self) -> Option<(usize, usize)> {
        let state = self.lock();
        (!state.finished).then_some((state.lessons_done, self.lessons))
    }

    /// Waits for the whole index (the glossary needs every link); the part built so far if the
    /// build thread died.
    pub fn wait(&self) -> Option<Arc<Index>> {
        let mut state = self.lock();
        while !state.finished {
            state = self
                .cond
                .wait(state)
                .unwrap_or_else(std::sync::PoisonError::into_inner);
        }
        state.latest.clone()
    }
}

/// Marks the build finished when the build thread ends, also by a panic (so nothing waits
/// forever for it).
struct Finish(Arc<Live>);

impl Drop for Finish {
    fn drop(&mut self) {
        self.0.lock().finished = true;
        self.0.cond.notify_all();
    }
}
