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

fn seed(v: u64) -> Param {
    Param::new(P::Seed, ("시드", "Seed"), v as f64, 0.0, 1e9, 1.0)
}

/// The config field a parameter sets (for the `fixed` list).
fn field(id: P) -> &'static str {
    match id {
        P::SessStore => "store",
        P::SessItemBytes => "item_bytes",
        P::SessInstances => "instances",
        P::SessUsers => "users",
        P::SessFailAt => "fail_instance_at",
        P::CacheStrategy => "strategy",
        P::CacheTtl => "ttl_s",
        P::CacheFillOnMiss => "fill_on_miss",
        P::CacheKeys => "keys",
        P::CacheReads | P::RepReads => "reads_per_second",
        P::CacheWrites | P::RepWrites => "writes_per_second",
        P::CacheFailAt => "node_failure_at",
        P::RepEngine => "engine",
        P::RepReplicas => "replicas",
        P::RepMultiAz => "multi_az",
        P::RepReadOnPrimary => "read_after_write_on_primary",
        P::RepLagMs => "replica_lag_ms",
        P::RepFailAt => "fail_primary_at",
        P::ThrRate => "rate",
        P::ThrBurst => "burst",
        P::ThrRps => "rps",
        P::ThrStageRate | P::ThrStageBurst => "stage_limit",
        P::ThrPoisson => "poisson",
        P::SimDuration => "duration_s",
        P::Seed => "seed",
        _ => "",
    }
}

/// Locks the parameters whose field the preset keeps fixed.
fn lock(mut params: Vec<Param>, fixed: &[String]) -> Vec<Param> {
    for p in &mut params {
        p.locked = fixed.iter().any(|f| f == field(p.id));
    }
    params
}

fn duration(v: u32) -> Param {
    Param::new(
        P::SimDuration,
        ("시간 (초)", "Seconds"),
        f64::from(v),
        1.0,
        3600.0,
        10.0,
    )
}

/// The sessions screen's settings.
pub(super) fn sessions_params(p: &sessions::Preset) -> Vec<Param> {
    let c = &p.config;
    let store = match c.store {
        sessions::Store::Local => 0.0,
        sessions::Store::Sticky => 1.0,
        sessions::Store::Cookie => 2.0,
        sessions::Store::Elasticache => 3.0,
        sessions::Store::Dynamodb => 4.0,
    };
    let params = vec![
        Param::new(
            P::SessStore,
            ("장바구니 위치 (세션 저장소)", "Where the cart lives"),
            store,
            0.0,
            0.0,
            1.0,
        )
        .choice(&STORES),
        Param::new(
            P::SessItemBytes,
            ("쿠키에 담는 물건 하나 (B)", "Cookie bytes per item"),
            f64::from(c.item_bytes),
            1.0,
            4096.0,
            20.0,
        ),
        Param::new(
            P::SessInstances,
            ("인스턴스 수", "Instances"),
            f64::from(c.instances),
            1.0,
            f64::from(sessions::MAX_INSTANCES),
            1.0,
        ),
        Param::new(
            P::SessUsers,
            ("사용자 수", "Users"),
            f64::from(c.users),
            1.0,
            f64::from(sessions::MAX_USERS),
            10.0,
        ),
        Param::new(
            P::SessFailAt,
            (
                "인스턴스 1 장애 (초, 0=없음)",
                "Instance 1 fails at (s, 0=never)",
            ),
            opt(c.fail_instance_at),
            0.0,
            3600.0,
            10.0,
        ),
        duration(c.duration_s),
        seed(c.seed),
    ];
    lock(params, &p.fixed)
}

/// Applies the sessions screen's settings.
pub(super) fn apply_sessions(c: &mut sessions::SessionsConfig, params: &[Param]) {
    for p in params {
        match p.id {
            P::SessStore => {
                c.store = match whole(p.value) {
                    0 => sessions::Store::Local,
                    1 => sessions::Store::Sticky,
                    2 => sessions::Store::Cookie,
                    3 => sessions::Store::Elasticache,
                    _ => sessions::Store::Dynamodb,
                }
            }
            P::SessItemBytes => c.item_bytes = whole(p.value),
            P::SessInstances => c.instances = whole(p.value),
            P::SessUsers => c.users = whole(p.value),
            P::SessFailAt => c.fail_instance_at = some(p.value),
            P::SimDuration => c.duration_s = whole(p.value),
            P::Seed => c.seed = p.value.round().max(0.0) as u64,
            _ => {}
        }
    }
}

/// The cache screen's settings.
pub(super) fn cache_params(p: &cache::Preset) -> Vec<Param> {
    let c = &p.config;
    let params = vec![
        Param::new(
            P::CacheStrategy,
            ("캐시 전략", "Caching strategy"),
            on(c.strategy == cache::Strategy::WriteThrough),
            0.0,
            0.0,
            1.0,
        )
        .choice(&STRATEGIES),
        Param::new(
            P::CacheTtl,
            ("TTL (초, 0=없음)", "TTL (s, 0=none)"),
            opt(c.ttl_s),
            0.0,
            86_400.0,
            10.0,
        ),
        Param::new(
            P::CacheFillOnMiss,
            ("미스 때 채우기", "Fill on a miss"),
            on(c.fill_on_miss),
            0.0,
            1.0,
            1.0,
        )
        .switch(),
        Param::new(
            P::CacheKeys,
            ("키 개수", "Keys"),
            f64::from(c.keys),
            1.0,
            1_000_000.0,
            100.0,
        ),
        Param::new(
            P::CacheReads,
            ("초당 읽기", "Reads per second"),
            c.reads_per_second,
            0.0,
            100_000.0,
            10.0,
        )
        .float(),
        Param::new(
            P::CacheWrites,
            ("초당 쓰기", "Writes per second"),
            c.writes_per_second,
            0.0,
            100_000.0,
            1.0,
        )
        .float(),
        Param::new(
            P::CacheFailAt,
            ("노드 장애 (초, 0=없음)", "Node fails at (s, 0=never)"),
            opt(c.node_failure_at),
            0.0,
            3600.0,
            10.0,
        ),
        duration(c.duration_s),
        seed(c.seed),
    ];
    lock(params, &p.fixed)
}

/// Applies the cache screen's settings.
pub(super) fn apply_cache(c: &mut cache::CacheConfig, params: &[Param]) {
    for p in params {
        match p.id {
            P::CacheStrategy => {
                c.strategy = if p.value >= 0.5 {
                    cache::Strategy::WriteThrough
                } else {
                    cache::Strategy::Lazy
                }
            }
            P::CacheTtl => c.ttl_s = some(p.value),
            P::CacheFillOnMiss => c.fill_on_miss = p.value >= 0.5,
            P::CacheKeys => c.keys = whole(p.value),
            P::CacheReads => c.reads_per_second = p.value,
            P::CacheWrites => c.writes_per_second = p.value,
            P::CacheFailAt => c.node_failure_at = some(p.value),
            P::SimDuration => c.duration_s = whole(p.value),
            P::Seed => c.seed = p.value.round().max(0.0) as u64,
            _ => {}
        }
    }
}

/// The replicas screen's settings.
pub(super) fn replicas_params(p: &replicas::Preset) -> Vec<Param> {
    let c = &p.config;
    let engine = match c.engine {
        replicas::Engine::RdsMysql => 0.0,
        replicas::Engine::RdsPostgres => 1.0,
        replicas::Engine::RdsOracle => 2.0,
        replicas::Engine::AuroraMysql => 3.0,
        replicas::Engine::AuroraPostgres => 4.0,
    };
    let params = vec![
        Param::new(P::RepEngine, ("엔진", "Engine"), engine, 0.0, 0.0, 1.0).choice(&ENGINES),
        Param::new(
            P::RepReplicas,
            ("읽기 복제본 수", "Read replicas"),
            f64::from(c.replicas),
            0.0,
            // The engine's own limit is the model's to check (with its source).
            20.0,
            1.0,
        ),
        Param::new(
            P::RepMultiAz,
            ("Multi-AZ (동기 대기)", "Multi-AZ (synchronous standby)"),
            on(c.multi_az),
            0.0,
            1.0,
            1.0,
        )
        .switch(),
        Param::new(
            P::RepReadOnPrimary,
            (
                "방금 쓴 값은 쓰기 인스턴스에서 읽기",
                "Read own writes from the writer",
            ),
            on(c.read_after_write_on_primary),
            0.0,
            1.0,
            1.0,
        )
        .switch(),
        Param::new(
            P::RepWrites,
            ("초당 쓰기", "Writes per second"),
            c.writes_per_second,
            0.0,
            100_000.0,
            10.0,
        )
        .float(),
        Param::new(
            P::RepReads,
            ("초당 읽기", "Reads per second"),
            c.reads_per_second,
            0.0,
            100_000.0,
            10.0,
        )
        .float(),
        Param::new(
            P::RepLagMs,
            (
                "복제 지연 (ms, 0=엔진 기본)",
                "Replica lag (ms, 0=engine default)",
            ),
            opt(c.replica_lag_ms),
            0.0,
            600_000.0,
            100.0,
        ),
        Param::new(
            P::RepFailAt,
            (
                "기본 인스턴스 장애 (초, 0=없음)",
                "Primary fails at (s, 0=never)",
            ),
            opt(c.fail_primary_at),
            0.0,
            3600.0,
            10.0,
        ),
        duration(c.duration_s),
        seed(c.seed),
    ];
    lock(params, &p.fixed)
}

/// Applies the replicas screen's settings.
pub(super) fn apply_replicas(c: &mut replicas::ReplicasConfig, params: &[Param]) {
    for p in params {
        match p.id {
            P::RepEngine => {
                c.engine = match whole(p.value) {
                    0 => replicas::Engine::RdsMysql,
                    1 => replicas::Engine::RdsPostgres,
                    2 => replicas::Engine::RdsOracle,
                    3 => replicas::Engine::AuroraMysql,
                    _ => replicas::Engine::AuroraPostgres,
                }
            }
            P::RepReplicas => c.replicas = whole(p.value),
            P::RepMultiAz => c.multi_az = p.value >= 0.5,
            P::RepReadOnPrimary => c.read_after_write_on_primary = p.value >= 0.5,
            P::RepWrites => c.writes_per_second = p.value,
            P::RepReads => c.reads_per_second = p.value,
            P::RepLagMs => c.replica_lag_ms = some(p.value),
            P::RepFailAt => c.fail_primary_at = some(p.value),
            P::SimDuration => c.duration_s = whole(p.value),
            P::Seed => c.seed = p.value.round().max(0.0) as u64,
            _ => {}
        }
    }
}

/// The throttle screen's settings.
pub(super) fn throttle_params(p: &throttle::Preset) -> Vec<Param> {
    let c = &p.config;
    let stage = c.stage_limit.unwrap_or(throttle::Limit {
        rate: 0.0,
        burst: 0.0,
    });
    let params = vec![
        Param::new(
            P::ThrRate,
            ("계정 속도 한도 (건/초)", "Account rate (req/s)"),
            c.rate,
            1.0,
            1_000_000.0,
            1.0,
        ),
        Param::new(
            P::ThrBurst,
            ("계정 버스트 (건)", "Account burst (requests)"),
            c.burst,
            1.0,
            1_000_000.0,
            10.0,
        ),
        Param::new(
            P::ThrStageRate,
            (
                "스테이지 속도 (건/초, 0=없음)",
                "Stage rate (req/s, 0=none)",
            ),
            stage.rate,
            0.0,
            1_000_000.0,
            1.0,
        ),
        Param::new(
            P::ThrStageBurst,
            ("스테이지 버스트 (건)", "Stage burst (requests)"),
            stage.burst,
            0.0,
            1_000_000.0,
            1.0,
        ),
        Param::new(
            P::ThrRps,
            ("보내는 요청 (건/초)", "Requests sent (req/s)"),
            c.rps,
            0.0,
            1_000_000.0,
            10.0,
        )
        .float(),
        Param::new(
            P::ThrPoisson,
            ("무작위(포아송) 도착", "Random (Poisson) arrivals"),
            on(c.poisson),
            0.0,
            1.0,
            1.0,
        )
        .switch(),
        duration(c.duration_s),
        seed(c.seed),
    ];
    lock(params, &p.fixed)
}

/// Applies the throttle screen's settings.
pub(super) fn apply_throttle(c: &mut throttle::ThrottleConfig, params: &[Param]) {
    let get = |id: P| params.iter().find(|p| p.id == id).map(|p| p.value);
    for p in params {
        match p.id {
            P::ThrRate => c.rate = p.value,
            P::ThrBurst => c.burst = p.value,
            P::ThrRps => c.rps = p.value,
            P::ThrPoisson => c.poisson = p.value >= 0.5,
            P::SimDuration => c.duration_s = whole(p.value),
            P::Seed => c.seed = p.value.round().max(0.0) as u64,
            _ => {}
        }
    }
    if let Some(rate) = get(P::ThrStageRate) {
        c.stage_limit = (rate > 0.0).then(|| throttle::Limit {
            rate,
            burst: get(P::ThrStageBurst).unwrap_or(0.0),
        });
    }
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
