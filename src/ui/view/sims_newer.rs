//! Drawing the four newer simulations (sessions, cache, replicas, throttle): a one-line
//! summary with separators and units, and a per-second chart whose legend sits on its own row
//! above the plot (never on the data) and names each line by its marker as well as its colour.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Paragraph};

use crate::sims::compare::group;
use crate::sims::{Outcome, Sim};
use crate::strings::Lang;
use crate::ui::screen::Ctx;
use simulations::{cache, replicas, sessions, throttle};

/// One line of a chart: its name, marker (the legend shows it), colour and points.
pub(super) struct Series<'a> {
    /// Shown in the legend.
    pub name: &'a str,
    /// How its points are drawn (and its legend mark).
    pub marker: Marker,
    /// Its colour (a second cue, never the only one).
    pub color: Color,
    /// (second, value) points.
    pub points: &'a [(f64, f64)],
}

/// The legend glyph of a marker. Charts use Braille, Dot and Bar, whose glyph is the same in
/// every cell (a half-block marker flips between ▀, ▄ and █, so its legend could not match).
fn mark(marker: Marker) -> &'static str {
    match marker {
        Marker::Dot => "•",
        Marker::Block => "█",
        Marker::HalfBlock => "▀",
        Marker::Bar => "▄",
        _ => "⣿",
    }
}

/// A chart's legend row: each line's glyph (as drawn) and name in its colour (the glyph tells the
/// lines apart without colour), then `note`, dimmed, when not empty.
pub(super) fn legend(ctx: &Ctx, keys: &[(&str, &str, Color)], note: &str) -> Line<'static> {
    let mut spans = Vec::new();
    for (glyph, name, color) in keys {
        spans.push(Span::styled(
            format!("{glyph} {name}"),
            ctx.theme.series(*color),
        ));
        spans.push(Span::raw("  "));
    }
    if !note.is_empty() {
        spans.push(Span::styled(note.to_owned(), ctx.theme.dim()));
    }
    Line::from(spans)
}

/// The x axis's end label: the run's length with separators and the unit in the UI's language.
pub(super) fn seconds_label(lang: Lang, xmax: f64) -> String {
    format!("{}{}", group(xmax), lang.pick("초", "s"))
}

/// A chart over the run's seconds (x ends at `xmax`, the run's length) with the legend on the
/// first row (then `note`, dimmed, when not empty) and y labelled with separators and `unit`.
pub(super) fn series_chart(
    ctx: &Ctx,
    frame: &mut Frame,
    area: Rect,
    series: &[Series],
    xmax: f64,
    unit: &str,
    note: &str,
) {
    if area.height == 0 {
        return;
    }
    let theme = ctx.theme;
    let keys: Vec<(&str, &str, Color)> = series
        .iter()
        .map(|s| (mark(s.marker), s.name, s.color))
        .collect();
    frame.render_widget(
        Paragraph::new(legend(ctx, &keys, note)),
        Rect { height: 1, ..area },
    );
    let plot = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(1),
        ..area
    };
    let ymax = series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.1))
        .fold(1.0_f64, f64::max)
        .ceil();
    let datasets: Vec<Dataset> = series
        .iter()
        .map(|s| {
            Dataset::default()
                .marker(s.marker)
                .graph_type(GraphType::Line)
                .style(theme.series(s.color))
                .data(s.points)
        })
        .collect();
    let xmax = xmax.max(1.0);
    let chart = Chart::new(datasets)
        .style(theme.base())
        .legend_position(None)
        .x_axis(
            Axis::default()
                .bounds([0.0, xmax])
                .labels(vec![
                    Line::raw("0"),
                    Line::raw(seconds_label(ctx.lang, xmax)),
                ])
                .style(theme.dim()),
        )
        .y_axis(
            Axis::default()
                .bounds([0.0, ymax])
                .labels(vec![
                    Line::raw("0"),
                    Line::raw(format!("{} {unit}", group(ymax))),
                ])
                .style(theme.dim()),
        );
    frame.render_widget(chart, plot);
}

fn ms(v: f64) -> String {
    if v >= 100.0 {
        format!("{} ms", group(v.round()))
    } else {
        format!("{v:.1} ms")
    }
}

fn pct(v: f64) -> String {
    if v > 0.0 && v < 0.1 {
        format!("{v:.3}%")
    } else {
        format!("{v:.1}%")
    }
}

fn n(v: u64) -> String {
    group(v as f64)
}

/// The summary lines of a newer model's result, or `None` for the older kinds.
pub(super) fn summary(ctx: &Ctx, sim: &Sim, outcome: &Outcome) -> Option<Vec<Line<'static>>> {
    let lang = ctx.lang;
    let ko = lang == Lang::Ko;
    let mut lines = match outcome {
        Outcome::Sessions(r) => vec![Line::raw(sessions_line(r, ko))],
        Outcome::Cache(r) => vec![Line::raw(cache_line(r, ko))],
        Outcome::Replicas(r) => replicas_lines(r, ko),
        Outcome::Throttle(r) => vec![Line::raw(throttle_line(r, ko))],
        _ => return None,
    };
    lines.extend(guess_line(ctx, sim));
    Some(lines)
}

fn sessions_line(r: &sessions::SessionsResult, ko: bool) -> String {
    let cookie = r
        .cookie_bytes_max
        .map(|b| {
            if ko {
                format!(" · 쿠키 최대 {}B (한도 4,096B)", n(u64::from(b)))
            } else {
                format!(" · largest cookie {} B (limit 4,096 B)", n(u64::from(b)))
            }
        })
        .unwrap_or_default();
    if ko {
        format!(
            "요청 {}건 · 잃은 장바구니 {}개 · 물건이 빠진 장바구니를 본 사용자 {}명 · 세션 읽기 {}번 · p50 {} · p99 {}{cookie}",
            n(r.requests),
            n(u64::from(r.carts_lost)),
            n(u64::from(r.users_affected)),
            n(r.session_reads),
            ms(r.p50_ms),
            ms(r.p99_ms)
        )
    } else {
        format!(
            "{} requests · {} carts lost · {} users saw items missing · {} session reads · p50 {} · p99 {}{cookie}",
            n(r.requests),
            n(u64::from(r.carts_lost)),
            n(u64::from(r.users_affected)),
            n(r.session_reads),
            ms(r.p50_ms),
            ms(r.p99_ms)
        )
    }
}

fn cache_line(r: &cache::CacheResult, ko: bool) -> String {
    let after = r
        .hit_ratio_after_failure
        .map(|h| {
            if ko {
                format!(" · 장애 뒤 적중률 {}", pct(h * 100.0))
            } else {
                format!(" · hit ratio after the failure {}", pct(h * 100.0))
            }
        })
        .unwrap_or_default();
    if ko {
        format!(
            "읽기 {}번 · 적중률 {}{after} · 오래된 값 {}번 ({}) · DB 읽기 {}번 · 읽히지 않은 캐시 쓰기 {}번 · 제거 {}개",
            n(r.reads),
            pct(r.hit_ratio * 100.0),
            n(r.stale_reads),
            pct(r.stale_read_pct),
            n(r.db_reads),
            n(r.unused_cache_writes),
            n(r.evictions)
        )
    } else {
        format!(
            "{} reads · hit ratio {}{after} · {} stale reads ({}) · {} DB reads · {} cache writes never read · {} evictions",
            n(r.reads),
            pct(r.hit_ratio * 100.0),
            n(r.stale_reads),
            pct(r.stale_read_pct),
            n(r.db_reads),
            n(r.unused_cache_writes),
            n(r.evictions)
        )
    }
}

fn replicas_lines(r: &replicas::ReplicasResult, ko: bool) -> Vec<Line<'static>> {
    let promoted = r.promoted.map(|p| {
        let who = match (p, ko) {
            (replicas::Promoted::Standby, true) => "대기 인스턴스(Multi-AZ)",
            (replicas::Promoted::Standby, false) => "the Multi-AZ standby",
            (replicas::Promoted::AuroraReplica, true) => "Aurora 복제본",
            (replicas::Promoted::AuroraReplica, false) => "an Aurora Replica",
            (replicas::Promoted::NewInstance, true) => "새로 만든 인스턴스",
            (replicas::Promoted::NewInstance, false) => "a new instance",
            (replicas::Promoted::ReadReplica, true) => "손으로 승격한 읽기 복제본",
            (replicas::Promoted::ReadReplica, false) => "a read replica promoted by hand",
        };
        let after = r
            .failover_s
            .map(|s| format!(" {}{}", group(s.round()), if ko { "초" } else { " s" }))
            .unwrap_or_default();
        if ko {
            format!("장애 조치: {who}{after} · ")
        } else {
            format!("failover: {who}{after} · ")
        }
    });
    let first = if ko {
        format!(
            "읽기 {}번 · 오래된 값 {}번 ({}) · 쓰기 인스턴스가 받은 읽기 {} · 복제 지연 {} · 복제본 한도 {}개",
            n(r.reads),
            n(r.stale_reads),
            pct(r.stale_read_pct),
            pct(r.reads_on_primary_pct),
            ms(f64::from(r.replica_lag_ms)),
            r.replica_limit
        )
    } else {
        format!(
            "{} reads · {} stale ({}) · writer served {} of reads · replica lag {} · replica limit {}",
            n(r.reads),
            n(r.stale_reads),
            pct(r.stale_read_pct),
            pct(r.reads_on_primary_pct),
            ms(f64::from(r.replica_lag_ms)),
            r.replica_limit
        )
    };
    let second = if ko {
        format!(
            "{}잃은 쓰기 {}건 · 쓰기 중단 {}초 · 실패한 쓰기 {}건",
            promoted.unwrap_or_default(),
            n(r.writes_lost),
            group(r.downtime_s.round()),
            n(r.writes_failed)
        )
    } else {
        format!(
            "{}{} writes lost · {} s without writes · {} writes failed",
            promoted.unwrap_or_default(),
            n(r.writes_lost),
            group(r.downtime_s.round()),
            n(r.writes_failed)
        )
    };
    vec![Line::raw(first), Line::raw(second)]
}

fn throttle_line(r: &throttle::ThrottleResult, ko: bool) -> String {
    let b = &r.throttled_by;
    let first = r
        .first_throttle_s
        .map(|s| {
            if ko {
                format!(" · 첫 429 {s:.1}초")
            } else {
                format!(" · first 429 at {s:.1} s")
            }
        })
        .unwrap_or_default();
    if ko {
        format!(
            "요청 {}건 · 통과 {}건 · 429 {}건 ({}){first} · 단계별 429: 계정 {} · 스테이지 {} · 메서드 {} · 사용량 계획 {} · 할당량 {}",
            n(r.requests),
            n(r.accepted),
            n(r.throttled),
            pct(r.throttled_pct),
            n(b.account),
            n(b.stage),
            n(b.method),
            n(b.usage_plan),
            n(b.quota)
        )
    } else {
        format!(
            "{} requests · {} accepted · {} got 429 ({}){first} · 429 by level: account {} · stage {} · method {} · usage plan {} · quota {}",
            n(r.requests),
            n(r.accepted),
            n(r.throttled),
            pct(r.throttled_pct),
            n(b.account),
            n(b.stage),
            n(b.method),
            n(b.usage_plan),
            n(b.quota)
        )
    }
}

/// "predicted X → actual Y unit · verdict", in the prediction's own unit.
fn guess_line(ctx: &Ctx, sim: &Sim) -> Option<Line<'static>> {
    let (guess, actual) = (sim.guess?, sim.actual()?);
    let preset = ctx.presets.get(sim.preset)?;
    let unit = Sim::guess_unit(preset, ctx.lang);
    let close = (guess - actual).abs()
        <= (actual.abs() * 0.25).max(if actual.abs() < 2.0 { 0.1 } else { 1.0 });
    let show = |v: f64| {
        if v.fract() == 0.0 {
            group(v)
        } else if v.abs() < 10.0 {
            format!("{v:.2}")
        } else {
            format!("{v:.1}")
        }
    };
    let (label, real, verdict) = match (ctx.lang, close) {
        (Lang::Ko, true) => ("예측", "실제", "잘 맞혔어요"),
        (Lang::Ko, false) => ("예측", "실제", "예측과 달라요. 아래 설명을 읽어 보세요"),
        (Lang::En, true) => ("predicted", "actual", "close!"),
        (Lang::En, false) => ("predicted", "actual", "not quite: read why below"),
    };
    Some(Line::styled(
        format!(
            "{label} {} → {real} {} {unit} · {verdict}",
            show(guess),
            show(actual)
        ),
        if close {
            ctx.theme.done()
        } else {
            ctx.theme.partial()
        },
    ))
}

/// One line of a model's chart: its label (Korean, English), marker, colour, and the value it
/// takes from one second of the run.
struct Spec<T> {
    label: (&'static str, &'static str),
    marker: Marker,
    color: Color,
    value: fn(&T) -> f64,
}

const SESSIONS: [Spec<sessions::SessionSecond>; 3] = [
    Spec {
        label: ("요청", "requests"),
        marker: Marker::Braille,
        color: Color::Blue,
        value: |s| f64::from(s.requests),
    },
    Spec {
        label: ("빈 장바구니를 본 요청", "wrong-cart reads"),
        marker: Marker::Dot,
        color: Color::Red,
        value: |s| f64::from(s.wrong_carts),
    },
    Spec {
        label: ("실패한 요청", "failed requests"),
        marker: Marker::Bar,
        color: Color::Yellow,
        value: |s| f64::from(s.failed),
    },
];

const CACHE: [Spec<cache::CacheSecond>; 3] = [
    Spec {
        label: ("적중", "hits"),
        marker: Marker::Braille,
        color: Color::Green,
        value: |s| f64::from(s.hits),
    },
    Spec {
        label: ("미스", "misses"),
        marker: Marker::Dot,
        color: Color::Yellow,
        value: |s| f64::from(s.misses),
    },
    Spec {
        label: ("오래된 값", "stale reads"),
        marker: Marker::Bar,
        color: Color::Red,
        value: |s| f64::from(s.stale_reads),
    },
];

const REPLICAS: [Spec<replicas::ReplicaSecond>; 3] = [
    Spec {
        label: ("읽기", "reads"),
        marker: Marker::Braille,
        color: Color::Blue,
        value: |s| f64::from(s.reads),
    },
    Spec {
        label: ("오래된 값", "stale reads"),
        marker: Marker::Dot,
        color: Color::Red,
        value: |s| f64::from(s.stale_reads),
    },
    Spec {
        label: ("실패한 쓰기", "failed writes"),
        marker: Marker::Bar,
        color: Color::Yellow,
        value: |s| f64::from(s.writes_failed),
    },
];

/// The third line (the account bucket's tokens) is drawn only when that bucket ran dry.
const THROTTLE: [Spec<throttle::ThrottleSecond>; 3] = [
    Spec {
        label: ("통과", "accepted"),
        marker: Marker::Braille,
        color: Color::Green,
        value: |s| f64::from(s.accepted),
    },
    Spec {
        label: ("429", "429"),
        marker: Marker::Dot,
        color: Color::Red,
        value: |s| f64::from(s.throttled),
    },
    Spec {
        label: ("계정 버킷 토큰", "account tokens"),
        marker: Marker::Bar,
        color: Color::Magenta,
        value: |s| s.account_tokens,
    },
];

/// One line of a finished run's chart, its points computed.
#[derive(Debug, Clone)]
struct Built {
    label: (&'static str, &'static str),
    marker: Marker,
    color: Color,
    points: Vec<(f64, f64)>,
}

/// A newer model's chart lines, built once when a run finishes (the screen keeps them, so
/// drawing a frame does not walk the run's seconds again).
#[derive(Debug, Clone)]
pub(in crate::ui) struct RunSeries {
    lines: Vec<Built>,
    /// The run's length, where the x axis ends.
    xmax: f64,
}

impl RunSeries {
    /// The chart lines of `outcome`, or `None` for the older kinds (they draw their own).
    pub(in crate::ui) fn of(outcome: &Outcome) -> Option<Self> {
        fn build<T>(specs: &[Spec<T>], timeline: &[T], t: fn(&T) -> u32) -> RunSeries {
            let lines = specs
                .iter()
                .map(|spec| Built {
                    label: spec.label,
                    marker: spec.marker,
                    color: spec.color,
                    points: timeline
                        .iter()
                        .map(|s| (f64::from(t(s)), (spec.value)(s)))
                        .collect(),
                })
                .collect();
            RunSeries {
                lines,
                xmax: timeline.len() as f64,
            }
        }
        Some(match outcome {
            Outcome::Sessions(r) => build(&SESSIONS, &r.timeline, |s| s.t_s),
            Outcome::Cache(r) => build(&CACHE, &r.timeline, |s| s.t_s),
            Outcome::Replicas(r) => build(&REPLICAS, &r.timeline, |s| s.t_s),
            Outcome::Throttle(r) => {
                let mut run = build(&THROTTLE, &r.timeline, |s| s.t_s);
                // The account bucket's tokens explain the 429s only when that bucket ran dry;
                // when a stage or method limit binds, its thousands of tokens would flatten the
                // requests (a line of 80 a second drawn against 5,000) to the axis.
                if r.throttled_by.account == 0 {
                    run.lines.truncate(2);
                }
                run
            }
            _ => return None,
        })
    }
}

/// The chart of a newer model's result from its lines built when the run finished (`cached`),
/// or built now when there are none; false for the older kinds.
pub(super) fn draw_picture(
    ctx: &Ctx,
    outcome: &Outcome,
    cached: Option<&RunSeries>,
    frame: &mut Frame,
    area: Rect,
) -> bool {
    let built;
    let run = match cached {
        Some(run) => run,
        None => match RunSeries::of(outcome) {
            Some(run) => {
                built = run;
                &built
            }
            None => return false,
        },
    };
    let series: Vec<Series> = run
        .lines
        .iter()
        .map(|l| Series {
            name: ctx.lang.pick(l.label.0, l.label.1),
            marker: l.marker,
            color: l.color,
            points: &l.points,
        })
        .collect();
    let per_s = ctx.lang.pick("건/초", "/s");
    series_chart(ctx, frame, area, &series, run.xmax, per_s, "");
    true
}

/// A style for ✓/✗ lines: the mark carries the meaning, the colour repeats it.
pub(super) fn verdict_style(ctx: &Ctx, passed: bool) -> Style {
    if passed {
        ctx.theme.done()
    } else {
        ctx.theme.warning()
    }
}
