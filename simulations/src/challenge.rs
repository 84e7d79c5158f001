//! Challenges as lists of named conditions, each checked on its own, and the preset format the
//! newer models share (sessions, cache, replicas, throttle).
//!
//! A screen that says only "✗ not passed yet" does not teach; one that lists every condition with
//! the measured value and ✓/✗ does. So a challenge here is a list of [`Condition`]s, each with a
//! Korean and English label, and [`ChallengeResult`] keeps one [`ConditionResult`] per condition
//! (plus one per `fixed` setting the learner changed or kept). The older preset kinds (Lambda,
//! deploy, DynamoDB, phoenix) map their own pass conditions onto the same result type through their
//! `check` functions, so the UI has one way to show every challenge.
//!
//! A condition names its metric by the result's JSON field (`carts_lost`, `throttled_by.account`):
//! the result is serialised and the field read as a number (`true` = 1, `false` = 0, `null` is
//! missing). The names are therefore exactly the CLI's `--json` fields, and a preset file that
//! names a field the result does not have is refused when it loads.
//!
//! The preset file format of the newer kinds (`scenarios/{sessions,cache,replicas,throttle}-*.toml`):
//!
//! ```toml
//! format_version = 1                 # newest this build reads: PRESET_FORMAT_VERSION
//! id = "sessions-sticky-failure"     # must match the file name
//! title = "…"                        # Korean title, description and one-line challenge
//! description = "…"
//! challenge = "…"
//! title_en = "…"                     # the English ones (every shipped preset has them)
//! description_en = "…"
//! challenge_en = "…"
//! levers = ["store"]                 # the settings the learner is meant to change
//! fixed = ["users", "instances"]     # the settings the learner must leave alone
//!
//! [prediction]                       # asked before the first run; about this preset's goal
//! question = "…"
//! question_en = "…"
//! metric = "carts_lost"              # the result field the guess is compared with
//! unit = "개"
//! unit_en = "carts"
//!
//! [[pass]]                           # every condition must hold
//! metric = "carts_lost"
//! op = "=="                          # <, <=, ==, >=, >
//! value = 0
//! label = "잃은 장바구니 0개"
//! label_en = "no cart lost"
//!
//! [config]                           # the model's config, same names as its CLI flags
//! store = "sticky"
//! ```

#![allow(clippy::doc_markdown)] // service names (DynamoDB, ElastiCache, MySQL) read better bare

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Newest preset format this build reads.
pub const PRESET_FORMAT_VERSION: u32 = 1;

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Op {
    /// Strictly less.
    #[serde(rename = "<")]
    Lt,
    /// Less or equal.
    #[serde(rename = "<=")]
    Le,
    /// Equal (within 1e-9).
    #[serde(rename = "==")]
    Eq,
    /// Greater or equal.
    #[serde(rename = ">=")]
    Ge,
    /// Strictly greater.
    #[serde(rename = ">")]
    Gt,
}

impl Op {
    /// Whether `measured op target` holds.
    pub fn test(self, measured: f64, target: f64) -> bool {
        match self {
            Self::Lt => measured < target,
            Self::Le => measured <= target,
            Self::Eq => (measured - target).abs() < 1e-9,
            Self::Ge => measured >= target,
            Self::Gt => measured > target,
        }
    }

    /// The operator as written in preset files (`<=`).
    pub fn symbol(self) -> &'static str {
        match self {
            Self::Lt => "<",
            Self::Le => "<=",
            Self::Eq => "==",
            Self::Ge => ">=",
            Self::Gt => ">",
        }
    }
}

/// A result number a condition can test: its stable id (the result's JSON field) and its name in
/// Korean and English (used to label a condition whose file gives no label).
pub trait Metric {
    /// Stable id, e.g. `cold_start_pct` (the id of the condition's result).
    fn id(&self) -> &str;
    /// The metric's name in Korean and English, e.g. ("비용(USD)", "cost (USD)").
    fn names(&self) -> (&str, &str);
}

/// The newer models name a metric by its JSON field (dots reach into objects).
impl Metric for String {
    fn id(&self) -> &str {
        self
    }
    fn names(&self) -> (&str, &str) {
        (self, self)
    }
}

/// One pass condition of any preset: `metric op value`, with the model's metric type `M` (a typed
/// enum for Lambda, deploy, DynamoDB and phoenix; the result's JSON field for the newer models).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition<M = String> {
    /// What to measure.
    pub metric: M,
    /// How to compare.
    pub op: Op,
    /// The threshold.
    pub value: f64,
    /// The condition in Korean, e.g. "잃은 장바구니 0개" (blank: built from the metric's name,
    /// the operator and the threshold; the newer models require it).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    /// The condition in English (blank: built like `label`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label_en: String,
    /// Deployment comparisons only: the strategy whose row the condition tests (any accepted
    /// spelling; none = every row). Other models refuse it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strategy: Option<String>,
}

impl<M: Metric> Condition<M> {
    /// A condition without labels or row (labels are then built from the metric's name).
    pub fn new(metric: M, op: Op, value: f64) -> Self {
        Self {
            metric,
            op,
            value,
            label: String::new(),
            label_en: String::new(),
            strategy: None,
        }
    }

    /// The same condition with its Korean and English label.
    #[must_use]
    pub fn labelled(mut self, ko: &str, en: &str) -> Self {
        ko.clone_into(&mut self.label);
        en.clone_into(&mut self.label_en);
        self
    }

    /// Whether `measured op value` holds.
    pub fn holds(&self, measured: f64) -> bool {
        self.op.test(measured, self.value)
    }

    /// How the condition came out on `measured`, with the metric's id.
    pub fn check(&self, measured: f64) -> ConditionResult {
        self.check_as(self.metric.id(), ("", ""), measured)
    }

    /// How the condition came out on `measured`, with result id `id` and a prefix for each label
    /// (`prefix.0` Korean, `prefix.1` English; a comparison names the row so).
    pub fn check_as(&self, id: &str, prefix: (&str, &str), measured: f64) -> ConditionResult {
        let t = threshold(self.value);
        let (name_ko, name_en) = self.metric.names();
        let label = |given: &str, name: &str, prefix: &str| {
            let body = if given.trim().is_empty() {
                format!("{name} {} {t}", self.op.symbol())
            } else {
                given.to_owned()
            };
            if prefix.is_empty() {
                body
            } else {
                format!("{prefix}: {body}")
            }
        };
        ConditionResult::new(
            id,
            &label(&self.label, name_ko, prefix.0),
            &label(&self.label_en, name_en, prefix.1),
            self.op,
            self.value,
            measured,
        )
    }
}

/// A threshold as a label shows it: whole numbers with thousands separators.
fn threshold(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e12 {
        let n = v.abs() as u64;
        let s = crate::sessions::group(n);
        if v < 0.0 { format!("-{s}") } else { s }
    } else {
        format!("{v}")
    }
}

/// How one condition came out.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConditionResult {
    /// Stable id: the metric name, or `fixed.<setting>` for a setting that must stay as shipped.
    pub id: String,
    /// The condition in Korean.
    pub label_ko: String,
    /// The condition in English.
    pub label_en: String,
    /// How it is compared.
    pub op: Op,
    /// The threshold (for a `fixed` setting: 1 = unchanged).
    pub target: f64,
    /// The measured value (for a `fixed` setting: 1 = unchanged, 0 = changed).
    pub measured: f64,
    /// Whether the condition holds.
    pub passed: bool,
}

impl ConditionResult {
    /// Checks `measured op target` and keeps both numbers.
    pub fn new(
        id: &str,
        label_ko: &str,
        label_en: &str,
        op: Op,
        target: f64,
        measured: f64,
    ) -> Self {
        Self {
            id: id.to_owned(),
            label_ko: label_ko.to_owned(),
            label_en: label_en.to_owned(),
            op,
            target,
            measured,
            passed: op.test(measured, target),
        }
    }

    /// The condition that a `fixed` setting was left as the preset shipped it.
    pub fn fixed(field: &str, unchanged: bool) -> Self {
        Self::new(
            &format!("fixed.{field}"),
            &format!("설정 `{field}`: 프리셋 값 그대로 두기"),
            &format!("leave the setting `{field}` as the preset has it"),
            Op::Eq,
            1.0,
            if unchanged { 1.0 } else { 0.0 },
        )
    }
}

/// A whole challenge, condition by condition.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChallengeResult {
    /// Every condition holds.
    pub passed: bool,
    /// One entry per condition, in the preset's order, then the `fixed` settings.
    pub conditions: Vec<ConditionResult>,
}

impl ChallengeResult {
    /// Collects condition results; the challenge passes when all of them do.
    pub fn from_conditions(conditions: Vec<ConditionResult>) -> Self {
        Self {
            passed: conditions.iter().all(|c| c.passed),
            conditions,
        }
    }

    /// The conditions that failed.
    pub fn failed(&self) -> impl Iterator<Item = &ConditionResult> {
        self.conditions.iter().filter(|c| !c.passed)
    }
}

/// The number at `path` (`a.b`) in a serialised result: numbers as is, booleans as 0/1; `None`
/// for a missing field, `null`, a string or an object.
pub fn metric_of(value: &serde_json::Value, path: &str) -> Option<f64> {
    let mut v = value;
    for part in path.split('.') {
        v = v.get(part)?;
    }
    match v {
        serde_json::Value::Number(n) => n.as_f64(),
        serde_json::Value::Bool(b) => Some(if *b { 1.0 } else { 0.0 }),
        _ => None,
    }
}

/// Whether `path` names a number or boolean field in `value`, or one that may be `null` (an
/// optional number, such as `failover_s` in a run without a failure).
fn has_field(value: &serde_json::Value, path: &str) -> bool {
    let mut v = value;
    for part in path.split('.') {
        match v.get(part) {
            Some(next) => v = next,
            None => return false,
        }
    }
    matches!(
        v,
        serde_json::Value::Number(_) | serde_json::Value::Bool(_) | serde_json::Value::Null
    )
}

/// What the learner is asked to predict before the first run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prediction {
    /// The question in Korean.
    pub question: String,
    /// The question in English.
    pub question_en: String,
    /// The result field the guess is compared with.
    pub metric: String,
    /// The unit shown after the number, in Korean (e.g. "개").
    pub unit: String,
    /// The unit in English (e.g. "carts").
    pub unit_en: String,
}

/// The version a file without `format_version` has (a user's scenario file may predate the key).
fn first_version() -> u32 {
    1
}

/// The part every preset file shares, whatever its model: format version, id, the story in Korean
/// and English, and the settings to leave alone. Each model's preset embeds it with
/// `#[serde(flatten)]` (and derefs to it), so these keys stay at the top of every file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Header {
    /// File format version; a newer one than [`PRESET_FORMAT_VERSION`] is refused (missing: 1).
    #[serde(default = "first_version")]
    pub format_version: u32,
    /// Stable id, the file name without `.toml` (optional in a file; must match when given).
    #[serde(default)]
    pub id: String,
    /// Korean title.
    pub title: String,
    /// Korean description of the situation.
    pub description: String,
    /// The one-line challenge in Korean.
    pub challenge: String,
    /// English title (optional for Lambda, deploy, DynamoDB and phoenix presets: the English UI
    /// then falls back to the Korean one; required for the newer models).
    #[serde(default, alias = "title-en", skip_serializing_if = "Option::is_none")]
    pub title_en: Option<String>,
    /// English description.
    #[serde(
        default,
        alias = "description-en",
        skip_serializing_if = "Option::is_none"
    )]
    pub description_en: Option<String>,
    /// English one-line challenge.
    #[serde(
        default,
        alias = "challenge-en",
        skip_serializing_if = "Option::is_none"
    )]
    pub challenge_en: Option<String>,
    /// Config fields the learner must leave as they are (so a challenge cannot be passed by
    /// changing the traffic or an assumption).
    #[serde(default)]
    pub fixed: Vec<String>,
}

impl Header {
    /// The English texts are all there (the newer models require them).
    fn has_english(&self) -> bool {
        [&self.title_en, &self.description_en, &self.challenge_en]
            .iter()
            .all(|t| t.is_some())
    }
}

/// A preset file newer than this build: one message for every model, naming the file.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{file}: {}", self.problem(true))]
pub struct NewerFormat {
    /// The file (or preset id) it was read from.
    pub file: String,
    /// The version in the file.
    pub found: u32,
    /// The newest version this build reads.
    pub supported: u32,
}

impl NewerFormat {
    /// The problem without the file name, in English (`en`) or Korean.
    pub fn problem(&self, en: bool) -> String {
        let Self {
            found, supported, ..
        } = self;
        if en {
            format!(
                "format_version {found} is newer than this gureum understands ({supported}); update gureum"
            )
        } else {
            format!(
                "format_version {found}{} 이 gureum이 읽을 수 있는 버전({supported})보다 새로워요 — gureum을 업데이트하세요",
                crate::josa::eun(&found.to_string())
            )
        }
    }
}

impl crate::Localize for NewerFormat {
    fn localize(&self, en: bool) -> String {
        format!("{}: {}", self.file, self.problem(en))
    }
}

/// Why the shared part of a preset file cannot be read (any model).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ReadError {
    /// `format_version` is newer than this build.
    #[error(transparent)]
    Newer(#[from] NewerFormat),
    /// The TOML does not parse, or has a key no part of the preset reads (the TOML parser's
    /// message, which names the line).
    #[error("{0}")]
    Parse(String),
    /// The file's `id` differs from its file name.
    #[error("id {0:?}{j} 파일 이름과 달라요 / id {0:?} does not match the file name", j = crate::josa::i(.0))]
    Id(String),
    /// A text is blank, or a challenge is not one line (the field's name).
    #[error("{0}{j} 비었거나, 과제라면 한 줄이 아니에요 / {0} is empty or, for a challenge, not one line", j = crate::josa::i(.0))]
    Text(&'static str),
}

impl ReadError {
    /// The message for the scenario `id`, in English (`en`) or Korean: the Lambda and deploy
    /// loaders name a scenario by its id.
    pub fn for_scenario(&self, id: &str, en: bool) -> String {
        use crate::Localize;
        match self {
            Self::Newer(e) => e.localize(en),
            Self::Parse(m) if en => format!("cannot parse scenario {id}: {}", m.trim_end()),
            Self::Parse(m) => format!(
                "시나리오 {id}{} 읽을 수 없어요: {}",
                crate::josa::eul(id),
                crate::lang::toml_message(m, false)
            ),
            other if en => format!(
                "scenario {id}: {}",
                crate::lang::pick(&other.to_string(), true)
            ),
            other => format!(
                "시나리오 {id}: {}",
                crate::lang::pick(&other.to_string(), false)
            ),
        }
    }
}

/// Refuses a file whose `format_version` is newer than this build. It is read on its own before
/// the rest, so a newer file with new keys gets this clear message, not "unknown field".
pub fn check_version(file: &str, text: &str) -> Result<(), NewerFormat> {
    if let Ok(table) = toml::from_str::<toml::Table>(text)
        && let Some(found) = table
            .get("format_version")
            .and_then(toml::Value::as_integer)
        && found > i64::from(PRESET_FORMAT_VERSION)
    {
        return Err(NewerFormat {
            file: file.to_owned(),
            found: u32::try_from(found).unwrap_or(u32::MAX),
            supported: PRESET_FORMAT_VERSION,
        });
    }
    Ok(())
}

/// A top-level key of `text` that `parsed` (the preset it gave) does not keep, with the key's
/// line. `#[serde(flatten)]` cannot deny unknown keys, so the loader compares the keys instead.
fn unknown_key<T: Serialize>(text: &str, parsed: &T) -> Option<String> {
    let source = toml::from_str::<toml::Table>(text).ok()?;
    let Ok(serde_json::Value::Object(kept)) = serde_json::to_value(parsed) else {
        return None;
    };
    let norm = |k: &str| k.replace('-', "_");
    let kept: Vec<String> = kept.keys().map(|k| norm(k)).collect();
    let key = source.keys().find(|k| !kept.contains(&norm(k)))?;
    let (n, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| {
            let l = l.trim_start().trim_start_matches('[');
            l.strip_prefix(key.as_str())
                .is_some_and(|rest| rest.trim_start().starts_with(['=', '.', ']']))
        })
        .unwrap_or((0, ""));
    let mut known: Vec<&String> = kept.iter().collect();
    known.sort();
    let known = known
        .iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let n = n + 1;
    Some(format!(
        "TOML parse error at line {n}, column 1\n  |\n{n} | {line}\n  | ^\nunknown field `{key}`, expected one of {known}\n"
    ))
}

/// Reads any model's preset file `file`: refuses a newer `format_version`, parses `T` (which
/// embeds a [`Header`] reached by `header`), refuses a key nothing reads, fills the id in from
/// the file name (or refuses one that differs), and checks the texts. The model checks the rest.
pub fn read_preset<T: DeserializeOwned + Serialize>(
    file: &str,
    text: &str,
    header: fn(&mut T) -> &mut Header,
) -> Result<T, ReadError> {
    check_version(file, text)?;
    let mut preset: T = toml::from_str(text).map_err(|e| ReadError::Parse(e.to_string()))?;
    if let Some(message) = unknown_key(text, &preset) {
        return Err(ReadError::Parse(message));
    }
    let h = header(&mut preset);
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let stem = name.strip_suffix(".toml").unwrap_or(name);
    if h.id.is_empty() {
        stem.clone_into(&mut h.id);
    } else if h.id != stem {
        return Err(ReadError::Id(h.id.clone()));
    }
    if let Some(field) = crate::story::bad_text(
        [&h.title, &h.description, &h.challenge],
        [
            h.title_en.as_deref(),
            h.description_en.as_deref(),
            h.challenge_en.as_deref(),
        ],
    ) {
        return Err(ReadError::Text(field));
    }
    Ok(preset)
}

/// Implements `Deref`/`DerefMut` to the embedded [`Header`], so `preset.id`, `preset.title` and
/// `preset.fixed` read the same in every model.
#[macro_export]
#[doc(hidden)]
macro_rules! deref_header {
    ($t:ty $(, $g:ident)?) => {
        impl$(<$g>)? std::ops::Deref for $t {
            type Target = $crate::challenge::Header;
            fn deref(&self) -> &Self::Target {
                &self.header
            }
        }
        impl$(<$g>)? std::ops::DerefMut for $t {
            fn deref_mut(&mut self) -> &mut Self::Target {
                &mut self.header
            }
        }
    };
}

/// A preset of the newer models: the shared header, levers, prediction, named conditions and a
/// config `C`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Preset<C> {
    /// Version, id, story and `fixed` (the keys every preset file has).
    #[serde(flatten)]
    pub header: Header,
    /// The settings the learner is meant to change (the screen must offer them).
    #[serde(default)]
    pub levers: Vec<String>,
    /// The question asked before the first run.
    pub prediction: Prediction,
    /// Every condition must hold.
    pub pass: Vec<Condition>,
    /// The starting configuration (the problem to fix).
    pub config: C,
}

crate::deref_header!(Preset<C>, C);

/// A preset file that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PresetError {
    /// The TOML does not parse or has unknown fields (the message names the line).
    #[error("{file}: {message}")]
    Parse {
        /// The file name.
        file: String,
        /// The parser's message.
        message: String,
    },
    /// The file is newer than this build.
    #[error(transparent)]
    Newer(#[from] NewerFormat),
    /// Something in the file is wrong (named in the message).
    #[error("{file}: {message}")]
    Invalid {
        /// The file name.
        file: String,
        /// What is wrong.
        message: String,
    },
}

impl crate::Localize for PresetError {
    fn localize(&self, en: bool) -> String {
        match (self, en) {
            (Self::Parse { file, message }, _) => {
                format!("{file}: {}", crate::lang::toml_message(message, en))
            }
            (Self::Newer(e), _) => e.localize(en),
            (Self::Invalid { file, message }, _) => {
                format!("{file}: {}", crate::lang::pick(message, en))
            }
        }
    }
}

/// A config as a JSON object of field name -> value.
fn fields<C: Serialize>(config: &C) -> serde_json::Map<String, serde_json::Value> {
    match serde_json::to_value(config) {
        Ok(serde_json::Value::Object(m)) => m,
        _ => serde_json::Map::new(),
    }
}

impl<C: Serialize + DeserializeOwned> Preset<C> {
    /// Parses and checks one preset file named `file`. `run` runs a config and returns its
    /// result as JSON (the loader runs the shipped config once, so a metric the result lacks or a
    /// config the model refuses is reported now, with the file name).
    pub fn parse(
        file: &str,
        text: &str,
        run: impl Fn(&C) -> Result<serde_json::Value, String>,
    ) -> Result<Self, PresetError> {
        let invalid = |message: String| PresetError::Invalid {
            file: file.to_owned(),
            message,
        };
        let preset: Self =
            read_preset::<Self>(file, text, |p| &mut p.header).map_err(|e| match e {
                ReadError::Newer(e) => PresetError::Newer(e),
                ReadError::Parse(message) => PresetError::Parse {
                    file: file.to_owned(),
                    message,
                },
                other => invalid(other.to_string()),
            })?;
        if !preset.has_english() {
            let field = [
                (&preset.title_en, "title_en"),
                (&preset.description_en, "description_en"),
                (&preset.challenge_en, "challenge_en"),
            ]
            .into_iter()
            .find_map(|(t, f)| t.is_none().then_some(f))
            .unwrap_or("title_en");
            return Err(invalid(ReadError::Text(field).to_string()));
        }
        if preset.pass.is_empty() {
            return Err(invalid(
                "pass에 조건이 없어요 / pass has no condition".to_owned(),
            ));
        }
        let blank = |s: &str| s.trim().is_empty();
        if let Some(c) = preset
            .pass
            .iter()
            .find(|c| blank(&c.label) || blank(&c.label_en) || c.strategy.is_some())
        {
            return Err(invalid(format!(
                "{} 조건에 label과 label_en이 필요하고 strategy는 쓸 수 없어요 / the condition on {} needs label and label_en (and takes no strategy)",
                c.metric, c.metric
            )));
        }
        let p = &preset.prediction;
        if [&p.question, &p.question_en, &p.unit, &p.unit_en]
            .iter()
            .any(|s| blank(s))
        {
            return Err(invalid(
                "prediction에 question, question_en, unit, unit_en이 필요해요 / prediction needs question, question_en, unit and unit_en".to_owned(),
            ));
        }
        let known = fields(&preset.config);
        if let Some(bad) = preset
            .fixed
            .iter()
            .chain(&preset.levers)
            .find(|f| !known.contains_key(f.as_str()))
        {
            return Err(invalid(format!(
                "{bad:?}{} 이 모델의 설정이 아니에요 / {bad:?} is not a setting of this model",
                crate::josa::eun(bad)
            )));
        }
        if let Some(both) = preset.levers.iter().find(|l| preset.fixed.contains(l)) {
            return Err(invalid(format!(
                "{both:?}{} lever이면서 fixed예요 / {both:?} is both a lever and fixed",
                crate::josa::i(both)
            )));
        }
        let result = run(&preset.config).map_err(invalid)?;
        if let Some(bad) = preset
            .pass
            .iter()
            .map(|c| &c.metric)
            .chain(std::iter::once(&preset.prediction.metric))
            .find(|m| !has_field(&result, m))
        {
            return Err(invalid(format!(
                "{bad:?}{} 이 모델의 결과에 있는 숫자가 아니에요 / {bad:?} is not a number in this model's result",
                crate::josa::eun(bad)
            )));
        }
        Ok(preset)
    }

    /// Parses one preset file of a model whose `simulate` gives a serialisable result.
    pub fn parse_for<R: Serialize, E: std::fmt::Display>(
        file: &str,
        text: &str,
        simulate: fn(&C) -> Result<R, E>,
    ) -> Result<Self, PresetError> {
        Self::parse(file, text, |c| {
            let r = simulate(c).map_err(|e| e.to_string())?;
            serde_json::to_value(r).map_err(|e| e.to_string())
        })
    }

    /// Every embedded preset file `(name, text)` of a model, or the first broken one.
    pub fn load_all<R: Serialize, E: std::fmt::Display>(
        files: &[(&str, &str)],
        simulate: fn(&C) -> Result<R, E>,
    ) -> Result<Vec<Self>, PresetError> {
        files
            .iter()
            .map(|(f, t)| Self::parse_for(f, t, simulate))
            .collect()
    }

    /// The `fixed` settings that `config` changed from the preset's.
    pub fn changed_fixed(&self, config: &C) -> Vec<String> {
        let ours = fields(&self.config);
        let theirs = fields(config);
        self.fixed
            .iter()
            .filter(|f| ours.get(f.as_str()) != theirs.get(f.as_str()))
            .cloned()
            .collect()
    }

    /// Every condition on `result` (run with `config`), then every `fixed` setting.
    pub fn check<R: Serialize>(&self, config: &C, result: &R) -> ChallengeResult {
        let value = serde_json::to_value(result).unwrap_or(serde_json::Value::Null);
        let changed = self.changed_fixed(config);
        let mut out: Vec<ConditionResult> = self
            .pass
            .iter()
            .map(|c| {
                // A missing number (e.g. no failover happened) never passes.
                c.check(metric_of(&value, &c.metric).unwrap_or(f64::NAN))
            })
            .collect();
        out.extend(
            self.fixed
                .iter()
                .map(|f| ConditionResult::fixed(f, !changed.contains(f))),
        );
        ChallengeResult::from_conditions(out)
    }

    /// The number the prediction is compared with, if the result has it.
    pub fn predicted_value<R: Serialize>(&self, result: &R) -> Option<f64> {
        let value = serde_json::to_value(result).ok()?;
        metric_of(&value, &self.prediction.metric)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn metric_paths_read_numbers_and_booleans() {
        let v = json!({"a": 3, "b": {"c": 2.5}, "d": true, "e": null, "f": "x"});
        assert_eq!(metric_of(&v, "a"), Some(3.0));
        assert_eq!(metric_of(&v, "b.c"), Some(2.5));
        assert_eq!(metric_of(&v, "d"), Some(1.0));
        assert_eq!(metric_of(&v, "e"), None);
        assert_eq!(metric_of(&v, "f"), None);
        assert_eq!(metric_of(&v, "zz"), None);
        assert!(has_field(&v, "e"));
        assert!(!has_field(&v, "f"));
    }

    #[test]
    fn each_condition_is_reported_with_its_value() {
        let r = ChallengeResult::from_conditions(vec![
            ConditionResult::new("x", "엑스", "x", Op::Le, 5.0, 4.0),
            ConditionResult::new("y", "와이", "y", Op::Eq, 0.0, 2.0),
            ConditionResult::fixed("users", true),
        ]);
        assert!(!r.passed);
        let failed: Vec<_> = r.failed().map(|c| c.id.as_str()).collect();
        assert_eq!(failed, ["y"]);
        assert!(r.conditions[2].passed);
        // NaN (a missing number) never passes any comparison.
        assert!(!Op::Le.test(f64::NAN, 1.0) && !Op::Eq.test(f64::NAN, 0.0));
    }
}
