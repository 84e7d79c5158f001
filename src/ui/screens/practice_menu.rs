//! The practice menu: what to practise (everything, a course, an exam domain, a common tag),
//! each with its number of questions.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::quiz::session::Filter;
use crate::strings::Lang;
use crate::text;
use crate::ui::app::Screen as Kind;
use crate::ui::keymap::{Action, Context};
use crate::ui::layout::Bands;
use crate::ui::screen::{Ctx, Effect, Open, Screen};
use crate::ui::view::{status_bar, title_bar};

/// The practice menu and its selected row.
#[derive(Debug, Default)]
pub struct PracticeMenu {
    /// Selected row.
    pub selected: usize,
}

/// The practice menu's rows: everything, each course, each exam domain, the most used tags;
/// (label, filter).
pub fn topics(ctx: &Ctx) -> Vec<(String, Filter)> {
    let lang = ctx.lang;
    let mut out = vec![(
        lang.pick("모든 레슨", "All lessons").to_owned(),
        Filter::default(),
    )];
    for course in &ctx.library.courses {
        let lessons = course
            .lessons
            .iter()
            .map(|&i| ctx.library.lessons[i].meta.id.clone())
            .collect();
        out.push((
            course.meta.title.clone(),
            Filter {
                lessons,
                ..Filter::default()
            },
        ));
    }
    for (id, exam, _, weight) in crate::quiz::format::DOMAINS {
        let name = crate::quiz::exam::domain_label(id, lang);
        let label = format!("{exam} · {name} ({weight}%)");
        out.push((
            label,
            Filter {
                domain: Some(id.to_owned()),
                ..Filter::default()
            },
        ));
    }
    // The most used question tags, most questions first.
    if let Some(bank) = ctx.bank {
        let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
        for e in &bank.entries {
            for t in &e.question.tags {
                *counts.entry(t.as_str()).or_default() += 1;
            }
        }
        let mut tags: Vec<(&str, usize)> = counts.into_iter().collect();
        tags.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let word = lang.pick("태그", "tag");
        for (tag, _) in tags.into_iter().take(12) {
            out.push((
                format!("{word} #{tag}"),
                Filter {
                    tag: Some(tag.to_owned()),
                    ..Filter::default()
                },
            ));
        }
    }
    out
}

impl Screen for PracticeMenu {
    fn kind(&self) -> Kind {
        Kind::PracticeMenu
    }

    fn contexts(&self, _ctx: &Ctx) -> Vec<Context> {
        vec![Context::List]
    }

    fn update(&mut self, action: Action, ctx: &Ctx) -> Effect {
        match action {
            Action::Down => self.selected = super::next_row(self.selected, topics(ctx).len()),
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Open => {
                if let Some((label, filter)) = topics(ctx).into_iter().nth(self.selected) {
                    return Effect::Open(Open::Practice(filter, label));
                }
            }
            Action::Back => return Effect::Pop,
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
        title_bar(
            ctx,
            frame,
            title,
            lang.pick("문제 풀기 · 범위 고르기", "Practice · choose a topic"),
            "",
        );
        let block = Block::bordered().border_style(ctx.theme.border(true));
        let inner = block.inner(body);
        frame.render_widget(block, body);
        let Some(bank) = ctx.bank else {
            return;
        };
        let topics = topics(ctx);
        let width = usize::from(inner.width);
        let rows = usize::from(inner.height).max(1);
        let offset = (self.selected + 1).saturating_sub(rows);
        let lines: Vec<Line> = topics
            .iter()
            .enumerate()
            .skip(offset)
            .take(rows)
            .map(|(i, (label, filter))| {
                let n = crate::sims::compare::group(filter.count(bank) as f64);
                let count = match lang {
                    Lang::Ko => format!("{n}문항 "),
                    Lang::En => format!("{n} questions "),
                };
                let label = text::fit(
                    &format!(" {label}"),
                    width.saturating_sub(text::width(&count)),
                );
                let line = Line::from(vec![Span::raw(label), Span::styled(count, ctx.theme.dim())]);
                if i == self.selected {
                    line.style(ctx.theme.selected())
                } else {
                    line
                }
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), inner);
        status_bar(ctx, frame, status, &[Context::List], None);
    }
}
