//! The arrival stream: when each new request (sync) or event (async) reaches Lambda.
//!
//! Arrivals are generated lazily, one at a time, in time order, so a million-request run never
//! holds a million pending arrivals in the event queue. Two sources are merged: the rate segments
//! (the `timeline`, or `rps` over the whole window) and the bursts.
//!
//! - Constant: the k-th arrival of a segment is at `from + k * 1000 / rps` ms, floored to 1 ms.
//! - Poisson: gaps are exponential with mean `1000 / rps` ms, drawn by inversion from one uniform
//!   sample, `-ln(1 - u) * mean` (u in [0, 1), so the logarithm is always finite). Gaps are added
//!   in f64 and floored only when emitted, so rounding does not bias the rate.

use rand::RngExt;
use rand_chacha::ChaCha8Rng;

use super::config::{ArrivalKind, LambdaConfig, RateSegment};

/// Lazily merged arrival times (ms) from rate segments and bursts.
pub(crate) struct Arrivals {
    kind: ArrivalKind,
    segments: Vec<RateSegment>,
    seg: usize,
    /// Constant: index of the next arrival in the current segment.
    k: u64,
    /// Poisson: the current time within the segment, ms (f64 to keep fractions).
    clock_ms: f64,
    /// The next arrival from the segments, if already computed.
    stream_next: Option<u64>,
    /// Bursts sorted by time, as (ms, count).
    bursts: Vec<(u64, u32)>,
    burst: usize,
    burst_left: u32,
}

impl Arrivals {
    /// Prepares the stream for `config` (which must be valid).
    pub(crate) fn new(config: &LambdaConfig) -> Self {
        let segments: Vec<RateSegment> = config
            .segments()
            .into_iter()
            .filter(|s| s.rps > 0.0)
            .collect();
        let mut bursts: Vec<(u64, u32)> = config
            .bursts
            .iter()
            .filter(|b| b.count > 0)
            .map(|b| ((b.at_s * 1000.0).floor() as u64, b.count))
            .collect();
        bursts.sort_by_key(|b| b.0);
        let clock_ms = segments.first().map_or(0.0, |s| s.from_s * 1000.0);
        let burst_left = bursts.first().map_or(0, |b| b.1);
        Self {
            kind: config.arrival,
            segments,
            seg: 0,
            k: 0,
            clock_ms,
            stream_next: None,
            bursts,
            burst: 0,
            burst_left,
        }
    }

    /// The next arrival time in ms, or `None` when the stream is exhausted.
    pub(crate) fn next(&mut self, rng: &mut ChaCha8Rng) -> Option<u64> {
        if self.stream_next.is_none() {
            self.stream_next = self.next_from_segments(rng);
        }
        let burst_next = (self.burst_left > 0).then(|| self.bursts[self.burst].0);
        match (self.stream_next, burst_next) {
            (Some(s), Some(b)) if b < s => Some(self.take_burst()),
            (Some(s), _) => {
                self.stream_next = None;
                Some(s)
            }
            (None, Some(_)) => Some(self.take_burst()),
            (None, None) => None,
        }
    }

    fn take_burst(&mut self) -> u64 {
        let at = self.bursts[self.burst].0;
        self.burst_left -= 1;
        if self.burst_left == 0 {
            self.burst += 1;
            self.burst_left = self.bursts.get(self.burst).map_or(0, |b| b.1);
        }
        at
    }

    fn next_from_segments(&mut self, rng: &mut ChaCha8Rng) -> Option<u64> {
        while let Some(seg) = self.segments.get(self.seg) {
            let from_ms = seg.from_s * 1000.0;
            let to_ms = seg.to_s * 1000.0;
            let gap_ms = 1000.0 / seg.rps;
            let t = match self.kind {
                ArrivalKind::Constant => {
                    let t = from_ms + self.k as f64 * gap_ms;
                    self.k += 1;
                    t
                }
                ArrivalKind::Poisson => {
                    let u: f64 = rng.random();
                    self.clock_ms += -(1.0 - u).ln() * gap_ms;
                    self.clock_ms
                }
            };
            if t < to_ms {
                return Some(t.floor() as u64);
            }
            self.seg += 1;
            self.k = 0;
            self.clock_ms = self
                .segments
                .get(self.seg)
                .map_or(0.0, |s| s.from_s * 1000.0);
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lambda::config::Burst;
    use rand::SeedableRng;

    fn collect(config: &LambdaConfig) -> Vec<u64> {
        let mut rng = ChaCha8Rng::seed_from_u64(config.seed);
        let mut a = Arrivals::new(config);
        std::iter::from_fn(|| a.next(&mut rng)).collect()
    }

    #[test]
    fn constant_rate_is_evenly_spaced() {
        let cfg = LambdaConfig {
            rps: 4.0,
            seconds: 2,
            ..LambdaConfig::default()
        };
        assert_eq!(
            collect(&cfg),
            vec![0, 250, 500, 750, 1000, 1250, 1500, 1750]
        );
    }

    #[test]
    fn bursts_merge_in_time_order() {
        let cfg = LambdaConfig {
            rps: 1.0,
            seconds: 3,
            bursts: vec![
                Burst {
                    at_s: 1.5,
                    count: 2,
                },
                Burst {
                    at_s: 0.0,
                    count: 1,
                },
            ],
            ..LambdaConfig::default()
        };
        assert_eq!(collect(&cfg), vec![0, 0, 1000, 1500, 1500, 2000]);
    }

    #[test]
    fn poisson_rate_is_close_to_rps() {
        let cfg = LambdaConfig {
            rps: 100.0,
            seconds: 1000,
            arrival: ArrivalKind::Poisson,
            ..LambdaConfig::default()
        };
        let n = collect(&cfg).len() as f64;
        // 100,000 expected; the standard deviation is ~316, so 1% is > 3 sigma.
        assert!((n - 100_000.0).abs() < 1_000.0, "{n}");
    }

    #[test]
    fn timeline_segments_follow_each_other() {
        let cfg = LambdaConfig {
            seconds: 4,
            timeline: vec![
                RateSegment {
                    from_s: 0.0,
                    to_s: 1.0,
                    rps: 2.0,
                },
                RateSegment {
                    from_s: 2.0,
                    to_s: 4.0,
                    rps: 1.0,
                },
            ],
            ..LambdaConfig::default()
        };
        assert_eq!(collect(&cfg), vec![0, 500, 2000, 3000]);
    }
}
