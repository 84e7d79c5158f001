//! Caching strategies: lazy loading (cache-aside) against write-through, with or without a TTL,
//! in front of a database, as ElastiCache's caching-strategies page describes them.
//!
//! Reads and writes arrive evenly spaced (`reads_per_second`, `writes_per_second`); each picks a
//! key from a Zipf distribution over `keys` keys (exponent `zipf`; 0 is uniform), with separate
//! seeded streams so changing the write rate does not move the reads. The database holds a
//! version per key; the cache holds a copy with the version it had when written.
//!
//! - Lazy loading: a read checks the cache; on a miss it reads the database and writes the value
//!   to the cache (three trips). Writes go to the database only, so a cached copy can be stale
//!   until it expires (TTL) or is evicted. After a node failure the cache refills on demand.
//! - Write-through: every database write also writes the cache (two trips), so a cached copy is
//!   never stale; but items nobody reads are written too, and a read miss does not fill the cache
//!   (pure write-through), so after a node failure a key misses until its next write.
//!
//! `fill_on_miss` combines the two (write-through that also fills on a miss); a TTL on every write
//! bounds both staleness and the items nobody reads.
//!
//! A full cache evicts the least recently used item (a model choice: the real policy is the
//! cluster's `maxmemory-policy`). The model is pure: the same config always gives the same result.

#![allow(clippy::doc_markdown)] // service names (DynamoDB, ElastiCache, MySQL) read better bare

use std::collections::{BTreeSet, HashMap};

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, Zipf};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::Explanation;
use crate::challenge::{self, PresetError};
use crate::sessions::group;

/// Where each page was read.
pub mod sources {
    /// ElastiCache caching strategies: lazy loading, write-through, adding a TTL.
    pub const STRATEGIES: &str =
        "https://docs.aws.amazon.com/AmazonElastiCache/latest/red-ug/Strategies.html";
}

/// Most keys the model runs.
pub const MAX_KEYS: u32 = 1_000_000;
/// Most reads plus writes in one run.
pub const MAX_EVENTS: f64 = 20_000_000.0;
/// Longest run, seconds.
pub const MAX_DURATION_S: u32 = 3_600;

/// How the cache is filled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Strategy {
    /// Fill on a read miss (cache-aside).
    #[serde(rename = "lazy")]
    Lazy,
    /// Write the cache on every database write.
    #[serde(rename = "write-through")]
    WriteThrough,
}

impl Strategy {
    /// The CLI and preset name.
    pub fn name(self) -> &'static str {
        match self {
            Self::Lazy => "lazy",
            Self::WriteThrough => "write-through",
        }
    }
}

/// The inputs: CLI flags and preset `[config]` tables use the same names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CacheConfig {
    /// How the cache is filled.
    pub strategy: Strategy,
    /// Seconds a cached item lives, if any.
    pub ttl_s: Option<u32>,
    /// Write-through only: also fill the cache on a read miss (write-through combined with lazy
    /// loading, as the strategies page suggests). Lazy loading always fills on a miss.
    pub fill_on_miss: bool,
    /// Distinct keys in the database.
    pub keys: u32,
    /// Zipf exponent of key popularity (0 = uniform; 1 = a few hot keys).
    pub zipf: f64,
    /// Reads per second.
    pub reads_per_second: f64,
    /// Writes per second.
    pub writes_per_second: f64,
    /// Items the cache holds before evicting (none = room for every key).
    pub cache_items: Option<u32>,
    /// Second at which the cache node fails and comes back empty, if any.
    pub node_failure_at: Option<u32>,
    /// Simulated seconds.
    pub duration_s: u32,
    /// Random seed (same seed, same result).
    pub seed: u64,
}

impl Default for CacheConfig {
    fn default() -> Self {
        Self {
            strategy: Strategy::Lazy,
            ttl_s: None,
            fill_on_miss: false,
            keys: 1_000,
            zipf: 1.0,
            reads_per_second: 100.0,
            writes_per_second: 5.0,
            cache_items: None,
            node_failure_at: None,
            duration_s: 300,
            seed: 1,
        }
    }
}

/// A setting outside what the model allows (Korean, then English, naming the limit).
#[derive(Debug, Clone, PartialEq, Error)]
#[error(
    "{name} 값 {value}: 허용 범위 {range} 밖이에요 / {name} {value} is outside {range} ({source_of})"
)]
pub struct CacheError {
    /// The flag.
    pub name: &'static str,
    /// The rejected value.
    pub value: String,
    /// The allowed range.
    pub range: String,
    /// Where the limit comes from.
    pub source_of: &'static str,
}

const MODEL_LIMIT: &str = "모델 한도 / model limit";

impl CacheConfig {
    /// Checks every setting.
    pub fn validate(&self) -> Result<(), CacheError> {
        let err = |name, value: String, range: &str, source_of| CacheError {
            name,
            value,
            range: range.to_owned(),
            source_of,
        };
        if !(1..=MAX_KEYS).contains(&self.keys) {
            return Err(err(
                "--keys",
                self.keys.to_string(),
                "1-1000000",
                MODEL_LIMIT,
            ));
        }
        if !(self.zipf.is_finite() && (0.0..=5.0).contains(&self.zipf)) {
            return Err(err("--zipf", self.zipf.to_string(), "0-5", MODEL_LIMIT));
        }
        if !(1..=MAX_DURATION_S).contains(&self.duration_s) {
            return Err(err(
                "--duration",
                self.duration_s.to_string(),
                "1-3600",
                MODEL_LIMIT,
            ));
        }
        for (name, v) in [
            ("--reads-per-second", self.reads_per_second),
            ("--writes-per-second", self.writes_per_second),
        ] {
            if !(v.is_finite() && (0.0..=100_000.0).contains(&v)) {
                return Err(err(name, v.to_string(), "0-100000", MODEL_LIMIT));
            }
        }
        let events = (self.reads_per_second + self.writes_per_second) * f64::from(self.duration_s);
        if events > MAX_EVENTS {
            return Err(err(
                "(--reads-per-second + --writes-per-second) x --duration",
                format!("{events:.0}"),
                "0-20000000",
                MODEL_LIMIT,
            ));
        }
        if let Some(ttl) = self.ttl_s
            && ttl == 0
        {
            return Err(err("--ttl", "0".to_owned(), "1 or more", MODEL_LIMIT));
        }
        if let Some(c) = self.cache_items
            && c == 0
        {
            return Err(err(
                "--cache-items",
                "0".to_owned(),
                "1 or more",
                MODEL_LIMIT,
            ));
        }
        if let Some(at) = self.node_failure_at
            && at > self.duration_s
        {
            return Err(err(
                "--node-failure-at",
                at.to_string(),
                &format!("0-{}", self.duration_s),
                "--duration",
            ));
        }
        Ok(())
    }
}

/// One second of the run, for charts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CacheSecond {
    /// Second from the start.
    pub t_s: u32,
    /// Reads served from the cache.
    pub hits: u32,
    /// Reads that went to the database.
    pub misses: u32,
    /// Hits that returned an out-of-date value.
    pub stale_reads: u32,
    /// Items in the cache at the end of the second.
    pub cached_items: u32,
}

/// What happened. Field names are the CLI's JSON contract.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CacheResult {
    /// The strategy that was simulated.
    pub strategy: Strategy,
    /// Reads.
    pub reads: u64,
    /// Writes.
    pub writes: u64,
    /// Reads served from the cache.
    pub hits: u64,
    /// Reads the cache could not serve.
    pub misses: u64,
    /// `hits / reads` (0 with no reads).
    pub hit_ratio: f64,
    /// Hits that returned a value older than the database's.
    pub stale_reads: u64,
    /// `stale_reads` as a percentage of reads.
    pub stale_read_pct: f64,
    /// Database reads (one per miss).
    pub db_reads: u64,
    /// Database writes.
    pub db_writes: u64,
    /// Items written to the cache.
    pub cache_writes: u64,
    /// Cache writes never read before they were evicted, expired or overwritten.
    pub unused_cache_writes: u64,
    /// Items evicted because the cache was full.
    pub evictions: u64,
    /// Items that expired (TTL).
    pub expirations: u64,
    /// Network round trips: a hit 1, a lazy miss 3 (cache, database, cache write), a
    /// write-through miss 2, a write 1 (lazy) or 2 (write-through).
    pub round_trips: u64,
    /// Hit ratio of the reads after the node failure (none without one).
    pub hit_ratio_after_failure: Option<f64>,
    /// Per second, for charts.
    pub timeline: Vec<CacheSecond>,
    /// Which rule produced which number.
    pub explanation: Vec<Explanation>,
}

#[derive(Clone, Copy)]
struct Entry {
    version: u64,
    expires: Option<f64>,
    used: u64,
    read: bool,
}

struct Cache {
    items: HashMap<u32, Entry>,
    lru: BTreeSet<(u64, u32)>,
    tick: u64,
    capacity: usize,
    evictions: u64,
    expirations: u64,
    unused: u64,
    writes: u64,
}

impl Cache {
    fn drop_entry(&mut self, key: u32, t: f64, evicted: bool) {
        if let Some(e) = self.items.remove(&key) {
            self.lru.remove(&(e.used, key));
            if !e.read {
                self.unused += 1;
            }
            if e.expires.is_some_and(|x| x <= t) {
                self.expirations += 1;
            } else if evicted {
                self.evictions += 1;
            }
        }
    }

    fn put(&mut self, key: u32, version: u64, t: f64, ttl: Option<u32>) {
        self.writes += 1;
        if self.items.contains_key(&key) {
            // Overwritten: an unread old value was a wasted write.
            if let Some(old) = self.items.remove(&key) {
                self.lru.remove(&(old.used, key));
                if !old.read {
                    self.unused += 1;
                }
            }
        } else if self.items.len() >= self.capacity
            && let Some(&(_, victim)) = self.lru.iter().next()
        {
            self.drop_entry(victim, t, true);
        }
        self.tick += 1;
        self.items.insert(
            key,
            Entry {
                version,
                expires: ttl.map(|s| t + f64::from(s)),
                used: self.tick,
                read: false,
            },
        );
        self.lru.insert((self.tick, key));
    }
}

/// Runs the model (the config is validated first).
pub fn simulate(cfg: &CacheConfig) -> Result<CacheResult, CacheError> {
    cfg.validate()?;
    let zipf = Zipf::new(f64::from(cfg.keys), cfg.zipf).map_err(|_| CacheError {
        name: "--zipf",
        value: cfg.zipf.to_string(),
        range: "0-5".to_owned(),
        source_of: MODEL_LIMIT,
    })?;
    let mut read_rng = ChaCha8Rng::seed_from_u64(cfg.seed);
    let mut write_rng = ChaCha8Rng::seed_from_u64(cfg.seed ^ 0x5752_4954_4553);
    let key_of = |x: f64| (x as u32).clamp(1, cfg.keys) - 1;
    let duration = f64::from(cfg.duration_s);
    let n_reads = (cfg.reads_per_second * duration).floor() as u64;
    let n_writes = (cfg.writes_per_second * duration).floor() as u64;
    let read_at = |i: u64| i as f64 / cfg.reads_per_second;
    // Writes sit half a gap later, so a read and a write never share an instant.
    let write_at = |j: u64| (j as f64 + 0.5) / cfg.writes_per_second;
    let failure = cfg.node_failure_at.map(f64::from);

    let mut db = vec![0u64; cfg.keys as usize];
    let mut cache = Cache {
        items: HashMap::new(),
        lru: BTreeSet::new(),
        tick: 0,
        capacity: cfg.cache_items.map_or(usize::MAX, |c| c as usize),
        evictions: 0,
        expirations: 0,
        unused: 0,
        writes: 0,
    };
    let mut timeline: Vec<CacheSecond> = (0..cfg.duration_s)
        .map(|t_s| CacheSecond {
            t_s,
            hits: 0,
            misses: 0,
            stale_reads: 0,
            cached_items: 0,
        })
        .collect();
    let (mut hits, mut misses, mut stale, mut trips) = (0u64, 0u64, 0u64, 0u64);
    let (mut after_reads, mut after_hits) = (0u64, 0u64);
    let mut failed = false;
    let (mut i, mut j) = (0u64, 0u64);
    let mut last_second = 0usize;
    loop {
        let next_read = (i < n_reads).then(|| read_at(i));
        let next_write = (j < n_writes).then(|| write_at(j));
        let (t, is_read) = match (next_read, next_write) {
            (None, None) => break,
            (Some(r), Some(w)) if w < r => (w, false),
            (Some(r), _) => (r, true),
            (None, Some(w)) => (w, false),
        };
        if let Some(f) = failure
            && !failed
            && t >= f
        {
            failed = true;
            let keys: Vec<u32> = cache.items.keys().copied().collect();
            for k in keys {
                if let Some(e) = cache.items.remove(&k) {
                    cache.lru.remove(&(e.used, k));
                }
            }
        }
        let second = (t as usize).min(timeline.len() - 1);
        while last_second < second {
            timeline[last_second].cached_items = cache.items.len() as u32;
            last_second += 1;
        }
        if is_read {
            i += 1;
            let key = key_of(zipf.sample(&mut read_rng));
            if let Some(e) = cache.items.get(&key)
                && e.expires.is_some_and(|x| x <= t)
            {
                cache.drop_entry(key, t, false);
            }
            let hit = if let Some(e) = cache.items.get(&key).copied() {
                cache.lru.remove(&(e.used, key));
                cache.tick += 1;
                cache.lru.insert((cache.tick, key));
                cache.items.insert(
                    key,
                    Entry {
                        used: cache.tick,
                        read: true,
                        ..e
                    },
                );
                if e.version < db[key as usize] {
                    stale += 1;
                    timeline[second].stale_reads += 1;
                }
                true
            } else {
                false
            };
            if hit {
                hits += 1;
                trips += 1;
                timeline[second].hits += 1;
            } else {
                misses += 1;
                timeline[second].misses += 1;
                match cfg.strategy {
                    Strategy::Lazy => {
                        trips += 3;
                        cache.put(key, db[key as usize], t, cfg.ttl_s);
                    }
                    Strategy::WriteThrough if cfg.fill_on_miss => {
                        trips += 3;
                        cache.put(key, db[key as usize], t, cfg.ttl_s);
                    }
                    Strategy::WriteThrough => trips += 2,
                }
            }
            if failed {
                after_reads += 1;
                after_hits += u64::from(hit);
            }
        } else {
            j += 1;
            let key = key_of(zipf.sample(&mut write_rng));
            db[key as usize] += 1;
            match cfg.strategy {
                Strategy::Lazy => trips += 1,
                Strategy::WriteThrough => {
                    trips += 2;
                    cache.put(key, db[key as usize], t, cfg.ttl_s);
                }
            }
        }
    }
    while last_second < timeline.len() {
        timeline[last_second].cached_items = cache.items.len() as u32;
        last_second += 1;
    }
    // Items whose TTL ran out before the end and were never read were wasted too.
    let expired: Vec<u32> = cache
        .items
        .iter()
        .filter(|(_, e)| e.expires.is_some_and(|x| x <= duration))
        .map(|(&k, _)| k)
        .collect();
    for k in expired {
        cache.drop_entry(k, duration, false);
    }
    let reads = hits + misses;
    let ratio = |h: u64, n: u64| {
        if n == 0 {
            0.0
        } else {
            ((h as f64 / n as f64) * 10_000.0).round() / 10_000.0
        }
    };
    let mut r = CacheResult {
        strategy: cfg.strategy,
        reads,
        writes: n_writes,
        hits,
        misses,
        hit_ratio: ratio(hits, reads),
        stale_reads: stale,
        stale_read_pct: ratio(stale, reads) * 100.0,
        db_reads: misses,
        db_writes: n_writes,
        cache_writes: cache.writes,
        unused_cache_writes: cache.unused,
        evictions: cache.evictions,
        expirations: cache.expirations,
        round_trips: trips,
        hit_ratio_after_failure: failed.then(|| ratio(after_hits, after_reads)),
        timeline,
        explanation: Vec::new(),
    };
    r.explanation = explain(cfg, &r);
    Ok(r)
}

fn line(rule: &str, ko: String, en: String, source: Option<&str>) -> Explanation {
    Explanation {
        rule: rule.to_owned(),
        ko,
        en,
        source: source.map(str::to_owned),
    }
}

fn pct(v: f64) -> String {
    format!("{:.1}", v * 100.0)
}

fn explain(cfg: &CacheConfig, r: &CacheResult) -> Vec<Explanation> {
    let src = Some(sources::STRATEGIES);
    let mut out = Vec::new();
    out.push(match cfg.strategy {
        Strategy::Lazy => line(
            "cache.lazy",
            format!(
                "지연 로딩: 캐시에 없으면 DB에서 읽어 캐시에 써요. 처음 읽는 키는 반드시 미스예요: 읽기 {}번 중 미스 {}번, 적중률 {}%. 미스 한 번에 왕복 3번(캐시 확인, DB 읽기, 캐시 쓰기)이 들어요.",
                group(r.reads),
                group(r.misses),
                pct(r.hit_ratio)
            ),
            format!(
                "Lazy loading: on a miss, read the database and write the value to the cache. The first read of each key always misses: {} misses in {} reads, hit ratio {}%. Each miss costs three trips (cache check, database read, cache write).",
                group(r.misses),
                group(r.reads),
                pct(r.hit_ratio)
            ),
            src,
        ),
        Strategy::WriteThrough => line(
            "cache.write-through",
            format!(
                "쓰기 시 기록: DB에 쓸 때마다 캐시에도 써요(쓰기 한 번에 왕복 2번). 캐시 쓰기 {}번 중 {}번은 읽히기 전에 밀려나거나 만료되거나 덮어써졌어요. 캐시에 없는 키는 다음 쓰기 전까지 미스예요: 적중률 {}%.",
                group(r.cache_writes),
                group(r.unused_cache_writes),
                pct(r.hit_ratio)
            ),
            format!(
                "Write-through: every database write also writes the cache (two trips per write). Of {} cache writes, {} were evicted, expired or overwritten before anyone read them. A key not in the cache misses until its next write: hit ratio {}%.",
                group(r.cache_writes),
                group(r.unused_cache_writes),
                pct(r.hit_ratio)
            ),
            src,
        ),
    });
    match (cfg.strategy, cfg.ttl_s) {
        (Strategy::WriteThrough, _) => out.push(line(
            "cache.never-stale",
            "쓸 때마다 캐시가 바뀌니 캐시의 값은 오래되지 않아요: 오래된 값 0번.".to_owned(),
            "The cache changes with every write, so its values are never stale: 0 stale reads.".to_owned(),
            src,
        )),
        (Strategy::Lazy, None) => out.push(line(
            "cache.stale.no-ttl",
            format!(
                "DB가 바뀌어도 캐시의 값은 그대로라 오래된 값을 {}번({:.2}%) 돌려줬어요. TTL이 없으면 밀려날 때까지 계속 오래된 값이에요.",
                group(r.stale_reads),
                r.stale_read_pct
            ),
            format!(
                "The database changed but the cached copy did not, so {} reads ({:.2}%) got a stale value. Without a TTL a copy stays stale until it is evicted.",
                group(r.stale_reads),
                r.stale_read_pct
            ),
            src,
        )),
        (Strategy::Lazy, Some(ttl)) => out.push(line(
            "cache.stale.ttl",
            format!(
                "TTL {ttl}초가 지나면 항목이 만료돼 DB에서 다시 읽어요. 그래서 오래된 값은 길어야 {ttl}초 동안만 나가요: 오래된 값 {}번({:.2}%), 만료 {}번.",
                group(r.stale_reads),
                r.stale_read_pct,
                group(r.expirations)
            ),
            format!(
                "After a TTL of {ttl} s an item expires and is read from the database again, so a stale value lives at most {ttl} s: {} stale reads ({:.2}%), {} expirations.",
                group(r.stale_reads),
                r.stale_read_pct,
                group(r.expirations)
            ),
            src,
        )),
    }
    if cfg.strategy == Strategy::WriteThrough && cfg.fill_on_miss {
        out.push(line(
            "cache.combined",
            "쓰기 시 기록에 지연 로딩을 더했어요: 읽기 미스도 캐시를 채우니 빈 노드도 읽는 대로 다시 차요.".to_owned(),
            "Write-through plus lazy loading: a read miss also fills the cache, so an empty node refills as it is read.".to_owned(),
            src,
        ));
    }
    if let (Some(at), Some(after)) = (cfg.node_failure_at, r.hit_ratio_after_failure) {
        let refills = cfg.strategy == Strategy::Lazy || cfg.fill_on_miss;
        let (ko, en) = if refills {
            (
                "지연 로딩은 읽는 대로 다시 채워요",
                "lazy loading refills on demand",
            )
        } else {
            (
                "쓰기 시 기록은 키마다 다음 쓰기 전까지 미스가 나요",
                "write-through misses each key until its next write",
            )
        };
        out.push(line(
            "cache.node-failure",
            format!("{at}초에 캐시 노드가 멈추고 빈 채로 돌아왔어요: {ko}. 장애 뒤 적중률 {}%.", pct(after)),
            format!("At {at} s the cache node failed and came back empty: {en}. Hit ratio after the failure {}%.", pct(after)),
            src,
        ));
    }
    if r.evictions > 0 {
        out.push(line(
            "cache.evictions",
            format!(
                "캐시가 항목 {}개로 가득 차서 가장 오래 안 쓴 항목 {}개를 내보냈어요(실제 정책은 maxmemory-policy 설정을 따라요).",
                group(u64::from(cfg.cache_items.unwrap_or(0))),
                group(r.evictions)
            ),
            format!(
                "The cache filled up at {} items and evicted the {} least recently used (the real policy follows the maxmemory-policy setting).",
                group(u64::from(cfg.cache_items.unwrap_or(0))),
                group(r.evictions)
            ),
            None,
        ));
    }
    out.push(line(
        "cache.trips",
        format!(
            "DB 읽기 {}번, DB 쓰기 {}번, 캐시 쓰기 {}번, 네트워크 왕복 {}번.",
            group(r.db_reads),
            group(r.db_writes),
            group(r.cache_writes),
            group(r.round_trips)
        ),
        format!(
            "{} database reads, {} database writes, {} cache writes, {} network round trips.",
            group(r.db_reads),
            group(r.db_writes),
            group(r.cache_writes),
            group(r.round_trips)
        ),
        src,
    ));
    out.push(line(
        "cache.assumptions",
        format!(
            "가정: 읽기와 쓰기는 고르게 나뉘어 들어오고, 키 {}개의 인기는 지프 분포(지수 {})를 따라요. 노드 장애는 캐시 전체를 비워요(복제본 없음).",
            group(u64::from(cfg.keys)),
            cfg.zipf
        ),
        format!(
            "Assumptions: reads and writes arrive evenly spaced, and the popularity of the {} keys follows a Zipf distribution (exponent {}). A node failure empties the whole cache (no replica).",
            group(u64::from(cfg.keys)),
            cfg.zipf
        ),
        None,
    ));
    out
}

/// A cache preset.
pub type Preset = challenge::Preset<CacheConfig>;

const FILES: [(&str, &str); 2] = [
    (
        "cache-stale-prices.toml",
        include_str!("../scenarios/cache-stale-prices.toml"),
    ),
    (
        "cache-node-failure.toml",
        include_str!("../scenarios/cache-node-failure.toml"),
    ),
];

/// Parses one cache preset file.
pub fn parse_preset(file: &str, text: &str) -> Result<Preset, PresetError> {
    Preset::parse_for(file, text, simulate)
}

/// All embedded cache presets, or the first broken one.
pub fn presets() -> Result<Vec<Preset>, PresetError> {
    Preset::load_all(&FILES, simulate)
}
impl crate::Localize for CacheError {
    fn localize(&self, en: bool) -> String {
        crate::lang::pick(&self.to_string(), en)
    }
}
