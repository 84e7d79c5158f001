//! The simulation screens' state: a list of presets, and one simulation with its parameters,
//! the learner's prediction, the result, and the challenge check.
//!
//! The models live in the `simulations` crate; this module only turns parameter edits into model
//! configs and keeps the last result for drawing. A run happens on a key press, never per frame.

use simulations::challenge::{ChallengeResult, Header};
use simulations::deploy::{self, DeployConfig, DeployResult};
use simulations::dynamodb::{self, KeyDistribution};
use simulations::lambda::{self, InvokeType, LambdaConfig, LambdaResult};
use simulations::phoenix::{self, PhoenixConfig, PhoenixReport};
use simulations::{cache, checks, replicas, sessions, throttle};

use crate::strings::{Lang, Strings};

pub mod cfn_entry;
pub mod compare;
mod newer;

/// A preset of either model.
#[derive(Debug, Clone)]
pub enum Preset {
    /// A Lambda execution-environment scenario.
    Lambda(lambda::Preset),
    /// A `DynamoDB` partition scenario.
    Ddb(dynamodb::Preset),
    /// The `CloudFormation` update scenario, which has a screen of its own.
    Cfn(cfn_entry::Entry),
    /// A traffic-shifting deployment (one strategy, or a comparison).
    Deploy(deploy::Preset),
    /// Phoenix servers and drift.
    Phoenix(phoenix::Preset),
    /// Where the cart lives (sessions).
    Sessions(sessions::Preset),
    /// Caching strategies.
    Cache(cache::Preset),
    /// Read replicas and failover.
    Replicas(replicas::Preset),
    /// API Gateway throttling.
    Throttle(throttle::Preset),
}

impl Preset {
    /// The header every preset file shares (version, id, texts, `fixed`); `None` for the
    /// `CloudFormation` entry, which has texts of its own.
    pub fn header(&self) -> Option<&Header> {
        match self {
            Self::Lambda(p) => Some(&p.header),
            Self::Ddb(p) => Some(&p.header),
            Self::Deploy(p) => Some(&p.header),
            Self::Phoenix(p) => Some(&p.header),
            Self::Sessions(p) => Some(&p.header),
            Self::Cache(p) => Some(&p.header),
            Self::Replicas(p) => Some(&p.header),
            Self::Throttle(p) => Some(&p.header),
            Self::Cfn(_) => None,
        }
    }
    /// Stable id, e.g. `lambda-cold-start`.
    pub fn id(&self) -> &str {
        match (self, self.header()) {
            (Self::Cfn(e), _) => &e.id,
            (_, h) => h.map_or("", |h| h.id.as_str()),
        }
    }
    /// The title in `lang`; the Korean one when the preset has no English text.
    pub fn title(&self, lang: Lang) -> &str {
        let [(ko, en), _, _] = self.texts();
        in_lang(lang, ko, en)
    }
    /// The description in `lang` (Korean when there is no English text).
    pub fn description(&self, lang: Lang) -> &str {
        let [_, (ko, en), _] = self.texts();
        in_lang(lang, ko, en)
    }
    /// The one-line challenge in `lang` (Korean when there is no English text).
    pub fn challenge(&self, lang: Lang) -> &str {
        let [_, _, (ko, en)] = self.texts();
        in_lang(lang, ko, en)
    }
    /// Title, description and challenge: each in Korean, with its English form if the file has one.
    fn texts(&self) -> [(&str, Option<&str>); 3] {
        match (self, self.header()) {
            (_, Some(h)) => [
                (h.title.as_str(), h.title_en.as_deref()),
                (h.description.as_str(), h.description_en.as_deref()),
                (h.challenge.as_str(), h.challenge_en.as_deref()),
            ],
            (Self::Cfn(e), None) => [
                (e.title.as_str(), Some(e.title_en.as_str())),
                (e.description.as_str(), Some(e.description_en.as_str())),
                (e.challenge.as_str(), Some(e.challenge_en.as_str())),
            ],
            (_, None) => [("", None); 3],
        }
    }
    /// What a Lambda preset's prediction is about ("cold starts", "DLQ", …), in `lang`.
    pub fn lambda_goal_word(&self, lang: Lang) -> &'static str {
        match self {
            Self::Lambda(p) => match lambda_goal(p) {
                lambda::Metric::Throttles => lang.pick("스로틀", "throttled"),
                lambda::Metric::Dlq | lambda::Metric::DlqPct => {
                    lang.pick("DLQ·버림", "to the DLQ or dropped")
                }
                _ => lang.pick("콜드 스타트", "cold starts"),
            },
            _ => "",
        }
    }
    /// Lesson tag that links the preset to lessons.
    pub fn topic(&self) -> &'static str {
        match self {
            Self::Lambda(_) => "lambda",
            Self::Ddb(_) => "dynamodb",
            Self::Cfn(_) => "cloudformation",
            Self::Deploy(p) if p.config.strategy.platform == deploy::Platform::ApiGateway => {
                "canary"
            }
            Self::Deploy(_) | Self::Phoenix(_) => "deployment",
            Self::Sessions(_) => "session",
            Self::Cache(_) => "caching",
            Self::Replicas(_) => "rds",
            Self::Throttle(_) => "api-gateway",
        }
    }
}

/// `en` in English mode when it is there and not blank, else the Korean text: a user's scenario
/// file may have only Korean.
fn in_lang<'a>(lang: Lang, ko: &'a str, en: Option<&'a str>) -> &'a str {
    match en {
        Some(en) if lang == Lang::En && !en.trim().is_empty() => en,
        _ => ko,
    }
}

/// Every built-in preset, Lambda first. Broken embedded files are skipped (tests keep them valid).
pub fn all_presets() -> Vec<Preset> {
    let mut out: Vec<Preset> = lambda::try_presets()
        .unwrap_or_default()
        .into_iter()
        .map(Preset::Lambda)
        .collect();
    out.extend(
        dynamodb::presets()
            .unwrap_or_default()
            .into_iter()
            .map(Preset::Ddb),
    );
    out.push(Preset::Cfn(cfn_entry::Entry::groups()));
    out.extend(
        deploy::try_presets()
            .unwrap_or_default()
            .into_iter()
            .map(Preset::Deploy),
    );
    out.extend(
        phoenix::try_presets()
            .unwrap_or_default()
            .into_iter()
            .map(Preset::Phoenix),
    );
    out.extend(
        sessions::presets()
            .unwrap_or_default()
            .into_iter()
            .map(Preset::Sessions),
    );
    out.extend(
        cache::presets()
            .unwrap_or_default()
            .into_iter()
            .map(Preset::Cache),
    );
    out.extend(
        replicas::presets()
            .unwrap_or_default()
            .into_iter()
            .map(Preset::Replicas),
    );
    out.extend(
        throttle::presets()
            .unwrap_or_default()
            .into_iter()
            .map(Preset::Throttle),
    );
    out
}

/// Which preset suits a lesson section: by keywords in the heading, then by the lesson's tags.
pub fn preset_for(heading: &str, tags: &[String], presets: &[Preset]) -> Option<usize> {
    let h = heading.to_lowercase();
    let by_heading = [
        ("콜드", "lambda-cold-start"),
        ("cold", "lambda-cold-start"),
        ("동시성", "lambda-burst"),
        ("concurren", "lambda-burst"),
        ("비동기", "lambda-async-dlq"),
        ("dlq", "lambda-async-dlq"),
        ("오류 처리", "lambda-async-dlq"),
        ("파티션", "ddb-hot-key"),
        ("partition", "ddb-hot-key"),
        ("처리량", "ddb-burst"),
        ("용량", "ddb-uniform"),
        ("rcu", "ddb-uniform"),
        ("wcu", "ddb-uniform"),
        ("cloudformation", "cfn-groups"),
        ("phoenix", "phoenix-drift"),
        ("피닉스", "phoenix-drift"),
        ("드리프트", "phoenix-drift"),
        ("drift", "phoenix-drift"),
        ("blue-green", "deploy-compare"),
        ("블루", "deploy-compare"),
        ("blue", "deploy-compare"),
        ("canary 릴리스", "deploy-apigw-canary"),
        ("카나리 릴리스", "deploy-apigw-canary"),
        ("카나리", "deploy-canary"),
        ("canary", "deploy-canary"),
        ("선형", "deploy-linear"),
        ("linear", "deploy-linear"),
        ("allatonce", "deploy-all-at-once"),
        ("트래픽", "deploy-compare"),
        ("배포 전략", "deploy-compare"),
        // MyClothes.com and the database notes (sessions, caching, replicas, failover).
        ("stateful web app", "sessions-sticky-failure"),
        ("쇼핑 카드", "sessions-sticky-failure"),
        ("stickiness", "sessions-sticky-failure"),
        ("session affinity", "sessions-sticky-failure"),
        ("고정 세션", "sessions-sticky-failure"),
        ("server session", "sessions-sticky-failure"),
        ("cookie", "sessions-cookie-cart"),
        ("쿠키", "sessions-cookie-cart"),
        ("세션", "sessions-sticky-failure"),
        ("write-through", "cache-node-failure"),
        ("write through", "cache-node-failure"),
        ("lazy", "cache-stale-prices"),
        ("지연 로딩", "cache-stale-prices"),
        ("db cache", "cache-stale-prices"),
        ("elasticache", "cache-stale-prices"),
        ("캐시", "cache-stale-prices"),
        ("캐싱", "cache-stale-prices"),
        ("read replica", "replicas-read-after-write"),
        ("읽기 복제본", "replicas-read-after-write"),
        ("scaling reads", "replicas-read-after-write"),
        ("read scal", "replicas-read-after-write"),
        ("multi az", "replicas-failover"),
        ("multi-az", "replicas-failover"),
        ("failover", "replicas-failover"),
        ("장애 조치", "replicas-failover"),
        ("high availability", "replicas-failover"),
        ("throttl", "throttle-burst"),
        ("쓰로틀", "throttle-burst"),
        ("스로틀", "throttle-burst"),
        ("usage plan", "throttle-burst"),
        ("사용량 계획", "throttle-burst"),
        ("api 게이트웨이의 기능", "throttle-burst"),
    ];
    // A section titled just "배포" (deployment) is about shipping a new version; longer headings
    // with the word ("DB 배포하는 경우", "배포시 패키지") are not about traffic shifting.
    let exact = ["배포", "deploy", "deployment"]
        .contains(&h.trim())
        .then_some("deploy-canary");
    let wanted = exact
        .or_else(|| {
            by_heading
                .iter()
                .find(|(k, _)| h.contains(k))
                .map(|(_, id)| *id)
        })
        .or_else(|| {
            let tagged = |t: &str| tags.iter().any(|x| x == t);
            // A lesson about sessions (MyClothes.com) also mentions DynamoDB: the session tag
            // says what it is about.
            if tagged("session") {
                Some("sessions-sticky-failure")
            } else if tagged("caching") || tagged("elasticache") {
                Some("cache-stale-prices")
            } else if tagged("aurora") {
                Some("replicas-failover")
            } else if tags.iter().any(|t| t == "lambda") {
                Some("lambda-cold-start")
            } else if tags.iter().any(|t| t == "dynamodb") {
                Some("ddb-hot-key")
            } else if tags.iter().any(|t| t == "deployment" || t == "canary") {
                Some("deploy-canary")
            } else {
                None
            }
        })?;
    presets.iter().position(|p| p.id() == wanted)
}

/// What a parameter sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamId {
    /// Lambda: requests per second.
    Rps,
    /// Lambda: simulated seconds.
    Seconds,
    /// Lambda: run time per request.
    DurationMs,
    /// Lambda: init time of a new environment.
    InitMs,
    /// Lambda: memory.
    MemoryMb,
    /// Lambda: provisioned concurrency.
    Provisioned,
    /// Lambda: reserved concurrency (0 = none).
    Reserved,
    /// Lambda: account concurrency limit.
    AccountLimit,
    /// Lambda: idle reclaim time (an assumption).
    IdleTimeout,
    /// Lambda: async (1) or sync (0).
    Async,
    /// Lambda: function error rate.
    ErrorRate,
    /// Both: RNG seed.
    Seed,
    /// `DynamoDB`: provisioned capacity.
    DdbProvisioned,
    /// `DynamoDB`: item size.
    DdbItemBytes,
    /// `DynamoDB`: requests per second in every phase.
    DdbRps,
    /// `DynamoDB`: distinct partition keys.
    DdbKeys,
    /// `DynamoDB`: share of requests for the hot key (0 = uniform).
    DdbHotShare,
    /// `DynamoDB`: burst capacity on.
    DdbBurst,
    /// `DynamoDB`: adaptive capacity on.
    DdbAdaptive,
    /// `DynamoDB`: the hot key's write shards.
    DdbShards,
    /// `DynamoDB`: read consistency (a choice).
    DdbConsistency,
    /// Deploy: the strategy (a choice).
    DeployStrategy,
    /// Deploy: API Gateway `percentTraffic`.
    DeployCanaryPercent,
    /// Deploy: API Gateway bake minutes before promotion.
    DeployBakeMinutes,
    /// Deploy: requests per second.
    DeployRps,
    /// Deploy: the new version's error rate.
    DeployNewErrorRate,
    /// Deploy: the old version's error rate.
    DeployOldErrorRate,
    /// Deploy: the alarm threshold (an error rate).
    DeployAlarmThreshold,
    /// Deploy: the alarm's evaluation periods.
    DeployAlarmPeriods,
    /// Deploy: when the new version turns bad, seconds.
    DeployBadFrom,
    /// Deploy: which hook fails (a choice).
    DeployHookFail,
    /// Deploy: expected-value routing (switch).
    DeployExpected,
    /// Phoenix: servers.
    PhoenixServers,
    /// Phoenix: hand changes.
    PhoenixChanges,
    /// Phoenix: where uploads live (a choice).
    PhoenixUploads,
    /// Phoenix: where sessions live (a choice).
    PhoenixSessions,
    /// Phoenix: where logs go (a choice).
    PhoenixLogs,
    /// Phoenix: fixes written back into the template (switch).
    PhoenixFixesInTemplate,
    /// Phoenix: rebuild now (switch).
    PhoenixRebuild,
    /// Sessions: where the cart lives (a choice).
    SessStore,
    /// Sessions: cookie bytes per cart item.
    SessItemBytes,
    /// Sessions: instances.
    SessInstances,
    /// Sessions: users.
    SessUsers,
    /// Sessions: when instance 1 fails (0 = never).
    SessFailAt,
    /// Cache: the strategy (a choice).
    CacheStrategy,
    /// Cache: TTL seconds (0 = none).
    CacheTtl,
    /// Cache: write-through also fills on a miss (switch).
    CacheFillOnMiss,
    /// Cache: distinct keys.
    CacheKeys,
    /// Cache: reads per second.
    CacheReads,
    /// Cache: writes per second.
    CacheWrites,
    /// Cache: when the node fails (0 = never).
    CacheFailAt,
    /// Replicas: the engine (a choice).
    RepEngine,
    /// Replicas: read replicas.
    RepReplicas,
    /// Replicas: Multi-AZ (switch).
    RepMultiAz,
    /// Replicas: read-after-write reads go to the writer (switch).
    RepReadOnPrimary,
    /// Replicas: writes per second.
    RepWrites,
    /// Replicas: reads per second.
    RepReads,
    /// Replicas: replica lag in ms (0 = the engine's default).
    RepLagMs,
    /// Replicas: when the primary fails (0 = never).
    RepFailAt,
    /// Throttle: account rate.
    ThrRate,
    /// Throttle: account burst.
    ThrBurst,
    /// Throttle: requests per second sent.
    ThrRps,
    /// Throttle: stage rate (0 = no stage limit).
    ThrStageRate,
    /// Throttle: stage burst.
    ThrStageBurst,
    /// Throttle: Poisson arrivals (switch).
    ThrPoisson,
    /// The newer models: simulated seconds.
    SimDuration,
}

/// One editable parameter.
#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    /// What it sets.
    pub id: ParamId,
    /// Label in Korean and English.
    pub label: (&'static str, &'static str),
    /// Current value.
    pub value: f64,
    /// Smallest allowed value.
    pub min: f64,
    /// Largest allowed value.
    pub max: f64,
    /// Step of ←/→.
    pub step: f64,
    /// Shown as a whole number.
    pub integer: bool,
    /// A yes/no switch.
    pub switch: bool,
    /// The preset's challenge keeps it fixed.
    pub locked: bool,
    /// Named options (Korean, English): the value is an index into them.
    pub choices: &'static [(&'static str, &'static str)],
}

impl Param {
    fn new(
        id: ParamId,
        label: (&'static str, &'static str),
        value: f64,
        min: f64,
        max: f64,
        step: f64,
    ) -> Self {
        Self {
            id,
            label,
            value,
            min,
            max,
            step,
            integer: true,
            switch: false,
            locked: false,
            choices: &[],
        }
    }
    fn choice(mut self, choices: &'static [(&'static str, &'static str)]) -> Self {
        self.choices = choices;
        self.min = 0.0;
        self.max = choices.len().saturating_sub(1) as f64;
        self.step = 1.0;
        self
    }
    /// Whether the value is one of named options (Enter cycles through them).
    pub fn is_choice(&self) -> bool {
        !self.choices.is_empty()
    }
    fn float(mut self) -> Self {
        self.integer = false;
        self
    }
    fn switch(mut self) -> Self {
        self.switch = true;
        self
    }
    /// The value as shown.
    pub fn display(&self, lang: Lang) -> String {
        if let Some((ko, en)) = self.choices.get(self.value.round().max(0.0) as usize) {
            return lang.pick(ko, en).to_owned();
        }
        if self.switch {
            let on = self.value >= 0.5;
            return match (self.id, lang) {
                (ParamId::Async, _) => if on { "async" } else { "sync" }.into(),
                (ParamId::DeployExpected, Lang::Ko) => if on { "기댓값" } else { "무작위" }.into(),
                (ParamId::DeployExpected, Lang::En) => {
                    if on { "expected" } else { "sampled" }.into()
                }
                (_, Lang::Ko) => if on { "켜짐" } else { "꺼짐" }.into(),
                (_, Lang::En) => if on { "on" } else { "off" }.into(),
            };
        }
        if self.integer {
            format!("{}", self.value.round() as i64)
        } else {
            format!("{:.2}", self.value)
        }
    }
    /// The allowed range as shown.
    pub fn range(&self) -> String {
        if self.is_choice() {
            return format!("{}–{}", self.min as i64, self.max as i64);
        }
        if self.switch {
            return String::new();
        }
        if self.integer {
            format!("{}–{}", self.min as i64, self.max as i64)
        } else {
            format!("{:.2}–{:.2}", self.min, self.max)
        }
    }
    /// Moves the value by `steps` steps, within range.
    pub fn nudge(&mut self, steps: f64) {
        if self.locked {
            return;
        }
        if self.switch {
            self.value = if self.value >= 0.5 { 0.0 } else { 1.0 };
            return;
        }
        if self.is_choice() {
            // Options wrap around, so Enter (one step forward) cycles through all of them.
            let n = self.choices.len() as f64;
            self.value = (self.value.round() + steps.signum()).rem_euclid(n);
            return;
        }
        self.value = (self.value + steps * self.step).clamp(self.min, self.max);
        if self.integer {
            self.value = self.value.round();
        }
    }
    /// Sets the value from typed text; `Err` says why not.
    pub fn set_text(&mut self, text: &str) -> Result<(), String> {
        let v: f64 = text
            .trim()
            .replace(',', "")
            .parse()
            .map_err(|_| format!("`{text}`?"))?;
        if !(self.min..=self.max).contains(&v) {
            return Err(self.range());
        }
        self.value = if self.integer { v.round() } else { v };
        Ok(())
    }
}

/// The last run's result.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// Lambda result.
    Lambda(Box<LambdaResult>),
    /// `DynamoDB` result.
    Ddb(Box<dynamodb::SimReport>),
    /// One deployment.
    Deploy(Box<DeployResult>),
    /// The same release through several strategies.
    Compare(Vec<DeployResult>),
    /// Phoenix rebuild.
    Phoenix(Box<PhoenixReport>),
    /// Where the carts went.
    Sessions(Box<sessions::SessionsResult>),
    /// Cache hits, misses and stale reads.
    Cache(Box<cache::CacheResult>),
    /// Replicas, stale reads and failover.
    Replicas(Box<replicas::ReplicasResult>),
    /// Accepted and throttled requests.
    Throttle(Box<throttle::ThrottleResult>),
    /// The model refused the settings (limit and source in the text).
    Invalid(String),
}

/// Typing into a parameter or the prediction box.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Typing a new value for the selected parameter.
    Value(crate::text::input::TextInput),
    /// Typing a prediction before the run.
    Guess(crate::text::input::TextInput),
}

/// One open simulation.
#[derive(Debug, Clone)]
pub struct Sim {
    /// Index into the preset list.
    pub preset: usize,
    /// Editable parameters.
    pub params: Vec<Param>,
    /// Selected parameter.
    pub selected: usize,
    /// The text box, when open.
    pub input: Option<Input>,
    /// The prediction made before the last run.
    pub guess: Option<f64>,
    /// The last result.
    pub outcome: Option<Outcome>,
    /// Whether the last run passed the challenge.
    pub passed: Option<bool>,
    /// The last run's challenge, condition by condition (measured value and ✓/✗ each).
    pub challenge: Option<ChallengeResult>,
    /// The number the prediction is compared with, when the preset names it.
    pub measured: Option<f64>,
    /// Whether the scenario text is shown in full (the challenge always is).
    pub story_open: bool,
    /// Scroll of the explanation trail.
    pub trail_scroll: usize,
    /// A message about the last edit (e.g. a value out of range).
    pub note: Option<String>,
}

impl Sim {
    /// A simulation of `presets[index]` with the preset's settings.
    pub fn new(index: usize, preset: &Preset) -> Self {
        let params = match preset {
            Preset::Lambda(p) => lambda_params(&p.config, &p.fixed),
            Preset::Ddb(p) => ddb_params(p),
            Preset::Cfn(_) => Vec::new(),
            Preset::Deploy(p) => deploy_params(p),
            Preset::Phoenix(p) => phoenix_params(p),
            Preset::Sessions(p) => newer::sessions_params(p),
            Preset::Cache(p) => newer::cache_params(p),
            Preset::Replicas(p) => newer::replicas_params(p),
            Preset::Throttle(p) => newer::throttle_params(p),
        };
        Self {
            preset: index,
            params,
            selected: 0,
            input: None,
            guess: None,
            outcome: None,
            passed: None,
            challenge: None,
            measured: None,
            story_open: true,
            trail_scroll: 0,
            note: None,
        }
    }

    /// What the learner is asked to predict, in `lang`: the preset's own goal.
    pub fn guess_prompt(preset: &Preset, lang: Lang) -> String {
        let s = Strings::new(lang);
        match preset {
            Preset::Lambda(p) => match lambda_goal(p) {
                lambda::Metric::Throttles => lang.pick(
                    "먼저 예측해 보세요: 스로틀되는 요청은 몇 %일까요?",
                    "Predict first: what % of requests are throttled?",
                ),
                lambda::Metric::Dlq | lambda::Metric::DlqPct => lang.pick(
                    "먼저 예측해 보세요: DLQ로 가거나 버려지는 이벤트는 몇 %일까요?",
                    "Predict first: what % of events go to the DLQ or are dropped?",
                ),
                _ => lang.pick(
                    "먼저 예측해 보세요: 콜드 스타트는 몇 %일까요?",
                    "Predict first: what % of requests cold-start?",
                ),
            }
            .to_owned(),
            Preset::Ddb(_) => lang
                .pick(
                    "먼저 예측해 보세요: 스로틀되는 요청은 몇 %일까요?",
                    "Predict first: what % of requests are throttled?",
                )
                .to_owned(),
            Preset::Cfn(_) => String::new(),
            Preset::Deploy(p) if p.is_comparison() => s.compare_guess().to_owned(),
            Preset::Deploy(_) => s.deploy_guess().to_owned(),
            Preset::Phoenix(_) => s.phoenix_guess().to_owned(),
            Preset::Sessions(p) => newer_prompt(&p.prediction, lang),
            Preset::Cache(p) => newer_prompt(&p.prediction, lang),
            Preset::Replicas(p) => newer_prompt(&p.prediction, lang),
            Preset::Throttle(p) => newer_prompt(&p.prediction, lang),
        }
    }

    /// The unit of the prediction (`%` for the older presets).
    pub fn guess_unit(preset: &Preset, lang: Lang) -> String {
        match prediction(preset) {
            Some(p) => in_lang(lang, &p.unit, Some(&p.unit_en)).to_owned(),
            None => "%".to_owned(),
        }
    }

    /// The values a prediction may take.
    pub fn guess_range(preset: &Preset) -> (f64, f64) {
        match prediction(preset).map(|p| p.unit.as_str()) {
            Some("(0-1)") => (0.0, 1.0),
            Some(u) if u != "%" => (0.0, 1e12),
            _ => (0.0, 100.0),
        }
    }

    /// The measured value the prediction is compared with (in the prediction's unit).
    pub fn actual(&self) -> Option<f64> {
        if self.measured.is_some() {
            return self.measured;
        }
        match self.outcome.as_ref()? {
            Outcome::Lambda(r) => Some(r.cold_start_pct),
            Outcome::Ddb(r) => Some(if r.total_offered == 0 {
                0.0
            } else {
                r.total_throttled as f64 * 100.0 / r.total_offered as f64
            }),
            Outcome::Deploy(r) => Some(r.affected_pct()),
            Outcome::Compare(results) => {
                let all = results.first()?.users_affected;
                let canary = results
                    .iter()
                    .find(|r| r.strategy.contains("Canary10Percent5Minutes"))
                    .or_else(|| results.last())?;
                (all > 0.0).then(|| canary.users_affected * 100.0 / all)
            }
            Outcome::Phoenix(r) => Some(r.files_lost_pct()),
            _ => None,
        }
    }

    fn settle(&mut self, run: Result<(ChallengeResult, Outcome), String>) {
        match run {
            Ok((challenge, outcome)) => {
                self.passed = Some(challenge.passed);
                self.challenge = Some(challenge);
                self.outcome = Some(outcome);
            }
            Err(e) => {
                self.passed = None;
                self.challenge = None;
                self.outcome = Some(Outcome::Invalid(e));
            }
        }
    }

    /// Runs the model with the current parameters.
    pub fn run(&mut self, preset: &Preset) {
        self.trail_scroll = 0;
        self.measured = None;
        let run = match preset {
            Preset::Lambda(p) => {
                let mut config = p.config.clone();
                apply_lambda(&mut config, &self.params);
                lambda::simulate(&config)
                    .map(|r| {
                        self.measured = Some(lambda_measured(p, &r));
                        (checks::lambda(p, &config, &r), Outcome::Lambda(Box::new(r)))
                    })
                    .map_err(|e| e.to_string())
            }
            Preset::Ddb(p) => {
                let mut config = p.sim.clone();
                apply_ddb(&mut config, &self.params);
                dynamodb::simulate(&config)
                    .map(|r| (checks::dynamodb(p, &r), Outcome::Ddb(Box::new(r))))
                    .map_err(|e| e.to_string())
            }
            // Runs on its own screen (`ui::replace`).
            Preset::Cfn(_) => return,
            Preset::Deploy(p) => {
                let mut config = p.config.clone();
                apply_deploy(&mut config, &self.params);
                if p.is_comparison() {
                    deploy::compare_runs(&config, &p.compare).map(|results| {
                        let check = checks::deploy_comparison(p, &config, &deploy::rows(&results));
                        (check, Outcome::Compare(results))
                    })
                } else {
                    deploy::simulate(&config)
                        .map(|r| (checks::deploy(p, &config, &r), Outcome::Deploy(Box::new(r))))
                }
                .map_err(|e| e.to_string())
            }
            Preset::Phoenix(p) => {
                let mut config = p.config.clone();
                apply_phoenix(&mut config, &self.params);
                phoenix::simulate(&config)
                    .map(|r| (checks::phoenix(p, &r), Outcome::Phoenix(Box::new(r))))
                    .map_err(|e| e.to_string())
            }
            Preset::Sessions(p) => {
                self.run_newer(p, newer::apply_sessions, sessions::simulate, |r| {
                    Outcome::Sessions(Box::new(r))
                })
            }
            Preset::Cache(p) => self.run_newer(p, newer::apply_cache, cache::simulate, |r| {
                Outcome::Cache(Box::new(r))
            }),
            Preset::Replicas(p) => {
                self.run_newer(p, newer::apply_replicas, replicas::simulate, |r| {
                    Outcome::Replicas(Box::new(r))
                })
            }
            Preset::Throttle(p) => {
                self.run_newer(p, newer::apply_throttle, throttle::simulate, |r| {
                    Outcome::Throttle(Box::new(r))
                })
            }
        };
        self.settle(run);
    }

    /// Runs one of the newer models: its preset's conditions and prediction metric.
    fn run_newer<C, R, E>(
        &mut self,
        p: &simulations::challenge::Preset<C>,
        apply: fn(&mut C, &[Param]),
        simulate: fn(&C) -> Result<R, E>,
        wrap: fn(R) -> Outcome,
    ) -> Result<(ChallengeResult, Outcome), String>
    where
        C: Clone + serde::Serialize + serde::de::DeserializeOwned,
        R: serde::Serialize,
        E: std::fmt::Display,
    {
        let mut config = p.config.clone();
        apply(&mut config, &self.params);
        let r = simulate(&config).map_err(|e| e.to_string())?;
        self.measured = p.predicted_value(&r);
        Ok((p.check(&config, &r), wrap(r)))
    }
}

/// The newer presets' prediction question as a prompt.
fn newer_prompt(p: &simulations::challenge::Prediction, lang: Lang) -> String {
    format!(
        "{} {}",
        lang.pick("먼저 예측해 보세요:", "Predict first:"),
        in_lang(lang, &p.question, Some(&p.question_en))
    )
}

/// The prediction of a newer preset.
fn prediction(preset: &Preset) -> Option<&simulations::challenge::Prediction> {
    match preset {
        Preset::Sessions(p) => Some(&p.prediction),
        Preset::Cache(p) => Some(&p.prediction),
        Preset::Replicas(p) => Some(&p.prediction),
        Preset::Throttle(p) => Some(&p.prediction),
        _ => None,
    }
}

/// What a Lambda preset is about: its first pass condition's metric.
fn lambda_goal(p: &lambda::Preset) -> lambda::Metric {
    p.pass
        .first()
        .map_or(lambda::Metric::ColdStartPct, |c| c.metric)
}

/// The Lambda number the prediction is compared with, as a percentage.
fn lambda_measured(p: &lambda::Preset, r: &LambdaResult) -> f64 {
    let pct = |n: f64| {
        if r.events == 0 {
            0.0
        } else {
            n * 100.0 / r.events as f64
        }
    };
    match lambda_goal(p) {
        lambda::Metric::Throttles => pct(r.throttles as f64),
        lambda::Metric::Dlq | lambda::Metric::DlqPct => lambda::Metric::DlqPct.value(r),
        _ => r.cold_start_pct,
    }
}

fn lambda_params(c: &LambdaConfig, fixed: &[String]) -> Vec<Param> {
    use ParamId as P;
    let mut params = vec![
        Param::new(
            P::Provisioned,
            ("프로비저닝된 동시성", "Provisioned concurrency"),
            f64::from(c.provisioned),
            0.0,
            3000.0,
            1.0,
        ),
        Param::new(
            P::Reserved,
            ("예약된 동시성 (0=없음)", "Reserved concurrency (0=none)"),
            f64::from(c.reserved.unwrap_or(0)),
            0.0,
            9900.0,
            1.0,
        ),
        Param::new(
            P::AccountLimit,
            ("계정 동시성 한도", "Account concurrency limit"),
            f64::from(c.account_limit),
            1.0,
            10000.0,
            100.0,
        ),
        Param::new(
            P::MemoryMb,
            ("메모리 (MB)", "Memory (MB)"),
            f64::from(c.memory_mb),
            128.0,
            10240.0,
            64.0,
        ),
        Param::new(
            P::Rps,
            ("초당 요청", "Requests per second"),
            c.rps,
            0.0,
            10000.0,
            1.0,
        )
        .float(),
        Param::new(
            P::Seconds,
            ("시간 (초)", "Seconds"),
            f64::from(c.seconds),
            1.0,
            3600.0,
            10.0,
        ),
        Param::new(
            P::DurationMs,
            ("실행 시간 (ms)", "Duration (ms)"),
            f64::from(c.duration_ms),
            1.0,
            900_000.0,
            50.0,
        ),
        Param::new(
            P::InitMs,
            ("Init 시간 (ms)", "Init (ms)"),
            f64::from(c.init_ms),
            0.0,
            20_000.0,
            50.0,
        ),
        Param::new(
            P::IdleTimeout,
            ("유휴 회수 (초, 가정)", "Idle reclaim (s, assumed)"),
            f64::from(c.idle_timeout_s),
            1.0,
            7200.0,
            10.0,
        ),
        Param::new(
            P::Async,
            ("호출 방식", "Invocation"),
            if c.invoke == InvokeType::Async {
                1.0
            } else {
                0.0
            },
            0.0,
            1.0,
            1.0,
        )
        .switch(),
        Param::new(
            P::ErrorRate,
            ("오류 비율", "Error rate"),
            c.error_rate,
            0.0,
            1.0,
            0.01,
        )
        .float(),
        Param::new(P::Seed, ("시드", "Seed"), c.seed as f64, 0.0, 1e9, 1.0),
    ];
    let field = |id: ParamId| match id {
        P::Rps => "rps",
        P::Seconds => "seconds",
        P::DurationMs => "duration_ms",
        P::InitMs => "init_ms",
        P::MemoryMb => "memory_mb",
        P::Provisioned => "provisioned",
        P::Reserved => "reserved",
        P::AccountLimit => "account_limit",
        P::IdleTimeout => "idle_timeout_s",
        P::Async => "invoke",
        P::ErrorRate => "error_rate",
        _ => "seed",
    };
    for p in &mut params {
        p.locked = fixed.iter().any(|f| f == field(p.id));
    }
    params
}

fn apply_lambda(c: &mut LambdaConfig, params: &[Param]) {
    for p in params {
        let n = p.value.round().max(0.0) as u32;
        match p.id {
            ParamId::Rps => c.rps = p.value,
            ParamId::Seconds => c.seconds = n,
            ParamId::DurationMs => c.duration_ms = n,
            ParamId::InitMs => c.init_ms = n,
            ParamId::MemoryMb => c.memory_mb = n,
            ParamId::Provisioned => c.provisioned = n,
            ParamId::Reserved => c.reserved = (n > 0).then_some(n),
            ParamId::AccountLimit => c.account_limit = n,
            ParamId::IdleTimeout => c.idle_timeout_s = n,
            ParamId::Async => {
                c.invoke = if p.value >= 0.5 {
                    InvokeType::Async
                } else {
                    InvokeType::Sync
                }
            }
            ParamId::ErrorRate => c.error_rate = p.value,
            ParamId::Seed => c.seed = p.value.round().max(0.0) as u64,
            _ => {}
        }
    }
}

fn ddb_params(preset: &dynamodb::Preset) -> Vec<Param> {
    use ParamId as P;
    let c = &preset.sim;
    let (keys, hot) = match c.keys {
        KeyDistribution::Uniform { keys } | KeyDistribution::Zipf { keys, .. } => (keys, 0.0),
        KeyDistribution::HotKey { keys, hot_share } => (keys, hot_share),
    };
    let rps = c.phases.first().map_or(0, |p| p.requests_per_second);
    let mut params = vec![
        Param::new(
            P::DdbHotShare,
            ("핫 키 비율 (0=균등)", "Hot-key share (0=uniform)"),
            hot,
            0.0,
            1.0,
            0.05,
        )
        .float(),
        Param::new(
            P::DdbKeys,
            ("파티션 키 개수", "Distinct keys"),
            keys as f64,
            1.0,
            1e7,
            1000.0,
        ),
        Param::new(
            P::DdbProvisioned,
            ("프로비저닝 용량", "Provisioned capacity"),
            c.provisioned as f64,
            1.0,
            80_000.0,
            100.0,
        ),
        Param::new(
            P::DdbRps,
            ("초당 요청", "Requests per second"),
            rps as f64,
            0.0,
            200_000.0,
            100.0,
        ),
        Param::new(
            P::DdbItemBytes,
            ("항목 크기 (B)", "Item size (B)"),
            c.item_bytes as f64,
            1.0,
            409_600.0,
            256.0,
        ),
        Param::new(
            P::DdbBurst,
            ("버스트 용량", "Burst capacity"),
            if c.burst { 1.0 } else { 0.0 },
            0.0,
            1.0,
            1.0,
        )
        .switch(),
        Param::new(
            P::DdbAdaptive,
            ("적응형 용량", "Adaptive capacity"),
            if c.adaptive { 1.0 } else { 0.0 },
            0.0,
            1.0,
            1.0,
        )
        .switch(),
        Param::new(P::Seed, ("시드", "Seed"), c.seed as f64, 0.0, 1e9, 1.0),
    ];
    if matches!(c.keys, KeyDistribution::HotKey { .. }) {
        // Write sharding: the hot key written under several suffixed keys.
        params.insert(
            1,
            Param::new(
                P::DdbShards,
                (
                    "샤드 수 (핫 키 쓰기 샤딩)",
                    "Shards (hot-key write sharding)",
                ),
                f64::from(c.write_shards),
                1.0,
                f64::from(dynamodb::partition::MAX_WRITE_SHARDS),
                1.0,
            ),
        );
    }
    if c.dimension == dynamodb::Dimension::Read {
        let strong = c.consistency == Some(dynamodb::Consistency::Strong);
        params.insert(
            0,
            Param::new(
                P::DdbConsistency,
                ("읽기 일관성", "Read consistency"),
                if strong { 0.0 } else { 1.0 },
                0.0,
                0.0,
                1.0,
            )
            .choice(&CONSISTENCY),
        );
    }
    let field = |id: ParamId| match id {
        P::DdbHotShare => "hot-share",
        P::DdbShards => "write-shards",
        P::DdbKeys => "keys",
        P::DdbProvisioned => "provisioned",
        P::DdbRps => "requests-per-second",
        P::DdbItemBytes => "item-bytes",
        P::DdbBurst => "burst",
        P::DdbAdaptive => "adaptive",
        P::DdbConsistency => "consistency",
        _ => "seed",
    };
    for p in &mut params {
        p.locked = preset.fixed.iter().any(|f| f == field(p.id));
    }
    params
}

/// Strongly or eventually consistent reads.
const CONSISTENCY: [(&str, &str); 2] = [
    ("강력한 일관성", "strongly consistent"),
    ("최종 일관성", "eventually consistent"),
];

fn apply_ddb(c: &mut dynamodb::SimConfig, params: &[Param]) {
    let get = |id: ParamId| params.iter().find(|p| p.id == id).map(|p| p.value);
    let keys = get(ParamId::DdbKeys).map_or(1, |v| v.round().max(1.0) as u64);
    let hot = get(ParamId::DdbHotShare).unwrap_or(0.0);
    c.keys = match c.keys {
        KeyDistribution::Zipf { s, .. } if hot == 0.0 => KeyDistribution::Zipf { keys, s },
        _ if hot > 0.0 => KeyDistribution::HotKey {
            keys,
            hot_share: hot,
        },
        _ => KeyDistribution::Uniform { keys },
    };
    if let Some(v) = get(ParamId::DdbProvisioned) {
        c.provisioned = v.round().max(1.0) as u64;
    }
    if let Some(v) = get(ParamId::DdbItemBytes) {
        c.item_bytes = v.round().max(1.0) as u64;
    }
    if let Some(v) = get(ParamId::DdbRps) {
        // The setting shows the first phase's rate; later phases (a spike, a lull) keep their
        // shape and scale with it.
        let first = c.phases.first().map_or(0, |p| p.requests_per_second);
        for phase in &mut c.phases {
            phase.requests_per_second = if first == 0 {
                v.round().max(0.0) as u64
            } else {
                (phase.requests_per_second as f64 * v / first as f64)
                    .round()
                    .max(0.0) as u64
            };
        }
    }
    if let Some(v) = get(ParamId::DdbBurst) {
        c.burst = v >= 0.5;
    }
    if let Some(v) = get(ParamId::DdbShards) {
        c.write_shards = v.round().max(1.0) as u32;
    }
    if let Some(v) = get(ParamId::DdbConsistency) {
        c.consistency = Some(if v >= 0.5 {
            dynamodb::Consistency::Eventual
        } else {
            dynamodb::Consistency::Strong
        });
    }
    if let Some(v) = get(ParamId::DdbAdaptive) {
        c.adaptive = v >= 0.5;
    }
    if let Some(v) = get(ParamId::Seed) {
        c.seed = v.round().max(0.0) as u64;
    }
}

/// The strategies the deployment screens offer (the nine Lambda configurations and blue/green).
const STRATEGIES: [(&str, &str); 10] = [
    ("Canary10Percent5Minutes", "Canary10Percent5Minutes"),
    ("Canary10Percent10Minutes", "Canary10Percent10Minutes"),
    ("Canary10Percent15Minutes", "Canary10Percent15Minutes"),
    ("Canary10Percent30Minutes", "Canary10Percent30Minutes"),
    ("Linear10PercentEvery1Minute", "Linear10PercentEvery1Minute"),
    (
        "Linear10PercentEvery2Minutes",
        "Linear10PercentEvery2Minutes",
    ),
    (
        "Linear10PercentEvery3Minutes",
        "Linear10PercentEvery3Minutes",
    ),
    (
        "Linear10PercentEvery10Minutes",
        "Linear10PercentEvery10Minutes",
    ),
    ("AllAtOnce", "AllAtOnce"),
    ("블루/그린 (blue-green)", "blue-green"),
];

const HOOKS: [(&str, &str); 3] = [
    ("없음", "none"),
    ("PreTraffic 실패", "PreTraffic fails"),
    ("PostTraffic 실패", "PostTraffic fails"),
];

const FILE_STORES: [(&str, &str); 3] =
    [("서버 디스크", "server disk"), ("S3", "S3"), ("EFS", "EFS")];

const SESSION_STORES: [(&str, &str); 3] = [
    ("서버 메모리", "server memory"),
    ("DynamoDB", "DynamoDB"),
    ("ElastiCache", "ElastiCache"),
];

const LOG_STORES: [(&str, &str); 2] = [
    ("서버 파일", "server files"),
    ("CloudWatch Logs", "CloudWatch Logs"),
];

/// The config field a deployment parameter sets (for the preset's `fixed` list).
fn deploy_field(id: ParamId) -> &'static str {
    match id {
        ParamId::DeployStrategy | ParamId::DeployCanaryPercent | ParamId::DeployBakeMinutes => {
            "strategy"
        }
        ParamId::DeployRps => "rps",
        ParamId::DeployNewErrorRate => "new_error_rate",
        ParamId::DeployOldErrorRate => "old_error_rate",
        ParamId::DeployAlarmThreshold => "alarm_threshold",
        ParamId::DeployAlarmPeriods => "alarm_evaluation_periods",
        ParamId::DeployBadFrom => "bad_from_s",
        ParamId::DeployHookFail => "hook_fail",
        ParamId::DeployExpected => "routing",
        _ => "seed",
    }
}

fn deploy_params(p: &deploy::Preset) -> Vec<Param> {
    use ParamId as P;
    let c = &p.config;
    let mut params = Vec::new();
    if let deploy::Kind::ApiGatewayCanary {
        percent_traffic,
        bake_min,
    } = c.strategy.kind
    {
        params.push(
            Param::new(
                P::DeployCanaryPercent,
                ("percentTraffic (%)", "percentTraffic (%)"),
                percent_traffic,
                0.0,
                100.0,
                1.0,
            )
            .float(),
        );
        params.push(Param::new(
            P::DeployBakeMinutes,
            ("승격까지 (분)", "Promote after (min)"),
            f64::from(bake_min),
            1.0,
            1440.0,
            1.0,
        ));
    } else if !p.is_comparison() {
        let index = STRATEGIES
            .iter()
            .position(|(_, en)| deploy::Strategy::parse(en).is_ok_and(|s| s == c.strategy));
        if let Some(i) = index {
            params.push(
                Param::new(
                    P::DeployStrategy,
                    ("전략", "Strategy"),
                    i as f64,
                    0.0,
                    0.0,
                    1.0,
                )
                .choice(&STRATEGIES),
            );
        }
    }
    params.extend([
        Param::new(
            P::DeployAlarmPeriods,
            ("알람 평가 기간 (분)", "Alarm periods (min)"),
            f64::from(c.alarm_evaluation_periods),
            1.0,
            60.0,
            1.0,
        ),
        Param::new(
            P::DeployAlarmThreshold,
            ("알람 임계 오류율", "Alarm error threshold"),
            c.alarm_threshold,
            0.0,
            1.0,
            0.01,
        )
        .float(),
        Param::new(
            P::DeployHookFail,
            ("훅 실패", "Hook failure"),
            match c.hook_fail {
                deploy::HookFail::None => 0.0,
                deploy::HookFail::Pre => 1.0,
                deploy::HookFail::Post => 2.0,
            },
            0.0,
            0.0,
            1.0,
        )
        .choice(&HOOKS),
        Param::new(
            P::DeployRps,
            ("초당 요청", "Requests per second"),
            c.rps,
            0.0,
            100_000.0,
            10.0,
        )
        .float(),
        Param::new(
            P::DeployNewErrorRate,
            ("새 버전 오류율", "New version error rate"),
            c.new_error_rate,
            0.0,
            1.0,
            0.01,
        )
        .float(),
        Param::new(
            P::DeployOldErrorRate,
            ("이전 버전 오류율", "Old version error rate"),
            c.old_error_rate,
            0.0,
            1.0,
            0.01,
        )
        .float(),
        Param::new(
            P::DeployBadFrom,
            ("불량 시작 (초)", "Bad from (s)"),
            f64::from(c.bad_from_s),
            0.0,
            7200.0,
            30.0,
        ),
        Param::new(
            P::DeployExpected,
            ("라우팅", "Routing"),
            if c.routing == deploy::Routing::Expected {
                1.0
            } else {
                0.0
            },
            0.0,
            1.0,
            1.0,
        )
        .switch(),
        Param::new(P::Seed, ("시드", "Seed"), c.seed as f64, 0.0, 1e9, 1.0),
    ]);
    if c.strategy.platform == deploy::Platform::ApiGateway {
        // API Gateway has no CodeDeploy lifecycle hooks.
        params.retain(|p| p.id != P::DeployHookFail);
    }
    for param in &mut params {
        param.locked = p.fixed.iter().any(|f| f == deploy_field(param.id));
    }
    params
}

fn apply_deploy(c: &mut DeployConfig, params: &[Param]) {
    let get = |id: ParamId| params.iter().find(|p| p.id == id).map(|p| p.value);
    if let (Some(pct), Some(bake)) = (
        get(ParamId::DeployCanaryPercent),
        get(ParamId::DeployBakeMinutes),
    ) {
        c.strategy = deploy::Strategy::apigw_canary(pct, bake.round().max(1.0) as u32);
    }
    if let Some(s) = get(ParamId::DeployStrategy)
        .and_then(|i| STRATEGIES.get(i.round().max(0.0) as usize))
        .and_then(|(_, name)| deploy::Strategy::parse(name).ok())
    {
        c.strategy = s;
    }
    for p in params {
        let n = p.value.round().max(0.0) as u32;
        match p.id {
            ParamId::DeployRps => c.rps = p.value,
            ParamId::DeployNewErrorRate => c.new_error_rate = p.value,
            ParamId::DeployOldErrorRate => c.old_error_rate = p.value,
            ParamId::DeployAlarmThreshold => c.alarm_threshold = p.value,
            ParamId::DeployAlarmPeriods => {
                c.alarm_evaluation_periods = n.max(1);
                c.alarm_datapoints = None;
            }
            ParamId::DeployBadFrom => c.bad_from_s = n,
            ParamId::DeployHookFail => {
                c.hook_fail = match n {
                    1 => deploy::HookFail::Pre,
                    2 => deploy::HookFail::Post,
                    _ => deploy::HookFail::None,
                }
            }
            ParamId::DeployExpected => {
                c.routing = if p.value >= 0.5 {
                    deploy::Routing::Expected
                } else {
                    deploy::Routing::Sampled
                }
            }
            ParamId::Seed => c.seed = p.value.round().max(0.0) as u64,
            _ => {}
        }
    }
}

fn phoenix_params(p: &phoenix::Preset) -> Vec<Param> {
    use ParamId as P;
    let c = &p.config;
    let on = |b: bool| if b { 1.0 } else { 0.0 };
    let mut params = vec![
        Param::new(
            P::PhoenixUploads,
            ("업로드 파일 위치", "Uploads live on"),
            match c.uploads_store {
                phoenix::FileStore::Local => 0.0,
                phoenix::FileStore::S3 => 1.0,
                phoenix::FileStore::Efs => 2.0,
            },
            0.0,
            0.0,
            1.0,
        )
        .choice(&FILE_STORES),
        Param::new(
            P::PhoenixSessions,
            ("세션 위치", "Sessions live in"),
            match c.sessions_store {
                phoenix::SessionStore::Local => 0.0,
                phoenix::SessionStore::Dynamodb => 1.0,
                phoenix::SessionStore::Elasticache => 2.0,
            },
            0.0,
            0.0,
            1.0,
        )
        .choice(&SESSION_STORES),
        Param::new(
            P::PhoenixLogs,
            ("로그 위치", "Logs go to"),
            on(c.logs_store == phoenix::LogStore::Cloudwatch),
            0.0,
            0.0,
            1.0,
        )
        .choice(&LOG_STORES),
        Param::new(
            P::PhoenixFixesInTemplate,
            ("수정을 템플릿에 반영", "Fixes in the template"),
            on(c.fixes_in_template),
            0.0,
            1.0,
            1.0,
        )
        .switch(),
        Param::new(
            P::PhoenixRebuild,
            ("지금 재구축", "Rebuild now"),
            on(c.rebuild),
            0.0,
            1.0,
            1.0,
        )
        .switch(),
        Param::new(
            P::PhoenixServers,
            ("서버 수", "Servers"),
            f64::from(c.servers),
            1.0,
            20.0,
            1.0,
        ),
        Param::new(
            P::PhoenixChanges,
            ("손으로 한 변경", "Hand changes"),
            f64::from(c.hand_changes),
            0.0,
            200.0,
            1.0,
        ),
        Param::new(P::Seed, ("시드", "Seed"), c.seed as f64, 0.0, 1e9, 1.0),
    ];
    for param in &mut params {
        let field = match param.id {
            P::PhoenixServers => "servers",
            P::PhoenixChanges => "hand_changes",
            P::Seed => "seed",
            _ => "",
        };
        param.locked = p.fixed.iter().any(|f| f == field);
    }
    params
}

fn apply_phoenix(c: &mut PhoenixConfig, params: &[Param]) {
    for p in params {
        let n = p.value.round().max(0.0) as u32;
        match p.id {
            ParamId::PhoenixUploads => {
                c.uploads_store = match n {
                    1 => phoenix::FileStore::S3,
                    2 => phoenix::FileStore::Efs,
                    _ => phoenix::FileStore::Local,
                }
            }
            ParamId::PhoenixSessions => {
                c.sessions_store = match n {
                    1 => phoenix::SessionStore::Dynamodb,
                    2 => phoenix::SessionStore::Elasticache,
                    _ => phoenix::SessionStore::Local,
                }
            }
            ParamId::PhoenixLogs => {
                c.logs_store = if n == 1 {
                    phoenix::LogStore::Cloudwatch
                } else {
                    phoenix::LogStore::Local
                }
            }
            ParamId::PhoenixFixesInTemplate => c.fixes_in_template = p.value >= 0.5,
            ParamId::PhoenixRebuild => c.rebuild = p.value >= 0.5,
            ParamId::PhoenixServers => c.servers = n.max(1),
            ParamId::PhoenixChanges => c.hand_changes = n,
            ParamId::Seed => c.seed = p.value.round().max(0.0) as u64,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has_hangul(s: &str) -> bool {
        s.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c))
    }

    #[test]
    fn every_shipped_preset_has_english_title_description_and_challenge() {
        for p in all_presets() {
            // The files themselves must carry the English text: the fallback would hide a
            // missing field behind the Korean one.
            let en = match (&p, p.header()) {
                (_, Some(h)) => {
                    [&h.title_en, &h.description_en, &h.challenge_en].map(Option::as_deref)
                }
                (Preset::Cfn(e), None) => [
                    Some(e.title_en.as_str()),
                    Some(e.description_en.as_str()),
                    Some(e.challenge_en.as_str()),
                ],
                (_, None) => [None; 3],
            };
            for (field, text) in ["title_en", "description_en", "challenge_en"]
                .iter()
                .zip(en)
            {
                let text = text.unwrap_or_else(|| panic!("{}: no {field}", p.id()));
                assert!(
                    !text.trim().is_empty() && !has_hangul(text),
                    "{} {field}: {text:?}",
                    p.id()
                );
            }
            assert!(
                !has_hangul(p.title(Lang::En))
                    && !has_hangul(p.description(Lang::En))
                    && !has_hangul(p.challenge(Lang::En)),
                "{}",
                p.id()
            );
            assert!(!p.challenge(Lang::En).contains('\n'), "{}", p.id());
            assert!(
                has_hangul(p.title(Lang::Ko)),
                "{}: Korean title kept",
                p.id()
            );
        }
    }

    #[test]
    fn a_preset_without_english_text_falls_back_to_korean() {
        let mut p = lambda::try_presets().expect("presets").remove(0);
        p.title_en = None;
        p.description_en = Some("  ".into());
        let p = Preset::Lambda(p);
        assert_eq!(p.title(Lang::En), p.title(Lang::Ko));
        assert_eq!(p.description(Lang::En), p.description(Lang::Ko));
        assert_ne!(p.challenge(Lang::En), p.challenge(Lang::Ko));
    }

    #[test]
    fn every_preset_loads_and_runs_from_the_ui() {
        let presets = all_presets();
        assert!(presets.len() >= 6, "{} presets", presets.len());
        for (i, p) in presets.iter().enumerate() {
            if matches!(p, Preset::Cfn(_)) {
                continue;
            }
            let mut sim = Sim::new(i, p);
            sim.run(p);
            assert!(
                matches!(
                    sim.outcome,
                    Some(
                        Outcome::Lambda(_)
                            | Outcome::Ddb(_)
                            | Outcome::Deploy(_)
                            | Outcome::Compare(_)
                            | Outcome::Phoenix(_)
                            | Outcome::Sessions(_)
                            | Outcome::Cache(_)
                            | Outcome::Replicas(_)
                            | Outcome::Throttle(_)
                    )
                ),
                "{}: {:?}",
                p.id(),
                sim.outcome
            );
            assert_eq!(
                sim.passed,
                Some(false),
                "{} is a challenge: it fails as shipped",
                p.id()
            );
        }
    }

    #[test]
    fn cold_start_challenge_passes_with_provisioned_concurrency() {
        let presets = all_presets();
        let i = presets
            .iter()
            .position(|p| p.id() == "lambda-cold-start")
            .unwrap();
        let mut sim = Sim::new(i, &presets[i]);
        let rps = sim.params.iter().find(|p| p.id == ParamId::Rps).unwrap();
        assert!(rps.locked, "the challenge keeps the traffic fixed");
        let prov = sim
            .params
            .iter_mut()
            .find(|p| p.id == ParamId::Provisioned)
            .unwrap();
        prov.set_text("6").unwrap();
        sim.run(&presets[i]);
        assert_eq!(sim.passed, Some(true));
        assert!(sim.actual().unwrap() < 1.0);
    }

    #[test]
    fn hot_key_challenge_passes_when_the_keys_are_spread() {
        let presets = all_presets();
        let i = presets
            .iter()
            .position(|p| p.id() == "ddb-hot-key")
            .unwrap();
        let mut sim = Sim::new(i, &presets[i]);
        sim.run(&presets[i]);
        assert!(sim.actual().unwrap() > 0.0, "the hot key throttles");
        let Some(Outcome::Ddb(r)) = &sim.outcome else {
            panic!()
        };
        let mean: f64 = r.seconds.iter().map(|s| s.consumed).sum::<f64>() / r.seconds.len() as f64;
        assert!(
            mean < r.provisioned as f64 * 0.5,
            "while the table is far below capacity"
        );
        let share = sim
            .params
            .iter()
            .find(|p| p.id == ParamId::DdbHotShare)
            .unwrap();
        assert!(share.locked, "lowering the hot share is not the fix");
        sim.params
            .iter_mut()
            .find(|p| p.id == ParamId::DdbShards)
            .unwrap()
            .set_text("10")
            .unwrap();
        sim.run(&presets[i]);
        assert_eq!(sim.passed, Some(true), "{:?}", sim.challenge);
        let Some(Outcome::Ddb(r)) = &sim.outcome else {
            panic!()
        };
        assert!(
            r.explanation
                .iter()
                .any(|e| e.rule == "ddb.partition.write-sharding")
        );
    }

    #[test]
    fn params_stay_in_range_and_locked_ones_do_not_move() {
        let mut p = Param::new(ParamId::MemoryMb, ("", ""), 128.0, 128.0, 10240.0, 64.0);
        p.nudge(-3.0);
        assert!((p.value - 128.0).abs() < f64::EPSILON);
        assert!(p.set_text("20000").is_err());
        assert!(p.set_text("1,024").is_ok());
        assert!((p.value - 1024.0).abs() < f64::EPSILON);
        p.locked = true;
        p.nudge(5.0);
        assert!((p.value - 1024.0).abs() < f64::EPSILON);
    }

    #[test]
    fn lessons_find_their_simulation() {
        let presets = all_presets();
        let id = |i: Option<usize>| i.map(|i| presets[i].id().to_owned());
        assert_eq!(
            id(preset_for("콜드 스타트 최소화 하기", &[], &presets)).as_deref(),
            Some("lambda-cold-start")
        );
        assert_eq!(
            id(preset_for("Lambda 함수", &["lambda".into()], &presets)).as_deref(),
            Some("lambda-cold-start")
        );
        assert_eq!(
            id(preset_for("파티션 키 디자인", &[], &presets)).as_deref(),
            Some("ddb-hot-key")
        );
        assert_eq!(preset_for("RDS", &["rds".into()], &presets), None);
    }

    fn open(id: &str) -> (Vec<Preset>, usize, Sim) {
        let presets = all_presets();
        let i = presets.iter().position(|p| p.id() == id).unwrap();
        let sim = Sim::new(i, &presets[i]);
        (presets, i, sim)
    }

    fn param(sim: &mut Sim, id: ParamId) -> &mut Param {
        sim.params.iter_mut().find(|p| p.id == id).unwrap()
    }

    #[test]
    fn deploy_canary_challenge_passes_with_a_faster_alarm() {
        let (presets, i, mut sim) = open("deploy-canary");
        assert!(param(&mut sim, ParamId::DeployNewErrorRate).locked);
        sim.run(&presets[i]);
        assert_eq!(sim.passed, Some(false));
        assert!(sim.actual().unwrap() > 0.0);
        param(&mut sim, ParamId::DeployAlarmPeriods)
            .set_text("1")
            .unwrap();
        sim.run(&presets[i]);
        assert_eq!(sim.passed, Some(true));
    }

    #[test]
    fn strategy_is_a_choice_that_cycles() {
        let (presets, i, mut sim) = open("deploy-all-at-once");
        let p = param(&mut sim, ParamId::DeployStrategy);
        assert!(p.is_choice());
        assert_eq!(p.display(Lang::En), "AllAtOnce");
        p.nudge(1.0);
        assert_eq!(p.display(Lang::En), "blue-green");
        p.nudge(1.0);
        assert_eq!(
            p.display(Lang::En),
            "Canary10Percent5Minutes",
            "wraps around"
        );
        sim.run(&presets[i]);
        let Some(Outcome::Deploy(r)) = &sim.outcome else {
            panic!("{:?}", sim.outcome)
        };
        assert_eq!(
            r.strategy,
            "CodeDeployDefault.LambdaCanary10Percent5Minutes"
        );
        assert_eq!(sim.passed, Some(true));
    }

    #[test]
    fn comparison_and_phoenix_run_and_pass_when_fixed() {
        let (presets, i, mut sim) = open("deploy-compare");
        assert!(sim.params.iter().all(|p| p.id != ParamId::DeployStrategy));
        sim.run(&presets[i]);
        let Some(Outcome::Compare(rs)) = &sim.outcome else {
            panic!()
        };
        assert_eq!(rs.len(), 5);
        param(&mut sim, ParamId::DeployAlarmPeriods)
            .set_text("1")
            .unwrap();
        sim.run(&presets[i]);
        assert_eq!(sim.passed, Some(true));
        assert!(sim.actual().unwrap() < 2.0);

        let (presets, i, mut sim) = open("phoenix-drift");
        sim.run(&presets[i]);
        assert_eq!(sim.passed, Some(false));
        assert!(
            (sim.actual().unwrap() - 100.0).abs() < 1e-9,
            "local uploads are all lost"
        );
        param(&mut sim, ParamId::PhoenixUploads).nudge(1.0);
        param(&mut sim, ParamId::PhoenixSessions).nudge(1.0);
        param(&mut sim, ParamId::PhoenixFixesInTemplate).nudge(1.0);
        sim.run(&presets[i]);
        assert_eq!(sim.passed, Some(true));
    }

    #[test]
    fn apigw_preset_edits_percent_traffic() {
        let (presets, i, mut sim) = open("deploy-apigw-canary");
        param(&mut sim, ParamId::DeployCanaryPercent)
            .set_text("5")
            .unwrap();
        sim.run(&presets[i]);
        assert_eq!(sim.passed, Some(true));
    }

    #[test]
    fn deployment_lessons_find_their_simulation() {
        let presets = all_presets();
        let id = |h: &str, tags: &[String]| {
            preset_for(h, tags, &presets).map(|i| presets[i].id().to_owned())
        };
        assert_eq!(id("phoenix server", &[]).as_deref(), Some("phoenix-drift"));
        assert_eq!(
            id("Canary vs Blue-Green deployment", &[]).as_deref(),
            Some("deploy-compare")
        );
        assert_eq!(
            id("Canary 릴리스", &[]).as_deref(),
            Some("deploy-apigw-canary")
        );
        assert_eq!(
            id("배포", &["lambda".into()]).as_deref(),
            Some("deploy-canary")
        );
        assert_eq!(
            id("배포시 패키지 고려사항", &["lambda".into()]).as_deref(),
            Some("lambda-cold-start"),
            "packaging is not traffic shifting"
        );
        assert_eq!(
            id("AWS SAM이란", &["sam".into(), "deployment".into()]).as_deref(),
            Some("deploy-canary")
        );
    }

    #[test]
    fn the_newer_presets_fail_as_shipped_and_pass_with_their_fix() {
        let fixes: [(&str, ParamId, &str); 8] = [
            ("sessions-sticky-failure", ParamId::SessStore, "3"),
            ("sessions-cookie-cart", ParamId::SessItemBytes, "20"),
            ("cache-stale-prices", ParamId::CacheTtl, "30"),
            ("cache-node-failure", ParamId::CacheFillOnMiss, "1"),
            ("replicas-read-after-write", ParamId::RepEngine, "3"),
            ("replicas-failover", ParamId::RepMultiAz, "1"),
            ("throttle-burst", ParamId::ThrRate, "131"),
            ("throttle-poisson", ParamId::ThrStageBurst, "20"),
        ];
        for (id, lever, value) in fixes {
            let (presets, i, mut sim) = open(id);
            sim.run(&presets[i]);
            let ch = sim.challenge.clone().expect("conditions");
            assert_eq!(sim.passed, Some(false), "{id}");
            assert!(ch.failed().count() >= 1, "{id}");
            assert!(sim.actual().is_some(), "{id}: the prediction's number");
            let p = param(&mut sim, lever);
            assert!(!p.locked, "{id}: the lever is free");
            p.set_text(value).unwrap();
            sim.run(&presets[i]);
            let ch = sim.challenge.clone().expect("conditions");
            assert!(ch.passed, "{id}: {:?}", ch.failed().collect::<Vec<_>>());
        }
    }

    #[test]
    fn every_challenge_lists_its_conditions_with_the_measured_value() {
        let (presets, i, mut sim) = open("lambda-cold-start");
        sim.run(&presets[i]);
        let ch = sim.challenge.clone().expect("conditions");
        assert!(ch.conditions.iter().any(|c| c.id == "cost_usd"), "{ch:?}");
        assert_eq!(Some(ch.passed), sim.passed);
    }

    #[test]
    fn a_prediction_asks_about_the_presets_own_goal() {
        let presets = all_presets();
        let prompt = |id: &str| {
            let p = presets.iter().find(|p| p.id() == id).unwrap();
            Sim::guess_prompt(p, Lang::Ko)
        };
        assert!(prompt("lambda-async-dlq").contains("DLQ"));
        assert!(prompt("lambda-cold-start").contains("콜드 스타트"));
        assert!(prompt("sessions-sticky-failure").contains("장바구니"));
        assert!(prompt("throttle-burst").contains("429"));
        let dlq = presets
            .iter()
            .position(|p| p.id() == "lambda-async-dlq")
            .unwrap();
        let mut sim = Sim::new(dlq, &presets[dlq]);
        sim.run(&presets[dlq]);
        let Some(Outcome::Lambda(r)) = &sim.outcome else {
            panic!()
        };
        assert!((sim.actual().unwrap() - lambda::Metric::DlqPct.value(r)).abs() < 1e-9);
    }

    #[test]
    fn the_notes_sections_find_the_newer_simulations() {
        let presets = all_presets();
        let id = |h: &str, tags: &[String]| {
            preset_for(h, tags, &presets).map(|i| presets[i].id().to_owned())
        };
        assert_eq!(
            id("1. Introduce Stickiness (Session Affinity)", &[]).as_deref(),
            Some("sessions-sticky-failure")
        );
        assert_eq!(
            id("2. Introduce User Cookies", &[]).as_deref(),
            Some("sessions-cookie-cart")
        );
        assert_eq!(
            id("2. Scaling Reads (Alternative) – Lazy Loading", &[]).as_deref(),
            Some("cache-stale-prices")
        );
        assert_eq!(
            id("1. Read Replica", &[]).as_deref(),
            Some("replicas-read-after-write")
        );
        assert_eq!(
            id("5. Multi AZ – Survive disasters", &[]).as_deref(),
            Some("replicas-failover")
        );
        assert_eq!(
            id("API 게이트웨이의 기능들", &[]).as_deref(),
            Some("throttle-burst")
        );
        assert_eq!(
            id("4. DynamoDB", &["session".into(), "dynamodb".into()]).as_deref(),
            Some("sessions-sticky-failure")
        );
    }
}
