//! `gureum search QUERY` and `gureum glossary [TERM]`: the palette and the glossary screen on the
//! command line, with the same index and the same ranking.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Args;
use gureum::lesson::{ContentSource, Library};
use gureum::links::glossary::{Target, links};
use gureum::quiz::BankSource;
use gureum::search::build::build_index;
use gureum::search::{self, Index, Kind};
use gureum::strings::{Lang, Strings};
use gureum::text;

/// Arguments of `gureum search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// 찾을 말 (여러 낱말이면 모두 들어간 곳; 초성도 돼요: `ㄹㄷ ㅋㄷ`)
    #[arg(value_name = "QUERY", num_args = 0..)]
    query: Vec<String>,
    /// JSON으로 출력해요
    #[arg(long)]
    json: bool,
    /// 종류(레슨/절, 문단, 문제, 시뮬레이션, 용어)마다 최대 N개
    #[arg(long, value_name = "N", default_value_t = 5, value_parser = clap::value_parser!(u16).range(1..=1000))]
    limit: u16,
}

/// Arguments of `gureum glossary`.
#[derive(Debug, Args)]
pub struct GlossaryArgs {
    /// 용어 (id, 한국어, 영어, 약어 모두 돼요). 없으면 전체 목록
    #[arg(value_name = "TERM", num_args = 0..)]
    term: Vec<String>,
    /// JSON으로 출력해요
    #[arg(long)]
    json: bool,
}

/// Runs `gureum search`.
pub fn run(
    args: &SearchArgs,
    source: &ContentSource,
    banks: &BankSource,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    let query = args.query.join(" ");
    if query.trim().is_empty() {
        errln!(
            "gureum: {}",
            lang.pick(
                "찾을 말을 적어 주세요. 예: gureum search 콜드 스타트",
                "give a query, e.g. gureum search cold start"
            )
        );
        return Ok(ExitCode::from(2));
    }
    // The shipped content's index is in the binary: nothing to load, render or build.
    let prebuilt = matches!(
        (source, banks),
        (ContentSource::Embedded, BankSource::Embedded)
    )
    .then(search::prebuilt::embedded)
    .flatten();
    let index = prebuilt.unwrap_or_else(|| build_index(&Library::load(source), banks));
    // The process ends right after: freeing thousands of documents one by one was ~10% of it.
    let index = std::mem::ManuallyDrop::new(index);
    let groups = index.search(&query, usize::from(args.limit));
    let mut out = crate::cli::stdout();
    let english = lang == Lang::En;
    if args.json {
        let mut list = Vec::new();
        for g in &groups {
            for hit in &g.hits {
                let doc = &index.docs[hit.doc];
                let (snippet, _) = search::snippet(&doc.text[hit.field], &hit.ranges, 100);
                let mut v = serde_json::json!({
                    "kind": doc.kind.code(),
                    "id": doc.id,
                    "title": doc.title,
                    "location": doc.location,
                    "line": doc.line,
                    "snippet": snippet,
                    "score": i64::from(hit.quality) * 10_000 + hit.score,
                });
                if let (Some(_), Some(map)) = (doc.lesson, v.as_object_mut())
                    && matches!(doc.kind, Kind::Lesson | Kind::Section | Kind::Paragraph)
                {
                    map.insert("lesson".into(), lesson_id(doc).into());
                    map.insert("anchor".into(), doc.anchor.clone().into());
                }
                list.push(v);
            }
        }
        out.json(&list, true)?;
        return Ok(ExitCode::SUCCESS);
    }
    if groups.iter().all(|g| g.hits.is_empty()) {
        writeln!(out, "{}", Strings::new(lang).no_results())?;
        return Ok(ExitCode::SUCCESS);
    }
    let styled = std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let mut first = true;
    for g in groups.iter().filter(|g| !g.hits.is_empty()) {
        if !first {
            writeln!(out)?;
        }
        first = false;
        let more = if g.total > g.hits.len() {
            format!(" ({}/{})", g.hits.len(), g.total)
        } else {
            String::new()
        };
        writeln!(out, "{}{more}", g.group.label(english))?;
        for hit in &g.hits {
            let doc = &index.docs[hit.doc];
            let (snippet, ranges) = search::snippet(&doc.text[hit.field], &hit.ranges, 70);
            let snippet = if styled {
                mark(&snippet, &ranges)
            } else {
                snippet
            };
            if styled {
                out.styled(&format!("  {snippet}\n"))?;
            } else {
                writeln!(out, "  {snippet}")?;
            }
            let place = match (doc.kind, doc.line) {
                (Kind::Simulation, _) | (_, None) => doc.id.clone(),
                (_, Some(line)) => format!("{}:{line}", doc.id),
            };
            writeln!(out, "      {} · {place}", doc.place(english))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The id of the lesson a lesson, section or paragraph document is in: its id is the lesson's,
/// or `lesson#anchor` under a heading (see `Index::build_fresh`).
fn lesson_id(doc: &search::Doc) -> &str {
    doc.anchor
        .as_deref()
        .and_then(|a| doc.id.strip_suffix(a)?.strip_suffix('#'))
        .unwrap_or(&doc.id)
}

/// `s` with the byte `ranges` in bold yellow.
fn mark(s: &str, ranges: &[std::ops::Range<usize>]) -> String {
    let mut out = String::with_capacity(s.len() + ranges.len() * 12);
    let mut at = 0;
    for r in ranges {
        out.push_str(&text::for_output(s.get(at..r.start).unwrap_or_default()));
        out.push_str("\x1b[1;33m");
        out.push_str(&text::for_output(s.get(r.clone()).unwrap_or_default()));
        out.push_str("\x1b[0m");
        at = r.end;
    }
    out.push_str(&text::for_output(s.get(at..).unwrap_or_default()));
    out
}

/// The term that `name` names: its id or any spelling, ignoring case and spaces.
fn find_term(library: &Library, name: &str) -> Option<usize> {
    let key = |s: &str| -> String {
        gureum::search::hangul::normalize_query(s)
            .chars()
            .filter(|c| *c != ' ')
            .collect()
    };
    let want = key(name);
    library
        .glossary
        .terms
        .iter()
        .position(|t| t.id == name || t.forms().any(|f| key(f) == want))
}

fn link_json(library: &Library, index: &Index, term: usize) -> serde_json::Value {
    let mut lessons = Vec::new();
    let mut questions = Vec::new();
    let mut simulations = Vec::new();
    for link in links(library, index, term, true) {
        match link.target {
            Target::Lesson { lesson, anchor } => lessons.push(serde_json::json!({
                "lesson": library.lessons[lesson].meta.id,
                "anchor": anchor,
                "title": link.label,
            })),
            Target::Questions(ids) if ids.len() == 1 => questions.extend(ids),
            Target::Questions(_) => {}
            Target::Preset(id) => simulations.push(id),
        }
    }
    let all_questions: Vec<&str> = index
        .term_links
        .get(term)
        .map(|docs| {
            docs.iter()
                .map(|&d| &index.docs[d])
                .filter(|d| d.kind == Kind::Question)
                .map(|d| d.id.as_str())
                .collect()
        })
        .unwrap_or_default();
    serde_json::json!({
        "lessons": lessons,
        "questions": all_questions,
        "simulations": simulations,
    })
}

/// Runs `gureum glossary`.
pub fn glossary(
    args: &GlossaryArgs,
    source: &ContentSource,
    banks: &BankSource,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    let library = Library::load(source);
    let name = args.term.join(" ");
    let terms = &library.glossary.terms;
    let mut out = crate::cli::stdout();
    if name.trim().is_empty() {
        if args.json {
            let index = build_index(&library, banks);
            let list: Vec<serde_json::Value> = terms
                .iter()
                .enumerate()
                .map(|(i, t)| term_json(&library, &index, i, t))
                .collect();
            out.json(&list, true)?;
        } else {
            let id_w = terms.iter().map(|t| t.id.len()).max().unwrap_or(0);
            for t in terms {
                writeln!(out, "{:<id_w$}  {}", t.id, t.label())?;
            }
        }
        return Ok(ExitCode::SUCCESS);
    }
    let Some(i) = find_term(&library, name.trim()) else {
        let index = build_index(&library, banks);
        let near: Vec<String> = index
            .search(&name, 5)
            .into_iter()
            .filter(|g| g.group == search::Group::Terms)
            .flat_map(|g| g.hits)
            .map(|h| index.docs[h.doc].title.clone())
            .collect();
        let msg = match lang {
            Lang::Ko => format!("용어집에 `{name}`{} 없어요", gureum::text::josa::i(&name)),
            Lang::En => format!("no glossary term `{name}`"),
        };
        errln!("gureum: {msg}");
        if !near.is_empty() {
            errln!(
                "  {}: {}",
                lang.pick("비슷한 용어", "similar"),
                near.join(", ")
            );
        }
        return Ok(ExitCode::from(2));
    };
    let index = build_index(&library, banks);
    let t = &terms[i];
    if args.json {
        out.json(&term_json(&library, &index, i, t), true)?;
        return Ok(ExitCode::SUCCESS);
    }
    let s = Strings::new(lang);
    writeln!(out, "{}", t.label())?;
    if !t.aliases.is_empty() {
        writeln!(out, "{}: {}", s.glossary_aliases(), t.aliases.join(", "))?;
    }
    writeln!(out)?;
    let (first, second) = match lang {
        Lang::Ko => (&t.definition, &t.definition_en),
        Lang::En => (&t.definition_en, &t.definition),
    };
    writeln!(out, "{first}")?;
    writeln!(out, "{second}")?;
    let links = links(&library, &index, i, lang == Lang::En);
    if !links.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", s.glossary_links())?;
        for link in links {
            let (mark, place) = match &link.target {
                Target::Lesson { lesson, anchor } => {
                    let id = &library.lessons[*lesson].meta.id;
                    (
                        "§",
                        anchor.as_ref().map_or(id.clone(), |a| format!("{id}#{a}")),
                    )
                }
                Target::Questions(ids) if ids.len() == 1 => ("?", ids[0].clone()),
                Target::Questions(_) => continue,
                Target::Preset(id) => ("▶", id.clone()),
            };
            writeln!(out, "  {mark} {}  ({place})", link.label)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn term_json(
    library: &Library,
    index: &Index,
    i: usize,
    t: &gureum::lesson::glossary::Term,
) -> serde_json::Value {
    serde_json::json!({
        "id": t.id,
        "ko": t.ko,
        "en": t.en,
        "aliases": t.aliases,
        "definition": t.definition,
        "definition_en": t.definition_en,
        "see": t.see,
        "links": link_json(library, index, i),
    })
}
