//! Reading CloudFormation templates: YAML or JSON, short-form intrinsic tags normalised to their
//! long form, and the parts of each resource the update rules look at.
//!
//! Everything is normalised to a `serde_json::Value` in long form (`!Ref X` becomes
//! `{"Ref": "X"}`, `!GetAtt A.B` becomes `{"Fn::GetAtt": ["A", "B"]}`), so a YAML template and its
//! JSON twin compare equal, and so do the short and the long form of the same function.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::Text;

/// A template that could not be read: which file, which line (when known), what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.message(true))]
pub struct ParseError {
    /// The file as the user named it.
    pub file: String,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// The problem, in Korean and English.
    pub problem: Text,
}

impl ParseError {
    pub(crate) fn new(file: &str, line: Option<usize>, ko: String, en: String) -> Self {
        Self {
            file: file.to_owned(),
            line,
            problem: Text { ko, en },
        }
    }

    /// `file:line: problem` in English (`en`) or Korean.
    pub fn message(&self, en: bool) -> String {
        let problem = if en {
            &self.problem.en
        } else {
            &self.problem.ko
        };
        match self.line {
            Some(line) => format!("{}:{line}: {problem}", self.file),
            None => format!("{}: {problem}", self.file),
        }
    }
}

/// The intrinsic functions that have a YAML short form (`!Name`), and `Ref`/`Condition`, whose long
/// form has no `Fn::` prefix. `ToJsonString` and `Length` come from the `AWS::LanguageExtensions`
/// transform.
const SHORT_FORMS: [&str; 20] = [
    "Ref",
    "Condition",
    "GetAtt",
    "Sub",
    "Join",
    "If",
    "Select",
    "Split",
    "FindInMap",
    "ImportValue",
    "GetAZs",
    "Base64",
    "Cidr",
    "Equals",
    "And",
    "Or",
    "Not",
    "Transform",
    "ToJsonString",
    "Length",
];

/// A deletion or update-replace policy as written in the template.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Policy {
    /// Delete the resource (the default for almost every type).
    Delete,
    /// Keep the resource outside the stack.
    Retain,
    /// Like `Retain`, but delete it if the operation that created it rolls back.
    RetainExceptOnCreate,
    /// Take a snapshot, then delete (only on types that support snapshots).
    Snapshot,
}

impl Policy {
    fn parse(s: &str) -> Option<Self> {
        match s {
            "Delete" => Some(Self::Delete),
            "Retain" => Some(Self::Retain),
            "RetainExceptOnCreate" => Some(Self::RetainExceptOnCreate),
            "Snapshot" => Some(Self::Snapshot),
            _ => None,
        }
    }

    /// The name as written in templates.
    pub fn name(self) -> &'static str {
        match self {
            Self::Delete => "Delete",
            Self::Retain => "Retain",
            Self::RetainExceptOnCreate => "RetainExceptOnCreate",
            Self::Snapshot => "Snapshot",
        }
    }
}

/// One resource of a template.
#[derive(Debug, Clone, PartialEq)]
pub struct Resource {
    /// The logical id (the key under `Resources`).
    pub logical_id: String,
    /// `Type`, e.g. `AWS::DynamoDB::Table`.
    pub type_name: String,
    /// `Properties` (long form; SAM `Globals` already merged in).
    pub properties: Map<String, Value>,
    /// `DeletionPolicy`, when set.
    pub deletion_policy: Option<Policy>,
    /// `UpdateReplacePolicy`, when set.
    pub update_replace_policy: Option<Policy>,
    /// `Metadata` without the `gureum` key (which only annotates data for the story).
    pub metadata: Option<Value>,
    /// `Condition`: the resource exists only when it holds (not evaluated).
    pub condition: Option<String>,
    /// `Metadata.gureum.data`: what the resource holds, e.g. `12,000 items`.
    pub data: Option<String>,
    /// `Metadata.gureum.root_device: instance-store`: an EC2 instance launched from an instance
    /// store-backed AMI (the template alone cannot show it; the AMI decides).
    pub instance_store: bool,
    /// 1-based line of the resource's key, when found.
    pub line: Option<usize>,
}

/// A parsed template.
#[derive(Debug, Clone, PartialEq)]
pub struct Template {
    /// The file as the user named it.
    pub file: String,
    /// The whole template in long form.
    pub value: Value,
    /// `Transform`, e.g. `AWS::Serverless-2016-10-31`.
    pub transforms: Vec<String>,
    /// The resources by logical id.
    pub resources: BTreeMap<String, Resource>,
}

impl Template {
    /// Whether the template uses the AWS SAM transform.
    pub fn is_sam(&self) -> bool {
        self.transforms
            .iter()
            .any(|t| t.starts_with("AWS::Serverless"))
    }
}

/// The largest template read: CloudFormation's own quota for a template body in an S3 object
/// ("1 MB", [`QUOTAS`]); a bigger one could not be deployed anyway.
pub const MAX_TEMPLATE_BYTES: usize = 1024 * 1024;

/// The deepest nesting of maps and lists read. CloudFormation documents no such limit; gureum
/// chooses one far above real templates (rarely deeper than 15) so that work stays bounded.
pub const MAX_DEPTH: usize = 64;

/// CloudFormation quotas (template body size in an Amazon S3 object: 1 MB).
pub const QUOTAS: &str =
    "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html";

/// `Fn::ForEach` (needs the `AWS::LanguageExtensions` transform).
pub const FOR_EACH: &str = "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-foreach.html";

/// Parses a template from text: JSON when it starts with `{`, else YAML.
pub fn parse(file: &str, text: &str) -> Result<Template, ParseError> {
    let value = to_value(file, text)?;
    from_value(file, value, Some(text))
}

fn too_deep(file: &str, line: Option<usize>) -> ParseError {
    ParseError::new(
        file,
        line,
        format!(
            "중첩이 너무 깊어요: 맵과 목록은 {MAX_DEPTH}단계까지 읽어요 (gureum의 제한: 실제 템플릿은 보통 15단계 안쪽이에요)"
        ),
        format!(
            "nested too deeply: maps and lists are read up to {MAX_DEPTH} levels (gureum's limit; real templates rarely go past 15)"
        ),
    )
}

/// The nesting depth of `v`, counted without recursion; stops once past `MAX_DEPTH`.
fn depth_exceeds(v: &Value) -> bool {
    let mut stack = vec![(v, 1usize)];
    while let Some((v, d)) = stack.pop() {
        if d > MAX_DEPTH {
            return true;
        }
        match v {
            Value::Array(items) => stack.extend(items.iter().map(|i| (i, d + 1))),
            Value::Object(map) => stack.extend(map.values().map(|i| (i, d + 1))),
            _ => {}
        }
    }
    false
}

/// The line where flow collections (`[`, `{`) first nest deeper than `limit`, in one linear
/// pass. Quoted scalars and comments are skipped; brackets inside plain or block scalars are
/// counted, so the limit is set well above [`MAX_DEPTH`] (a deeper value is refused anyway).
fn flow_too_deep(text: &str, limit: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let (mut depth, mut line, mut i) = (0usize, 1usize, 0usize);
    let mut prev = b'\n';
    let starts_token = |p: u8| {
        matches!(
            p,
            b' ' | b'\t' | b'\n' | b'\r' | b'[' | b'{' | b',' | b':' | b'-' | b'?'
        )
    };
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\n' => line += 1,
            b'#' if matches!(prev, b' ' | b'\t' | b'\n' | b'\r') => {
                while bytes.get(i + 1).is_some_and(|&c| c != b'\n') {
                    i += 1;
                }
            }
            b'"' | b'\'' if starts_token(prev) => {
                // To the closing quote (`\"` escapes in double quotes, `''` in single ones).
                i += 1;
                while let Some(&c) = bytes.get(i) {
                    if c == b'\n' {
                        line += 1;
                    } else if b == b'"' && c == b'\\' {
                        i += 1;
                    } else if c == b {
                        if b == b'\'' && bytes.get(i + 1) == Some(&b'\'') {
                            i += 1;
                        } else {
                            break;
                        }
                    }
                    i += 1;
                }
            }
            b'[' | b'{' => {
                depth += 1;
                if depth > limit {
                    return Some(line);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        prev = bytes.get(i).copied().unwrap_or(b);
        i += 1;
    }
    None
}

/// The line of the second `key:` at indentation `indent` after line `from` (1-based): where a
/// YAML duplicate key really is (the parser reports the mapping's first entry).
fn duplicate_line(text: &str, key: &str, from: usize, indent: usize) -> Option<usize> {
    text.lines()
        .enumerate()
        .skip(from)
        .find(|(_, l)| {
            let t = l.trim_start();
            l.len() - t.len() == indent
                && [
                    format!("{key}:"),
                    format!("'{key}':"),
                    format!("\"{key}\":"),
                ]
                .iter()
                .any(|k| t.starts_with(k.as_str()))
        })
        .map(|(i, _)| i + 1)
}

/// A YAML reader error (a control character, bad UTF-8): the parser gives only a byte offset
/// (`... at position N`) and line 1, so the line and column are found from the offset.
fn reader_error(file: &str, text: &str, msg: &str) -> Option<ParseError> {
    let (problem, offset) = msg.rsplit_once(" at position ")?;
    let offset: usize = offset.trim().parse().ok()?;
    let mut at = offset.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = text.get(..at).unwrap_or_default();
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    let (ko, en) = match text.get(at..).and_then(|t| t.chars().next()) {
        Some(c) if problem == "control characters are not allowed" => (
            format!(
                "YAML을 읽을 수 없어요: {column}번째 칸에 제어 문자 U+{:04X}가 있어요 (YAML은 탭과 줄바꿈 말고는 제어 문자를 받지 않아요)",
                u32::from(c)
            ),
            format!(
                "invalid YAML: control character U+{:04X} at column {column} (YAML allows no control characters but tab and line breaks)",
                u32::from(c)
            ),
        ),
        _ => (
            format!("YAML을 읽을 수 없어요: {problem} ({column}번째 칸)"),
            format!("invalid YAML: {problem} (column {column})"),
        ),
    };
    Some(ParseError::new(file, Some(line), ko, en))
}

/// Parses YAML or JSON text into a long-form value (no checks of the template structure).
/// Refuses texts over [`MAX_TEMPLATE_BYTES`] and nesting over [`MAX_DEPTH`].
pub fn to_value(file: &str, text: &str) -> Result<Value, ParseError> {
    if text.len() > MAX_TEMPLATE_BYTES {
        return Err(ParseError::new(
            file,
            None,
            format!(
                "템플릿이 너무 커요: {}바이트예요. CloudFormation은 1 MB({MAX_TEMPLATE_BYTES}바이트)까지 받아요 (S3에 둔 템플릿의 할당량: {QUOTAS})",
                crate::cfn::group_digits(text.len() as u64)
            ),
            format!(
                "template too large: {} bytes; CloudFormation takes up to 1 MB ({MAX_TEMPLATE_BYTES} bytes; the quota for a template in S3: {QUOTAS})",
                crate::cfn::group_digits(text.len() as u64)
            ),
        ));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let yaml = || -> Result<Value, ParseError> {
        // The YAML scanner's work grows with the square of the flow nesting (80,000 `[` took
        // 7.7 s, 1 MB of them 20 minutes): refuse deep flow nesting before it starts.
        if let Some(line) = flow_too_deep(text, 2 * MAX_DEPTH) {
            return Err(too_deep(file, Some(line)));
        }
        let yaml: serde_yaml_ng::Value = serde_yaml_ng::from_str(text).map_err(|e| {
            let loc = e.location().map(|l| (l.line(), l.column()));
            let msg = e.to_string();
            if msg.contains("recursion limit") {
                return too_deep(file, loc.map(|l| l.0));
            }
            if let Some(rest) = msg.split("duplicate entry with key \"").nth(1)
                && let Some(key) = rest.split('"').next()
                && let Some((l, c)) = loc
                && let Some(dup) = duplicate_line(text, key, l, c.saturating_sub(1))
            {
                return ParseError::new(
                    file,
                    Some(dup),
                    format!(
                        "YAML을 읽을 수 없어요: 키 `{key}`가 같은 맵에 두 번 나와요 (첫 번째는 {l}번째 줄 근처)"
                    ),
                    format!("invalid YAML: duplicate key `{key}` in one mapping (the first near line {l})"),
                );
            }
            if let Some(e) = reader_error(file, text, &msg) {
                return e;
            }
            ParseError::new(
                file,
                loc.map(|l| l.0),
                format!("YAML을 읽을 수 없어요: {msg}"),
                format!("invalid YAML: {msg}"),
            )
        })?;
        yaml_to_json(&yaml).map_err(|p| {
            let line = p.needle.as_deref().and_then(|n| find_line(text, n));
            ParseError::new(file, line, p.ko, p.en)
        })
    };
    let raw = if text.trim_start().starts_with('{') {
        // JSON, or a YAML flow mapping (`{A: 1}`): JSON's error is the one to show.
        match serde_json::from_str::<Value>(text) {
            Ok(v) => v,
            Err(e) if e.to_string().contains("recursion limit") => {
                return Err(too_deep(file, Some(e.line())));
            }
            Err(e) => yaml().map_err(|_| {
                ParseError::new(
                    file,
                    Some(e.line()),
                    format!("JSON을 읽을 수 없어요: {e}"),
                    format!("invalid JSON: {e}"),
                )
            })?,
        }
    } else {
        yaml()?
    };
    if depth_exceeds(&raw) {
        return Err(too_deep(file, None));
    }
    Ok(normalize(raw))
}

/// A conversion problem, with text to look for to find its line.
struct Problem {
    needle: Option<String>,
    ko: String,
    en: String,
}

fn yaml_to_json(v: &serde_yaml_ng::Value) -> Result<Value, Problem> {
    use serde_yaml_ng::Value as Y;
    Ok(match v {
        Y::Null => Value::Null,
        Y::Bool(b) => Value::Bool(*b),
        Y::Number(n) => number(n),
        Y::String(s) => Value::String(s.clone()),
        Y::Sequence(items) => {
            Value::Array(items.iter().map(yaml_to_json).collect::<Result<_, _>>()?)
        }
        Y::Mapping(map) => {
            let mut out = Map::new();
            for (k, v) in map {
                let key = match k {
                    Y::String(s) => s.clone(),
                    Y::Number(n) => n.to_string(),
                    Y::Bool(b) => b.to_string(),
                    Y::Null => "null".to_owned(),
                    _ => {
                        return Err(Problem {
                            needle: None,
                            ko: "맵의 키는 문자열이어야 해요".into(),
                            en: "mapping keys must be strings".into(),
                        });
                    }
                };
                out.insert(key, yaml_to_json(v)?);
            }
            Value::Object(out)
        }
        Y::Tagged(tagged) => {
            let tag = tagged.tag.to_string();
            let name = tag.trim_start_matches('!');
            if !SHORT_FORMS.contains(&name) {
                return Err(Problem {
                    needle: Some(tag.clone()),
                    ko: format!(
                        "알 수 없는 태그 `{tag}`예요 (CloudFormation 내장 함수가 아니에요)"
                    ),
                    en: format!("unknown tag `{tag}` (not a CloudFormation intrinsic function)"),
                });
            }
            let inner = yaml_to_json(&tagged.value)?;
            short_form(name, inner)
        }
    })
}

fn number(n: &serde_yaml_ng::Number) -> Value {
    if let Some(i) = n.as_i64() {
        Value::from(i)
    } else if let Some(u) = n.as_u64() {
        Value::from(u)
    } else {
        n.as_f64()
            .and_then(serde_json::Number::from_f64)
            .map_or_else(|| Value::String(n.to_string()), Value::Number)
    }
}

/// `!Name value` as its long form.
fn short_form(name: &str, inner: Value) -> Value {
    // `!GetAZs` with no value means the current Region: its long form is `{"Fn::GetAZs": ""}`.
    let inner = if inner.is_null() {
        Value::String(String::new())
    } else {
        inner
    };
    let key = match name {
        "Ref" | "Condition" => name.to_owned(),
        _ => format!("Fn::{name}"),
    };
    let mut map = Map::new();
    map.insert(key, inner);
    Value::Object(map)
}

/// Long-form clean-up that applies to JSON and YAML alike: `Fn::GetAtt: "A.B"` becomes
/// `["A", "B"]` (split at the first dot, as CloudFormation does; attribute names may contain dots).
fn normalize(v: Value) -> Value {
    match v {
        Value::Array(items) => Value::Array(items.into_iter().map(normalize).collect()),
        Value::Object(map) => {
            let mut out = Map::new();
            let single = map.len() == 1;
            for (k, v) in map {
                let v = normalize(v);
                let v = match (single, k.as_str(), v) {
                    (true, "Fn::GetAtt", Value::String(s)) => match s.split_once('.') {
                        Some((res, attr)) => Value::Array(vec![
                            Value::String(res.to_owned()),
                            Value::String(attr.to_owned()),
                        ]),
                        None => Value::String(s),
                    },
                    (_, _, v) => v,
                };
                out.insert(k, v);
            }
            Value::Object(out)
        }
        other => other,
    }
}

/// The first 1-based line that contains `needle`.
pub(crate) fn find_line(text: &str, needle: &str) -> Option<usize> {
    text.lines().position(|l| l.contains(needle)).map(|i| i + 1)
}

/// The line of a mapping key `key:` (YAML) or `"key":` (JSON), searching from line `from`.
fn key_line(text: &str, key: &str, from: usize) -> Option<usize> {
    let yaml = [
        format!("{key}:"),
        format!("'{key}':"),
        format!("\"{key}\":"),
    ];
    text.lines()
        .enumerate()
        .skip(from.saturating_sub(1))
        .find(|(_, l)| {
            let t = l.trim_start();
            yaml.iter().any(|k| t.starts_with(k.as_str()))
                || t.starts_with(&format!("\"{key}\" :"))
                || t.contains(&format!("\"{key}\":"))
        })
        .map(|(i, _)| i + 1)
}

/// The first line (1-based, at or after `from`) on which each mapping key starts: one pass over
/// the text, so finding the line of every resource stays linear in the template's size.
fn key_lines(text: &str, from: usize) -> std::collections::HashMap<&str, usize> {
    let mut out = std::collections::HashMap::new();
    for (i, l) in text.lines().enumerate().skip(from.saturating_sub(1)) {
        let t = l.trim_start();
        let key = match t.chars().next() {
            Some(q @ ('"' | '\'')) => t
                .get(1..)
                .and_then(|r| r.split_once(q))
                .filter(|(_, after)| after.trim_start().starts_with(':'))
                .map(|(k, _)| k),
            Some(_) => t.split_once(':').map(|(k, _)| k.trim_end()),
            None => None,
        };
        if let Some(k) = key {
            out.entry(k).or_insert(i + 1);
        }
    }
    out
}

/// Expands `Fn::ForEach::Name: [Identifier, Collection, {OutputKey: OutputValue}]` entries of a
/// mapping (the `AWS::LanguageExtensions` transform): one entry per item, with `${Identifier}`
/// and `&{Identifier}` replaced in keys and strings and `Ref: Identifier` by the item.
fn expand_for_each(
    map: &Map<String, Value>,
    params: &Map<String, Value>,
) -> Result<Map<String, Value>, String> {
    let mut out = Map::new();
    for (k, v) in map {
        if !k.starts_with("Fn::ForEach::") {
            out.insert(k.clone(), v.clone());
            continue;
        }
        let bad = || {
            format!("`{k}`: [Identifier, Collection, {{OutputKey: OutputValue}}] 형식이어야 해요")
        };
        let args = v.as_array().filter(|a| a.len() == 3).ok_or_else(bad)?;
        let id = args[0].as_str().ok_or_else(bad)?;
        let items: Vec<String> = match &args[1] {
            Value::Array(items) => items.iter().map(scalar_text).collect(),
            Value::Object(r) if r.len() == 1 => {
                let name = r.get("Ref").and_then(Value::as_str).ok_or_else(bad)?;
                match params.get(name).and_then(|p| p.get("Default")) {
                    Some(Value::String(s)) => s.split(',').map(|p| p.trim().to_owned()).collect(),
                    Some(Value::Array(a)) => a.iter().map(scalar_text).collect(),
                    _ => {
                        return Err(format!(
                            "`{k}`: 컬렉션 파라미터 `{name}`에 기본값이 없어서 펼칠 수 없어요"
                        ));
                    }
                }
            }
            _ => return Err(bad()),
        };
        let fragment = args[2].as_object().ok_or_else(bad)?;
        for item in &items {
            let alnum: String = item.chars().filter(char::is_ascii_alphanumeric).collect();
            let replaced = substitute(&Value::Object(fragment.clone()), id, item, &alnum);
            let Value::Object(m) = replaced else {
                continue;
            };
            for (ok, ov) in expand_for_each(&m, params)? {
                out.insert(ok, ov);
            }
        }
    }
    Ok(out)
}

fn substitute(v: &Value, id: &str, item: &str, alnum: &str) -> Value {
    let text = |s: &str| {
        s.replace(&format!("${{{id}}}"), item)
            .replace(&format!("&{{{id}}}"), alnum)
    };
    match v {
        Value::String(s) => Value::String(text(s)),
        Value::Array(a) => Value::Array(a.iter().map(|i| substitute(i, id, item, alnum)).collect()),
        Value::Object(m) if m.len() == 1 && m.get("Ref").and_then(Value::as_str) == Some(id) => {
            Value::String(item.to_owned())
        }
        Value::Object(m) => Value::Object(
            m.iter()
                .map(|(k, v)| (text(k), substitute(v, id, item, alnum)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// Builds a [`Template`] from a long-form value. `text`, when given, is used to find lines.
pub fn from_value(file: &str, value: Value, text: Option<&str>) -> Result<Template, ParseError> {
    let line_of = |key: &str, from: usize| text.and_then(|t| key_line(t, key, from));
    let err = |line: Option<usize>, ko: String, en: String| ParseError::new(file, line, ko, en);
    let Value::Object(top) = &value else {
        return Err(err(
            Some(1),
            "템플릿의 맨 위는 맵(키: 값)이어야 해요".into(),
            "the top level of a template must be a mapping".into(),
        ));
    };
    let transforms = match top.get("Transform") {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect(),
        // Absent, or a transform with parameters (`{Name: ..., Parameters: ...}`).
        _ => Vec::new(),
    };
    let resources_line = line_of("Resources", 1);
    let Some(resources) = top.get("Resources") else {
        return Err(err(
            None,
            "`Resources` 섹션이 없어요 (CloudFormation 템플릿에 꼭 있어야 해요)".into(),
            "no `Resources` section (every CloudFormation template needs one)".into(),
        ));
    };
    let Value::Object(resources) = resources else {
        return Err(err(
            resources_line,
            "`Resources`는 논리 ID에서 리소스로 가는 맵이어야 해요".into(),
            "`Resources` must map logical ids to resources".into(),
        ));
    };
    let expanded;
    let resources = if transforms.iter().any(|t| t == "AWS::LanguageExtensions")
        && resources.keys().any(|k| k.starts_with("Fn::ForEach::"))
    {
        let empty = Map::new();
        let params = top
            .get("Parameters")
            .and_then(Value::as_object)
            .unwrap_or(&empty);
        expanded = expand_for_each(resources, params).map_err(|ko| {
            let en = format!("Fn::ForEach could not be expanded ({FOR_EACH}): {ko}");
            err(
                resources_line,
                format!("Fn::ForEach를 펼칠 수 없어요 ({FOR_EACH}): {ko}"),
                en,
            )
        })?;
        &expanded
    } else {
        resources
    };
    let globals = top.get("Globals").and_then(Value::as_object);
    let index = text.map(|t| key_lines(t, resources_line.unwrap_or(1)));
    let mut out = BTreeMap::new();
    for (id, body) in resources {
        if id.starts_with("Fn::ForEach::") {
            return Err(err(
                line_of(id, resources_line.unwrap_or(1)),
                format!(
                    "`{id}`: Fn::ForEach는 `Transform: AWS::LanguageExtensions`가 있어야 써요 ({FOR_EACH})"
                ),
                format!(
                    "`{id}`: Fn::ForEach needs `Transform: AWS::LanguageExtensions` ({FOR_EACH})"
                ),
            ));
        }
        let line = index
            .as_ref()
            .and_then(|ix| ix.get(id.as_str()).copied())
            // Keys not at the start of a line (minified JSON): search, only for small texts.
            .or_else(|| {
                text.filter(|t| t.len() < 64 * 1024)
                    .and(line_of(id, resources_line.unwrap_or(1)))
            });
        let Value::Object(body) = body else {
            return Err(err(
                line,
                format!("리소스 `{id}`는 맵이어야 해요"),
                format!("resource `{id}` must be a mapping"),
            ));
        };
        let type_name = match body.get("Type") {
            Some(Value::String(t)) if !t.trim().is_empty() => t.clone(),
            Some(_) => {
                return Err(err(
                    line,
                    format!("리소스 `{id}`의 `Type`은 문자열이어야 해요"),
                    format!("resource `{id}`: `Type` must be a string"),
                ));
            }
            None => {
                return Err(err(
                    line,
                    format!("리소스 `{id}`에 `Type`이 없어요"),
                    format!("resource `{id}` has no `Type`"),
                ));
            }
        };
        let mut properties = match body.get("Properties") {
            None | Some(Value::Null) => Map::new(),
            Some(Value::Object(p)) => p.clone(),
            Some(_) => {
                return Err(err(
                    line,
                    format!("리소스 `{id}`의 `Properties`는 맵이어야 해요"),
                    format!("resource `{id}`: `Properties` must be a mapping"),
                ));
            }
        };
        if let Some(section) = sam_globals_section(&type_name)
            && let Some(Value::Object(g)) = globals.and_then(|g| g.get(section))
        {
            // SAM merges Globals into each resource; the resource's own value wins. (SAM merges
            // some maps key by key; a top-level merge is close enough to see what changed.)
            for (k, v) in g {
                properties.entry(k.clone()).or_insert_with(|| v.clone());
            }
        }
        let policy = |name: &str, allowed: &[Policy]| -> Result<Option<Policy>, ParseError> {
            match body.get(name) {
                Some(Value::String(s)) => match Policy::parse(s) {
                    Some(p) if allowed.contains(&p) => Ok(Some(p)),
                    _ => Err(err(
                        line,
                        format!(
                            "리소스 `{id}`: `{name}: {s}`{} 쓸 수 없어요 ({})",
                            crate::josa::eun(s),
                            names(allowed)
                        ),
                        format!(
                            "resource `{id}`: `{name}` cannot be `{s}` (use {})",
                            names(allowed)
                        ),
                    )),
                },
                // Absent, or a parameter reference (known only at deploy time).
                _ => Ok(None),
            }
        };
        let deletion_policy = policy(
            "DeletionPolicy",
            &[
                Policy::Delete,
                Policy::Retain,
                Policy::RetainExceptOnCreate,
                Policy::Snapshot,
            ],
        )?;
        let update_replace_policy = policy(
            "UpdateReplacePolicy",
            &[Policy::Delete, Policy::Retain, Policy::Snapshot],
        )?;
        let (metadata, data, instance_store) = split_metadata(body.get("Metadata"));
        out.insert(
            id.clone(),
            Resource {
                logical_id: id.clone(),
                type_name,
                properties,
                deletion_policy,
                update_replace_policy,
                metadata,
                condition: body
                    .get("Condition")
                    .and_then(Value::as_str)
                    .map(str::to_owned),
                data,
                instance_store,
                line,
            },
        );
    }
    Ok(Template {
        file: file.to_owned(),
        value,
        transforms,
        resources: out,
    })
}

fn names(policies: &[Policy]) -> String {
    policies
        .iter()
        .map(|p| p.name())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The `Globals` section that applies to a SAM resource type.
fn sam_globals_section(type_name: &str) -> Option<&'static str> {
    match type_name {
        "AWS::Serverless::Function" => Some("Function"),
        "AWS::Serverless::Api" => Some("Api"),
        "AWS::Serverless::HttpApi" => Some("HttpApi"),
        "AWS::Serverless::SimpleTable" => Some("SimpleTable"),
        "AWS::Serverless::StateMachine" => Some("StateMachine"),
        "AWS::Serverless::LayerVersion" => Some("LayerVersion"),
        _ => None,
    }
}

/// Splits `Metadata` into the part CloudFormation sees and gureum's annotations (`data`, and
/// `root_device: instance-store`).
fn split_metadata(meta: Option<&Value>) -> (Option<Value>, Option<String>, bool) {
    let Some(Value::Object(map)) = meta else {
        return (meta.cloned(), None, false);
    };
    let mut rest = map.clone();
    let gureum = rest.remove("gureum");
    let data = gureum.as_ref().and_then(|g| match g.get("data") {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    });
    let instance_store = gureum
        .as_ref()
        .and_then(|g| g.get("root_device"))
        .and_then(Value::as_str)
        .is_some_and(|d| d.eq_ignore_ascii_case("instance-store"));
    let rest = if rest.is_empty() {
        None
    } else {
        Some(Value::Object(rest))
    };
    (rest, data, instance_store)
}

/// Whether two property values are the same to CloudFormation: maps compare regardless of key
/// order, and scalars by their text (`5` and `"5"`, `true` and `"true"` are the same value once
/// CloudFormation turns them into the strings it passes on).
pub fn same_value(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| same_value(v, w)))
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(v, w)| same_value(v, w))
        }
        (Value::Null, Value::Null) => true,
        (Value::Object(_) | Value::Array(_) | Value::Null, _)
        | (_, Value::Object(_) | Value::Array(_) | Value::Null) => false,
        _ => scalar_text(a) == scalar_text(b),
    }
}

pub(crate) fn scalar_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n
            .as_f64()
            .filter(|f| f.fract() == 0.0 && f.abs() < 1e15)
            .map_or_else(|| n.to_string(), |f| format!("{}", f as i64)),
        other => other.to_string(),
    }
}

/// The logical ids a value refers to: `Ref`, `Fn::GetAtt`, and `${Name}`/`${Name.Attr}` in
/// `Fn::Sub` strings. Pseudo parameters (`AWS::Region`) are left out.
pub fn references(v: &Value) -> Vec<String> {
    let mut out = Vec::new();
    collect_refs(v, &mut out);
    out.sort();
    out.dedup();
    out
}

fn collect_refs(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Array(items) => items.iter().for_each(|i| collect_refs(i, out)),
        Value::Object(map) => {
            if map.len() == 1 {
                if let Some(Value::String(name)) = map.get("Ref") {
                    if !name.starts_with("AWS::") {
                        out.push(name.clone());
                    }
                    return;
                }
                if let Some(Value::Array(args)) = map.get("Fn::GetAtt") {
                    if let Some(Value::String(name)) = args.first() {
                        out.push(name.clone());
                    }
                    return;
                }
                if let Some(sub) = map.get("Fn::Sub") {
                    let (s, vars) = match sub {
                        Value::String(s) => (Some(s.as_str()), None),
                        Value::Array(a) => (a.first().and_then(Value::as_str), a.get(1)),
                        _ => (None, None),
                    };
                    let local: Vec<&str> = vars
                        .and_then(Value::as_object)
                        .map(|m| m.keys().map(String::as_str).collect())
                        .unwrap_or_default();
                    if let Some(s) = s {
                        for name in sub_names(s) {
                            if !name.starts_with("AWS::") && !local.contains(&name.as_str()) {
                                out.push(name);
                            }
                        }
                    }
                    if let Some(vars) = vars {
                        collect_refs(vars, out);
                    }
                    return;
                }
            }
            map.values().for_each(|i| collect_refs(i, out));
        }
        _ => {}
    }
}

/// The names in `${Name}` / `${Name.Attr}` placeholders (`${!Literal}` is an escape).
fn sub_names(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some((_, after)) = rest.split_once("${") {
        let Some((inner, tail)) = after.split_once('}') else {
            break;
        };
        if !inner.starts_with('!') {
            let name = inner.split('.').next().unwrap_or("").trim();
            if !name.is_empty() {
                out.push(name.to_owned());
            }
        }
        rest = tail;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn flow_depth_skips_quotes_and_comments_and_names_the_line() {
        let deep = "[".repeat(200);
        assert_eq!(flow_too_deep(&format!("A: 1\nB: {deep}\n"), 128), Some(2));
        assert_eq!(
            flow_too_deep(&format!("A: '{deep}'\nB: \"x\\\"{deep}\"\n"), 128),
            None
        );
        assert_eq!(
            flow_too_deep(&format!("# {deep}\nA: 'it''s {deep}'\n"), 128),
            None
        );
        assert_eq!(
            flow_too_deep(&"[]".repeat(10_000), 128),
            None,
            "wide is fine"
        );
        // An apostrophe inside a plain scalar starts no quote.
        assert_eq!(
            flow_too_deep(&format!("A: it's\nB: {deep}\n"), 128),
            Some(2)
        );
        // Real templates parse as before.
        let t = "A: !Join ['', [a, '{', !Ref B, '[']]\n";
        assert_eq!(flow_too_deep(t, 128), None);
        assert!(to_value("t.yaml", t).is_ok());
    }

    #[test]
    fn short_forms_become_long_forms() {
        let t = r"
Resources:
  A:
    Type: AWS::SNS::Topic
    Properties:
      R: !Ref X
      G: !GetAtt Table.StreamArn
      G2: !GetAtt Bucket.Arn.Extra
      S: !Sub '${AWS::StackName}-x'
      J: !Join [':', [a, !Ref B]]
      I: !If [IsProd, 1, !Ref 'AWS::NoValue']
      Z: !GetAZs
      N: !Not [!Equals [!Ref Env, prod]]
      C: !Condition IsProd
";
        let v = to_value("t.yaml", t).unwrap();
        let p = &v["Resources"]["A"]["Properties"];
        assert_eq!(p["R"], json!({"Ref": "X"}));
        assert_eq!(p["G"], json!({"Fn::GetAtt": ["Table", "StreamArn"]}));
        assert_eq!(p["G2"], json!({"Fn::GetAtt": ["Bucket", "Arn.Extra"]}));
        assert_eq!(p["S"], json!({"Fn::Sub": "${AWS::StackName}-x"}));
        assert_eq!(p["J"], json!({"Fn::Join": [":", ["a", {"Ref": "B"}]]}));
        assert_eq!(
            p["I"],
            json!({"Fn::If": ["IsProd", 1, {"Ref": "AWS::NoValue"}]})
        );
        assert_eq!(p["Z"], json!({"Fn::GetAZs": ""}));
        assert_eq!(
            p["N"],
            json!({"Fn::Not": [{"Fn::Equals": [{"Ref": "Env"}, "prod"]}]})
        );
        assert_eq!(p["C"], json!({"Condition": "IsProd"}));
    }

    #[test]
    fn long_form_get_att_string_is_split_like_the_short_form() {
        let a = to_value("a.yaml", "X: {\"Fn::GetAtt\": \"T.Arn\"}").unwrap();
        let b = to_value("b.yaml", "X: !GetAtt T.Arn").unwrap();
        assert_eq!(a, b);
    }

    #[test]
    fn unknown_tag_names_its_line() {
        let e = to_value("t.yaml", "A: 1\nB: !Bogus x\n").unwrap_err();
        assert_eq!(e.line, Some(2));
        assert!(
            e.message(true)
                .starts_with("t.yaml:2: unknown tag `!Bogus`"),
            "{e}"
        );
    }

    #[test]
    fn bad_yaml_and_json_name_file_and_line() {
        let e = to_value("t.yaml", "A:\n  - b\n c: d\n").unwrap_err();
        assert_eq!(e.file, "t.yaml");
        assert!(e.line.is_some());
        let e = to_value("t.json", "{\n \"A\": 1,\n \"B\": [\n}").unwrap_err();
        assert_eq!(e.line, Some(4));
        assert!(e.problem.en.starts_with("invalid JSON"));
    }

    #[test]
    fn missing_type_is_reported_at_the_resource() {
        let t = "Resources:\n  Topic:\n    Properties: {}\n";
        let e = parse("t.yaml", t).unwrap_err();
        assert_eq!(e.line, Some(2));
        assert!(e.problem.en.contains("no `Type`"));
    }

    #[test]
    fn scalars_compare_by_text_and_maps_ignore_order() {
        assert!(same_value(&json!(5), &json!("5")));
        assert!(same_value(&json!(true), &json!("true")));
        assert!(same_value(
            &json!({"a": 1, "b": 2}),
            &json!({"b": 2, "a": "1"})
        ));
        assert!(!same_value(&json!([1, 2]), &json!([2, 1])));
        assert!(!same_value(&json!(null), &json!("")));
    }

    #[test]
    fn references_cover_ref_getatt_and_sub() {
        let v = json!({"a": {"Ref": "T"}, "b": {"Fn::GetAtt": ["Q", "Arn"]},
            "c": {"Fn::Sub": "${AWS::Region}:${F.Arn}:${!Lit}:${Local}"},
            "d": {"Fn::Sub": ["${Local}", {"Local": {"Ref": "P"}}]}});
        assert_eq!(references(&v), ["F", "Local", "P", "Q", "T"]);
    }
}
