//! Typed errors: a deployment config outside what AWS (or the model) allows, and a broken preset.
//!
//! Messages are Korean first, then English, and name the field and its allowed range, so the CLI
//! can print them as they are.

use thiserror::Error;

/// A [`super::DeployConfig`] value outside what AWS or the model allows.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ConfigError {
    /// A strategy name the parser does not know.
    #[error(
        "알 수 없는 배포 전략 '{name}'{j}. 쓸 수 있는 이름: {valid} / unknown deployment strategy '{name}'; valid names: {valid} (https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations.html)",
        j = crate::josa::ieyo(.name)
    )]
    UnknownStrategy {
        /// The text given.
        name: String,
        /// The valid names, comma separated.
        valid: String,
    },
    /// A custom strategy percentage outside its range.
    #[error(
        "전략 '{strategy}'의 비율 {value}%는 {range}% 범위여야 해요 / strategy '{strategy}': percentage {value} must be within {range}"
    )]
    StrategyPercent {
        /// The strategy text.
        strategy: String,
        /// The rejected percentage.
        value: f64,
        /// The allowed range.
        range: &'static str,
    },
    /// A custom interval outside 1-1,440 minutes.
    #[error(
        "전략 '{strategy}'의 간격 {minutes}분은 1-1,440분 범위여야 해요 / strategy '{strategy}': interval {minutes} min must be within 1-1440 (model limit)"
    )]
    StrategyMinutes {
        /// The strategy text.
        strategy: String,
        /// The rejected interval.
        minutes: u32,
    },
    /// A number outside its allowed range (or NaN).
    #[error(
        "{field} 값 {value}{j} {range} 범위여야 해요 / {field} = {value} must be within {range}",
        j = crate::josa::eun(&.value.to_string())
    )]
    OutOfRange {
        /// The config field.
        field: &'static str,
        /// The rejected value.
        value: f64,
        /// The allowed range as text.
        range: &'static str,
    },
    /// A `CloudWatch` alarm period that `CloudWatch` does not accept.
    #[error(
        "알람 기간 {period_s}초는 10, 20, 30초 또는 60초의 배수여야 해요 / alarm period {period_s} s must be 10, 20, 30 or a multiple of 60 (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html)"
    )]
    AlarmPeriod {
        /// The rejected period.
        period_s: u32,
    },
    /// Period x evaluation periods longer than `CloudWatch` allows.
    #[error(
        "알람 기간 {period_s}초 × 평가 기간 {evaluation_periods}개가 {max_s}초를 넘어요 / period {period_s} s x {evaluation_periods} evaluation periods exceeds {max_s} s (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html)"
    )]
    AlarmWindow {
        /// The period.
        period_s: u32,
        /// The evaluation periods.
        evaluation_periods: u32,
        /// One day for periods under an hour, else seven days.
        max_s: u32,
    },
    /// Datapoints to alarm outside 1..=evaluation periods.
    #[error(
        "알람 데이터포인트 {datapoints}개는 1에서 평가 기간 수 {evaluation_periods} 사이여야 해요 / datapoints to alarm {datapoints} must be within 1-{evaluation_periods} (the evaluation periods)"
    )]
    AlarmDatapoints {
        /// The rejected value.
        datapoints: u32,
        /// The evaluation periods.
        evaluation_periods: u32,
    },
    /// The whole deployment would take longer than the model simulates.
    #[error(
        "배포와 관찰 시간이 {seconds}초로 모델 한도 604,800초(7일)를 넘어요 / the deployment plus observation takes {seconds} s, over the model's 604,800 s (7 days)"
    )]
    TooLong {
        /// Seconds the run would need.
        seconds: u64,
    },
}

/// A deployment or phoenix scenario file that cannot be used.
#[derive(Debug, Error)]
pub enum PresetError {
    /// The shared part of the file cannot be read: TOML, a newer `format_version`, the id or a
    /// story text (the message names the line or field).
    #[error("{}", .source.for_scenario(.id, true))]
    Read {
        /// The preset id (file stem).
        id: String,
        /// What is wrong.
        source: crate::challenge::ReadError,
    },
    /// The preset's config breaks a limit.
    #[error("시나리오 {id}의 설정이 잘못됐어요 / scenario {id} has an invalid config: {message}")]
    Config {
        /// The preset id (file stem).
        id: String,
        /// The limit it breaks.
        message: String,
    },
    /// A `fixed` entry that is not a config field.
    #[error(
        "시나리오 {id}의 fixed에 없는 설정 이름 {field}{j} 있어요 / scenario {id}: fixed names unknown config field {field}",
        j = crate::josa::i(.field)
    )]
    UnknownFixed {
        /// The preset id (file stem).
        id: String,
        /// The unknown name.
        field: String,
    },
    /// A required text field is empty, or the challenge is not one line.
    #[error(
        "시나리오 {id}의 {field}{j} 비었거나 한 줄이 아니에요 / scenario {id}: {field} is empty or not one line",
        j = crate::josa::i(.field)
    )]
    Text {
        /// The preset id (file stem).
        id: String,
        /// `title`, `description`, `challenge` (or their `_en` forms) or `pass`.
        field: &'static str,
    },
}

impl crate::Localize for ConfigError {
    fn localize(&self, en: bool) -> String {
        crate::lang::pick(&self.to_string(), en)
    }
}

impl crate::Localize for PresetError {
    fn localize(&self, en: bool) -> String {
        match (self, en) {
            (Self::Read { id, source }, _) => source.for_scenario(id, en),
            (Self::Config { id, message }, false) => format!(
                "시나리오 {id}의 설정이 잘못됐어요: {}",
                crate::lang::pick(message, false)
            ),
            (Self::Config { id, message }, true) => format!(
                "scenario {id} has an invalid config: {}",
                crate::lang::pick(message, true)
            ),
            _ => crate::lang::pick(&self.to_string(), en),
        }
    }
}
