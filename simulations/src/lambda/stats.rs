//! What the simulation measures: a per-second timeline and a latency histogram.
//!
//! The timeline's gauges (`busy`, `init`, `idle`) are time-weighted averages over each simulated
//! second, integrated exactly in integer environment-milliseconds: with 10 requests/s of 100 ms the
//! `busy` column reads 1.0, which is Little's law (concurrency = rate x duration) made visible. The
//! counters (`cold_starts`, `throttles`, ...) count what happened inside the second.
//!
//! Latencies go into a fixed histogram instead of a growing list, so memory does not grow with the
//! number of requests: 1 ms buckets up to 32.768 s (exact percentiles there), then 1 s buckets up
//! to the longest possible attempt (10 s failed Init + 900 s timeout).

use serde::Serialize;

/// One simulated second `[t_s, t_s + 1)`.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct SecondStats {
    /// Start of the second, seconds from the start of the run.
    pub t_s: u64,
    /// Average environments running a handler (Invoke phase) during the second.
    pub busy: f64,
    /// Average environments idle (frozen, warm) during the second, provisioned ones included.
    pub idle: f64,
    /// Average environments in the Init phase during the second.
    pub init: f64,
    /// Highest concurrency (Init + Invoke) reached during the second.
    pub peak_concurrency: u32,
    /// New requests/events that arrived.
    pub arrivals: u32,
    /// Invocation attempts (new ones and async retries, throttled ones included).
    pub attempts: u32,
    /// Attempts that needed a new environment.
    pub cold_starts: u32,
    /// Attempts rejected with 429 `TooManyRequestsException`.
    pub throttles: u32,
    /// Attempts that ended in a function error.
    pub errors: u32,
    /// Attempts that succeeded.
    pub successes: u32,
    /// Events sent to the DLQ / on-failure destination, or dropped without one.
    pub dlq: u32,
}

/// Builds the timeline while the simulation advances.
#[derive(Debug)]
pub(crate) struct Recorder {
    /// Finished seconds.
    pub(crate) seconds: Vec<SecondStats>,
    /// The second being filled.
    pub(crate) current: SecondStats,
    busy_ms: u64,
    init_ms: u64,
    idle_ms: u64,
}

impl Recorder {
    pub(crate) fn new(capacity: usize) -> Self {
        Self {
            seconds: Vec::with_capacity(capacity),
            current: SecondStats::default(),
            busy_ms: 0,
            init_ms: 0,
            idle_ms: 0,
        }
    }

    /// Adds `dt` ms spent with the given environment counts.
    pub(crate) fn integrate(&mut self, dt: u64, busy: u32, init: u32, idle: u32) {
        self.busy_ms += dt * u64::from(busy);
        self.init_ms += dt * u64::from(init);
        self.idle_ms += dt * u64::from(idle);
    }

    /// Notes the concurrency right after a change.
    pub(crate) fn concurrency(&mut self, in_flight: u32) {
        self.current.peak_concurrency = self.current.peak_concurrency.max(in_flight);
    }

    /// Closes the current second; `in_flight` seeds the next second's peak.
    pub(crate) fn close_second(&mut self, in_flight: u32) {
        let mut done = self.current;
        done.busy = self.busy_ms as f64 / 1000.0;
        done.init = self.init_ms as f64 / 1000.0;
        done.idle = self.idle_ms as f64 / 1000.0;
        self.seconds.push(done);
        self.current = SecondStats {
            t_s: done.t_s + 1,
            peak_concurrency: in_flight,
            ..SecondStats::default()
        };
        self.busy_ms = 0;
        self.init_ms = 0;
        self.idle_ms = 0;
    }
}

/// Upper end of the 1 ms buckets, ms.
const FINE_MS: u64 = 32_768;
/// Number of 1 s buckets above `FINE_MS` (covers 10 s + 900 s + slack).
const COARSE_BUCKETS: usize = 1_024;

/// A latency histogram: exact to 1 ms below 32.768 s, to 1 s above.
#[derive(Debug, Clone)]
pub(crate) struct Histogram {
    fine: Vec<u64>,
    coarse: Vec<u64>,
    count: u64,
    sum_ms: u64,
    max_ms: u64,
}

impl Histogram {
    pub(crate) fn new() -> Self {
        Self {
            fine: vec![0; FINE_MS as usize],
            coarse: vec![0; COARSE_BUCKETS],
            count: 0,
            sum_ms: 0,
            max_ms: 0,
        }
    }

    pub(crate) fn record(&mut self, ms: u64) {
        if ms < FINE_MS {
            self.fine[ms as usize] += 1;
        } else {
            let i = (((ms - FINE_MS) / 1000) as usize).min(COARSE_BUCKETS - 1);
            self.coarse[i] += 1;
        }
        self.count += 1;
        self.sum_ms += ms;
        self.max_ms = self.max_ms.max(ms);
    }

    pub(crate) fn count(&self) -> u64 {
        self.count
    }

    pub(crate) fn mean_ms(&self) -> f64 {
        if self.count == 0 {
            0.0
        } else {
            self.sum_ms as f64 / self.count as f64
        }
    }

    pub(crate) fn max_ms(&self) -> u64 {
        self.max_ms
    }

    /// Nearest-rank percentiles for ascending `ps` (in percent); 0 when empty.
    pub(crate) fn percentiles<const N: usize>(&self, ps: [f64; N]) -> [u64; N] {
        let mut out = [0; N];
        if self.count == 0 {
            return out;
        }
        // Nearest rank: the smallest value with at least ceil(p% * n) values at or below it.
        let ranks = ps.map(|p| ((p / 100.0 * self.count as f64).ceil() as u64).max(1));
        let mut seen = 0;
        let mut next = 0;
        let buckets = self
            .fine
            .iter()
            .enumerate()
            .map(|(ms, &c)| (ms as u64, c))
            .chain(
                self.coarse
                    .iter()
                    .enumerate()
                    .map(|(i, &c)| (FINE_MS + i as u64 * 1000, c)),
            );
        for (value, c) in buckets {
            if c == 0 {
                continue;
            }
            seen += c;
            while next < N && seen >= ranks[next] {
                // A coarse bucket cannot say where inside its second the values were; the
                // recorded maximum bounds it, which keeps the top percentile exact.
                out[next] = value.min(self.max_ms);
                next += 1;
            }
            if next == N {
                break;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_use_nearest_rank() {
        let mut h = Histogram::new();
        for ms in 1..=100 {
            h.record(ms);
        }
        assert_eq!(h.percentiles([50.0, 95.0, 99.0]), [50, 95, 99]);
        assert!((h.mean_ms() - 50.5).abs() < 1e-9);
    }

    #[test]
    fn coarse_buckets_stay_ordered() {
        let mut h = Histogram::new();
        h.record(100);
        h.record(40_500);
        h.record(910_000);
        let [p50, p95, p99] = h.percentiles([50.0, 95.0, 99.0]);
        assert_eq!(p50, 39_768);
        assert_eq!(p95, 909_768);
        assert!(p99 <= 910_000 && p50 <= p95 && p95 <= p99);
    }
}
