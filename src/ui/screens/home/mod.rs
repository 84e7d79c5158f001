//! The home screen, the bottom of the stack: one list with "다음에 할 일" (next steps: continue
//! reading, reviews due, an untried simulation) on top, then the courses with their lessons;
//! the selected row's details on the right when the terminal is wide. State and `update` here,
//! drawing in `view`.
//!
//! The next steps and the review forecast are derived from the store, so they are worked out
//! again only when the store changed ([`Ctx::store_version`]), the presets arrived, or the
//! minute turned (a card fell due), not on every frame.

mod view;

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::lesson::Library;
use crate::links::Step;
use crate::store::Store;
use crate::ui::app::Screen as Kind;
use crate::ui::keymap::{Action, Context};
use crate::ui::screen::{Ctx, Effect, Open, Screen};

/// A row of the home list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// A course heading (not selectable).
    Course(usize),
    /// A lesson.
    Lesson(usize),
    /// The "다음에 할 일" heading (not selectable).
    Steps,
    /// Next step `i` (index into [`Home::steps`]).
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
    /// "다음에 할 일", worked out from the store.
    pub steps: Vec<Step>,
    /// Questions due for review now.
    pub due_count: usize,
    /// Reviews due today and on each of the next 7 local days (when there are any cards).
    pub forecast: Option<crate::quiz::review::Forecast>,
    /// What `steps` were worked out for: store version, presets loaded, minute.
    steps_for: Option<(u64, usize, u64)>,
    /// The last lesson and its position when home was last drawn: when Back brings home back
    /// after they changed (a lesson was read), the first next step is selected.
    seen: (Option<String>, usize),
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
            steps: Vec::new(),
            due_count: 0,
            forecast: None,
            steps_for: None,
            seen: (None, 0),
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

    /// The home screen at start-up, on the first of the next steps (so Enter continues where
    /// the learner left off).
    pub fn start(ctx: &Ctx) -> Self {
        let mut home = Self::new(ctx.library, ctx.store);
        home.refresh(ctx);
        home.select_step(0);
        home
    }

    /// Works out the next steps and the review forecast again from the store.
    pub fn refresh(&mut self, ctx: &Ctx) {
        let progress = ctx.store.progress();
        self.due_count = crate::quiz::review::due(&progress.cards, ctx.now_ms / 1000).len();
        self.forecast = (!progress.cards.is_empty()).then(|| {
            crate::quiz::review::forecast(
                progress.cards.values(),
                ctx.now_ms / 1000,
                crate::quiz::review::local_offset_s(),
            )
        });
        let resume = self.resume_target(ctx.library, ctx.store);
        self.steps =
            crate::links::next_steps(ctx.library, progress, resume, self.due_count, ctx.presets);
        self.set_steps(self.steps.len());
        self.steps_for = Some(steps_key(ctx));
    }

    /// Fits the list to `area`, keeping the selection visible.
    fn fit(&mut self, area: Rect) {
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

    /// Does next step `i`.
    fn run_step(&self, i: usize, ctx: &Ctx) -> Effect {
        match self.steps.get(i).copied() {
            Some(Step::Resume { lesson, .. }) => Effect::Open(Open::Lesson(lesson, None)),
            Some(Step::Review(_)) => review(ctx),
            Some(Step::TrySim(preset)) => Effect::Open(Open::Sim(preset)),
            None => Effect::None,
        }
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

/// What the next steps depend on besides the library: the store, the presets, the minute.
fn steps_key(ctx: &Ctx) -> (u64, usize, u64) {
    (ctx.store_version, ctx.presets.len(), ctx.now_ms / 60_000)
}

/// The last lesson and its position, to notice that one was read.
fn last_read(store: &Store) -> (Option<String>, usize) {
    let progress = store.progress();
    let last = progress.last_lesson.clone();
    let scroll = last
        .as_ref()
        .and_then(|id| progress.lessons.get(id))
        .map_or(0, |p| p.scroll);
    (last, scroll)
}

/// The questions due now as a review session, or a note that there are none.
fn review(ctx: &Ctx) -> Effect {
    let due: Vec<String> = crate::quiz::review::due(&ctx.store.progress().cards, ctx.now_ms / 1000)
        .into_iter()
        .map(str::to_owned)
        .collect();
    if due.is_empty() {
        Effect::note(
            ctx.lang
                .pick("지금 복습할 문제가 없어요", "Nothing is due for review"),
        )
    } else {
        Effect::Open(Open::Session(
            due,
            ctx.lang.pick("복습", "Review").to_owned(),
        ))
    }
}

impl Screen for Home {
    fn kind(&self) -> Kind {
        Kind::Home
    }

    fn contexts(&self, _ctx: &Ctx) -> Vec<Context> {
        vec![Context::Home]
    }

    fn update(&mut self, action: Action, ctx: &Ctx) -> Effect {
        match action {
            Action::Open => {
                if let Some(step) = self.selected_step() {
                    return self.run_step(step, ctx);
                } else if let Some(lesson) = self.selected_lesson() {
                    return Effect::Open(Open::Lesson(lesson, None));
                }
            }
            Action::Resume => {
                if let Some(lesson) = self.resume_target(ctx.library, ctx.store) {
                    return Effect::Open(Open::Lesson(lesson, None));
                }
            }
            Action::Simulations => return Effect::Open(Open::Sims),
            Action::Practice => return Effect::Open(Open::PracticeMenu),
            Action::Exams => return Effect::Open(Open::ExamMenu),
            Action::Review => return review(ctx),
            other => self.action(other),
        }
        Effect::None
    }

    fn prepare(&mut self, ctx: &Ctx) -> Effect {
        if self.steps_for != Some(steps_key(ctx)) {
            self.refresh(ctx);
        }
        self.fit(ctx.area);
        self.seen = last_read(ctx.store);
        Effect::None
    }

    fn resumed(&mut self, ctx: &Ctx) -> Effect {
        if last_read(ctx.store) != self.seen {
            // Back home from a lesson: the next steps are in view and the first continues it.
            self.refresh(ctx);
            let last = ctx.store.progress().last_lesson.as_deref();
            if let Some(li) = last.and_then(|id| ctx.library.lesson_index(id)) {
                self.select_lesson(li);
            }
            self.select_step(0);
        }
        Effect::None
    }

    fn scroll(&mut self, delta: isize) {
        self.move_by(delta.signum());
    }

    fn render(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        view::draw(self, frame, area, ctx);
    }
}

#[cfg(test)]
mod tests {
    use crate::lesson::{ContentSource, Library};
    use crate::store::{CardState, Progress, Store};
    use crate::strings::Lang;
    use crate::ui::App;
    use crate::ui::theme::Theme;
    use ratatui::layout::Rect;

    #[test]
    fn the_next_steps_are_worked_out_again_only_when_the_store_changed() {
        let library = Library::load(&ContentSource::Embedded);
        let store = Store::in_memory(Progress::default());
        let mut app = App::new(library, store, Lang::Ko, Theme::dark());
        let area = Rect::new(0, 0, 100, 30);
        app.prepare(area);
        assert_eq!(app.layers.home().due_count, 0);
        // A write the app was not told about is not seen: no rebuild on a plain frame.
        app.store.set_card("saa-001", CardState::default());
        app.prepare(area);
        assert_eq!(app.layers.home().due_count, 0);
        app.store_changed();
        app.prepare(area);
        assert_eq!(app.layers.home().due_count, 1);
    }
}
