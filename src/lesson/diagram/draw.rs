//! Laying a diagram out for a width and drawing it with box-drawing characters.
//!
//! Layout is layered and compound: every container (the diagram itself or a group) arranges
//! its direct children, nodes and sub-groups, in layers ranked by the longest path along the
//! edges between them (edges into a group count for the group). Layers run left to right when
//! the result fits the width, otherwise top to bottom, then top to bottom with every child on its
//! own row, then with narrower labels; when nothing fits, the diagram becomes a list of its
//! boxes and arrows. Because children are placed inside their group's frame, a frame never
//! covers a box that is not in the group.
//!
//! Edges are routed afterwards on the character grid with A* search: they avoid boxes, labels
//! and arrowheads, cross frames and other edges only at right angles, and pay for bends, so
//! they come out as short orthogonal lines. A label goes beside its edge where there is room,
//! else a number `(1)` goes there and the label is listed under the drawing.
//!
//! Meaning never rests on colour: group frames are dashed with round corners, nodes are solid
//! boxes, a struck-out node is dimmed, struck through and marked `✗`, a highlighted one has a
//! heavy frame and a `*`. Every line fits the width (the caption and lists wrap).

// Grid code reads best with x, y, w, h, c (canvas), d (direction) as in any drawing code.
#![allow(clippy::many_single_char_names)]

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use unicode_segmentation::UnicodeSegmentation;

use super::{Diagram, DrawOptions, Marks};
use crate::lesson::styled::{Line, LineKind, Role, Span, Style};
use crate::text::{truncate, width, wrap};

/// What a cell is drawn as; [`ink_style`] maps it to the lesson's semantic styles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ink {
    Blank,
    Box,
    BoxStruck,
    BoxHot,
    Tag,
    Label,
    LabelStruck,
    LabelHot,
    Frame,
    FrameTitle,
    Edge,
    EdgeLabel,
    Caption,
    Note,
    /// A simulation's annotation under a node's label.
    Annot,
}

/// The style of an ink. Existing roles are reused so every theme (and `gureum read`) already
/// knows them; text marks (`✗`, `*`, dashed frames) carry the meaning without colour.
fn ink_style(ink: Ink) -> Style {
    let mut s = match ink {
        Ink::Blank | Ink::Label | Ink::EdgeLabel | Ink::Annot => Style::of(Role::Text),
        Ink::Box => Style::of(Role::TableBorder),
        Ink::BoxStruck | Ink::LabelStruck | Ink::Note => Style::of(Role::Dim),
        Ink::BoxHot | Ink::LabelHot => Style::of(Role::Heading(2)),
        Ink::Tag => Style::of(Role::InlineCode),
        Ink::Frame | Ink::FrameTitle => Style::of(Role::QuoteBar),
        Ink::Edge => Style::of(Role::ListMarker),
        Ink::Caption => Style::of(Role::Image),
    };
    match ink {
        Ink::Label | Ink::FrameTitle => s.bold = true,
        Ink::LabelStruck => s.strike = true,
        Ink::EdgeLabel => s.italic = true,
        _ => {}
    }
    s
}

const UP: u8 = 1;
const DOWN: u8 = 2;
const LEFT: u8 = 4;
const RIGHT: u8 = 8;
const DIRS: [(i32, i32, u8); 4] = [(0, -1, UP), (0, 1, DOWN), (-1, 0, LEFT), (1, 0, RIGHT)];

fn opposite(d: u8) -> u8 {
    match d {
        UP => DOWN,
        DOWN => UP,
        LEFT => RIGHT,
        _ => LEFT,
    }
}

fn dir_index(d: u8) -> usize {
    match d {
        UP => 0,
        DOWN => 1,
        LEFT => 2,
        _ => 3,
    }
}

/// What occupies a cell, for routing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Occ {
    Free,
    Node,
    /// A frame line; `true` when horizontal. Corners are `Node` (never crossed).
    Frame(bool),
    /// Edge line with its connection bits.
    Edge(u8),
    /// Arrowheads, labels, titles.
    Solid,
}

#[derive(Debug, Clone)]
struct Cell {
    /// The grapheme drawn here; empty for the second cell of a wide character.
    text: String,
    ink: Ink,
    occ: Occ,
}

struct Canvas {
    w: usize,
    h: usize,
    cells: Vec<Cell>,
}

impl Canvas {
    fn new(w: usize, h: usize) -> Self {
        let blank = Cell {
            text: " ".into(),
            ink: Ink::Blank,
            occ: Occ::Free,
        };
        Self {
            w,
            h,
            cells: vec![blank; w * h],
        }
    }

    fn at(&self, x: usize, y: usize) -> &Cell {
        &self.cells[y * self.w + x]
    }

    fn set(&mut self, x: usize, y: usize, text: &str, ink: Ink, occ: Occ) {
        if x < self.w && y < self.h {
            self.cells[y * self.w + x] = Cell {
                text: text.into(),
                ink,
                occ,
            };
        }
    }

    /// Writes `s` from `(x, y)`, wide characters taking two cells; stops at the edge.
    fn text(&mut self, x: usize, y: usize, s: &str, ink: Ink, occ: Occ) {
        let mut cx = x;
        for g in s.graphemes(true) {
            let gw = width(g);
            if gw == 0 {
                continue;
            }
            if cx + gw > self.w {
                break;
            }
            self.set(cx, y, g, ink, occ);
            for k in 1..gw {
                self.set(cx + k, y, "", ink, occ);
            }
            cx += gw;
        }
    }

    fn occ(&self, x: i32, y: i32) -> Option<Occ> {
        (x >= 0 && y >= 0 && (x as usize) < self.w && (y as usize) < self.h)
            .then(|| self.at(x as usize, y as usize).occ)
    }

    fn lines(&self) -> Vec<Vec<Span>> {
        let mut out = Vec::new();
        for y in 0..self.h {
            let mut spans: Vec<Span> = Vec::new();
            for x in 0..self.w {
                let c = self.at(x, y);
                let style = ink_style(c.ink);
                match spans.last_mut() {
                    Some(last) if last.style == style => last.text.push_str(&c.text),
                    _ => spans.push(Span {
                        text: c.text.clone(),
                        style,
                        link: None,
                    }),
                }
            }
            // Trailing blanks go.
            while let Some(last) = spans.last_mut() {
                let trimmed = last.text.trim_end_matches(' ').len();
                if trimmed == 0 {
                    spans.pop();
                } else {
                    last.text.truncate(trimmed);
                    break;
                }
            }
            out.push(spans);
        }
        while out.first().is_some_and(Vec::is_empty) {
            out.remove(0);
        }
        while out.last().is_some_and(Vec::is_empty) {
            out.pop();
        }
        out
    }
}

/// A node's box content.
struct NodeBox {
    lines: Vec<(String, Ink)>,
    w: usize,
    h: usize,
    struck: bool,
    hot: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Orient {
    Lr,
    Tb,
}

#[derive(Debug, Clone, Copy)]
struct Config {
    orient: Orient,
    /// Every child on its own layer (top to bottom only).
    stack: bool,
    /// Widest label line in a box, in cells.
    wrap: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Item {
    Node(usize),
    Group(usize),
}

/// A container's arrangement: layers of items, with the gap after each layer.
struct Arrangement {
    layers: Vec<Vec<Item>>,
    gaps: Vec<usize>,
    w: usize,
    h: usize,
}

/// Inner padding of a group frame, beside and above/below its content.
const PAD_X: usize = 1;
const PAD_Y: usize = 1;
/// Gap between neighbours in one layer: rows (left to right) and columns (top to bottom).
const CROSS_GAP_LR: usize = 1;
const CROSS_GAP_TB: usize = 3;
/// Gap between layers top to bottom.
const MAIN_GAP_TB: usize = 3;

struct Layout<'a> {
    d: &'a Diagram,
    cfg: Config,
    english: bool,
    boxes: Vec<NodeBox>,
    /// Group sizes (w, h) and content offset, filled by `arrange`.
    group_size: Vec<(usize, usize)>,
    arrangements: Vec<Option<Arrangement>>,
    /// Absolute node rectangles (x, y, w, h).
    node_rect: Vec<(usize, usize, usize, usize)>,
    group_rect: Vec<(usize, usize, usize, usize)>,
    /// Parent group of each node / group.
    node_parent: Vec<Option<usize>>,
    group_parent: Vec<Option<usize>>,
    /// Edge endpoints as node indexes.
    ends: Vec<(usize, usize)>,
}

impl<'a> Layout<'a> {
    fn new(d: &'a Diagram, cfg: Config, marks: &Marks, english: bool) -> Self {
        let gidx = |id: &str| d.groups.iter().position(|g| g.id == id);
        let nidx = |id: &str| d.nodes.iter().position(|n| n.id == id);
        let boxes = d
            .nodes
            .iter()
            .map(|n| node_box(n, marks, cfg.wrap))
            .collect();
        let node_parent = d
            .nodes
            .iter()
            .map(|n| n.group.as_deref().and_then(gidx))
            .collect();
        let group_parent: Vec<Option<usize>> = d
            .groups
            .iter()
            .map(|g| g.parent.as_deref().and_then(gidx))
            .collect();
        let ends = d
            .edges
            .iter()
            .filter_map(|e| Some((nidx(&e.from)?, nidx(&e.to)?)))
            .collect();
        Self {
            d,
            cfg,
            english,
            boxes,
            group_size: vec![(0, 0); d.groups.len()],
            arrangements: (0..=d.groups.len()).map(|_| None).collect(),
            node_rect: vec![(0, 0, 0, 0); d.nodes.len()],
            group_rect: vec![(0, 0, 0, 0); d.groups.len()],
            node_parent,
            group_parent,
            ends,
        }
    }

    fn group_title(&self, g: usize) -> String {
        let group = &self.d.groups[g];
        let title = match (group.kind.tag(self.english), group.label.is_empty()) {
            (Some(tag), true) => tag.to_owned(),
            (Some(tag), false) => format!("{tag} · {}", group.label),
            (None, _) => group.label.clone(),
        };
        truncate(&title, self.cfg.wrap * 2)
    }

    /// The child of `container` that holds node `n`, if `n` is inside it.
    fn item_of(&self, container: Option<usize>, n: usize) -> Option<Item> {
        if self.node_parent[n] == container {
            return Some(Item::Node(n));
        }
        let mut g = self.node_parent[n]?;
        let mut steps = 0;
        loop {
            if self.group_parent[g] == container {
                return Some(Item::Group(g));
            }
            g = self.group_parent[g]?;
            steps += 1;
            if steps > self.d.groups.len() {
                return None;
            }
        }
    }

    fn size(&self, item: Item) -> (usize, usize) {
        match item {
            Item::Node(n) => (self.boxes[n].w, self.boxes[n].h),
            Item::Group(g) => self.group_size[g],
        }
    }

    /// Arranges `container` and (first) every group inside it; fills sizes.
    fn arrange(&mut self, container: Option<usize>) {
        let slot = container.map_or(0, |g| g + 1);
        // Children, in the order their first node was declared.
        let mut items: Vec<(usize, Item)> = Vec::new();
        for (g, parent) in self.group_parent.clone().into_iter().enumerate() {
            if parent == container {
                self.arrange(Some(g));
                let first = (0..self.d.nodes.len())
                    .find(|&n| self.item_of(Some(g), n).is_some())
                    .unwrap_or(usize::MAX);
                items.push((first, Item::Group(g)));
            }
        }
        for n in 0..self.d.nodes.len() {
            if self.node_parent[n] == container {
                items.push((n, Item::Node(n)));
            }
        }
        items.sort_by_key(|(first, _)| *first);
        let items: Vec<Item> = items.into_iter().map(|(_, i)| i).collect();
        let pos = |it: Item| items.iter().position(|&x| x == it);
        // Lifted edges between children, with the label width they carry.
        let mut lifted: Vec<(usize, usize, usize)> = Vec::new();
        for (e, &(a, b)) in self.ends.iter().enumerate() {
            let (Some(ia), Some(ib)) = (self.item_of(container, a), self.item_of(container, b))
            else {
                continue;
            };
            let (Some(pa), Some(pb)) = (pos(ia), pos(ib)) else {
                continue;
            };
            if pa != pb {
                lifted.push((pa, pb, width(&self.d.edges[e].label)));
            }
        }
        let rank = ranks(items.len(), &lifted);
        let mut layers: Vec<Vec<Item>> = Vec::new();
        if self.cfg.stack {
            let mut order: Vec<usize> = (0..items.len()).collect();
            order.sort_by_key(|&i| (rank[i], i));
            layers = order.into_iter().map(|i| vec![items[i]]).collect();
        } else {
            let top = rank.iter().copied().max().unwrap_or(0);
            layers.resize(top + 1, Vec::new());
            for (i, &r) in rank.iter().enumerate() {
                layers[r].push(items[i]);
            }
            layers.retain(|l| !l.is_empty());
        }
        let layer_of = |i: usize| layers.iter().position(|l| l.contains(&items[i]));
        let mut gaps = vec![0; layers.len().saturating_sub(1)];
        for (k, gap) in gaps.iter_mut().enumerate() {
            *gap = match self.cfg.orient {
                Orient::Tb => MAIN_GAP_TB,
                Orient::Lr => {
                    let widest = lifted
                        .iter()
                        .filter(|&&(a, b, _)| {
                            let (la, lb) = (layer_of(a), layer_of(b));
                            la.min(lb) == Some(k) && la.max(lb) == Some(k + 1)
                        })
                        .map(|&(_, _, w)| w)
                        .max()
                        .unwrap_or(0);
                    (widest + 4).clamp(6, 24)
                }
            };
        }
        let (mut main, mut cross) = (0, 0);
        for (k, layer) in layers.iter().enumerate() {
            let (m, c) = self.layer_extent(layer);
            main += m + gaps.get(k).copied().unwrap_or(0);
            cross = cross.max(c);
        }
        let (w, h) = match self.cfg.orient {
            Orient::Lr => (main, cross),
            Orient::Tb => (cross, main),
        };
        if let Some(g) = container {
            let tw = width(&self.group_title(g)) + 6;
            self.group_size[g] = ((w + 2 * (1 + PAD_X)).max(tw), h + 2 * (1 + PAD_Y));
        }
        self.arrangements[slot] = Some(Arrangement { layers, gaps, w, h });
    }

    /// (main-axis extent, cross-axis extent) of one layer.
    fn layer_extent(&self, layer: &[Item]) -> (usize, usize) {
        let sizes = layer.iter().map(|&i| self.size(i));
        match self.cfg.orient {
            Orient::Lr => {
                let m = sizes.clone().map(|s| s.0).max().unwrap_or(0);
                let c = sizes.map(|s| s.1).sum::<usize>()
                    + CROSS_GAP_LR * layer.len().saturating_sub(1);
                (m, c)
            }
            Orient::Tb => {
                let m = sizes.clone().map(|s| s.1).max().unwrap_or(0);
                let c = sizes.map(|s| s.0).sum::<usize>()
                    + CROSS_GAP_TB * layer.len().saturating_sub(1);
                (m, c)
            }
        }
    }

    /// Places the content of `container` with its top-left at `(x, y)`, `cw` x `ch` cells.
    fn place(&mut self, container: Option<usize>, x: usize, y: usize, cw: usize, ch: usize) {
        let slot = container.map_or(0, |g| g + 1);
        let Some(arr) = self.arrangements[slot].take() else {
            return;
        };
        // Centre the arrangement in the space given.
        let x0 = x + (cw.saturating_sub(arr.w)) / 2;
        let y0 = y + (ch.saturating_sub(arr.h)) / 2;
        let mut main = 0;
        for (k, layer) in arr.layers.iter().enumerate() {
            let (m, c) = self.layer_extent(layer);
            let (total_cross, _) = match self.cfg.orient {
                Orient::Lr => (arr.h, arr.w),
                Orient::Tb => (arr.w, arr.h),
            };
            let mut cross = (total_cross - c) / 2;
            for &item in layer {
                let (iw, ih) = self.size(item);
                let (ix, iy) = match self.cfg.orient {
                    Orient::Lr => (x0 + main + (m - iw) / 2, y0 + cross),
                    Orient::Tb => (x0 + cross, y0 + main + (m - ih) / 2),
                };
                match item {
                    Item::Node(n) => self.node_rect[n] = (ix, iy, iw, ih),
                    Item::Group(g) => {
                        self.group_rect[g] = (ix, iy, iw, ih);
                        self.place(
                            Some(g),
                            ix + 1 + PAD_X,
                            iy + 1 + PAD_Y,
                            iw - 2 * (1 + PAD_X),
                            ih - 2 * (1 + PAD_Y),
                        );
                    }
                }
                cross += match self.cfg.orient {
                    Orient::Lr => ih + CROSS_GAP_LR,
                    Orient::Tb => iw + CROSS_GAP_TB,
                };
            }
            main += m + arr.gaps.get(k).copied().unwrap_or(0);
        }
        self.arrangements[slot] = Some(arr);
    }
}

/// Longest-path layer of each of `n` items; edges that would close a cycle are ignored.
fn ranks(n: usize, edges: &[(usize, usize, usize)]) -> Vec<usize> {
    fn visit(v: usize, edges: &[(usize, usize, usize)], state: &mut [u8], keep: &mut [bool]) {
        state[v] = 1;
        for (i, &(a, b, _)) in edges.iter().enumerate() {
            if a != v {
                continue;
            }
            match state[b] {
                0 => visit(b, edges, state, keep),
                1 => keep[i] = false,
                _ => {}
            }
        }
        state[v] = 2;
    }
    // Drop back edges found by a depth-first search in item order.
    let mut state = vec![0u8; n];
    let mut keep = vec![true; edges.len()];
    for v in 0..n {
        if state[v] == 0 {
            visit(v, edges, &mut state, &mut keep);
        }
    }
    let mut rank = vec![0; n];
    for _ in 0..n {
        let mut changed = false;
        for (i, &(a, b, _)) in edges.iter().enumerate() {
            if keep[i] && rank[b] < rank[a] + 1 {
                rank[b] = rank[a] + 1;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    rank
}

fn node_box(n: &super::Node, marks: &Marks, wrap_at: usize) -> NodeBox {
    let struck = marks.is_struck(&n.id);
    let hot = marks.is_hot(&n.id);
    let mark = marks.glyph(&n.id);
    let mark = mark.as_str();
    let label_ink = if struck {
        Ink::LabelStruck
    } else if hot {
        Ink::LabelHot
    } else {
        Ink::Label
    };
    let mut lines: Vec<(String, Ink)> = Vec::new();
    if let Some(tag) = n.kind.tag() {
        lines.push((format!("{mark}{tag}"), Ink::Tag));
    }
    let label_at = wrap_at.saturating_sub(width(mark)).max(4);
    for (i, l) in wrap(&n.label, label_at).into_iter().enumerate() {
        if n.label.is_empty() {
            break;
        }
        let text = if i == 0 && lines.is_empty() {
            format!("{mark}{l}")
        } else {
            l
        };
        lines.push((text, label_ink));
    }
    if lines.is_empty() {
        lines.push((format!("{mark}{}", n.id), label_ink));
    }
    // Annotations stay readable on a struck-out node: they say what happened to it. They may
    // run a little wider than labels, so a number and its unit stay on one line.
    let note_at = wrap_at.max(4) + 4;
    if let Some((_, word)) = marks.states.get(&n.id)
        && !word.is_empty()
    {
        for l in wrap(&format!("[{word}]"), note_at) {
            lines.push((l, Ink::Annot));
        }
    }
    for note in marks.notes.get(&n.id).into_iter().flatten() {
        for l in wrap(note, note_at) {
            lines.push((l, Ink::Annot));
        }
    }
    let inner = lines.iter().map(|(l, _)| width(l)).max().unwrap_or(0);
    NodeBox {
        w: inner + 4,
        h: lines.len() + 2,
        lines,
        struck,
        hot,
    }
}

/// Draws `d` in lines of at most `width` cells (see the module documentation).
pub fn render(d: &Diagram, width: usize, marks: &Marks) -> Vec<Line> {
    let opts = DrawOptions {
        caption: super::caption(d, false),
        english: false,
        top_down: false,
    };
    render_with(d, width, marks, &opts)
}

/// [`render`] with an explicit caption and language.
pub fn render_with(d: &Diagram, width: usize, marks: &Marks, opts: &DrawOptions) -> Vec<Line> {
    let width = width.max(1);
    let mut out: Vec<Line> = Vec::new();
    if !opts.caption.is_empty() {
        for l in wrap(&opts.caption, width) {
            out.push(prose(vec![span(l, Ink::Caption)]));
        }
    }
    let configs = [
        Config {
            orient: Orient::Lr,
            stack: false,
            wrap: 18,
        },
        Config {
            orient: Orient::Tb,
            stack: false,
            wrap: 18,
        },
        Config {
            orient: Orient::Tb,
            stack: false,
            wrap: 12,
        },
        Config {
            orient: Orient::Tb,
            stack: true,
            wrap: 14,
        },
        Config {
            orient: Orient::Tb,
            stack: true,
            wrap: 8,
        },
    ];
    let mut best: Option<(usize, Drawing)> = None;
    for cfg in configs {
        if opts.top_down && cfg.orient == Orient::Lr {
            continue;
        }
        let Some(drawing) = draw(d, cfg, marks, opts.english, width) else {
            continue;
        };
        let failures = drawing.unrouted.len();
        if failures == 0 {
            best = Some((0, drawing));
            break;
        }
        if best.as_ref().is_none_or(|(f, _)| failures < *f) {
            best = Some((failures, drawing));
        }
    }
    let Some((_, drawing)) = best else {
        out.extend(as_list(d, marks, opts.english, width));
        return out;
    };
    out.extend(drawing.lines.into_iter().map(prose));
    let mut notes = drawing.notes;
    for e in drawing.unrouted {
        let edge = &d.edges[e];
        let arrow = if edge.both { "↔" } else { "→" };
        let label = edge_label(d, marks, e);
        let mut s = format!(
            "{} {arrow} {}",
            node_name(d, &edge.from),
            node_name(d, &edge.to)
        );
        if !label.is_empty() {
            s.push_str(": ");
            s.push_str(&label);
        }
        notes.push(s);
    }
    for n in notes {
        for l in wrap(&n, width) {
            out.push(prose(vec![span(l, Ink::Note)]));
        }
    }
    out
}

fn edge_label(d: &Diagram, marks: &Marks, e: usize) -> String {
    marks
        .edge_labels
        .get(&e)
        .cloned()
        .unwrap_or_else(|| d.edges[e].label.clone())
}

fn node_name(d: &Diagram, id: &str) -> String {
    let Some(n) = d.nodes.iter().find(|n| n.id == id) else {
        return id.to_owned();
    };
    match (n.kind.tag(), n.label.is_empty()) {
        (Some(t), true) => t.to_owned(),
        (Some(t), false) => format!("{t} {}", n.label),
        (None, _) => n.label.clone(),
    }
}

fn span(text: String, ink: Ink) -> Span {
    Span {
        text,
        style: ink_style(ink),
        link: None,
    }
}

fn prose(spans: Vec<Span>) -> Line {
    Line {
        spans,
        kind: LineKind::Prose,
    }
}

/// The diagram as text when no drawing fits: boxes by group, then arrows.
fn as_list(d: &Diagram, marks: &Marks, english: bool, width: usize) -> Vec<Line> {
    let mut items = Vec::new();
    for n in &d.nodes {
        let mark = marks.glyph(&n.id);
        let mut s = format!("□ {mark}{}", node_name(d, &n.id));
        if let Some((_, word)) = marks.states.get(&n.id)
            && !word.is_empty()
        {
            s.push_str(" [");
            s.push_str(word);
            s.push(']');
        }
        for note in marks.notes.get(&n.id).into_iter().flatten() {
            s.push_str(" · ");
            s.push_str(note);
        }
        if let Some(g) = n
            .group
            .as_deref()
            .and_then(|g| d.groups.iter().find(|x| x.id == g))
        {
            let tag = g.kind.tag(english).unwrap_or("");
            s.push_str(
                &format!(" ({tag} {})", g.label)
                    .replace("( ", "(")
                    .replace(" )", ")"),
            );
        }
        items.push(s);
    }
    for (e, edge) in d.edges.iter().enumerate() {
        let arrow = if edge.both { "↔" } else { "→" };
        let label = edge_label(d, marks, e);
        let mut s = format!(
            "{} {arrow} {}",
            node_name(d, &edge.from),
            node_name(d, &edge.to)
        );
        if !label.is_empty() {
            s.push_str(": ");
            s.push_str(&label);
        }
        items.push(s);
    }
    items
        .into_iter()
        .flat_map(|s| wrap(&s, width))
        .map(|l| prose(vec![span(l, Ink::Label)]))
        .collect()
}

/// One attempt's result.
struct Drawing {
    lines: Vec<Vec<Span>>,
    notes: Vec<String>,
    unrouted: Vec<usize>,
}

/// Lays out and draws with `cfg`; `None` when it does not fit `max_w`.
fn draw(d: &Diagram, cfg: Config, marks: &Marks, english: bool, max_w: usize) -> Option<Drawing> {
    let mut lay = Layout::new(d, cfg, marks, english);
    lay.arrange(None);
    let arr = lay.arrangements[0].as_ref()?;
    let (cw, ch) = (arr.w, arr.h);
    let margin = usize::from(cw + 2 <= max_w);
    if cw + 2 * margin > max_w {
        return None;
    }
    let (w, h) = (cw + 2 * margin, ch + 2);
    lay.place(None, margin, 1, cw, ch);
    let mut canvas = Canvas::new(w, h);
    // Frames, outermost first (a group's rectangle contains its children's).
    let mut order: Vec<usize> = (0..d.groups.len()).collect();
    order.sort_by_key(|&g| {
        let (_, _, gw, gh) = lay.group_rect[g];
        Reverse(gw * gh)
    });
    for &g in &order {
        let (x, y, gw, gh) = lay.group_rect[g];
        frame(&mut canvas, x, y, gw, gh);
    }
    for (n, b) in lay.boxes.iter().enumerate() {
        let (x, y, bw, bh) = lay.node_rect[n];
        node(&mut canvas, x, y, bw, bh, b);
    }
    let mut notes = Vec::new();
    let mut unrouted = Vec::new();
    let mut marker = 0;
    for (e, &(a, b)) in lay.ends.iter().enumerate() {
        let both = d.edges[e].both;
        let Some(path) = route(&canvas, lay.node_rect[a], lay.node_rect[b], cfg.orient) else {
            unrouted.push(e);
            continue;
        };
        commit(&mut canvas, &path, lay.node_rect[a], both, lay.boxes[a].hot);
        let label = edge_label(d, marks, e);
        if label.is_empty() {
            continue;
        }
        if !place_label(&mut canvas, &path, &label) {
            marker += 1;
            let tag = format!("({marker})");
            if !place_label(&mut canvas, &path, &tag) {
                unrouted.push(e);
                continue;
            }
            notes.push(format!("{tag} {label}"));
        }
    }
    // Titles go last, on a stretch of the frame that no edge crosses.
    for &g in &order {
        place_title(&mut canvas, lay.group_rect[g], &lay.group_title(g));
    }
    Some(Drawing {
        lines: canvas.lines(),
        notes,
        unrouted,
    })
}

fn frame(c: &mut Canvas, x: usize, y: usize, w: usize, h: usize) {
    for i in x + 1..x + w - 1 {
        c.set(i, y, "╌", Ink::Frame, Occ::Frame(true));
        c.set(i, y + h - 1, "╌", Ink::Frame, Occ::Frame(true));
    }
    for j in y + 1..y + h - 1 {
        c.set(x, j, "╎", Ink::Frame, Occ::Frame(false));
        c.set(x + w - 1, j, "╎", Ink::Frame, Occ::Frame(false));
    }
    c.set(x, y, "╭", Ink::Frame, Occ::Node);
    c.set(x + w - 1, y, "╮", Ink::Frame, Occ::Node);
    c.set(x, y + h - 1, "╰", Ink::Frame, Occ::Node);
    c.set(x + w - 1, y + h - 1, "╯", Ink::Frame, Occ::Node);
}

/// Writes a group's title into the widest uncrossed stretch of its top border (or, when the
/// top is crossed too often, its bottom border), cut to fit.
fn place_title(c: &mut Canvas, rect: Rect, title: &str) {
    let (x, y, w, h) = rect;
    let mut best: Option<(usize, usize, usize)> = None; // (len, row, start)
    for row in [y, y + h - 1] {
        let mut run_start = None;
        for i in x + 1..x + w {
            let free = i < x + w - 1 && c.at(i, row).occ == Occ::Frame(true);
            match (free, run_start) {
                (true, None) => run_start = Some(i),
                (false, Some(s)) => {
                    let len = i - s;
                    if best.is_none_or(|(l, _, _)| len > l) {
                        best = Some((len, row, s));
                    }
                    run_start = None;
                }
                _ => {}
            }
        }
        // A full-width title on the top border is as good as it gets.
        if best.is_some_and(|(l, _, _)| l >= width(title) + 3) {
            break;
        }
    }
    let Some((len, row, start)) = best else {
        return;
    };
    // One frame cell, a space, the title, a space.
    let title = truncate(title, len.saturating_sub(3));
    if title.is_empty() {
        return;
    }
    c.set(start + 1, row, " ", Ink::Frame, Occ::Solid);
    c.text(start + 2, row, &title, Ink::FrameTitle, Occ::Solid);
    c.set(start + 2 + width(&title), row, " ", Ink::Frame, Occ::Solid);
}

fn node(c: &mut Canvas, x: usize, y: usize, w: usize, h: usize, b: &NodeBox) {
    let ink = if b.struck {
        Ink::BoxStruck
    } else if b.hot {
        Ink::BoxHot
    } else {
        Ink::Box
    };
    let [tl, tr, bl, br, hz, vt] = if b.hot {
        ["┏", "┓", "┗", "┛", "━", "┃"]
    } else {
        ["┌", "┐", "└", "┘", "─", "│"]
    };
    for j in y..y + h {
        for i in x..x + w {
            c.set(i, j, " ", Ink::Blank, Occ::Node);
        }
    }
    for i in x + 1..x + w - 1 {
        c.set(i, y, hz, ink, Occ::Node);
        c.set(i, y + h - 1, hz, ink, Occ::Node);
    }
    for j in y + 1..y + h - 1 {
        c.set(x, j, vt, ink, Occ::Node);
        c.set(x + w - 1, j, vt, ink, Occ::Node);
    }
    c.set(x, y, tl, ink, Occ::Node);
    c.set(x + w - 1, y, tr, ink, Occ::Node);
    c.set(x, y + h - 1, bl, ink, Occ::Node);
    c.set(x + w - 1, y + h - 1, br, ink, Occ::Node);
    for (k, (text, tink)) in b.lines.iter().enumerate() {
        let tink = if b.struck && *tink == Ink::Tag {
            Ink::LabelStruck
        } else {
            *tink
        };
        c.text(x + 2, y + 1 + k, text, tink, Occ::Node);
    }
}

type Rect = (usize, usize, usize, usize);

/// A routed edge: cells from the source side to the arrowhead, and the first move's direction.
struct Path {
    cells: Vec<(usize, usize)>,
    start_dir: u8,
    end_dir: u8,
}

/// Cost of a bend, of crossing a frame, of crossing another edge.
const BEND: u32 = 3;
const CROSS_FRAME: u32 = 2;
const CROSS_EDGE: u32 = 6;

/// Shortest orthogonal route from beside `from` to an arrowhead beside `to`.
fn route(c: &Canvas, from: Rect, to: Rect, orient: Orient) -> Option<Path> {
    let (w, h) = (c.w as i32, c.h as i32);
    let idx = |x: i32, y: i32, d: u8| ((y * w + x) as usize) * 4 + dir_index(d);
    let mut dist = vec![u32::MAX; c.w * c.h * 4];
    let mut prev = vec![usize::MAX; c.w * c.h * 4];
    let mut heap = BinaryHeap::new();
    let (fx, fy, fw, fh) = (from.0 as i32, from.1 as i32, from.2 as i32, from.3 as i32);
    let (tx, ty, tw, th) = (to.0 as i32, to.1 as i32, to.2 as i32, to.3 as i32);
    let (fcx, fcy) = (fx + fw / 2, fy + fh / 2);
    let (tcx, tcy) = (tx + tw / 2, ty + th / 2);
    let heuristic = |x: i32, y: i32| -> u32 {
        let dx = if x < tx - 1 {
            tx - 1 - x
        } else if x > tx + tw {
            x - tx - tw
        } else {
            0
        };
        let dy = if y < ty - 1 {
            ty - 1 - y
        } else if y > ty + th {
            y - ty - th
        } else {
            0
        };
        (dx + dy) as u32
    };
    // Start cells beside each side of the source box.
    let mut starts: Vec<(i32, i32, u8, u32)> = Vec::new();
    let prefer_h = orient == Orient::Lr;
    for y in fy + 1..fy + fh - 1 {
        let off = (y - fcy).unsigned_abs() / 3;
        starts.push((fx + fw, y, RIGHT, off + side_cost(tcx > fcx, prefer_h)));
        starts.push((fx - 1, y, LEFT, off + side_cost(tcx < fcx, prefer_h)));
    }
    for x in fx + 1..fx + fw - 1 {
        let off = (x - fcx).unsigned_abs() / 3;
        starts.push((x, fy - 1, UP, off + side_cost(tcy < fcy, !prefer_h)));
        starts.push((x, fy + fh, DOWN, off + side_cost(tcy > fcy, !prefer_h)));
    }
    for (x, y, d, cost) in starts {
        if c.occ(x, y) != Some(Occ::Free) {
            continue;
        }
        let i = idx(x, y, d);
        if cost < dist[i] {
            dist[i] = cost;
            heap.push(Reverse((cost + heuristic(x, y), cost, i)));
        }
    }
    let is_goal = |x: i32, y: i32, d: u8| -> bool {
        (d == RIGHT && x == tx - 1 && y > ty && y < ty + th - 1)
            || (d == LEFT && x == tx + tw && y > ty && y < ty + th - 1)
            || (d == DOWN && y == ty - 1 && x > tx && x < tx + tw - 1)
            || (d == UP && y == ty + th && x > tx && x < tx + tw - 1)
    };
    let decode = |i: usize| {
        let cell = i / 4;
        let d = [UP, DOWN, LEFT, RIGHT][i % 4];
        ((cell % c.w) as i32, (cell / c.w) as i32, d)
    };
    while let Some(Reverse((_, cost, i))) = heap.pop() {
        if cost > dist[i] {
            continue;
        }
        let (x, y, d) = decode(i);
        if is_goal(x, y, d) && c.occ(x, y) == Some(Occ::Free) {
            // Walk back.
            let mut cells = vec![(x as usize, y as usize)];
            let mut at = i;
            let mut start_dir = d;
            while prev[at] != usize::MAX {
                at = prev[at];
                let (px, py, pd) = decode(at);
                cells.push((px as usize, py as usize));
                start_dir = pd;
            }
            cells.reverse();
            return Some(Path {
                cells,
                start_dir,
                end_dir: d,
            });
        }
        let here = c.occ(x, y)?;
        let must_go_straight = matches!(here, Occ::Frame(_) | Occ::Edge(_));
        for &(dx, dy, nd) in &DIRS {
            if nd == opposite(d) || (must_go_straight && nd != d) {
                continue;
            }
            let (nx, ny) = (x + dx, y + dy);
            if nx < 0 || ny < 0 || nx >= w || ny >= h {
                continue;
            }
            let vertical = nd == UP || nd == DOWN;
            let extra = match c.occ(nx, ny) {
                Some(Occ::Free) => 0,
                Some(Occ::Frame(horizontal)) if horizontal == vertical => CROSS_FRAME,
                Some(Occ::Edge(bits))
                    if (bits == LEFT | RIGHT && vertical) || (bits == UP | DOWN && !vertical) =>
                {
                    CROSS_EDGE
                }
                _ => continue,
            };
            let step = 1 + extra + if nd == d { 0 } else { BEND };
            let ncost = cost + step;
            let ni = idx(nx, ny, nd);
            if ncost < dist[ni] {
                dist[ni] = ncost;
                prev[ni] = i;
                heap.push(Reverse((ncost + heuristic(nx, ny), ncost, ni)));
            }
        }
    }
    None
}

fn side_cost(facing: bool, preferred_axis: bool) -> u32 {
    match (facing, preferred_axis) {
        (true, true) => 0,
        (true, false) => 2,
        (false, _) => 6,
    }
}

fn line_glyph(bits: u8) -> &'static str {
    match bits {
        b if b == UP | DOWN || b == UP || b == DOWN => "│",
        b if b == LEFT | RIGHT || b == LEFT || b == RIGHT => "─",
        b if b == RIGHT | DOWN => "┌",
        b if b == LEFT | DOWN => "┐",
        b if b == RIGHT | UP => "└",
        b if b == LEFT | UP => "┘",
        _ => "┼",
    }
}

fn arrow(d: u8) -> &'static str {
    match d {
        UP => "▲",
        DOWN => "▼",
        LEFT => "◀",
        _ => "▶",
    }
}

/// Draws a routed path: a junction on the source box (or an arrowhead when two-way), lines,
/// and the arrowhead at the target.
fn commit(c: &mut Canvas, p: &Path, from: Rect, both: bool, hot: bool) {
    let n = p.cells.len();
    for (k, &(x, y)) in p.cells.iter().enumerate() {
        let mut bits = 0;
        if k == 0 {
            bits |= opposite(p.start_dir);
        } else {
            let (px, py) = p.cells[k - 1];
            bits |= toward(x, y, px, py);
        }
        if k + 1 < n {
            let (nx, ny) = p.cells[k + 1];
            bits |= toward(x, y, nx, ny);
        }
        if k + 1 == n {
            c.set(x, y, arrow(p.end_dir), Ink::Edge, Occ::Solid);
        } else if k == 0 && both {
            c.set(x, y, arrow(opposite(p.start_dir)), Ink::Edge, Occ::Solid);
        } else {
            let merged = match c.at(x, y).occ {
                Occ::Edge(old) => old | bits,
                _ => bits,
            };
            c.set(x, y, line_glyph(merged), Ink::Edge, Occ::Edge(merged));
        }
    }
    if !both {
        let (x, y) = p.cells[0];
        let (fx, fy, fw, fh) = from;
        let (bx, by, glyph) = match p.start_dir {
            RIGHT => (fx + fw - 1, y, if hot { "┣" } else { "├" }),
            LEFT => (fx, y, if hot { "┫" } else { "┤" }),
            UP => (x, fy, if hot { "┻" } else { "┴" }),
            _ => (x, fy + fh - 1, if hot { "┳" } else { "┬" }),
        };
        let ink = c.at(bx, by).ink;
        c.set(bx, by, glyph, ink, Occ::Node);
    }
}

fn toward(x: usize, y: usize, nx: usize, ny: usize) -> u8 {
    if nx > x {
        RIGHT
    } else if nx < x {
        LEFT
    } else if ny > y {
        DOWN
    } else {
        UP
    }
}

/// Puts `label` beside the path where its cells (and a blank on each side) are free.
fn place_label(c: &mut Canvas, p: &Path, label: &str) -> bool {
    let lw = width(label);
    if lw == 0 {
        return true;
    }
    // Straight runs of the path, longest first.
    let cells = &p.cells;
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut a = 0;
    while a + 1 < cells.len() {
        let horizontal = cells[a].1 == cells[a + 1].1;
        let mut b = a + 1;
        while b + 1 < cells.len()
            && if horizontal {
                cells[b + 1].1 == cells[a].1
            } else {
                cells[b + 1].0 == cells[a].0
            }
        {
            b += 1;
        }
        runs.push((a, b));
        a = b;
    }
    if cells.len() == 1 {
        runs.push((0, 0));
    }
    runs.sort_by_key(|&(a, b)| Reverse(b - a));
    let free = |c: &Canvas, x: i32, y: i32, n: usize| -> bool {
        (0..n as i32).all(|i| c.occ(x + i, y) == Some(Occ::Free))
            && c.occ(x - 1, y).is_none_or(|o| o != Occ::Solid)
            && c.occ(x + n as i32, y).is_none_or(|o| o != Occ::Solid)
    };
    for &(a, b) in &runs {
        let (ax, ay) = (p.cells[a].0 as i32, p.cells[a].1 as i32);
        let (bx, by) = (p.cells[b].0 as i32, p.cells[b].1 as i32);
        let mut spots: Vec<(i32, i32)> = Vec::new();
        if ay == by {
            let (lo, hi) = (ax.min(bx), ax.max(bx));
            let mid = (lo + hi + 1) / 2 - lw as i32 / 2;
            for dy in [-1, 1] {
                for shift in [0, -1, 1, -2, 2, -3, 3] {
                    let x = mid + shift;
                    if x >= lo - 1 && x + lw as i32 <= hi + 2 {
                        spots.push((x, ay + dy));
                    }
                }
            }
        } else {
            let (lo, hi) = (ay.min(by), ay.max(by));
            let mid = i32::midpoint(lo, hi);
            for dy in [0, -1, 1, -2, 2] {
                let y = mid + dy;
                if y < lo || y > hi {
                    continue;
                }
                spots.push((ax + 2, y));
                spots.push((ax - 1 - lw as i32, y));
            }
        }
        for (x, y) in spots {
            if x >= 0 && y >= 0 && free(c, x, y, lw) {
                c.text(x as usize, y as usize, label, Ink::EdgeLabel, Occ::Solid);
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::diagram::{Edge, GroupKind, Kind, Node};

    fn n(id: &str, kind: Kind, label: &str, group: Option<&str>) -> Node {
        Node {
            id: id.into(),
            kind,
            label: label.into(),
            group: group.map(Into::into),
        }
    }

    fn sample() -> Diagram {
        Diagram {
            id: "t".into(),
            replaces: "![](a/b.png)".into(),
            title: "세션 저장".into(),
            groups: vec![super::super::Group {
                id: "asg".into(),
                kind: GroupKind::Asg,
                label: String::new(),
                parent: None,
            }],
            nodes: vec![
                n("u", Kind::User, "사용자", None),
                n("elb", Kind::Elb, "", None),
                n("a", Kind::Ec2, "인스턴스 1", Some("asg")),
                n("b", Kind::Ec2, "인스턴스 2", Some("asg")),
                n("c", Kind::Elasticache, "세션 저장소", None),
            ],
            edges: vec![
                Edge {
                    from: "u".into(),
                    to: "elb".into(),
                    label: "HTTPS".into(),
                    both: false,
                },
                Edge {
                    from: "elb".into(),
                    to: "a".into(),
                    label: String::new(),
                    both: false,
                },
                Edge {
                    from: "elb".into(),
                    to: "b".into(),
                    label: String::new(),
                    both: false,
                },
                Edge {
                    from: "a".into(),
                    to: "c".into(),
                    label: "세션 ID".into(),
                    both: true,
                },
                Edge {
                    from: "b".into(),
                    to: "c".into(),
                    label: String::new(),
                    both: true,
                },
            ],
        }
    }

    fn plain(lines: &[Line]) -> Vec<String> {
        lines.iter().map(Line::plain).collect()
    }

    #[test]
    fn fits_every_width_and_shows_every_label() {
        let d = sample();
        for w in [20, 30, 40, 50, 60, 80, 120] {
            let lines = plain(&render(&d, w, &Marks::default()));
            let all = lines.join("\n");
            for l in &lines {
                assert!(width(l) <= w, "w={w}: {l:?}\n{all}");
            }
            for text in [
                "사용자",
                "ELB",
                "인스턴스 1",
                "세션 저장소",
                "HTTPS",
                "세션 ID",
            ] {
                let flat: String = all.split_whitespace().collect();
                let want: String = text.split_whitespace().collect();
                assert!(flat.contains(&want), "w={w}: {text} missing\n{all}");
            }
        }
    }

    #[test]
    fn wide_is_left_to_right_and_narrow_is_top_to_bottom() {
        let d = sample();
        let wide = plain(&render(&d, 120, &Marks::default()));
        let row = wide.iter().find(|l| l.contains("사용자")).unwrap();
        assert!(row.contains('▶'), "{}", wide.join("\n"));
        let narrow = plain(&render(&d, 40, &Marks::default()));
        assert!(
            narrow.iter().any(|l| l.contains('▼')),
            "{}",
            narrow.join("\n")
        );
    }

    #[test]
    fn marks_show_as_text_not_only_colour() {
        let d = sample();
        let mut marks = Marks::default();
        marks.struck.insert("a".into());
        marks.highlighted.insert("c".into());
        marks.edge_labels.insert(0, "42 req/s".into());
        let lines = render(&d, 100, &marks);
        let all = plain(&lines).join("\n");
        assert!(all.contains("✗ EC2"), "{all}");
        assert!(all.contains("* ElastiCache"), "{all}");
        assert!(all.contains('┏'), "{all}");
        assert!(all.contains("42 req/s") && !all.contains("HTTPS"), "{all}");
        let struck = lines
            .iter()
            .flat_map(|l| &l.spans)
            .find(|s| s.text.contains("인스턴스 1"))
            .unwrap();
        assert!(struck.style.strike);
    }

    #[test]
    fn group_frame_encloses_its_members_only() {
        let d = sample();
        let lines = plain(&render(&d, 120, &Marks::default()));
        let top = lines
            .iter()
            .position(|l| l.contains("Auto Scaling 그룹"))
            .unwrap();
        let bottom = lines.iter().rposition(|l| l.contains('╰')).unwrap();
        let inside = &lines[top..=bottom].join("\n");
        assert!(inside.contains("인스턴스 1") && inside.contains("인스턴스 2"));
    }
    fn span_with<'a>(lines: &'a [Line], text: &str) -> &'a Span {
        lines
            .iter()
            .flat_map(|l| &l.spans)
            .find(|s| s.text.contains(text))
            .unwrap_or_else(|| panic!("{text} missing"))
    }

    #[test]
    fn a_failed_node_is_struck_and_marked_in_words() {
        use crate::lesson::diagram::NodeState;
        let d = sample();
        let mut marks = Marks::default();
        marks.set_state("a", NodeState::Failed, "멈춤");
        marks.add_note("a", "장바구니 12개 잃음");
        let lines = render(&d, 100, &marks);
        let all = plain(&lines).join("\n");
        assert!(all.contains("✗ EC2"), "{all}");
        assert!(
            all.contains("[멈춤]") && all.contains("장바구니 12개 잃음"),
            "{all}"
        );
        assert!(span_with(&lines, "인스턴스 1").style.strike);
        // The annotation says what happened: readable, not struck through.
        assert!(!span_with(&lines, "[멈춤]").style.strike);
        assert!(!span_with(&lines, "12개").style.strike);
        // The other instance is untouched.
        assert!(!span_with(&lines, "인스턴스 2").style.strike);
    }

    #[test]
    fn an_edge_label_override_replaces_the_label() {
        let d = sample();
        let mut marks = Marks::default();
        marks.set_edge_label(1, "90% → v1");
        marks.set_edge_label(3, "10% → v2");
        let all = plain(&render(&d, 120, &marks)).join("\n");
        assert!(
            all.contains("90% → v1") && all.contains("10% → v2"),
            "{all}"
        );
        assert!(!all.contains("세션 ID"), "{all}");
        // Labels that are not overridden stay.
        assert!(all.contains("HTTPS"), "{all}");
    }

    #[test]
    fn replaced_updated_and_new_nodes_carry_their_glyph_and_word() {
        use crate::lesson::diagram::NodeState;
        let d = sample();
        let mut marks = Marks::default();
        marks.set_state("a", NodeState::Replaced, "교체");
        marks.set_state("b", NodeState::Updated, "제자리 수정");
        marks.set_state("c", NodeState::New, "새로 생김");
        let lines = render(&d, 120, &marks);
        let all = plain(&lines).join("\n");
        for want in [
            "↻ EC2",
            "[교체]",
            "~ EC2",
            "[제자리 수정]",
            "+ ElastiCache",
            "[새로 생김]",
        ] {
            assert!(all.contains(want), "{want}\n{all}");
        }
        assert!(!span_with(&lines, "인스턴스 1").style.strike);
    }

    #[test]
    fn a_promoted_node_has_a_heavy_frame_and_its_word() {
        use crate::lesson::diagram::NodeState;
        let d = sample();
        let mut marks = Marks::default();
        marks.set_state("b", NodeState::Promoted, "승격");
        marks.add_note("b", "지연 120 ms");
        let all = plain(&render(&d, 120, &marks)).join("\n");
        assert!(all.contains("▲ EC2") && all.contains("[승격]"), "{all}");
        assert!(all.contains('┏') && all.contains("지연 120 ms"), "{all}");
    }

    #[test]
    fn annotations_fit_every_width_and_survive_the_list_fallback() {
        use crate::lesson::diagram::NodeState;
        let d = sample();
        let mut marks = Marks::default();
        marks.set_state("a", NodeState::Failed, "멈춤 (300초)");
        marks.add_note("a", "장바구니 25개 잃음 · 사용자 25명");
        marks.set_edge_label(0, "요청 1,234개");
        for w in [12, 20, 30, 40, 60, 80, 120] {
            let lines = plain(&render(&d, w, &marks));
            let all = lines.join("\n");
            for l in &lines {
                assert!(width(l) <= w, "w={w}: {l:?}\n{all}");
            }
            let flat: String = all.split_whitespace().collect();
            assert!(
                flat.contains("멈춤") && flat.contains("잃음"),
                "w={w}\n{all}"
            );
        }
    }
}
