//! Imports the five study notes in `../shared/seeds` into `content/` as courses and lessons.
//!
//! The learner's text is kept byte for byte. A note is cut into lessons at headings found with
//! a real markdown parser (pulldown-cmark), so a `#` line inside a fenced code block never
//! splits. Only two kinds of edit are made, both listed in `content/README.md`:
//!
//! 1. [`FIXES`]: broken markdown that would render wrong (e.g. `** 용어 **`, which the markdown spec
//!    does not make bold). Each fix names its seed line and the exact text it replaces, so a
//!    changed seed makes the import fail instead of silently editing the wrong line.
//! 2. In-note `#anchor` links whose heading moved to another lesson become `lesson:ID#anchor`
//!    (or `lesson:ID` when the note has no heading with that anchor).
//!
//! Front matter (ids, titles, summaries, tags, related links) comes from [`COURSES`]; the
//! note's own YAML front matter becomes the `[origin]` table of `course.toml`.
//!
//! ```text
//! cargo run --example split_seeds                  # (re)write content/
//! cargo run --example split_seeds -- --check       # only report files that differ
//! cargo run --example split_seeds -- --seeds DIR --out DIR
//! ```
//!
//! Writing overwrites the generated files, so once lessons are edited by hand (callouts,
//! corrections) use `--check` to see how far they have drifted from the notes instead.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// One edit to broken markdown: on `line` (1-based) of `seed`, the line starts with `from`,
/// which is replaced by `to`.
#[derive(Debug, Clone, Copy)]
pub struct Fix {
    /// Seed file name.
    pub seed: &'static str,
    /// 1-based line in the seed file (counting its YAML front matter).
    pub line: usize,
    /// The text the line starts with in the note.
    pub from: &'static str,
    /// What replaces `from`.
    pub to: &'static str,
    /// Why (shown by the import, mirrored in `content/README.md`).
    pub why: &'static str,
}

const BOLD: &str =
    "`** 용어 **`: CommonMark does not make text bold when `**` is followed/preceded by a space";
const SPACE_URL: &str = "a link destination with a space must be wrapped in `<…>`, otherwise the image is shown as plain text";
const LINK: &str = "`[종속성](Dependency)` is a link to the URL `Dependency`, hiding the word `(Dependency)`; escaping `(` keeps the text visible";
const DEDENT_H: &str = "the heading and its section were indented by two spaces, which nests them inside the preceding list item";

/// Every markdown fix applied to the notes.
pub const FIXES: &[Fix] = &[
    Fix {
        seed: "001_29ca2caee188d85d.txt",
        line: 55,
        from: "** 용어 **",
        to: "**용어**",
        why: BOLD,
    },
    Fix {
        seed: "001_29ca2caee188d85d.txt",
        line: 227,
        from: "** 스테이트리스 **",
        to: "**스테이트리스**",
        why: BOLD,
    },
    Fix {
        seed: "001_29ca2caee188d85d.txt",
        line: 288,
        from: "** 용어 **",
        to: "**용어**",
        why: BOLD,
    },
    Fix {
        seed: "001_29ca2caee188d85d.txt",
        line: 289,
        from: "[종속성](Dependency)",
        to: "[종속성]\\(Dependency)",
        why: LINK,
    },
    Fix {
        seed: "001_29ca2caee188d85d.txt",
        line: 337,
        from: "** 용어 **",
        to: "**용어**",
        why: BOLD,
    },
    Fix {
        seed: "002_1db20ebd6e991e3f.txt",
        line: 148,
        from: "![](img/2021-11-28 16-19-10.png)",
        to: "![](<img/2021-11-28 16-19-10.png>)",
        why: SPACE_URL,
    },
    Fix {
        seed: "003_17396e020134afaf.txt",
        line: 1058,
        from: "  ###",
        to: "###",
        why: DEDENT_H,
    },
    Fix {
        seed: "003_17396e020134afaf.txt",
        line: 1060,
        from: "  ",
        to: "",
        why: DEDENT_H,
    },
    Fix {
        seed: "003_17396e020134afaf.txt",
        line: 1062,
        from: "  ",
        to: "",
        why: DEDENT_H,
    },
    Fix {
        seed: "003_17396e020134afaf.txt",
        line: 1365,
        from: "  ##",
        to: "##",
        why: DEDENT_H,
    },
    Fix {
        seed: "003_17396e020134afaf.txt",
        line: 1366,
        from: "  -",
        to: "-",
        why: DEDENT_H,
    },
    Fix {
        seed: "003_17396e020134afaf.txt",
        line: 1367,
        from: "  -",
        to: "-",
        why: DEDENT_H,
    },
    Fix {
        seed: "003_17396e020134afaf.txt",
        line: 1368,
        from: "    -",
        to: "  -",
        why: DEDENT_H,
    },
    Fix {
        seed: "003_17396e020134afaf.txt",
        line: 1369,
        from: "    -",
        to: "  -",
        why: DEDENT_H,
    },
    Fix {
        seed: "003_17396e020134afaf.txt",
        line: 1370,
        from: "    -",
        to: "  -",
        why: DEDENT_H,
    },
    Fix {
        seed: "003_17396e020134afaf.txt",
        line: 1372,
        from: "  ###",
        to: "###",
        why: DEDENT_H,
    },
    Fix {
        seed: "003_17396e020134afaf.txt",
        line: 1374,
        from: "  ",
        to: "",
        why: DEDENT_H,
    },
];

/// Where a note is cut into lessons: a heading `(level, text)` for which this returns true.
type SplitRule = fn(HeadingLevel, &str) -> bool;

/// A course to generate.
struct CoursePlan {
    dir: &'static str,
    id: &'static str,
    title: &'static str,
    order: u32,
    summary: &'static str,
    source: &'static str,
    split: SplitRule,
    lessons: &'static [LessonPlan],
}

/// A lesson to generate; its body is the next piece of the split note.
struct LessonPlan {
    file: &'static str,
    id: &'static str,
    title: &'static str,
    summary: &'static str,
    tags: &'static [&'static str],
}

const COURSES: &[CoursePlan] = &[
    CoursePlan {
        dir: "01-udacity-serverless",
        id: "udacity-serverless",
        title: "Udacity Cloud Developer - Serverless",
        order: 1,
        summary: "유다시티 Cloud Developer 과정의 서버리스 파트를 듣고 람다부터 모니터링까지 정리한 노트예요.",
        source: "003_17396e020134afaf.txt",
        split: |level, text| level == HeadingLevel::H1 && text != "목차",
        lessons: &[
            LessonPlan {
                file: "01-intro.md",
                id: "udacity-intro",
                title: "과정 소개와 목차",
                summary: "유다시티 Cloud Developer 과정의 서버리스 노트가 어떤 순서로 구성되는지 목차로 살펴봐요.",
                tags: &["serverless"],
            },
            LessonPlan {
                file: "02-serverless.md",
                id: "udacity-serverless-basics",
                title: "Serverless란",
                summary: "서버리스의 특징과 FaaS, AWS 람다의 제한사항과 호출 방식, 에러 처리를 정리해요.",
                tags: &["serverless", "faas", "lambda"],
            },
            LessonPlan {
                file: "03-api-gateway.md",
                id: "udacity-api-gateway",
                title: "API 게이트웨이",
                summary: "API 게이트웨이의 개념과 엔드포인트 타입, 람다 통합 모드, 스테이지, Node.js에서 DynamoDB를 쓰는 법을 정리해요.",
                tags: &["api-gateway", "lambda", "dynamodb"],
            },
            LessonPlan {
                file: "04-serverless-framework.md",
                id: "udacity-serverless-framework",
                title: "Serverless 프레임워크",
                summary: "Serverless 프레임워크와 CloudFormation으로 앱을 배포하고 요청 검증, DynamoDB 컴포짓 키와 인덱스를 다루는 법을 정리해요.",
                tags: &[
                    "serverless-framework",
                    "cloudformation",
                    "yaml",
                    "api-gateway",
                    "dynamodb",
                ],
            },
            LessonPlan {
                file: "05-event-processing.md",
                id: "udacity-event-processing",
                title: "Event Processing",
                summary: "Presigned URL, S3 이벤트, 웹소켓, DynamoDB 스트림과 엘라스틱서치, SNS로 이벤트를 처리하는 법을 정리해요.",
                tags: &[
                    "s3",
                    "websocket",
                    "api-gateway",
                    "dynamodb-streams",
                    "kinesis",
                    "elasticsearch",
                    "sns",
                ],
            },
            LessonPlan {
                file: "06-auth.md",
                id: "udacity-auth",
                title: "인증",
                summary: "커스텀 인증 람다와 Auth0, JWT, 시크릿 키 저장, 람다 미들웨어로 API 인증을 구현하는 법을 정리해요.",
                tags: &[
                    "authentication",
                    "api-gateway",
                    "auth0",
                    "jwt",
                    "oauth",
                    "secrets-manager",
                    "kms",
                ],
            },
            LessonPlan {
                file: "07-best-practices.md",
                id: "udacity-best-practices",
                title: "Best Practices",
                summary: "serverless-offline으로 앱을 로컬에서 실행하는 법과 CloudWatch 로그, X-Ray로 서버리스 앱을 모니터링하는 법을 정리해요.",
                tags: &["serverless-offline", "monitoring", "cloudwatch", "x-ray"],
            },
        ],
    },
    CoursePlan {
        dir: "02-developing",
        id: "developing",
        title: "Developing 2일차",
        order: 2,
        summary: "AWS Developing 과정 2일차에 배운 DynamoDB, Lambda, API Gateway 모듈을 정리한 노트예요.",
        source: "001_29ca2caee188d85d.txt",
        split: |level, text| {
            level == HeadingLevel::H3
                && ["[모듈8]", "[모듈9]", "[모듈10]"]
                    .iter()
                    .any(|m| text.contains(m))
        },
        lessons: &[
            LessonPlan {
                file: "01-module7-databases.md",
                id: "developing-databases",
                title: "데이터베이스 시작 및 옵션 [모듈7]",
                summary: "AWS 데이터베이스 서비스를 비교하고 DynamoDB의 키, 읽기·쓰기 단위, 요금 옵션, 보조 인덱스를 정리해요.",
                tags: &["database", "dynamodb"],
            },
            LessonPlan {
                file: "02-module8-database-operations.md",
                id: "developing-database-operations",
                title: "데이터베이스 작업 처리 [모듈8]",
                summary: "DynamoDB의 제어·데이터 영역 작업과 키·인덱스 설계, 처리량 선택, DAX 캐싱을 정리해요.",
                tags: &["dynamodb", "nosql", "caching", "dax"],
            },
            LessonPlan {
                file: "03-module9-lambda.md",
                id: "developing-lambda",
                title: "애플리케이션 로직 처리 [모듈9]",
                summary: "Lambda의 호출 방식과 수명주기, 콜드 스타트, 권한, 테스트, 오류 처리, 배포 패키지를 정리해요.",
                tags: &["lambda", "sam", "testing", "deployment"],
            },
            LessonPlan {
                file: "04-module10-api-gateway.md",
                id: "developing-api-gateway",
                title: "API 관리[모듈10]",
                summary: "API Gateway로 API를 만들고 테스트한 뒤 스테이지와 Canary 릴리스로 배포하는 법을 정리해요.",
                tags: &["api-gateway", "swagger", "canary"],
            },
        ],
    },
    CoursePlan {
        dir: "03-udemy-databases",
        id: "udemy-databases",
        title: "Udemy: 서버리스와 AWS 데이터베이스",
        order: 3,
        summary: "Udemy 강의로 RDS, Aurora, ElastiCache, DynamoDB와 API Gateway, Cognito를 정리한 노트예요.",
        source: "002_1db20ebd6e991e3f.txt",
        split: |level, text| {
            level == HeadingLevel::H1 || (level == HeadingLevel::H2 && text == "API Gateway")
        },
        lessons: &[
            LessonPlan {
                file: "01-serverless.md",
                id: "udemy-serverless",
                title: "Serverless",
                summary: "서버리스와 FaaS가 무엇인지 짧게 정리해요.",
                tags: &["serverless", "faas"],
            },
            LessonPlan {
                file: "02-rds.md",
                id: "udemy-rds",
                title: "RDS",
                summary: "RDS의 백업, 읽기 전용 복제본, Multi-AZ, 보안을 정리해요.",
                tags: &["rds", "database"],
            },
            LessonPlan {
                file: "03-aurora.md",
                id: "udemy-aurora",
                title: "Aurora",
                summary: "Aurora의 고가용성과 읽기 확장, 보안, 그 밖의 기능을 정리해요.",
                tags: &["aurora", "database"],
            },
            LessonPlan {
                file: "04-elasticache.md",
                id: "udemy-elasticache",
                title: "ElastiCache",
                summary: "ElastiCache를 DB 캐시와 세션 저장소로 쓰는 법과 Redis, Memcached의 차이를 정리해요.",
                tags: &["elasticache", "redis", "memcached", "caching"],
            },
            LessonPlan {
                file: "05-dynamodb.md",
                id: "udemy-dynamodb",
                title: "DynamoDB",
                summary: "DynamoDB의 특징과 구조, 용량 모드, DAX, 스트림, 글로벌 테이블 같은 기능을 정리해요.",
                tags: &["dynamodb", "dax", "dynamodb-streams"],
            },
            LessonPlan {
                file: "06-api-gateway-cognito.md",
                id: "udemy-api-gateway-cognito",
                title: "API Gateway와 AWS Cognito",
                summary: "API Gateway의 엔드포인트 타입과 보안, AWS Cognito의 구성 요소를 정리해요.",
                tags: &["api-gateway", "cognito"],
            },
        ],
    },
    CoursePlan {
        dir: "04-myclothes",
        id: "myclothes",
        title: "MyClothes.com: 상태 있는 웹 앱",
        order: 4,
        summary: "장바구니가 있는 쇼핑몰 MyClothes.com을 예로 상태 있는 웹 앱의 아키텍처를 정리한 노트예요.",
        source: "004_7775149e7bc2bd07.txt",
        split: |_, _| false,
        lessons: &[LessonPlan {
            file: "01-myclothes.md",
            id: "myclothes-stateful-web-app",
            title: "MyClothes.com",
            summary: "장바구니를 잃지 않고 MyClothes.com을 확장하는 세션, 캐시, RDS, Multi-AZ, 보안 그룹 구성을 정리해요.",
            tags: &[
                "architecture",
                "elb",
                "session",
                "elasticache",
                "rds",
                "dynamodb",
            ],
        }],
    },
    CoursePlan {
        dir: "05-sam-notes",
        id: "sam-notes",
        title: "AWS SAM 메모",
        order: 5,
        summary: "AWS SAM을 쓰며 알게 된 업데이트 위험과 배포 전략을 정리한 메모예요.",
        source: "000_0f197952f933be97.txt",
        split: |_, _| false,
        lessons: &[LessonPlan {
            file: "01-sam.md",
            id: "sam-updates-and-deployments",
            title: "AWS SAM 업데이트와 배포 전략",
            summary: "SAM 업데이트 때의 데이터 유실, 피닉스 서버, Canary와 Blue-Green 배포의 차이를 정리해요.",
            tags: &[
                "sam",
                "cloudformation",
                "deployment",
                "canary",
                "blue-green",
            ],
        }],
    },
];

/// Lessons of different courses on the same topic; each pair is linked both ways.
const RELATED: &[(&str, &str)] = &[
    // Serverless and Lambda basics.
    ("udacity-serverless-basics", "udemy-serverless"),
    ("udacity-serverless-basics", "developing-lambda"),
    // API Gateway.
    ("udacity-api-gateway", "developing-api-gateway"),
    ("udacity-api-gateway", "udemy-api-gateway-cognito"),
    ("developing-api-gateway", "udemy-api-gateway-cognito"),
    // Canary releases.
    ("developing-api-gateway", "sam-updates-and-deployments"),
    // SAM and CloudFormation.
    (
        "udacity-serverless-framework",
        "sam-updates-and-deployments",
    ),
    ("developing-lambda", "sam-updates-and-deployments"),
    // DynamoDB.
    ("developing-databases", "udemy-dynamodb"),
    ("developing-databases", "udacity-serverless-framework"),
    ("developing-database-operations", "udemy-dynamodb"),
    (
        "developing-database-operations",
        "udacity-serverless-framework",
    ),
    ("udemy-dynamodb", "udacity-serverless-framework"),
    ("udemy-dynamodb", "udacity-event-processing"),
    // Caching and sessions.
    ("developing-database-operations", "udemy-elasticache"),
    (
        "developing-database-operations",
        "myclothes-stateful-web-app",
    ),
    ("myclothes-stateful-web-app", "udemy-elasticache"),
    ("myclothes-stateful-web-app", "udemy-rds"),
    // Authentication.
    ("udacity-auth", "udemy-api-gateway-cognito"),
    // Testing Lambda locally.
    ("udacity-best-practices", "developing-lambda"),
];

fn main() -> ExitCode {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut seeds = root.join("../shared/seeds");
    let mut out = root.join("content");
    let mut check = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--check" => check = true,
            "--seeds" => seeds = args.next().map_or(seeds, PathBuf::from),
            "--out" => out = args.next().map_or(out, PathBuf::from),
            other => {
                eprintln!("unknown argument `{other}`\n{USAGE}");
                return ExitCode::FAILURE;
            }
        }
    }
    match generate(&seeds) {
        Ok(files) => emit(&files, &out, check),
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Writes `files` under `out`, or with `check` only reports those that differ.
fn emit(files: &BTreeMap<PathBuf, String>, out: &Path, check: bool) -> ExitCode {
    let mut differ = 0;
    for (rel, text) in files {
        let path = out.join(rel);
        let same = std::fs::read_to_string(&path).is_ok_and(|old| old == *text);
        if check {
            if !same {
                differ += 1;
                println!("differs: {}", rel.display());
            }
            continue;
        }
        if same {
            continue;
        }
        let written = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&path, text));
        if let Err(e) = written {
            eprintln!("error: {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
        println!("wrote {}", rel.display());
    }
    if differ > 0 {
        println!("{differ} file(s) differ from what the notes would generate");
        return ExitCode::FAILURE;
    }
    for fix in FIXES {
        println!(
            "fix {}:{}: `{}` -> `{}`",
            fix.seed, fix.line, fix.from, fix.to
        );
    }
    ExitCode::SUCCESS
}

/// Every generated file (path relative to the content root → text).
fn generate(seeds: &Path) -> Result<BTreeMap<PathBuf, String>, String> {
    let mut files = BTreeMap::new();
    let related = related_map();
    for course in COURSES {
        let path = seeds.join(course.source);
        let raw = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let fixed = apply_fixes(course.source, &raw)?;
        let (yaml, body) = split_yaml(&fixed);
        let mut toml = format!(
            "id = {}\ntitle = {}\norder = {}\nsummary = {}\nsource = {}\n",
            quote(course.id),
            quote(course.title),
            course.order,
            quote(course.summary),
            quote(course.source),
        );
        if let Some(yaml) = yaml {
            toml.push_str(
                "\n# The note's own front matter (a blog post's YAML), kept as it was.\n[origin]\n",
            );
            toml.push_str(&yaml_to_toml(yaml)?);
        }
        files.insert(Path::new(course.dir).join("course.toml"), toml);

        let pieces = split(body, course.split);
        if pieces.len() != course.lessons.len() {
            return Err(format!(
                "{}: split into {} pieces but {} lessons are planned",
                course.source,
                pieces.len(),
                course.lessons.len()
            ));
        }
        let pieces = link_anchors(&pieces, course)?;
        for ((order, plan), piece) in (1..).zip(course.lessons).zip(pieces) {
            let text = lesson_file(plan, order, course.source, related.get(plan.id), &piece);
            files.insert(Path::new(course.dir).join(plan.file), text);
        }
    }
    Ok(files)
}

/// Applies the [`FIXES`] for `seed`, checking each line still reads as expected.
pub fn apply_fixes(seed: &str, text: &str) -> Result<String, String> {
    let mut lines: Vec<String> = text.split_inclusive('\n').map(str::to_owned).collect();
    for fix in FIXES.iter().filter(|f| f.seed == seed) {
        let line = lines
            .get_mut(fix.line - 1)
            .ok_or_else(|| format!("{seed}:{}: no such line", fix.line))?;
        let Some(rest) = line.strip_prefix(fix.from) else {
            return Err(format!(
                "{seed}:{}: expected the line to start with `{}`",
                fix.line, fix.from
            ));
        };
        *line = format!("{}{rest}", fix.to);
    }
    Ok(lines.concat())
}

/// Splits a leading `---` YAML block from the markdown.
fn split_yaml(text: &str) -> (Option<&str>, &str) {
    if let Some(rest) = text.strip_prefix("---\n")
        && let Some(end) = rest.find("\n---\n")
    {
        return (rest.get(..=end), rest.get(end + 5..).unwrap_or(""));
    }
    (None, text)
}

/// Converts the flat YAML of a blog post's front matter (scalars and lists of scalars) to TOML.
fn yaml_to_toml(yaml: &str) -> Result<String, String> {
    let mut out = String::new();
    let mut list: Option<(String, Vec<String>)> = None;
    for line in yaml.lines().filter(|l| !l.trim().is_empty()) {
        if let Some(item) = line.trim_start().strip_prefix("- ") {
            let (_, items) = list
                .as_mut()
                .ok_or_else(|| format!("YAML list item without a key: {line}"))?;
            items.push(quote(&yaml_scalar(item)));
            continue;
        }
        if let Some((key, items)) = list.take() {
            let _ = writeln!(out, "{key} = [{}]", items.join(", "));
        }
        let (key, value) = line
            .split_once(':')
            .ok_or_else(|| format!("not a YAML key: {line}"))?;
        let value = value.trim();
        if value.is_empty() {
            list = Some((key.trim().to_owned(), Vec::new()));
        } else if value == "true" || value == "false" {
            let _ = writeln!(out, "{} = {value}", key.trim());
        } else {
            let _ = writeln!(out, "{} = {}", key.trim(), quote(&yaml_scalar(value)));
        }
    }
    if let Some((key, items)) = list {
        let _ = writeln!(out, "{key} = [{}]", items.join(", "));
    }
    Ok(out)
}

/// A YAML scalar's value: single- or double-quoted, or plain (trailing spaces dropped).
fn yaml_scalar(s: &str) -> String {
    let s = s.trim();
    if let Some(inner) = s.strip_prefix('\'').and_then(|s| s.strip_suffix('\'')) {
        inner.replace("''", "'")
    } else if let Some(inner) = s.strip_prefix('"').and_then(|s| s.strip_suffix('"')) {
        inner.replace("\\\"", "\"")
    } else {
        s.to_owned()
    }
}

/// A TOML basic string.
fn quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The markdown parser options the reader uses.
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
}

/// Every heading of `markdown`: (level, plain text, byte range).
fn headings(markdown: &str) -> Vec<(HeadingLevel, String, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    let mut current: Option<(HeadingLevel, String, std::ops::Range<usize>)> = None;
    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                current = Some((level, String::new(), range));
            }
            Event::End(TagEnd::Heading(_)) => out.extend(current.take()),
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, text, _)) = current.as_mut() {
                    text.push_str(&t);
                }
            }
            _ => {}
        }
    }
    out
}

/// Cuts `body` before every heading accepted by `rule`.
fn split(body: &str, rule: SplitRule) -> Vec<&str> {
    let mut cuts: Vec<usize> = headings(body)
        .into_iter()
        .filter(|(level, text, _)| rule(*level, text.trim()))
        .map(|(_, _, range)| range.start)
        .collect();
    cuts.retain(|&c| c > 0);
    let mut pieces = Vec::new();
    let mut start = 0;
    for cut in cuts.into_iter().chain([body.len()]) {
        pieces.push(body.get(start..cut).unwrap_or(""));
        start = cut;
    }
    pieces
}

/// The GitHub anchor of a heading: lowercase, keep letters, digits, spaces, `-` and `_`,
/// then spaces become `-`.
pub fn slug(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// Anchors of `markdown`'s headings, numbered like GitHub's when repeated (`a`, `a-1`, …).
fn anchors(markdown: &str) -> Vec<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    for (_, text, _) in headings(markdown) {
        let base = slug(&text);
        let n = seen.entry(base.clone()).or_insert(0);
        out.push(if *n == 0 {
            base.clone()
        } else {
            format!("{base}-{n}")
        });
        *n += 1;
    }
    out
}

/// Rewrites `#anchor` links whose heading is now in another lesson to `lesson:ID#anchor`.
/// A link to an anchor the note does not have points at the lesson holding the heading whose
/// text best matches the link text (`lesson:ID`).
fn link_anchors(pieces: &[&str], course: &CoursePlan) -> Result<Vec<String>, String> {
    let whole = pieces.concat();
    let note_anchors = anchors(&whole);
    // Anchor → index of the lesson holding it (first occurrence wins, as on GitHub).
    let mut owner: HashMap<String, usize> = HashMap::new();
    let mut titles: Vec<(String, usize)> = Vec::new();
    let mut k = 0;
    for (i, piece) in pieces.iter().enumerate() {
        for (_, text, _) in headings(piece) {
            owner.entry(note_anchors[k].clone()).or_insert(i);
            titles.push((text, i));
            k += 1;
        }
    }
    let mut out = Vec::new();
    for (i, piece) in pieces.iter().enumerate() {
        let mut text = String::new();
        let mut last = 0;
        let mut in_link: Option<(String, std::ops::Range<usize>, String)> = None;
        for (event, range) in Parser::new_ext(piece, options()).into_offset_iter() {
            match event {
                Event::Start(Tag::Link { dest_url, .. }) if dest_url.starts_with('#') => {
                    in_link = Some((dest_url.to_string(), range, String::new()));
                }
                Event::Text(t) | Event::Code(t) => {
                    if let Some((_, _, label)) = in_link.as_mut() {
                        label.push_str(&t);
                    }
                }
                Event::End(TagEnd::Link) => {
                    let Some((dest, range, label)) = in_link.take() else {
                        continue;
                    };
                    let anchor = dest.get(1..).unwrap_or("");
                    let target = match owner.get(anchor) {
                        Some(&j) if j == i => continue,
                        Some(&j) => format!("lesson:{}#{anchor}", course.lessons[j].id),
                        None => {
                            let j = titles
                                .iter()
                                .find(|(t, _)| slug(t) == slug(&label) || t.trim() == label.trim())
                                .map(|(_, j)| *j)
                                .ok_or_else(|| {
                                    format!("{}: no heading for link `{dest}`", course.source)
                                })?;
                            println!(
                                "note: `{dest}` is no anchor of {}; linking lesson {}",
                                course.source, course.lessons[j].id
                            );
                            format!("lesson:{}", course.lessons[j].id)
                        }
                    };
                    let src = piece.get(range.clone()).unwrap_or("");
                    let needle = format!("]({dest})");
                    let at = src.rfind(&needle).ok_or_else(|| {
                        format!("{}: cannot find `{needle}` in `{src}`", course.source)
                    })?;
                    text.push_str(piece.get(last..range.start + at).unwrap_or(""));
                    let _ = write!(text, "]({target})");
                    last = range.start + at + needle.len();
                }
                _ => {}
            }
        }
        text.push_str(piece.get(last..).unwrap_or(""));
        out.push(text);
    }
    Ok(out)
}

/// Links each pair of [`RELATED`] both ways, in the order listed.
fn related_map() -> HashMap<&'static str, Vec<&'static str>> {
    let mut map: HashMap<&str, Vec<&str>> = HashMap::new();
    for &(a, b) in RELATED {
        map.entry(a).or_default().push(b);
        map.entry(b).or_default().push(a);
    }
    map
}

/// A lesson file: front matter, a blank line, then the body without blank lines around it.
fn lesson_file(
    plan: &LessonPlan,
    order: u32,
    source: &str,
    related: Option<&Vec<&str>>,
    body: &str,
) -> String {
    let list = |items: &[&str]| {
        items
            .iter()
            .map(|s| quote(s))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut out = format!(
        "+++\nid = {}\ntitle = {}\norder = {order}\nsummary = {}\ntags = [{}]\nsource = {}\n",
        quote(plan.id),
        quote(plan.title),
        quote(plan.summary),
        list(plan.tags),
        quote(source),
    );
    if let Some(related) = related {
        let _ = writeln!(out, "related = [{}]", list(related));
    }
    out.push_str("+++\n\n");
    let body = body.trim_end();
    let first_content = body.find(|c: char| c != '\n' && c != ' ').unwrap_or(0);
    let line_start = body
        .get(..first_content)
        .unwrap_or("")
        .rfind('\n')
        .map_or(0, |i| i + 1);
    out.push_str(body.get(line_start..).unwrap_or(""));
    out.push('\n');
    out
}

const USAGE: &str =
    "usage: cargo run --example split_seeds [-- [--check] [--seeds DIR] [--out DIR]]";
