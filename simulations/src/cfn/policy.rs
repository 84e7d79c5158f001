//! Stack policies: which updates a stack lets through (aws-facts.md 4.3).
//!
//! No policy: every update is allowed. Once any policy is set, every resource is protected by
//! default (implicit deny) and needs an `Allow`; an explicit `Deny` always wins. Actions are
//! `Update:Modify`, `Update:Replace`, `Update:Delete` and `Update:*`; resources are
//! `LogicalResourceId/<id>` with `*` and `?` wildcards; the only condition key is `ResourceType`.

use serde_json::Value;

use super::Text;
use super::template::ParseError;

/// What a statement does when it matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Lets the update through.
    Allow,
    /// Blocks it (always beats `Allow`).
    Deny,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Matcher {
    /// `Action` / `Resource`: matches when any pattern matches.
    Any(Vec<String>),
    /// `NotAction` / `NotResource`: matches when no pattern matches.
    None(Vec<String>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(clippy::enum_variant_names)] // the names of the condition operators
enum Op {
    StringEquals,
    StringNotEquals,
    StringLike,
    StringNotLike,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Condition {
    op: Op,
    values: Vec<String>,
}

/// One statement of the policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// Allow or Deny.
    pub effect: Effect,
    actions: Matcher,
    resources: Matcher,
    conditions: Vec<Condition>,
    /// Position in the policy, 1-based (for explanations).
    pub index: usize,
}

/// A parsed stack policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StackPolicy {
    /// The statements in order.
    pub statements: Vec<Statement>,
}

/// The policy's answer for one resource update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// An `Allow` statement (1-based index) matched and no `Deny` did.
    Allowed(usize),
    /// A `Deny` statement (1-based index) matched.
    Denied(usize),
    /// Nothing matched: a policy exists, so the default is deny.
    ImplicitDeny,
}

impl Decision {
    /// Whether the update may go ahead.
    pub fn allowed(self) -> bool {
        matches!(self, Self::Allowed(_))
    }

    /// Why, in both languages.
    pub fn explain(self, action: &str) -> Text {
        match self {
            Self::Allowed(i) => Text {
                ko: format!(
                    "스택 정책 {i}번째 문장이 {action}{} 허용해요",
                    crate::josa::eul(action)
                ),
                en: format!("stack policy statement {i} allows {action}"),
            },
            Self::Denied(i) => Text {
                ko: format!(
                    "스택 정책 {i}번째 문장이 {action}{} 명시적으로 거부해요 (Deny는 Allow보다 우선해요)",
                    crate::josa::eul(action)
                ),
                en: format!(
                    "stack policy statement {i} explicitly denies {action} (an explicit Deny beats any Allow)"
                ),
            },
            Self::ImplicitDeny => Text {
                ko: format!(
                    "스택 정책이 있으면 허용하지 않은 업데이트는 모두 거부돼요: {action}{} 허용하는 문장이 없어요",
                    crate::josa::eul(action)
                ),
                en: format!(
                    "with a stack policy, anything not allowed is denied: no statement allows {action}"
                ),
            },
        }
    }
}

fn strings(v: &Value) -> Option<Vec<String>> {
    match v {
        Value::String(s) => Some(vec![s.clone()]),
        Value::Array(items) => items
            .iter()
            .map(|i| i.as_str().map(str::to_owned))
            .collect(),
        _ => None,
    }
}

impl StackPolicy {
    /// Parses a stack policy document (JSON).
    pub fn parse(file: &str, text: &str) -> Result<Self, ParseError> {
        let v: Value = serde_json::from_str(text).map_err(|e| {
            ParseError::new(
                file,
                Some(e.line()),
                format!("스택 정책 JSON을 읽을 수 없어요: {e}"),
                format!("invalid stack policy JSON: {e}"),
            )
        })?;
        Self::from_value(file, &v, Some(text))
    }

    /// Builds a policy from a parsed document.
    pub fn from_value(file: &str, v: &Value, text: Option<&str>) -> Result<Self, ParseError> {
        let line = |needle: &str| text.and_then(|t| super::template::find_line(t, needle));
        let err =
            |needle: &str, ko: String, en: String| ParseError::new(file, line(needle), ko, en);
        let statements = match v.get("Statement") {
            Some(Value::Array(s)) => s.clone(),
            Some(s @ Value::Object(_)) => vec![s.clone()],
            _ => {
                return Err(err(
                    "Statement",
                    "스택 정책에 `Statement` 목록이 없어요".into(),
                    "the stack policy has no `Statement` list".into(),
                ));
            }
        };
        let mut out = Vec::new();
        for (i, s) in statements.iter().enumerate() {
            let n = i + 1;
            let effect = match s.get("Effect").and_then(Value::as_str) {
                Some("Allow") => Effect::Allow,
                Some("Deny") => Effect::Deny,
                _ => {
                    return Err(err(
                        "Effect",
                        format!("{n}번째 문장: `Effect`는 Allow나 Deny여야 해요"),
                        format!("statement {n}: `Effect` must be Allow or Deny"),
                    ));
                }
            };
            let pair = |yes: &str, no: &str| -> Result<Matcher, ParseError> {
                match (s.get(yes), s.get(no)) {
                    (Some(v), None) => strings(v).map(Matcher::Any),
                    (None, Some(v)) => strings(v).map(Matcher::None),
                    _ => None,
                }
                .ok_or_else(|| {
                    err(
                        yes,
                        format!("{n}번째 문장: `{yes}`나 `{no}` 중 하나(문자열 또는 목록)가 필요해요"),
                        format!("statement {n}: needs exactly one of `{yes}` or `{no}` (a string or a list)"),
                    )
                })
            };
            let actions = pair("Action", "NotAction")?;
            let resources = pair("Resource", "NotResource")?;
            let mut conditions = Vec::new();
            if let Some(c) = s.get("Condition") {
                let Value::Object(ops) = c else {
                    return Err(err(
                        "Condition",
                        format!("{n}번째 문장: `Condition`은 맵이어야 해요"),
                        format!("statement {n}: `Condition` must be a mapping"),
                    ));
                };
                for (op_name, keys) in ops {
                    let op = match op_name.as_str() {
                        "StringEquals" => Op::StringEquals,
                        "StringNotEquals" => Op::StringNotEquals,
                        "StringLike" => Op::StringLike,
                        "StringNotLike" => Op::StringNotLike,
                        other => {
                            return Err(err(
                                other,
                                format!(
                                    "{n}번째 문장: 조건 연산자 `{other}`는 지원하지 않아요 (StringEquals, StringLike)"
                                ),
                                format!(
                                    "statement {n}: condition operator `{other}` is not supported (StringEquals, StringLike)"
                                ),
                            ));
                        }
                    };
                    let Value::Object(keys) = keys else {
                        return Err(err(
                            op_name,
                            format!("{n}번째 문장: `{op_name}`은 맵이어야 해요"),
                            format!("statement {n}: `{op_name}` must be a mapping"),
                        ));
                    };
                    for (key, values) in keys {
                        if key != "ResourceType" {
                            return Err(err(
                                key,
                                format!(
                                    "{n}번째 문장: 스택 정책의 조건 키는 ResourceType뿐이에요 (`{key}`)"
                                ),
                                format!(
                                    "statement {n}: the only stack policy condition key is ResourceType (`{key}`)"
                                ),
                            ));
                        }
                        let values = strings(values).ok_or_else(|| {
                            err(
                                key,
                                format!(
                                    "{n}번째 문장: ResourceType 값은 문자열이나 목록이어야 해요"
                                ),
                                format!(
                                    "statement {n}: ResourceType values must be a string or a list"
                                ),
                            )
                        })?;
                        conditions.push(Condition { op, values });
                    }
                }
            }
            out.push(Statement {
                effect,
                actions,
                resources,
                conditions,
                index: n,
            });
        }
        Ok(Self { statements: out })
    }

    /// Decides `action` (e.g. `Update:Replace`) on resource `logical_id` of `type_name`.
    pub fn decide(&self, action: &str, logical_id: &str, type_name: &str) -> Decision {
        let resource = format!("LogicalResourceId/{logical_id}");
        let matching = |s: &&Statement| {
            matches(&s.actions, action, true)
                && matches(&s.resources, &resource, false)
                && s.conditions.iter().all(|c| c.holds(type_name))
        };
        if let Some(s) = self
            .statements
            .iter()
            .filter(|s| s.effect == Effect::Deny)
            .find(matching)
        {
            return Decision::Denied(s.index);
        }
        self.statements
            .iter()
            .filter(|s| s.effect == Effect::Allow)
            .find(matching)
            .map_or(Decision::ImplicitDeny, |s| Decision::Allowed(s.index))
    }
}

impl Condition {
    fn holds(&self, type_name: &str) -> bool {
        let any = |like: bool| {
            self.values.iter().any(|v| {
                if like {
                    wildcard(v, type_name, false)
                } else {
                    v == type_name
                }
            })
        };
        match self.op {
            Op::StringEquals => any(false),
            Op::StringNotEquals => !any(false),
            Op::StringLike => any(true),
            Op::StringNotLike => !any(true),
        }
    }
}

fn matches(m: &Matcher, value: &str, ignore_case: bool) -> bool {
    match m {
        Matcher::Any(p) => p.iter().any(|p| wildcard(p, value, ignore_case)),
        Matcher::None(p) => !p.iter().any(|p| wildcard(p, value, ignore_case)),
    }
}

/// `*` matches any run of characters, `?` one character.
pub fn wildcard(pattern: &str, value: &str, ignore_case: bool) -> bool {
    let fold = |s: &str| -> Vec<char> {
        if ignore_case {
            s.to_lowercase().chars().collect()
        } else {
            s.chars().collect()
        }
    };
    let (p, v) = (fold(pattern), fold(value));
    // Classic two-pointer glob match with backtracking to the last `*`.
    let (mut i, mut j) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while j < v.len() {
        if i < p.len() && (p[i] == '?' || p[i] == v[j]) {
            i += 1;
            j += 1;
        } else if i < p.len() && p[i] == '*' {
            star = Some((i, j));
            i += 1;
        } else if let Some((si, sj)) = star {
            i = si + 1;
            j = sj + 1;
            star = Some((si, sj + 1));
        } else {
            return false;
        }
    }
    p[i..].iter().all(|&c| c == '*')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards() {
        assert!(wildcard("Update:*", "Update:Replace", true));
        assert!(wildcard("update:replace", "Update:Replace", true));
        assert!(wildcard(
            "LogicalResourceId/Prod*",
            "LogicalResourceId/ProdDb",
            false
        ));
        assert!(!wildcard(
            "LogicalResourceId/Prod*",
            "LogicalResourceId/Dev",
            false
        ));
        assert!(wildcard("*", "", false));
        assert!(wildcard("a?c", "abc", false));
        assert!(!wildcard("a?c", "ac", false));
    }

    #[test]
    fn statement_shape_errors_name_the_problem() {
        let e =
            StackPolicy::parse("p.json", "{\"Statement\": [{\"Effect\": \"Maybe\"}]}").unwrap_err();
        assert!(e.problem.en.contains("Allow or Deny"));
        let e = StackPolicy::parse("p.json", "{\n\"Statement\": [\n").unwrap_err();
        assert_eq!(e.file, "p.json");
        assert!(e.line.is_some());
    }
}
