//! Simulations drawn on their architecture diagram.
//!
//! A run's result is drawn on the picture the lesson teaches it with: the sessions model on the
//! MyClothes.com diagram (browser, ELB, the Auto Scaling group's instances, the session store the
//! run used), the replicas model on the primary / standby / read-replica diagram, a deployment as
//! the two versions behind their router with the traffic split on the edges, and a
//! `CloudFormation` change set as the stack's resources. The diagrams are built here from the
//! run's numbers (so N instances or R replicas appear as they ran), in the same shapes and words
//! as the lesson's redrawn figures, and drawn by the lesson renderer
//! ([`crate::lesson::diagram::render_with`]) with [`Marks`]: a failed instance is struck out and
//! marked `✗` with a word, a promoted replica has a heavy frame and `▲`, every number under a
//! box comes from the model's per-instance or per-replica outcome.
//!
//! Layout: where the result panel has room for the diagram above a chart of at least
//! [`CHART_MIN`] rows and a few rows of text, both show. Otherwise the chart shows, and the
//! `toggle-diagram` key puts the diagram in its place, at the top of the scrolling text.

use std::cell::RefCell;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::keys::{Action, Context};
use crate::lesson::diagram::{
    Diagram, DrawOptions, Edge, Group, GroupKind, Kind, Marks, Node, NodeState, render_with,
};
use crate::lesson::styled;
use crate::sims::Outcome;
use crate::sims::compare::group;
use crate::strings::{Lang, Strings};
use crate::ui::screen::Ctx;
use crate::ui::theme::Theme;
use simulations::cfn::{self, Report};
use simulations::deploy::{self, DeployResult, clock};
use simulations::replicas::{Promoted, ReplicasResult};
use simulations::sessions::{Removal, SessionsResult, Store};

/// Which picture a simulation shows where the diagram and the chart do not both fit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Picture {
    /// The chart (the default).
    #[default]
    Chart,
    /// The diagram.
    Diagram,
}

impl Picture {
    /// The other one.
    #[must_use]
    pub fn toggled(self) -> Self {
        match self {
            Picture::Chart => Picture::Diagram,
            Picture::Diagram => Picture::Chart,
        }
    }
}

/// Rows a chart keeps when it shows (its plot, axis and legend).
const CHART_MIN: u16 = 7;
/// Rows of summary text kept under the pictures when both show.
const TEXT_MIN: u16 = 8;
/// At most this many instance or replica boxes; the rest are drawn as one box.
const MAX_BOXES: usize = 3;

/// A diagram with its marks and caption, ready to draw.
pub struct Annotated {
    /// The boxes and arrows.
    pub diagram: Diagram,
    /// What the run did to them.
    pub marks: Marks,
    /// The caption line over the drawing.
    pub caption: String,
    /// Lines under the drawing (the deployment's split over time).
    pub below: Vec<String>,
    /// Draw top to bottom (see [`DrawOptions::top_down`]).
    pub top_down: bool,
}

/// The annotated diagram of `outcome`; `None` for simulations without one.
pub fn annotated(outcome: &Outcome, lang: Lang) -> Option<Annotated> {
    match outcome {
        Outcome::Sessions(r) => Some(sessions(r, lang)),
        Outcome::Replicas(r) => Some(replicas(r, lang)),
        Outcome::Deploy(r) => Some(deployment(r, lang)),
        _ => None,
    }
}

/// `a` drawn in lines of at most `width` cells, styled by the theme.
pub fn lines(a: &Annotated, width: u16, ctx: &Ctx) -> Vec<Line<'static>> {
    let opts = DrawOptions {
        caption: a.caption.clone(),
        english: ctx.lang == Lang::En,
        top_down: a.top_down,
    };
    let width = usize::from(width.max(1));
    let mut out: Vec<Line<'static>> = render_with(&a.diagram, width, &a.marks, &opts)
        .iter()
        .map(|l| to_line(l, ctx))
        .collect();
    for b in &a.below {
        for l in crate::text::wrap(b, width) {
            out.push(Line::styled(l, ctx.theme.dim()));
        }
    }
    out
}

fn to_line(l: &styled::Line, ctx: &Ctx) -> Line<'static> {
    Line::from(
        l.spans
            .iter()
            .map(|s| Span::styled(s.text.clone(), ctx.theme.span(s.style)))
            .collect::<Vec<_>>(),
    )
}

/// The last run's diagram as drawn for one language, theme and width, kept between frames:
/// a run's result does not change until the next run ([`Drawn::clear`]), and laying a diagram
/// out on every frame (the loop redraws every turn) would be wasted work.
#[derive(Debug, Default)]
pub struct Drawn(RefCell<Option<Kept>>);

/// A drawing and what it was drawn for: language, theme and width.
type Kept = (Lang, Theme, u16, Vec<Line<'static>>);

impl Drawn {
    /// Forgets the drawing (a new run).
    pub fn clear(&mut self) {
        *self.0.get_mut() = None;
    }

    /// The diagram of `outcome` in lines of at most `width` cells, drawn again only when the
    /// language, theme or width changed; `None` for a simulation without a diagram.
    fn lines(&self, outcome: &Outcome, width: u16, ctx: &Ctx) -> Option<Vec<Line<'static>>> {
        let mut kept = self.0.borrow_mut();
        let fresh = matches!(&*kept, Some((l, t, w, _)) if *l == ctx.lang && *t == ctx.theme && *w == width);
        if !fresh {
            let a = annotated(outcome, ctx.lang)?;
            *kept = Some((ctx.lang, ctx.theme, width, lines(&a, width, ctx)));
        }
        kept.as_ref().map(|(_, _, _, l)| l.clone())
    }
}

/// The hook of the result panel (`view/sims.rs`): given the panel's inner area and the rows the
/// chart was given, draws the diagram above the chart when both fit and returns the area and
/// chart rows left; when they do not, returns the chart unchanged, or (with
/// [`Picture::Diagram`]) no chart rows and the diagram's lines to put at the top of the text.
pub(super) fn place(
    ctx: &Ctx,
    outcome: &Outcome,
    cache: &Drawn,
    picture: Picture,
    frame: &mut Frame,
    inner: Rect,
    pic_h: u16,
) -> (Rect, u16, Vec<Line<'static>>) {
    let Some(drawn) = cache.lines(outcome, inner.width, ctx) else {
        return (inner, pic_h, Vec::new());
    };
    let dh = drawn.len() as u16;
    if dh + CHART_MIN + TEXT_MIN <= inner.height {
        frame.render_widget(
            Paragraph::new(drawn),
            Rect {
                height: dh,
                ..inner
            },
        );
        let rest = Rect {
            y: inner.y + dh,
            height: inner.height - dh,
            ..inner
        };
        let chart = pic_h
            .min(rest.height.saturating_sub(TEXT_MIN))
            .max(CHART_MIN);
        return (rest, chart, Vec::new());
    }
    let key = crate::keys::active()
        .first_key(Context::Sim, Action::ToggleDiagram)
        .unwrap_or_default();
    let hint = ctx
        .strings()
        .simd_toggle_hint(&key, picture == Picture::Diagram);
    match picture {
        Picture::Chart => {
            // The chart keeps its rows; the hint goes on the first row of the text under it.
            (inner, pic_h, vec![Line::styled(hint, ctx.theme.dim())])
        }
        Picture::Diagram => {
            let mut top = vec![Line::styled(hint, ctx.theme.dim())];
            top.extend(drawn);
            top.push(Line::raw(""));
            (inner, 0, top)
        }
    }
}

fn node(id: &str, kind: Kind, label: impl Into<String>, group: Option<&str>) -> Node {
    Node {
        id: id.into(),
        kind,
        label: label.into(),
        group: group.map(Into::into),
    }
}

fn edge(from: &str, to: &str, label: impl Into<String>, both: bool) -> Edge {
    Edge {
        from: from.into(),
        to: to.into(),
        label: label.into(),
        both,
    }
}

fn frame(id: &str, kind: GroupKind, label: &str) -> Group {
    Group {
        id: id.into(),
        kind,
        label: label.into(),
        parent: None,
    }
}

/// Runs of consecutive items with the same key, as `(first, last)` indexes; when there are
/// `MAX_BOXES` items or fewer, each is its own run.
fn runs<T, K: PartialEq>(items: &[T], key: impl Fn(&T) -> K) -> Vec<(usize, usize)> {
    if items.len() <= MAX_BOXES {
        return (0..items.len()).map(|i| (i, i)).collect();
    }
    let mut out: Vec<(usize, usize)> = Vec::new();
    for i in 0..items.len() {
        match out.last_mut() {
            Some((_, last)) if key(&items[*last]) == key(&items[i]) => *last = i,
            _ => out.push((i, i)),
        }
    }
    out
}

/// The sessions run on the MyClothes.com diagram.
fn sessions(r: &SessionsResult, lang: Lang) -> Annotated {
    let s = Strings::new(lang);
    let cookie = r.store == Store::Cookie;
    let mut d = Diagram {
        id: "sim-sessions".into(),
        replaces: String::new(),
        title: String::new(),
        groups: vec![frame("asg", GroupKind::Asg, s.simd_multi_az())],
        nodes: vec![
            node("user", Kind::Client, s.simd_browser(cookie), None),
            node(
                "elb",
                Kind::Elb,
                if r.store == Store::Sticky {
                    s.simd_sticky()
                } else {
                    ""
                },
                None,
            ),
        ],
        edges: vec![edge("user", "elb", "", true)],
    };
    let mut marks = Marks::default();
    if cookie && r.carts_lost > 0 {
        marks.add_note("user", s.simd_cookie_lost(r.carts_lost));
    }
    let store = match r.store {
        Store::Elasticache => Some((Kind::Elasticache, s.simd_session_store(false))),
        Store::Dynamodb => Some((Kind::Dynamodb, s.simd_session_store(true))),
        _ => None,
    };
    for (a, b) in runs(&r.per_instance, |i| (i.removed, i.removed_at_s)) {
        let part = &r.per_instance[a..=b];
        let id = format!("i{}", a + 1);
        d.nodes.push(node(
            &id,
            Kind::Ec2,
            s.simd_instances(part[0].instance, part[part.len() - 1].instance),
            Some("asg"),
        ));
        d.edges.push(edge("elb", &id, "", false));
        if store.is_some() {
            d.edges.push(edge(&id, "store", "", true));
        }
        let requests: u64 = part.iter().map(|i| i.requests).sum();
        let lost: u32 = part.iter().map(|i| i.carts_lost).sum();
        let users: u32 = part.iter().map(|i| i.users_on_removal).sum();
        if let (Some(how), Some(at)) = (part[0].removed, part[0].removed_at_s) {
            let failed = how == Removal::Failed;
            marks.set_state(&id, NodeState::Failed, s.simd_removed(failed, at));
            if r.store == Store::Local || r.store == Store::Sticky || lost > 0 {
                marks.add_note(&id, s.simd_carts_lost(lost));
            }
            marks.add_note(&id, s.simd_users_on(users));
        } else {
            marks.add_note(&id, s.simd_requests(&group(requests as f64)));
            if matches!(r.store, Store::Local | Store::Sticky) {
                marks.add_note(&id, s.simd_in_memory());
            }
        }
    }
    if let Some((kind, label)) = store {
        d.nodes.push(node("store", kind, label, None));
        marks.add_note(
            "store",
            s.simd_session_io(
                &group(r.session_reads as f64),
                &group(r.session_writes as f64),
            ),
        );
    }
    Annotated {
        diagram: d,
        marks,
        caption: s.simd_caption(s.simd_sessions_title()),
        below: Vec::new(),
        top_down: false,
    }
}

/// The second the primary stopped taking writes (from the timeline).
fn failed_at(r: &ReplicasResult) -> Option<u32> {
    r.timeline.iter().find(|s| !s.primary_up).map(|s| s.t_s)
}

/// The replicas run: primary, standby (Multi-AZ), read replicas with their lag, the failover.
fn replicas(r: &ReplicasResult, lang: Lang) -> Annotated {
    let s = Strings::new(lang);
    let kind = if r.engine.is_aurora() {
        Kind::Aurora
    } else {
        Kind::Rds
    };
    let standby = r.multi_az && !r.engine.is_aurora();
    let mut d = Diagram {
        id: "sim-replicas".into(),
        replaces: String::new(),
        title: String::new(),
        groups: Vec::new(),
        nodes: vec![node("app", Kind::Ec2, s.simd_app(), None)],
        edges: vec![edge("app", "primary", s.simd_edge("writes"), true)],
    };
    let mut marks = Marks::default();
    if standby {
        d.groups.push(frame("az1", GroupKind::Az, "1"));
        d.groups.push(frame("az2", GroupKind::Az, "2"));
    }
    d.nodes.push(node(
        "primary",
        kind,
        s.simd_primary(),
        standby.then_some("az1"),
    ));
    let failed = failed_at(r);
    if let Some(at) = failed {
        marks.set_state("primary", NodeState::Failed, s.simd_primary_failed(at));
        marks.add_note(
            "primary",
            s.simd_failover_cost(&group(r.writes_lost as f64), r.downtime_s),
        );
    }
    let promoted_word = r.failover_s.map(|f| s.simd_promoted(f));
    if standby {
        d.nodes
            .push(node("standby", kind, s.simd_standby(), Some("az2")));
        d.edges
            .push(edge("primary", "standby", s.simd_edge("sync"), false));
        if r.promoted == Some(Promoted::Standby)
            && let Some(w) = &promoted_word
        {
            marks.set_state("standby", NodeState::Promoted, w.clone());
        }
    }
    if r.promoted == Some(Promoted::NewInstance) {
        d.nodes.push(node("new", kind, s.simd_new_primary(), None));
        d.edges
            .push(edge("app", "new", s.simd_edge("writes"), true));
        if let Some(w) = &promoted_word {
            marks.set_state("new", NodeState::New, w.clone());
        }
    }
    if failed.is_some() && r.promoted.is_none() {
        marks.add_note("primary", s.simd_no_takeover());
    }
    if !r.per_replica.is_empty() {
        d.groups
            .push(frame("replicas", GroupKind::Box, s.simd_replica_group()));
    }
    for (a, b) in runs(&r.per_replica, |x| x.promoted) {
        let part = &r.per_replica[a..=b];
        let id = format!("r{}", a + 1);
        d.nodes.push(node(
            &id,
            kind,
            s.simd_replicas(part[0].replica, part[part.len() - 1].replica),
            Some("replicas"),
        ));
        d.edges
            .push(edge("primary", &id, s.simd_edge("async"), false));
        d.edges.push(edge("app", &id, s.simd_edge("reads"), true));
        let reads: u64 = part.iter().map(|x| x.reads).sum();
        let stale: u64 = part.iter().map(|x| x.stale_reads).sum();
        let lag = if reads == 0 {
            f64::from(r.replica_lag_ms)
        } else {
            part.iter()
                .map(|x| x.mean_lag_ms * x.reads as f64)
                .sum::<f64>()
                / reads as f64
        };
        marks.add_note(&id, s.simd_lag(lag, &group(stale as f64)));
        if part[0].promoted
            && let Some(w) = &promoted_word
        {
            marks.set_state(&id, NodeState::Promoted, w.clone());
        }
    }
    Annotated {
        diagram: d,
        marks,
        caption: s.simd_caption(s.simd_replicas_title()),
        below: Vec::new(),
        top_down: false,
    }
}

/// The deployment: clients, the router, the two versions with the split on the edges.
fn deployment(r: &DeployResult, lang: Lang) -> Annotated {
    let s = Strings::new(lang);
    let (router_kind, platform) = match r.platform {
        deploy::Platform::Lambda => (Kind::Lambda, "lambda"),
        deploy::Platform::Ecs => (Kind::Alb, "ecs"),
        deploy::Platform::ApiGateway => (Kind::ApiGateway, "apigw"),
    };
    let version_kind = match r.platform {
        deploy::Platform::Lambda => Kind::Lambda,
        _ => Kind::Box,
    };
    let diagram = Diagram {
        id: "sim-deploy".into(),
        replaces: String::new(),
        title: String::new(),
        groups: Vec::new(),
        nodes: vec![
            node("clients", Kind::Client, s.simd_clients(), None),
            node("router", router_kind, s.simd_router(platform), None),
            node("v1", version_kind, s.simd_version(false), None),
            node("v2", version_kind, s.simd_version(true), None),
        ],
        edges: vec![
            edge("clients", "router", "", false),
            edge("router", "v1", "", false),
            edge("router", "v2", "", false),
        ],
    };
    let mut marks = Marks::default();
    // The edges show the furthest the shift went (the first time it got there).
    let peak = r
        .shift
        .iter()
        .fold(None::<&deploy::ShiftPoint>, |best, p| match best {
            Some(b) if b.new_percent >= p.new_percent => Some(b),
            _ => Some(p),
        });
    let (at_s, pct) = peak.map_or((0, 0.0), |p| (p.t_s, p.new_percent));
    marks.set_edge_label(1, format!("{:.0}%", 100.0 - pct));
    marks.set_edge_label(2, format!("{pct:.0}%"));
    match (r.outcome, r.rolled_back_at_s) {
        (deploy::Outcome::RolledBack, Some(at)) => {
            marks.set_state("v2", NodeState::Failed, s.simd_rolled_back(&clock(at)));
        }
        (deploy::Outcome::Succeeded, _) if pct >= 100.0 => {
            marks.set_state("v2", NodeState::Promoted, s.simd_all_traffic(&clock(at_s)));
        }
        _ => {}
    }
    marks.add_note(
        "v1",
        s.simd_errors(&group(r.requests_old), &group(r.errors_old)),
    );
    marks.add_note(
        "v2",
        s.simd_errors(&group(r.requests_new), &group(r.errors_new)),
    );
    let mut below = vec![s.simd_split_at(&clock(at_s))];
    let points: Vec<String> = r
        .shift
        .iter()
        .map(|p| {
            let back = if Some(p.t_s) == r.rolled_back_at_s {
                " ↩"
            } else {
                ""
            };
            format!(
                "{} v1 {:.0}% · v2 {:.0}%{back}",
                clock(p.t_s),
                100.0 - p.new_percent,
                p.new_percent
            )
        })
        .collect();
    let shown: Vec<String> = if points.len() > 6 {
        let mut v = points[..2].to_vec();
        v.push("…".into());
        v.extend_from_slice(&points[points.len() - 3..]);
        v
    } else {
        points
    };
    below.push(format!(
        "{}: {}",
        s.simd_split_timeline(),
        shown.join(" → ")
    ));
    Annotated {
        diagram,
        marks,
        caption: s.simd_caption(s.simd_deploy_title()),
        below,
        top_down: false,
    }
}

/// The node kind of a `CloudFormation` resource type.
fn cfn_kind(type_name: &str) -> Kind {
    let service = type_name.split("::").nth(1).unwrap_or_default();
    match service {
        "S3" => Kind::S3,
        "DynamoDB" => Kind::Dynamodb,
        "RDS" if type_name.ends_with("DBCluster") => Kind::Aurora,
        "RDS" => Kind::Rds,
        "Lambda" | "Serverless" => Kind::Lambda,
        "EC2" if type_name.ends_with("::Instance") => Kind::Ec2,
        "SQS" => Kind::Sqs,
        "SNS" => Kind::Sns,
        "ElastiCache" => Kind::Elasticache,
        "ElasticLoadBalancingV2" => Kind::Alb,
        "ElasticLoadBalancing" => Kind::Elb,
        "ApiGateway" | "ApiGatewayV2" => Kind::ApiGateway,
        "Kinesis" => Kind::Kinesis,
        "Cognito" => Kind::Cognito,
        "IAM" => Kind::Iam,
        "KMS" => Kind::Kms,
        "CloudFront" => Kind::Cloudfront,
        "Route53" => Kind::Route53,
        "CloudWatch" | "Logs" => Kind::Cloudwatch,
        "SecretsManager" => Kind::SecretsManager,
        _ => Kind::Box,
    }
}

/// The serde name of a `CloudFormation` outcome (the key of its word).
fn cfn_outcome_name(o: cfn::Outcome) -> String {
    serde_json::to_value(o)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The glyph of a `CloudFormation` outcome.
fn cfn_state(o: cfn::Outcome) -> NodeState {
    use cfn::Outcome as O;
    match o {
        O::Replaced | O::ReplacedDataLost | O::ReplacedOldRetained | O::ReplacedSnapshotTaken => {
            NodeState::Replaced
        }
        O::InPlace => NodeState::Updated,
        O::Added => NodeState::New,
        O::Removed
        | O::RemovedDataLost
        | O::RemovedRetained
        | O::RemovedSnapshotTaken
        | O::UpdateFails
        | O::BlockedByStackPolicy => NodeState::Failed,
        O::Unchanged | O::NotEvaluated | O::Unknown => NodeState::Unchanged,
    }
}

/// A change set as the stack's resources, each marked replaced / updated in place / added /
/// removed / unchanged by glyph and word; an arrow shows which resource's change causes
/// another's.
pub fn cfn(report: &Report, lang: Lang) -> Annotated {
    let s = Strings::new(lang);
    let en = lang == Lang::En;
    let mut d = Diagram {
        id: "sim-cfn".into(),
        replaces: String::new(),
        title: String::new(),
        groups: Vec::new(),
        nodes: Vec::new(),
        edges: Vec::new(),
    };
    let mut marks = Marks::default();
    for r in &report.resources {
        let kind = cfn_kind(&r.type_name);
        let label = if kind == Kind::Box {
            let short = r.type_name.rsplit("::").next().unwrap_or_default();
            format!("{} ({short})", r.logical_id)
        } else {
            r.logical_id.clone()
        };
        d.nodes.push(node(&r.logical_id, kind, label, None));
        marks.set_state(
            &r.logical_id,
            cfn_state(r.outcome),
            s.simd_cfn_word(&cfn_outcome_name(r.outcome)),
        );
        if r.outcome.loses_data()
            && let Some(risk) = &r.data_at_risk
        {
            marks.add_note(&r.logical_id, risk.get(en));
        }
    }
    for r in &report.resources {
        for c in &r.changes {
            let Some(cause) = &c.causing_entity else {
                continue;
            };
            let from = cause.split('.').next().unwrap_or_default();
            let known = report.resources.iter().any(|x| x.logical_id == from);
            let seen = d
                .edges
                .iter()
                .any(|e| e.from == from && e.to == r.logical_id);
            if known && from != r.logical_id && !seen {
                d.edges
                    .push(edge(from, &r.logical_id, c.name.clone(), false));
            }
        }
    }
    Annotated {
        diagram: d,
        marks,
        caption: s.simd_change_set_caption(s.simd_cfn_title()),
        below: Vec::new(),
        top_down: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use simulations::{replicas as rep, sessions as ses};

    fn plain(a: &Annotated, width: usize) -> Vec<String> {
        let opts = DrawOptions {
            caption: a.caption.clone(),
            english: false,
            top_down: a.top_down,
        };
        render_with(&a.diagram, width, &a.marks, &opts)
            .iter()
            .map(styled::Line::plain)
            .collect()
    }

    /// The sum of N over every `장바구니 N개 잃음` in `lines` (each on one line).
    fn lost_in<'a>(lines: impl IntoIterator<Item = &'a str>) -> u32 {
        let mut sum = 0;
        for line in lines {
            for piece in line.split("장바구니 ").skip(1) {
                let digits: String = piece.chars().take_while(char::is_ascii_digit).collect();
                let after = piece.strip_prefix(digits.as_str()).unwrap_or_default();
                if !digits.is_empty() && after.starts_with("개 잃음") {
                    sum += digits.parse::<u32>().unwrap_or(0);
                }
            }
        }
        sum
    }

    #[test]
    fn sessions_lost_carts_per_instance_add_up_to_the_model() {
        for (store, scale) in [
            (Store::Sticky, false),
            (Store::Sticky, true),
            (Store::Local, true),
            (Store::Cookie, false),
            (Store::Elasticache, true),
        ] {
            let cfg = ses::SessionsConfig {
                store,
                instances: 6,
                users: 120,
                fail_instance_at: Some(200),
                scale_in_at: scale.then_some(400),
                scale_in_to: scale.then_some(3),
                item_bytes: if store == Store::Cookie { 900 } else { 200 },
                duration_s: 600,
                seed: 5,
                ..ses::SessionsConfig::default()
            };
            let r = ses::simulate(&cfg).unwrap();
            if store != Store::Elasticache {
                assert!(r.carts_lost > 0, "{store:?}");
            }
            let a = sessions(&r, Lang::Ko);
            // The numbers under the boxes come from the model, instance by instance...
            let notes = a.marks.notes.values().flatten().map(String::as_str);
            assert_eq!(lost_in(notes), r.carts_lost, "{store:?}");
            // ...and the drawing shows each of them.
            for w in [80, 120] {
                let lines = plain(&a, w);
                let sum = lost_in(lines.iter().map(String::as_str));
                assert_eq!(sum, r.carts_lost, "{store:?} w={w}\n{}", lines.join("\n"));
            }
            if store != Store::Cookie {
                assert!(a.marks.is_struck("i1"), "{store:?}");
            }
            assert!(plain(&a, 80).join("\n").contains("✗ EC2"));
        }
    }

    #[test]
    fn replicas_show_lag_and_the_promoted_one() {
        let cfg = rep::ReplicasConfig {
            engine: rep::Engine::RdsMysql,
            replicas: 2,
            multi_az: true,
            writes_per_second: 20.0,
            reads_per_second: 40.0,
            fail_primary_at: Some(60),
            duration_s: 400,
            seed: 2,
            ..rep::ReplicasConfig::default()
        };
        let r = rep::simulate(&cfg).unwrap();
        let a = replicas(&r, Lang::Ko);
        let text = plain(&a, 100).join("\n");
        assert!(text.contains("▲ RDS") && text.contains("승격"), "{text}");
        assert!(
            text.contains("✗ RDS") && text.contains("멈춤 · 60초"),
            "{text}"
        );
        assert!(text.contains("지연 평균"), "{text}");
        // Without Multi-AZ the read replica promoted by hand is marked instead.
        let r = rep::simulate(&rep::ReplicasConfig {
            multi_az: false,
            ..cfg
        })
        .unwrap();
        let a = replicas(&r, Lang::En);
        assert!(a.marks.is_hot("r1"), "{:?}", a.marks);
        assert!(!a.diagram.nodes.iter().any(|n| n.id == "standby"));
    }
}
