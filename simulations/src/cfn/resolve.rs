//! Parameters, conditions and the intrinsic functions whose value is known before a deployment,
//! evaluated before two templates are compared (CloudFormation compares resolved values: a new
//! parameter default that feeds `TableName` is a new table name).
//!
//! - `Ref` to a parameter becomes its value: the one given (`--parameter KEY=VALUE`), else its
//!   `Default`. `CommaDelimitedList` and `List<…>` parameters become lists.
//! - `Conditions` are evaluated (`Fn::Equals`, `Fn::Not`, `Fn::And`, `Fn::Or`, `Condition`);
//!   `Fn::If` takes its branch; a resource whose `Condition` is false is left out.
//! - `AWS::NoValue` removes the property (or list element) it stands for.
//! - `Fn::Sub`, `Fn::Join`, `Fn::Select` and `Fn::FindInMap` of known values become their result.
//!
//! What cannot be computed (a parameter with no default and no value given, a condition that
//! depends on one) is left in its template form and recorded in [`Unknowns`], so the comparison
//! can report "unknown" instead of guessing "no change". Pseudo parameters (`AWS::Region`…) and
//! resource references stay as they are: they are the same on both sides of an update.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};

use super::template::{Template, same_value};

/// What could not be computed in a template.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Unknowns {
    /// Parameters with no default and no given value.
    pub parameters: BTreeSet<String>,
    /// Conditions whose value depends on such a parameter.
    pub conditions: BTreeSet<String>,
}

impl Unknowns {
    /// Whether nothing is unknown.
    pub fn is_empty(&self) -> bool {
        self.parameters.is_empty() && self.conditions.is_empty()
    }

    /// The unknown parameters and conditions `v` depends on (empty: its value is known).
    pub fn in_value(&self, v: &Value) -> Vec<String> {
        let mut out = Vec::new();
        if !self.is_empty() {
            self.collect(v, &mut out);
        }
        out.sort();
        out.dedup();
        out
    }

    fn collect(&self, v: &Value, out: &mut Vec<String>) {
        match v {
            Value::Array(items) => items.iter().for_each(|i| self.collect(i, out)),
            Value::Object(map) => {
                if map.len() == 1 {
                    match map.iter().next() {
                        Some((k, Value::String(name))) if k == "Ref" => {
                            if self.parameters.contains(name) {
                                out.push(name.clone());
                            }
                            return;
                        }
                        Some((k, Value::String(name))) if k == "Condition" => {
                            if self.conditions.contains(name) {
                                out.push(name.clone());
                            }
                            return;
                        }
                        Some((k, Value::Array(args))) if k == "Fn::If" => {
                            if let Some(Value::String(c)) = args.first()
                                && self.conditions.contains(c)
                            {
                                out.push(c.clone());
                            }
                        }
                        Some((k, sub)) if k == "Fn::Sub" => {
                            let s = match sub {
                                Value::String(s) => Some(s.as_str()),
                                Value::Array(a) => a.first().and_then(Value::as_str),
                                _ => None,
                            };
                            for name in s.map(placeholders).unwrap_or_default() {
                                if self.parameters.contains(&name) {
                                    out.push(name);
                                }
                            }
                        }
                        _ => {}
                    }
                }
                map.values().for_each(|i| self.collect(i, out));
            }
            _ => {}
        }
    }
}

/// Parameter values given on the command line: for both templates, and per side (which win).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Params {
    /// `--parameter KEY=VALUE`: both templates.
    pub both: BTreeMap<String, String>,
    /// `--old-parameter KEY=VALUE`: the deployed template only.
    pub old: BTreeMap<String, String>,
    /// `--new-parameter KEY=VALUE`: the new template only.
    pub new: BTreeMap<String, String>,
}

impl Params {
    /// The values for one side: `both`, overridden by that side's own.
    pub fn side(&self, new: bool) -> BTreeMap<String, String> {
        let mut out = self.both.clone();
        let own = if new { &self.new } else { &self.old };
        out.extend(own.iter().map(|(k, v)| (k.clone(), v.clone())));
        out
    }

    /// Given keys that neither template declares (probably a typo).
    pub fn undeclared(&self, old: &Template, new: &Template) -> Vec<String> {
        let declared = |t: &Template, k: &str| {
            t.value
                .get("Parameters")
                .and_then(Value::as_object)
                .is_some_and(|p| p.contains_key(k))
        };
        let mut out: Vec<String> = self
            .both
            .keys()
            .filter(|k| !declared(old, k) && !declared(new, k))
            .chain(self.old.keys().filter(|k| !declared(old, k)))
            .chain(self.new.keys().filter(|k| !declared(new, k)))
            .cloned()
            .collect();
        out.sort();
        out.dedup();
        out
    }
}

/// The intrinsic-function names this module evaluates or walks through.
const NO_VALUE: &str = "AWS::NoValue";

struct Resolver<'t> {
    params: BTreeMap<String, Value>,
    unknown_params: BTreeSet<String>,
    conditions: Option<&'t Map<String, Value>>,
    mappings: Option<&'t Map<String, Value>>,
    memo: BTreeMap<String, Option<bool>>,
    visiting: BTreeSet<String>,
}

/// `t` with parameters, conditions and known intrinsic functions evaluated (see the module doc),
/// and what could not be computed. Works on `t.resources` (which callers may have edited);
/// `t.value` is only read for `Parameters`, `Conditions` and `Mappings`, and the copy's `value`
/// is `Null`.
pub fn resolve(t: &Template, given: &BTreeMap<String, String>) -> (Template, Unknowns) {
    let top = t.value.as_object();
    let section = |name: &str| top.and_then(|m| m.get(name)).and_then(Value::as_object);
    let mut r = Resolver {
        params: BTreeMap::new(),
        unknown_params: BTreeSet::new(),
        conditions: section("Conditions"),
        mappings: section("Mappings"),
        memo: BTreeMap::new(),
        visiting: BTreeSet::new(),
    };
    for (name, decl) in section("Parameters").into_iter().flatten() {
        let value = given
            .get(name)
            .map(|s| Value::String(s.clone()))
            .or_else(|| decl.get("Default").cloned());
        let Some(value) = value else {
            r.unknown_params.insert(name.clone());
            continue;
        };
        let list_type = decl
            .get("Type")
            .and_then(Value::as_str)
            .is_some_and(|ty| ty == "CommaDelimitedList" || ty.starts_with("List<"));
        let value = match value {
            Value::String(s) if list_type => Value::Array(
                s.split(',')
                    .map(|p| Value::String(p.trim().to_owned()))
                    .collect(),
            ),
            Value::Array(a) => Value::Array(a),
            other => Value::String(super::template::scalar_text(&other)),
        };
        r.params.insert(name.clone(), value);
    }
    // Evaluate every declared condition once, so the unknown ones are all recorded.
    let names: Vec<String> = r
        .conditions
        .map(|c| c.keys().cloned().collect())
        .unwrap_or_default();
    for name in &names {
        r.condition(name);
    }

    let mut resources = BTreeMap::new();
    for (id, res) in &t.resources {
        if res
            .condition
            .as_ref()
            .is_some_and(|c| r.condition(c) == Some(false))
        {
            continue;
        }
        let properties = res
            .properties
            .iter()
            .filter_map(|(k, v)| Some((k.clone(), r.value(v)?)))
            .collect();
        let metadata = res.metadata.as_ref().and_then(|m| r.value(m));
        resources.insert(
            id.clone(),
            super::template::Resource {
                logical_id: res.logical_id.clone(),
                type_name: res.type_name.clone(),
                properties,
                deletion_policy: res.deletion_policy,
                update_replace_policy: res.update_replace_policy,
                metadata,
                condition: res.condition.clone(),
                data: res.data.clone(),
                instance_store: res.instance_store,
                line: res.line,
            },
        );
    }
    // The whole-template value is not copied (it can be large): the resolved copy keeps only
    // its resources.
    let out = Template {
        file: t.file.clone(),
        value: Value::Null,
        transforms: t.transforms.clone(),
        resources,
    };
    let unknowns = Unknowns {
        parameters: r.unknown_params.clone(),
        conditions: r
            .memo
            .iter()
            .filter(|(_, v)| v.is_none())
            .map(|(k, _)| k.clone())
            .collect(),
    };
    (out, unknowns)
}

impl Resolver<'_> {
    /// The value of condition `name`: `None` when it cannot be computed (or is not declared).
    fn condition(&mut self, name: &str) -> Option<bool> {
        if let Some(v) = self.memo.get(name) {
            return *v;
        }
        if !self.visiting.insert(name.to_owned()) {
            return None; // a cycle: CloudFormation rejects it; here it is simply unknown
        }
        let body = self.conditions.and_then(|c| c.get(name)).cloned();
        let v = body.and_then(|b| self.eval(&b));
        self.visiting.remove(name);
        self.memo.insert(name.to_owned(), v);
        v
    }

    /// A condition expression.
    fn eval(&mut self, expr: &Value) -> Option<bool> {
        let map = expr.as_object().filter(|m| m.len() == 1)?;
        let (name, arg) = map.iter().next()?;
        let args = || arg.as_array().cloned().unwrap_or_default();
        match name.as_str() {
            "Condition" => self.condition(arg.as_str()?),
            "Fn::Equals" => {
                let list = args();
                let left = self.value(list.first()?)?;
                let right = self.value(list.get(1)?)?;
                if self.contains_unknown(&left)
                    || self.contains_unknown(&right)
                    || !is_plain(&left)
                    || !is_plain(&right)
                {
                    return None;
                }
                Some(same_value(&left, &right))
            }
            "Fn::Not" => self.eval(args().first()?).map(|held| !held),
            "Fn::And" => {
                let vals: Vec<Option<bool>> = args().iter().map(|part| self.eval(part)).collect();
                if vals.contains(&Some(false)) {
                    Some(false)
                } else if vals.iter().all(Option::is_some) {
                    Some(true)
                } else {
                    None
                }
            }
            "Fn::Or" => {
                let vals: Vec<Option<bool>> = args().iter().map(|part| self.eval(part)).collect();
                if vals.contains(&Some(true)) {
                    Some(true)
                } else if vals.iter().all(Option::is_some) {
                    Some(false)
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    fn contains_unknown(&self, v: &Value) -> bool {
        let u = Unknowns {
            parameters: self.unknown_params.clone(),
            conditions: BTreeSet::new(),
        };
        !u.in_value(v).is_empty()
    }

    /// A value with everything known evaluated; `None` = `AWS::NoValue` (remove it).
    fn value(&mut self, v: &Value) -> Option<Value> {
        match v {
            Value::Array(items) => Some(Value::Array(
                items.iter().filter_map(|i| self.value(i)).collect(),
            )),
            Value::Object(map) if map.len() == 1 => {
                let (k, arg) = map.iter().next()?;
                self.function(k, arg)
            }
            Value::Object(map) => Some(Value::Object(
                map.iter()
                    .filter_map(|(k, v)| Some((k.clone(), self.value(v)?)))
                    .collect(),
            )),
            other => Some(other.clone()),
        }
    }

    fn function(&mut self, name: &str, arg: &Value) -> Option<Value> {
        let keep = |arg: Value| {
            let mut m = Map::new();
            m.insert(name.to_owned(), arg);
            Some(Value::Object(m))
        };
        match name {
            "Ref" => match arg.as_str() {
                Some(NO_VALUE) => None,
                Some(name) => match self.params.get(name) {
                    Some(v) => Some(v.clone()),
                    None => keep(arg.clone()),
                },
                None => keep(arg.clone()),
            },
            "Fn::If" => {
                let list = arg.as_array().cloned().unwrap_or_default();
                let (Some(Value::String(cond)), Some(yes), Some(no)) =
                    (list.first(), list.get(1), list.get(2))
                else {
                    return keep(self.value(arg).unwrap_or(Value::Null));
                };
                match self.condition(cond) {
                    Some(true) => self.value(yes),
                    Some(false) => self.value(no),
                    None => {
                        let branch = |r: &mut Self, branch: &Value| {
                            r.value(branch)
                                .unwrap_or_else(|| serde_json::json!({ "Ref": NO_VALUE }))
                        };
                        let (then, otherwise) = (branch(self, yes), branch(self, no));
                        keep(Value::Array(vec![
                            Value::String(cond.clone()),
                            then,
                            otherwise,
                        ]))
                    }
                }
            }
            "Fn::Sub" => self
                .sub(arg)
                .or_else(|| keep(self.value(arg).unwrap_or(Value::Null))),
            "Fn::Join" => {
                let resolved = self.value(arg).unwrap_or(Value::Null);
                let joined = (|| {
                    let a = resolved.as_array()?;
                    let delim = a.first()?.as_str()?;
                    let parts = a.get(1)?.as_array()?;
                    let texts: Option<Vec<String>> = parts.iter().map(plain_text).collect();
                    Some(Value::String(texts?.join(delim)))
                })();
                joined.or_else(|| keep(resolved))
            }
            "Fn::Select" => {
                let resolved = self.value(arg).unwrap_or(Value::Null);
                let picked = (|| {
                    let a = resolved.as_array()?;
                    let i: usize = plain_text(a.first()?)?.parse().ok()?;
                    let list = a.get(1)?.as_array()?;
                    let item = list.get(i)?;
                    is_plain(item).then(|| item.clone())
                })();
                picked.or_else(|| keep(resolved))
            }
            "Fn::FindInMap" => {
                let resolved = self.value(arg).unwrap_or(Value::Null);
                let found = (|| {
                    let a = resolved.as_array()?;
                    let keys: Option<Vec<String>> = a.iter().take(3).map(plain_text).collect();
                    let keys = keys?;
                    let v = self
                        .mappings?
                        .get(keys.first()?)?
                        .get(keys.get(1)?)?
                        .get(keys.get(2)?)?;
                    Some(v.clone())
                })();
                found.or_else(|| keep(resolved))
            }
            _ => Some({
                let mut m = Map::new();
                m.insert(name.to_owned(), self.value(arg).unwrap_or(Value::Null));
                Value::Object(m)
            }),
        }
    }

    /// `Fn::Sub` with every placeholder known: the string. `None` otherwise.
    fn sub(&mut self, arg: &Value) -> Option<Value> {
        let (s, vars) = match arg {
            Value::String(s) => (s.clone(), Map::new()),
            Value::Array(a) => (
                a.first()?.as_str()?.to_owned(),
                a.get(1)
                    .and_then(|v| self.value(v))
                    .and_then(|v| v.as_object().cloned())
                    .unwrap_or_default(),
            ),
            _ => return None,
        };
        let mut out = String::new();
        let mut rest = s.as_str();
        while let Some((before, after)) = rest.split_once("${") {
            out.push_str(before);
            let (inner, tail) = after.split_once('}')?;
            if let Some(literal) = inner.strip_prefix('!') {
                out.push_str("${");
                out.push_str(literal);
                out.push('}');
            } else {
                let name = inner.trim();
                let v = vars.get(name).or_else(|| self.params.get(name))?;
                out.push_str(&plain_text(v)?);
            }
            rest = tail;
        }
        out.push_str(rest);
        Some(Value::String(out))
    }
}

/// A string, number or boolean (not a function or a list).
fn is_plain(v: &Value) -> bool {
    matches!(v, Value::String(_) | Value::Number(_) | Value::Bool(_))
}

fn plain_text(v: &Value) -> Option<String> {
    is_plain(v).then(|| super::template::scalar_text(v))
}

/// The names in `${Name}` placeholders of a `Fn::Sub` string (not `${!Literal}`).
fn placeholders(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some((_, after)) = rest.split_once("${") {
        let Some((inner, tail)) = after.split_once('}') else {
            break;
        };
        if !inner.starts_with('!') {
            out.push(inner.split('.').next().unwrap_or("").trim().to_owned());
        }
        rest = tail;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cfn::parse;
    use serde_json::json;

    fn props(text: &str, given: &[(&str, &str)]) -> (Map<String, Value>, Unknowns) {
        let t = parse("t.yaml", text).unwrap();
        let given = given
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        let (r, u) = resolve(&t, &given);
        (r.resources["R"].properties.clone(), u)
    }

    const T: &str = r"
Parameters:
  Env: {Type: String, Default: dev}
  Names: {Type: CommaDelimitedList, Default: 'a,b,c'}
  Secret: {Type: String}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  NotProd: !Not [!Condition IsProd]
  Both: !And [!Condition IsProd, !Equals [x, x]]
  Either: !Or [!Condition IsProd, !Equals [!Ref Secret, s]]
  Blind: !Equals [!Ref Secret, s]
Mappings:
  Size: {dev: {Mem: 128}, prod: {Mem: 1024}}
Resources:
  R:
    Type: AWS::SNS::Topic
    Properties:
      Name: !Sub 'app-${Env}'
      Joined: !Join ['-', [x, !Ref Env]]
      Second: !Select [1, !Ref Names]
      Mem: !FindInMap [Size, !Ref Env, Mem]
      OnlyProd: !If [IsProd, yes, !Ref 'AWS::NoValue']
      NotProd: !If [NotProd, on, off]
      Both: !If [Both, 1, 2]
      Either: !If [Either, 1, 2]
      Blind: !If [Blind, 1, 2]
      Region: !Sub '${AWS::Region}-${!Literal}'
      List: [a, !Ref 'AWS::NoValue', b]
  OnlyInProd:
    Type: AWS::SNS::Topic
    Condition: IsProd
";

    #[test]
    fn defaults_conditions_and_functions_resolve() {
        let (p, u) = props(T, &[]);
        assert_eq!(p["Name"], json!("app-dev"));
        assert_eq!(p["Joined"], json!("x-dev"));
        assert_eq!(p["Second"], json!("b"));
        assert_eq!(p["Mem"], json!(128));
        assert!(!p.contains_key("OnlyProd"));
        assert_eq!(p["NotProd"], json!("on"));
        assert_eq!(p["Both"], json!(2));
        assert_eq!(p["Either"], json!({"Fn::If": ["Either", 1, 2]}));
        assert_eq!(p["Blind"], json!({"Fn::If": ["Blind", 1, 2]}));
        assert_eq!(
            p["Region"],
            json!({"Fn::Sub": "${AWS::Region}-${!Literal}"})
        );
        assert_eq!(p["List"], json!(["a", "b"]));
        assert_eq!(u.parameters, BTreeSet::from(["Secret".to_owned()]));
        assert_eq!(
            u.conditions,
            BTreeSet::from(["Blind".to_owned(), "Either".to_owned()])
        );
        assert_eq!(u.in_value(&p["Blind"]), ["Blind"]);
        assert!(u.in_value(&p["Name"]).is_empty());
    }

    #[test]
    fn given_values_win_and_false_conditions_drop_resources() {
        let t = parse("t.yaml", T).unwrap();
        let (dev, _) = resolve(&t, &BTreeMap::new());
        assert!(!dev.resources.contains_key("OnlyInProd"));
        let given = BTreeMap::from([("Env".to_owned(), "prod".to_owned())]);
        let (prod, _) = resolve(&t, &given);
        assert!(prod.resources.contains_key("OnlyInProd"));
        let p = &prod.resources["R"].properties;
        assert_eq!(p["Name"], json!("app-prod"));
        assert_eq!(p["OnlyProd"], json!("yes"));
        assert_eq!(p["Mem"], json!(1024));
        assert_eq!(p["Either"], json!(1));
    }
}
