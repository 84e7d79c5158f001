//! The committed update-behaviour table (`simulations/data/cfn-update-behaviour.tsv`) against the
//! "Schema 2025" column of aws-facts.md 4.5, and against the resource provider schemas of the
//! installed cfn-lint package when Python can import it (else that part is skipped, with a note).
//!
//! Set `GUREUM_CFNLINT_PYTHON` to a Python that has cfn-lint (e.g. a venv with the pinned
//! version) to check every row; `python3` is tried otherwise.

#![allow(clippy::doc_markdown)]

use std::path::PathBuf;
use std::process::Command;

use simulations::cfn::{Table, table};

/// aws-facts.md 4.5, column "Schema 2025": (type, property, createOnly | conditional | updatable).
const ROWS_4_5: [(&str, &str, &str); 37] = [
    ("AWS::DynamoDB::Table", "TableName", "createOnly"),
    ("AWS::DynamoDB::Table", "KeySchema", "conditional"),
    ("AWS::DynamoDB::Table", "AttributeDefinitions", "updatable"),
    ("AWS::DynamoDB::Table", "BillingMode", "updatable"),
    (
        "AWS::DynamoDB::Table",
        "GlobalSecondaryIndexes",
        "updatable",
    ),
    ("AWS::DynamoDB::Table", "LocalSecondaryIndexes", "updatable"),
    ("AWS::DynamoDB::Table", "StreamSpecification", "updatable"),
    ("AWS::DynamoDB::Table", "ProvisionedThroughput", "updatable"),
    ("AWS::Cognito::UserPool", "UserPoolName", "updatable"),
    ("AWS::Cognito::UserPool", "AliasAttributes", "updatable"),
    ("AWS::Cognito::UserPool", "UsernameAttributes", "updatable"),
    ("AWS::Cognito::UserPool", "Schema", "updatable"),
    ("AWS::Cognito::UserPool", "Policies", "updatable"),
    ("AWS::Cognito::UserPool", "MfaConfiguration", "updatable"),
    ("AWS::RDS::DBInstance", "DBInstanceIdentifier", "createOnly"),
    ("AWS::RDS::DBInstance", "Engine", "conditional"),
    ("AWS::RDS::DBInstance", "EngineVersion", "updatable"),
    ("AWS::RDS::DBInstance", "DBInstanceClass", "updatable"),
    ("AWS::RDS::DBInstance", "AllocatedStorage", "updatable"),
    ("AWS::RDS::DBInstance", "MultiAZ", "conditional"),
    ("AWS::RDS::DBInstance", "StorageEncrypted", "createOnly"),
    ("AWS::RDS::DBInstance", "MasterUsername", "createOnly"),
    ("AWS::S3::Bucket", "BucketName", "createOnly"),
    ("AWS::S3::Bucket", "VersioningConfiguration", "updatable"),
    ("AWS::S3::Bucket", "Tags", "updatable"),
    ("AWS::Lambda::Function", "FunctionName", "createOnly"),
    ("AWS::Lambda::Function", "Runtime", "updatable"),
    ("AWS::Lambda::Function", "MemorySize", "updatable"),
    ("AWS::Lambda::Function", "Code", "updatable"),
    ("AWS::SQS::Queue", "QueueName", "createOnly"),
    ("AWS::SQS::Queue", "FifoQueue", "createOnly"),
    (
        "AWS::ElastiCache::CacheCluster",
        "CacheNodeType",
        "updatable",
    ),
    ("AWS::ElastiCache::CacheCluster", "Engine", "createOnly"),
    (
        "AWS::ElastiCache::CacheCluster",
        "NumCacheNodes",
        "updatable",
    ),
    ("AWS::EC2::Instance", "InstanceType", "conditional"),
    ("AWS::EC2::Instance", "ImageId", "createOnly"),
    ("AWS::EC2::Instance", "UserData", "conditional"),
];

fn class(t: &Table, type_name: &str, property: &str) -> &'static str {
    let rule = t
        .rule(type_name)
        .unwrap_or_else(|| panic!("{type_name} missing"));
    let top = |paths: &[simulations::cfn::table::PropPath]| {
        paths
            .iter()
            .any(|p| p.is_top_level() && p.top() == property)
    };
    if top(&rule.create_only) {
        "createOnly"
    } else if top(&rule.conditional) {
        "conditional"
    } else {
        "updatable"
    }
}

#[test]
fn committed_table_has_the_rows_of_section_4_5() {
    let t = table();
    assert!(t.len() > 1500, "{} types", t.len());
    assert_eq!(t.info.cfn_lint, "1.58.0");
    for (ty, prop, want) in ROWS_4_5 {
        assert_eq!(class(t, ty, prop), want, "{ty}.{prop}");
    }
    let ddb = t.rule("AWS::DynamoDB::Table").unwrap();
    assert_eq!(ddb.primary_id, ["TableName"]);
    assert_eq!(t.name_property("AWS::DynamoDB::Table"), Some("TableName"));
    assert_eq!(t.name_property("AWS::S3::Bucket"), Some("BucketName"));
    assert_eq!(t.name_property("AWS::SQS::Queue"), Some("QueueName"));
    assert_eq!(
        t.name_property("AWS::Lambda::Function"),
        Some("FunctionName")
    );
    assert_eq!(
        t.name_property("AWS::RDS::DBInstance"),
        Some("DBInstanceIdentifier")
    );
    // UserPoolName is not a physical name: the pool's id is UserPoolId.
    assert_eq!(t.name_property("AWS::Cognito::UserPool"), None);
}

fn python() -> String {
    std::env::var("GUREUM_CFNLINT_PYTHON").unwrap_or_else(|_| "python3".to_owned())
}

fn data_lines(tsv: &str) -> Vec<&str> {
    tsv.lines().filter(|l| !l.starts_with('#')).collect()
}

#[test]
fn table_matches_the_installed_cfn_lint_schemas() {
    let py = python();
    let importable = Command::new(&py)
        .args(["-c", "import cfnlint"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !importable {
        eprintln!(
            "skipped: `{py} -c 'import cfnlint'` failed (pip install cfn-lint==1.58.0, or set GUREUM_CFNLINT_PYTHON); only the committed rows were checked"
        );
        return;
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new(&py)
        .arg(root.join("../tools/gen_update_behaviour.py"))
        .env("SOURCE_DATE_EPOCH", "0")
        .output()
        .expect("run the generator");
    assert!(
        out.status.success(),
        "generator failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let fresh = String::from_utf8(out.stdout).unwrap();
    let committed = std::fs::read_to_string(root.join("data/cfn-update-behaviour.tsv")).unwrap();
    let curated = std::fs::read_to_string(root.join("data/cfn-curated.toml")).unwrap();
    let fresh_table = Table::parse(&fresh, &curated).unwrap();
    let ours = table();
    if fresh_table.info.cfn_lint == ours.info.cfn_lint {
        // Same version: the generator must reproduce the committed file line for line.
        assert_eq!(data_lines(&fresh), data_lines(&committed));
        eprintln!(
            "checked all {} rows against cfn-lint {}",
            ours.len(),
            ours.info.cfn_lint
        );
    } else {
        // Another version: the schemas move on, but the rows the lessons rely on must hold.
        for (ty, prop, want) in ROWS_4_5 {
            assert_eq!(
                class(&fresh_table, ty, prop),
                want,
                "{ty}.{prop} in cfn-lint {}",
                fresh_table.info.cfn_lint
            );
        }
        eprintln!(
            "installed cfn-lint {} differs from the table's {}: checked the {} rows of aws-facts.md 4.5 only",
            fresh_table.info.cfn_lint,
            ours.info.cfn_lint,
            ROWS_4_5.len()
        );
    }
}
