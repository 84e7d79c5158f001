//! The screens on the app's stack, one file (or folder) each: the screen's state, its `update`
//! and its `render` side by side (see [`super::screen`] for the parts they share).
//!
//! Full screens: `home` (the bottom of the stack), `reader`, `glossary`, `sim_list`, `sim`,
//! `replace`, `practice_menu`, `practice`, `exam_menu`, `exam`. Overlays, drawn over the screen
//! below them: `help`, `palette`, `settings`, `define`, `picker`. [`open`] builds the screen an
//! [`Open`] names from the context and what the app hands over ([`Given`]).

pub mod define;
pub mod exam;
pub mod exam_menu;
pub mod glossary;
pub mod help;
pub mod home;
pub mod palette;
pub mod picker;
pub mod practice;
pub mod practice_menu;
pub mod reader;
pub mod readiness;
pub mod replace;
pub mod settings;
pub mod sim;
pub mod sim_list;

use std::sync::Arc;

use super::keymap::{self, Action, Context};
use super::screen::{Ctx, Effect, Open};
use crate::quiz::session::Filter;
use crate::search::Index;
use crate::store::Store;
use crate::strings::{Lang, Strings};

/// Remembers that simulation `id` was run (for the home screen's suggestions) and saves.
pub(super) fn tried(id: &str) -> Effect {
    let id = id.to_owned();
    Effect::Many(vec![
        Effect::Store(Box::new(move |store| {
            store.mark_sim_tried(&id);
        })),
        Effect::Save,
    ])
}

/// The row after `selected` in a list of `n`, stopping at the last.
pub(super) fn next_row(selected: usize, n: usize) -> usize {
    (selected + 1).min(n.saturating_sub(1))
}

/// What the app hands to [`open`] beside the context.
#[derive(Debug)]
pub struct Given {
    /// The search index (for the palette and the glossary).
    pub index: Option<Arc<Index>>,
    /// Whether a new reader shows its contents panel (as the reader in front does).
    pub toc_visible: bool,
    /// The key-map contexts of the layer in front (for help).
    pub contexts: Vec<Context>,
    /// The simulation opened last (the list starts there).
    pub sims_selected: usize,
}

/// Whether the screen `open` names needs the question banks.
pub fn needs_bank(open: &Open) -> bool {
    !matches!(
        open,
        Open::Sim(_)
            | Open::Sims
            | Open::Settings
            | Open::Palette
            | Open::Glossary(_)
            | Open::Define(..)
            | Open::Help
    )
}

/// Why `open` is refused now, if it is: while a timed exam runs (started, not submitted, time
/// left) the book is closed, as in the real exam: no lessons, search, glossary or practice.
pub fn closed_book(open: &Open, store: &Store, now_ms: u64, lang: Lang) -> Option<String> {
    let exam = store.running_exam()?;
    if exam.is_submitted() || exam.is_expired(now_ms) {
        return None;
    }
    let refused = matches!(
        open,
        Open::Lesson(..)
            | Open::Found(..)
            | Open::Palette
            | Open::Glossary(_)
            | Open::Define(..)
            | Open::Practice(..)
            | Open::Session(..)
            | Open::PracticeMenu
    );
    let key = keymap::active()
        .first_key(Context::Home, Action::Exams)
        .unwrap_or_default();
    refused.then(|| Strings::new(lang).closed_book(&key))
}

/// The screen `open` names, pushed over the one in front (or why it cannot open).
pub fn open(open: Open, ctx: &Ctx, given: Given) -> Effect {
    let push = |screen: Box<dyn super::screen::Screen>| Effect::Push(screen);
    match open {
        Open::Lesson(li, anchor) => lesson(li, anchor, None, ctx, given.toc_visible),
        Open::Found(li, anchor, spot) => lesson(li, anchor, spot, ctx, given.toc_visible),
        Open::Sim(i) => match ctx.presets.get(i) {
            Some(crate::sims::Preset::Cfn(_)) => {
                push(Box::new(replace::ReplaceScreen::new(i, ctx.lang)))
            }
            Some(preset) => push(Box::new(sim::SimScreen::new(crate::sims::Sim::new(
                i, preset,
            )))),
            None => Effect::None,
        },
        Open::Sims => push(Box::new(sim_list::SimList::new(given.sims_selected))),
        Open::Exam(choice, seed) => start_exam(ctx, choice, seed),
        Open::ResumeExam => resume_exam(ctx),
        Open::Settings => push(Box::<settings::SettingsScreen>::default()),
        Open::Practice(filter, label) => session(&[], &filter, label, ctx),
        Open::Session(ids, label) => session(&ids, &Filter::default(), label, ctx),
        Open::Palette => {
            let Some(index) = given.index else {
                return Effect::None;
            };
            let mut palette = palette::Palette::new(index);
            palette.refresh();
            push(Box::new(palette))
        }
        Open::Glossary(id) => {
            let Some(index) = given.index else {
                return Effect::None;
            };
            let view = glossary::GlossaryView::new(index, id.as_deref(), ctx);
            let empty = ctx.library.glossary.terms.is_empty().then(|| {
                Effect::note(ctx.lang.pick(
                    "용어집이 없어요 (콘텐츠 폴더에 glossary.toml이 없어요)",
                    "No glossary (the content folder has no glossary.toml)",
                ))
            });
            Effect::Many(vec![push(Box::new(view)), empty.unwrap_or_default()])
        }
        Open::Define(terms, toc_visible) => push(Box::new(define::Define {
            terms,
            selected: 0,
            toc_visible,
        })),
        Open::Help => push(Box::new(help::Help::new(given.contexts))),
        Open::PracticeMenu => push(Box::<practice_menu::PracticeMenu>::default()),
        Open::ExamMenu => push(Box::new(exam_menu::ExamMenu::new(ctx))),
    }
}

/// Lesson `li` in the reader where it was left, or at the anchor and spot given.
fn lesson(
    li: usize,
    anchor: Option<String>,
    spot: Option<crate::search::locate::Spot>,
    ctx: &Ctx,
    toc_visible: bool,
) -> Effect {
    if li >= ctx.library.lessons.len() {
        return Effect::None;
    }
    let mut reader = reader::Reader::open(li, ctx, toc_visible);
    reader.jump_anchor = anchor;
    reader.jump_text = spot;
    let id = ctx.library.lessons[li].meta.id.clone();
    Effect::Many(vec![
        Effect::Store(Box::new(move |store| store.set_last_lesson(&id))),
        Effect::Push(Box::new(reader)),
    ])
}

/// A practice session asking the questions `first` (e.g. due reviews) before drawing others
/// from `filter` (ten in all when `first` is empty).
fn session(first: &[String], filter: &Filter, label: String, ctx: &Ctx) -> Effect {
    let Some(bank) = ctx.bank else {
        return Effect::None;
    };
    // Each session draws differently; `gureum quiz --plain --seed` is the reproducible twin.
    let count = if first.is_empty() { 10 } else { first.len() };
    let practice =
        practice::Practice::with_first(bank, first, filter, count, ctx.now_ms, label, ctx.now_ms);
    if practice.items.is_empty() {
        return Effect::note(ctx.lang.pick(
            "이 레슨에는 아직 문제가 없어요",
            "No questions for this lesson yet",
        ));
    }
    Effect::Push(Box::new(practice))
}

/// A new exam from `choice`, drawn by `seed`, saved at once.
fn start_exam(ctx: &Ctx, choice: exam::Choice, seed: u64) -> Effect {
    let Some(bank) = ctx.bank else {
        return Effect::None;
    };
    let esl = ctx.store.progress().settings.exam_esl;
    let (screen, short) = exam::ExamScreen::start(bank, choice, esl, seed, ctx.now_ms);
    let warning = if short.is_empty() {
        Effect::None
    } else {
        let lead = ctx.lang.pick(
            "문제 은행에 문항이 모자란 영역:",
            "Not enough questions for:",
        );
        Effect::warn(format!("{lead} {}", short.join(", ")))
    };
    let save = screen.save();
    Effect::Many(vec![warning, Effect::Push(Box::new(screen)), save])
}

/// The saved exam where it was left (graded at once if its time ran out meanwhile).
fn resume_exam(ctx: &Ctx) -> Effect {
    let (Some(bank), Some(saved)) = (ctx.bank, ctx.store.running_exam().cloned()) else {
        return Effect::None;
    };
    match exam::ExamScreen::resume(bank, saved, ctx.now_ms) {
        Some(mut screen) => {
            let finished = screen.finished(bank, ctx.now_ms);
            Effect::Many(vec![Effect::Push(Box::new(screen)), finished])
        }
        None => Effect::warn(ctx.lang.pick(
            "저장된 시험을 이어 할 수 없어요 (문제 은행이 바뀌었어요)",
            "The saved exam no longer fits the question bank",
        )),
    }
}
