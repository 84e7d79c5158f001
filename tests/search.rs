//! Search over the shipped content: 초성, mixed queries, aliases in both directions, NFD input,
//! case, ranking and grouping; `gureum search --json`; the glossary in `gureum check`.

use std::process::{Command, Output};
use std::sync::OnceLock;

use gureum::lesson::{ContentSource, Library};
use gureum::quiz::BankSource;
use gureum::search::{Group, GroupHits, Index, Kind};
use unicode_normalization::UnicodeNormalization;

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let library = Library::load(&ContentSource::Embedded);
        gureum::search::build::build_index(&library, &BankSource::Embedded)
    })
}

fn group(results: &[GroupHits], g: Group) -> &GroupHits {
    results.iter().find(|r| r.group == g).expect("every group")
}

/// Titles of the hits of group `g` for `query`.
fn titles(query: &str, g: Group) -> Vec<String> {
    let idx = index();
    group(&idx.search(query, 5), g)
        .hits
        .iter()
        .map(|h| idx.docs[h.doc].title.clone())
        .collect()
}

/// Ids of the hits of group `g` for `query`.
fn ids(query: &str, g: Group) -> Vec<String> {
    let idx = index();
    group(&idx.search(query, 5), g)
        .hits
        .iter()
        .map(|h| idx.docs[h.doc].id.clone())
        .collect()
}

#[test]
fn initials_query_finds_lambda() {
    let sections = titles("ㄹㄷ", Group::Lessons);
    assert!(
        sections.first().is_some_and(|t| t.contains("람다")),
        "{sections:?}"
    );
    assert_eq!(
        ids("ㄹㄷ", Group::Terms).first().map(String::as_str),
        Some("lambda")
    );
}

#[test]
fn initials_query_finds_dynamo_through_the_glossary() {
    // The notes never write 다이나모; the glossary's alias does, and names DynamoDB.
    assert_eq!(
        ids("ㄷㅇㄴㅁ", Group::Terms).first().map(String::as_str),
        Some("dynamodb")
    );
    let lessons = titles("ㄷㅇㄴㅁ", Group::Lessons);
    assert!(
        lessons.first().is_some_and(|t| t.contains("DynamoDB")),
        "{lessons:?}"
    );
}

#[test]
fn mixed_initials_and_syllables_find_cold_start() {
    let cold = "developing-lambda#콜드-스타트-최소화-하기";
    for q in ["ㅋㄷ스타트", "ㅋㄷ ㅅㅌㅌ", "콜드스타트", "ㅋㄷㅅㅌㅌ"] {
        assert_eq!(
            ids(q, Group::Lessons).first().map(String::as_str),
            Some(cold),
            "{q}"
        );
    }
}

#[test]
fn the_end_to_end_query_puts_the_lambda_cold_start_section_first() {
    // tests/e2e.rs types this and presses Enter on the first result.
    let idx = index();
    let results = idx.search("ㄹㄷ ㅋㄷ", 5);
    let first = results
        .iter()
        .find_map(|g| g.hits.first())
        .expect("a result");
    assert_eq!(
        idx.docs[first.doc].id,
        "developing-lambda#콜드-스타트-최소화-하기"
    );
}

#[test]
fn english_alias_finds_the_korean_term_and_back() {
    assert_eq!(
        ids("cold start", Group::Terms).first().map(String::as_str),
        Some("cold-start")
    );
    // The notes say 콜드 스타트; the English query still lands on that section.
    assert_eq!(
        ids("cold start", Group::Lessons)
            .first()
            .map(String::as_str),
        Some("developing-lambda#콜드-스타트-최소화-하기")
    );
    let terms = titles("rcu", Group::Terms);
    assert!(
        terms.first().is_some_and(|t| t.contains("읽기 용량 단위")),
        "{terms:?}"
    );
    // Korean → English: the notes write "Read Capacity Units(RCU)".
    let paragraphs = ids("읽기 용량 단위", Group::Paragraphs);
    assert!(
        paragraphs.iter().any(|id| id.starts_with("udemy-dynamodb")),
        "{paragraphs:?}"
    );
    let idx = index();
    let results = idx.search("읽기 용량 단위", 5);
    let hit = &group(&results, Group::Paragraphs).hits[0];
    let text: String = idx.docs[hit.doc].text[hit.field]
        .chars()
        .skip(hit.ranges[0].start)
        .take(hit.ranges[0].len())
        .collect();
    assert!(
        text.eq_ignore_ascii_case("RCU") || text.to_lowercase().contains("read capacity unit"),
        "highlight {text:?}"
    );
}

#[test]
fn decomposed_hangul_from_macos_matches_like_composed() {
    let nfc = "콜드 스타트";
    let nfd: String = nfc.nfd().collect();
    assert_ne!(nfc, nfd);
    assert_eq!(index().search(&nfd, 5), index().search(nfc, 5));
}

#[test]
fn latin_is_case_insensitive() {
    assert_eq!(index().search("LAMBDA", 5), index().search("lambda", 5));
    assert_eq!(index().search("DynamoDB", 5), index().search("dynamodb", 5));
}

#[test]
fn title_matches_rank_before_headings_and_contiguous_before_scattered() {
    let idx = index();
    let results = idx.search("dynamodb", 5);
    let lessons = &group(&results, Group::Lessons).hits;
    assert_eq!(idx.docs[lessons[0].doc].kind, Kind::Lesson, "{lessons:?}");
    assert_eq!(idx.docs[lessons[0].doc].title, "DynamoDB");
    assert!(
        lessons[1..]
            .iter()
            .all(|h| idx.docs[h.doc].kind == Kind::Section)
    );
    // "람함" is scattered in "람다 함수"; a contiguous "람함" does not exist, so every hit is
    // scattered and ranks below a contiguous match of the same word.
    let scattered = idx.search("람함", 5);
    let contiguous = idx.search("람다", 5);
    let q = |r: &[GroupHits]| group(r, Group::Lessons).hits.first().map(|h| h.quality);
    assert!(q(&scattered) < q(&contiguous), "{scattered:?}");
}

#[test]
fn results_are_grouped_in_order_and_capped() {
    // "lambda" names the glossary term, so its group comes first; the others keep their order.
    let results = index().search("lambda", 3);
    let order: Vec<Group> = results.iter().map(|g| g.group).collect();
    assert_eq!(
        order,
        [
            Group::Terms,
            Group::Lessons,
            Group::Paragraphs,
            Group::Questions,
            Group::Simulations
        ]
    );
    let results = index().search("ㄹㄷ ㅋㄷ", 3);
    let order: Vec<Group> = results.iter().map(|g| g.group).collect();
    assert_eq!(order, Group::ALL, "no name matches the whole query");
    for g in &results {
        assert!(g.hits.len() <= 3);
        assert!(g.total >= g.hits.len());
        for h in &g.hits {
            assert_eq!(index().docs[h.doc].kind.group(), g.group);
        }
    }
    assert!(group(&results, Group::Questions).total > 3);
    assert!(index().search("   ", 3).iter().all(|g| g.hits.is_empty()));
}

#[test]
fn glossary_links_are_computed_from_the_content() {
    let library = Library::load(&ContentSource::Embedded);
    let idx = index();
    let cold = library.glossary.position("cold-start").unwrap();
    let links = gureum::ui::glossary::links(&library, idx, cold, false);
    assert!(
        links
            .iter()
            .any(|l| l.label.contains("콜드 스타트 최소화 하기"))
    );
    assert!(links.iter().any(|l| l.kind == Kind::Question));
    assert!(
        links
            .iter()
            .any(|l| l.target == gureum::ui::glossary::Target::Preset("lambda-cold-start".into())),
        "{links:?}"
    );
}

fn gureum(args: &[&str]) -> Output {
    let data = tempfile::tempdir().unwrap();
    Command::new(env!("CARGO_BIN_EXE_gureum"))
        .args(args)
        .env("GUREUM_DATA_DIR", data.path())
        .output()
        .expect("run gureum")
}

#[test]
fn search_json_lists_kind_id_title_location_line_snippet_score() {
    let o = gureum(&["search", "ㄹㄷ", "ㅋㄷ", "--json", "--limit", "2"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let list = v.as_array().unwrap();
    let first = &list[0];
    assert_eq!(first["kind"], "section");
    assert_eq!(first["lesson"], "developing-lambda");
    assert_eq!(first["anchor"], "콜드-스타트-최소화-하기");
    assert_eq!(first["title"], "콜드 스타트 최소화 하기");
    // The heading's line in content/02-developing/03-module9-lambda.md.
    assert_eq!(first["line"], 54);
    for key in ["id", "location", "snippet", "score"] {
        assert!(!first[key].is_null(), "{key}");
    }
    let kinds: Vec<&str> = list.iter().filter_map(|r| r["kind"].as_str()).collect();
    for kind in &kinds {
        assert!(
            [
                "lesson",
                "section",
                "paragraph",
                "question",
                "simulation",
                "term"
            ]
            .contains(kind)
        );
    }
    assert!(kinds.contains(&"question") && kinds.contains(&"term"));
    // At most --limit per group: lessons and sections share one group.
    assert!(kinds.iter().filter(|k| **k == "question").count() <= 2);
}

#[test]
fn search_without_results_exits_0_and_an_empty_query_exits_2() {
    let o = gureum(&["search", "zzqxjv"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).contains("결과가 없어요"));
    let o = gureum(&["search", "zzqxjv", "--json"]);
    assert_eq!(String::from_utf8_lossy(&o.stdout).trim(), "[]");
    assert_eq!(gureum(&["search", " "]).status.code(), Some(2));
    assert_eq!(gureum(&["search"]).status.code(), Some(2));
}

#[test]
fn glossary_command_shows_a_term_by_any_spelling() {
    let o = gureum(&["glossary", "RCU"]);
    assert!(o.status.success());
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.starts_with("읽기 용량 단위 (read capacity unit)"),
        "{out}"
    );
    assert!(out.contains("4KB"), "{out}");
    let o = gureum(&["glossary", "콜드스타트", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["id"], "cold-start");
    assert!(v["links"]["questions"].as_array().unwrap().len() > 3);
    assert_eq!(gureum(&["glossary", "없는용어"]).status.code(), Some(2));
}

#[test]
fn check_reports_glossary_problems_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let course = dir.path().join("01-c");
    std::fs::create_dir_all(&course).unwrap();
    std::fs::write(
        course.join("course.toml"),
        "id = \"c\"\ntitle = \"코스\"\norder = 1\nsummary = \"코스 요약\"\n",
    )
    .unwrap();
    std::fs::write(
        course.join("01-l.md"),
        "+++\nid = \"l\"\ntitle = \"레슨\"\norder = 1\nsummary = \"요약\"\n+++\n\n# 제목\n\n본문\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("glossary.toml"),
        r#"format_version = 1

[[term]]
id = "t"
ko = "용어"
en = "term"
definition = ""
definition_en = "A term."
see = ["l#없는-제목"]

[[term]]
id = "t"
ko = "다른 용어"
en = "other"
definition = "다른 용어예요."
definition_en = "Another."
"#,
    )
    .unwrap();
    let root = dir.path().to_str().unwrap();
    let o = gureum(&["check", "--lang", "en", "--content-dir", root]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    for e in [
        "glossary.toml:7: term `t`: `definition` is empty",
        "glossary.toml:9: term `t`: `see` links to `#없는-제목`, which is no heading of lesson `l`",
        "glossary.toml:12: duplicate term id `t`",
    ] {
        assert!(
            err.contains(&format!("{root}/{e}")),
            "missing `{e}` in:\n{err}"
        );
    }
    // A glossary that is not TOML is one problem with its line, and the lessons still load.
    std::fs::write(
        dir.path().join("glossary.toml"),
        "format_version = 1\n[[term]\n",
    )
    .unwrap();
    let o = gureum(&["check", "--lang", "en", "--content-dir", root]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains(&format!("{root}/glossary.toml:2:")), "{err}");
}

/// (kind, id, snippet) of the first result of `gureum search QUERY --json`.
fn first_json(query: &str) -> (String, String, String) {
    let o = gureum(&["search", query, "--json"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let first = &v[0];
    let s = |k: &str| first[k].as_str().unwrap_or_default().to_owned();
    (s("kind"), s("id"), s("snippet"))
}

#[test]
fn a_named_term_lesson_or_section_ranks_first_across_kinds() {
    // Issue 16: the 초성 of 람다 names the term; "rcu" is an alias of 읽기 용량 단위.
    let (kind, id, snippet) = first_json("ㄹㄷ");
    assert_eq!((kind.as_str(), id.as_str()), ("term", "lambda"));
    assert!(snippet.starts_with("람다 (AWS Lambda)"), "{snippet}");
    let (kind, id, snippet) = first_json("rcu");
    assert_eq!((kind.as_str(), id.as_str()), ("term", "rcu"));
    assert!(snippet.starts_with("읽기 용량 단위"), "{snippet}");
    // A lesson title named exactly leads over its sections and paragraphs.
    let idx = index();
    let ranked = idx.search_ranked("aurora", 5);
    let best = ranked
        .best
        .map(|d| (idx.docs[d].kind, idx.docs[d].title.as_str()));
    assert!(
        matches!(best, Some((Kind::Lesson | Kind::Term, _))),
        "{best:?}"
    );
    assert_eq!(ranked.groups[0].hits[0].doc, ranked.best.unwrap());
    // A prefix of a section title: the section leads the first group.
    let ranked = idx.search_ranked("콜드 스타트 최소", 5);
    let best = ranked.best.map(|d| idx.docs[d].id.as_str());
    assert_eq!(best, Some("developing-lambda#콜드-스타트-최소화-하기"));
    // No name matches: no best match.
    assert_eq!(idx.search_ranked("zzqx", 5).best, None);
}

#[test]
fn simulation_and_term_hits_show_their_title() {
    let idx = index();
    for q in ["cold", "콜드 스타트"] {
        for g in idx.search(q, 5) {
            for h in &g.hits {
                let doc = &idx.docs[h.doc];
                if matches!(doc.kind, Kind::Simulation | Kind::Term) {
                    assert_eq!(h.field, 0, "{q}: {}", doc.id);
                    assert!(doc.text[0].starts_with(&doc.title), "{q}: {}", doc.id);
                }
            }
        }
    }
}

#[test]
fn the_index_builds_on_a_background_thread_to_the_same_documents() {
    let library = Library::load(&ContentSource::Embedded);
    let bank = gureum::quiz::Bank::load(&BankSource::Embedded);
    let presets = gureum::search::build::preset_docs(&gureum::sims::all_presets());
    let (tx, rx) = std::sync::mpsc::channel();
    let live = gureum::search::build::Live::start(library, rx, presets).expect("a thread");
    // Every lesson is indexed before the banks arrive; the questions wait for them.
    let lessons = live.lessons;
    let start = std::time::Instant::now();
    while live.progress() != Some((lessons, lessons)) {
        assert!(start.elapsed().as_secs() < 60, "{:?}", live.progress());
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let part = live.latest().expect("a part");
    assert!(part.building.is_some() && live.finished().is_none());
    assert!(
        part.docs.iter().all(|d| d.kind != Kind::Question),
        "no question before the banks"
    );
    tx.send(bank).expect("the build takes the banks");
    let built = live.wait().expect("built");
    assert!(built.building.is_none() && live.progress().is_none());
    let ids = |i: &Index| i.docs.iter().map(|d| d.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&built), ids(index()));
    // A part is the start of the whole, and answers from what it holds.
    assert_eq!(ids(&part), ids(&built)[..part.docs.len()]);
    for g in part.search("ㄹㄷ", 5) {
        for h in g.hits {
            assert_eq!(part.docs[h.doc].id, built.docs[h.doc].id);
        }
    }
}

/// Queries whose every prefix the prebuilt and the fresh index must answer alike: 초성, mixed,
/// Latin, aliases, multi-word terms, no result.
const SAME_QUERIES: &[&str] = &[
    "ㄹㄷ ㅋㄷ",
    "rcu",
    "cold start",
    "콜드 스타트",
    "다이나모",
    "ㄷㅇㄴㅁ",
    "dynamodb 파티션",
    "람다 동시성",
    "wcu",
    "cloudformation",
    "배포 전략",
    "canary",
    "블루 그린",
    "api gateway",
    "sqs dlq",
    "읽기 용량 단위",
    "Lambda",
    "iam role",
    "s3 버킷",
    "vpc",
    "kinesis",
    "ttl",
    "gsi",
    "ㅍㅌㅅ ㅋ",
    "zzqx",
];

#[test]
fn the_prebuilt_index_is_current_and_answers_like_a_fresh_build() {
    use gureum::search::prebuilt;
    let library = Library::load(&ContentSource::Embedded);
    let bank = gureum::quiz::Bank::load(&BankSource::Embedded);
    let presets = gureum::search::build::preset_docs(&gureum::sims::all_presets());
    let fresh = Index::build_fresh(&library, &bank, &presets);
    let pre = prebuilt::embedded().expect(
        "prebuilt/search-index.bin is missing or stale (the content or the indexing code \
         changed): run `cargo run --release --example search_index` and commit it",
    );
    assert!(
        prebuilt::same(&fresh, &pre),
        "same documents, contexts, terms"
    );
    // `Index::build` reads it for exactly these inputs.
    assert!(prebuilt::same(
        &Index::build(&library, &bank, &presets),
        &pre
    ));
    let mut searched = 0;
    for q in SAME_QUERIES {
        let chars: Vec<char> = q.chars().collect();
        for n in 1..=chars.len() {
            let p: String = chars[..n].iter().collect();
            assert_eq!(fresh.search_ranked(&p, 5), pre.search_ranked(&p, 5), "{p}");
            searched += 1;
        }
        assert_eq!(fresh.search(q, 1000), pre.search(q, 1000), "{q}");
    }
    assert!(searched > 100);
    // The best matches of issue 16 come from the prebuilt index too.
    let first = |q: &str| {
        let r = pre.search_ranked(q, 5);
        let d = &pre.docs[r.best.expect("a best match")];
        (d.kind, d.id.clone())
    };
    assert_eq!(first("ㄹㄷ"), (Kind::Term, "lambda".to_owned()));
    assert_eq!(first("rcu"), (Kind::Term, "rcu".to_owned()));
}

/// The palette narrows each keystroke's work from the keystrokes before (a slot seen before is
/// remembered; a grown word is matched only where the shorter one was): every prefix, typed
/// and then erased, ranks exactly as a search that remembers nothing.
#[test]
fn a_search_narrowed_from_the_keystrokes_before_ranks_like_a_full_search() {
    let library = Library::load(&ContentSource::Embedded);
    let bank = gureum::quiz::Bank::load(&BankSource::Embedded);
    let presets = gureum::search::build::preset_docs(&gureum::sims::all_presets());
    let typed = Index::build_fresh(&library, &bank, &presets);
    let full = Index::build_fresh(&library, &bank, &presets);
    let more = [
        "ㅋㄷ스타트",
        "provisioned concurrency",
        "DeletionPolicy Retain",
        "ㄹㄷ ㅋㄷ ㅅㅌㅌ",
        "람다 콜드 스타트",
    ];
    let mut searched = 0;
    for q in SAME_QUERIES.iter().copied().chain(more) {
        let chars: Vec<char> = q.chars().collect();
        for k in (1..=chars.len()).chain((1..chars.len()).rev()) {
            let p: String = chars[..k].iter().collect();
            full.forget();
            assert_eq!(typed.search_ranked(&p, 5), full.search_ranked(&p, 5), "{p}");
            full.forget();
            assert_eq!(typed.search(&p, 1000), full.search(&p, 1000), "{p}");
            searched += 1;
        }
    }
    assert!(searched > 300, "{searched}");
}

#[test]
fn changed_content_is_indexed_not_read_from_the_prebuilt_index() {
    use gureum::search::prebuilt;
    let mut library = Library::load(&ContentSource::Embedded);
    let bank = gureum::quiz::Bank::load(&BankSource::Embedded);
    let presets = gureum::search::build::preset_docs(&gureum::sims::all_presets());
    let before = prebuilt::input_fingerprint(&library, &bank, &presets);
    library.lessons[0].meta.title = "완전히 새로운 제목 qzxv".to_owned();
    assert_ne!(
        prebuilt::input_fingerprint(&library, &bank, &presets),
        before
    );
    let index = Index::build(&library, &bank, &presets);
    assert!(prebuilt::same(
        &index,
        &Index::build_fresh(&library, &bank, &presets)
    ));
    let hits = index.search("qzxv", 5);
    assert_eq!(group(&hits, Group::Lessons).total, 1);
    // A damaged file is refused, never half read.
    if let Some((bytes, strings)) = prebuilt::embedded_bytes() {
        assert!(prebuilt::decode(bytes, strings, None).is_some());
        for cut in [0, 7, 24, 100, bytes.len() / 2, bytes.len() - 1] {
            assert!(
                prebuilt::decode(&bytes[..cut], strings, None).is_none(),
                "{cut}"
            );
        }
        assert!(prebuilt::decode(bytes, strings, Some(before ^ 1)).is_none());
        // Strings that are not this index's (cut short, or one byte longer) are refused too.
        let short = strings
            .get(..strings.floor_char_boundary(strings.len() / 2))
            .unwrap();
        assert!(prebuilt::decode(bytes, short, None).is_none());
        assert!(prebuilt::decode(bytes, &format!("{strings}x"), None).is_none());
    }
}

/// Ctrl-K while a user's content is still being indexed: the palette answers from the part
/// built so far, says how far it got, and takes the rest when it comes.
#[test]
fn the_palette_answers_from_the_part_built_so_far_and_follows_the_build() {
    use gureum::ui::palette::Palette;
    let library = Library::load(&ContentSource::Embedded);
    let bank = gureum::quiz::Bank::load(&BankSource::Embedded);
    let presets = gureum::search::build::preset_docs(&gureum::sims::all_presets());
    let (tx, rx) = std::sync::mpsc::channel();
    let live = gureum::search::build::Live::start(library, rx, presets).expect("a thread");
    let mut palette = Palette::new(live.latest().expect("a part at once"));
    assert!(palette.index.building.is_some());
    palette.input.insert("람다");
    palette.refresh();
    // The banks are held back: the build stops after the lessons.
    let n = live.lessons;
    let start = std::time::Instant::now();
    while live.progress() != Some((n, n)) {
        assert!(start.elapsed().as_secs() < 60, "{:?}", live.progress());
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    palette.follow_build();
    assert_eq!(palette.building(), Some((n, n)));
    let total = |p: &Palette, g: Group| {
        p.groups
            .iter()
            .find(|x| x.group == g)
            .map_or(0, |x| x.total)
    };
    assert!(
        total(&palette, Group::Lessons) > 0,
        "lessons are found already"
    );
    assert_eq!(total(&palette, Group::Questions), 0);
    tx.send(gureum::quiz::Bank::clone(&bank)).expect("sent");
    live.wait().expect("built");
    palette.follow_build();
    assert_eq!(palette.building(), None);
    assert!(palette.index.building.is_none(), "the whole index now");
    assert!(
        total(&palette, Group::Questions) > 0,
        "questions once the banks came"
    );
}

/// A glossary result names its source in the UI's language (the index keeps both for `--json`).
#[test]
fn a_glossary_result_names_the_glossary_in_the_ui_language() {
    let en = String::from_utf8(gureum(&["--lang", "en", "search", "cold start"]).stdout).unwrap();
    assert!(en.contains("Glossary · cold-start:"), "{en}");
    assert!(!en.contains("용어집"), "{en}");
    let ko = String::from_utf8(gureum(&["search", "콜드 스타트"]).stdout).unwrap();
    assert!(ko.contains("용어집 · cold-start:"), "{ko}");
    assert!(!ko.contains("glossary ·"), "{ko}");
}
