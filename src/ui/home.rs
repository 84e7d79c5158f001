//! The home screen's state: one list with "다음에 할 일" (next steps: continue reading, reviews
//! due, an untried simulation) on top, then the courses with their lessons.

use ratatui::layout::Rect;

use super::keymap::Action;
use crate::lesson::Library;
use crate::store::Store;

/// A row of the home list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// A course heading (not selectable).
    Course(usize),
    /// A lesson.
    Lesson(usize),
    /// The "다음에 할 일" heading (not selectable).
    Steps,
    /// Next step `i` (index into [`crate::ui::App::steps`]).
    Step(usize),
}

impl Row {
    /// Whether the selection can rest on the row.
    fn selectable(self) -> bool {
        matches!(self, Self::Lesson(_) | Self::Step(_))
    }
}

/// Screen areas of the home screen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HomeLayout {
    /// Title bar.
    pub title: Rect,
    /// The list: next steps, then courses and lessons.
    pub list: Rect,
    /// The details panel (zero when the terminal is narrow).
    pub details: Rect,
    /// Status bar.
    pub status: Rect,
}

impl HomeLayout {
    /// Computes the layout for `area`.
    pub fn new(area: Rect) -> Self {
        let crate::ui::layout::Bands {
            title,
            body,
            status,
        } = crate::ui::layout::Bands::of(area);
        let (list, details) = if area.width >= 80 {
            let list_w = (area.width * 11 / 20).max(40);
            (
                Rect {
                    width: list_w,
                    ..body
                },
                Rect {
                    x: body.x + list_w,
                    width: body.width.saturating_sub(list_w),
                    ..body
                },
            )
        } else {
            (body, Rect { width: 0, ..body })
        };
        Self {
            title,
            list,
            details,
            status,
        }
    }

    /// Rows of the list that fit inside its border.
    pub fn list_rows(&self) -> usize {
        usize::from(self.list.height.saturating_sub(2)).max(1)
    }
}

/// Home screen state.
#[derive(Debug, Clone)]
pub struct Home {
    /// Every row, courses and their lessons.
    pub rows: Vec<Row>,
    /// Selected row (always a lesson row when there are lessons).
    pub selected: usize,
    /// First visible row.
    pub offset: usize,
    /// Current layout.
    pub layout: HomeLayout,
}

impl Home {
    /// The home screen, with the last-read lesson selected.
    pub fn new(library: &Library, store: &Store) -> Self {
        let mut rows = Vec::with_capacity(library.courses.len() + library.lessons.len());
        for (ci, course) in library.courses.iter().enumerate() {
            rows.push(Row::Course(ci));
            rows.extend(course.lessons.iter().map(|&li| Row::Lesson(li)));
        }
        let mut home = Self {
            rows,
            selected: 0,
            offset: 0,
            layout: HomeLayout::default(),
        };
        let last = store
            .progress()
            .last_lesson
            .as_deref()
            .and_then(|id| library.lesson_index(id));
        match last {
            Some(li) => home.select_lesson(li),
            None => home.move_by(1),
        }
        home
    }

    /// Fits the list to `area`, keeping the selection visible.
    pub fn prepare(&mut self, area: Rect, _library: &Library) {
        self.layout = HomeLayout::new(area);
        let rows = self.layout.list_rows();
        // Show the heading above the first row of a group when scrolling up to it.
        let want_top = if self.selected > 0
            && self
                .rows
                .get(self.selected - 1)
                .is_some_and(|r| !r.selectable())
        {
            self.selected - 1
        } else {
            self.selected
        };
        if want_top < self.offset {
            self.offset = want_top;
        } else if self.selected >= self.offset + rows {
            self.offset = self.selected + 1 - rows;
        }
        self.offset = self.offset.min(self.rows.len().saturating_sub(rows));
    }

    /// The lesson under the selection.
    pub fn selected_lesson(&self) -> Option<usize> {
        match self.rows.get(self.selected) {
            Some(Row::Lesson(li)) => Some(*li),
            _ => None,
        }
    }

    /// The next step under the selection.
    pub fn selected_step(&self) -> Option<usize> {
        match self.rows.get(self.selected) {
            Some(Row::Step(i)) => Some(*i),
            _ => None,
        }
    }

    /// Selects next step `i`, if there is one.
    pub fn select_step(&mut self, i: usize) {
        if let Some(at) = self.rows.iter().position(|r| *r == Row::Step(i)) {
            self.selected = at;
        }
    }

    /// Fits the "다음에 할 일" rows to `n` steps, keeping the selection on the same lesson (or
    /// on the nearest step).
    pub fn set_steps(&mut self, n: usize) {
        let have = self
            .rows
            .iter()
            .filter(|r| matches!(r, Row::Step(_)))
            .count();
        if have == n {
            return;
        }
        let before = self.rows.get(self.selected).copied();
        let head = usize::from(have > 0) + have;
        let mut rows: Vec<Row> = Vec::with_capacity(self.rows.len() - head + n + 1);
        if n > 0 {
            rows.push(Row::Steps);
            rows.extend((0..n).map(Row::Step));
        }
        rows.extend(self.rows.drain(head..));
        self.rows = rows;
        let new_head = usize::from(n > 0) + n;
        self.offset = (self.offset + new_head).saturating_sub(head);
        match before {
            Some(Row::Step(i)) if n > 0 => self.select_step(i.min(n - 1)),
            Some(Row::Lesson(li)) => self.select_lesson(li),
            _ => {
                self.selected = new_head;
                self.move_by(0);
            }
        }
    }

    /// Selects the row of lesson `li`.
    pub fn select_lesson(&mut self, li: usize) {
        if let Some(i) = self.rows.iter().position(|r| *r == Row::Lesson(li)) {
            self.selected = i;
        }
    }

    /// The lesson "이어 읽기" opens: the last one read if unfinished, else the first unread
    /// lesson after it, else the first unread lesson at all.
    pub fn resume_target(&self, library: &Library, store: &Store) -> Option<usize> {
        let progress = store.progress();
        let is_read = |li: usize| {
            progress
                .lessons
                .get(&library.lessons[li].meta.id)
                .is_some_and(|p| p.read)
        };
        let last = progress
            .last_lesson
            .as_deref()
            .and_then(|id| library.lesson_index(id));
        if let Some(li) = last {
            if !is_read(li) {
                return Some(li);
            }
            if let Some(next) = (li + 1..library.lessons.len()).find(|&i| !is_read(i)) {
                return Some(next);
            }
        }
        (0..library.lessons.len())
            .find(|&i| !is_read(i))
            .or(last)
            .or((!library.lessons.is_empty()).then_some(0))
    }

    /// Moves the selection by `delta` selectable rows (steps and lessons), skipping headings.
    pub fn move_by(&mut self, delta: isize) {
        let lessons: Vec<usize> = self
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.selectable())
            .map(|(i, _)| i)
            .collect();
        if lessons.is_empty() {
            return;
        }
        let Some(here) = lessons.iter().position(|&i| i == self.selected) else {
            // Not on a lesson (start-up): land on the first lesson at or after the selection.
            self.selected = lessons
                .iter()
                .copied()
                .find(|&i| i >= self.selected)
                .unwrap_or(lessons[0]);
            return;
        };
        let target = here.saturating_add_signed(delta).min(lessons.len() - 1);
        self.selected = lessons[target];
    }

    /// Handles a list action.
    pub fn action(&mut self, action: Action) {
        let page = self.layout.list_rows().saturating_sub(1).max(1) as isize;
        match action {
            Action::Down => self.move_by(1),
            Action::Up => self.move_by(-1),
            Action::PageDown => self.move_by(page),
            Action::PageUp => self.move_by(-page),
            Action::Top => self.move_by(isize::MIN / 2),
            Action::Bottom => self.move_by(isize::MAX / 2),
            _ => {}
        }
    }
}
