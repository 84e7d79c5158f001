//! Readiness: how ready the learner is for each exam, as `gureum stats` counts it, drawn.
//!
//! Two panels. The first has a bar per exam domain: accuracy over the domain's most recent
//! answers (practice and mock exams, [`readiness::RECENT_ANSWERS`] at most), with the domain's
//! blueprint weight beside it and, per exam, the accuracy weighted by those weights. The
//! second is a chart of the finished mock exams' estimated scaled scores in the order they were
//! taken, with the 720 passing line. Every bar and point also has its number in text, and the
//! exams differ by marker and legend, so nothing is told by colour alone.
//!
//! The numbers are worked out once, when the screen opens (from the store's answer log and
//! finished exams); the screen only draws them. Wide terminals put the panels side by side; a
//! short one swaps the chart for a list of the scores.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Block, Chart, Dataset, GraphType, LineGauge, Paragraph};

use crate::quiz::exam::readiness::{self, DomainAccuracy, ExamScore};
use crate::quiz::exam::{ExamId, PASSING_SCORE, domain_label};
use crate::strings::Lang;
use crate::text;
use crate::ui::app::Screen as Kind;
use crate::ui::keymap::{Action, Context};
use crate::ui::layout::Bands;
use crate::ui::screen::{Ctx, Effect, Screen};
use crate::ui::view::{status_bar, title_bar};

/// Width from which the bars and the chart sit side by side.
const SIDE_BY_SIDE: u16 = 110;
/// Fewest rows the chart is drawn in; below, the scores are listed instead.
const MIN_CHART_ROWS: u16 = 8;
/// Lowest and highest scaled score.
const SCORE_RANGE: [f64; 2] = [100.0, 1000.0];

/// The readiness screen and the numbers it shows.
#[derive(Debug, Clone, Default)]
pub struct Readiness {
    /// Every exam domain's recent accuracy.
    pub domains: Vec<DomainAccuracy>,
    /// The finished mock exams' scores, oldest first.
    pub scores: Vec<ExamScore>,
}

impl Readiness {
    /// Works out the numbers from the store's answers and finished exams (nothing without the
    /// banks).
    pub fn new(ctx: &Ctx) -> Self {
        let Some(bank) = ctx.bank else {
            return Self::default();
        };
        let finished = ctx.store.finished_exams().unwrap_or_default();
        let answers = ctx.store.answers().unwrap_or_default();
        let outcomes = readiness::outcomes(&answers, &finished, bank);
        Self {
            domains: readiness::domain_accuracy(&outcomes),
            scores: readiness::exam_scores(&finished, bank),
        }
    }

    /// The exams to show: those with answers or scores, or both when there are none at all.
    fn exams(&self) -> Vec<ExamId> {
        let used: Vec<ExamId> = ExamId::ALL
            .into_iter()
            .filter(|&e| {
                self.scores.iter().any(|s| s.exam == e)
                    || self.domains.iter().any(|d| d.exam == e && d.answered > 0)
            })
            .collect();
        if used.is_empty() {
            ExamId::ALL.to_vec()
        } else {
            used
        }
    }
}

impl Screen for Readiness {
    fn kind(&self) -> Kind {
        Kind::Readiness
    }

    fn contexts(&self, _ctx: &Ctx) -> Vec<Context> {
        vec![Context::Readiness]
    }

    fn update(&mut self, action: Action, _ctx: &Ctx) -> Effect {
        match action {
            Action::Back => Effect::Pop,
            _ => Effect::None,
        }
    }

    fn render(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let lang = ctx.lang;
        let Bands {
            title,
            body,
            status,
        } = Bands::of(area);
        let summary: Vec<String> = self
            .exams()
            .into_iter()
            .map(|e| {
                let w = readiness::weighted_accuracy(&self.domains, e)
                    .map_or_else(|| "-".to_owned(), |a| format!("{:.0}%", a * 100.0));
                format!("{} {w}", e.code())
            })
            .collect();
        title_bar(
            ctx,
            frame,
            title,
            lang.pick("준비도", "Readiness"),
            &summary.join(" · "),
        );
        let inner = Rect {
            x: body.x + 1,
            y: body.y + 1,
            width: body.width.saturating_sub(2),
            height: body.height.saturating_sub(1),
        };
        let bars_rows =
            u16::try_from(self.bar_lines(ctx, usize::from(inner.width)).len()).unwrap_or(u16::MAX);
        let (bars, chart) = if inner.width >= SIDE_BY_SIDE {
            let left = inner.width / 2;
            (
                Rect {
                    width: left.saturating_sub(1),
                    ..inner
                },
                Rect {
                    x: inner.x + left + 1,
                    width: inner.width.saturating_sub(left + 1),
                    ..inner
                },
            )
        } else {
            let top = bars_rows.min(inner.height);
            (
                Rect {
                    height: top,
                    ..inner
                },
                Rect {
                    y: inner.y + top,
                    height: inner.height.saturating_sub(top),
                    ..inner
                },
            )
        };
        self.draw_bars(ctx, frame, bars);
        self.draw_scores(ctx, frame, chart);
        status_bar(ctx, frame, status, &[Context::Readiness], None);
    }
}

impl Readiness {
    /// The text of the bars panel (the gauges are drawn over the rows that carry a domain).
    fn bar_lines(&self, ctx: &Ctx, width: usize) -> Vec<(Line<'static>, Option<DomainAccuracy>)> {
        let lang = ctx.lang;
        let mut lines: Vec<(Line<'static>, Option<DomainAccuracy>)> = Vec::new();
        let note = match lang {
            Lang::Ko => format!(
                "영역마다 최근 답 {}개의 정답률 · 비중은 시험 안내서의 배점 비율",
                readiness::RECENT_ANSWERS
            ),
            Lang::En => format!(
                "Accuracy over each domain's last {} answers · weight as in the exam guide",
                readiness::RECENT_ANSWERS
            ),
        };
        for l in text::wrap(&note, width) {
            lines.push((Line::styled(l, ctx.theme.dim()), None));
        }
        for exam in self.exams() {
            lines.push((Line::raw(""), None));
            let weighted = readiness::weighted_accuracy(&self.domains, exam).map_or_else(
                || lang.pick("답한 문제 없음", "no answers yet").to_owned(),
                |a| format!("{:.0}%", a * 100.0),
            );
            lines.push((
                Line::styled(
                    text::fit(
                        &format!(
                            "{} · {} {weighted}",
                            exam.code(),
                            lang.pick("비중으로 가중한 정답률", "weighted accuracy")
                        ),
                        width,
                    ),
                    Style::new().add_modifier(Modifier::BOLD),
                ),
                None,
            ));
            for d in self.domains.iter().filter(|d| d.exam == exam) {
                lines.push((Line::raw(""), Some(*d)));
            }
        }
        lines
    }

    /// Per domain: name, weight, a bar of its accuracy and the numbers.
    fn draw_bars(&self, ctx: &Ctx, frame: &mut Frame, area: Rect) {
        let lang = ctx.lang;
        let width = usize::from(area.width);
        let lines = self.bar_lines(ctx, width);
        // Columns: name, weight ("30%"), the bar, the numbers ("100% 50/50").
        let numbers_w: u16 = 11;
        let weight_w: u16 = 5;
        let names_w = self
            .domains
            .iter()
            .map(|d| text::width(&domain_label(d.domain, lang)))
            .max()
            .unwrap_or(0);
        let name_w = u16::try_from(names_w + 1)
            .unwrap_or(u16::MAX)
            .min(area.width.saturating_sub(numbers_w + weight_w + 6) / 2 + 8)
            .min(area.width);
        let bar_w = area.width.saturating_sub(name_w + weight_w + numbers_w);
        for (row, (line, domain)) in lines.into_iter().enumerate() {
            let Ok(dy) = u16::try_from(row) else { break };
            if dy >= area.height {
                break;
            }
            let y = area.y + dy;
            let Some(d) = domain else {
                frame.render_widget(
                    Paragraph::new(line),
                    Rect {
                        y,
                        height: 1,
                        ..area
                    },
                );
                continue;
            };
            let name = text::fit(&domain_label(d.domain, lang), usize::from(name_w));
            let weight = format!("{:>3}%", d.weight);
            let numbers = d.accuracy().map_or_else(
                || format!("{:>4} {:>2}/{:<2}", "-", d.correct, d.answered),
                |a| format!("{:>3.0}% {:>2}/{:<2}", a * 100.0, d.correct, d.answered),
            );
            let row_line = Line::from(vec![
                Span::raw(name),
                Span::styled(format!("{weight} "), ctx.theme.dim()),
            ]);
            frame.render_widget(
                Paragraph::new(row_line),
                Rect {
                    y,
                    height: 1,
                    width: name_w + weight_w,
                    ..area
                },
            );
            if bar_w > 2 {
                let style = match d.accuracy() {
                    Some(a) if a >= 0.72 => ctx.theme.done(),
                    Some(_) => ctx.theme.warning(),
                    None => ctx.theme.dim(),
                };
                let gauge = LineGauge::default()
                    .ratio(d.accuracy().unwrap_or(0.0).clamp(0.0, 1.0))
                    .label(Line::default())
                    .filled_symbol("█")
                    .unfilled_symbol("░")
                    .filled_style(style)
                    .unfilled_style(ctx.theme.dim());
                frame.render_widget(
                    gauge,
                    Rect {
                        x: area.x + name_w + weight_w,
                        y,
                        width: bar_w.saturating_sub(1),
                        height: 1,
                    },
                );
            }
            frame.render_widget(
                Paragraph::new(numbers),
                Rect {
                    x: area.x + name_w + weight_w + bar_w,
                    y,
                    width: numbers_w.min(area.width.saturating_sub(name_w + weight_w + bar_w)),
                    height: 1,
                },
            );
        }
    }

    /// The scores as a chart with the passing line, or as a list when there is no room.
    fn draw_scores(&self, ctx: &Ctx, frame: &mut Frame, area: Rect) {
        let lang = ctx.lang;
        if area.height < 2 || area.width < 20 {
            return;
        }
        let heading = match lang {
            Lang::Ko => format!("모의고사 추정 점수 (합격선 {PASSING_SCORE})"),
            Lang::En => format!("Mock exam scores, estimated (pass mark {PASSING_SCORE})"),
        };
        if self.scores.is_empty() {
            let lines = vec![
                Line::styled(heading, Style::new().add_modifier(Modifier::BOLD)),
                Line::styled(
                    lang.pick(
                        "아직 끝낸 모의고사가 없어요. 시험을 끝내면 점수가 여기에 쌓여요.",
                        "No finished mock exams yet. Scores collect here as you finish them.",
                    ),
                    ctx.theme.dim(),
                ),
            ];
            frame.render_widget(
                Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: true }),
                area,
            );
            return;
        }
        // One line of numbers under the chart: the last scores, newest last.
        let list: Vec<String> = self
            .scores
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let mark = if s.scaled_estimate >= PASSING_SCORE {
                    "✓"
                } else {
                    "✗"
                };
                match lang {
                    Lang::Ko => {
                        format!("{}회 {} {}{mark}", i + 1, s.exam.code(), s.scaled_estimate)
                    }
                    Lang::En => format!("#{} {} {}{mark}", i + 1, s.exam.code(), s.scaled_estimate),
                }
            })
            .collect();
        let list_lines = text::wrap(&list.join(" · "), usize::from(area.width));
        let list_h = u16::try_from(list_lines.len().min(3)).unwrap_or(3);
        if area.height < MIN_CHART_ROWS + list_h {
            // No room for a chart: the heading and the numbers only.
            let mut lines = vec![Line::styled(
                heading,
                Style::new().add_modifier(Modifier::BOLD),
            )];
            lines.extend(list_lines.into_iter().map(Line::raw));
            frame.render_widget(Paragraph::new(lines), area);
            return;
        }
        let chart_area = Rect {
            height: area.height - list_h,
            ..area
        };
        let n = self.scores.len();
        let last = n.max(2) as f64;
        let pass = f64::from(PASSING_SCORE);
        let pass_line = [(1.0, pass), (last, pass)];
        let points: Vec<(ExamId, Vec<(f64, f64)>)> = ExamId::ALL
            .into_iter()
            .map(|e| {
                let pts = self
                    .scores
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| s.exam == e)
                    .map(|(i, s)| ((i + 1) as f64, f64::from(s.scaled_estimate)))
                    .collect::<Vec<_>>();
                (e, pts)
            })
            .filter(|(_, p)| !p.is_empty())
            .collect();
        let pass_name = match lang {
            Lang::Ko => format!("합격선 {PASSING_SCORE}"),
            Lang::En => format!("Pass mark {PASSING_SCORE}"),
        };
        let mut datasets = vec![
            Dataset::default()
                .name(pass_name)
                .marker(Marker::Braille)
                .graph_type(GraphType::Line)
                .style(ctx.theme.warning())
                .data(&pass_line),
        ];
        for (e, pts) in &points {
            // The exams differ by marker as well as colour.
            let (marker, style) = match e {
                ExamId::SaaC03 => (Marker::Dot, ctx.theme.done()),
                ExamId::DvaC02 => (Marker::Block, ctx.theme.key()),
            };
            let kind = if pts.len() > 1 {
                GraphType::Line
            } else {
                GraphType::Scatter
            };
            datasets.push(
                Dataset::default()
                    .name(e.code())
                    .marker(marker)
                    .graph_type(kind)
                    .style(style)
                    .data(pts),
            );
        }
        let first_label = match lang {
            Lang::Ko => "1회".to_owned(),
            Lang::En => "#1".to_owned(),
        };
        let last_label = match lang {
            Lang::Ko => format!("{}회", n.max(2)),
            Lang::En => format!("#{}", n.max(2)),
        };
        let chart = Chart::new(datasets)
            .block(
                Block::bordered()
                    .title(format!(" {heading} "))
                    .border_style(ctx.theme.border(false)),
            )
            .x_axis(
                Axis::default()
                    .title(lang.pick("응시 순서", "attempt"))
                    .style(ctx.theme.dim())
                    .bounds([1.0, last])
                    .labels([first_label, last_label]),
            )
            .y_axis(
                Axis::default()
                    .style(ctx.theme.dim())
                    .bounds(SCORE_RANGE)
                    // Labels sit evenly along the axis: only these three are where they say.
                    .labels(["100", "550", "1000"].map(String::from)),
            )
            .legend_position(Some(ratatui::widgets::LegendPosition::BottomRight))
            .hidden_legend_constraints((Constraint::Ratio(1, 2), Constraint::Ratio(2, 3)));
        frame.render_widget(chart, chart_area);
        let list_area = Rect {
            y: chart_area.y + chart_area.height,
            height: list_h,
            ..area
        };
        frame.render_widget(
            Paragraph::new(
                list_lines
                    .into_iter()
                    .map(|l| Line::styled(l, ctx.theme.dim()))
                    .collect::<Vec<_>>(),
            ),
            list_area,
        );
    }
}
