//! Where the cart lives: users add to shopping carts through a load balancer while instances fail
//! or scale in (the notes' MyClothes.com).
//!
//! Users send requests with random think times (exponential, mean `think_time_s`); a share of
//! them add an item to the cart. The load balancer routes each request on its own (round robin
//! over healthy instances, as an Application Load Balancer does by default) unless the store is
//! `sticky`, which binds a user to the instance that served them first until that instance goes.
//! The session store decides what a request sees:
//!
//! - `local`: the cart lives in the memory of whichever instance served the request, so without
//!   stickiness each instance holds a different piece of it: carts appear and vanish.
//! - `sticky`: the same memory store behind sticky sessions: the cart is whole until its instance
//!   fails or is scaled in, and then it is gone.
//! - `cookie`: the cart travels in a cookie. Nothing is lost when instances go, but a cookie is
//!   only sure to be kept up to 4,096 bytes (RFC 6265); past that the browser may drop it and the
//!   newest item vanishes.
//! - `elasticache` / `dynamodb`: a shared store. Any instance reads the same cart, so none is
//!   lost, at the price of a network hop per session read.
//!
//! The model is pure: the same config (seed included) always gives the same result. Latencies and
//! the think time are stated assumptions, not AWS numbers; the load balancer is assumed to stop
//! routing to a failed instance at once (real health checks take a few intervals).

#![allow(clippy::doc_markdown)] // service names (DynamoDB, ElastiCache, MySQL) read better bare

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::Explanation;
use crate::challenge::{self, PresetError};

/// Where each page was read.
pub mod sources {
    /// ALB sticky sessions: per-request routing by default, stickiness binds a user by cookie.
    pub const STICKY: &str =
        "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/sticky-sessions.html";
    /// AWS on session management: sticky sessions lose a failed node's sessions; a distributed
    /// key/value store survives it at the cost of a network hop (sub-millisecond) and money.
    pub const SESSION_MANAGEMENT: &str = "https://aws.amazon.com/caching/session-management/";
    /// The cookie standard: user agents should keep at least 4,096 bytes per cookie.
    pub const COOKIE_LIMIT: &str = "https://www.rfc-editor.org/rfc/rfc6265#section-6.1";
}

/// The cookie size every browser is sure to keep (RFC 6265, section 6.1).
pub const COOKIE_LIMIT_BYTES: u32 = 4096;
/// Bytes of a cart cookie besides its items (name, framing, attributes): a model assumption.
pub const COOKIE_OVERHEAD_BYTES: u32 = 64;
/// Most instances the model runs.
pub const MAX_INSTANCES: u32 = 100;
/// Most users the model runs.
pub const MAX_USERS: u32 = 10_000;
/// Longest run, seconds.
pub const MAX_DURATION_S: u32 = 3_600;

/// Where the session (the cart) is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Store {
    /// In the serving instance's memory, no stickiness.
    Local,
    /// In the instance's memory, with load-balancer sticky sessions.
    Sticky,
    /// In a browser cookie.
    Cookie,
    /// In a shared ElastiCache (Redis OSS / Memcached) cluster.
    Elasticache,
    /// In a shared DynamoDB table.
    Dynamodb,
}

impl Store {
    /// The name used by the CLI and the preset files.
    pub fn name(self) -> &'static str {
        match self {
            Self::Local => "local",
            Self::Sticky => "sticky",
            Self::Cookie => "cookie",
            Self::Elasticache => "elasticache",
            Self::Dynamodb => "dynamodb",
        }
    }

    /// Whether every instance reads the same copy.
    pub fn is_shared(self) -> bool {
        matches!(self, Self::Elasticache | Self::Dynamodb)
    }

    fn in_instance(self) -> bool {
        matches!(self, Self::Local | Self::Sticky)
    }
}

/// The inputs: CLI flags and preset `[config]` tables use the same names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SessionsConfig {
    /// Where the cart lives.
    pub store: Store,
    /// Instances behind the load balancer at the start.
    pub instances: u32,
    /// Users shopping at the same time.
    pub users: u32,
    /// Second at which instance 1 fails, if any.
    pub fail_instance_at: Option<u32>,
    /// Second at which the group scales in, if any (with `scale_in_to`).
    pub scale_in_at: Option<u32>,
    /// Instances left after the scale-in (the newest go first: a model choice).
    pub scale_in_to: Option<u32>,
    /// Simulated seconds.
    pub duration_s: u32,
    /// Mean seconds between one user's requests (an assumption).
    pub think_time_s: f64,
    /// Share of requests that add an item to the cart (0-1, an assumption).
    pub add_share: f64,
    /// Bytes one cart item takes in a cookie (the cookie store).
    pub item_bytes: u32,
    /// Random seed (same seed, same result).
    pub seed: u64,
}

impl Default for SessionsConfig {
    fn default() -> Self {
        Self {
            store: Store::Sticky,
            instances: 4,
            users: 200,
            fail_instance_at: None,
            scale_in_at: None,
            scale_in_to: None,
            duration_s: 600,
            think_time_s: 10.0,
            add_share: 0.3,
            item_bytes: 120,
            seed: 1,
        }
    }
}

/// A setting outside what the model (or AWS) allows. Messages are Korean, then English, and
/// name the limit and its source.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum SessionsError {
    /// A number outside its range.
    #[error(
        "{name} 값 {value}: 허용 범위 {range} 밖이에요 / {name} {value} is outside {range} ({source_of})"
    )]
    Range {
        /// The setting's flag name.
        name: &'static str,
        /// The rejected value.
        value: String,
        /// The allowed range.
        range: String,
        /// Where the limit comes from.
        source_of: &'static str,
    },
    /// `--scale-in-at` without `--scale-in-to`, or the other way round.
    #[error(
        "--scale-in-at과 --scale-in-to는 함께 주어야 해요 / --scale-in-at and --scale-in-to go together"
    )]
    ScaleInPair,
}

const MODEL_LIMIT: &str = "모델 한도 / model limit";

impl SessionsConfig {
    /// Checks every setting.
    pub fn validate(&self) -> Result<(), SessionsError> {
        let range = |name, value: String, range: String, source_of| SessionsError::Range {
            name,
            value,
            range,
            source_of,
        };
        if !(1..=MAX_INSTANCES).contains(&self.instances) {
            return Err(range(
                "--instances",
                self.instances.to_string(),
                format!("1-{MAX_INSTANCES}"),
                MODEL_LIMIT,
            ));
        }
        if !(1..=MAX_USERS).contains(&self.users) {
            return Err(range(
                "--users",
                self.users.to_string(),
                format!("1-{MAX_USERS}"),
                MODEL_LIMIT,
            ));
        }
        if !(1..=MAX_DURATION_S).contains(&self.duration_s) {
            return Err(range(
                "--duration",
                self.duration_s.to_string(),
                format!("1-{MAX_DURATION_S}"),
                MODEL_LIMIT,
            ));
        }
        for (name, at) in [
            ("--fail-instance-at", self.fail_instance_at),
            ("--scale-in-at", self.scale_in_at),
        ] {
            if let Some(at) = at
                && at > self.duration_s
            {
                return Err(range(
                    name,
                    at.to_string(),
                    format!("0-{}", self.duration_s),
                    "--duration",
                ));
            }
        }
        match (self.scale_in_at, self.scale_in_to) {
            (Some(_), Some(to)) if !(1..self.instances).contains(&to) => {
                return Err(range(
                    "--scale-in-to",
                    to.to_string(),
                    format!("1-{}", self.instances.saturating_sub(1)),
                    "--instances",
                ));
            }
            (Some(_), None) | (None, Some(_)) => return Err(SessionsError::ScaleInPair),
            _ => {}
        }
        if !(self.think_time_s.is_finite() && (0.5..=600.0).contains(&self.think_time_s)) {
            return Err(range(
                "--think-time",
                self.think_time_s.to_string(),
                "0.5-600".to_owned(),
                MODEL_LIMIT,
            ));
        }
        if !(self.add_share.is_finite() && (0.0..=1.0).contains(&self.add_share)) {
            return Err(range(
                "--add-share",
                self.add_share.to_string(),
                "0-1".to_owned(),
                MODEL_LIMIT,
            ));
        }
        if !(1..=COOKIE_LIMIT_BYTES).contains(&self.item_bytes) {
            return Err(range(
                "--item-bytes",
                self.item_bytes.to_string(),
                format!("1-{COOKIE_LIMIT_BYTES}"),
                sources::COOKIE_LIMIT,
            ));
        }
        Ok(())
    }
}

/// One second of the run, for charts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SessionSecond {
    /// Second from the start.
    pub t_s: u32,
    /// Requests in this second.
    pub requests: u32,
    /// Requests that showed a cart missing items the user had added.
    pub wrong_carts: u32,
    /// Requests with no healthy instance to serve them (503).
    pub failed: u32,
    /// Healthy instances at the end of the second.
    pub instances: u32,
}

/// What happened. Field names are the CLI's JSON contract.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SessionsResult {
    /// The store that was simulated.
    pub store: Store,
    /// Carts that lost items: the instance holding them went away, or the cookie overflowed.
    pub carts_lost: u32,
    /// Users who lost a cart or saw a cart missing items they had added.
    pub users_affected: u32,
    /// Users whose last request (or sticky binding) was on an instance that failed or was
    /// scaled in, at that moment.
    pub users_on_failed_instances: u32,
    /// Requests sent.
    pub requests: u64,
    /// Session reads that crossed the network to a shared store (0 for local, sticky, cookie).
    pub session_reads: u64,
    /// Session writes to a shared store (one per item added).
    pub session_writes: u64,
    /// Requests that showed a cart missing items the user had added.
    pub wrong_cart_reads: u64,
    /// Requests with no healthy instance (503).
    pub failed_requests: u64,
    /// Items added by users.
    pub items_added: u64,
    /// Median response time, ms.
    pub p50_ms: f64,
    /// 99th-percentile response time, ms.
    pub p99_ms: f64,
    /// Largest cart cookie the application tried to set, bytes (cookie store only).
    pub cookie_bytes_max: Option<u32>,
    /// Cart updates a browser would drop because the cookie passed 4,096 bytes (cookie store).
    pub cookie_overflows: u64,
    /// Per second, for charts.
    pub timeline: Vec<SessionSecond>,
    /// Which rule produced which number.
    pub explanation: Vec<Explanation>,
    /// Each instance behind the load balancer, in order (instance 1 first). For the local and
    /// sticky stores their `carts_lost` add up to `carts_lost`; a cookie overflow is no
    /// instance's.
    pub per_instance: Vec<InstanceOutcome>,
}

/// How an instance left the group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Removal {
    /// It failed (`fail_instance_at`).
    Failed,
    /// The group scaled in (`scale_in_at`).
    ScaledIn,
}

/// One instance's part in the run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InstanceOutcome {
    /// Instance number, from 1 (instance 1 is the one that fails).
    pub instance: u32,
    /// Requests it served.
    pub requests: u64,
    /// How it left the group (none: it served to the end).
    pub removed: Option<Removal>,
    /// The second it left.
    pub removed_at_s: Option<u32>,
    /// Users whose last request (or sticky binding) was on it when it left.
    pub users_on_removal: u32,
    /// Carts that vanished with its memory (local and sticky stores).
    pub carts_lost: u32,
}

#[derive(Default, Clone)]
struct User {
    added: u32,
    cookie_items: u32,
    shared_items: u32,
    sticky: Option<usize>,
    last_instance: Option<usize>,
    lost: bool,
    saw_wrong: bool,
}

/// Runs the model (the config is validated first).
pub fn simulate(cfg: &SessionsConfig) -> Result<SessionsResult, SessionsError> {
    cfg.validate()?;
    let mut rng = ChaCha8Rng::seed_from_u64(cfg.seed);
    let n_inst = cfg.instances as usize;
    let end_ms = u64::from(cfg.duration_s) * 1000;
    let mean_ms = cfg.think_time_s * 1000.0;
    let mut alive = vec![true; n_inst];
    let mut carts: Vec<HashMap<u32, u32>> = vec![HashMap::new(); n_inst];
    let mut users = vec![User::default(); cfg.users as usize];
    let mut queue = BinaryHeap::new();
    for u in 0..cfg.users {
        let first = (rng.random::<f64>() * mean_ms) as u64;
        queue.push(Reverse((first, u)));
    }
    // Instance events: (time ms, instances that go, is failure).
    let mut events: Vec<(u64, Vec<usize>, bool)> = Vec::new();
    if let Some(at) = cfg.fail_instance_at {
        events.push((u64::from(at) * 1000, vec![0], true));
    }
    if let (Some(at), Some(to)) = (cfg.scale_in_at, cfg.scale_in_to) {
        events.push((u64::from(at) * 1000, (to as usize..n_inst).collect(), false));
    }
    events.sort_by_key(|e| e.0);
    let mut next_event = 0;

    let mut timeline: Vec<SessionSecond> = (0..cfg.duration_s)
        .map(|t_s| SessionSecond {
            t_s,
            requests: 0,
            wrong_carts: 0,
            failed: 0,
            instances: cfg.instances,
        })
        .collect();
    let mut rr = 0usize;
    let mut r = SessionsResult {
        store: cfg.store,
        carts_lost: 0,
        users_affected: 0,
        users_on_failed_instances: 0,
        requests: 0,
        session_reads: 0,
        session_writes: 0,
        wrong_cart_reads: 0,
        failed_requests: 0,
        items_added: 0,
        p50_ms: 0.0,
        p99_ms: 0.0,
        cookie_bytes_max: (cfg.store == Store::Cookie).then_some(COOKIE_OVERHEAD_BYTES),
        cookie_overflows: 0,
        timeline: Vec::new(),
        explanation: Vec::new(),
        per_instance: (1..=cfg.instances)
            .map(|instance| InstanceOutcome {
                instance,
                requests: 0,
                removed: None,
                removed_at_s: None,
                users_on_removal: 0,
                carts_lost: 0,
            })
            .collect(),
    };
    let mut gone_users = vec![false; users.len()];
    let mut latencies: Vec<f64> = Vec::new();
    let mut event_log: Vec<(u64, usize, u32, u32, bool)> = Vec::new();

    while let Some(Reverse((t, u))) = queue.pop() {
        if t >= end_ms {
            break;
        }
        while next_event < events.len() && events[next_event].0 <= t {
            let (at, gone, failure) = &events[next_event];
            let (mut on, mut lost) = (0, 0);
            for &i in gone {
                let (on_before, lost_before) = (on, lost);
                alive[i] = false;
                for (idx, user) in users.iter_mut().enumerate() {
                    let here = user.last_instance == Some(i) || user.sticky == Some(i);
                    if here && !gone_users[idx] {
                        gone_users[idx] = true;
                        on += 1;
                    }
                }
                for (&uid, &items) in &carts[i] {
                    let user = &mut users[uid as usize];
                    if items > 0 && !user.lost {
                        user.lost = true;
                        lost += 1;
                    }
                }
                carts[i].clear();
                note_removal(
                    &mut r.per_instance[i],
                    *at,
                    *failure,
                    on - on_before,
                    lost - lost_before,
                );
            }
            event_log.push((*at, gone.len(), on, lost, *failure));
            next_event += 1;
        }
        let second = (t / 1000) as usize;
        let healthy: Vec<usize> = (0..n_inst).filter(|&i| alive[i]).collect();
        r.requests += 1;
        timeline[second].requests += 1;
        let user = &mut users[u as usize];
        if healthy.is_empty() {
            r.failed_requests += 1;
            timeline[second].failed += 1;
        } else {
            let inst = match user.sticky {
                Some(i) if cfg.store == Store::Sticky && alive[i] => i,
                _ => {
                    let i = healthy[rr % healthy.len()];
                    rr = rr.wrapping_add(1);
                    if cfg.store == Store::Sticky {
                        user.sticky = Some(i);
                    }
                    i
                }
            };
            user.last_instance = Some(inst);
            r.per_instance[inst].requests += 1;
            let seen = match cfg.store {
                Store::Local | Store::Sticky => carts[inst].get(&u).copied().unwrap_or(0),
                Store::Cookie => user.cookie_items,
                Store::Elasticache | Store::Dynamodb => user.shared_items,
            };
            if seen < user.added {
                r.wrong_cart_reads += 1;
                timeline[second].wrong_carts += 1;
                user.saw_wrong = true;
            }
            // App time: 20 ms plus an exponential tail (mean 5 ms) -- an assumption.
            let mut ms = 20.0 - (1.0 - rng.random::<f64>()).ln() * 5.0;
            let hop = |rng: &mut ChaCha8Rng| match cfg.store {
                Store::Elasticache => 0.5 + rng.random::<f64>() * 0.5,
                Store::Dynamodb => 3.0 + rng.random::<f64>() * 5.0,
                _ => 0.0,
            };
            if cfg.store.is_shared() {
                r.session_reads += 1;
                ms += hop(&mut rng);
            }
            if rng.random::<f64>() < cfg.add_share {
                user.added += 1;
                r.items_added += 1;
                let new = seen + 1;
                match cfg.store {
                    s if s.in_instance() => {
                        carts[inst].insert(u, new);
                    }
                    Store::Cookie => {
                        let bytes = COOKIE_OVERHEAD_BYTES + new * cfg.item_bytes;
                        r.cookie_bytes_max = r.cookie_bytes_max.map(|m| m.max(bytes));
                        if bytes > COOKIE_LIMIT_BYTES {
                            r.cookie_overflows += 1;
                            if !user.lost {
                                user.lost = true;
                            }
                        } else {
                            user.cookie_items = new;
                        }
                    }
                    _ => {
                        user.shared_items = new;
                        r.session_writes += 1;
                        ms += hop(&mut rng);
                    }
                }
            }
            latencies.push(ms);
        }
        let gap = -(1.0 - rng.random::<f64>()).ln() * mean_ms;
        queue.push(Reverse((t + (gap as u64).max(1), u)));
    }
    // Events after the last request still happen (a failure near the end loses carts too).
    while next_event < events.len() {
        let (at, gone, failure) = &events[next_event];
        let (mut on, mut lost) = (0, 0);
        for &i in gone {
            let (on_before, lost_before) = (on, lost);
            alive[i] = false;
            for (idx, user) in users.iter().enumerate() {
                if (user.last_instance == Some(i) || user.sticky == Some(i)) && !gone_users[idx] {
                    gone_users[idx] = true;
                    on += 1;
                }
            }
            for (&uid, &items) in &carts[i] {
                let user = &mut users[uid as usize];
                if items > 0 && !user.lost {
                    user.lost = true;
                    lost += 1;
                }
            }
            carts[i].clear();
            note_removal(
                &mut r.per_instance[i],
                *at,
                *failure,
                on - on_before,
                lost - lost_before,
            );
        }
        event_log.push((*at, gone.len(), on, lost, *failure));
        next_event += 1;
    }
    // Healthy instances per second, for the chart.
    for s in &mut timeline {
        let end = (u64::from(s.t_s) + 1) * 1000;
        let gone: usize = events.iter().filter(|e| e.0 < end).map(|e| e.1.len()).sum();
        s.instances = cfg.instances.saturating_sub(gone as u32);
    }
    r.carts_lost = users.iter().filter(|u| u.lost).count() as u32;
    r.users_affected = users.iter().filter(|u| u.lost || u.saw_wrong).count() as u32;
    r.users_on_failed_instances = gone_users.iter().filter(|&&g| g).count() as u32;
    latencies.sort_by(f64::total_cmp);
    r.p50_ms = percentile(&latencies, 0.50);
    r.p99_ms = percentile(&latencies, 0.99);
    r.timeline = timeline;
    r.explanation = explain(cfg, &r, &event_log);
    Ok(r)
}

/// Records an instance leaving the group (the first time only: a failed instance that a
/// scale-in also removes left when it failed).
fn note_removal(i: &mut InstanceOutcome, at_ms: u64, failure: bool, users: u32, carts: u32) {
    if i.removed.is_none() {
        i.removed = Some(if failure {
            Removal::Failed
        } else {
            Removal::ScaledIn
        });
        i.removed_at_s = Some((at_ms / 1000) as u32);
    }
    i.users_on_removal += users;
    i.carts_lost += carts;
}

/// The `q` quantile of sorted values, rounded to 0.1 ms (0 when empty).
fn percentile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let idx = ((sorted.len() as f64 * q).ceil() as usize).clamp(1, sorted.len()) - 1;
    (sorted[idx] * 10.0).round() / 10.0
}

fn line(rule: &str, ko: String, en: String, source: Option<&str>) -> Explanation {
    Explanation {
        rule: rule.to_owned(),
        ko,
        en,
        source: source.map(str::to_owned),
    }
}

fn explain(
    cfg: &SessionsConfig,
    r: &SessionsResult,
    events: &[(u64, usize, u32, u32, bool)],
) -> Vec<Explanation> {
    let mut out = Vec::new();
    let store_line = match cfg.store {
        Store::Local => line(
            "sessions.store.local",
            "로드 밸런서는 요청마다 따로 인스턴스를 골라요(기본 동작). 장바구니가 그 인스턴스 메모리에만 있으니 요청마다 다른 조각을 보게 돼요.".to_owned(),
            "The load balancer picks an instance for each request on its own (the default). The cart lives only in that instance's memory, so each request sees a different piece of it.".to_owned(),
            Some(sources::STICKY),
        ),
        Store::Sticky => line(
            "sessions.store.sticky",
            "고정 세션(세션 어피니티)이 쿠키로 사용자를 처음 응답한 인스턴스에 묶어요. 장바구니는 그 인스턴스가 살아 있는 동안만 온전해요.".to_owned(),
            "Sticky sessions (session affinity) bind each user to the instance that first served them, by cookie. The cart is whole only while that instance lives.".to_owned(),
            Some(sources::STICKY),
        ),
        Store::Cookie => line(
            "sessions.store.cookie",
            "장바구니가 쿠키에 담겨 요청마다 오가요. 인스턴스가 사라져도 잃지 않지만, 요청마다 쿠키 전체를 보내요.".to_owned(),
            "The cart travels in a cookie with every request. Nothing is lost when instances go, but every request carries the whole cookie.".to_owned(),
            Some(sources::COOKIE_LIMIT),
        ),
        Store::Elasticache | Store::Dynamodb => line(
            "sessions.store.shared",
            format!(
                "모든 인스턴스가 같은 세션 저장소({})를 읽어서 인스턴스가 사라져도 장바구니를 잃지 않아요. 대신 세션을 읽을 때마다 네트워크를 한 번 더 거쳐요: 세션 읽기 {}번, 쓰기 {}번.",
                store_label(cfg.store),
                group(r.session_reads),
                group(r.session_writes)
            ),
            format!(
                "Every instance reads the same session store ({}), so no cart is lost when instances go. The price is one more network hop per session read: {} session reads, {} writes.",
                store_label(cfg.store),
                group(r.session_reads),
                group(r.session_writes)
            ),
            Some(sources::SESSION_MANAGEMENT),
        ),
    };
    out.push(store_line);
    for &(at, count, on, lost, failure) in events {
        let secs = at / 1000;
        let (ko_what, en_what) = if failure {
            (
                format!("{secs}초에 인스턴스 1이 멈췄어요"),
                format!("At {secs} s instance 1 failed"),
            )
        } else {
            (
                format!("{secs}초에 스케일 인으로 인스턴스 {count}대가 빠졌어요"),
                format!("At {secs} s a scale-in removed {count} instance(s)"),
            )
        };
        out.push(line(
            if failure {
                "sessions.failure"
            } else {
                "sessions.scale-in"
            },
            format!(
                "{ko_what}: 거기 있던 사용자 {on}명, 그 메모리와 함께 사라진 장바구니 {lost}개."
            ),
            format!("{en_what}: {on} users were on it, {lost} carts vanished with its memory."),
            Some(sources::SESSION_MANAGEMENT),
        ));
    }
    if cfg.store == Store::Local && r.wrong_cart_reads > 0 {
        out.push(line(
            "sessions.local.flicker",
            format!(
                "고정 세션도 공유 저장소도 없어서 요청 {}번이 담은 물건이 빠진 장바구니를 보여줬어요(사용자 {}명).",
                group(r.wrong_cart_reads),
                group(u64::from(r.users_affected))
            ),
            format!(
                "With neither sticky sessions nor a shared store, {} requests showed a cart missing items (for {} users).",
                group(r.wrong_cart_reads),
                group(u64::from(r.users_affected))
            ),
            Some(sources::SESSION_MANAGEMENT),
        ));
    }
    if let Some(max) = r.cookie_bytes_max {
        if r.cookie_overflows > 0 {
            out.push(line(
                "sessions.cookie.overflow",
                format!(
                    "장바구니 쿠키가 최대 {}바이트까지 커졌어요. 브라우저가 반드시 지켜 주는 크기는 쿠키 하나에 {}바이트까지라서, 넘는 쿠키는 버려질 수 있어요: 새로 담은 물건 {}번이 사라졌어요(장바구니 {}개). 쿠키에는 상품 ID만 담거나 서버 쪽 저장소를 쓰세요.",
                    group(u64::from(max)),
                    group(u64::from(COOKIE_LIMIT_BYTES)),
                    group(r.cookie_overflows),
                    r.carts_lost
                ),
                format!(
                    "The cart cookie grew to {} bytes. Browsers are only sure to keep {} bytes per cookie, so a larger one may be dropped: {} added items vanished ({} carts). Keep only product IDs in the cookie, or use a server-side store.",
                    group(u64::from(max)),
                    group(u64::from(COOKIE_LIMIT_BYTES)),
                    group(r.cookie_overflows),
                    r.carts_lost
                ),
                Some(sources::COOKIE_LIMIT),
            ));
        } else {
            out.push(line(
                "sessions.cookie.size",
                format!(
                    "가장 큰 장바구니 쿠키는 {}바이트로, 쿠키 하나의 한도 {}바이트 안이에요.",
                    group(u64::from(max)),
                    group(u64::from(COOKIE_LIMIT_BYTES))
                ),
                format!(
                    "The largest cart cookie was {} bytes, within the {} bytes per cookie.",
                    group(u64::from(max)),
                    group(u64::from(COOKIE_LIMIT_BYTES))
                ),
                Some(sources::COOKIE_LIMIT),
            ));
        }
    }
    out.push(line(
        "sessions.result",
        format!(
            "요청 {}번, 잃은 장바구니 {}개, 영향받은 사용자 {}명, 응답 시간 p50 {:.1}ms / p99 {:.1}ms.",
            group(r.requests),
            r.carts_lost,
            r.users_affected,
            r.p50_ms,
            r.p99_ms
        ),
        format!(
            "{} requests, {} carts lost, {} users affected, response time p50 {:.1} ms / p99 {:.1} ms.",
            group(r.requests),
            r.carts_lost,
            r.users_affected,
            r.p50_ms,
            r.p99_ms
        ),
        None,
    ));
    out.push(line(
        "sessions.assumptions",
        format!(
            "가정: 사용자는 평균 {}초마다 요청하고 그중 {:.0}%가 물건을 담아요. 앱 처리 20ms(+지수 꼬리), ElastiCache 왕복 0.5-1ms, DynamoDB 왕복 3-8ms로 잡았어요. 로드 밸런서는 멈춘 인스턴스를 바로 빼요(실제로는 상태 확인 몇 번이 걸려요).",
            cfg.think_time_s,
            cfg.add_share * 100.0
        ),
        format!(
            "Assumptions: a user sends a request every {} s on average and {:.0}% of them add an item. App time 20 ms (+ an exponential tail), an ElastiCache round trip 0.5-1 ms, a DynamoDB one 3-8 ms. The load balancer drops a failed instance at once (in reality it takes a few health checks).",
            cfg.think_time_s,
            cfg.add_share * 100.0
        ),
        None,
    ));
    out
}

fn store_label(s: Store) -> &'static str {
    match s {
        Store::Elasticache => "ElastiCache",
        Store::Dynamodb => "DynamoDB",
        Store::Local => "local",
        Store::Sticky => "sticky",
        Store::Cookie => "cookie",
    }
}

/// `1234567` -> `1,234,567`.
pub(crate) fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// A sessions preset.
pub type Preset = challenge::Preset<SessionsConfig>;

const FILES: [(&str, &str); 2] = [
    (
        "sessions-sticky-failure.toml",
        include_str!("../scenarios/sessions-sticky-failure.toml"),
    ),
    (
        "sessions-cookie-cart.toml",
        include_str!("../scenarios/sessions-cookie-cart.toml"),
    ),
];

/// Parses one sessions preset file.
pub fn parse_preset(file: &str, text: &str) -> Result<Preset, PresetError> {
    Preset::parse_for(file, text, simulate)
}

/// All embedded sessions presets, or the first broken one.
pub fn presets() -> Result<Vec<Preset>, PresetError> {
    Preset::load_all(&FILES, simulate)
}
impl crate::Localize for SessionsError {
    fn localize(&self, en: bool) -> String {
        crate::lang::pick(&self.to_string(), en)
    }
}
