//! Deployment strategies and the traffic schedule each one produces.
//!
//! Names follow `CodeDeploy` (aws-facts.md 3.2): the nine `CodeDeployDefault.Lambda*` configurations
//! are accepted with or without the `CodeDeployDefault.Lambda` prefix (SAM's `DeploymentPreference`
//! `Type` drops it), the five `CodeDeployDefault.ECS*` ones with or without `CodeDeployDefault.`.
//! On top, a small documented syntax for the rest:
//!
//! | text | meaning |
//! |---|---|
//! | `canary:P:M` | P% first, the rest after M minutes (`TimeBasedCanary`) |
//! | `linear:P:M` | +P% every M minutes (`TimeBasedLinear`) |
//! | `blue-green[:M]` | `PreTraffic` hook, then 100% at once; the old version is kept M minutes (default 5) for an instant rollback |
//! | `apigw-canary:P[:M]` | API Gateway stage canary with `percentTraffic` P (0.0-100.0), promoted after M minutes (default 10) |
//!
//! Timeline convention (aws-facts.md 3.6): a canary sends X% at t = 0 and the rest after N
//! minutes. For linear, the first increment at t = 0 is an assumption by analogy; the trail says so.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::error::ConfigError;

/// The longest custom interval or bake time the model accepts, minutes (one day; a model limit).
pub const INTERVAL_MAX_MIN: u32 = 1_440;
/// Default time the old version is kept after a blue/green switch, minutes (a model choice).
pub const BLUE_GREEN_BAKE_MIN: u32 = 5;
/// Default API Gateway canary bake time before promotion, minutes (a model choice).
pub const APIGW_BAKE_MIN: u32 = 10;

/// Which service runs the deployment (changes names and rollback rules, not the schedule).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Platform {
    /// `CodeDeploy` shifting a Lambda alias.
    Lambda,
    /// `CodeDeploy` shifting an ECS service between task sets.
    Ecs,
    /// An API Gateway REST API stage canary (no `CodeDeploy`).
    ApiGateway,
}

/// How traffic moves to the new version.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Kind {
    /// `percent` at t = 0, the rest after `interval_min` minutes.
    Canary {
        /// First increment, percent.
        percent: f64,
        /// Minutes before the rest moves.
        interval_min: u32,
    },
    /// +`percent` every `interval_min` minutes (first increment at t = 0: an assumption).
    Linear {
        /// Each increment, percent.
        percent: f64,
        /// Minutes between increments.
        interval_min: u32,
    },
    /// Everything at t = 0.
    AllAtOnce,
    /// Everything at t = 0 after the `PreTraffic` hook; the old version stays `bake_min` minutes.
    BlueGreen {
        /// Minutes the old version is kept and the alarm watched after the switch.
        bake_min: u32,
    },
    /// API Gateway `canarySettings.percentTraffic`, promoted after `bake_min` minutes.
    ApiGatewayCanary {
        /// `percentTraffic`, 0.0-100.0.
        percent_traffic: f64,
        /// Minutes before promotion.
        bake_min: u32,
    },
}

/// A parsed strategy: its canonical name, platform and kind. In files and on the command line it is
/// its text (any accepted spelling, see the module docs); it is written back as its canonical name.
#[derive(Debug, Clone, PartialEq)]
pub struct Strategy {
    /// Canonical name, e.g. `CodeDeployDefault.LambdaCanary10Percent5Minutes` or `canary:20:5`.
    pub name: String,
    /// Who runs it.
    pub platform: Platform,
    /// The traffic schedule's shape.
    pub kind: Kind,
}

const fn canary(percent: f64, interval_min: u32) -> Kind {
    Kind::Canary {
        percent,
        interval_min,
    }
}

const fn linear(percent: f64, interval_min: u32) -> Kind {
    Kind::Linear {
        percent,
        interval_min,
    }
}

/// The nine Lambda configurations, without the `CodeDeployDefault.Lambda` prefix (aws-facts.md 3.2).
pub const LAMBDA_CONFIGS: [(&str, Kind); 9] = [
    ("Canary10Percent5Minutes", canary(10.0, 5)),
    ("Canary10Percent10Minutes", canary(10.0, 10)),
    ("Canary10Percent15Minutes", canary(10.0, 15)),
    ("Canary10Percent30Minutes", canary(10.0, 30)),
    ("Linear10PercentEvery1Minute", linear(10.0, 1)),
    ("Linear10PercentEvery2Minutes", linear(10.0, 2)),
    ("Linear10PercentEvery3Minutes", linear(10.0, 3)),
    ("Linear10PercentEvery10Minutes", linear(10.0, 10)),
    ("AllAtOnce", Kind::AllAtOnce),
];

/// The five ECS configurations, without the `CodeDeployDefault.` prefix (note the plural
/// "Minutes" in `ECSLinear10PercentEvery1Minutes`, as AWS spells it).
pub const ECS_CONFIGS: [(&str, Kind); 5] = [
    ("ECSLinear10PercentEvery1Minutes", linear(10.0, 1)),
    ("ECSLinear10PercentEvery3Minutes", linear(10.0, 3)),
    ("ECSCanary10Percent5Minutes", canary(10.0, 5)),
    ("ECSCanary10Percent15Minutes", canary(10.0, 15)),
    ("ECSAllAtOnce", Kind::AllAtOnce),
];

/// Every name the parser accepts, for error messages and help: the predefined names (short form)
/// and the custom syntax.
pub fn valid_names() -> Vec<String> {
    let mut out: Vec<String> = LAMBDA_CONFIGS
        .iter()
        .chain(&ECS_CONFIGS)
        .map(|(n, _)| (*n).to_owned())
        .collect();
    out.extend(
        [
            "canary:PERCENT:MINUTES",
            "linear:PERCENT:MINUTES",
            "blue-green[:MINUTES]",
            "apigw-canary:PERCENT[:MINUTES]",
        ]
        .map(str::to_owned),
    );
    out
}

fn unknown(text: &str) -> ConfigError {
    ConfigError::UnknownStrategy {
        name: text.to_owned(),
        valid: valid_names().join(", "),
    }
}

fn number(text: &str, part: &str) -> Result<f64, ConfigError> {
    part.trim()
        .trim_end_matches('%')
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| unknown(text))
}

fn minutes(text: &str, part: Option<&str>, default: u32) -> Result<u32, ConfigError> {
    let Some(part) = part else {
        return Ok(default);
    };
    let m: u32 = part.trim().parse().map_err(|_| unknown(text))?;
    if !(1..=INTERVAL_MAX_MIN).contains(&m) {
        return Err(ConfigError::StrategyMinutes {
            strategy: text.to_owned(),
            minutes: m,
        });
    }
    Ok(m)
}

fn codedeploy_percent(text: &str, p: f64) -> Result<f64, ConfigError> {
    // 100% in one step is AllAtOnce; 0% would never move traffic.
    if !(1.0..=99.0).contains(&p) {
        return Err(ConfigError::StrategyPercent {
            strategy: text.to_owned(),
            value: p,
            range: "1-99",
        });
    }
    Ok(p)
}

impl Default for Strategy {
    /// `Canary10Percent5Minutes`, SAM's usual example.
    fn default() -> Self {
        let (name, kind) = LAMBDA_CONFIGS[0];
        Self {
            name: format!("CodeDeployDefault.Lambda{name}"),
            platform: Platform::Lambda,
            kind,
        }
    }
}

impl std::str::FromStr for Strategy {
    type Err = ConfigError;
    fn from_str(text: &str) -> Result<Self, ConfigError> {
        Self::parse(text)
    }
}

impl Serialize for Strategy {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.name)
    }
}

impl<'de> Deserialize<'de> for Strategy {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

impl Strategy {
    /// An API Gateway stage canary: `percent_traffic` (clamped to 0.0-100.0) for `bake_min`
    /// minutes (clamped to 1-1,440), then promoted. Built directly, not from text.
    pub fn apigw_canary(percent_traffic: f64, bake_min: u32) -> Self {
        let kind = Kind::ApiGatewayCanary {
            percent_traffic: percent_traffic.clamp(0.0, 100.0),
            bake_min: bake_min.clamp(1, INTERVAL_MAX_MIN),
        };
        Self {
            name: canonical(kind),
            platform: Platform::ApiGateway,
            kind,
        }
    }

    /// Parses a strategy name (see the module docs); unknown names list the valid ones.
    pub fn parse(text: &str) -> Result<Self, ConfigError> {
        let t = text.trim();
        let lower = t.to_ascii_lowercase();
        let short = lower.strip_prefix("codedeploydefault.").unwrap_or(&lower);
        if let Some((name, kind)) = ECS_CONFIGS
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(short))
        {
            return Ok(Self {
                name: format!("CodeDeployDefault.{name}"),
                platform: Platform::Ecs,
                kind: *kind,
            });
        }
        let lambda = short.strip_prefix("lambda").unwrap_or(short);
        if let Some((name, kind)) = LAMBDA_CONFIGS
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(lambda))
        {
            return Ok(Self {
                name: format!("CodeDeployDefault.Lambda{name}"),
                platform: Platform::Lambda,
                kind: *kind,
            });
        }
        let parts: Vec<&str> = lower.split(':').collect();
        let (head, args) = parts.split_first().ok_or_else(|| unknown(t))?;
        let kind = match (head.trim(), args) {
            ("canary", [p, m]) => canary(
                codedeploy_percent(t, number(t, p)?)?,
                minutes(t, Some(m), 0)?,
            ),
            ("linear", [p, m]) => linear(
                codedeploy_percent(t, number(t, p)?)?,
                minutes(t, Some(m), 0)?,
            ),
            ("blue-green" | "bluegreen" | "blue/green", rest) if rest.len() <= 1 => {
                Kind::BlueGreen {
                    bake_min: minutes(t, rest.first().copied(), BLUE_GREEN_BAKE_MIN)?,
                }
            }
            ("apigw-canary" | "apigateway-canary", [p, rest @ ..]) if rest.len() <= 1 => {
                let pct = number(t, p)?;
                if !(0.0..=100.0).contains(&pct) {
                    return Err(ConfigError::StrategyPercent {
                        strategy: t.to_owned(),
                        value: pct,
                        range: "0.0-100.0",
                    });
                }
                Kind::ApiGatewayCanary {
                    percent_traffic: pct,
                    bake_min: minutes(t, rest.first().copied(), APIGW_BAKE_MIN)?,
                }
            }
            _ => return Err(unknown(t)),
        };
        let platform = if matches!(kind, Kind::ApiGatewayCanary { .. }) {
            Platform::ApiGateway
        } else {
            Platform::Lambda
        };
        Ok(Self {
            name: canonical(kind),
            platform,
            kind,
        })
    }

    /// The weight steps: (seconds after the shift starts, percent to the new version), ending at 100.
    pub fn schedule(&self) -> Vec<(u64, f64)> {
        match self.kind {
            Kind::Canary {
                percent,
                interval_min,
            } => vec![(0, percent), (u64::from(interval_min) * 60, 100.0)],
            Kind::Linear {
                percent,
                interval_min,
            } => {
                let mut out = Vec::new();
                let mut k = 0u64;
                loop {
                    let p = (percent * (k + 1) as f64).min(100.0);
                    out.push((k * u64::from(interval_min) * 60, p));
                    // The float product can land a hair under 100 (e.g. 33.3 x 3); treat it as done.
                    if p >= 100.0 - 1e-9 {
                        if let Some(last) = out.last_mut() {
                            last.1 = 100.0;
                        }
                        return out;
                    }
                    k += 1;
                }
            }
            Kind::AllAtOnce | Kind::BlueGreen { .. } => vec![(0, 100.0)],
            Kind::ApiGatewayCanary {
                percent_traffic,
                bake_min,
            } => vec![(0, percent_traffic), (u64::from(bake_min) * 60, 100.0)],
        }
    }

    /// Seconds after the last shift during which the old version is kept and alarms still count.
    pub fn bake_s(&self) -> u64 {
        match self.kind {
            Kind::BlueGreen { bake_min } => u64::from(bake_min) * 60,
            _ => 0,
        }
    }

    /// One-line description in Korean and English.
    pub fn describe(&self) -> (String, String) {
        match self.kind {
            Kind::Canary {
                percent,
                interval_min,
            } => (
                format!(
                    "카나리: 처음에 {}%를 옮기고, {interval_min}분 뒤 나머지 {}%를 옮겨요",
                    pct(percent),
                    pct(100.0 - percent)
                ),
                format!(
                    "Canary: {}% first, the remaining {}% after {interval_min} min",
                    pct(percent),
                    pct(100.0 - percent)
                ),
            ),
            Kind::Linear {
                percent,
                interval_min,
            } => (
                format!("선형: {interval_min}분마다 {}%씩 옮겨요", pct(percent)),
                format!("Linear: +{}% every {interval_min} min", pct(percent)),
            ),
            Kind::AllAtOnce => (
                "한꺼번에(AllAtOnce): 모든 트래픽을 한 번에 옮겨요".to_owned(),
                "All at once: all traffic moves in one step".to_owned(),
            ),
            Kind::BlueGreen { bake_min } => (
                format!(
                    "블루/그린: 새 버전을 이전 버전 옆에 띄우고 PreTraffic 훅 뒤 100%를 한 번에 전환해요. 이전 버전은 {bake_min}분 동안 남겨 두고 바로 되돌릴 수 있게 해요"
                ),
                format!(
                    "Blue/green: the new version runs beside the old one; after the PreTraffic hook 100% switches at once, and the old version is kept {bake_min} min for an instant rollback"
                ),
            ),
            Kind::ApiGatewayCanary {
                percent_traffic,
                bake_min,
            } => (
                format!(
                    "API Gateway 스테이지 카나리: percentTraffic {}%를 카나리 배포로 보내고, {bake_min}분 뒤 승격(promote)해요",
                    pct(percent_traffic)
                ),
                format!(
                    "API Gateway stage canary: percentTraffic {}% goes to the canary deployment, promoted after {bake_min} min",
                    pct(percent_traffic)
                ),
            ),
        }
    }
}

fn canonical(kind: Kind) -> String {
    match kind {
        Kind::Canary {
            percent,
            interval_min,
        } => format!("canary:{}:{interval_min}", pct(percent)),
        Kind::Linear {
            percent,
            interval_min,
        } => format!("linear:{}:{interval_min}", pct(percent)),
        Kind::AllAtOnce => "AllAtOnce".to_owned(),
        Kind::BlueGreen { bake_min } => format!("blue-green:{bake_min}"),
        Kind::ApiGatewayCanary {
            percent_traffic,
            bake_min,
        } => format!("apigw-canary:{}:{bake_min}", pct(percent_traffic)),
    }
}

/// A percentage without a useless `.0`: `10`, `2.5`.
pub(crate) fn pct(p: f64) -> String {
    if (p - p.round()).abs() < 1e-9 {
        format!("{}", p.round() as i64)
    } else {
        let s = format!("{p:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_with_and_without_prefix() {
        for text in [
            "Canary10Percent5Minutes",
            "LambdaCanary10Percent5Minutes",
            "CodeDeployDefault.LambdaCanary10Percent5Minutes",
            "codedeploydefault.lambdacanary10percent5minutes",
        ] {
            let s = Strategy::parse(text).unwrap();
            assert_eq!(s.name, "CodeDeployDefault.LambdaCanary10Percent5Minutes");
            assert_eq!(s.platform, Platform::Lambda);
        }
        let ecs = Strategy::parse("CodeDeployDefault.ECSLinear10PercentEvery1Minutes").unwrap();
        assert_eq!(ecs.platform, Platform::Ecs);
        assert_eq!(
            Strategy::parse("ECSAllAtOnce").unwrap().kind,
            Kind::AllAtOnce
        );
    }

    #[test]
    fn custom_syntax() {
        assert_eq!(
            Strategy::parse("canary:20:5").unwrap().schedule(),
            vec![(0, 20.0), (300, 100.0)]
        );
        assert_eq!(
            Strategy::parse("linear:30:2").unwrap().schedule(),
            vec![(0, 30.0), (120, 60.0), (240, 90.0), (360, 100.0)]
        );
        let bg = Strategy::parse("blue-green").unwrap();
        assert_eq!(bg.kind, Kind::BlueGreen { bake_min: 5 });
        assert_eq!(bg.bake_s(), 300);
        let api = Strategy::parse("apigw-canary:0.5:20").unwrap();
        assert_eq!(api.platform, Platform::ApiGateway);
        assert_eq!(api.schedule(), vec![(0, 0.5), (1200, 100.0)]);
        assert_eq!(api.name, "apigw-canary:0.5:20");
    }

    #[test]
    fn bad_names_and_numbers_are_errors() {
        let e = Strategy::parse("Canary50Percent").unwrap_err();
        assert!(e.to_string().contains("Linear10PercentEvery1Minute"), "{e}");
        assert!(matches!(
            Strategy::parse("canary:0:5"),
            Err(ConfigError::StrategyPercent { .. })
        ));
        assert!(matches!(
            Strategy::parse("linear:10:0"),
            Err(ConfigError::StrategyMinutes { .. })
        ));
        assert!(matches!(
            Strategy::parse("apigw-canary:100.5"),
            Err(ConfigError::StrategyPercent { .. })
        ));
        assert!(Strategy::parse("").is_err());
    }
}
