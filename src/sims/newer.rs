//! Settings of the four newer models (sessions, cache, replicas, throttle) as screen
//! parameters, and back into the model's config.
//!
//! Their presets share one format (`simulations::challenge::Preset`), whose `fixed` list names
//! config fields; a parameter is locked when its field is in that list. A value of 0 stands
//! for "none" in the optional settings (no failure, no TTL, no stage limit), so a preset's
//! config comes back unchanged from its own parameters (the `fixed` check compares them).

use simulations::{cache, replicas, sessions, throttle};

use super::{Param, ParamId as P};

const STORES: [(&str, &str); 5] = [
    ("인스턴스 메모리", "instance memory"),
    ("고정 세션", "sticky sessions"),
    ("쿠키", "cookie"),
    ("ElastiCache", "ElastiCache"),
    ("DynamoDB", "DynamoDB"),
];

const STRATEGIES: [(&str, &str); 2] = [
    ("지연 로딩", "lazy loading"),
    ("쓰기 시 기록", "write-through"),
];

const ENGINES: [(&str, &str); 5] = [
    ("RDS for MySQL", "RDS for MySQL"),
    ("RDS for PostgreSQL", "RDS for PostgreSQL"),
    ("RDS for Oracle", "RDS for Oracle"),
    ("Aurora MySQL", "Aurora MySQL"),
    ("Aurora PostgreSQL", "Aurora PostgreSQL"),
];

fn on(b: bool) -> f64 {
    if b { 1.0 } else { 0.0 }
}

fn opt(v: Option<u32>) -> f64 {
    v.map_or(0.0, f64::from)
}

/// `None` for 0 (the "none" of an optional setting).
fn some(v: f64) -> Option<u32> {
    let n = v.round().max(0.0) as u32;
    (n > 0).then_some(n)
}

fn whole(v: f64) -> u32 {
    v.round().max(0.0) as u32
}

/// How a lever's value is shown and edited.
#[derive(Clone, Copy)]
enum Shape {
    /// A whole number.
    Whole,
    /// A number with a fraction.
    Float,
    /// A yes/no switch (0 or 1).
    Switch,
    /// An index into named options.
    Choice(&'static [(&'static str, &'static str)]),
}

/// One setting of a screen: its parameter, the config field it sets (for the preset's `fixed`
/// list), its range, and how it reads and writes the model's config `C`.
struct Lever<C> {
    id: P,
    field: &'static str,
    label: (&'static str, &'static str),
    min: f64,
    max: f64,
    step: f64,
    shape: Shape,
    get: fn(&C) -> f64,
    set: fn(&mut C, f64),
}

impl<C> Lever<C> {
    fn param(&self, c: &C) -> Param {
        let p = Param::new(
            self.id,
            self.label,
            (self.get)(c),
            self.min,
            self.max,
            self.step,
        );
        match self.shape {
            Shape::Whole => p,
            Shape::Float => p.float(),
            Shape::Switch => p.switch(),
            Shape::Choice(choices) => p.choice(choices),
        }
    }
}

/// A lever row: `lever!(id, "field", (ko, en), min, max, step, shape, get, set)`.
macro_rules! lever {
    ($id:ident, $field:literal, $label:expr, $min:expr, $max:expr, $step:expr, $shape:expr, $get:expr, $set:expr) => {
        Lever {
            id: P::$id,
            field: $field,
            label: $label,
            min: $min,
            max: $max,
            step: $step,
            shape: $shape,
            get: $get,
            set: $set,
        }
    };
}

/// The two settings every newer model has last: run length and seed.
macro_rules! duration_and_seed {
    ($config:ty) => {{
        let pair: [Lever<$config>; 2] = [
            lever!(
                SimDuration,
                "duration_s",
                ("시간 (초)", "Seconds"),
                1.0,
                3600.0,
                10.0,
                Shape::Whole,
                |c| f64::from(c.duration_s),
                |c, v| c.duration_s = whole(v)
            ),
            lever!(
                Seed,
                "seed",
                ("시드", "Seed"),
                0.0,
                1e9,
                1.0,
                Shape::Whole,
                |c| c.seed as f64,
                |c, v| c.seed = v.round().max(0.0) as u64
            ),
        ];
        pair
    }};
}

/// The sessions screen's settings, in screen order.
const SESSIONS: [Lever<sessions::SessionsConfig>; 7] = {
    let [duration, seed] = duration_and_seed!(sessions::SessionsConfig);
    [
        lever!(
            SessStore,
            "store",
            ("장바구니 위치 (세션 저장소)", "Where the cart lives"),
            0.0,
            0.0,
            1.0,
            Shape::Choice(&STORES),
            |c| match c.store {
                sessions::Store::Local => 0.0,
                sessions::Store::Sticky => 1.0,
                sessions::Store::Cookie => 2.0,
                sessions::Store::Elasticache => 3.0,
                sessions::Store::Dynamodb => 4.0,
            },
            |c, v| {
                c.store = match whole(v) {
                    0 => sessions::Store::Local,
                    1 => sessions::Store::Sticky,
                    2 => sessions::Store::Cookie,
                    3 => sessions::Store::Elasticache,
                    _ => sessions::Store::Dynamodb,
                }
            }
        ),
        lever!(
            SessItemBytes,
            "item_bytes",
            ("쿠키에 담는 물건 하나 (B)", "Cookie bytes per item"),
            1.0,
            4096.0,
            20.0,
            Shape::Whole,
            |c| f64::from(c.item_bytes),
            |c, v| c.item_bytes = whole(v)
        ),
        lever!(
            SessInstances,
            "instances",
            ("인스턴스 수", "Instances"),
            1.0,
            sessions::MAX_INSTANCES as f64,
            1.0,
            Shape::Whole,
            |c| f64::from(c.instances),
            |c, v| c.instances = whole(v)
        ),
        lever!(
            SessUsers,
            "users",
            ("사용자 수", "Users"),
            1.0,
            sessions::MAX_USERS as f64,
            10.0,
            Shape::Whole,
            |c| f64::from(c.users),
            |c, v| c.users = whole(v)
        ),
        lever!(
            SessFailAt,
            "fail_instance_at",
            (
                "인스턴스 1 장애 (초, 0=없음)",
                "Instance 1 fails at (s, 0=never)",
            ),
            0.0,
            3600.0,
            10.0,
            Shape::Whole,
            |c| opt(c.fail_instance_at),
            |c, v| c.fail_instance_at = some(v)
        ),
        duration,
        seed,
    ]
};

/// The cache screen's settings, in screen order.
const CACHE: [Lever<cache::CacheConfig>; 9] = {
    let [duration, seed] = duration_and_seed!(cache::CacheConfig);
    [
        lever!(
            CacheStrategy,
            "strategy",
            ("캐시 전략", "Caching strategy"),
            0.0,
            0.0,
            1.0,
            Shape::Choice(&STRATEGIES),
            |c| on(c.strategy == cache::Strategy::WriteThrough),
            |c, v| {
                c.strategy = if v >= 0.5 {
                    cache::Strategy::WriteThrough
                } else {
                    cache::Strategy::Lazy
                }
            }
        ),
        lever!(
            CacheTtl,
            "ttl_s",
            ("TTL (초, 0=없음)", "TTL (s, 0=none)"),
            0.0,
            86_400.0,
            10.0,
            Shape::Whole,
            |c| opt(c.ttl_s),
            |c, v| c.ttl_s = some(v)
        ),
        lever!(
            CacheFillOnMiss,
            "fill_on_miss",
            ("미스 때 채우기", "Fill on a miss"),
            0.0,
            1.0,
            1.0,
            Shape::Switch,
            |c| on(c.fill_on_miss),
            |c, v| c.fill_on_miss = v >= 0.5
        ),
        lever!(
            CacheKeys,
            "keys",
            ("키 개수", "Keys"),
            1.0,
            1_000_000.0,
            100.0,
            Shape::Whole,
            |c| f64::from(c.keys),
            |c, v| c.keys = whole(v)
        ),
        lever!(
            CacheReads,
            "reads_per_second",
            ("초당 읽기", "Reads per second"),
            0.0,
            100_000.0,
            10.0,
            Shape::Float,
            |c| c.reads_per_second,
            |c, v| c.reads_per_second = v
        ),
        lever!(
            CacheWrites,
            "writes_per_second",
            ("초당 쓰기", "Writes per second"),
            0.0,
            100_000.0,
            1.0,
            Shape::Float,
            |c| c.writes_per_second,
            |c, v| c.writes_per_second = v
        ),
        lever!(
            CacheFailAt,
            "node_failure_at",
            ("노드 장애 (초, 0=없음)", "Node fails at (s, 0=never)"),
            0.0,
            3600.0,
            10.0,
            Shape::Whole,
            |c| opt(c.node_failure_at),
            |c, v| c.node_failure_at = some(v)
        ),
        duration,
        seed,
    ]
};

/// The replicas screen's settings, in screen order.
const REPLICAS: [Lever<replicas::ReplicasConfig>; 10] = {
    let [duration, seed] = duration_and_seed!(replicas::ReplicasConfig);
    [
        lever!(
            RepEngine,
            "engine",
            ("엔진", "Engine"),
            0.0,
            0.0,
            1.0,
            Shape::Choice(&ENGINES),
            |c| match c.engine {
                replicas::Engine::RdsMysql => 0.0,
                replicas::Engine::RdsPostgres => 1.0,
                replicas::Engine::RdsOracle => 2.0,
                replicas::Engine::AuroraMysql => 3.0,
                replicas::Engine::AuroraPostgres => 4.0,
            },
            |c, v| {
                c.engine = match whole(v) {
                    0 => replicas::Engine::RdsMysql,
                    1 => replicas::Engine::RdsPostgres,
                    2 => replicas::Engine::RdsOracle,
                    3 => replicas::Engine::AuroraMysql,
                    _ => replicas::Engine::AuroraPostgres,
                }
            }
        ),
        lever!(
            RepReplicas,
            "replicas",
            ("읽기 복제본 수", "Read replicas"),
            0.0,
            // The engine's own limit is the model's to check (with its source).
            20.0,
            1.0,
            Shape::Whole,
            |c| f64::from(c.replicas),
            |c, v| c.replicas = whole(v)
        ),
        lever!(
            RepMultiAz,
            "multi_az",
            ("Multi-AZ (동기 대기)", "Multi-AZ (synchronous standby)"),
            0.0,
            1.0,
            1.0,
            Shape::Switch,
            |c| on(c.multi_az),
            |c, v| c.multi_az = v >= 0.5
        ),
        lever!(
            RepReadOnPrimary,
            "read_after_write_on_primary",
            (
                "방금 쓴 값은 쓰기 인스턴스에서 읽기",
                "Read own writes from the writer",
            ),
            0.0,
            1.0,
            1.0,
            Shape::Switch,
            |c| on(c.read_after_write_on_primary),
            |c, v| c.read_after_write_on_primary = v >= 0.5
        ),
        lever!(
            RepWrites,
            "writes_per_second",
            ("초당 쓰기", "Writes per second"),
            0.0,
            100_000.0,
            10.0,
            Shape::Float,
            |c| c.writes_per_second,
            |c, v| c.writes_per_second = v
        ),
        lever!(
            RepReads,
            "reads_per_second",
            ("초당 읽기", "Reads per second"),
            0.0,
            100_000.0,
            10.0,
            Shape::Float,
            |c| c.reads_per_second,
            |c, v| c.reads_per_second = v
        ),
        lever!(
            RepLagMs,
            "replica_lag_ms",
            (
                "복제 지연 (ms, 0=엔진 기본)",
                "Replica lag (ms, 0=engine default)",
            ),
            0.0,
            600_000.0,
            100.0,
            Shape::Whole,
            |c| opt(c.replica_lag_ms),
            |c, v| c.replica_lag_ms = some(v)
        ),
        lever!(
            RepFailAt,
            "fail_primary_at",
            (
                "기본 인스턴스 장애 (초, 0=없음)",
                "Primary fails at (s, 0=never)",
            ),
            0.0,
            3600.0,
            10.0,
            Shape::Whole,
            |c| opt(c.fail_primary_at),
            |c, v| c.fail_primary_at = some(v)
        ),
        duration,
        seed,
    ]
};

/// The throttle screen's settings, in screen order. The stage rate and burst share one field:
/// a stage rate of 0 means no stage limit (the burst then has nothing to set).
const THROTTLE: [Lever<throttle::ThrottleConfig>; 8] = {
    let [duration, seed] = duration_and_seed!(throttle::ThrottleConfig);
    [
        lever!(
            ThrRate,
            "rate",
            ("계정 속도 한도 (건/초)", "Account rate (req/s)"),
            1.0,
            1_000_000.0,
            1.0,
            Shape::Whole,
            |c| c.rate,
            |c, v| c.rate = v
        ),
        lever!(
            ThrBurst,
            "burst",
            ("계정 버스트 (건)", "Account burst (requests)"),
            1.0,
            1_000_000.0,
            10.0,
            Shape::Whole,
            |c| c.burst,
            |c, v| c.burst = v
        ),
        lever!(
            ThrStageRate,
            "stage_limit",
            (
                "스테이지 속도 (건/초, 0=없음)",
                "Stage rate (req/s, 0=none)",
            ),
            0.0,
            1_000_000.0,
            1.0,
            Shape::Whole,
            |c| c.stage_limit.map_or(0.0, |l| l.rate),
            |c, rate| {
                c.stage_limit = (rate > 0.0).then(|| throttle::Limit {
                    rate,
                    burst: c.stage_limit.map_or(0.0, |l| l.burst),
                });
            }
        ),
        lever!(
            ThrStageBurst,
            "stage_limit",
            ("스테이지 버스트 (건)", "Stage burst (requests)"),
            0.0,
            1_000_000.0,
            1.0,
            Shape::Whole,
            |c| c.stage_limit.map_or(0.0, |l| l.burst),
            |c, burst| {
                if let Some(l) = &mut c.stage_limit {
                    l.burst = burst;
                }
            }
        ),
        lever!(
            ThrRps,
            "rps",
            ("보내는 요청 (건/초)", "Requests sent (req/s)"),
            0.0,
            1_000_000.0,
            10.0,
            Shape::Float,
            |c| c.rps,
            |c, v| c.rps = v
        ),
        lever!(
            ThrPoisson,
            "poisson",
            ("무작위(포아송) 도착", "Random (Poisson) arrivals"),
            0.0,
            1.0,
            1.0,
            Shape::Switch,
            |c| on(c.poisson),
            |c, v| c.poisson = v >= 0.5
        ),
        duration,
        seed,
    ]
};

/// A screen's parameters from its lever table and a preset (locked when `fixed` names the field).
fn params<C>(levers: &[Lever<C>], config: &C, fixed: &[String]) -> Vec<Param> {
    levers
        .iter()
        .map(|l| {
            let mut p = l.param(config);
            p.locked = fixed.iter().any(|f| f == l.field);
            p
        })
        .collect()
}

/// Writes each parameter back through its lever, in the parameters' order.
fn apply<C>(levers: &[Lever<C>], config: &mut C, params: &[Param]) {
    for p in params {
        if let Some(l) = levers.iter().find(|l| l.id == p.id) {
            (l.set)(config, p.value);
        }
    }
}

/// The config field a parameter sets (for the `fixed` list), from the lever tables.
#[cfg(test)]
fn field(id: P) -> &'static str {
    let mut fields = SESSIONS
        .iter()
        .map(|l| (l.id, l.field))
        .chain(CACHE.iter().map(|l| (l.id, l.field)))
        .chain(REPLICAS.iter().map(|l| (l.id, l.field)))
        .chain(THROTTLE.iter().map(|l| (l.id, l.field)));
    fields.find(|(i, _)| *i == id).map_or("", |(_, f)| f)
}

/// The sessions screen's settings.
pub(super) fn sessions_params(p: &sessions::Preset) -> Vec<Param> {
    params(&SESSIONS, &p.config, &p.fixed)
}

/// Applies the sessions screen's settings.
pub(super) fn apply_sessions(c: &mut sessions::SessionsConfig, params: &[Param]) {
    apply(&SESSIONS, c, params);
}

/// The cache screen's settings.
pub(super) fn cache_params(p: &cache::Preset) -> Vec<Param> {
    params(&CACHE, &p.config, &p.fixed)
}

/// Applies the cache screen's settings.
pub(super) fn apply_cache(c: &mut cache::CacheConfig, params: &[Param]) {
    apply(&CACHE, c, params);
}

/// The replicas screen's settings.
pub(super) fn replicas_params(p: &replicas::Preset) -> Vec<Param> {
    params(&REPLICAS, &p.config, &p.fixed)
}

/// Applies the replicas screen's settings.
pub(super) fn apply_replicas(c: &mut replicas::ReplicasConfig, params: &[Param]) {
    apply(&REPLICAS, c, params);
}

/// The throttle screen's settings.
pub(super) fn throttle_params(p: &throttle::Preset) -> Vec<Param> {
    params(&THROTTLE, &p.config, &p.fixed)
}

/// Applies the throttle screen's settings.
pub(super) fn apply_throttle(c: &mut throttle::ThrottleConfig, params: &[Param]) {
    apply(&THROTTLE, c, params);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_preset_comes_back_unchanged_from_its_own_settings() {
        for p in sessions::presets().unwrap() {
            let mut c = p.config.clone();
            apply_sessions(&mut c, &sessions_params(&p));
            assert_eq!(c, p.config, "{}", p.id);
        }
        for p in cache::presets().unwrap() {
            let mut c = p.config.clone();
            apply_cache(&mut c, &cache_params(&p));
            assert_eq!(c, p.config, "{}", p.id);
        }
        for p in replicas::presets().unwrap() {
            let mut c = p.config.clone();
            apply_replicas(&mut c, &replicas_params(&p));
            assert_eq!(c, p.config, "{}", p.id);
        }
        for p in throttle::presets().unwrap() {
            let mut c = p.config.clone();
            apply_throttle(&mut c, &throttle_params(&p));
            assert_eq!(c, p.config, "{}", p.id);
        }
    }

    #[test]
    fn every_lever_is_a_setting_on_screen_and_not_locked() {
        let check = |id: &str, levers: &[String], params: &[Param]| {
            for l in levers {
                assert!(
                    params.iter().any(|p| field(p.id) == l && !p.locked),
                    "{id}: lever {l} has no free setting"
                );
            }
        };
        for p in sessions::presets().unwrap() {
            check(&p.id, &p.levers, &sessions_params(&p));
        }
        for p in cache::presets().unwrap() {
            check(&p.id, &p.levers, &cache_params(&p));
        }
        for p in replicas::presets().unwrap() {
            check(&p.id, &p.levers, &replicas_params(&p));
        }
        for p in throttle::presets().unwrap() {
            check(&p.id, &p.levers, &throttle_params(&p));
        }
    }
}
