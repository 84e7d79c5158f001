//! The second-by-second run: hooks, weight steps, routing, errors, alarm periods, rollback.
//!
//! Each simulated second, in this order:
//! 1. At a period boundary the finished `CloudWatch` period becomes a datapoint and the alarm is
//!    evaluated ("M out of N" over the last N datapoints). An alarm while the deployment is still
//!    in progress rolls it back at once; after the end it is only recorded.
//! 2. Hook results and the end of the deployment take effect.
//! 3. The weight for the second is fixed (a change becomes a shift point).
//! 4. The second's requests are routed and fail at random (binomial draws from two seeded
//!    `ChaCha8` streams) or by expected values.
//!
//! The run stops at the first period boundary after the deployment ended plus `observe_s`, so
//! every datapoint covers a whole period.
//! Periods start at the deployment's start (real `CloudWatch` aligns them to the clock; the trail
//! says so). A period without data for the watched metric counts as not breaching.

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rand_distr::{Binomial, Distribution};

use super::config::{AlarmMetric, DeployConfig, HookFail, Routing};
use super::result::{Outcome, Period, Reason, ShiftPoint, Step};
use super::strategy::Strategy;

/// Key times of the deployment when nothing goes wrong, seconds.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Plan {
    /// The `PreTraffic` hook ends and the first shift happens.
    pub shift_start: u64,
    /// The last shift (100% new).
    pub shift_done: u64,
    /// The `PostTraffic` hook ends.
    pub post_end: u64,
    /// The deployment ends (after the blue/green bake).
    pub end: u64,
}

impl Plan {
    pub(crate) fn of(cfg: &DeployConfig, strategy: &Strategy) -> Self {
        let shift_start = u64::from(cfg.pre_hook_s());
        let last = strategy.schedule().last().map_or(0, |s| s.0);
        let shift_done = shift_start + last;
        let post_end = shift_done + u64::from(cfg.post_hook_s());
        Self {
            shift_start,
            shift_done,
            post_end,
            end: post_end + strategy.bake_s(),
        }
    }
}

/// What the run produced, before the trail is written.
#[derive(Debug, Clone)]
pub(crate) struct Raw {
    pub plan: Plan,
    pub outcome: Outcome,
    pub reason: Option<Reason>,
    pub rolled_back_at_s: Option<u64>,
    pub detected_at_s: Option<u64>,
    pub bad_seen_at_s: Option<u64>,
    pub duration_s: u64,
    pub simulated_s: u64,
    pub shift: Vec<ShiftPoint>,
    pub steps: Vec<Step>,
    pub requests_new: f64,
    pub errors_new: f64,
    pub requests_old: f64,
    pub errors_old: f64,
    pub users_affected: f64,
    pub errors_bad: f64,
    pub latency_sum: f64,
    pub periods: Vec<Period>,
}

#[derive(Default, Clone, Copy)]
struct Acc {
    requests_new: f64,
    errors_new: f64,
    requests_old: f64,
    errors_old: f64,
    latency_new: f64,
}

struct Draw {
    routing: Routing,
    route: ChaCha8Rng,
    fail: ChaCha8Rng,
}

impl Draw {
    /// How many of `n` trials succeed with probability `p`.
    fn binomial(rng: &mut ChaCha8Rng, routing: Routing, n: f64, p: f64) -> f64 {
        if routing == Routing::Expected {
            return n * p;
        }
        if n <= 0.0 || p <= 0.0 {
            return 0.0;
        }
        if p >= 1.0 {
            return n;
        }
        // n is a whole number here (sampled requests); p is within (0, 1).
        Binomial::new(n as u64, p).map_or(n * p, |b| b.sample(rng) as f64)
    }
    fn route(&mut self, n: f64, p: f64) -> f64 {
        Self::binomial(&mut self.route, self.routing, n, p)
    }
    fn fail(&mut self, n: f64, p: f64) -> f64 {
        Self::binomial(&mut self.fail, self.routing, n, p)
    }
}

/// The weight the schedule gives at `t` (no rollback), percent.
fn scheduled(plan: &Plan, schedule: &[(u64, f64)], t: u64) -> f64 {
    if t < plan.shift_start {
        return 0.0;
    }
    let offset = t - plan.shift_start;
    schedule
        .iter()
        .take_while(|(at, _)| *at <= offset)
        .last()
        .map_or(0.0, |s| s.1)
}

/// Requests arriving in second `t` at `rps`: whole numbers spread evenly when sampled.
fn arrivals(routing: Routing, rps: f64, t: u64) -> f64 {
    match routing {
        Routing::Expected => rps,
        Routing::Sampled => ((t + 1) as f64 * rps).floor() - (t as f64 * rps).floor(),
    }
}

pub(crate) fn run(cfg: &DeployConfig, strategy: &Strategy) -> Raw {
    let plan = Plan::of(cfg, strategy);
    let schedule = strategy.schedule();
    let route = ChaCha8Rng::seed_from_u64(cfg.seed);
    let mut fail = ChaCha8Rng::seed_from_u64(cfg.seed);
    // A second stream of the same key: changing an error rate does not move the routing.
    fail.set_stream(1);
    let mut draw = Draw {
        routing: cfg.routing,
        route,
        fail,
    };
    let release_bad =
        cfg.new_error_rate > cfg.old_error_rate || cfg.new_latency_ms > cfg.old_latency_ms;
    let period = u64::from(cfg.alarm_period_s);
    let n_eval = cfg.alarm_evaluation_periods as usize;
    let m_alarm = cfg.datapoints() as usize;

    let mut raw = Raw {
        plan,
        outcome: Outcome::Succeeded,
        reason: None,
        rolled_back_at_s: None,
        detected_at_s: None,
        bad_seen_at_s: None,
        duration_s: plan.end,
        simulated_s: 0,
        shift: Vec::new(),
        steps: Vec::new(),
        requests_new: 0.0,
        errors_new: 0.0,
        requests_old: 0.0,
        errors_old: 0.0,
        users_affected: 0.0,
        errors_bad: 0.0,
        latency_sum: 0.0,
        periods: Vec::new(),
    };
    let mut done_at: Option<u64> = None;
    let mut acc = Acc::default();
    let mut step: Option<Step> = None;
    let mut t: u64 = 0;
    loop {
        // 1. Close the finished period and evaluate the alarm.
        if t > 0 && t.is_multiple_of(period) {
            close_period(cfg, &mut raw, &mut acc, t - period);
            let recent = raw.periods.iter().rev().take(n_eval);
            let breaching = recent.filter(|p| p.breaching).count();
            if cfg.alarm && raw.detected_at_s.is_none() && breaching >= m_alarm {
                raw.detected_at_s = Some(t);
                if done_at.is_none() {
                    roll_back(&mut raw, &mut done_at, t, Reason::Alarm);
                }
            }
        }
        // 2. Hooks and the end of the deployment.
        if done_at.is_none() {
            if cfg.hook_fail == HookFail::Pre && t == plan.shift_start {
                roll_back(&mut raw, &mut done_at, t, Reason::PreTrafficHook);
            } else if cfg.hook_fail == HookFail::Post && t == plan.post_end {
                roll_back(&mut raw, &mut done_at, t, Reason::PostTrafficHook);
            } else if t == plan.end {
                done_at = Some(t);
                raw.duration_s = t;
            }
        }
        let stop = done_at.map_or(u64::MAX, |d| d + u64::from(cfg.observe_s));
        // 3. This second's weight.
        let weight = if raw.rolled_back_at_s.is_some() {
            0.0
        } else {
            scheduled(&plan, &schedule, t)
        };
        if raw
            .shift
            .last()
            .is_none_or(|p| (p.new_percent - weight).abs() > 1e-12)
        {
            raw.shift.push(ShiftPoint {
                t_s: t,
                new_percent: weight,
            });
            if let Some(s) = step.take() {
                raw.steps.push(s);
            }
            step = Some(Step {
                from_s: t,
                to_s: t,
                new_percent: weight,
                requests: 0.0,
                requests_new: 0.0,
                observed_percent: 0.0,
            });
        }
        // Run on to the next period boundary so the last datapoint covers a whole period.
        if t >= stop && t.is_multiple_of(period) {
            break;
        }
        // 4. This second's traffic (none after the observation window).
        let n = if t >= stop {
            0.0
        } else {
            arrivals(cfg.routing, cfg.rps, t)
        };
        let new = draw.route(n, weight / 100.0);
        let old = n - new;
        let bad_now = release_bad && t >= u64::from(cfg.bad_from_s);
        let (new_rate, new_latency) = if bad_now {
            (cfg.new_error_rate, cfg.new_latency_ms)
        } else {
            (cfg.old_error_rate, cfg.old_latency_ms)
        };
        let new_errors = draw.fail(new, new_rate);
        let old_errors = draw.fail(old, cfg.old_error_rate);
        acc.requests_new += new;
        acc.errors_new += new_errors;
        acc.requests_old += old;
        acc.errors_old += old_errors;
        acc.latency_new += new * new_latency;
        raw.latency_sum += new * new_latency + old * cfg.old_latency_ms;
        if bad_now && new > 0.0 {
            raw.users_affected += new;
            raw.errors_bad += new_errors;
            raw.bad_seen_at_s.get_or_insert(t);
        }
        if let Some(s) = step.as_mut() {
            if t < stop {
                s.to_s = t + 1;
            }
            s.requests += n;
            s.requests_new += new;
        }
        t += 1;
    }
    if let Some(s) = step.take() {
        raw.steps.push(s);
    }
    // A rollback at the very end of the window leaves an empty stretch; it says nothing.
    raw.steps.retain(|s| s.to_s > s.from_s);
    for s in &mut raw.steps {
        s.observed_percent = if s.requests > 0.0 {
            // Division can land a hair above 100 in the expected-value view.
            (s.requests_new * 100.0 / s.requests).clamp(0.0, 100.0)
        } else {
            0.0
        };
    }
    raw.simulated_s = t;
    raw.requests_new = raw.periods.iter().map(|p| p.requests_new).sum();
    raw.errors_new = raw.periods.iter().map(|p| p.errors_new).sum();
    raw.requests_old = raw.periods.iter().map(|p| p.requests_old).sum();
    raw.errors_old = raw.periods.iter().map(|p| p.errors_old).sum();
    raw
}

fn roll_back(raw: &mut Raw, done_at: &mut Option<u64>, t: u64, reason: Reason) {
    raw.outcome = Outcome::RolledBack;
    raw.reason = Some(reason);
    raw.rolled_back_at_s = Some(t);
    raw.duration_s = t;
    *done_at = Some(t);
}

fn close_period(cfg: &DeployConfig, raw: &mut Raw, acc: &mut Acc, start_s: u64) {
    let a = std::mem::take(acc);
    let ratio = |num: f64, den: f64| (den > 0.0).then(|| num / den);
    let value = match cfg.alarm_metric {
        AlarmMetric::NewVersionErrors => ratio(a.errors_new, a.requests_new),
        AlarmMetric::AliasErrors => {
            ratio(a.errors_new + a.errors_old, a.requests_new + a.requests_old)
        }
        AlarmMetric::NewVersionLatency => ratio(a.latency_new, a.requests_new),
    };
    raw.periods.push(Period {
        start_s,
        requests_new: a.requests_new,
        errors_new: a.errors_new,
        requests_old: a.requests_old,
        errors_old: a.errors_old,
        value,
        breaching: value.is_some_and(|v| v > cfg.alarm_threshold),
    });
}
