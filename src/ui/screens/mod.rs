//! The screens on the app's stack, one file each: the screen's state, its `update` and its
//! `render` side by side (see [`super::screen`] for the parts they share).
//!
//! Screens not yet moved here keep their state in `App`'s slots and draw from `view/`.

pub mod exam_menu;
pub mod practice_menu;
pub mod sim_list;

/// The row after `selected` in a list of `n`, stopping at the last.
pub(super) fn next_row(selected: usize, n: usize) -> usize {
    (selected + 1).min(n.saturating_sub(1))
}
