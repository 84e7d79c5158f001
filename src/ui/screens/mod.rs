//! The screens on the app's stack, one file each: the screen's state, its `update` and its
//! `render` side by side (see [`super::screen`] for the parts they share).
//!
//! Screens not yet moved here keep their state in `App`'s slots and draw from `view/`.

pub mod exam;
pub mod exam_menu;
pub mod help;
pub mod picker;
pub mod practice;
pub mod practice_menu;
pub mod readiness;
pub mod replace;
pub mod sim;
pub mod sim_list;

use super::screen::Effect;

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
