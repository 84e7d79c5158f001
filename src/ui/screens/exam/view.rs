//! Drawing exam mode: the menu with attempt history, a question under the countdown, the
//! overview grid, the submit confirmation, and the results with the review list.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::{ExamScreen, Overlay, ReviewFilter, clock};
use crate::quiz::Kind;
use crate::quiz::exam::{ExamResponse, PASSING_SCORE, SCALED_SCORE_NOTE, Slot, domain_label};
use crate::strings::Lang;
use crate::text;
use crate::ui::keymap::Context;
use crate::ui::layout::Bands;
use crate::ui::screen::Ctx;
use crate::ui::view::practice::{
    choice_lines, how_to_answer, lesson_label, markdown, references, wrong_reasons,
};
use crate::ui::view::{status_bar, title_bar};

/// A question, or the results once the exam is graded.
pub(super) fn draw(exam: &ExamScreen, frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let (Some(bank), lang) = (ctx.bank, ctx.lang) else {
        return;
    };
    let Bands {
        title,
        body,
        status,
    } = Bands::of(area);
    let area = crate::ui::layout::text_column(body);
    let width = usize::from(area.width).max(1);
    let code = exam.state.exam().code();
    if let Some(r) = &exam.result {
        title_bar(
            ctx,
            frame,
            title,
            &format!("{code} · {}", lang.pick("결과", "Results")),
            "",
        );
        let mut lines: Vec<Line> = Vec::new();
        let verdict = match (lang, r.passed_estimate) {
            (Lang::Ko, true) => "합격선(720) 이상으로 추정돼요",
            (Lang::Ko, false) => "합격선(720) 아래로 추정돼요",
            (Lang::En, true) => "estimated at or above the 720 pass mark",
            (Lang::En, false) => "estimated below the 720 pass mark",
        };
        lines.push(Line::styled(
            format!(
                "{}/{} ({:.1}%) · {} {} · {verdict}",
                r.correct,
                r.total,
                r.percent,
                lang.pick("추정 점수", "estimated score"),
                r.estimated_scaled_score
            ),
            if r.passed_estimate {
                ctx.theme.done()
            } else {
                ctx.theme.warning()
            }
            .add_modifier(Modifier::BOLD),
        ));
        lines.extend(
            text::wrap(lang.pick(SCALED_SCORE_NOTE.ko, SCALED_SCORE_NOTE.en), width)
                .into_iter()
                .map(|l| Line::styled(l, ctx.theme.dim())),
        );
        lines.push(Line::raw(""));
        for d in &r.domains {
            let pct = d.percent.map_or("-".to_owned(), |p| format!("{p:.0}%"));
            let label = text::fit(
                &format!("{} ({}%)", domain_label(d.domain, lang), d.weight),
                width.saturating_sub(16),
            );
            lines.push(Line::raw(format!(
                "{label} {:>3}/{:<3} {pct:>5}",
                d.correct, d.total
            )));
        }
        lines.push(Line::raw(""));
        if !exam.mistakes.is_empty() {
            let n = exam.mistakes.len();
            lines.push(Line::styled(
                match lang {
                    Lang::Ko => {
                        format!("r · 틀린 문제 {n}개 지금 복습 (표시한 문제·안 푼 문제 포함)")
                    }
                    Lang::En => {
                        format!("r · Review the {n} mistake(s) now (flagged and skipped included)")
                    }
                },
                ctx.theme.key().add_modifier(Modifier::BOLD),
            ));
            lines.push(Line::raw(""));
        }
        let tabs = [
            (
                ReviewFilter::Wrong,
                lang.pick("틀린 문제", "Wrong"),
                r.wrong.len(),
            ),
            (
                ReviewFilter::Flagged,
                lang.pick("표시한 문제", "Flagged"),
                r.flagged.len(),
            ),
            (
                ReviewFilter::Skipped,
                lang.pick("안 푼 문제", "Skipped"),
                r.skipped.len(),
            ),
        ];
        let mut spans = vec![Span::raw(lang.pick("다시 보기 (Tab): ", "Review (Tab): "))];
        for (f, label, n) in tabs {
            let style = if f == exam.filter {
                ctx.theme.selected()
            } else {
                ctx.theme.dim()
            };
            spans.push(Span::styled(format!(" {label} {n} "), style));
            spans.push(Span::raw(" "));
        }
        lines.push(Line::from(spans));
        for id in exam.reviewed() {
            lines.extend(review_item(exam, ctx, &id, width));
        }
        let scroll = exam
            .scroll
            .min(lines.len().saturating_sub(usize::from(area.height)));
        frame.render_widget(Paragraph::new(lines).scroll((scroll as u16, 0)), area);
        status_bar(ctx, frame, status, &[Context::ExamResults], None);
        return;
    }

    let remaining = exam.state.remaining_ms(ctx.now_ms);
    let index = exam.state.current();
    let right = format!(
        "{}/{} · {} {}",
        index + 1,
        exam.items.len(),
        lang.pick("남은 시간", "left"),
        clock(remaining)
    );
    title_bar(
        ctx,
        frame,
        title,
        &format!("{code} {}", lang.pick("모의고사", "mock exam")),
        &right,
    );
    let Some(item) = exam.item() else { return };
    let q = &bank.entries[item.entry].question;
    let saved = exam.state.items().get(index);
    let chosen: Vec<&str> = match saved.and_then(|i| i.response.as_ref()) {
        Some(ExamResponse::Choices(ids)) => ids.iter().map(String::as_str).collect(),
        _ => Vec::new(),
    };
    let flagged = saved.is_some_and(|i| i.flagged);
    let mut lines: Vec<Line> = Vec::new();
    let kind = how_to_answer(q.kind, lang, true);
    let flag = if flagged {
        lang.pick("  ⚑ 다시 볼 문제", "  ⚑ flagged")
    } else {
        ""
    };
    for l in text::wrap(&format!("{kind}{flag}"), width) {
        lines.push(Line::styled(l, ctx.theme.dim()));
    }
    lines.push(Line::raw(""));
    let english = exam.english && q.prompt_en.is_some();
    let prompt = if english {
        q.prompt_en.as_deref().unwrap_or(&q.prompt)
    } else {
        &q.prompt
    };
    lines.extend(markdown(ctx.theme, prompt, width));
    lines.push(Line::raw(""));
    for (n, &c) in item.order.iter().enumerate() {
        let choice = &q.choices[c];
        let on = chosen.contains(&choice.id.as_str());
        let mark = match (q.kind, on) {
            (Kind::Multiple, true) => "■",
            (Kind::Multiple, false) => "□",
            (_, true) => "●",
            (_, false) => "○",
        };
        let head = format!("{mark} {}) ", n + 1);
        let style = if n == exam.cursor {
            ctx.theme.selected()
        } else if on {
            ctx.theme.key()
        } else {
            Style::new()
        };
        let label = if english {
            q.choices_en
                .as_ref()
                .and_then(|en| en.get(c))
                .unwrap_or(&choice.text)
        } else {
            &choice.text
        };
        lines.extend(choice_lines(ctx.theme, &head, label, width, style));
    }
    let mut cursor = None;
    if q.kind == Kind::Numeric {
        let prompt = format!("{} ", lang.pick("답:", "Answer:"));
        lines.push(Line::from(vec![
            Span::styled(prompt.clone(), ctx.theme.key()),
            Span::raw(format!(
                "{} {}",
                exam.number,
                q.unit.as_deref().unwrap_or("")
            )),
        ]));
        cursor = Some((
            lines.len() - 1,
            text::width(&prompt) + text::width(&exam.number),
        ));
    }
    frame.render_widget(Paragraph::new(lines), area);
    let visible = |(row, _): &(usize, usize)| {
        *row < usize::from(area.height) && exam.overlay == Overlay::None
    };
    if let Some((row, col)) = cursor.filter(visible) {
        frame.set_cursor_position(Position {
            x: area.x + col as u16,
            y: area.y + row as u16,
        });
    }
    match exam.overlay {
        Overlay::None => status_bar(ctx, frame, status, &[Context::Exam], None),
        Overlay::Overview(sel) => {
            status_bar(ctx, frame, status, &[Context::ExamOverview], None);
            draw_overview(exam, ctx, frame, body, sel);
        }
        Overlay::Confirm => draw_confirm(exam, ctx, frame, body),
    }
}

fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let (w, h) = (width.min(area.width), height.min(area.height));
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

fn draw_overview(exam: &ExamScreen, ctx: &Ctx, frame: &mut Frame, body: Rect, sel: usize) {
    let lang = ctx.lang;
    let slots = exam.state.overview();
    let rows = slots.len().div_ceil(10) as u16;
    let rect = centered(body, 48, rows + 5);
    let block = Block::bordered()
        .title(format!(" {} ", lang.pick("전체 보기", "Overview")))
        .title_bottom(
            Line::from(lang.pick(" Enter 이동 · Esc 닫기 ", " Enter go · Esc close "))
                .right_aligned(),
        )
        .border_style(ctx.theme.border(true));
    let inner = block.inner(rect);
    crate::ui::view::clear_for(ctx, frame, rect);
    frame.render_widget(block, rect);
    let mut lines: Vec<Line> = Vec::new();
    for (row, chunk) in slots.chunks(10).enumerate() {
        let spans: Vec<Span> = chunk
            .iter()
            .enumerate()
            .map(|(i, slot)| {
                let n = row * 10 + i;
                let (mark, style) = match slot {
                    Slot::Answered => ("●", ctx.theme.done()),
                    Slot::Flagged { .. } => ("⚑", ctx.theme.partial()),
                    Slot::Empty => ("○", ctx.theme.dim()),
                };
                let style = if n == sel {
                    ctx.theme.selected()
                } else {
                    style
                };
                Span::styled(format!("{:>2}{mark} ", n + 1), style)
            })
            .collect();
        lines.push(Line::from(spans));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        lang.pick(
            "● 답함  ⚑ 다시 볼 문제  ○ 안 품",
            "● answered  ⚑ flagged  ○ empty",
        ),
        ctx.theme.dim(),
    ));
    frame.render_widget(Paragraph::new(lines), inner);
}

fn draw_confirm(exam: &ExamScreen, ctx: &Ctx, frame: &mut Frame, body: Rect) {
    let lang = ctx.lang;
    let list = |v: Vec<usize>| {
        if v.is_empty() {
            "-".to_owned()
        } else {
            v.iter()
                .map(|i| (i + 1).to_string())
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    let rect = centered(body, 56, 9);
    let block = Block::bordered()
        .title(format!(" {} ", lang.pick("제출할까요?", "Submit now?")))
        .title_bottom(
            Line::from(lang.pick(
                " Enter 제출 · Esc 계속 풀기 ",
                " Enter submit · Esc keep going ",
            ))
            .right_aligned(),
        )
        .border_style(ctx.theme.border(true));
    let inner = block.inner(rect);
    crate::ui::view::clear_for(ctx, frame, rect);
    frame.render_widget(block, rect);
    let width = usize::from(inner.width);
    let mut lines = Vec::new();
    for l in text::wrap(
        &format!(
            "{} {}",
            lang.pick("안 푼 문제:", "Unanswered:"),
            list(exam.state.unanswered())
        ),
        width,
    ) {
        lines.push(Line::styled(l, ctx.theme.warning()));
    }
    for l in text::wrap(
        &format!(
            "{} {}",
            lang.pick("다시 볼 문제:", "Flagged:"),
            list(exam.state.flagged())
        ),
        width,
    ) {
        lines.push(Line::styled(l, ctx.theme.partial()));
    }
    lines.push(Line::raw(""));
    let note = match lang {
        Lang::Ko => format!("제출하면 답을 바꿀 수 없어요. 합격선은 {PASSING_SCORE}점이에요."),
        Lang::En => {
            format!("After submitting, answers cannot change. The pass mark is {PASSING_SCORE}.")
        }
    };
    lines.extend(text::wrap(&note, width).into_iter().map(Line::raw));
    frame.render_widget(Paragraph::new(lines), inner);
}

/// One question of the results' review: its number and prompt, your answer beside the right
/// one (choices by the numbers they had on screen), why every wrong choice is wrong in screen
/// order, the explanation, the references and the lesson section by its title.
fn review_item(exam: &ExamScreen, ctx: &Ctx, id: &str, width: usize) -> Vec<Line<'static>> {
    let (Some(bank), lang) = (ctx.bank, ctx.lang) else {
        return Vec::new();
    };
    let Some(index) = exam.state.items().iter().position(|i| i.id == id) else {
        return Vec::new();
    };
    let (Some(item), saved) = (exam.items.get(index), &exam.state.items()[index]) else {
        return Vec::new();
    };
    let q = &bank.entries[item.entry].question;
    let english = exam.english && q.prompt_en.is_some();
    let mut lines: Vec<Line<'static>> = vec![Line::raw("")];
    let flag = if saved.flagged {
        lang.pick("  ⚑ 다시 볼 문제", "  ⚑ flagged")
    } else {
        ""
    };
    lines.push(Line::styled(
        match lang {
            Lang::Ko => format!("■ {}번 문제{flag}", index + 1),
            Lang::En => format!("■ Question {}{flag}", index + 1),
        },
        Style::new().add_modifier(Modifier::BOLD),
    ));
    let prompt = if english {
        q.prompt_en.as_deref().unwrap_or(&q.prompt)
    } else {
        &q.prompt
    };
    lines.extend(markdown(ctx.theme, prompt, width));
    let label = |c: usize| -> String {
        let text = if english {
            q.choices_en
                .as_ref()
                .and_then(|en| en.get(c))
                .unwrap_or(&q.choices[c].text)
        } else {
            &q.choices[c].text
        };
        text.trim().replace('\n', " ")
    };
    // The choices as numbered on screen: display position n shows choice order[n].
    let numbered = |pick: &dyn Fn(&str) -> bool| -> Vec<String> {
        item.order
            .iter()
            .enumerate()
            .filter(|&(_, &c)| pick(&q.choices[c].id))
            .map(|(n, &c)| format!("{}) {}", n + 1, label(c)))
            .collect()
    };
    let right_ids = q.correct_ids();
    let unit = q.unit.as_deref().unwrap_or("");
    let (mine, chosen): (String, Vec<&str>) = match &saved.response {
        None => (
            lang.pick("답하지 않음", "not answered").to_owned(),
            Vec::new(),
        ),
        Some(ExamResponse::Number(n)) => (format!("{n} {unit}").trim_end().to_owned(), Vec::new()),
        Some(ExamResponse::Choices(ids)) => (
            numbered(&|c| ids.iter().any(|i| i == c)).join(" / "),
            ids.iter().map(String::as_str).collect(),
        ),
    };
    let right = match &q.answer {
        crate::quiz::Answer::Number(n) => format!("{n} {unit}").trim_end().to_owned(),
        _ => numbered(&|c| right_ids.contains(&c)).join(" / "),
    };
    lines.push(Line::raw(""));
    let mine_right = saved
        .response
        .clone()
        .is_some_and(|r| crate::quiz::session::grade(q, &r.into()));
    let mine_style = if mine_right {
        ctx.theme.done()
    } else {
        ctx.theme.warning()
    };
    for l in text::wrap(
        &format!("{} {mine}", lang.pick("내 답:", "Your answer:")),
        width,
    ) {
        lines.push(Line::styled(l, mine_style));
    }
    for l in text::wrap(&format!("{} {right}", lang.pick("정답:", "Answer:")), width) {
        lines.push(Line::styled(l, ctx.theme.done()));
    }
    lines.extend(wrong_reasons(
        ctx.theme,
        lang,
        q,
        &item.order,
        &chosen,
        english,
        true,
        width,
    ));
    lines.push(Line::raw(""));
    let explanation = if english {
        q.explanation_en.as_deref().unwrap_or(&q.explanation)
    } else {
        &q.explanation
    };
    lines.extend(markdown(ctx.theme, explanation, width));
    lines.extend(references(ctx, &q.refs, width));
    for l in text::wrap(
        &format!(
            "{} {}",
            lang.pick("레슨:", "Lesson:"),
            lesson_label(ctx.library, &q.lesson)
        ),
        width,
    ) {
        lines.push(Line::styled(l, ctx.theme.dim()));
    }
    lines
}
