//! Drawing a practice session: the question, its choices or number box, the feedback with the
//! explanation and references, and the summary at the end.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Phase, Practice};

use crate::quiz::Kind;
use crate::quiz::session::Response;
use crate::strings::Lang;
use crate::text;
use crate::ui::keymap::Context;
use crate::ui::screen::Ctx;
use crate::ui::view::practice::{
    choice_lines, domain_names, how_to_answer, lesson_label, markdown, references, wrong_reasons,
};
use crate::ui::view::{status_bar, title_bar};

pub(super) fn draw(p: &Practice, frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let (Some(bank), lang) = (ctx.bank, ctx.lang) else {
        return;
    };
    let crate::ui::layout::Bands {
        title,
        body,
        status,
    } = crate::ui::layout::Bands::of(area);
    let text_area = crate::ui::layout::text_column(body);
    let width = usize::from(text_area.width).max(1);
    let score = match lang {
        Lang::Ko => format!(
            "{}/{} · 맞힘 {}",
            (p.index + 1).min(p.items.len()),
            p.items.len(),
            p.correct
        ),
        Lang::En => format!(
            "{}/{} · right {}",
            (p.index + 1).min(p.items.len()),
            p.items.len(),
            p.correct
        ),
    };
    title_bar(
        ctx,
        frame,
        title,
        &format!("{} · {}", lang.pick("문제 풀기", "Practice"), p.label),
        &score,
    );

    let mut lines: Vec<Line> = Vec::new();
    if p.phase == Phase::Finished {
        let pct = (p.correct * 100).checked_div(p.answered).unwrap_or(0);
        let summary = match lang {
            Lang::Ko => format!("{}문제 중 {}문제 맞혔어요 ({pct}%).", p.answered, p.correct),
            Lang::En => format!("{} of {} correct ({pct}%).", p.correct, p.answered),
        };
        lines.push(Line::styled(
            summary,
            Style::new().add_modifier(Modifier::BOLD),
        ));
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            lang.pick(
                "Enter를 누르면 돌아가요. 틀린 문제는 진도 파일에 기록돼요.",
                "Press Enter to go back. Every answer is logged in your progress.",
            ),
            ctx.theme.dim(),
        ));
        frame.render_widget(Paragraph::new(lines), text_area);
        status_bar(ctx, frame, status, &[Context::Practice], None);
        return;
    }
    let Some(item) = p.item() else { return };
    let q = &bank.entries[item.entry].question;
    let english = p.english && q.prompt_en.is_some();
    let stars = "●".repeat(usize::from(q.difficulty))
        + &"○".repeat(3usize.saturating_sub(usize::from(q.difficulty)));
    let kind = how_to_answer(q.kind, lang, false);
    for l in text::wrap(&format!("{stars}  {kind}"), width) {
        lines.push(Line::styled(l, ctx.theme.dim()));
    }
    lines.push(Line::raw(""));
    let prompt = if english {
        q.prompt_en.as_deref().unwrap_or(&q.prompt)
    } else {
        &q.prompt
    };
    lines.extend(markdown(ctx.theme, prompt, width));
    lines.push(Line::raw(""));

    let feedback = match &p.phase {
        Phase::Feedback { response, correct } => Some((response, *correct)),
        _ => None,
    };
    let chosen: Vec<&str> = match feedback {
        Some((Response::Choices(ids), _)) => ids.iter().map(String::as_str).collect(),
        _ => Vec::new(),
    };
    let right = q.correct_ids();
    let mut cursor_pos = None;
    for (n, &c) in item.order.iter().enumerate() {
        let choice = &q.choices[c];
        let label = if english {
            q.choices_en
                .as_ref()
                .and_then(|en| en.get(c))
                .unwrap_or(&choice.text)
        } else {
            &choice.text
        };
        let mark = match (feedback.is_some(), q.kind) {
            (true, _) if right.contains(&choice.id.as_str()) => "✓",
            (true, _) if chosen.contains(&choice.id.as_str()) => "✗",
            (true, _) | (false, Kind::Single | Kind::Numeric) => " ",
            (false, Kind::Multiple) => {
                if p.marked.get(n).copied().unwrap_or(false) {
                    "■"
                } else {
                    "□"
                }
            }
        };
        let head = format!("{mark} {}) ", n + 1);
        let style = if feedback.is_some() {
            if right.contains(&choice.id.as_str()) {
                ctx.theme.done()
            } else if chosen.contains(&choice.id.as_str()) {
                ctx.theme.warning()
            } else {
                Style::new()
            }
        } else if n == p.cursor {
            ctx.theme.selected()
        } else {
            Style::new()
        };
        lines.extend(choice_lines(ctx.theme, &head, label, width, style));
    }
    if q.kind == Kind::Numeric {
        let unit = q.unit.as_deref().unwrap_or("");
        let prompt = format!("{} ", lang.pick("답:", "Answer:"));
        lines.push(Line::from(vec![
            Span::styled(prompt.clone(), ctx.theme.key()),
            Span::raw(format!("{} {unit}", p.number)),
        ]));
        if feedback.is_none() {
            cursor_pos = Some((
                lines.len() - 1,
                text::width(&prompt) + text::width(&p.number),
            ));
        }
    }
    if let Some((response, correct)) = feedback {
        lines.push(Line::raw(""));
        let verdict = if correct {
            lang.pick("✓ 정답이에요", "✓ Correct")
        } else {
            lang.pick("✗ 틀렸어요", "✗ Not quite")
        };
        let style = if correct {
            ctx.theme.done()
        } else {
            ctx.theme.warning()
        };
        lines.push(Line::styled(verdict, style.add_modifier(Modifier::BOLD)));
        if let (false, Response::Number(_), crate::quiz::Answer::Number(n)) =
            (correct, response, &q.answer)
        {
            lines.push(Line::raw(format!(
                "{} {n} {}",
                lang.pick("정답:", "Answer:"),
                q.unit.as_deref().unwrap_or("")
            )));
        }
        // Each wrong choice picked, by the number it has on screen, in screen order.
        lines.extend(wrong_reasons(
            ctx.theme,
            lang,
            q,
            &item.order,
            &chosen,
            english,
            false,
            width,
        ));
        lines.push(Line::raw(""));
        let explanation = if p.english {
            q.explanation_en.as_deref().unwrap_or(&q.explanation)
        } else {
            &q.explanation
        };
        lines.extend(markdown(ctx.theme, explanation, width));
        lines.extend(references(ctx, &q.refs, width));
        if !q.domains.is_empty() {
            lines.push(Line::styled(
                text::truncate(
                    &format!(
                        "{} {}",
                        lang.pick("시험 영역:", "Exam domain:"),
                        domain_names(&q.domains, lang)
                    ),
                    width,
                ),
                ctx.theme.dim(),
            ));
        }
        lines.push(Line::styled(
            text::truncate(
                &format!(
                    "{} {}  (o)",
                    lang.pick("레슨:", "Lesson:"),
                    lesson_label(ctx.library, &q.lesson)
                ),
                width,
            ),
            ctx.theme.dim(),
        ));
    }
    let height = usize::from(text_area.height);
    p.max_scroll.set(lines.len().saturating_sub(height));
    let scroll = p.scroll.min(p.max_scroll.get());
    frame.render_widget(Paragraph::new(lines).scroll((scroll as u16, 0)), text_area);
    // The real cursor sits at the end of a typed number, like in any input box.
    let visible = |(row, _): &(usize, usize)| (scroll..scroll + height).contains(row);
    if let Some((row, col)) = cursor_pos.filter(visible) {
        let (x, y) = (
            text_area.x + col as u16,
            text_area.y + (row - scroll) as u16,
        );
        frame.set_cursor_position(Position { x, y });
    }
    status_bar(ctx, frame, status, &[Context::Practice], None);
}
