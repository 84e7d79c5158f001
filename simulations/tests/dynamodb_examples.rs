//! The DynamoDB worked examples of the facts file (section 1.8 plus the examples quoted in the
//! rules of 1.2–1.5), asserted to the exact number, and the input limits.

// Units are exact halves and the simulation's test values are exact in f64, so exact
// comparison is the point; AWS API names in docs are prose.
#![allow(clippy::float_cmp, clippy::doc_markdown)]

use simulations::dynamodb::{
    AttributeValue, CalcResult, Consistency, Error, IndexChange, IndexKind, IndexWrite, ItemSpec,
    Operation, PlanInput, Request, Target, Units, calculate, item_size, parse_size, plan, prices,
};
use std::collections::BTreeMap;

fn calc(op: Operation, sizes: &[u64], c: Option<Consistency>) -> CalcResult {
    let mut r = Request::new(op, sizes);
    r.consistency = c;
    calculate(&r).expect("valid request")
}

fn rcu(op: Operation, sizes: &[u64], c: Consistency) -> f64 {
    calc(op, sizes, Some(c)).read_units.as_f64()
}

fn wcu(op: Operation, sizes: &[u64]) -> f64 {
    calc(op, sizes, None).write_units.as_f64()
}

use Consistency::{Eventual, Strong, Transactional};
use Operation::*;

#[test]
fn d1_get_3500_bytes_strong_is_1_rcu() {
    assert_eq!(rcu(Get, &[3500], Strong), 1.0);
}

#[test]
fn d2_get_3500_bytes_eventual_is_half_rcu() {
    assert_eq!(rcu(Get, &[3500], Eventual), 0.5);
}

#[test]
fn d3_get_8kb_strong_eventual_transactional() {
    assert_eq!(rcu(Get, &[8192], Strong), 2.0);
    assert_eq!(rcu(Get, &[8192], Eventual), 1.0);
    assert_eq!(rcu(TransactGet, &[8192], Transactional), 4.0);
}

#[test]
fn d4_get_10kb_rounds_to_12kb() {
    let r = calc(Get, &[10_240], Some(Strong));
    assert_eq!(r.read_units.as_f64(), 3.0);
    assert_eq!(r.per_item[0].billed_bytes, 12 * 1024);
}

#[test]
fn d7_batch_get_rounds_each_item() {
    let sizes = [parse_size("1.5KB").unwrap(), parse_size("6.5KB").unwrap()];
    let r = calc(BatchGet, &sizes, Some(Strong));
    assert_eq!(r.read_units.as_f64(), 3.0);
    let billed: Vec<u64> = r.per_item.iter().map(|i| i.billed_bytes).collect();
    assert_eq!(billed, vec![4096, 8192]);
    assert_eq!(rcu(BatchGet, &sizes, Eventual), 1.5);
    // Not the 8 KB a single rounding of the sum would give.
    assert_eq!(rcu(Query, &sizes, Strong), 2.0);
}

#[test]
fn d8_query_rounds_the_sum_once() {
    // 10 items totalling 40.8 KB (41,780 bytes after rounding the fractional byte up).
    let total = parse_size("40.8KB").unwrap();
    assert_eq!(total, 41_780);
    let mut sizes = vec![total / 10; 10];
    sizes[0] += total % 10;
    assert_eq!(rcu(Query, &sizes, Strong), 11.0);
    assert_eq!(rcu(Query, &sizes, Eventual), 5.5);
    assert_eq!(
        calc(Query, &sizes, Some(Strong)).per_item[0].billed_bytes,
        44 * 1024
    );
}

#[test]
fn query_1500_items_of_64_bytes_is_96kb() {
    let sizes = vec![64; 1500];
    assert_eq!(rcu(Query, &sizes, Strong), 24.0);
}

#[test]
fn query_80kb_eventual_is_10_units() {
    let sizes = vec![8 * 1024; 10];
    assert_eq!(rcu(Query, &sizes, Eventual), 10.0);
}

#[test]
fn scan_charges_items_evaluated_not_returned() {
    // A scan evaluating 100 items of 1 KB costs the same whatever a filter keeps.
    let evaluated = vec![1024; 100];
    assert_eq!(rcu(Scan, &evaluated, Strong), 25.0);
    assert_eq!(rcu(Scan, &evaluated, Eventual), 12.5);
}

#[test]
fn reading_a_missing_item_still_costs() {
    assert_eq!(rcu(Get, &[0], Strong), 1.0);
    assert_eq!(rcu(Get, &[0], Eventual), 0.5);
}

#[test]
fn get_defaults_to_eventual() {
    let r = calc(Get, &[3500], None);
    assert_eq!(r.consistency, Some(Eventual));
    assert_eq!(r.read_units.as_f64(), 0.5);
}

#[test]
fn d12_put_rounds_to_1kb() {
    assert_eq!(wcu(Put, &[500]), 1.0);
    assert_eq!(wcu(Put, &[1024]), 1.0);
    assert_eq!(wcu(Put, &[1025]), 2.0);
    assert_eq!(wcu(Put, &[parse_size("1.6KB").unwrap()]), 2.0);
    assert_eq!(wcu(Delete, &[parse_size("1.6KB").unwrap()]), 2.0);
}

#[test]
fn d15_standard_vs_transactional_3kb_write() {
    assert_eq!(wcu(Put, &[3 * 1024]), 3.0);
    assert_eq!(wcu(TransactWrite, &[3 * 1024]), 6.0);
}

#[test]
fn d16_transact_write_three_500_byte_items_is_6_wcu() {
    assert_eq!(wcu(TransactWrite, &[500, 500, 500]), 6.0);
}

#[test]
fn transact_get_three_500_byte_items_is_6_rcu() {
    assert_eq!(rcu(TransactGet, &[500, 500, 500], Transactional), 6.0);
    // Transactional is the default for transact-get.
    assert_eq!(
        calc(TransactGet, &[500, 500, 500], None)
            .read_units
            .as_f64(),
        6.0
    );
}

#[test]
fn batch_write_rounds_each_item() {
    assert_eq!(wcu(BatchWrite, &[500, parse_size("3.5KB").unwrap()]), 5.0);
}

#[test]
fn d18_gsi_query_is_eventual() {
    let mut r = Request::new(Query, &[2000; 8]);
    r.target = Target::Gsi;
    let res = calculate(&r).unwrap();
    assert_eq!(res.consistency, Some(Eventual));
    assert_eq!(res.read_units.as_f64(), 2.0);
    r.consistency = Some(Strong);
    assert!(matches!(
        calculate(&r),
        Err(Error::UnsupportedConsistency { .. })
    ));
}

#[test]
fn update_charges_the_larger_image() {
    let mut r = Request::new(Update, &[]);
    r.items = vec![ItemSpec::replacing(500, 3000)];
    assert_eq!(calculate(&r).unwrap().write_units.as_f64(), 3.0);
    r.items = vec![ItemSpec::replacing(3000, 500)];
    assert_eq!(calculate(&r).unwrap().write_units.as_f64(), 3.0);
    // A put that overwrites follows the same rule.
    r.operation = Put;
    r.items = vec![ItemSpec::replacing(100, 2048)];
    assert_eq!(calculate(&r).unwrap().write_units.as_f64(), 2.0);
}

#[test]
fn failed_conditional_write_still_costs() {
    let mut r = Request::new(Put, &[]);
    r.condition_failed = true;
    // Existing item: the size of the new item.
    r.items = vec![ItemSpec::replacing(2500, 8000)];
    assert_eq!(calculate(&r).unwrap().write_units.as_f64(), 3.0);
    // No existing item: 1 WCU.
    r.items = vec![ItemSpec::bytes(5000)];
    assert_eq!(calculate(&r).unwrap().write_units.as_f64(), 1.0);
}

fn gsi(change: IndexChange, entry: u64, old: Option<u64>) -> IndexWrite {
    IndexWrite {
        name: "byStatus".into(),
        kind: IndexKind::Gsi,
        change,
        entry_size: entry,
        old_entry_size: old,
    }
}

#[test]
fn gsi_write_amplification() {
    let mut r = Request::new(Update, &[]);
    r.items = vec![ItemSpec::replacing(900, 900)];
    let cases = [
        (IndexChange::Insert, 500, None, 1, 1.0),
        (IndexChange::KeyChange, 500, None, 2, 2.0),
        (IndexChange::KeyChange, 1500, Some(500), 2, 3.0),
        (IndexChange::Remove, 500, None, 1, 1.0),
        (IndexChange::ProjectedUpdate, 600, None, 1, 1.0),
        (IndexChange::None, 600, None, 0, 0.0),
    ];
    for (change, entry, old, writes, units) in cases {
        r.indexes = vec![gsi(change, entry, old)];
        let res = calculate(&r).unwrap();
        assert_eq!(res.index_writes[0].writes, writes, "{change:?}");
        assert_eq!(res.gsi_write_units.as_f64(), units, "{change:?}");
        assert_eq!(
            res.write_units.as_f64(),
            1.0,
            "GSI writes use the index's capacity"
        );
        assert_eq!(
            res.request_units.write.as_f64(),
            1.0 + units,
            "on-demand bills both"
        );
    }
}

#[test]
fn lsi_writes_use_table_capacity_and_transactions_do_not_double_index_writes() {
    let mut r = Request::new(TransactWrite, &[500]);
    r.indexes = vec![IndexWrite {
        kind: IndexKind::Lsi,
        ..gsi(IndexChange::Insert, 300, None)
    }];
    let res = calculate(&r).unwrap();
    assert_eq!(res.write_units.as_f64(), 3.0); // 2 (transactional table write) + 1 (LSI)
    assert_eq!(res.gsi_write_units, Units::ZERO);
}

#[test]
fn failed_condition_writes_no_index() {
    let mut r = Request::new(Put, &[]);
    r.items = vec![ItemSpec::replacing(500, 500)];
    r.condition_failed = true;
    r.indexes = vec![gsi(IndexChange::KeyChange, 500, None)];
    let res = calculate(&r).unwrap();
    assert_eq!(res.gsi_write_units, Units::ZERO);
    assert!(res.index_writes.is_empty());
}

#[test]
fn d22_plan_80_reads_and_100_writes() {
    let p = plan(&PlanInput {
        reads_per_second: 80,
        read_item_bytes: 3 * 1024,
        read_consistency: Some(Strong),
        writes_per_second: 100,
        write_item_bytes: 512,
        transactional_writes: false,
    })
    .unwrap();
    assert_eq!((p.rcu, p.wcu), (80, 100));
    let table = prices().unwrap();
    // (80 × 0.00013 + 100 × 0.00065) × 730
    let expected = (80.0 * table.provisioned.per_rcu_hour + 100.0 * table.provisioned.per_wcu_hour)
        * f64::from(table.hours_per_month);
    assert!((p.monthly.provisioned - expected).abs() < 1e-9);
    // 80 RRU/s and 100 WRU/s for 730 h.
    let seconds = f64::from(table.hours_per_month) * 3600.0;
    assert_eq!(p.rru_per_month, 80.0 * seconds);
    assert_eq!(p.wru_per_month, 100.0 * seconds);
    assert!(p.explanation.iter().any(|e| e.ko.contains(&table.taken_on)));
    assert!(p.explanation.iter().any(|e| e.en.contains("UNCONFIRMED")));
}

#[test]
fn plan_rounds_halves_up_once_and_has_a_minimum() {
    let p = plan(&PlanInput {
        reads_per_second: 3,
        read_item_bytes: 100,
        read_consistency: None,
        writes_per_second: 0,
        write_item_bytes: 100,
        transactional_writes: false,
    })
    .unwrap();
    assert_eq!(p.rcu, 2); // 3 × 0.5 = 1.5 → 2
    assert_eq!(p.wcu, 1); // table minimum
}

#[test]
fn price_table_is_dated_and_flags_unconfirmed_figures() {
    let t = prices().unwrap();
    assert_eq!(t.region, "us-east-1");
    assert_eq!(t.currency, "USD");
    assert_eq!(t.on_demand.per_million_wru, 0.625);
    assert_eq!(t.on_demand.per_million_rru, 0.125);
    assert!(t.on_demand.unconfirmed && t.provisioned.unconfirmed);
    assert_eq!(t.taken_on.len(), 10);
}

#[test]
fn parse_size_accepts_bytes_and_kb() {
    assert_eq!(parse_size("3500").unwrap(), 3500);
    assert_eq!(parse_size("4KB").unwrap(), 4096);
    assert_eq!(parse_size("4kb").unwrap(), 4096);
    assert_eq!(parse_size(" 1.5 Kb ").unwrap(), 1536);
    assert_eq!(parse_size("0").unwrap(), 0);
    for bad in [
        "",
        "KB",
        "-5",
        "1.5",
        "abc",
        "4MB",
        "1e3",
        "1..5KB",
        "99999999999999999999",
    ] {
        assert!(
            matches!(parse_size(bad), Err(Error::InvalidSize { .. })),
            "{bad:?}"
        );
    }
}

#[test]
fn item_size_from_attributes() {
    let mut item = BTreeMap::new();
    item.insert("id".to_owned(), AttributeValue::S("u1".into())); // 2 + 2
    item.insert("이름".to_owned(), AttributeValue::S("김구름".into())); // 6 + 9
    item.insert("age".to_owned(), AttributeValue::N("42".into())); // 3 + 1 + 1
    item.insert("ok".to_owned(), AttributeValue::Bool(true)); // 2 + 1
    item.insert("raw".to_owned(), AttributeValue::B(vec![0; 10])); // 3 + 10
    item.insert(
        "tags".to_owned(),
        AttributeValue::L(vec![
            AttributeValue::S("a".into()),
            AttributeValue::S("bc".into()),
        ]),
    ); // 4 + 3 + (1+1) + (2+1)
    let mut inner = BTreeMap::new();
    inner.insert("k".to_owned(), AttributeValue::Null(true));
    item.insert("m".to_owned(), AttributeValue::M(inner)); // 1 + 3 + (1 + 1 + 1)
    let size = item_size(&item).unwrap();
    assert_eq!(size.bytes, 4 + 15 + 5 + 3 + 13 + 12 + 7);
    assert!(size.explanation.iter().any(|e| e.ko.contains("3바이트")));
}

#[test]
fn number_sizes_trim_zeros() {
    let size = |n: &str| {
        let mut item = BTreeMap::new();
        item.insert("n".to_owned(), AttributeValue::N(n.into()));
        item_size(&item).map(|s| s.bytes - 1)
    };
    assert_eq!(size("0").unwrap(), 1);
    assert_eq!(size("123").unwrap(), 3); // 2 bytes for 3 digits + 1
    assert_eq!(size("-1000").unwrap(), 2); // trailing zeros trimmed: "1"
    assert_eq!(size("0.00125").unwrap(), 3); // "125"
    assert!(matches!(size("12a"), Err(Error::InvalidNumber { .. })));
    assert!(matches!(
        size(&"1".repeat(39)),
        Err(Error::InvalidNumber { .. })
    ));
}

#[test]
fn item_over_400kb_is_rejected() {
    let mut item = BTreeMap::new();
    item.insert("d".to_owned(), AttributeValue::B(vec![0; 400 * 1024]));
    assert_eq!(
        item_size(&item),
        Err(Error::ItemTooLarge {
            bytes: 400 * 1024 + 1
        })
    );
    let err = calculate(&Request::new(Put, &[400 * 1024 + 1])).unwrap_err();
    assert!(err.to_string().contains("400 KB") && err.to_string().contains("ServiceQuotas"));
    assert!(calculate(&Request::new(Put, &[400 * 1024])).is_ok());
}

#[test]
fn limits_name_the_limit_and_source() {
    let cases: Vec<(Request, &str)> = vec![
        (Request::new(BatchGet, &[100; 101]), "100 items"),
        (Request::new(BatchWrite, &[100; 26]), "25 put or delete"),
        (Request::new(TransactWrite, &[100; 101]), "100 actions"),
        (Request::new(TransactGet, &[100; 101]), "100 actions"),
        (Request::new(TransactWrite, &[400 * 1024; 11]), "4 MB"),
        (Request::new(Query, &[400 * 1024; 3]), "1 MB"),
    ];
    for (request, needle) in cases {
        let msg = calculate(&request).unwrap_err().to_string();
        assert!(msg.contains(needle), "{msg}");
        assert!(msg.contains("https://docs.aws.amazon.com/"), "{msg}");
    }
    assert!(calculate(&Request::new(BatchGet, &[100; 100])).is_ok());
    assert!(calculate(&Request::new(BatchWrite, &[100; 25])).is_ok());
}

#[test]
fn impossible_inputs_are_errors() {
    assert!(matches!(
        calculate(&Request::new(Put, &[0])),
        Err(Error::ZeroSize { .. })
    ));
    assert!(matches!(
        calculate(&Request::new(Get, &[1, 2])),
        Err(Error::WrongItemCount { .. })
    ));
    assert!(matches!(
        calculate(&Request::new(BatchWrite, &[])),
        Err(Error::WrongItemCount { .. })
    ));
    assert!(matches!(
        calculate(&Request::new(Get, &[1]).with_consistency(Transactional)),
        Err(Error::UnsupportedConsistency { .. })
    ));
    assert!(matches!(
        calculate(&Request::new(Put, &[1]).with_consistency(Strong)),
        Err(Error::UnsupportedConsistency { .. })
    ));
    let mut r = Request::new(Get, &[1]);
    r.indexes = vec![gsi(IndexChange::Insert, 1, None)];
    assert!(matches!(
        calculate(&r),
        Err(Error::IndexChangesOnRead { .. })
    ));
}

#[test]
fn every_trail_line_is_bilingual_and_sourced() {
    let r = calc(BatchGet, &[1536, 6656], Some(Strong));
    assert!(!r.explanation.is_empty());
    for e in &r.explanation {
        assert!(!e.ko.is_empty() && !e.en.is_empty() && !e.rule.is_empty());
        assert!(
            e.source
                .as_deref()
                .is_some_and(|s| s.starts_with("https://"))
        );
        assert!(e.ko.contains('요'), "해요체: {}", e.ko);
    }
}

#[test]
fn request_deserialises_from_toml_with_kebab_case_names() {
    let r: Request = toml::from_str(
        r#"
operation = "batch-get"
consistency = "strong"
items = ["1.5KB", 6656]
"#,
    )
    .unwrap();
    assert_eq!(calculate(&r).unwrap().read_units.as_f64(), 3.0);
    let r: Request = toml::from_str(
        r#"
operation = "update"
items = [{ size = "500", before = "3KB" }]
indexes = [{ name = "g", kind = "gsi", change = "key-change", entry-size = 100 }]
"#,
    )
    .unwrap();
    let res = calculate(&r).unwrap();
    assert_eq!(res.write_units.as_f64(), 3.0);
    assert_eq!(res.gsi_write_units.as_f64(), 2.0);
    for (name, op) in [
        ("get", Get),
        ("batch-get", BatchGet),
        ("query", Query),
        ("scan", Scan),
        ("put", Put),
        ("update", Update),
        ("delete", Delete),
        ("batch-write", BatchWrite),
        ("transact-get", TransactGet),
        ("transact-write", TransactWrite),
    ] {
        let r: Request = toml::from_str(&format!("operation = \"{name}\"\nitems = [1]")).unwrap();
        assert_eq!(r.operation, op);
    }
    for name in ["strong", "eventual", "transactional"] {
        let text = format!("operation = \"get\"\nconsistency = \"{name}\"\nitems = [1]");
        assert!(toml::from_str::<Request>(&text).is_ok());
    }
}

#[test]
fn result_serialises_units_as_numbers() {
    let r = calc(Get, &[3500], Some(Eventual));
    let v = toml::Value::try_from(&r).unwrap();
    assert_eq!(v["read_units"], toml::Value::Float(0.5));
    assert_eq!(v["write_units"], toml::Value::Integer(0));
    assert_eq!(v["request_units"]["read"], toml::Value::Float(0.5));
    assert_eq!(v["operation"], toml::Value::String("get".into()));
    assert_eq!(v["consistency"], toml::Value::String("eventual".into()));
    let trail = v["explanation"].as_array().unwrap();
    assert!(trail[0].get("ko").is_some() && trail[0].get("source").is_some());
    let w = toml::Value::try_from(calc(Put, &[3000], None)).unwrap();
    assert_eq!(w["write_units"], toml::Value::Integer(3));
    assert_eq!(w["read_units"], toml::Value::Integer(0));
}
