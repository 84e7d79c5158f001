//! The verdicts fixed by issue 12, one test each, with the AWS page that states the rule:
//! Cognito settings locked in at creation, EC2 `InstanceType`, KMS `KeySpec`, data-holding types,
//! and changes that arrive through parameters and conditions.

#![allow(clippy::doc_markdown)]

use std::collections::BTreeMap;

use simulations::cfn::{self, Action, Evaluation, Outcome, Params, Replacement, Report};

fn parse(name: &str, text: &str) -> cfn::Template {
    cfn::parse(name, text).unwrap_or_else(|e| panic!("{}", e.message(true)))
}

fn report(old: &str, new: &str) -> Report {
    cfn::evaluate(
        &parse("old.yaml", old),
        &parse("new.yaml", new),
        None,
        &BTreeMap::new(),
    )
}

fn outcome(r: &Report, id: &str) -> Outcome {
    r.get(id).unwrap_or_else(|| panic!("no {id}")).outcome
}

const POOL: &str = r"
Resources:
  Pool:
    Type: AWS::Cognito::UserPool
    Properties:
      UsernameAttributes: [email]
      Schema:
        - {Name: email, AttributeDataType: String, Required: true, Mutable: true}
        - {Name: team, AttributeDataType: String, Mutable: true}
";

// Cognito: "some settings are locked in after you create your user pool … you can't change them
// unless you create a new resource" —
// https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-updating.html
#[test]
fn cognito_username_attributes_change_fails_and_rolls_back() {
    let new = POOL.replace(
        "UsernameAttributes: [email]",
        "UsernameAttributes: [phone_number]",
    );
    let r = report(POOL, &new);
    let p = r.get("Pool").unwrap();
    assert_eq!(
        (p.action, p.outcome),
        (Action::Modify, Outcome::UpdateFails)
    );
    assert!(r.update_fails);
    assert_eq!(r.exit_code(), 4);
    assert!(
        p.reason.en.contains("the stack rolls back"),
        "{}",
        p.reason.en
    );
    assert!(p.reason.ko.contains("롤백"), "{}", p.reason.ko);
    assert!(
        r.summary.en.starts_with("Update fails: Pool"),
        "{}",
        r.summary.en
    );
    let source = p.explanation.last().unwrap().source.as_deref().unwrap();
    assert!(source.contains("cognito-user-pool-updating"), "{source}");
}

#[test]
fn cognito_alias_and_username_configuration_are_locked_too() {
    let alias = POOL.replace(
        "UsernameAttributes: [email]",
        "UsernameAttributes: [email]\n      AliasAttributes: [preferred_username]",
    );
    assert_eq!(outcome(&report(POOL, &alias), "Pool"), Outcome::UpdateFails);
    let case = POOL.replace(
        "UsernameAttributes: [email]",
        "UsernameAttributes: [email]\n      UsernameConfiguration: {CaseSensitive: false}",
    );
    assert_eq!(outcome(&report(POOL, &case), "Pool"), Outcome::UpdateFails);
}

#[test]
fn cognito_schema_adding_a_custom_attribute_stays_in_place() {
    let new =
        format!("{POOL}        - {{Name: level, AttributeDataType: Number, Mutable: true}}\n");
    let r = report(POOL, &new);
    assert_eq!(outcome(&r, "Pool"), Outcome::InPlace);
    assert_eq!(r.exit_code(), 0);
}

#[test]
fn cognito_schema_modify_delete_or_new_required_attribute_fails() {
    let modified = POOL.replace(
        "{Name: team, AttributeDataType: String, Mutable: true}",
        "{Name: team, AttributeDataType: String, Mutable: false}",
    );
    let r = report(POOL, &modified);
    assert_eq!(outcome(&r, "Pool"), Outcome::UpdateFails);
    assert!(r.get("Pool").unwrap().reason.en.contains("`team`"));
    let deleted = POOL.replace(
        "        - {Name: team, AttributeDataType: String, Mutable: true}\n",
        "",
    );
    assert_eq!(
        outcome(&report(POOL, &deleted), "Pool"),
        Outcome::UpdateFails
    );
    let required =
        format!("{POOL}        - {{Name: level, AttributeDataType: Number, Required: true}}\n");
    let r = report(POOL, &required);
    assert_eq!(outcome(&r, "Pool"), Outcome::UpdateFails);
    assert!(r.get("Pool").unwrap().reason.en.contains("required"));
}

const VM: &str = r"
Resources:
  Vm:
    Type: AWS::EC2::Instance
    Properties: {ImageId: ami-1, InstanceType: t3.micro}
";

// InstanceType: "Update requires: Some interruptions"; "an instance with an instance store volume
// as the root volume is always replaced" —
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-instance.html
#[test]
fn ec2_instance_type_is_a_stop_start_that_keeps_data() {
    let r = report(VM, &VM.replace("t3.micro", "t3.large"));
    let vm = r.get("Vm").unwrap();
    assert_eq!(
        (vm.replacement, vm.outcome),
        (Replacement::False, Outcome::InPlace)
    );
    assert!(
        vm.reason.en.starts_with("some interruptions"),
        "{}",
        vm.reason.en
    );
    assert!(vm.reason.ko.contains("중지"), "{}", vm.reason.ko);
    assert_eq!(r.exit_code(), 0);
}

#[test]
fn ec2_instance_type_on_an_instance_store_backed_instance_replaces_it() {
    let store = VM.replace(
        "    Properties:",
        "    Metadata: {gureum: {root_device: instance-store}}\n    Properties:",
    );
    let r = report(&store, &store.replace("t3.micro", "t3.large"));
    let vm = r.get("Vm").unwrap();
    assert_eq!(
        (vm.replacement, vm.outcome),
        (Replacement::True, Outcome::ReplacedDataLost)
    );
    assert_eq!(r.exit_code(), 3);
}

// "If you change the value of the KeySpec property on an existing KMS key, the update request
// fails, regardless of the value of the UpdateReplacePolicy attribute" —
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-kms-key.html
#[test]
fn kms_key_spec_change_fails_regardless_of_update_replace_policy() {
    let old = "Resources:\n  Key:\n    Type: AWS::KMS::Key\n    UpdateReplacePolicy: Retain\n    Properties: {KeySpec: SYMMETRIC_DEFAULT}\n";
    let r = report(old, &old.replace("SYMMETRIC_DEFAULT", "RSA_2048"));
    let k = r.get("Key").unwrap();
    assert_eq!(k.outcome, Outcome::UpdateFails);
    assert!(
        k.reason.en.contains("regardless of UpdateReplacePolicy"),
        "{}",
        k.reason.en
    );
    assert_eq!(r.exit_code(), 4);
    // Removing the key schedules its deletion: data encrypted under it becomes unreadable.
    let r = report(old, "Resources: {}\n");
    assert_eq!(outcome(&r, "Key"), Outcome::RemovedDataLost);
    assert!(r.summary.en.contains("key material"), "{}", r.summary.en);
}

// "File system deletion is a destructive action that you can't undo. You lose the file system and
// any data you have in it." — https://docs.aws.amazon.com/efs/latest/ug/delete-efs-fs.html
#[test]
fn efs_replacement_loses_every_file() {
    let old = "Resources:\n  Files:\n    Type: AWS::EFS::FileSystem\n    Properties: {PerformanceMode: generalPurpose}\n";
    let r = report(old, &old.replace("generalPurpose", "maxIO"));
    let f = r.get("Files").unwrap();
    assert_eq!(
        (f.replacement, f.outcome),
        (Replacement::True, Outcome::ReplacedDataLost)
    );
    assert_eq!(r.exit_code(), 3);
    assert_eq!(
        f.data_at_risk.as_ref().unwrap().en,
        "every file in the file system"
    );
    assert!(r.summary.en.contains("Files every file in the file system"));
}

// DeleteLogGroup "permanently deletes all the archived log events associated with the log group" —
// https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_DeleteLogGroup.html
#[test]
fn log_group_replacement_and_removal_lose_its_events() {
    let old = "Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n    Properties: {LogGroupName: /app/a}\n";
    let r = report(old, &old.replace("/app/a", "/app/b"));
    assert_eq!(outcome(&r, "Logs"), Outcome::ReplacedDataLost);
    assert_eq!(r.exit_code(), 3);
    assert!(r.summary.ko.contains("로그 이벤트"), "{}", r.summary.ko);
    let r = report(old, "Resources: {}\n");
    assert_eq!(outcome(&r, "Logs"), Outcome::RemovedDataLost);
}

// DeleteStream "deletes a Kinesis data stream and all its shards and data" —
// https://docs.aws.amazon.com/kinesis/latest/APIReference/API_DeleteStream.html
// and "The default behavior of CloudFormation is to delete the secret with the
// ForceDeleteWithoutRecovery flag" —
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-deletionpolicy.html
#[test]
fn removing_a_stream_or_a_secret_loses_data_but_a_retained_one_does_not() {
    let old = "Resources:\n  S:\n    Type: AWS::Kinesis::Stream\n    Properties: {ShardCount: 1}\n  Sec:\n    Type: AWS::SecretsManager::Secret\n    Properties: {GenerateSecretString: {}}\n";
    let r = report(old, "Resources: {}\n");
    assert_eq!(outcome(&r, "S"), Outcome::RemovedDataLost);
    assert_eq!(outcome(&r, "Sec"), Outcome::RemovedDataLost);
    let retained = old.replace(
        "    Type: AWS::Kinesis::Stream\n",
        "    Type: AWS::Kinesis::Stream\n    DeletionPolicy: Retain\n",
    );
    assert_eq!(
        outcome(&report(&retained, "Resources: {}\n"), "S"),
        Outcome::RemovedRetained
    );
}

#[test]
fn every_data_holding_type_says_what_is_lost_and_cites_a_source() {
    let t = cfn::table();
    let marked: Vec<_> = t.curated_types().filter(|c| c.holds_data).collect();
    assert!(marked.len() >= 50, "{} types marked", marked.len());
    for c in &marked {
        let s = c.source.as_deref().unwrap_or("");
        assert!(
            s.starts_with("https://docs.aws.amazon.com/"),
            "{}: {s}",
            c.name
        );
    }
    for name in [
        "AWS::EFS::FileSystem",
        "AWS::Logs::LogGroup",
        "AWS::Kinesis::Stream",
        "AWS::RDS::DBCluster",
        "AWS::DocDB::DBCluster",
        "AWS::Neptune::DBCluster",
        "AWS::OpenSearchService::Domain",
        "AWS::Elasticsearch::Domain",
        "AWS::ElastiCache::ReplicationGroup",
        "AWS::SQS::Queue",
        "AWS::KMS::Key",
        "AWS::DynamoDB::Table",
        "AWS::S3::Bucket",
        "AWS::Cognito::UserPool",
    ] {
        assert!(t.holds_data(name), "{name}");
    }
    // Borderline types left unmarked say why.
    for name in [
        "AWS::ECR::Repository",
        "AWS::DAX::Cluster",
        "AWS::SNS::Topic",
    ] {
        let c = t.curated(name).unwrap();
        assert!(!c.holds_data && c.why_not.is_some(), "{name}");
    }
}

const PARAM_TABLE: &str = r"
Parameters:
  TableName: {Type: String, Default: users}
Resources:
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: !Ref TableName
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
      KeySchema: [{AttributeName: id, KeyType: HASH}]
";

// CloudFormation compares resolved values: a new default for a parameter that feeds TableName
// (a replacement property) replaces the table —
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-dynamodb-table.html
#[test]
fn parameter_default_change_feeding_table_name_replaces_the_table() {
    let new = PARAM_TABLE.replace("Default: users", "Default: members");
    let r = report(PARAM_TABLE, &new);
    let t = r.get("Table").unwrap();
    assert_eq!(t.action, Action::Modify);
    assert_eq!(
        (t.replacement, t.outcome),
        (Replacement::True, Outcome::ReplacedDataLost)
    );
    assert_eq!(r.exit_code(), 3);
    assert!(
        !r.summary.en.starts_with("No data lost"),
        "{}",
        r.summary.en
    );
}

#[test]
fn given_parameters_apply_to_both_sides_or_to_one() {
    let (old, new) = (parse("o", PARAM_TABLE), parse("n", PARAM_TABLE));
    let both = Params {
        both: BTreeMap::from([("TableName".into(), "x".into())]),
        ..Params::default()
    };
    let r = cfn::evaluate_with(&old, &new, None, &BTreeMap::new(), &both);
    assert_eq!(outcome(&r, "Table"), Outcome::Unchanged);
    let one = Params {
        new: BTreeMap::from([("TableName".into(), "x".into())]),
        ..Params::default()
    };
    let r = cfn::evaluate_with(&old, &new, None, &BTreeMap::new(), &one);
    assert_eq!(outcome(&r, "Table"), Outcome::ReplacedDataLost);
}

const COND_TABLE: &str = r"
Parameters:
  Env: {Type: String, Default: dev}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  HasName: !Not [!Condition IsProd]
Resources:
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: !If [HasName, fixed-name, !Ref 'AWS::NoValue']
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions: [{AttributeName: id, AttributeType: S}, {AttributeName: pk, AttributeType: S}]
      KeySchema: [{AttributeName: !If [IsProd, pk, id], KeyType: HASH}]
";

// Fn::If picks its branch through Conditions; AWS::NoValue removes the property —
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-conditions.html
#[test]
fn condition_driven_key_schema_change_replaces_and_a_conditional_name_is_dropped() {
    let new = COND_TABLE.replace("Default: dev", "Default: prod");
    let r = report(COND_TABLE, &new);
    let t = r.get("Table").unwrap();
    // In dev the fixed name is set; in prod it is removed (NoValue): the key schema change
    // replaces the table instead of failing on a custom name.
    assert_eq!(
        (t.replacement, t.outcome),
        (Replacement::True, Outcome::ReplacedDataLost)
    );
    assert!(t.changes.iter().any(|c| c.name == "KeySchema"));
    assert!(t.changes.iter().any(|c| c.name == "TableName"));
}

#[test]
fn a_value_that_cannot_be_computed_is_unknown_never_no_change() {
    let old = "Parameters:\n  Name: {Type: String}\nResources:\n  Table:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      TableName: !Ref Name\n";
    let new = old.replace("TableName: !Ref Name", "TableName: !Sub '${Name}-v2'");
    let r = report(old, &new);
    let t = r.get("Table").unwrap();
    assert_eq!(t.outcome, Outcome::Unknown);
    assert_eq!(t.changes[0].evaluation, Evaluation::Unknown);
    assert_eq!(t.changes[0].causing_entity.as_deref(), Some("Name"));
    assert!(
        t.reason
            .ko
            .starts_with("알 수 없음 (값을 계산할 수 없어요)"),
        "{}",
        t.reason.ko
    );
    assert_eq!(r.exit_code(), 5);
    // The same unknown value on both sides is the same value.
    assert_eq!(outcome(&report(old, old), "Table"), Outcome::Unchanged);
}

// Fn::ForEach needs the AWS::LanguageExtensions transform —
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-foreach.html
#[test]
fn for_each_expands_with_the_language_extensions_transform() {
    let text = r"
Transform: AWS::LanguageExtensions
Parameters:
  Names: {Type: CommaDelimitedList, Default: 'a,b'}
Resources:
  Fn::ForEach::Queues:
    - Name
    - !Ref Names
    - Queue${Name}:
        Type: AWS::SQS::Queue
        Properties: {QueueName: !Sub 'q-${Name}'}
";
    let t = parse("t.yaml", text);
    let ids: Vec<&String> = t.resources.keys().collect();
    assert_eq!(ids, ["Queuea", "Queueb"]);
    let r = report(text, &text.replace("'a,b'", "'a'"));
    assert_eq!(outcome(&r, "Queueb"), Outcome::RemovedDataLost);
}

#[test]
fn yaml_duplicate_key_names_the_duplicate_line() {
    let text = "Resources:\n  A:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: a\n      DisplayName: b\n      TopicName: c\n";
    let e = cfn::parse("t.yaml", text).unwrap_err();
    assert_eq!(e.line, Some(7), "{}", e.message(true));
    assert!(
        e.problem.en.contains("duplicate key `TopicName`"),
        "{}",
        e.problem.en
    );
}

// "Template body size in an Amazon S3 object: 1 MB" —
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html
#[test]
fn oversized_and_overly_nested_templates_are_refused_with_the_limit() {
    let big = format!(
        "Resources: {{}}\n#{}\n",
        "x".repeat(cfn::template::MAX_TEMPLATE_BYTES)
    );
    let e = cfn::parse("big.yaml", &big).unwrap_err();
    assert!(e.problem.en.contains("1 MB"), "{}", e.problem.en);
    assert!(
        e.problem.en.contains("cloudformation-limits"),
        "{}",
        e.problem.en
    );
    let deep = format!(
        "Resources: {{A: {{Type: T, Properties: {{P: {}1{}}}}}}}\n",
        "[".repeat(100),
        "]".repeat(100)
    );
    let e = cfn::parse("deep.yaml", &deep).unwrap_err();
    assert!(
        e.problem.en.contains("nested too deeply"),
        "{}",
        e.problem.en
    );
    let deep_json = format!("{{\"Resources\": {}1{}}}", "[".repeat(200), "]".repeat(200));
    let e = cfn::parse("deep.json", &deep_json).unwrap_err();
    assert!(
        e.problem.en.contains("nested too deeply"),
        "{}",
        e.problem.en
    );
}
