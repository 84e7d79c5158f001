//! Renderer behaviour on small hand-written fixtures: layout, styles, tables, safety.

use gureum::lesson::render::{anchors, link_targets};
use gureum::lesson::styled::{Line, LineKind, Rendered, Role};
use gureum::lesson::{RenderOptions, render};
use gureum::text;

fn render_at(md: &str, width: usize) -> Rendered {
    render(
        md,
        &RenderOptions {
            width,
            ..RenderOptions::default()
        },
    )
}

fn plain(r: &Rendered) -> Vec<String> {
    r.lines.iter().map(Line::plain).collect()
}

/// Long tokens, nesting, tables and code: everything that stresses the width invariant.
const TRICKY: &str = r"# 서버리스 아키텍처 : 개요

AWS 람다의 역할은 arn:aws:iam::123456789012:role/service-role/very-long-lambda-execution-role-name-for-testing 처럼 길다.
참고 https://docs.aws.amazon.com/lambda/latest/dg/lambda-invocation.html#invocation-async-and-very-long-fragment 를 본다.

> 인용문 안의 목록:
> - 첫째 항목은 꽤 길어서 좁은 폭에서는 여러 줄로 나뉘어야 한다 그리고 계속된다
>   - 중첩된 항목 [링크 텍스트](https://example.com/a/very/long/path/that/keeps/going/and/going) 뒤
>     1. 더 깊은 번호 목록 `inline_code_that_is_quite_long_and_unbreakable_by_spaces` 끝
> > 중첩 인용 안에도 긴문장이이어진다긴문장이이어진다긴문장이이어진다긴문장이이어진다

| 서비스 | 설명 | 요금 |
|:--|:-:|--:|
| 람다 | 서버 없이 코드를 실행하는 컴퓨팅 서비스이며 요청 수와 실행 시간으로 과금된다 | $0.20 |
| DynamoDB | 완전 관리형 NoSQL 데이터베이스 | 온디맨드 |

```yaml
Resources:
	MyFunction: {Type: AWS::Serverless::Function, Properties: {Handler: index.handler, Runtime: nodejs18.x}}
```

- [x] 완료된 일
- [ ] 남은 일

1. 하나
2. 둘
   - 둘-가
---
각주가 있는 문장[^1].

[^1]: 각주 내용은 여기에 있다.
";

fn check_layout(r: &Rendered, width: usize) {
    for line in &r.lines {
        if line.kind != LineKind::Code {
            assert!(
                text::width(&line.plain()) <= width,
                "w={width}: {:?}",
                line.plain()
            );
        }
    }
    assert_ne!(r.lines.first().map(|l| l.kind), Some(LineKind::Blank));
    assert_ne!(r.lines.last().map(|l| l.kind), Some(LineKind::Blank));
    assert!(
        r.lines
            .windows(2)
            .all(|p| !(p[0].kind == LineKind::Blank && p[1].kind == LineKind::Blank))
    );
}

#[test]
fn tricky_fixture_fits_every_width() {
    for width in 10..=120 {
        check_layout(&render_at(TRICKY, width), width);
    }
}

#[test]
fn long_tokens_are_broken_without_loss() {
    let r = render_at(TRICKY, 30);
    // Lines joined without their quote bars and indentation.
    let flat: String = plain(&r)
        .iter()
        .map(|l| l.trim_start_matches([' ', '│']))
        .collect::<String>()
        .split_whitespace()
        .collect();
    assert!(flat.contains("arn:aws:iam::123456789012:role/service-role/very-long-lambda-execution-role-name-for-testing"));
    assert!(flat.contains("(https://example.com/a/very/long/path/that/keeps/going/and/going)"));
    assert!(flat.contains("긴문장이이어진다긴문장이이어진다긴문장이이어진다긴문장이이어진다"));
}

#[test]
fn code_is_not_wrapped_and_tabs_expand() {
    let r = render_at(TRICKY, 20);
    let code: Vec<String> = r
        .lines
        .iter()
        .filter(|l| l.kind == LineKind::Code)
        .map(Line::plain)
        .collect();
    assert_eq!(code.len(), 2, "{code:?}");
    assert!(code[1].ends_with("    MyFunction: {Type: AWS::Serverless::Function, Properties: {Handler: index.handler, Runtime: nodejs18.x}}"));
    assert!(text::width(&code[1]) > 20);
    let label = r
        .lines
        .iter()
        .find(|l| l.spans.iter().any(|s| s.style.role == Role::CodeLabel));
    assert!(label.is_some_and(|l| l.plain().trim() == "yaml"));
}

/// Display columns of box-drawing characters in a line.
fn border_columns(line: &str) -> Vec<usize> {
    let mut col = 0;
    let mut out = Vec::new();
    for c in line.chars() {
        if "│┼┬┴├┤┌┐└┘".contains(c) {
            out.push(col);
        }
        col += text::width(c.encode_utf8(&mut [0; 4]));
    }
    out
}

/// The lines of the first table, from its top border to its bottom border.
fn table_lines(r: &Rendered) -> Vec<String> {
    let p = plain(r);
    let start = p.iter().position(|l| l.starts_with('┌')).unwrap_or(p.len());
    let end = p
        .iter()
        .position(|l| l.starts_with('└'))
        .map_or(start, |e| e + 1);
    p.get(start..end).unwrap_or_default().to_vec()
}

#[test]
fn table_columns_line_up_with_hangul() {
    let md = "| 이름 | 설명 | 값 |\n|---|:-:|--:|\n| 람다 | 서버리스 컴퓨팅 | 1 |\n| S3 | 객체 스토리지 서비스 | 12345 |\n| 다이나모디비 | NoSQL | 가 |\n";
    for width in [80, 24, 20] {
        let r = render_at(md, width);
        let lines = table_lines(&r);
        assert!(lines.len() >= 7, "w={width}: {lines:?}");
        let first = border_columns(&lines[0]);
        assert_eq!(first.len(), 4);
        for l in &lines {
            assert_eq!(
                border_columns(l),
                first,
                "w={width}: misaligned row {l:?} in {lines:#?}"
            );
            assert!(text::width(l) <= width);
        }
    }
    let r = render_at(md, 80);
    let header = r
        .lines
        .iter()
        .find(|l| l.plain().contains("이름"))
        .expect("header row");
    assert!(
        header
            .spans
            .iter()
            .any(|s| s.text == "이름" && s.style.role == Role::TableHeader)
    );
    assert!(
        header
            .spans
            .iter()
            .filter(|s| s.text.contains('│'))
            .all(|s| s.style.role == Role::TableBorder)
    );
    // Right alignment puts the short value against the right border.
    assert!(plain(&r).iter().any(|l| l.contains("    1 │")));
}

#[test]
fn wide_table_shrinks_and_wraps_cells() {
    let r = render_at(TRICKY, 40);
    let lines = table_lines(&r);
    let first = border_columns(&lines[0]);
    assert!(
        lines
            .iter()
            .all(|l| border_columns(l) == first && text::width(l) <= 40),
        "{lines:#?}"
    );
    let flat: String = lines.concat();
    for word in ["컴퓨팅", "과금된다", "$0.20", "온디맨드"] {
        assert!(flat.contains(word), "{word} lost: {lines:#?}");
    }
}

#[test]
fn table_too_narrow_for_a_grid_becomes_records() {
    let md = "| a | b | c | d | e |\n|---|---|---|---|---|\n| 가 | 나 | 다 | 라 | 마 |\n";
    let r = render_at(md, 12);
    check_layout(&r, 12);
    let p = plain(&r);
    assert!(p.iter().any(|l| l == "a: 가"), "{p:?}");
}

#[test]
fn controls_and_escapes_never_reach_the_output() {
    let md = "# 제목\x1b[31m빨강\x1b[0m\n\n본문 \x1b]8;;http://x\x07링크\x1b]8;;\x07 종\x07소리 \u{202e}역방향\n\n\
              [텍스트\x1b[1m](https://e.com/\x1b[2Jx) ![대체\x1b[5m](a\x1b.png)\n\n```\n코드\x1b[31m줄\x07\n```\n\n| 표\x1b[7m |\n|---|\n| 셀\u{9b}1m |\n";
    let r = render_at(md, 80);
    for line in &r.lines {
        for span in &line.spans {
            assert!(
                !span
                    .text
                    .chars()
                    .any(|c| c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c)),
                "control char in {:?}",
                span.text
            );
            assert!(
                !span.text.contains("[31m") && !span.text.contains("8;;"),
                "{:?}",
                span.text
            );
        }
    }
    let all = plain(&r).join("\n");
    for word in ["제목빨강", "링크", "종소리", "역방향", "코드줄", "표", "셀"] {
        assert!(all.contains(word), "{word} missing from {all}");
    }
    assert!(r.links.iter().all(|l| !l.contains('\x1b')));
}

#[test]
fn nfd_input_comes_out_nfc() {
    let nfd =
        "# \u{1109}\u{1165}\u{1107}\u{1165}\n\n\u{1112}\u{1161}\u{11ab}\u{1100}\u{1173}\u{11af}\n"; // 서버, 한글
    let r = render_at(nfd, 80);
    assert_eq!(r.headings[0].title, "서버");
    assert_eq!(r.headings[0].anchor, "서버");
    assert_eq!(anchors(nfd), ["서버"]);
    assert!(plain(&r).iter().any(|l| l == "한글"));
}

#[test]
fn headings_are_numbered_by_relative_level() {
    let md = "### 첫째\n\n#### 하위 하나\n\n#### 하위 둘\n\n### 1. Stateful Web App\n\n##### 깊은\n\n### 첫째\n";
    let r = render_at(md, 40);
    let got: Vec<(u8, &str, &str)> = r
        .headings
        .iter()
        .map(|h| (h.level, h.number.as_str(), h.anchor.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (1, "1", "첫째"),
            (2, "1.1", "하위-하나"),
            (2, "1.2", "하위-둘"),
            (1, "", "1-stateful-web-app"),
            (3, "2.1", "깊은"),
            (1, "3", "첫째-1"),
        ]
    );
    let lines = plain(&r);
    assert_eq!(lines[0], "1 첫째");
    assert_eq!(lines[1], "─".repeat(40), "level 1 is underlined");
    let numbered = &r.lines[r.headings[1].line];
    assert_eq!(numbered.spans[0].text, "1.1");
    assert_eq!(numbered.spans[0].style.role, Role::HeadingNumber);
    assert!(
        numbered
            .spans
            .iter()
            .any(|s| s.style.role == Role::Heading(2))
    );
    let own = &r.lines[r.headings[3].line];
    assert_eq!(own.plain(), "1. Stateful Web App");
    assert_eq!(
        r.headings.iter().map(|h| h.source_line).collect::<Vec<_>>(),
        [1, 3, 5, 7, 9, 11]
    );
    assert_eq!(
        anchors(md),
        r.headings
            .iter()
            .map(|h| h.anchor.clone())
            .collect::<Vec<_>>()
    );
}

#[test]
fn github_slug_examples() {
    assert_eq!(
        text::slug("API 게이트웨이 : 웹소켓"),
        "api-게이트웨이--웹소켓"
    );
    assert_eq!(text::slug("Serverless란"), "serverless란");
    let md = "## API 게이트웨이 : 웹소켓\n\n## Serverless란\n\n## Serverless란\n";
    assert_eq!(
        anchors(md),
        ["api-게이트웨이--웹소켓", "serverless란", "serverless란-1"]
    );
}

#[test]
fn links_show_targets_except_internal_and_autolinks() {
    let md = "[문서](https://aws.amazon.com/ko/lambda/) <https://e.com> [목차](#목차) [다음](lesson:s3-basics#버킷)";
    let r = render_at(md, 200);
    assert_eq!(
        plain(&r),
        ["문서 (https://aws.amazon.com/ko/lambda/) https://e.com 목차 다음"]
    );
    let spans = &r.lines[0].spans;
    let text = spans.iter().find(|s| s.text == "문서").expect("link text");
    assert_eq!(text.style.role, Role::Link);
    assert_eq!(
        r.links[text.link.unwrap_or(99)],
        "https://aws.amazon.com/ko/lambda/"
    );
    assert!(
        spans
            .iter()
            .any(|s| s.style.role == Role::LinkTarget && s.text.contains("(https://aws"))
    );
    let shown = render(
        md,
        &RenderOptions {
            width: 200,
            show_internal_targets: true,
            ..RenderOptions::default()
        },
    );
    assert!(
        shown.lines[0]
            .plain()
            .contains("목차 (#목차) 다음 (lesson:s3-basics#버킷)")
    );
    let targets: Vec<String> = link_targets(md).into_iter().map(|(_, t)| t).collect();
    assert_eq!(
        targets,
        [
            "https://aws.amazon.com/ko/lambda/",
            "https://e.com",
            "#목차",
            "lesson:s3-basics#버킷"
        ]
    );
    assert_eq!(link_targets(md)[2].0, md.find("[목차]").unwrap_or_default());
}

#[test]
fn images_become_placeholders_with_file_names() {
    let md = "![alt text](../../a_images/vs_aws_Database_serivce.png)\n\n![람다 구조](/media/Lambda.png)\n\n\
              ![image](https://github.com/user-attachments/assets/0a1b-2c3d)\n\n<img src=\"img/x.png\" alt=\"다이어그램\">\n";
    let r = render_at(md, 80);
    let lines: Vec<String> = plain(&r).into_iter().filter(|l| !l.is_empty()).collect();
    assert_eq!(
        lines,
        [
            "[그림] vs_aws_Database_serivce.png",
            "[그림] 람다 구조 · Lambda.png",
            "[그림] 0a1b-2c3d (https://github.com/user-attachments/assets/0a1b-2c3d)",
            "[그림] 다이어그램 · x.png"
        ]
    );
    assert_eq!(r.lines[0].spans[0].style.role, Role::Image);
    let en = render(
        md,
        &RenderOptions {
            image_label: "image",
            ..RenderOptions::default()
        },
    );
    assert_eq!(en.lines[0].plain(), "[image] vs_aws_Database_serivce.png");
}

#[test]
fn inline_styles_and_html() {
    let md = "*기울임* **굵게** ~~취소~~ `코드` <u>밑줄</u> 줄<br>바꿈 <span class=\"x\">태그</span> 끝  \n강제";
    let r = render_at(md, 80);
    assert_eq!(
        plain(&r),
        ["기울임 굵게 취소 코드 밑줄 줄", "바꿈 태그 끝", "강제"]
    );
    let spans: Vec<_> = r.lines.iter().flat_map(|l| &l.spans).collect();
    let find = |t: &str| {
        spans
            .iter()
            .find(|s| s.text.contains(t))
            .map(|s| s.style)
            .unwrap_or_default()
    };
    assert!(find("기울임").italic);
    assert!(find("굵게").bold);
    assert!(find("취소").strike);
    assert_eq!(find("코드").role, Role::InlineCode);
    assert!(find("밑줄").underline);
    assert!(!find("태그").underline);
    let block = render_at(
        "<div align=\"center\">\n  <b>가운데</b> 정렬\n</div>\n\n<!-- 숨은\n주석 -->\n\n다음\n",
        80,
    );
    assert_eq!(plain(&block), ["가운데 정렬", "", "다음"]);
}

#[test]
fn lists_quotes_and_tasks() {
    let md = "3. 셋째부터\n4. 넷째 항목은 길어서 줄바꿈이 필요합니다\n   - 중첩\n\n- [x] 끝남\n- [ ] 아직\n\n> 바깥\n>\n> > 안쪽\n";
    let r = render_at(md, 24);
    let p = plain(&r);
    assert_eq!(p[0], "3. 셋째부터");
    assert_eq!(p[1], "4. 넷째 항목은 길어서");
    assert!(
        p[2].starts_with("   줄바꿈"),
        "continuation under the text: {p:?}"
    );
    assert_eq!(p[3], "   ◦ 중첩");
    assert!(
        p.contains(&"[x] 끝남".to_owned()) && p.contains(&"[ ] 아직".to_owned()),
        "{p:?}"
    );
    assert!(
        p.contains(&"│ 바깥".to_owned()) && p.contains(&"│ │ 안쪽".to_owned()),
        "{p:?}"
    );
    let marker = r.lines[0]
        .spans
        .iter()
        .find(|s| s.text == "3.")
        .map(|s| s.style.role);
    assert_eq!(marker, Some(Role::ListMarker));
    let bar = r
        .lines
        .iter()
        .find(|l| l.plain() == "│ │ 안쪽")
        .map(|l| l.spans[0].style.role);
    assert_eq!(bar, Some(Role::QuoteBar));
}

#[test]
fn rules_and_footnotes() {
    let r = render_at(TRICKY, 30);
    let rule = r
        .lines
        .iter()
        .find(|l| l.spans.first().is_some_and(|s| s.style.role == Role::Rule))
        .map(Line::plain);
    assert_eq!(rule, Some("─".repeat(30)));
    let p = plain(&r);
    assert!(p.iter().any(|l| l.contains("문장[1].")), "{p:?}");
    assert!(p.iter().any(|l| l.starts_with("[1] 각주 내용은")), "{p:?}");
}

#[test]
fn weird_input_never_panics() {
    let mut deep_list = String::new();
    for i in 0..300 {
        deep_list.push_str(&"  ".repeat(i));
        deep_list.push_str("- 항목\n");
    }
    let deep_quote = format!("{} 인용\n", ">".repeat(300));
    let cases = [
        String::new(),
        "```rust\nfn main() {\n".to_owned(),
        "|a|\n|-|\n".to_owned(),
        "| |\n|-|\n| |\n".to_owned(),
        "| a | b |\n|---|---|\n| 1 |\n| 1 | 2 | 3 |\n".to_owned(),
        deep_list,
        deep_quote,
        "#\n\n##\n\n- \n\n1.\n\n> \n\n***\n\n[]()\n\n![]()\n\n<\n\n<u>\n\n[^x]\n\n[^y]:\n"
            .to_owned(),
        "\x1b\x1b[\x1b]\u{9b}\u{9d}\u{202e}\t\r\n\0".to_owned(),
        "가\u{301}\u{1100}\u{200d}👩‍👩‍👧 🇰🇷".repeat(20),
        "*a **b ~~c `d".to_owned(),
        "---\ntitle: x\n---\n".to_owned(),
        "<!-- never closed\n\ntext\n".to_owned(),
    ];
    for md in &cases {
        for width in [0, 1, 2, 3, 5, 10, 80] {
            let r = render_at(md, width);
            if width >= 10 {
                check_layout(&r, width);
            }
            let _ = anchors(md);
            let _ = link_targets(md);
        }
    }
}

#[test]
fn text_helpers_for_the_ui() {
    assert!(matches!(
        text::sanitize("깨끗한 글"),
        std::borrow::Cow::Borrowed(_)
    ));
    assert_eq!(
        text::wrap("서버리스는 유행어일 뿐이다", 12),
        ["서버리스는", "유행어일", "뿐이다"]
    );
    assert_eq!(text::truncate("서버리스 컴퓨팅", 7), "서버리…");
    assert_eq!(text::width("가a"), 3);
}

/// A deterministic pseudo-random stream (xorshift), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 33) as usize
    }
}

#[test]
fn random_markdown_keeps_invariants() {
    const PIECES: &[&str] = &[
        "# ",
        "### ",
        "- ",
        "  - ",
        "1. ",
        "> ",
        ">> ",
        "| a | 가나 |\n|---|:-:|\n| 다 | b |\n",
        "```\n",
        "~~~js\n",
        "**",
        "*",
        "~~",
        "`",
        "[",
        "](",
        ")",
        "![",
        "<u>",
        "</u>",
        "<br>",
        "<div>",
        "<!--",
        "-->",
        "&#27;[31m",
        "&amp;",
        "[^1]",
        "[^1]: ",
        "- [ ] ",
        "\n",
        "\n\n",
        " ",
        "\t",
        "가나다라마바사",
        "서버리스",
        "word",
        "https://example.com/a/b/c",
        "arn:aws:s3:::bucket-name-that-is-long",
        "\u{1100}\u{1161}",
        "👩‍👩‍👧",
        "e\u{301}",
        "\x1b[1m",
        "\u{202e}",
        "---\n",
        "***",
        "<img src=\"a/b.png\" alt=\"그림\">",
        "\\",
        "|",
        "1) ",
        "    code\n",
    ];
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..300 {
        let len = 5 + rng.next() % 60;
        let md: String = (0..len)
            .map(|_| PIECES[rng.next() % PIECES.len()])
            .collect();
        for width in [10, 17, 33, 80] {
            let r = render_at(&md, width);
            check_layout(&r, width);
            for h in &r.headings {
                assert!(h.line < r.lines.len(), "{md:?}");
            }
            for line in &r.lines {
                for span in &line.spans {
                    assert!(!span.text.contains('\x1b'), "{md:?}");
                    assert!(span.link.is_none_or(|i| i < r.links.len()));
                }
            }
        }
        assert_eq!(
            anchors(&md),
            render_at(&md, 80)
                .headings
                .iter()
                .map(|h| h.anchor.clone())
                .collect::<Vec<_>>(),
            "{md:?}"
        );
        let _ = link_targets(&md);
    }
}

#[test]
fn relative_levels_survive_misleading_sources() {
    // A `#` line inside an HTML block is no heading; a setext `---` heading is one.
    let md = "<div>\n# 가짜\n</div>\n\n## 진짜\n\n소제목\n---\n\n### 셋\n";
    let r = render_at(md, 40);
    let got: Vec<(u8, &str, &str)> = r
        .headings
        .iter()
        .map(|h| (h.level, h.number.as_str(), h.title.as_str()))
        .collect();
    assert_eq!(
        got,
        [(1, "1", "진짜"), (1, "2", "소제목"), (2, "2.1", "셋")]
    );
    assert!(
        r.lines
            .iter()
            .any(|l| l.plain() == "# 가짜" || l.plain() == "가짜")
    );
}
