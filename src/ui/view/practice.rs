//! Pieces of a question that practice and the exam draw alike: a choice hung under its number,
//! markdown text, the references list.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use crate::lesson::{RenderOptions, render};
use crate::quiz::Kind;
use crate::strings::Lang;
use crate::text;
use crate::ui::screen::Ctx;
use crate::ui::theme::Theme;

/// One choice: `head` ("○ 2) ") then its markdown text, wrapped and hung under the number.
pub(in crate::ui) fn choice_lines(
    theme: Theme,
    head: &str,
    label: &str,
    width: usize,
    style: Style,
) -> Vec<Line<'static>> {
    let hang = text::width(head);
    markdown(theme, label, width.saturating_sub(hang).max(1))
        .into_iter()
        .enumerate()
        .map(|(i, mut l)| {
            let lead = if i == 0 {
                head.to_owned()
            } else {
                " ".repeat(hang)
            };
            l.spans.insert(0, Span::raw(lead));
            l.patch_style(style)
        })
        .collect()
}

/// The AWS documentation pages a question cites ("참고 문서"), one per line, wrapped.
pub(in crate::ui) fn references(ctx: &Ctx, refs: &[String], width: usize) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    if refs.is_empty() {
        return lines;
    }
    lines.push(Line::styled(
        ctx.lang.pick("참고 문서", "References").to_owned(),
        ctx.theme.dim().add_modifier(Modifier::BOLD),
    ));
    for r in refs {
        for l in text::wrap(&format!("· {r}"), width) {
            lines.push(Line::styled(l, ctx.theme.dim()));
        }
    }
    lines
}

/// Markdown (a prompt, an explanation) as styled lines of at most `width` cells.
pub(in crate::ui) fn markdown(theme: Theme, md: &str, width: usize) -> Vec<Line<'static>> {
    let opts = RenderOptions {
        width,
        ..RenderOptions::default()
    };
    render(md.trim(), &opts)
        .lines
        .iter()
        .map(|l| {
            Line::from(
                l.spans
                    .iter()
                    .map(|s| Span::styled(s.text.clone(), theme.span(s.style)))
                    .collect::<Vec<_>>(),
            )
        })
        .collect()
}

/// A question's lesson as a learner knows it: "레슨 제목 › 절 제목" for `id#anchor`, the lesson
/// title for `id`, the reference itself only when the lesson is not in the library.
pub(in crate::ui) fn lesson_label(library: &crate::lesson::Library, reference: &str) -> String {
    let (id, anchor) = reference.split_once('#').unwrap_or((reference, ""));
    let Some(lesson) = library.lesson(id) else {
        return reference.to_owned();
    };
    let section = (!anchor.is_empty())
        .then(|| {
            crate::lesson::render::titled_anchors(&lesson.body)
                .into_iter()
                .find(|(_, a)| a == anchor)
                .map(|(title, _)| title)
        })
        .flatten();
    match section {
        Some(title) => format!("{} › {title}", lesson.meta.title),
        None => lesson.meta.title.clone(),
    }
}

/// The line under a question that says how to answer it. Practice and the exam agree: a digit
/// toggles its choice (the cursor stays), Space toggles the choice under the cursor; Enter
/// answers in practice and moves on in the exam (where every mark is saved as it is made).
pub(in crate::ui) fn how_to_answer(kind: Kind, lang: Lang, exam: bool) -> &'static str {
    match (kind, lang, exam) {
        (Kind::Single, Lang::Ko, _) => "하나 고르기",
        (Kind::Single, Lang::En, _) => "choose one",
        (Kind::Multiple, Lang::Ko, false) => {
            "여러 개 고르기 · 숫자: 그 보기 표시·해제 · Space: 커서의 보기 표시·해제 · Enter: 답하기"
        }
        (Kind::Multiple, Lang::Ko, true) => {
            "여러 개 고르기 · 숫자: 그 보기 표시·해제 · Space: 커서의 보기 표시·해제 · Enter: 다음 문제"
        }
        (Kind::Multiple, Lang::En, false) => {
            "choose several · a digit toggles its choice · Space toggles the one under the cursor · Enter answers"
        }
        (Kind::Multiple, Lang::En, true) => {
            "choose several · a digit toggles its choice · Space toggles the one under the cursor · Enter moves on"
        }
        (Kind::Numeric, Lang::Ko, _) => "숫자로 답하기",
        (Kind::Numeric, Lang::En, _) => "type a number",
    }
}

/// Why the wrong choices are wrong, by the number each has on screen, in screen order
/// (`order`: display position → choice index). With `every`, all wrong choices that have a
/// reason (the exam review); otherwise only the ones in `chosen` (practice feedback). A chosen
/// one says so ("고른 2번").
#[allow(clippy::too_many_arguments)]
pub(in crate::ui) fn wrong_reasons(
    theme: Theme,
    lang: Lang,
    q: &crate::quiz::format::Question,
    order: &[usize],
    chosen: &[&str],
    english: bool,
    every: bool,
    width: usize,
) -> Vec<Line<'static>> {
    let right = q.correct_ids();
    let mut lines = Vec::new();
    for (n, &c) in order.iter().enumerate() {
        let Some(ch) = q.choices.get(c) else { continue };
        let picked = chosen.contains(&ch.id.as_str());
        if right.contains(&ch.id.as_str()) || !(every || picked) {
            continue;
        }
        let why = if english {
            ch.why_en.as_ref().or(ch.why.as_ref())
        } else {
            ch.why.as_ref()
        };
        let Some(why) = why else { continue };
        let label = match (lang, picked) {
            (Lang::Ko, true) => format!("고른 {}번이 틀린 이유:", n + 1),
            (Lang::Ko, false) => format!("{}번이 틀린 이유:", n + 1),
            (Lang::En, true) => format!("Why your choice {} is wrong:", n + 1),
            (Lang::En, false) => format!("Why choice {} is wrong:", n + 1),
        };
        lines.extend(markdown(theme, &format!("**{label}** {why}"), width));
    }
    lines
}

/// A question's exam domains by name in `lang`, joined by " · " (ids stay in files and JSON).
pub(in crate::ui) fn domain_names(ids: &[String], lang: Lang) -> String {
    ids.iter()
        .map(|d| crate::quiz::exam::domain_label(d, lang))
        .collect::<Vec<_>>()
        .join(" · ")
}
