//! The exam menu: resume the exam in progress, start a mock exam, the ESL extra-time switch,
//! and the past attempts with their trend.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

use crate::quiz::exam::SCALED_SCORE_NOTE;
use crate::strings::Lang;
use crate::text;
use crate::ui::app::Screen as Kind;
use crate::ui::exam::menu;
use crate::ui::keymap::{Action, Context};
use crate::ui::layout::Bands;
use crate::ui::screen::{Ctx, Effect, Open, Screen};
use crate::ui::view::{status_bar, title_bar};

/// The exam menu and its selected row.
#[derive(Debug, Default)]
pub struct ExamMenu {
    /// Selected row.
    pub selected: usize,
    /// Whether an exam was saved when the menu last acted: the rows shift when that changes.
    running: bool,
    /// A new exam was chosen while another runs: ask 이어서 하기 (0) / 포기하고 새로 시작 (1).
    confirm: Option<(crate::quiz::exam::menu::Choice, usize)>,
}

impl ExamMenu {
    /// The menu on its first row.
    pub fn new(ctx: &Ctx) -> Self {
        Self {
            selected: 0,
            running: ctx.store.running_exam().is_some(),
            confirm: None,
        }
    }
}

/// The menu's rows: the saved exam (when there is one), the exams, the ESL switch.
fn rows(ctx: &Ctx) -> usize {
    menu().len() + 1 + usize::from(ctx.store.running_exam().is_some())
}

impl Screen for ExamMenu {
    fn kind(&self) -> Kind {
        Kind::ExamMenu
    }

    fn contexts(&self, _ctx: &Ctx) -> Vec<Context> {
        vec![Context::ExamMenu, Context::List]
    }

    fn resumed(&mut self, ctx: &Ctx) -> Effect {
        // Back from an exam: the saved exam's row came or went, so start again at the top.
        let running = ctx.store.running_exam().is_some();
        if running != self.running {
            self.selected = 0;
            self.running = running;
        }
        Effect::None
    }

    fn update(&mut self, action: Action, ctx: &Ctx) -> Effect {
        self.running = ctx.store.running_exam().is_some();
        if let Some((choice, sel)) = self.confirm {
            match action {
                Action::Down | Action::Up => self.confirm = Some((choice, 1 - sel)),
                Action::Open if sel == 0 => {
                    self.confirm = None;
                    return Effect::Open(Open::ResumeExam);
                }
                Action::Open => {
                    self.confirm = None;
                    return Effect::Many(vec![
                        Effect::Store(Box::new(crate::store::Store::abandon_exam)),
                        Effect::Open(Open::Exam(choice, ctx.now_ms)),
                    ]);
                }
                Action::Back => self.confirm = None,
                _ => {}
            }
            return Effect::None;
        }
        match action {
            Action::Down => self.selected = super::next_row(self.selected, rows(ctx)),
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Back => return Effect::Pop,
            Action::Readiness => {
                return Effect::Push(Box::new(super::readiness::Readiness::new(ctx)));
            }
            Action::Open => {
                let mut row = self.selected;
                if ctx.store.running_exam().is_some() {
                    if row == 0 {
                        return Effect::Open(Open::ResumeExam);
                    }
                    row -= 1;
                }
                let choices = menu();
                if row == choices.len() {
                    return Effect::Store(Box::new(|store| {
                        store.update_settings(|s| s.exam_esl = !s.exam_esl);
                    }));
                }
                if let Some(&choice) = choices.get(row) {
                    // Never drop a running exam silently: ask first.
                    if ctx.store.running_exam().is_some_and(|s| !s.is_submitted()) {
                        self.confirm = Some((choice, 0));
                        return Effect::None;
                    }
                    return Effect::Open(Open::Exam(choice, ctx.now_ms));
                }
            }
            _ => {}
        }
        Effect::None
    }

    fn render(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let lang = ctx.lang;
        let Bands {
            title,
            body,
            status,
        } = Bands::of(area);
        title_bar(ctx, frame, title, lang.pick("모의고사", "Mock exams"), "");
        let block = Block::bordered().border_style(ctx.theme.border(true));
        let inner = block.inner(body);
        frame.render_widget(block, body);
        let inner = Rect {
            x: inner.x + 1,
            width: inner.width.saturating_sub(2),
            ..inner
        };
        let width = usize::from(inner.width);
        let mut rows: Vec<String> = Vec::new();
        if ctx.store.running_exam().is_some() {
            rows.push(
                lang.pick(
                    "▶ 진행 중인 시험 이어 하기",
                    "▶ Resume the exam in progress",
                )
                .to_owned(),
            );
        }
        for c in menu() {
            rows.push(match lang {
                Lang::Ko => format!(
                    "{} 모의고사 · {}문항 · {}분",
                    c.exam.code(),
                    c.count,
                    c.minutes
                ),
                Lang::En => format!(
                    "{} mock exam · {} questions · {} min",
                    c.exam.code(),
                    c.count,
                    c.minutes
                ),
            });
        }
        let esl = ctx.store.progress().settings.exam_esl;
        rows.push(match (lang, esl) {
            (Lang::Ko, true) => "ESL 추가 시간(+30분): 켜짐 (Enter로 바꾸기)".to_owned(),
            (Lang::Ko, false) => "ESL 추가 시간(+30분): 꺼짐 (Enter로 바꾸기)".to_owned(),
            (Lang::En, on) => format!(
                "ESL extra time (+30 min): {} (Enter toggles)",
                if on { "on" } else { "off" }
            ),
        });
        let mut lines: Vec<Line> = rows
            .into_iter()
            .enumerate()
            .map(|(i, r)| {
                let line = Line::raw(text::fit(&format!(" {r}"), width));
                if i == self.selected {
                    line.style(ctx.theme.selected())
                } else {
                    line
                }
            })
            .collect();
        lines.push(Line::raw(""));
        lines.extend(
            text::wrap(lang.pick(SCALED_SCORE_NOTE.ko, SCALED_SCORE_NOTE.en), width)
                .into_iter()
                .map(|l| Line::styled(l, ctx.theme.dim())),
        );
        let attempts = &ctx.store.progress().exams;
        if !attempts.is_empty() {
            lines.push(Line::raw(""));
            lines.push(Line::styled(
                lang.pick("지난 시험", "Past attempts"),
                Style::new().add_modifier(Modifier::BOLD),
            ));
            let mut prev: Option<f64> = None;
            for a in attempts.iter().rev().take(8).rev() {
                let pct = (f64::from(a.correct) * 100.0) / f64::from(a.total.max(1));
                let trend = prev.map_or(String::new(), |p| format!(" ({:+.0}%p)", pct - p));
                prev = Some(pct);
                lines.push(Line::raw(format!(
                    " {:<8} {}/{} {pct:.0}%{trend}",
                    a.exam, a.correct, a.total
                )));
            }
        }
        frame.render_widget(Paragraph::new(lines), inner);
        if let Some((choice, sel)) = self.confirm {
            draw_confirm(ctx, frame, body, choice, sel);
        }
        status_bar(
            ctx,
            frame,
            status,
            &[Context::ExamMenu, Context::List],
            None,
        );
    }
}

/// The question when a new exam is chosen while another runs.
fn draw_confirm(
    ctx: &Ctx,
    frame: &mut Frame,
    body: Rect,
    choice: crate::quiz::exam::menu::Choice,
    sel: usize,
) {
    let lang = ctx.lang;
    let running = ctx.store.running_exam().map_or(String::new(), |s| {
        format!(
            "{} · {}/{}",
            s.exam().code(),
            s.current() + 1,
            s.items().len()
        )
    });
    let asked = match lang {
        Lang::Ko => format!("{} {}문항", choice.exam.code(), choice.count),
        Lang::En => format!("{} ({} questions)", choice.exam.code(), choice.count),
    };
    let mut lines = vec![
        Line::raw(match lang {
            Lang::Ko => format!("진행 중인 모의고사가 있어요 ({running})"),
            Lang::En => format!("An exam is in progress ({running})"),
        }),
        Line::raw(""),
    ];
    let options = [
        lang.pick("이어서 하기", "Resume it").to_owned(),
        match lang {
            Lang::Ko => format!("포기하고 새로 시작 ({asked})"),
            Lang::En => format!("Give it up and start {asked}"),
        },
    ];
    for (i, o) in options.iter().enumerate() {
        let line = Line::raw(format!(" {o}"));
        lines.push(if i == sel {
            line.style(ctx.theme.selected())
        } else {
            line
        });
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        lang.pick("Enter 고르기 · Esc 취소", "Enter choose · Esc cancel"),
        ctx.theme.dim(),
    ));
    let width = lines
        .iter()
        .map(|l| u16::try_from(l.width()).unwrap_or(u16::MAX))
        .max()
        .unwrap_or(20)
        .saturating_add(4)
        .min(body.width);
    let height = u16::try_from(lines.len() + 2)
        .unwrap_or(u16::MAX)
        .min(body.height);
    let area = Rect {
        x: body.x + (body.width - width) / 2,
        y: body.y + (body.height - height) / 2,
        width,
        height,
    };
    frame.render_widget(ratatui::widgets::Clear, area);
    let block = Block::bordered().border_style(ctx.theme.border(true));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    frame.render_widget(Paragraph::new(lines), inner);
}
