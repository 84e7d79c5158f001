//! The discrete-event core: environments, concurrency, scaling, throttling and async retries.
//!
//! Time is an integer number of simulated milliseconds. Future work (an Init phase ending, an
//! invocation finishing, an async retry falling due, an event expiring) sits in a binary heap
//! ordered by (time, sequence number); new arrivals come lazily from [`Arrivals`], so the heap
//! only holds work in flight. At equal times the heap goes first, so an environment that finishes
//! at t can take a request that arrives at t (warm reuse).
//!
//! Environments are not individual objects: the model only needs counts (`busy`, `initializing`,
//! idle provisioned) and, for idle on-demand environments, *when* each went idle. Those times live
//! in a queue ordered oldest first. A request takes the most recently idled environment (the back),
//! so the oldest ones (the front) are the ones that run out the idle timeout and are reclaimed;
//! reclaiming is done lazily while time advances, without timer events. Lambda publishes no idle
//! timeout and no reuse order, so both are modelling choices
//! (<https://docs.aws.amazon.com/fr_fr/lambda/latest/operatorguide/execution-environments.html>).
//! Reclaiming is the Shutdown phase; it takes no request and is not billed, so the model only
//! counts it (`environments_reclaimed`). Provisioned environments are never reclaimed.
//!
//! A request is served, in order of preference, by an idle provisioned environment, an idle
//! on-demand environment, or a new environment (a cold start) if concurrency is below the cap
//! (reserved concurrency, else the account limit) and the scaling rule allows another one;
//! otherwise it is throttled with 429 `TooManyRequestsException`
//! (<https://docs.aws.amazon.com/lambda/latest/dg/scaling-behavior.html>).
//!
//! Nothing here allocates per event: the heap, the idle queue and the creation ring grow to the
//! peak amount of work in flight and are reused.

use std::cmp::{Ordering, Reverse};
use std::collections::{BinaryHeap, VecDeque};

use rand::RngExt;
use rand_chacha::ChaCha8Rng;

use super::arrivals::Arrivals;
use super::config::{INIT_LIMIT_MS, InvokeType, LambdaConfig, ScalingModel};
use super::prices::billed_duration_ms;
use super::stats::{Histogram, Recorder};

/// New model: at most this many new environments per function...
const SCALE_STEP: usize = 1_000;
/// ...in any window of this many ms (<https://docs.aws.amazon.com/lambda/latest/dg/scaling-behavior.html>).
const SCALE_WINDOW_MS: u64 = 10_000;
/// Old model: +500 concurrency per minute after the burst
/// (<https://docs.aws.amazon.com/lambda/latest/dg/invocation-scaling.html>).
const OLD_STEP: u32 = 500;
const OLD_STEP_MS: u64 = 60_000;
/// Async function-error retries wait 1 min, then 2 min
/// (<https://docs.aws.amazon.com/lambda/latest/dg/invocation-async.html>).
const ERROR_RETRY_BASE_MS: u64 = 60_000;
/// Async throttle retries back off from 1 s up to 5 min (same page). The doubling is our choice:
/// AWS gives only the two ends.
const THROTTLE_BACKOFF_MIN_MS: u32 = 1_000;
const THROTTLE_BACKOFF_MAX_MS: u32 = 300_000;

/// One request/event as it moves through attempts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Job {
    /// When the event first arrived, ms (for the maximum event age).
    created: u64,
    /// Function-error retries already used.
    error_retries: u32,
    /// The last throttle backoff, ms (0 = not throttled since the last attempt).
    backoff_ms: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A cold start's Init phase ended; the environment moves on to Invoke.
    InitDone,
    /// An attempt ended.
    Done {
        job: Job,
        provisioned: bool,
        error: bool,
        reset: bool,
        latency: u64,
    },
    /// An async retry is due.
    Retry(Job),
    /// An async event reached its maximum age while waiting for a retry.
    Expire,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Event {
    t: u64,
    seq: u64,
    kind: Kind,
}

impl Ord for Event {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.t, self.seq).cmp(&(other.t, other.seq))
    }
}

impl PartialOrd for Event {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Why an attempt was throttled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Throttle {
    Limit,
    Scaling,
}

/// Raw counts from one run; `mod.rs` turns them into a `LambdaResult`.
#[derive(Debug, Clone, Default)]
pub(crate) struct Counters {
    pub(crate) events: u64,
    pub(crate) attempts: u64,
    pub(crate) succeeded: u64,
    pub(crate) failed_sync: u64,
    pub(crate) throttled_sync: u64,
    pub(crate) dlq: u64,
    pub(crate) dropped: u64,
    pub(crate) expired: u64,
    pub(crate) function_errors: u64,
    pub(crate) cold_starts: u64,
    pub(crate) init_timeouts: u64,
    pub(crate) throttles: u64,
    pub(crate) throttles_limit: u64,
    pub(crate) throttles_scaling: u64,
    pub(crate) max_concurrency: u32,
    pub(crate) max_environments: u32,
    pub(crate) created: u64,
    pub(crate) reclaimed: u64,
    pub(crate) requests: u64,
    pub(crate) billed_ms: u64,
    pub(crate) provisioned_billed_ms: u64,
    pub(crate) last_event_ms: u64,
}

/// Everything a finished run hands back.
pub(crate) struct Outcome {
    pub(crate) counters: Counters,
    pub(crate) recorder: Recorder,
    pub(crate) histogram: Histogram,
}

/// The simulation state.
pub(crate) struct Engine<'a> {
    cfg: &'a LambdaConfig,
    duration_ms: u64,
    init_ms: u64,
    timeout_ms: u64,
    idle_timeout_ms: u64,
    max_age_ms: u64,
    cap: u32,
    granularity_ms: u64,
    init_billed: bool,
    is_async: bool,
    burst_limit: u32,

    /// Time up to which the state has been integrated into the timeline.
    now: u64,
    heap: BinaryHeap<Reverse<Event>>,
    seq: u64,

    busy: u32,
    initializing: u32,
    provisioned_idle: u32,
    /// When each idle on-demand environment went idle, oldest first.
    idle_since: VecDeque<u64>,
    /// Creation times of the last `SCALE_STEP` new environments (a ring).
    creations: Vec<u64>,
    creation_head: usize,
    /// Old model: when the burst limit was first reached.
    burst_reached_at: Option<u64>,

    errors_rng: ChaCha8Rng,
    c: Counters,
    rec: Recorder,
    hist: Histogram,
}

impl<'a> Engine<'a> {
    /// A fresh engine; `errors_rng` decides function errors.
    pub(crate) fn new(cfg: &'a LambdaConfig, errors_rng: ChaCha8Rng) -> Self {
        let billing = cfg.billing();
        let cap = cfg.concurrency_cap();
        Self {
            cfg,
            duration_ms: u64::from(cfg.duration_ms),
            init_ms: u64::from(cfg.init_ms),
            timeout_ms: u64::from(cfg.timeout_s) * 1000,
            idle_timeout_ms: u64::from(cfg.idle_timeout_s) * 1000,
            max_age_ms: u64::from(cfg.max_event_age_s) * 1000,
            cap,
            granularity_ms: billing.granularity_ms(),
            init_billed: billing.init_billed(),
            is_async: cfg.invoke == InvokeType::Async,
            burst_limit: cfg.effective_burst_limit(),
            now: 0,
            heap: BinaryHeap::with_capacity(cap.min(100_000) as usize * 2),
            seq: 0,
            busy: 0,
            initializing: 0,
            // Provisioned environments are initialised before the run starts; they are not cold
            // starts (https://docs.aws.amazon.com/lambda/latest/dg/provisioned-concurrency.html).
            provisioned_idle: cfg.provisioned,
            idle_since: VecDeque::with_capacity(cap.min(100_000) as usize),
            creations: Vec::with_capacity(SCALE_STEP),
            creation_head: 0,
            burst_reached_at: None,
            errors_rng,
            c: Counters {
                max_environments: cfg.provisioned,
                ..Counters::default()
            },
            rec: Recorder::new(cfg.seconds as usize + 1),
            hist: Histogram::new(),
        }
    }

    fn in_flight(&self) -> u32 {
        self.busy + self.initializing
    }

    fn idle(&self) -> u32 {
        self.provisioned_idle + self.idle_since.len() as u32
    }

    fn push(&mut self, t: u64, kind: Kind) {
        self.seq += 1;
        self.heap.push(Reverse(Event {
            t,
            seq: self.seq,
            kind,
        }));
    }

    /// Runs until no work is left and returns the raw counts.
    pub(crate) fn run(mut self, mut arrivals: Arrivals, arrivals_rng: &mut ChaCha8Rng) -> Outcome {
        let mut next_arrival = arrivals.next(arrivals_rng);
        loop {
            let heap_t = self.heap.peek().map(|Reverse(e)| e.t);
            let from_heap = match (heap_t, next_arrival) {
                (None, None) => break,
                (Some(h), Some(a)) => h <= a,
                (Some(_), None) => true,
                (None, Some(_)) => false,
            };
            if from_heap {
                let Some(Reverse(ev)) = self.heap.pop() else {
                    break;
                };
                self.advance(ev.t);
                self.handle(ev.kind);
            } else if let Some(t) = next_arrival {
                self.advance(t);
                self.c.events += 1;
                self.rec.current.arrivals += 1;
                self.dispatch(Job {
                    created: t,
                    error_retries: 0,
                    backoff_ms: 0,
                });
                next_arrival = arrivals.next(arrivals_rng);
            }
        }
        self.c.last_event_ms = self.now;
        // Close the timeline at the end of the arrival window or of the last event's second,
        // whichever is later.
        let end = (u64::from(self.cfg.seconds) * 1000).max(self.now.div_ceil(1000) * 1000);
        self.advance(end);
        Outcome {
            counters: self.c,
            recorder: self.rec,
            histogram: self.hist,
        }
    }

    /// Moves time forward to `t`, integrating the gauges, closing seconds and reclaiming idle
    /// environments whose (assumed) idle timeout ran out on the way.
    fn advance(&mut self, t: u64) {
        loop {
            let boundary = (self.rec.current.t_s + 1) * 1000;
            let reclaim = self
                .idle_since
                .front()
                .map(|&since| since + self.idle_timeout_ms);
            let mut next = t.min(boundary);
            if let Some(r) = reclaim {
                next = next.min(r.max(self.now));
            }
            self.rec
                .integrate(next - self.now, self.busy, self.initializing, self.idle());
            self.now = next;
            if reclaim.is_some_and(|r| r <= next) {
                self.idle_since.pop_front();
                self.c.reclaimed += 1;
            } else if next == boundary {
                self.rec.close_second(self.in_flight());
            } else {
                break;
            }
        }
    }

    fn handle(&mut self, kind: Kind) {
        match kind {
            Kind::InitDone => {
                self.initializing -= 1;
                self.busy += 1;
            }
            Kind::Done {
                job,
                provisioned,
                error,
                reset,
                latency,
            } => {
                self.busy -= 1;
                self.hist.record(latency);
                if provisioned {
                    self.provisioned_idle += 1;
                } else if !reset {
                    // A crash or timeout resets the environment: it is not reused
                    // (https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html).
                    self.idle_since.push_back(self.now);
                }
                if error {
                    self.c.function_errors += 1;
                    self.rec.current.errors += 1;
                    self.after_error(job);
                } else {
                    self.c.succeeded += 1;
                    self.rec.current.successes += 1;
                }
            }
            Kind::Retry(job) => self.dispatch(job),
            Kind::Expire => self.fail(true),
        }
    }

    /// One invocation attempt at `self.now`.
    fn dispatch(&mut self, job: Job) {
        self.c.attempts += 1;
        self.rec.current.attempts += 1;
        if self.provisioned_idle > 0 {
            self.provisioned_idle -= 1;
            self.start_warm(job, true);
        } else if self.idle_since.pop_back().is_some() {
            self.start_warm(job, false);
        } else if self.in_flight() >= self.cap {
            self.throttle(job, Throttle::Limit);
            return;
        } else if !self.scaling_allows() {
            self.throttle(job, Throttle::Scaling);
            return;
        } else {
            self.cold_start(job);
        }
        let in_flight = self.in_flight();
        self.c.max_concurrency = self.c.max_concurrency.max(in_flight);
        self.c.max_environments = self.c.max_environments.max(in_flight + self.idle());
        self.rec.concurrency(in_flight);
    }

    fn draw_error(&mut self) -> bool {
        // Skip the draw when errors are impossible: faster, and the error stream stays unused.
        self.cfg.error_rate > 0.0 && self.errors_rng.random_bool(self.cfg.error_rate)
    }

    fn start_warm(&mut self, job: Job, provisioned: bool) {
        self.busy += 1;
        self.c.requests += 1;
        let billed = billed_duration_ms(self.duration_ms * 1000, self.granularity_ms);
        if provisioned {
            self.c.provisioned_billed_ms += billed;
        } else {
            self.c.billed_ms += billed;
        }
        let error = self.draw_error();
        let latency = self.duration_ms;
        let kind = Kind::Done {
            job,
            provisioned,
            error,
            reset: false,
            latency,
        };
        self.push(self.now + latency, kind);
    }

    fn cold_start(&mut self, job: Job) {
        self.c.cold_starts += 1;
        self.c.created += 1;
        self.rec.current.cold_starts += 1;
        self.initializing += 1;
        self.c.requests += 1;
        self.note_creation();
        // Init is limited to 10 s on demand; past that Lambda retries Init at the first invocation,
        // under the function timeout (https://docs.aws.amazon.com/ja_jp/lambda/latest/dg/runtimes-context.html).
        let (init_phase, mut invoke_phase) = if self.init_ms > INIT_LIMIT_MS {
            self.c.init_timeouts += 1;
            (INIT_LIMIT_MS, self.init_ms + self.duration_ms)
        } else {
            (self.init_ms, self.duration_ms)
        };
        let mut error = self.draw_error();
        let mut reset = false;
        if invoke_phase > self.timeout_ms {
            invoke_phase = self.timeout_ms;
            error = true;
            reset = true;
        }
        // Init is billed like Invoke from 1 Aug 2025
        // (https://aws.amazon.com/blogs/compute/aws-lambda-standardizes-billing-for-init-phase).
        let billed_run = invoke_phase + if self.init_billed { init_phase } else { 0 };
        self.c.billed_ms += billed_duration_ms(billed_run * 1000, self.granularity_ms);
        let latency = init_phase + invoke_phase;
        self.push(self.now + init_phase, Kind::InitDone);
        self.push(
            self.now + latency,
            Kind::Done {
                job,
                provisioned: false,
                error,
                reset,
                latency,
            },
        );
    }

    fn note_creation(&mut self) {
        if self.creations.len() < SCALE_STEP {
            self.creations.push(self.now);
        } else {
            self.creations[self.creation_head] = self.now;
            self.creation_head = (self.creation_head + 1) % SCALE_STEP;
        }
    }

    /// Whether the scaling rule allows one more new environment now.
    fn scaling_allows(&mut self) -> bool {
        match self.cfg.scaling {
            // At most 1,000 new environments in any 10 s window; unused rate does not accumulate
            // (https://docs.aws.amazon.com/lambda/latest/dg/scaling-behavior.html).
            ScalingModel::PerFunction => {
                self.creations.len() < SCALE_STEP
                    || self.creations[self.creation_head] + SCALE_WINDOW_MS <= self.now
            }
            // Before Nov 2023: an initial burst, then +500 per minute
            // (https://docs.aws.amazon.com/lambda/latest/dg/invocation-scaling.html).
            ScalingModel::AccountBurst => {
                let in_flight = self.in_flight();
                if in_flight < self.burst_limit {
                    return true;
                }
                let since = *self.burst_reached_at.get_or_insert(self.now);
                let steps = ((self.now - since) / OLD_STEP_MS) as u32;
                in_flight
                    < self
                        .burst_limit
                        .saturating_add(steps.saturating_mul(OLD_STEP))
            }
        }
    }

    fn throttle(&mut self, job: Job, why: Throttle) {
        self.c.throttles += 1;
        self.rec.current.throttles += 1;
        match why {
            Throttle::Limit => self.c.throttles_limit += 1,
            Throttle::Scaling => self.c.throttles_scaling += 1,
        }
        if !self.is_async {
            // Sync: the caller gets 429 TooManyRequestsException.
            self.c.throttled_sync += 1;
            return;
        }
        if self.cfg.reserved == Some(0) {
            // Reserved = 0: async events go straight to the DLQ without retries
            // (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async.html).
            self.fail(false);
            return;
        }
        // Async: Lambda keeps the event and retries with backoff, up to the maximum event age.
        let backoff = if job.backoff_ms == 0 {
            THROTTLE_BACKOFF_MIN_MS
        } else {
            job.backoff_ms
                .saturating_mul(2)
                .min(THROTTLE_BACKOFF_MAX_MS)
        };
        self.retry_or_expire(
            Job {
                backoff_ms: backoff,
                ..job
            },
            u64::from(backoff),
        );
    }

    fn after_error(&mut self, job: Job) {
        if !self.is_async {
            // Sync: the error goes back to the caller (https://docs.aws.amazon.com/lambda/latest/dg/invocation-sync.html).
            self.c.failed_sync += 1;
        } else if job.error_retries >= self.cfg.retry_attempts {
            self.fail(false);
        } else {
            // 1 minute before the 2nd attempt, 2 minutes before the 3rd.
            let delay = ERROR_RETRY_BASE_MS << job.error_retries;
            let next = Job {
                error_retries: job.error_retries + 1,
                backoff_ms: 0,
                ..job
            };
            self.retry_or_expire(next, delay);
        }
    }

    /// Schedules a retry after `delay` ms, or the event's expiry if it would be too old by then.
    fn retry_or_expire(&mut self, job: Job, delay: u64) {
        let due = self.now + delay;
        let deadline = job.created + self.max_age_ms;
        if due <= deadline {
            self.push(due, Kind::Retry(job));
        } else {
            self.push(deadline.max(self.now), Kind::Expire);
        }
    }

    /// The event's final failure: to the DLQ / on-failure destination, or dropped without one.
    fn fail(&mut self, expired: bool) {
        if self.cfg.on_failure_destination {
            self.c.dlq += 1;
        } else {
            self.c.dropped += 1;
        }
        if expired {
            self.c.expired += 1;
        }
        self.rec.current.dlq += 1;
    }
}
