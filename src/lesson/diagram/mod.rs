//! Architecture diagrams drawn in the terminal, in place of the notes' missing pictures.
//!
//! The notes pointed at pictures that were never shipped with them. `content/diagrams/*.toml`
//! redraws the ones that showed an architecture or a flow as small graphs (AWS service nodes,
//! group frames such as Region, AZ, VPC, subnet or Auto Scaling group, and labelled one-way or
//! two-way edges), and gives the screenshots a one-line description instead. Each entry names
//! the image it stands for with `replaces`, the image reference exactly as the lesson has it.
//!
//! The library puts each diagram into the lesson markdown where its image was, as a fenced
//! block with the info string [`FENCE_LANG`] that holds the diagram as TOML; the markdown
//! renderer draws such blocks with [`render`] at the width it has, so the reader and
//! `gureum read` show the same drawing. The lesson files themselves are never changed.
//!
//! [`render`] takes [`Marks`] so a caller (a simulation) can strike a node out, highlight one,
//! or put a live value on an edge without touching the diagram.

mod draw;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use serde::{Deserialize, Serialize};

pub use draw::{render, render_with};

use super::front_matter;
use super::problem::{Problem, ProblemKind};

/// Folder of diagram files under the content root.
pub const DIAGRAMS_DIR: &str = "diagrams";

/// Info string of the fenced block that carries a diagram inside lesson markdown.
pub const FENCE_LANG: &str = "gureum-diagram";

/// Info string of the fenced block that carries a screenshot's one-line description.
pub const DESCRIPTION_LANG: &str = "gureum-figure-note";

/// What a node is: an AWS service (drawn with its name as a tag) or a generic box.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[allow(missing_docs)]
pub enum Kind {
    /// A person using the application (no tag).
    User,
    /// A browser, mobile app or other client program (no tag).
    Client,
    /// Something outside AWS (an identity provider, a third-party API; no tag).
    External,
    /// Anything else (no tag).
    Box,
    Ec2,
    Elb,
    Alb,
    Lambda,
    ApiGateway,
    Dynamodb,
    DynamodbStreams,
    Dax,
    S3,
    Elasticache,
    Rds,
    Aurora,
    Kinesis,
    Sqs,
    Sns,
    Cognito,
    Route53,
    Cloudfront,
    Cloudwatch,
    Xray,
    Kms,
    Iam,
    Cloudformation,
    Opensearch,
    SecretsManager,
    Ses,
}

impl Kind {
    /// The service name shown as the node's tag, `None` for generic kinds.
    pub fn tag(self) -> Option<&'static str> {
        Some(match self {
            Kind::User | Kind::Client | Kind::External | Kind::Box => return None,
            Kind::Ec2 => "EC2",
            Kind::Elb => "ELB",
            Kind::Alb => "ALB",
            Kind::Lambda => "Lambda",
            Kind::ApiGateway => "API Gateway",
            Kind::Dynamodb => "DynamoDB",
            Kind::DynamodbStreams => "DynamoDB Streams",
            Kind::Dax => "DAX",
            Kind::S3 => "S3",
            Kind::Elasticache => "ElastiCache",
            Kind::Rds => "RDS",
            Kind::Aurora => "Aurora",
            Kind::Kinesis => "Kinesis",
            Kind::Sqs => "SQS",
            Kind::Sns => "SNS",
            Kind::Cognito => "Cognito",
            Kind::Route53 => "Route 53",
            Kind::Cloudfront => "CloudFront",
            Kind::Cloudwatch => "CloudWatch",
            Kind::Xray => "X-Ray",
            Kind::Kms => "KMS",
            Kind::Iam => "IAM",
            Kind::Cloudformation => "CloudFormation",
            Kind::Opensearch => "OpenSearch",
            Kind::SecretsManager => "Secrets Manager",
            Kind::Ses => "SES",
        })
    }
}

/// What a group frame is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum GroupKind {
    /// An AWS Region.
    Region,
    /// An Availability Zone.
    Az,
    /// A VPC.
    Vpc,
    /// A subnet.
    Subnet,
    /// An Auto Scaling group.
    Asg,
    /// A security group.
    SecurityGroup,
    /// Any other grouping (a stack, an account, a step of a flow).
    Box,
}

impl GroupKind {
    /// The tag shown before the group's label.
    pub fn tag(self, english: bool) -> Option<&'static str> {
        Some(match (self, english) {
            (GroupKind::Region, false) => "리전",
            (GroupKind::Region, true) => "Region",
            (GroupKind::Az, _) => "AZ",
            (GroupKind::Vpc, _) => "VPC",
            (GroupKind::Subnet, false) => "서브넷",
            (GroupKind::Subnet, true) => "Subnet",
            (GroupKind::Asg, false) => "Auto Scaling 그룹",
            (GroupKind::Asg, true) => "Auto Scaling group",
            (GroupKind::SecurityGroup, false) => "보안 그룹",
            (GroupKind::SecurityGroup, true) => "Security group",
            (GroupKind::Box, _) => return None,
        })
    }
}

/// A box in the diagram.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Node {
    /// Id used by edges (unique in the diagram).
    pub id: String,
    /// What it is.
    pub kind: Kind,
    /// Text in the box (may be empty when the tag says it all).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    /// Id of the group it sits in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
}

/// A frame around nodes and other groups.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// Id used by nodes and groups (unique in the diagram, nodes included).
    pub id: String,
    /// What it is.
    pub kind: GroupKind,
    /// Text after the kind's tag.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    /// Id of the group it sits in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
}

/// An arrow between two nodes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Edge {
    /// Node id the arrow starts at.
    pub from: String,
    /// Node id it points to.
    pub to: String,
    /// Text beside the arrow.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    /// Arrowheads at both ends (a request and its reply, a two-way sync).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub both: bool,
}

/// One diagram.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Diagram {
    /// Id (unique over all diagram files).
    pub id: String,
    /// The image reference it stands for, exactly as the lesson has it (not carried inside
    /// lesson markdown, where the caption names the file instead).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub replaces: String,
    /// What the drawing shows, in a few words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// Frames.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<Group>,
    /// Boxes, in the order they are placed within a layer.
    pub nodes: Vec<Node>,
    /// Arrows.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub edges: Vec<Edge>,
}

impl Diagram {
    /// The original picture's file name (the last path segment of `replaces`).
    pub fn file_name(&self) -> String {
        image_file_name(&self.replaces)
    }
}

/// A screenshot that is not redrawn: its placeholder stays, with this line under it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Description {
    /// The image reference, exactly as the lesson has it.
    pub replaces: String,
    /// One line saying what the picture showed (Korean).
    pub text: String,
}

/// What a caller draws on top of a diagram (simulations: a failed instance, a live value).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Marks {
    /// Node ids drawn struck out (dimmed, struck through, and marked `✗`).
    pub struck: BTreeSet<String>,
    /// Node ids drawn highlighted (heavy frame, and marked `*`).
    pub highlighted: BTreeSet<String>,
    /// Live labels by edge index (in [`Diagram::edges`]), shown instead of the edge's label.
    pub edge_labels: BTreeMap<usize, String>,
    /// A node's state in a simulation and the word that names it in the reader's language,
    /// e.g. `(NodeState::Failed, "멈춤")`: drawn as the state's glyph before the tag and
    /// `[word]` under the label.
    pub states: BTreeMap<String, (NodeState, String)>,
    /// Extra lines under a node's label (`장바구니 12개 잃음`, `지연 120 ms`).
    pub notes: BTreeMap<String, Vec<String>>,
}

/// A node's state in a simulation. Each has its own glyph, and the caller's word names it, so
/// the meaning never rests on colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeState {
    /// Failed or removed: dimmed, struck through, `✗`.
    Failed,
    /// Replaced by a new copy: `↻`.
    Replaced,
    /// Changed in place: `~`.
    Updated,
    /// Took over (a promoted replica or standby): heavy frame, `▲`.
    Promoted,
    /// Newly created: `+`.
    New,
    /// Looked at and left as it was: `=`.
    Unchanged,
}

impl NodeState {
    /// The glyph drawn before the node's tag.
    pub fn glyph(self) -> &'static str {
        match self {
            NodeState::Failed => "✗",
            NodeState::Replaced => "↻",
            NodeState::Updated => "~",
            NodeState::Promoted => "▲",
            NodeState::New => "+",
            NodeState::Unchanged => "=",
        }
    }
}

impl Marks {
    /// Gives node `id` a state named by `word`.
    pub fn set_state(&mut self, id: &str, state: NodeState, word: impl Into<String>) {
        self.states.insert(id.to_owned(), (state, word.into()));
    }

    /// Adds a line under node `id`'s label.
    pub fn add_note(&mut self, id: &str, line: impl Into<String>) {
        self.notes
            .entry(id.to_owned())
            .or_default()
            .push(line.into());
    }

    /// Shows `label` on edge `index` instead of the diagram's own label.
    pub fn set_edge_label(&mut self, index: usize, label: impl Into<String>) {
        self.edge_labels.insert(index, label.into());
    }

    /// Whether node `id` is drawn struck out (struck, or failed).
    pub fn is_struck(&self, id: &str) -> bool {
        self.struck.contains(id) || matches!(self.states.get(id), Some((NodeState::Failed, _)))
    }

    /// Whether node `id` is drawn with a heavy frame (highlighted, or promoted).
    pub fn is_hot(&self, id: &str) -> bool {
        self.highlighted.contains(id)
            || matches!(self.states.get(id), Some((NodeState::Promoted, _)))
    }

    /// The mark before node `id`'s tag: its state's glyph, else `✗` / `*`, with a space.
    pub fn glyph(&self, id: &str) -> String {
        if let Some((state, _)) = self.states.get(id) {
            format!("{} ", state.glyph())
        } else if self.struck.contains(id) {
            "✗ ".into()
        } else if self.highlighted.contains(id) {
            "* ".into()
        } else {
            String::new()
        }
    }
}

/// How to draw a diagram besides its width.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DrawOptions {
    /// The line above the drawing, e.g. `[다시 그린 그림] 제목 · a.png`; empty for none.
    pub caption: String,
    /// English group tags ("Subnet" instead of "서브넷").
    pub english: bool,
    /// Lay layers out top to bottom even where left to right fits (a row of unconnected
    /// boxes then reads across instead of down).
    pub top_down: bool,
}

/// A diagram as carried inside lesson markdown (see [`fence`]).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Carried {
    pub caption: String,
    #[serde(default)]
    pub english: bool,
    pub diagram: Diagram,
}

/// Everything loaded from the diagram files.
#[derive(Debug, Clone, Default)]
pub struct Diagrams {
    /// Every diagram that parsed and validated.
    pub diagrams: Vec<Diagram>,
    /// Every description.
    pub descriptions: Vec<Description>,
    /// `(file, line)` of each diagram's `replaces`, parallel to `diagrams`.
    pub diagram_at: Vec<(String, usize)>,
    /// `(file, line)` of each description, parallel to `descriptions`.
    pub description_at: Vec<(String, usize)>,
}

/// The raw shape of a diagram file, with spans for error lines.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    diagram: Vec<toml::Spanned<RawDiagram>>,
    #[serde(default)]
    description: Vec<toml::Spanned<Description>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDiagram {
    id: toml::Spanned<String>,
    replaces: toml::Spanned<String>,
    #[serde(default)]
    title: String,
    #[serde(default)]
    groups: Vec<toml::Spanned<Group>>,
    nodes: Vec<toml::Spanned<Node>>,
    #[serde(default)]
    edges: Vec<toml::Spanned<Edge>>,
}

fn message(file: &str, line: usize, ko: String, en: String) -> Problem {
    Problem {
        file: file.to_owned(),
        line,
        kind: ProblemKind::Message { ko, en },
    }
}

impl Diagrams {
    /// Parses one diagram file (`file` is its path relative to the content root, for errors).
    /// Diagrams with problems are left out and reported; the rest load.
    pub fn add_file(&mut self, file: &str, text: &str, problems: &mut Vec<Problem>) {
        let raw: RawFile = match toml::from_str(text) {
            Ok(r) => r,
            Err(e) => {
                let line = e.span().map_or(0, |s| front_matter::line_of(text, s.start));
                let msg = e.message().lines().next().unwrap_or("invalid TOML").trim();
                problems.push(Problem {
                    file: file.to_owned(),
                    line,
                    kind: ProblemKind::Toml(msg.to_owned()),
                });
                return;
            }
        };
        let line = |span: std::ops::Range<usize>| front_matter::line_of(text, span.start);
        let mut ids: HashSet<String> = self.diagrams.iter().map(|d| d.id.clone()).collect();
        for d in raw.diagram {
            let d = d.into_inner();
            let at = line(d.replaces.span());
            let before = problems.len();
            if !ids.insert(d.id.get_ref().clone()) {
                problems.push(message(
                    file,
                    line(d.id.span()),
                    format!("다이어그램 id `{}`가 겹쳐요", d.id.get_ref()),
                    format!("duplicate diagram id `{}`", d.id.get_ref()),
                ));
            }
            if d.nodes.is_empty() {
                problems.push(message(
                    file,
                    at,
                    format!("다이어그램 `{}`에 노드가 없어요", d.id.get_ref()),
                    format!("diagram `{}` has no nodes", d.id.get_ref()),
                ));
            }
            validate(file, &d, &line, problems);
            if problems.len() == before {
                self.diagrams.push(Diagram {
                    id: d.id.into_inner(),
                    replaces: d.replaces.into_inner(),
                    title: d.title,
                    groups: d
                        .groups
                        .into_iter()
                        .map(toml::Spanned::into_inner)
                        .collect(),
                    nodes: d.nodes.into_iter().map(toml::Spanned::into_inner).collect(),
                    edges: d.edges.into_iter().map(toml::Spanned::into_inner).collect(),
                });
                self.diagram_at.push((file.to_owned(), at));
            }
        }
        for desc in raw.description {
            let at = line(desc.span());
            let desc = desc.into_inner();
            if desc.text.trim().is_empty() || desc.text.contains('\n') {
                problems.push(message(
                    file,
                    at,
                    "설명 `text`는 비어 있지 않은 한 줄이어야 해요".into(),
                    "a description's `text` must be one non-empty line".into(),
                ));
                continue;
            }
            self.descriptions.push(desc);
            self.description_at.push((file.to_owned(), at));
        }
    }

    /// Cross-checks against the lessons: each `replaces` must be an image reference found in a
    /// lesson body, and no image may be replaced twice.
    pub fn check(&self, bodies: &[&str]) -> Vec<Problem> {
        let mut out = Vec::new();
        let mut seen: HashMap<&str, usize> = HashMap::new();
        let entries = self
            .diagrams
            .iter()
            .map(|d| d.replaces.as_str())
            .zip(&self.diagram_at)
            .chain(
                self.descriptions
                    .iter()
                    .map(|d| d.replaces.as_str())
                    .zip(&self.description_at),
            );
        for (replaces, (file, line)) in entries {
            let is_image = replaces.starts_with("![") && replaces.ends_with(')');
            if !is_image || !bodies.iter().any(|b| b.contains(replaces)) {
                out.push(message(
                    file,
                    *line,
                    format!("`replaces`가 어느 레슨의 이미지와도 맞지 않아요: {replaces}"),
                    format!("`replaces` matches no image in any lesson: {replaces}"),
                ));
            }
            if let Some(first) = seen.insert(replaces, *line) {
                out.push(message(
                    file,
                    *line,
                    format!("같은 이미지를 {first}행에서 이미 대신하고 있어요: {replaces}"),
                    format!("this image is already replaced at line {first}: {replaces}"),
                ));
            }
        }
        out
    }

    /// `markdown` with each known image reference replaced by its diagram block, or followed
    /// by its description block.
    pub fn inject<'a>(&self, markdown: &'a str, english: bool) -> std::borrow::Cow<'a, str> {
        let mut out = std::borrow::Cow::Borrowed(markdown);
        for d in &self.diagrams {
            if out.contains(d.replaces.as_str()) {
                let block = fence(d, english);
                out = std::borrow::Cow::Owned(out.replace(d.replaces.as_str(), &block));
            }
        }
        for d in &self.descriptions {
            if out.contains(d.replaces.as_str()) {
                let text = d.text.split_whitespace().collect::<Vec<_>>().join(" ");
                let block = format!("{}\n\n````{DESCRIPTION_LANG}\n{text}\n````\n", d.replaces);
                out = std::borrow::Cow::Owned(out.replace(d.replaces.as_str(), &block));
            }
        }
        out
    }
}

/// The caption of a redrawn picture: `[다시 그린 그림] title · file.png`.
pub fn caption(d: &Diagram, english: bool) -> String {
    let label = if english {
        "Redrawn figure"
    } else {
        "다시 그린 그림"
    };
    let file = d.file_name();
    match (d.title.is_empty(), file.is_empty()) {
        (true, true) => format!("[{label}]"),
        (true, false) => format!("[{label}] {file}"),
        (false, true) => format!("[{label}] {}", d.title),
        (false, false) => format!("[{label}] {} · {file}", d.title),
    }
}

/// The fenced block that carries `d` inside lesson markdown.
pub fn fence(d: &Diagram, english: bool) -> String {
    let carried = Carried {
        caption: caption(d, english),
        english,
        diagram: Diagram {
            replaces: String::new(),
            ..d.clone()
        },
    };
    let body = toml::to_string(&carried).unwrap_or_default();
    format!("\n\n````{FENCE_LANG}\n{body}````\n\n")
}

/// Reads a diagram block's body back; `None` when it is not a valid diagram.
pub(crate) fn from_fence(body: &str) -> Option<(Diagram, DrawOptions)> {
    let c: Carried = toml::from_str(body).ok()?;
    Some((
        c.diagram,
        DrawOptions {
            caption: c.caption,
            english: c.english,
            top_down: false,
        },
    ))
}

/// The last path segment of an image reference's target, percent-decoded.
fn image_file_name(reference: &str) -> String {
    let target = reference
        .rsplit_once("](")
        .map_or(reference, |(_, t)| t)
        .trim_end_matches(')')
        .trim_start_matches('<')
        .trim_end_matches('>');
    let path = target.split(['?', '#']).next().unwrap_or_default();
    let last = path.rsplit(['/', '\\']).next().unwrap_or_default();
    super::render::percent_decode(last).into_owned()
}

/// Checks ids, kinds and references inside one diagram.
fn validate(
    file: &str,
    d: &RawDiagram,
    line: &dyn Fn(std::ops::Range<usize>) -> usize,
    problems: &mut Vec<Problem>,
) {
    let id = d.id.get_ref();
    let mut names: HashSet<&str> = HashSet::new();
    let mut group_ids: HashSet<&str> = HashSet::new();
    for g in &d.groups {
        if !names.insert(g.get_ref().id.as_str()) {
            problems.push(message(
                file,
                line(g.span()),
                format!("`{id}`: id `{}`가 겹쳐요", g.get_ref().id),
                format!("`{id}`: duplicate id `{}`", g.get_ref().id),
            ));
        }
        group_ids.insert(g.get_ref().id.as_str());
    }
    let mut node_ids: HashSet<&str> = HashSet::new();
    for n in &d.nodes {
        let nid = n.get_ref().id.as_str();
        if !names.insert(nid) {
            problems.push(message(
                file,
                line(n.span()),
                format!("`{id}`: id `{nid}`가 겹쳐요"),
                format!("`{id}`: duplicate id `{nid}`"),
            ));
        }
        node_ids.insert(nid);
        if let Some(g) = &n.get_ref().group
            && !group_ids.contains(g.as_str())
        {
            problems.push(message(
                file,
                line(n.span()),
                format!("`{id}`: 노드 `{nid}`의 그룹 `{g}`가 없어요"),
                format!("`{id}`: node `{nid}` is in unknown group `{g}`"),
            ));
        }
    }
    let parents: HashMap<&str, Option<&str>> = d
        .groups
        .iter()
        .map(|g| (g.get_ref().id.as_str(), g.get_ref().parent.as_deref()))
        .collect();
    for g in &d.groups {
        let gid = g.get_ref().id.as_str();
        if let Some(p) = g.get_ref().parent.as_deref()
            && !group_ids.contains(p)
        {
            problems.push(message(
                file,
                line(g.span()),
                format!("`{id}`: 그룹 `{gid}`의 부모 그룹 `{p}`가 없어요"),
                format!("`{id}`: group `{gid}` has unknown parent `{p}`"),
            ));
            continue;
        }
        // A parent chain longer than the number of groups has a cycle.
        let mut at = Some(gid);
        let mut steps = 0;
        while let Some(cur) = at {
            at = parents.get(cur).copied().flatten();
            steps += 1;
            if steps > d.groups.len() {
                problems.push(message(
                    file,
                    line(g.span()),
                    format!("`{id}`: 그룹 `{gid}`의 부모가 돌고 돌아요"),
                    format!("`{id}`: group `{gid}` is its own ancestor"),
                ));
                break;
            }
        }
    }
    for e in &d.edges {
        let edge = e.get_ref();
        for end in [&edge.from, &edge.to] {
            if !node_ids.contains(end.as_str()) {
                problems.push(message(
                    file,
                    line(e.span()),
                    format!("`{id}`: 연결이 없는 노드 `{end}`를 가리켜요"),
                    format!("`{id}`: edge names unknown node `{end}`"),
                ));
            }
        }
        if edge.from == edge.to {
            problems.push(message(
                file,
                line(e.span()),
                format!(
                    "`{id}`: 노드 `{}`에서 자기 자신으로 가는 연결은 그릴 수 없어요",
                    edge.from
                ),
                format!(
                    "`{id}`: an edge from `{}` to itself cannot be drawn",
                    edge.from
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
[[diagram]]
id = "one"
replaces = "![image](https://x/a/234-b.png)"
title = "하나"
groups = [{ id = "az", kind = "az", label = "a" }]
nodes = [
  { id = "u", kind = "user", label = "사용자" },
  { id = "e", kind = "ec2", label = "웹 서버", group = "az" },
]
edges = [{ from = "u", to = "e", label = "HTTP", both = true }]

[[description]]
replaces = "![](x.png)"
text = "콘솔 화면"
"#;

    #[test]
    fn parses_and_round_trips_through_a_fence() {
        let mut ds = Diagrams::default();
        let mut problems = Vec::new();
        ds.add_file("diagrams/a.toml", GOOD, &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(ds.diagrams.len(), 1);
        assert_eq!(ds.diagram_at[0].1, 4);
        let d = &ds.diagrams[0];
        assert_eq!(d.file_name(), "234-b.png");
        let block = fence(d, false);
        let body = block
            .split_once(&format!("````{FENCE_LANG}\n"))
            .unwrap()
            .1
            .split_once("````")
            .unwrap()
            .0;
        let (back, opts) = from_fence(body).unwrap();
        assert_eq!(back.replaces, "");
        assert_eq!(back.nodes, d.nodes);
        assert_eq!(back.edges, d.edges);
        assert_eq!(back.groups, d.groups);
        assert_eq!(opts.caption, "[다시 그린 그림] 하나 · 234-b.png");
    }

    #[test]
    fn reports_unknown_nodes_kinds_and_duplicates_with_lines() {
        let bad = GOOD.replace(r#"to = "e""#, r#"to = "nope""#);
        let mut problems = Vec::new();
        Diagrams::default().add_file("d.toml", &bad, &mut problems);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].line, 11);
        assert!(problems[0].to_string().contains("unknown node `nope`"));

        let bad = GOOD.replace(r#"kind = "ec2""#, r#"kind = "ec3""#);
        let mut problems = Vec::new();
        Diagrams::default().add_file("d.toml", &bad, &mut problems);
        assert_eq!(problems[0].line, 9, "{problems:?}");

        let bad = GOOD.replace(r#"id = "e""#, r#"id = "u""#);
        let mut problems = Vec::new();
        Diagrams::default().add_file("d.toml", &bad, &mut problems);
        assert!(problems[0].to_string().contains("duplicate id `u`"));
    }

    #[test]
    fn replaces_must_match_a_lesson_image() {
        let mut ds = Diagrams::default();
        let mut problems = Vec::new();
        ds.add_file("d.toml", GOOD, &mut problems);
        let lessons = ["text ![image](https://x/a/234-b.png)\n![](x.png)"];
        assert!(ds.check(&lessons).is_empty());
        let got = ds.check(&["![](x.png)"]);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].line, 4);
    }

    #[test]
    fn injection_replaces_diagrams_and_keeps_described_images() {
        let mut ds = Diagrams::default();
        ds.add_file("d.toml", GOOD, &mut Vec::new());
        let md = "앞\n\n![image](https://x/a/234-b.png)\n\n![](x.png)\n\n뒤\n";
        let out = ds.inject(md, false);
        assert!(!out.contains("![image]"));
        assert!(out.contains("````gureum-diagram\n"));
        assert!(out.contains("![](x.png)\n\n````gureum-figure-note\n콘솔 화면\n````"));
        assert!(out.starts_with("앞\n") && out.ends_with("뒤\n"));
    }
}
