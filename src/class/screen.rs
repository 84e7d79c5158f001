//! The student's screen in a class: the teacher's questions, the clock, the lessons of the set.
//!
//! Shaped like a router component: [`ClassScreen`] owns its state, [`ClassScreen::update`]
//! takes a key and a read-only [`Ctx`] and returns an [`Effect`] for its owner to apply
//! (record an answer, close the connection), and [`ClassScreen::render`] draws a frame from
//! the state and the context. It never touches the class, the network or a file: the server's
//! connection task applies the effects. Keys go through the key map (contexts `practice`,
//! `exam`, then `reader` in a lesson, then `global`), so the Korean 2-set jamo aliases work;
//! digits pick a choice directly, as on a paper quiz.

use std::collections::BTreeSet;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::state::{Given, Phase};
use crate::keys::{self, Action, Code, Context, Key};
use crate::lesson::{Library, RenderOptions, render};
use crate::quiz::session::Item;
use crate::quiz::{Bank, Kind, Question};
use crate::strings::{Lang, Strings};
use crate::text;

/// The smallest terminal the screen draws in; below it one line says so.
pub const MIN_SIZE: (u16, u16) = (40, 10);

/// What the class looks like to this student right now (copied out of the class under its
/// lock, so drawing never holds it).
#[derive(Debug, Clone)]
pub struct Snapshot {
    /// The round's phase.
    pub phase: Phase,
    /// Milliseconds left on the clock.
    pub remaining_ms: u64,
    /// Whether the teacher showed the answers.
    pub revealed: bool,
    /// This student's answers, per question.
    pub answers: Vec<Option<Given>>,
}

/// What a screen reads: shared content, this student's item order, the class snapshot.
pub struct Ctx<'a> {
    /// The question banks.
    pub bank: &'a Bank,
    /// The lessons.
    pub library: &'a Library,
    /// The set's questions with this student's choice order.
    pub items: &'a [Item],
    /// The class right now.
    pub snap: &'a Snapshot,
    /// This turn's time (server monotonic milliseconds).
    pub now_ms: u64,
}

/// What the owner of the screen must do after a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Nothing beyond redrawing.
    None,
    /// Record this answer to question `n` (choice ids), then redraw.
    Answer {
        /// Question index in the set.
        n: usize,
        /// Choice ids picked.
        chosen: Vec<String>,
        /// Time spent on the question.
        time_ms: u64,
    },
    /// Close the connection (the student's answers are already saved).
    Quit,
}

/// Which page is open.
#[derive(Debug, Clone, PartialEq, Eq)]
enum View {
    /// The current question.
    Question,
    /// A lesson of the set, scrolled to a line.
    Lesson {
        /// Lesson id.
        id: String,
    },
}

/// The student's class screen (see the module documentation).
#[derive(Debug)]
pub struct ClassScreen {
    /// The student's name as shown.
    pub name: String,
    /// The UI language (the student may switch it).
    pub lang: Lang,
    view: View,
    current: usize,
    cursor: usize,
    marked: BTreeSet<usize>,
    english: bool,
    scroll: usize,
    /// When the current question was first shown.
    shown_at: u64,
    /// A one-line message under the question (a refused answer, …).
    pub message: Option<String>,
    /// Rendered lesson lines for (id, width).
    lesson_cache: Option<(String, usize, Vec<String>)>,
    /// Lines of the last frame's body, for paging.
    body_height: usize,
}

impl ClassScreen {
    /// A screen for `name`, on the first question not yet answered.
    pub fn new(name: &str, lang: Lang, snap: &Snapshot, now_ms: u64) -> Self {
        let current = snap.answers.iter().position(Option::is_none).unwrap_or(0);
        Self {
            name: name.to_owned(),
            lang,
            view: View::Question,
            current,
            cursor: 0,
            marked: BTreeSet::new(),
            english: false,
            scroll: 0,
            shown_at: now_ms,
            message: None,
            lesson_cache: None,
            body_height: 10,
        }
    }

    /// Index of the question on screen.
    pub fn current(&self) -> usize {
        self.current
    }

    fn go(&mut self, n: usize, now_ms: u64) {
        if n != self.current {
            self.current = n;
            self.cursor = 0;
            self.marked.clear();
            self.scroll = 0;
            self.shown_at = now_ms;
        }
    }

    /// Handles one key.
    pub fn update(&mut self, key: Key, ctx: &Ctx<'_>) -> Effect {
        if key.ctrl && matches!(key.code, Code::Char('c' | 'd')) {
            return Effect::Quit;
        }
        self.message = None;
        let key = keys::normalize(key);
        if let View::Lesson { .. } = self.view {
            return self.update_lesson(key);
        }
        let total = ctx.items.len();
        let visible = matches!(
            ctx.snap.phase,
            Phase::Running | Phase::Paused | Phase::Ended
        );
        if let (Code::Char(d @ '1'..='9'), false, true) = (key.code, key.ctrl, visible) {
            let i = (d as usize) - ('1' as usize);
            if let Some(q) = self.question(ctx)
                && i < q.choices.len()
            {
                self.cursor = i;
                if q.kind == Kind::Multiple {
                    self.toggle();
                }
            }
            return Effect::None;
        }
        let action = keys::lookup(&[Context::Practice, Context::Exam, Context::Global], key);
        match action {
            Some(Action::Back | Action::Quit) => Effect::Quit,
            Some(Action::ToggleLang) => {
                self.lang = self.lang.toggled();
                Effect::None
            }
            _ if !visible || total == 0 => Effect::None,
            Some(Action::Down) => {
                let n = self.question(ctx).map_or(0, |q| q.choices.len());
                self.cursor = (self.cursor + 1).min(n.saturating_sub(1));
                Effect::None
            }
            Some(Action::Up) => {
                self.cursor = self.cursor.saturating_sub(1);
                Effect::None
            }
            Some(Action::Right) => {
                self.go((self.current + 1).min(total - 1), ctx.now_ms);
                Effect::None
            }
            Some(Action::Left) => {
                self.go(self.current.saturating_sub(1), ctx.now_ms);
                Effect::None
            }
            Some(Action::PageDown) => {
                self.scroll += self.body_height.max(2) / 2;
                Effect::None
            }
            Some(Action::PageUp) => {
                self.scroll = self.scroll.saturating_sub(self.body_height.max(2) / 2);
                Effect::None
            }
            Some(Action::ToggleEnglish) => {
                self.english = !self.english;
                Effect::None
            }
            Some(Action::Toggle) => {
                self.toggle();
                Effect::None
            }
            Some(Action::OpenLesson) => {
                if let Some(q) = self.question(ctx) {
                    let id = q.lesson_id().to_owned();
                    if ctx.library.lesson(&id).is_some() {
                        self.view = View::Lesson { id };
                        self.scroll = 0;
                    }
                }
                Effect::None
            }
            Some(Action::Open | Action::Confirm) => self.confirm(ctx),
            _ => Effect::None,
        }
    }

    fn update_lesson(&mut self, key: Key) -> Effect {
        match keys::lookup(&[Context::Reader, Context::Global], key) {
            Some(Action::Down) => self.scroll += 1,
            Some(Action::Up) => self.scroll = self.scroll.saturating_sub(1),
            Some(Action::PageDown | Action::HalfPageDown) => {
                self.scroll += self.body_height.max(2) - 1;
            }
            Some(Action::PageUp | Action::HalfPageUp) => {
                self.scroll = self.scroll.saturating_sub(self.body_height.max(2) - 1);
            }
            Some(Action::Top) => self.scroll = 0,
            Some(Action::ToggleLang) => self.lang = self.lang.toggled(),
            Some(Action::Back | Action::Quit | Action::Cancel) => {
                self.view = View::Question;
                self.scroll = 0;
            }
            _ => {}
        }
        Effect::None
    }

    fn toggle(&mut self) {
        if !self.marked.remove(&self.cursor) {
            self.marked.insert(self.cursor);
        }
    }

    fn question<'b>(&self, ctx: &Ctx<'b>) -> Option<&'b Question> {
        let item = ctx.items.get(self.current)?;
        ctx.bank.entries.get(item.entry).map(|e| &e.question)
    }

    fn confirm(&mut self, ctx: &Ctx<'_>) -> Effect {
        let s = Strings::new(self.lang);
        let Some(q) = self.question(ctx) else {
            return Effect::None;
        };
        let Some(item) = ctx.items.get(self.current) else {
            return Effect::None;
        };
        if ctx
            .snap
            .answers
            .get(self.current)
            .is_some_and(Option::is_some)
        {
            // Already answered: Enter moves on to the next open question.
            let next = (0..ctx.items.len())
                .map(|k| (self.current + 1 + k) % ctx.items.len())
                .find(|&n| ctx.snap.answers.get(n).is_some_and(Option::is_none));
            if let Some(n) = next {
                self.go(n, ctx.now_ms);
            }
            return Effect::None;
        }
        match ctx.snap.phase {
            Phase::Running => {}
            Phase::Paused => {
                self.message = Some(s.class_paused().to_owned());
                return Effect::None;
            }
            Phase::Waiting | Phase::Ended => {
                self.message = Some(s.class_closed().to_owned());
                return Effect::None;
            }
        }
        let positions: Vec<usize> = if q.kind == Kind::Multiple {
            self.marked.iter().copied().collect()
        } else {
            vec![self.cursor]
        };
        let want = if q.kind == Kind::Multiple {
            q.correct_ids().len()
        } else {
            1
        };
        if positions.len() != want {
            self.message = Some(s.class_pick_n(want));
            return Effect::None;
        }
        let chosen: Vec<String> = positions
            .iter()
            .filter_map(|&p| item.order.get(p))
            .filter_map(|&c| q.choices.get(c))
            .map(|c| c.id.clone())
            .collect();
        Effect::Answer {
            n: self.current,
            chosen,
            time_ms: ctx.now_ms.saturating_sub(self.shown_at),
        }
    }

    /// After an answer was recorded: move to the next open question.
    pub fn answered(&mut self, ctx: &Ctx<'_>) {
        let len = ctx.items.len().max(1);
        let next = (1..len)
            .map(|k| (self.current + k) % len)
            .find(|&n| ctx.snap.answers.get(n).is_some_and(Option::is_none));
        if let Some(n) = next {
            self.go(n, ctx.now_ms);
        }
    }

    /// Draws the screen into `area`.
    pub fn render(&mut self, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx<'_>) {
        let s = Strings::new(self.lang);
        if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
            let msg = text::truncate(s.class_too_small(), area.width as usize);
            let y = area.y + area.height / 2;
            frame.render_widget(
                Paragraph::new(msg),
                Rect::new(area.x, y, area.width, 1.min(area.height)),
            );
            return;
        }
        let width = area.width as usize;
        let (answered, _) = count(&ctx.snap.answers);
        let title = format!(
            " {} · {} · {} · {}",
            s.class_title(),
            self.name,
            s.class_progress(answered, ctx.items.len()),
            clock(ctx.snap.phase, ctx.snap.remaining_ms, s),
        );
        let top = Rect::new(area.x, area.y, area.width, 1);
        frame.render_widget(
            Paragraph::new(text::fit(&title, width))
                .style(Style::default().add_modifier(Modifier::REVERSED)),
            top,
        );
        let body = Rect::new(
            area.x,
            area.y + 1,
            area.width,
            area.height.saturating_sub(2),
        );
        self.body_height = body.height as usize;
        let lines = match &self.view {
            View::Lesson { id } => self.lesson_lines(id.clone(), ctx, width),
            View::Question => self.question_lines(ctx, width, s),
        };
        let max_scroll = lines.len().saturating_sub(body.height as usize);
        self.scroll = self.scroll.min(max_scroll);
        let shown: Vec<Line<'_>> = lines
            .into_iter()
            .skip(self.scroll)
            .take(body.height as usize)
            .collect();
        frame.render_widget(Paragraph::new(shown), body);
        let hint = match (&self.view, &self.message) {
            (_, Some(m)) => m.clone(),
            (View::Lesson { .. }, None) => s.class_lesson_keys().to_owned(),
            (View::Question, None) => s.class_question_keys().to_owned(),
        };
        let bottom = Rect::new(area.x, area.y + area.height - 1, area.width, 1);
        frame.render_widget(
            Paragraph::new(text::fit(&format!(" {hint}"), width))
                .style(Style::default().add_modifier(Modifier::DIM)),
            bottom,
        );
    }

    fn lesson_lines(&mut self, id: String, ctx: &Ctx<'_>, width: usize) -> Vec<Line<'static>> {
        let fresh = !matches!(&self.lesson_cache, Some((i, w, _)) if *i == id && *w == width);
        if fresh {
            let lines = ctx.library.lesson(&id).map_or_else(Vec::new, |lesson| {
                let opts = RenderOptions {
                    width: width.saturating_sub(2).max(10),
                    ..RenderOptions::default()
                };
                let rendered = render(&lesson.body, &opts);
                let mut out = vec![
                    format!("# {}", text::sanitize(&lesson.meta.title)),
                    String::new(),
                ];
                // Code lines may be wider than the screen: clip them (never wrap code).
                out.extend(
                    rendered
                        .lines
                        .iter()
                        .map(|l| text::truncate(&l.plain(), width.saturating_sub(1))),
                );
                out
            });
            self.lesson_cache = Some((id, width, lines));
        }
        self.lesson_cache
            .as_ref()
            .map(|(_, _, lines)| lines.iter().map(|l| Line::from(format!(" {l}"))).collect())
            .unwrap_or_default()
    }

    fn question_lines(&self, ctx: &Ctx<'_>, width: usize, s: Strings) -> Vec<Line<'static>> {
        let snap = ctx.snap;
        let wrap_w = width.saturating_sub(2).max(10);
        let mut out: Vec<Line<'static>> = Vec::new();
        let banner = match snap.phase {
            Phase::Waiting => {
                out.push(Line::default());
                for l in text::wrap(s.class_waiting(), wrap_w) {
                    out.push(Line::from(format!(" {l}")));
                }
                return out;
            }
            Phase::Paused => Some(s.class_paused()),
            Phase::Ended if snap.revealed => Some(s.class_revealed()),
            Phase::Ended => Some(s.class_closed()),
            Phase::Running => None,
        };
        if let Some(b) = banner {
            out.push(Line::styled(
                format!(" {b}"),
                Style::default()
                    .add_modifier(Modifier::BOLD)
                    .fg(Color::Yellow),
            ));
        }
        let (Some(q), Some(item)) = (self.question(ctx), ctx.items.get(self.current)) else {
            return out;
        };
        let english = self.english && q.prompt_en.is_some();
        out.push(Line::styled(
            format!(" [{}/{}]", self.current + 1, ctx.items.len()),
            Style::default().add_modifier(Modifier::BOLD),
        ));
        let prompt = if english {
            q.prompt_en.as_deref().unwrap_or(&q.prompt)
        } else {
            &q.prompt
        };
        for l in text::wrap(prompt.trim(), wrap_w) {
            out.push(Line::from(format!(" {l}")));
        }
        if q.kind == Kind::Multiple {
            out.push(Line::styled(
                format!(" {}", s.class_pick_n(q.correct_ids().len())),
                Style::default().add_modifier(Modifier::DIM),
            ));
        }
        out.push(Line::default());
        let given = snap.answers.get(self.current).and_then(Option::as_ref);
        let right = q.correct_ids();
        for (pos, &c) in item.order.iter().enumerate() {
            let Some(choice) = q.choices.get(c) else {
                continue;
            };
            let label = if english {
                q.choices_en
                    .as_ref()
                    .and_then(|en| en.get(c))
                    .unwrap_or(&choice.text)
            } else {
                &choice.text
            };
            let picked = given.is_some_and(|g| g.chosen.contains(&choice.id));
            let is_right = right.contains(&choice.id.as_str());
            let mark = match (snap.revealed, picked, is_right) {
                (true, _, true) => "✓",
                (true, true, false) => "✗",
                (_, true, _) => "●",
                _ if given.is_none() && self.marked.contains(&pos) => "■",
                _ => " ",
            };
            let pointer = if given.is_none() && pos == self.cursor && snap.phase == Phase::Running {
                "›"
            } else {
                " "
            };
            let prefix = format!(" {pointer}{mark} {}) ", pos + 1);
            let indent = text::width(&prefix);
            let mut style = Style::default();
            if snap.revealed && is_right {
                style = style.fg(Color::Green);
            } else if snap.revealed && picked {
                style = style.fg(Color::Red);
            } else if given.is_none() && pos == self.cursor && snap.phase == Phase::Running {
                style = style.add_modifier(Modifier::REVERSED);
            }
            for (k, l) in text::wrap(label, width.saturating_sub(indent + 1).max(5))
                .into_iter()
                .enumerate()
            {
                let head = if k == 0 {
                    prefix.clone()
                } else {
                    " ".repeat(indent)
                };
                out.push(Line::from(vec![Span::raw(head), Span::styled(l, style)]));
            }
        }
        out.push(Line::default());
        // After the reveal there is no next question to answer: say what the screen shows.
        let note = if snap.revealed {
            Some(s.class_after_reveal())
        } else {
            given.map(|_| s.class_answer_saved())
        };
        for l in note.map_or_else(Vec::new, |n| text::wrap(n, wrap_w)) {
            out.push(Line::styled(
                format!(" {l}"),
                Style::default().fg(Color::Cyan),
            ));
        }
        if snap.revealed {
            let explanation = if english {
                q.explanation_en.as_deref().unwrap_or(&q.explanation)
            } else {
                &q.explanation
            };
            out.push(Line::styled(
                format!(" {}", s.class_explanation()),
                Style::default().add_modifier(Modifier::BOLD),
            ));
            for l in text::wrap(explanation.trim(), wrap_w) {
                out.push(Line::from(format!(" {l}")));
            }
        }
        if snap.phase == Phase::Ended {
            let (answered, right) = count(&snap.answers);
            let summary = if snap.revealed {
                s.class_score(right, answered, ctx.items.len())
            } else {
                s.class_progress(answered, ctx.items.len())
            };
            out.push(Line::from(format!(" {summary}")));
        }
        out
    }
}

fn count(answers: &[Option<Given>]) -> (usize, usize) {
    let given = answers.iter().flatten();
    (given.clone().count(), given.filter(|g| g.correct).count())
}

/// `12:34` left, or the phase when the clock is not running.
fn clock(phase: Phase, remaining_ms: u64, s: Strings) -> String {
    let secs = remaining_ms.div_ceil(1000);
    let t = format!("{}:{:02}", secs / 60, secs % 60);
    match phase {
        Phase::Waiting => s.class_phase_waiting().to_owned(),
        Phase::Running => s.class_time_left(&t),
        Phase::Paused => format!("{} {t}", s.class_phase_paused()),
        Phase::Ended => s.class_phase_ended().to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::ContentSource;
    use crate::quiz::BankSource;
    use crate::quiz::session::{Filter, draw};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    fn key(code: Code) -> Key {
        Key { code, ctrl: false }
    }

    struct Fixture {
        bank: Bank,
        library: Library,
        items: Vec<Item>,
    }

    fn fixture() -> Fixture {
        let bank = Bank::load(&BankSource::Embedded);
        let items = draw(&bank, &Filter::default(), 50, 3)
            .into_iter()
            .filter(|i| bank.entries[i.entry].question.kind == Kind::Single)
            .take(3)
            .collect();
        Fixture {
            bank,
            library: Library::load(&ContentSource::Embedded),
            items,
        }
    }

    fn snap(phase: Phase, answers: Vec<Option<Given>>) -> Snapshot {
        Snapshot {
            phase,
            remaining_ms: 125_000,
            revealed: false,
            answers,
        }
    }

    fn screen_text(screen: &mut ClassScreen, ctx: &Ctx<'_>) -> String {
        let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
        t.draw(|f| screen.render(f, f.area(), ctx)).unwrap();
        let buf = t.backend().buffer().clone();
        (0..24)
            .map(|y| {
                // A wide (Korean) cell covers the next one: skip it, so words read whole.
                let mut line = String::new();
                let mut x = 0u16;
                while x < 80 {
                    let symbol = buf[(x, y)].symbol();
                    line.push_str(symbol);
                    let w = unicode_width::UnicodeWidthStr::width(symbol).max(1);
                    x += u16::try_from(w).unwrap_or(1);
                }
                line
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn digit_then_enter_answers_with_the_choice_id_shown_at_that_number() {
        let f = fixture();
        let snap = snap(Phase::Running, vec![None; 3]);
        let ctx = Ctx {
            bank: &f.bank,
            library: &f.library,
            items: &f.items,
            snap: &snap,
            now_ms: 5000,
        };
        let mut s = ClassScreen::new("민지", Lang::Ko, &snap, 1000);
        assert_eq!(s.update(key(Code::Char('2')), &ctx), Effect::None);
        let q = &f.bank.entries[f.items[0].entry].question;
        let want = q.choices[f.items[0].order[1]].id.clone();
        assert_eq!(
            s.update(key(Code::Enter), &ctx),
            Effect::Answer {
                n: 0,
                chosen: vec![want],
                time_ms: 4000
            }
        );
        // Under a Korean layout ㅓ is j: the cursor moves down.
        s.update(key(Code::Char('ㅓ')), &ctx);
        assert_eq!(s.cursor, 2);
    }

    #[test]
    fn nothing_is_answered_while_waiting_or_paused_and_ctrl_c_quits() {
        let f = fixture();
        for phase in [Phase::Waiting, Phase::Paused, Phase::Ended] {
            let snap = snap(phase, vec![None; 3]);
            let ctx = Ctx {
                bank: &f.bank,
                library: &f.library,
                items: &f.items,
                snap: &snap,
                now_ms: 0,
            };
            let mut s = ClassScreen::new("a", Lang::Ko, &snap, 0);
            assert_eq!(s.update(key(Code::Enter), &ctx), Effect::None, "{phase:?}");
            assert_eq!(
                s.update(
                    Key {
                        code: Code::Char('c'),
                        ctrl: true
                    },
                    &ctx
                ),
                Effect::Quit
            );
        }
    }

    #[test]
    fn the_screen_shows_the_question_the_clock_and_after_reveal_the_answer() {
        let f = fixture();
        let mut snap = snap(Phase::Running, vec![None; 3]);
        let ctx = Ctx {
            bank: &f.bank,
            library: &f.library,
            items: &f.items,
            snap: &snap,
            now_ms: 0,
        };
        let mut s = ClassScreen::new("민지", Lang::Ko, &snap, 0);
        let text = screen_text(&mut s, &ctx);
        assert!(text.contains("[1/3]"), "{text}");
        assert!(text.contains("2:05"), "{text}");
        assert!(text.contains("민지"), "{text}");
        let q = &f.bank.entries[f.items[0].entry].question;
        snap.phase = Phase::Ended;
        snap.revealed = true;
        snap.answers[0] = Some(Given {
            chosen: vec![q.correct_ids()[0].to_owned()],
            correct: true,
            time_ms: 1,
            seq: 0,
        });
        let ctx = Ctx {
            bank: &f.bank,
            library: &f.library,
            items: &f.items,
            snap: &snap,
            now_ms: 0,
        };
        let text = screen_text(&mut s, &ctx);
        assert!(text.contains('✓'), "{text}");
        assert!(text.contains("1/3"), "{text}");
    }

    #[test]
    fn the_lesson_of_a_question_opens_and_closes() {
        let f = fixture();
        let snap = snap(Phase::Running, vec![None; 3]);
        let ctx = Ctx {
            bank: &f.bank,
            library: &f.library,
            items: &f.items,
            snap: &snap,
            now_ms: 0,
        };
        let mut s = ClassScreen::new("a", Lang::Ko, &snap, 0);
        s.update(key(Code::Char('o')), &ctx);
        let q = &f.bank.entries[f.items[0].entry].question;
        let title = f.library.lesson(q.lesson_id()).unwrap().meta.title.clone();
        let text = screen_text(&mut s, &ctx);
        let head: String = title.chars().take(6).collect();
        assert!(text.contains(&head), "{head}: {text}");
        s.update(key(Code::Esc), &ctx);
        assert!(screen_text(&mut s, &ctx).contains("[1/3]"));
    }

    #[test]
    fn a_tiny_window_gets_one_line() {
        let f = fixture();
        let snap = snap(Phase::Running, vec![None; 3]);
        let ctx = Ctx {
            bank: &f.bank,
            library: &f.library,
            items: &f.items,
            snap: &snap,
            now_ms: 0,
        };
        let mut s = ClassScreen::new("a", Lang::En, &snap, 0);
        let mut t = Terminal::new(TestBackend::new(20, 5)).unwrap();
        t.draw(|fr| s.render(fr, fr.area(), &ctx)).unwrap();
    }
}
