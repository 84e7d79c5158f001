//! Partition simulation: a provisioned table, second by second, from a seed.
//!
//! The table's provisioned capacity is split evenly over its partitions; each partition can never
//! serve more than 3,000 read units or 1,000 write units per second
//! (<https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html>).
//! Each simulated second:
//!
//! 1. The second's requests are spread over the partitions by key: every key hashes to one
//!    partition, and keys are drawn uniformly, with one hot key, or Zipf(s). The draw uses a
//!    `ChaCha8Rng` seeded from the config, so a seed fully determines a run.
//! 2. Each partition serves from its own share first.
//! 3. **Adaptive capacity** (on by default): share left unused by cold partitions this second is
//!    lent to partitions over their share, never above the partition ceiling and never above the
//!    table's total (<https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/burst-adaptive-capacity.html>).
//!    The facts file gives no delay, so the model applies it at once.
//! 4. **Burst capacity**: each partition banks its unused share, up to 300 seconds' worth, and
//!    spends it when adaptive capacity is not enough; burst never lifts the ceiling either. Adaptive
//!    comes before burst so that redistributing the table's own capacity does not drain the bank:
//!    only load above the table's total spends it.
//! 5. What is still over is throttled (`ProvisionedThroughputExceededException`):
//!    served + throttled = offered, for every partition and every second.
//!
//! The partition count, when not given, uses the historical formula ceil(capacity / ceiling) for
//! the simulated dimension (the 2017 developer guide's ceil(RCU/3000 + WCU/1000) with the other
//! dimension at 0); current docs do not publish a formula. Capacities are `f64` (a share such as
//! 1000/3 is not a whole number); request counts are integers.

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use super::calculator::Consistency;
use super::error::{Error, invalid};
use super::sources::{self, line};
use super::units::{MAX_ITEM_BYTES, Units, read_blocks, show_bytes, write_blocks};
use crate::Explanation;

/// Read units one partition serves per second at most.
pub const PARTITION_MAX_READ: f64 = 3000.0;
/// Write units one partition serves per second at most.
pub const PARTITION_MAX_WRITE: f64 = 1000.0;
/// Seconds of unused capacity a partition can bank for bursts.
pub const BURST_SECONDS: f64 = 300.0;
/// Most partitions a simulation accepts (keeps output small).
pub const MAX_PARTITIONS: u32 = 1024;
/// Most keys in a distribution.
pub const MAX_KEYS: u64 = 10_000_000;
/// Most simulated seconds.
pub const MAX_SECONDS: u64 = 86_400;
/// Most requests in one run (every request is drawn, so this bounds the run time).
pub const MAX_TOTAL_REQUESTS: u64 = 200_000_000;

/// Which capacity the simulation models.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Dimension {
    /// Reads (RCU, partition ceiling 3,000/s).
    Read,
    /// Writes (WCU, partition ceiling 1,000/s).
    Write,
}

impl Dimension {
    /// Units one partition serves per second at most.
    pub const fn ceiling(self) -> f64 {
        match self {
            Dimension::Read => PARTITION_MAX_READ,
            Dimension::Write => PARTITION_MAX_WRITE,
        }
    }

    const fn unit(self) -> &'static str {
        match self {
            Dimension::Read => "RCU",
            Dimension::Write => "WCU",
        }
    }
}

/// How requests pick partition keys.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(
    tag = "kind",
    rename_all = "kebab-case",
    rename_all_fields = "kebab-case"
)]
pub enum KeyDistribution {
    /// Every key equally likely.
    Uniform {
        /// Number of distinct partition keys.
        keys: u64,
    },
    /// One key takes `hot_share` of the requests; the rest are uniform over the other keys.
    HotKey {
        /// Number of distinct partition keys.
        keys: u64,
        /// Fraction of requests for the hot key, 0 to 1.
        hot_share: f64,
    },
    /// Key `k` (from 1) has weight 1/k^s.
    Zipf {
        /// Number of distinct partition keys.
        keys: u64,
        /// Skew exponent, 0 (uniform) or more.
        s: f64,
    },
}

/// A stretch of constant load.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Phase {
    /// How long, in seconds.
    pub seconds: u32,
    /// Requests offered per second.
    pub requests_per_second: u64,
}

fn yes() -> bool {
    true
}

fn full_bank() -> f64 {
    BURST_SECONDS
}

/// A simulation run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct SimConfig {
    /// RNG seed: the same seed gives the same run.
    pub seed: u64,
    /// Reads or writes.
    pub dimension: Dimension,
    /// The table's provisioned capacity for that dimension (RCU or WCU).
    pub provisioned: u64,
    /// Number of partitions; derived from `provisioned` when absent.
    #[serde(default)]
    pub partitions: Option<u32>,
    /// Size of each item read or written, in bytes.
    pub item_bytes: u64,
    /// Read consistency (reads only; default eventual).
    #[serde(default)]
    pub consistency: Option<Consistency>,
    /// Key distribution.
    pub keys: KeyDistribution,
    /// Load over time.
    pub phases: Vec<Phase>,
    /// Burst capacity on (default true).
    #[serde(default = "yes")]
    pub burst: bool,
    /// Adaptive capacity on (default true).
    #[serde(default = "yes")]
    pub adaptive: bool,
    /// Seconds of capacity in each burst bank at the start, 0 to 300 (default 300: an idle table).
    #[serde(default = "full_bank")]
    pub initial_burst_seconds: f64,
    /// Write sharding: the hot key (of a `hot-key` distribution) is written under this many
    /// suffixed keys, each its own partition key, so its share spreads over them (1 = one key;
    /// bp-partition-key-design.html: spread writes over distinct partition key values).
    #[serde(default = "one_shard")]
    pub write_shards: u32,
}

fn one_shard() -> u32 {
    1
}

/// Most write shards of the hot key (a model limit).
pub const MAX_WRITE_SHARDS: u32 = 1_000;

/// One partition in one second.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PartitionSecond {
    /// Requests sent to the partition.
    pub offered: u64,
    /// Requests served.
    pub served: u64,
    /// Requests throttled (`ProvisionedThroughputExceededException`).
    pub throttled: u64,
    /// Capacity units consumed.
    pub consumed: f64,
    /// Units borrowed through adaptive capacity.
    pub adaptive: f64,
    /// Units spent from the burst bank.
    pub burst_used: f64,
    /// Burst bank at the end of the second, in units.
    pub burst_bank: f64,
}

/// The table in one second.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SimSecond {
    /// Second number, from 0.
    pub second: u32,
    /// Requests offered.
    pub offered: u64,
    /// Requests served.
    pub served: u64,
    /// Requests throttled.
    pub throttled: u64,
    /// Units consumed across partitions.
    pub consumed: f64,
    /// Sum of the partitions' burst banks at the end of the second.
    pub burst_bank: f64,
    /// Per partition.
    pub partitions: Vec<PartitionSecond>,
}

/// A finished run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SimReport {
    /// Number of partitions.
    pub partitions: u32,
    /// Each partition's share of the provisioned capacity per second.
    pub partition_share: f64,
    /// The per-partition ceiling per second.
    pub partition_ceiling: f64,
    /// Most units one partition's bank can hold (300 s of its share).
    pub burst_bank_max: f64,
    /// Units each request consumes.
    pub units_per_request: Units,
    /// The table's provisioned capacity.
    pub provisioned: u64,
    /// Every simulated second.
    pub seconds: Vec<SimSecond>,
    /// Requests offered in the whole run.
    pub total_offered: u64,
    /// Requests served in the whole run.
    pub total_served: u64,
    /// Requests throttled in the whole run.
    pub total_throttled: u64,
    /// Highest table-wide consumption in one second.
    pub peak_consumed: f64,
    /// Mean table-wide consumption / provisioned.
    pub mean_utilisation: f64,
    /// The trail.
    pub explanation: Vec<Explanation>,
}

/// `SplitMix64`: a fixed hash from key number to partition, like DynamoDB's hash of the key.
const fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Probability of each partition receiving a request.
fn partition_weights(
    keys: &KeyDistribution,
    partitions: u32,
    shards: u32,
) -> Result<Vec<f64>, Error> {
    if !(1..=MAX_WRITE_SHARDS).contains(&shards) {
        return Err(invalid(
            "write-shards",
            format!("between 1 and {MAX_WRITE_SHARDS}"),
        ));
    }
    let p = u64::from(partitions);
    let mut weights = vec![0.0; partitions as usize];
    let count = match keys {
        KeyDistribution::Uniform { keys }
        | KeyDistribution::HotKey { keys, .. }
        | KeyDistribution::Zipf { keys, .. } => *keys,
    };
    if count == 0 || count > MAX_KEYS {
        return Err(invalid("keys", format!("between 1 and {MAX_KEYS}")));
    }
    let slot = |k: u64| (mix(k) % p) as usize;
    match *keys {
        KeyDistribution::Uniform { keys } => {
            for k in 0..keys {
                weights[slot(k)] += 1.0;
            }
        }
        KeyDistribution::HotKey { keys, hot_share } => {
            if !(0.0..=1.0).contains(&hot_share) {
                return Err(invalid("hot-share", "between 0 and 1"));
            }
            // Shard 0 is the key itself; the others are new key values past the table's keys.
            for i in 0..u64::from(shards) {
                let key = if i == 0 { 0 } else { MAX_KEYS + i };
                weights[slot(key)] += hot_share / f64::from(shards);
            }
            let rest = if keys > 1 {
                (1.0 - hot_share) / (keys - 1) as f64
            } else {
                0.0
            };
            if keys == 1 {
                weights[slot(0)] += 1.0 - hot_share;
            }
            for k in 1..keys {
                weights[slot(k)] += rest;
            }
        }
        KeyDistribution::Zipf { keys, s } => {
            if !s.is_finite() || s < 0.0 {
                return Err(invalid("s", "a finite number, 0 or more"));
            }
            for k in 0..keys {
                weights[slot(k)] += ((k + 1) as f64).powf(-s);
            }
        }
    }
    let total: f64 = weights.iter().sum();
    Ok(weights.into_iter().map(|w| w / total).collect())
}

/// Validates the config and returns (partitions, units per request).
fn setup(config: &SimConfig) -> Result<(u32, Units), Error> {
    if config.provisioned == 0 {
        return Err(invalid(
            "provisioned",
            "at least 1 unit (the table minimum)",
        ));
    }
    if config.item_bytes == 0 {
        return Err(Error::ZeroSize {
            what: "item-bytes".to_owned(),
        });
    }
    if config.item_bytes > MAX_ITEM_BYTES {
        return Err(Error::ItemTooLarge {
            bytes: config.item_bytes,
        });
    }
    if !(0.0..=BURST_SECONDS).contains(&config.initial_burst_seconds) {
        return Err(invalid("initial-burst-seconds", "between 0 and 300"));
    }
    if config.phases.is_empty() {
        return Err(invalid("phases", "at least one phase"));
    }
    let seconds: u64 = config.phases.iter().map(|p| u64::from(p.seconds)).sum();
    if seconds == 0 || seconds > MAX_SECONDS {
        return Err(invalid(
            "phases",
            format!("1 to {MAX_SECONDS} seconds in total"),
        ));
    }
    let requests = config.phases.iter().try_fold(0_u64, |acc, p| {
        p.requests_per_second
            .checked_mul(u64::from(p.seconds))
            .and_then(|r| acc.checked_add(r))
    });
    if requests.is_none_or(|r| r > MAX_TOTAL_REQUESTS) {
        return Err(invalid(
            "phases",
            format!("at most {MAX_TOTAL_REQUESTS} requests in a run"),
        ));
    }
    let per_request = match (config.dimension, config.consistency) {
        (Dimension::Read, c) => c
            .unwrap_or(Consistency::Eventual)
            .units(read_blocks(config.item_bytes)),
        (Dimension::Write, None) => Units::whole(write_blocks(config.item_bytes)),
        (Dimension::Write, Some(_)) => {
            return Err(invalid("consistency", "only reads have a consistency"));
        }
    };
    let derived = (config.provisioned as f64 / config.dimension.ceiling()).ceil() as u32;
    let partitions = config.partitions.unwrap_or(derived.max(1));
    if partitions == 0 || partitions > MAX_PARTITIONS {
        return Err(invalid(
            "partitions",
            format!("between 1 and {MAX_PARTITIONS}"),
        ));
    }
    Ok((partitions, per_request))
}

/// Runs a simulation.
pub fn simulate(config: &SimConfig) -> Result<SimReport, Error> {
    let (partitions, per_request) = setup(config)?;
    let weights = partition_weights(&config.keys, partitions, config.write_shards)?;
    let mut cdf: Vec<f64> = weights
        .iter()
        .scan(0.0, |acc, w| {
            *acc += w;
            Some(*acc)
        })
        .collect();
    if let Some(last) = cdf.last_mut() {
        *last = f64::INFINITY; // guard against rounding: every draw lands somewhere
    }
    let n = partitions as usize;
    let ceiling = config.dimension.ceiling();
    // A share above the ceiling cannot be used: too few partitions for the capacity.
    let share = (config.provisioned as f64 / f64::from(partitions)).min(ceiling);
    let bank_max = share * BURST_SECONDS;
    let u = per_request.as_f64();
    let mut bank = vec![
        if config.burst {
            share * config.initial_burst_seconds
        } else {
            0.0
        };
        n
    ];
    let mut rng = ChaCha8Rng::seed_from_u64(config.seed);
    let mut seconds = Vec::new();
    let mut counts = vec![0_u64; n];
    let mut second = 0_u32;
    for phase in &config.phases {
        for _ in 0..phase.seconds {
            counts.fill(0);
            if n == 1 {
                counts[0] = phase.requests_per_second;
            } else {
                for _ in 0..phase.requests_per_second {
                    let draw: f64 = rng.random();
                    let i = cdf.partition_point(|&c| c <= draw).min(n - 1);
                    counts[i] += 1;
                }
            }
            seconds.push(step(
                second,
                &counts,
                &mut bank,
                Step {
                    share,
                    ceiling,
                    bank_max,
                    u,
                    burst: config.burst,
                    adaptive: config.adaptive,
                },
            ));
            second += 1;
        }
    }
    Ok(report(
        config,
        partitions,
        share,
        bank_max,
        per_request,
        seconds,
    ))
}

/// Constants of one run, passed to each step.
#[derive(Clone, Copy)]
struct Step {
    share: f64,
    ceiling: f64,
    bank_max: f64,
    u: f64,
    burst: bool,
    adaptive: bool,
}

/// One simulated second over all partitions.
fn step(second: u32, counts: &[u64], bank: &mut [f64], s: Step) -> SimSecond {
    let n = counts.len();
    let need: Vec<f64> = counts.iter().map(|&c| c as f64 * s.u).collect();
    let base: Vec<f64> = need.iter().map(|&x| x.min(s.share)).collect();
    let spare: Vec<f64> = base.iter().map(|&b| s.share - b).collect();
    let short: Vec<f64> = need
        .iter()
        .zip(&base)
        .map(|(&x, &b)| (x.min(s.ceiling) - b).max(0.0))
        .collect();
    let pool: f64 = spare.iter().sum();
    let total_short: f64 = short.iter().sum();
    let ratio = if s.adaptive && total_short > 0.0 {
        (pool / total_short).min(1.0)
    } else {
        0.0
    };
    let mut out = Vec::with_capacity(n);
    let mut grant_used_total = 0.0;
    let mut used = Vec::with_capacity(n);
    for i in 0..n {
        let grant = short[i] * ratio;
        let burst = if s.burst {
            (short[i] - grant).min(bank[i]).max(0.0)
        } else {
            0.0
        };
        let allowed = base[i] + grant + burst;
        // The small epsilon keeps 1000.0 / 1.0 from flooring to 999 after float noise.
        let fit = (allowed / s.u + 1e-9).floor() as u64;
        let served = counts[i].min(fit);
        let consumed = served as f64 * s.u;
        // Spend own share first, then borrowed capacity, then the bank.
        let used_base = consumed.min(base[i]);
        let used_grant = (consumed - used_base).clamp(0.0, grant);
        let used_burst = (consumed - used_base - used_grant).clamp(0.0, burst);
        grant_used_total += used_grant;
        used.push(used_base);
        out.push(PartitionSecond {
            offered: counts[i],
            served,
            throttled: counts[i] - served,
            consumed,
            adaptive: used_grant,
            burst_used: used_burst,
            burst_bank: 0.0,
        });
    }
    for i in 0..n {
        // Lenders gave away part of their spare share; only what nobody used refills the bank.
        let lent = if pool > 0.0 {
            spare[i] * grant_used_total / pool
        } else {
            0.0
        };
        let refill = (s.share - used[i] - lent).max(0.0);
        if s.burst {
            bank[i] = (bank[i] - out[i].burst_used + refill).clamp(0.0, s.bank_max);
        }
        out[i].burst_bank = bank[i];
    }
    SimSecond {
        second,
        offered: counts.iter().sum(),
        served: out.iter().map(|p| p.served).sum(),
        throttled: out.iter().map(|p| p.throttled).sum(),
        consumed: out.iter().map(|p| p.consumed).sum(),
        burst_bank: bank.iter().sum(),
        partitions: out,
    }
}

fn report(
    config: &SimConfig,
    partitions: u32,
    share: f64,
    bank_max: f64,
    per_request: Units,
    seconds: Vec<SimSecond>,
) -> SimReport {
    let total_offered = seconds.iter().map(|s| s.offered).sum();
    let total_served = seconds.iter().map(|s| s.served).sum();
    let total_throttled: u64 = seconds.iter().map(|s| s.throttled).sum();
    let peak_consumed = seconds.iter().map(|s| s.consumed).fold(0.0, f64::max);
    let mean_consumed = seconds.iter().map(|s| s.consumed).sum::<f64>() / seconds.len() as f64;
    let mean_utilisation = mean_consumed / config.provisioned as f64;
    let unit = config.dimension.unit();
    let ceiling = config.dimension.ceiling();
    let mut trail = Vec::new();
    if config.partitions.is_some() {
        trail.push(line(
            "ddb.partition.count-given",
            format!("파티션 {partitions}개로 시뮬레이션해요."),
            format!("Simulating {partitions} partitions as given."),
            sources::PARTITIONS,
        ));
    } else {
        trail.push(line(
            "ddb.partition.count-derived",
            format!(
                "파티션 수는 옛 공식 ceil({} {unit} / {ceiling})로 {partitions}개로 잡았어요 (현재 문서에는 공식이 없어요).",
                config.provisioned
            ),
            format!(
                "Partition count from the historical formula ceil({} {unit} / {ceiling}) = {partitions} (current docs publish no formula).",
                config.provisioned
            ),
            sources::PARTITION_FORMULA_2017,
        ));
    }
    trail.push(line(
        "ddb.partition.share-and-ceiling",
        format!(
            "파티션마다 초당 {share:.1} {unit}를 나눠 받고, 어떤 경우에도 파티션 하나는 초당 {ceiling} {unit}를 넘을 수 없어요. 요청 하나는 {} 항목이라 {per_request} {unit}예요.",
            show_bytes(config.item_bytes)
        ),
        format!(
            "Each partition gets {share:.1} {unit}/s; no partition ever serves more than {ceiling} {unit}/s. Each request ({}) costs {per_request} {unit}.",
            show_bytes(config.item_bytes)
        ),
        sources::PARTITIONS,
    ));
    if config.write_shards > 1
        && let KeyDistribution::HotKey { hot_share, .. } = config.keys
    {
        let n = config.write_shards;
        let each = hot_share * 100.0 / f64::from(n);
        trail.push(line(
            "ddb.partition.write-sharding",
            format!(
                "쓰기 샤딩: 핫 키를 접미사를 붙인 키 {n}개로 나눠 써요. 키마다 요청의 {each:.1}%를 받고, 키가 해시되는 파티션에 따라 여러 파티션으로 퍼져요."
            ),
            format!(
                "Write sharding: the hot key is written under {n} suffixed keys, each taking {each:.1}% of the requests and hashed to its own partition."
            ),
            sources::PARTITIONS,
        ));
    }
    if config.burst {
        trail.push(line(
            "ddb.partition.burst",
            format!(
                "버스트 용량: 쓰지 않은 용량을 최대 300초분({bank_max:.0} {unit})까지 모아 두었다가 써요."
            ),
            format!(
                "Burst capacity: unused capacity is banked, up to 300 seconds' worth ({bank_max:.0} {unit}) per partition."
            ),
            sources::BURST_ADAPTIVE,
        ));
    }
    if config.adaptive {
        trail.push(line(
            "ddb.partition.adaptive",
            "적응형 용량: 다른 파티션이 안 쓴 몫을 뜨거운 파티션이 빌려 써요. 테이블 전체 용량과 파티션 한도를 넘지는 못해요."
                .to_owned(),
            "Adaptive capacity: a hot partition borrows what the others leave unused, within the table total and the partition ceiling."
                .to_owned(),
            sources::BURST_ADAPTIVE,
        ));
    }
    let peak_partition = seconds
        .iter()
        .flat_map(|s| s.partitions.iter().map(|p| p.consumed))
        .fold(0.0, f64::max);
    trail.push(line(
        "ddb.partition.throttled",
        format!(
            "요청 {total_offered}개 중 {total_throttled}개가 ProvisionedThroughputExceededException으로 스로틀됐어요. 테이블 평균 사용률은 {:.0}%, 가장 바쁜 파티션은 초당 {peak_partition:.0} {unit}까지 썼어요.",
            mean_utilisation * 100.0
        ),
        format!(
            "{total_throttled} of {total_offered} requests were throttled (ProvisionedThroughputExceededException). Mean table utilisation {:.0}%; the busiest partition peaked at {peak_partition:.0} {unit}/s.",
            mean_utilisation * 100.0
        ),
        sources::ERRORS,
    ));
    SimReport {
        partitions,
        partition_share: share,
        partition_ceiling: ceiling,
        burst_bank_max: bank_max,
        units_per_request: per_request,
        provisioned: config.provisioned,
        seconds,
        total_offered,
        total_served,
        total_throttled,
        peak_consumed,
        mean_utilisation,
        explanation: trail,
    }
}
