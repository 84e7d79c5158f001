//! Phoenix servers and configuration drift: a small model of the learner's note.
//!
//! N servers start identical from one template (an AMI plus a launch template). Over time people
//! change them by hand: a security patch here, a debug log level there. Each change makes that
//! server *drift* from the template, and the servers stop being alike ("snowflakes"). A
//! *phoenix* rebuild throws every server away and builds it again from the template: the drift
//! is gone, and so is everything that lived only on the servers: uploaded files on the local disk,
//! sessions in memory, local logs, and the hand-made fixes nobody wrote back into the template.
//! Data kept elsewhere (S3, EFS, `DynamoDB` or `ElastiCache`, `CloudWatch` Logs) survives.
//!
//! The model also says which drift `CloudFormation`'s drift detection could see: only resource
//! properties it manages (the instance type, a security group rule), never a package upgraded
//! inside the server.
//!
//! Hand changes are drawn from a fixed catalogue with a seeded `ChaCha8` RNG, so the same seed
//! gives the same story. [`simulate`] is pure.

use std::collections::BTreeSet;

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::Explanation;
use crate::challenge::{Condition, Header, Op, ReadError, read_preset};

/// Most servers the model builds.
pub const SERVERS_MAX: u32 = 20;
/// Most hand changes the model applies.
pub const CHANGES_MAX: u32 = 200;
/// Most uploaded files or sessions the model counts.
pub const COUNT_MAX: u64 = 100_000_000;

/// Martin Fowler's `PhoenixServer` (the note's source).
pub const SRC_PHOENIX: &str = "https://martinfowler.com/bliki/PhoenixServer.html";
/// Kief Morris, "Configuration Drift" (the note's source).
pub const SRC_DRIFT: &str = "http://kief.com/configuration-drift.html";
/// `CloudFormation` drift detection: which properties it compares.
pub const SRC_CFN_DRIFT: &str =
    "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-stack-drift.html";
/// EBS root volumes are deleted when the instance terminates (`DeleteOnTermination`).
pub const SRC_EBS_TERMINATE: &str =
    "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/preserving-volumes-on-termination.html";

/// Where user uploads are stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FileStore {
    /// The server's own disk (the root EBS volume): gone with the server.
    #[default]
    Local,
    /// Amazon S3.
    S3,
    /// Amazon EFS, mounted by every server.
    Efs,
}

/// Where login sessions are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SessionStore {
    /// In the server's memory (with sticky sessions): gone with the server.
    #[default]
    Local,
    /// A `DynamoDB` table.
    Dynamodb,
    /// An `ElastiCache` cluster.
    Elasticache,
}

/// Where logs go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogStore {
    /// Files on the server.
    #[default]
    Local,
    /// Shipped to `CloudWatch` Logs.
    Cloudwatch,
}

/// The fleet, the hand changes and where the data lives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PhoenixConfig {
    /// Servers built from the template, 1-20.
    pub servers: u32,
    /// Hand changes made since the last rebuild, 0-200.
    pub hand_changes: u32,
    /// Whether the hand-made *fixes* were also written back into the template.
    pub fixes_in_template: bool,
    /// Files users uploaded since the last rebuild.
    pub uploads: u64,
    /// Where the uploads are.
    pub uploads_store: FileStore,
    /// Logged-in sessions right now.
    pub sessions: u64,
    /// Where the sessions are.
    pub sessions_store: SessionStore,
    /// Where the logs are.
    pub logs_store: LogStore,
    /// Whether to rebuild every server from the template now.
    pub rebuild: bool,
    /// Seeds which server gets which hand change.
    pub seed: u64,
}

impl Default for PhoenixConfig {
    fn default() -> Self {
        Self {
            servers: 3,
            hand_changes: 5,
            fixes_in_template: false,
            uploads: 1_200,
            uploads_store: FileStore::Local,
            sessions: 300,
            sessions_store: SessionStore::Local,
            logs_store: LogStore::Local,
            rebuild: true,
            seed: 1,
        }
    }
}

/// A config outside the model's limits.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PhoenixError {
    /// A number outside its range.
    #[error(
        "{field} 값 {value}{j} {range} 범위여야 해요 / {field} = {value} must be within {range}",
        j = crate::josa::eun(&.value.to_string())
    )]
    OutOfRange {
        /// The config field.
        field: &'static str,
        /// The rejected value.
        value: u64,
        /// The allowed range.
        range: &'static str,
    },
    /// A scenario file that does not parse or check.
    #[error("시나리오 {id}{j} 쓸 수 없어요 / scenario {id} cannot be used: {message}", j = crate::josa::eul(.id))]
    Preset {
        /// The preset id.
        id: String,
        /// What is wrong (TOML errors carry the line).
        message: String,
    },
    /// A scenario file newer than this build.
    #[error(transparent)]
    Newer(#[from] crate::challenge::NewerFormat),
}

/// Whether `CloudFormation` drift detection can see a property.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    /// A resource property `CloudFormation` manages (visible to drift detection).
    Resource,
    /// A change inside the operating system (invisible to drift detection).
    InServer,
}

/// Why someone made a hand change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeKind {
    /// A real fix (patch, capacity) that should have gone into the template.
    Fix,
    /// A temporary change for debugging that was never undone.
    Debug,
}

struct CatalogEntry {
    property: &'static str,
    template: &'static str,
    value: &'static str,
    level: Level,
    kind: ChangeKind,
    ko: &'static str,
    en: &'static str,
}

const fn entry(
    property: &'static str,
    template: &'static str,
    value: &'static str,
    level: Level,
    kind: ChangeKind,
    text: (&'static str, &'static str),
) -> CatalogEntry {
    CatalogEntry {
        property,
        template,
        value,
        level,
        kind,
        ko: text.0,
        en: text.1,
    }
}

/// The hand changes people make to servers, with the template's value for each property.
const CATALOG: [CatalogEntry; 8] = [
    entry(
        "openssl",
        "3.0.13",
        "3.0.14",
        Level::InServer,
        ChangeKind::Fix,
        (
            "보안 패치를 SSH로 들어가 손으로 설치",
            "security patch installed by hand over SSH",
        ),
    ),
    entry(
        "nginx",
        "1.24.0",
        "1.25.3",
        Level::InServer,
        ChangeKind::Fix,
        (
            "버그 때문에 nginx를 손으로 업그레이드",
            "nginx upgraded by hand for a bug",
        ),
    ),
    entry(
        "app.log_level",
        "info",
        "debug",
        Level::InServer,
        ChangeKind::Debug,
        (
            "장애 조사하느라 로그 레벨을 debug로",
            "log level set to debug during an incident",
        ),
    ),
    entry(
        "cron",
        "-",
        "0 3 * * * cleanup.sh",
        Level::InServer,
        ChangeKind::Fix,
        (
            "디스크가 차서 정리 cron을 손으로 추가",
            "cleanup cron added by hand when the disk filled",
        ),
    ),
    entry(
        "timezone",
        "UTC",
        "Asia/Seoul",
        Level::InServer,
        ChangeKind::Debug,
        (
            "로그 읽기 편하게 시간대를 바꿈",
            "time zone changed to read logs more easily",
        ),
    ),
    entry(
        "sshd.port",
        "22",
        "2222",
        Level::InServer,
        ChangeKind::Debug,
        ("SSH 포트를 손으로 바꿈", "SSH port changed by hand"),
    ),
    entry(
        "InstanceType",
        "t3.small",
        "t3.large",
        Level::Resource,
        ChangeKind::Fix,
        (
            "메모리가 모자라 콘솔에서 인스턴스 유형을 바꿈",
            "instance type changed in the console for memory",
        ),
    ),
    entry(
        "SecurityGroupIngress",
        "443",
        "443, 22 (0.0.0.0/0)",
        Level::Resource,
        ChangeKind::Debug,
        (
            "디버깅하려고 22번 포트를 전 세계에 열어 둠",
            "port 22 opened to the world for debugging",
        ),
    ),
];

/// One hand change, in the order it happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HandChange {
    /// Server name, e.g. `web-2`.
    pub server: String,
    /// The property changed.
    pub property: String,
    /// The new value.
    pub value: String,
    /// Fix or debug leftover.
    pub kind: ChangeKind,
    /// What happened, Korean.
    pub ko: String,
    /// What happened, English.
    pub en: String,
}

/// One property of one server that differs from the template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Drift {
    /// The property.
    pub property: String,
    /// The template's value.
    pub template: String,
    /// The server's value.
    pub actual: String,
    /// Whether `CloudFormation` drift detection can see it.
    pub level: Level,
}

/// One server before the rebuild.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Server {
    /// Name, `web-1`...
    pub name: String,
    /// Properties that differ from the template.
    pub drift: Vec<Drift>,
    /// Uploaded files on its local disk (0 when uploads live elsewhere).
    pub local_files: u64,
}

/// The result: drift before, what a rebuild fixes, what it loses.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PhoenixReport {
    /// The hand changes, in order.
    pub changes: Vec<HandChange>,
    /// Each server before the rebuild.
    pub servers: Vec<Server>,
    /// Servers with at least one drifted property.
    pub drifted_servers: u32,
    /// Drifted properties over all servers.
    pub drifted_properties: u32,
    /// Of them, visible to `CloudFormation` drift detection.
    pub cfn_detectable: u32,
    /// Distinct configurations among the servers before the rebuild (1 = all alike).
    pub distinct_configs_before: u32,
    /// Distinct configurations after (1 when rebuilt).
    pub distinct_configs_after: u32,
    /// Drifted properties left after the rebuild (0 when rebuilt).
    pub drift_after: u32,
    /// Whether the fleet was rebuilt.
    pub rebuilt: bool,
    /// Hand-made fixes the rebuild undid because they were not in the template.
    pub reverted_fixes: u32,
    /// Uploaded files in all.
    pub files_total: u64,
    /// Uploaded files lost.
    pub files_lost: u64,
    /// Sessions lost (users logged out).
    pub sessions_lost: u64,
    /// Servers whose logs were lost.
    pub logs_lost_servers: u32,
    /// The explanation trail.
    pub explanation: Vec<Explanation>,
}

impl PhoenixReport {
    /// Uploaded files lost, percent of all uploads.
    pub fn files_lost_pct(&self) -> f64 {
        if self.files_total == 0 {
            0.0
        } else {
            self.files_lost as f64 * 100.0 / self.files_total as f64
        }
    }
}

fn check(
    field: &'static str,
    value: u64,
    max: u64,
    range: &'static str,
    min: u64,
) -> Result<(), PhoenixError> {
    if (min..=max).contains(&value) {
        Ok(())
    } else {
        Err(PhoenixError::OutOfRange {
            field,
            value,
            range,
        })
    }
}

impl PhoenixConfig {
    /// Checks the model's limits.
    pub fn validate(&self) -> Result<(), PhoenixError> {
        check(
            "servers",
            u64::from(self.servers),
            u64::from(SERVERS_MAX),
            "1-20",
            1,
        )?;
        check(
            "hand_changes",
            u64::from(self.hand_changes),
            u64::from(CHANGES_MAX),
            "0-200",
            0,
        )?;
        check("uploads", self.uploads, COUNT_MAX, "0-100000000", 0)?;
        check("sessions", self.sessions, COUNT_MAX, "0-100000000", 0)?;
        Ok(())
    }
}

fn line(rule: &str, ko: String, en: String, source: &str) -> Explanation {
    Explanation {
        rule: rule.to_owned(),
        ko,
        en,
        source: Some(source.to_owned()),
    }
}

/// Runs the model.
pub fn simulate(cfg: &PhoenixConfig) -> Result<PhoenixReport, PhoenixError> {
    cfg.validate()?;
    let mut rng = ChaCha8Rng::seed_from_u64(cfg.seed);
    let n = cfg.servers as usize;
    // Each server's values for the catalogue's properties, starting from the template.
    let mut values: Vec<Vec<&str>> = vec![CATALOG.iter().map(|c| c.template).collect(); n];
    let mut changes = Vec::new();
    let mut fixed_props = BTreeSet::new();
    for _ in 0..cfg.hand_changes {
        let s = rng.random_range(0..n);
        let c = rng.random_range(0..CATALOG.len());
        let e = &CATALOG[c];
        values[s][c] = e.value;
        if e.kind == ChangeKind::Fix {
            fixed_props.insert(c);
        }
        changes.push(HandChange {
            server: format!("web-{}", s + 1),
            property: e.property.to_owned(),
            value: e.value.to_owned(),
            kind: e.kind,
            ko: e.ko.to_owned(),
            en: e.en.to_owned(),
        });
    }
    // The template in force: with `fixes_in_template`, every fix somebody made is written back.
    let template: Vec<&str> = CATALOG
        .iter()
        .enumerate()
        .map(|(i, c)| {
            if cfg.fixes_in_template && fixed_props.contains(&i) {
                c.value
            } else {
                c.template
            }
        })
        .collect();
    let per_server = |i: usize| {
        let base = cfg.uploads / n as u64;
        base + u64::from((i as u64) < cfg.uploads % n as u64)
    };
    let servers: Vec<Server> = values
        .iter()
        .enumerate()
        .map(|(i, v)| Server {
            name: format!("web-{}", i + 1),
            drift: CATALOG
                .iter()
                .enumerate()
                .filter(|(c, _)| v[*c] != template[*c])
                .map(|(c, e)| Drift {
                    property: e.property.to_owned(),
                    template: template[c].to_owned(),
                    actual: v[c].to_owned(),
                    level: e.level,
                })
                .collect(),
            local_files: if cfg.uploads_store == FileStore::Local {
                per_server(i)
            } else {
                0
            },
        })
        .collect();
    let distinct_before = values.iter().collect::<BTreeSet<_>>().len() as u32;
    let drifted_properties: u32 = servers.iter().map(|s| s.drift.len() as u32).sum();
    let cfn_detectable = servers
        .iter()
        .flat_map(|s| &s.drift)
        .filter(|d| d.level == Level::Resource)
        .count() as u32;
    // A fix is undone on every server that had it when it is not in the template.
    let reverted_fixes = if cfg.rebuild {
        servers
            .iter()
            .flat_map(|s| &s.drift)
            .filter(|d| {
                CATALOG.iter().any(|e| {
                    e.property == d.property && e.kind == ChangeKind::Fix && e.value == d.actual
                })
            })
            .count() as u32
    } else {
        0
    };
    let rebuilt = cfg.rebuild;
    let files_lost = if rebuilt && cfg.uploads_store == FileStore::Local {
        cfg.uploads
    } else {
        0
    };
    let sessions_lost = if rebuilt && cfg.sessions_store == SessionStore::Local {
        cfg.sessions
    } else {
        0
    };
    let logs_lost_servers = if rebuilt && cfg.logs_store == LogStore::Local {
        cfg.servers
    } else {
        0
    };
    let mut report = PhoenixReport {
        changes,
        drifted_servers: servers.iter().filter(|s| !s.drift.is_empty()).count() as u32,
        servers,
        drifted_properties,
        cfn_detectable,
        distinct_configs_before: distinct_before,
        distinct_configs_after: if rebuilt { 1 } else { distinct_before },
        drift_after: if rebuilt { 0 } else { drifted_properties },
        rebuilt,
        reverted_fixes,
        files_total: cfg.uploads,
        files_lost,
        sessions_lost,
        logs_lost_servers,
        explanation: Vec::new(),
    };
    report.explanation = explain(cfg, &report);
    Ok(report)
}

fn explain(cfg: &PhoenixConfig, r: &PhoenixReport) -> Vec<Explanation> {
    let mut out = vec![line(
        "phoenix.drift",
        format!(
            "손으로 한 변경 {}번 때문에 서버 {}대 중 {}대가 템플릿과 달라졌어요(속성 {}개). 서로 다른 구성이 {}가지예요: 구성 드리프트가 쌓여 서버마다 '눈송이'가 됐어요.",
            r.changes.len(),
            cfg.servers,
            r.drifted_servers,
            r.drifted_properties,
            r.distinct_configs_before
        ),
        format!(
            "{} hand changes left {} of {} servers different from the template ({} properties), in {} distinct configurations: configuration drift turned them into snowflakes.",
            r.changes.len(),
            r.drifted_servers,
            cfg.servers,
            r.drifted_properties,
            r.distinct_configs_before
        ),
        SRC_DRIFT,
    )];
    out.push(line(
        "phoenix.cfn-drift",
        format!(
            "CloudFormation 드리프트 감지로 보이는 건 그중 {}개뿐이에요. 드리프트 감지는 템플릿이 관리하는 리소스 속성(인스턴스 유형, 보안 그룹)만 비교하고, 서버 안에서 바꾼 패키지나 설정 파일은 못 봐요.",
            r.cfn_detectable
        ),
        format!(
            "CloudFormation drift detection sees only {} of them: it compares resource properties the template manages (instance type, security group), never packages or files changed inside the server.",
            r.cfn_detectable
        ),
        SRC_CFN_DRIFT,
    ));
    if !r.rebuilt {
        out.push(line(
            "phoenix.no-rebuild",
            "다시 만들지 않았어요: 드리프트가 그대로 남아요. 서버가 고장 나면 지금 상태를 똑같이 다시 만들 방법이 없어요.".to_owned(),
            "No rebuild: the drift stays. If a server dies, nobody can rebuild it exactly as it is now.".to_owned(),
            SRC_PHOENIX,
        ));
        return out;
    }
    out.push(line(
        "phoenix.rebuild",
        format!(
            "피닉스: 서버 {}대를 모두 버리고 템플릿에서 다시 만들었어요. 이제 모두 같은 구성(1가지)이고 드리프트는 0이에요.",
            cfg.servers
        ),
        format!(
            "Phoenix: all {} servers were thrown away and rebuilt from the template. They now share one configuration and the drift is 0.",
            cfg.servers
        ),
        SRC_PHOENIX,
    ));
    if r.reverted_fixes > 0 {
        out.push(line(
            "phoenix.reverted-fixes",
            format!(
                "손으로 한 수정 {}건(보안 패치 등)이 템플릿에 없어서 함께 사라졌어요. 고친 내용은 AMI나 템플릿에 넣어야 다음 재구축에도 남아요.",
                r.reverted_fixes
            ),
            format!(
                "{} hand-made fixes (a security patch, ...) were not in the template and are gone too. Put fixes into the AMI or template so the next rebuild keeps them.",
                r.reverted_fixes
            ),
            SRC_PHOENIX,
        ));
    }
    let (ko, en) = match cfg.uploads_store {
        FileStore::Local => (
            format!(
                "업로드 파일 {}개가 서버의 로컬 디스크(루트 EBS 볼륨)에만 있었어요. 인스턴스를 종료하면 루트 볼륨도 기본으로 삭제돼서 모두 잃었어요.",
                r.files_total
            ),
            format!(
                "{} uploaded files lived only on the servers' local disks (root EBS volumes), which are deleted with the instance by default: all lost.",
                r.files_total
            ),
        ),
        FileStore::S3 | FileStore::Efs => (
            format!(
                "업로드 파일 {}개는 {}에 있어서 재구축해도 그대로예요.",
                r.files_total,
                if cfg.uploads_store == FileStore::S3 {
                    "S3"
                } else {
                    "EFS"
                }
            ),
            format!(
                "{} uploaded files were in {}, so the rebuild kept them.",
                r.files_total,
                if cfg.uploads_store == FileStore::S3 {
                    "S3"
                } else {
                    "EFS"
                }
            ),
        ),
    };
    out.push(line("phoenix.uploads", ko, en, SRC_EBS_TERMINATE));
    let (ko, en) = match cfg.sessions_store {
        SessionStore::Local => (
            format!(
                "서버 메모리에 있던 세션 {}개가 사라져서 그 사용자들은 다시 로그인해야 해요.",
                r.sessions_lost
            ),
            format!(
                "{} sessions in server memory are gone: those users must log in again.",
                r.sessions_lost
            ),
        ),
        SessionStore::Dynamodb | SessionStore::Elasticache => (
            "세션은 서버 밖(DynamoDB/ElastiCache)에 있어서 어느 서버가 새로 생겨도 로그인이 유지돼요.".to_owned(),
            "Sessions live outside the servers (DynamoDB/ElastiCache), so logins survive any server being replaced.".to_owned(),
        ),
    };
    out.push(line("phoenix.sessions", ko, en, SRC_PHOENIX));
    if cfg.logs_store == LogStore::Local {
        out.push(line(
            "phoenix.logs",
            format!(
                "서버 {}대의 로컬 로그도 사라졌어요. CloudWatch Logs로 보내 두면 남아요.",
                r.logs_lost_servers
            ),
            format!(
                "Local logs of {} servers are gone too; ship them to CloudWatch Logs to keep them.",
                r.logs_lost_servers
            ),
            SRC_PHOENIX,
        ));
    }
    out
}

/// A phoenix scenario: the shared header (story, `fixed`) and the starting config
/// (`scenarios/phoenix-*.toml`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Preset {
    /// Version, id (the file stem), story and `fixed`.
    #[serde(flatten)]
    pub header: Header,
    /// The starting configuration.
    pub config: PhoenixConfig,
}

crate::deref_header!(Preset);

impl Preset {
    /// Parses and checks one preset file (`id` is its name or file stem).
    pub fn from_toml(id: &str, text: &str) -> Result<Self, PhoenixError> {
        let err = |message: String| PhoenixError::Preset {
            id: id.to_owned(),
            message,
        };
        let p: Self = read_preset::<Self>(id, text, |p| &mut p.header).map_err(|e| match e {
            ReadError::Newer(e) => PhoenixError::Newer(e),
            other => err(other.to_string()),
        })?;
        p.config.validate().map_err(|e| err(e.to_string()))?;
        Ok(p)
    }

    /// The challenge: rebuild the fleet and lose no upload, no session and no fix.
    pub fn conditions(&self) -> [Condition<Metric>; 4] {
        [
            Condition::new(Metric::Rebuilt, Op::Eq, 1.0)
                .labelled("서버를 다시 만들기", "rebuild the servers"),
            Condition::new(Metric::FilesLost, Op::Eq, 0.0),
            Condition::new(Metric::SessionsLost, Op::Eq, 0.0),
            Condition::new(Metric::RevertedFixes, Op::Eq, 0.0),
        ]
    }

    /// Whether a run meets every condition.
    pub fn passes(&self, r: &PhoenixReport) -> bool {
        self.conditions().iter().all(|c| c.holds(c.metric.value(r)))
    }
}

/// A result number a phoenix condition tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    /// 1 when the fleet was rebuilt.
    Rebuilt,
    /// `PhoenixReport::files_lost`.
    FilesLost,
    /// `PhoenixReport::sessions_lost`.
    SessionsLost,
    /// `PhoenixReport::reverted_fixes`.
    RevertedFixes,
}

impl Metric {
    /// The metric's value in `r`.
    pub fn value(self, r: &PhoenixReport) -> f64 {
        match self {
            Self::Rebuilt => f64::from(u8::from(r.rebuilt)),
            Self::FilesLost => r.files_lost as f64,
            Self::SessionsLost => r.sessions_lost as f64,
            Self::RevertedFixes => f64::from(r.reverted_fixes),
        }
    }
}

impl crate::challenge::Metric for Metric {
    fn id(&self) -> &str {
        match self {
            Self::Rebuilt => "rebuilt",
            Self::FilesLost => "files_lost",
            Self::SessionsLost => "sessions_lost",
            Self::RevertedFixes => "reverted_fixes",
        }
    }
    fn names(&self) -> (&str, &str) {
        match self {
            Self::Rebuilt => ("서버를 다시 만들기", "rebuild the servers"),
            Self::FilesLost => ("잃은 업로드 파일", "uploaded files lost"),
            Self::SessionsLost => ("잃은 세션", "sessions lost"),
            Self::RevertedFixes => ("되돌려진 손 패치", "hand-made fixes reverted"),
        }
    }
}

impl crate::Localize for PhoenixError {
    fn localize(&self, en: bool) -> String {
        match self {
            Self::Preset { id, message } if message.contains("TOML parse error") => {
                if en {
                    format!("scenario {id} cannot be used: {}", message.trim_end())
                } else {
                    format!(
                        "시나리오 {id}{} 쓸 수 없어요: {}",
                        crate::josa::eul(id),
                        crate::lang::toml_message(message, false)
                    )
                }
            }
            Self::Newer(e) => e.localize(en),
            _ => crate::lang::pick(&self.to_string(), en),
        }
    }
}

const FILES: [(&str, &str); 1] = [(
    "phoenix-drift",
    include_str!("../scenarios/phoenix-drift.toml"),
)];

/// All embedded phoenix presets, or the first broken one.
pub fn try_presets() -> Result<Vec<Preset>, PhoenixError> {
    FILES
        .iter()
        .map(|(id, text)| Preset::from_toml(id, text))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rebuild_removes_drift_and_local_data() {
        let r = simulate(&PhoenixConfig {
            hand_changes: 12,
            ..PhoenixConfig::default()
        })
        .unwrap();
        assert!(r.drifted_properties > 0 && r.distinct_configs_before > 1);
        assert_eq!((r.drift_after, r.distinct_configs_after), (0, 1));
        assert_eq!(r.files_lost, 1_200);
        assert_eq!(r.sessions_lost, 300);
        assert!(r.cfn_detectable <= r.drifted_properties);
        assert_eq!(
            r.servers.iter().map(|s| s.local_files).sum::<u64>(),
            1_200,
            "uploads are spread over the servers"
        );
    }

    #[test]
    fn data_kept_elsewhere_survives_and_fixes_in_template_are_kept() {
        let cfg = PhoenixConfig {
            hand_changes: 12,
            uploads_store: FileStore::S3,
            sessions_store: SessionStore::Dynamodb,
            logs_store: LogStore::Cloudwatch,
            fixes_in_template: true,
            ..PhoenixConfig::default()
        };
        let r = simulate(&cfg).unwrap();
        assert_eq!(
            (r.files_lost, r.sessions_lost, r.logs_lost_servers),
            (0, 0, 0)
        );
        assert_eq!(r.reverted_fixes, 0);
        let p = try_presets().unwrap().remove(0);
        assert!(p.passes(&r));
    }

    #[test]
    fn no_rebuild_keeps_data_and_drift() {
        let r = simulate(&PhoenixConfig {
            rebuild: false,
            hand_changes: 8,
            ..PhoenixConfig::default()
        })
        .unwrap();
        assert_eq!(r.files_lost, 0);
        assert_eq!(r.drift_after, r.drifted_properties);
        assert_eq!(r.distinct_configs_after, r.distinct_configs_before);
    }

    #[test]
    fn no_changes_no_drift_and_limits() {
        let r = simulate(&PhoenixConfig {
            hand_changes: 0,
            ..PhoenixConfig::default()
        })
        .unwrap();
        assert_eq!((r.drifted_properties, r.distinct_configs_before), (0, 1));
        assert!(
            simulate(&PhoenixConfig {
                servers: 0,
                ..PhoenixConfig::default()
            })
            .is_err()
        );
        assert!(
            simulate(&PhoenixConfig {
                servers: 21,
                ..PhoenixConfig::default()
            })
            .is_err()
        );
    }

    #[test]
    fn the_shipped_preset_fails_as_shipped() {
        let p = try_presets().unwrap().remove(0);
        let r = simulate(&p.config).unwrap();
        assert!(!p.passes(&r));
    }
}
