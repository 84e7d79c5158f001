//! Worked examples for the caching-strategies model, from the ElastiCache caching-strategies page
//! (<https://docs.aws.amazon.com/AmazonElastiCache/latest/red-ug/Strategies.html>; aws-facts.md
//! section 5.3 and example X8), and the shipped presets.

#![allow(clippy::doc_markdown)] // service names read better bare

use simulations::cache::{self, CacheConfig, Strategy, simulate};

fn one_key(strategy: Strategy, ttl_s: Option<u32>) -> CacheConfig {
    // One key, a read every second (t = 0, 1, …, 29), a write every 10 s (t = 5, 15, 25).
    CacheConfig {
        strategy,
        ttl_s,
        keys: 1,
        zipf: 0.0,
        reads_per_second: 1.0,
        writes_per_second: 0.1,
        duration_s: 30,
        ..CacheConfig::default()
    }
}

/// X8: lazy loading, the key is updated in the database, no TTL: the cache returns the stale
/// value until eviction. Only the first read misses ("data is loaded only when requested").
#[test]
fn x8_lazy_without_ttl_stays_stale() {
    let r = simulate(&one_key(Strategy::Lazy, None)).unwrap();
    assert_eq!((r.reads, r.misses, r.hits), (30, 1, 29));
    // Every read after the first write (t = 6 … 29) is stale.
    assert_eq!(r.stale_reads, 24);
    assert_eq!((r.db_reads, r.cache_writes, r.db_writes), (1, 1, 3));
    // Three trips per miss, one per hit, one per database write.
    assert_eq!(r.round_trips, 3 + 29 + 3);
}

/// "Adding TTL": with a 3 s TTL the copy expires and is read again, so a stale value lives at
/// most 3 s after each write.
#[test]
fn ttl_bounds_staleness() {
    let r = simulate(&one_key(Strategy::Lazy, Some(3))).unwrap();
    let no_ttl = simulate(&one_key(Strategy::Lazy, None)).unwrap();
    assert!(r.stale_reads < no_ttl.stale_reads);
    assert!(r.misses > 1, "expired items are read again");
    assert!(r.expirations > 0);
    // Writes at 5, 15, 25; copies are refreshed at 0, 3, 6, …: at most 2 stale reads per write.
    assert!(r.stale_reads <= 6, "{}", r.stale_reads);
}

/// Write-through: "the data in the cache is never stale", "every write involves two trips", and
/// the cache holds data nobody reads when keys are written but not read.
#[test]
fn write_through_never_stale_but_writes_unread_items() {
    let r = simulate(&one_key(Strategy::WriteThrough, None)).unwrap();
    assert_eq!(r.stale_reads, 0);
    // Pure write-through: the key is missing until its first write at 5 s (reads 0-5 miss).
    assert_eq!(r.misses, 6);
    assert_eq!(r.cache_writes, r.db_writes);
    // Write-heavy on many keys, read only a few: most cache writes expire unread (TTL 10 s).
    let churn = simulate(&CacheConfig {
        strategy: Strategy::WriteThrough,
        ttl_s: Some(10),
        keys: 10_000,
        zipf: 0.0,
        reads_per_second: 1.0,
        writes_per_second: 100.0,
        duration_s: 60,
        ..CacheConfig::default()
    })
    .unwrap();
    assert!(
        churn.unused_cache_writes > churn.cache_writes / 2,
        "{churn:?}"
    );
    assert_eq!(churn.stale_reads, 0);
}

/// Lazy loading misses the first read of each key: with 5 keys and no writes, exactly 5 misses.
#[test]
fn lazy_misses_once_per_key() {
    let r = simulate(&CacheConfig {
        keys: 5,
        zipf: 0.0,
        reads_per_second: 50.0,
        writes_per_second: 0.0,
        duration_s: 20,
        ..CacheConfig::default()
    })
    .unwrap();
    assert_eq!(r.misses, 5);
    assert_eq!(r.hits, r.reads - 5);
}

/// A node failure: lazy loading refills on demand; write-through misses until the next write.
#[test]
fn node_failure_lazy_refills_write_through_waits() {
    let base = CacheConfig {
        keys: 100,
        zipf: 0.0,
        reads_per_second: 100.0,
        writes_per_second: 0.5,
        node_failure_at: Some(60),
        duration_s: 120,
        ..CacheConfig::default()
    };
    let lazy = simulate(&CacheConfig {
        strategy: Strategy::Lazy,
        ..base.clone()
    })
    .unwrap();
    let wt = simulate(&CacheConfig {
        strategy: Strategy::WriteThrough,
        ..base.clone()
    })
    .unwrap();
    let both = simulate(&CacheConfig {
        strategy: Strategy::WriteThrough,
        fill_on_miss: true,
        ..base
    })
    .unwrap();
    let after = |r: &cache::CacheResult| r.hit_ratio_after_failure.unwrap();
    assert!(after(&lazy) > 0.95, "{}", after(&lazy));
    assert!(after(&wt) < 0.3, "{}", after(&wt));
    assert!(after(&both) > 0.95);
    assert_eq!(both.stale_reads, 0);
    assert!(
        wt.explanation
            .iter()
            .any(|e| e.rule == "cache.node-failure" && e.en.contains("until its next write"))
    );
}

#[test]
fn a_full_cache_evicts() {
    let r = simulate(&CacheConfig {
        keys: 1000,
        zipf: 0.0,
        cache_items: Some(100),
        reads_per_second: 100.0,
        writes_per_second: 0.0,
        duration_s: 60,
        ..CacheConfig::default()
    })
    .unwrap();
    assert!(r.evictions > 0);
    assert!(r.timeline.iter().all(|s| s.cached_items <= 100));
    assert!(
        r.hit_ratio < 0.2,
        "a tenth of uniform keys fits: {}",
        r.hit_ratio
    );
}

#[test]
fn invalid_settings_name_the_limit() {
    let e = simulate(&CacheConfig {
        keys: 0,
        ..CacheConfig::default()
    })
    .unwrap_err()
    .to_string();
    assert!(e.contains("--keys") && e.contains("1-1000000"), "{e}");
    let e = simulate(&CacheConfig {
        node_failure_at: Some(400),
        ..CacheConfig::default()
    })
    .unwrap_err()
    .to_string();
    assert!(
        e.contains("--node-failure-at") && e.contains("0-300"),
        "{e}"
    );
}

#[test]
fn presets_fail_as_shipped_and_pass_with_the_fix() {
    let presets = cache::presets().unwrap();
    assert_eq!(presets.len(), 2);
    for p in &presets {
        let r = simulate(&p.config).unwrap();
        let check = p.check(&p.config, &r);
        assert!(!check.passed, "{}: {check:#?}", p.id);
        assert!(p.predicted_value(&r).is_some(), "{}", p.id);
    }
    // Stale prices: a TTL of 30 s trades a little hit ratio for much less staleness.
    let stale = &presets[0];
    let ttl = CacheConfig {
        ttl_s: Some(30),
        ..stale.config.clone()
    };
    let check = stale.check(&ttl, &simulate(&ttl).unwrap());
    assert!(check.passed, "{check:#?}");
    // Too short a TTL fails on the hit ratio, and the result says which condition.
    let short = CacheConfig {
        ttl_s: Some(5),
        ..stale.config.clone()
    };
    let check = stale.check(&short, &simulate(&short).unwrap());
    assert_eq!(
        check.failed().map(|c| c.id.as_str()).collect::<Vec<_>>(),
        ["hit_ratio"]
    );
    // Node failure: write-through that also fills on a miss.
    let failure = &presets[1];
    let both = CacheConfig {
        fill_on_miss: true,
        ..failure.config.clone()
    };
    assert!(failure.check(&both, &simulate(&both).unwrap()).passed);
    let lazy = CacheConfig {
        strategy: Strategy::Lazy,
        ..failure.config.clone()
    };
    let check = failure.check(&lazy, &simulate(&lazy).unwrap());
    assert_eq!(
        check.failed().map(|c| c.id.as_str()).collect::<Vec<_>>(),
        ["stale_read_pct"]
    );
}
