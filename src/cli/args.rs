//! The command line in the learner's language: clap's help layout, headings and errors.
//!
//! clap writes its own words ("Usage:", "Options:", "Print help", "unexpected argument …") in
//! English. The language is known before parsing (`--lang` is looked up in the raw arguments
//! first), so [`localize`] rewrites the command tree for it: a help template with a translated
//! usage line, every subcommand's own options under one heading and the global ones under
//! another (own first), a help and version flag of our own with translated help, and the preset
//! names of each simulation after its help. [`render_error`] turns a parse error into a sentence
//! in that language from the error's kind and context (never clap's English text), and numbers
//! are allowed to start with `-`, so `--count -5` gets the option's range instead of "unexpected
//! argument".

use std::ffi::OsString;
use std::fmt::Write as _;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};
use gureum::strings::Lang;
use gureum::text::josa;

/// The language named by `--lang X` or `--lang=X` in the raw arguments, if any.
pub fn prescan_lang(args: &[OsString]) -> Option<Lang> {
    let mut it = args.iter().skip(1).map(|a| a.to_string_lossy());
    let mut found = None;
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        if a == "--lang" {
            found = it.next().and_then(|v| Lang::parse(&v)).or(found);
        } else if let Some(v) = a.strip_prefix("--lang=") {
            found = Lang::parse(v).or(found);
        }
    }
    found
}

/// Headings and fixed texts of the help screens.
struct Words {
    usage: &'static str,
    options: &'static str,
    global: &'static str,
    arguments: &'static str,
    commands: &'static str,
    help: &'static str,
    version: &'static str,
    presets: &'static str,
}

fn words(lang: Lang) -> Words {
    match lang {
        Lang::Ko => Words {
            usage: "사용법:",
            options: "옵션",
            global: "공통 옵션",
            arguments: "인자",
            commands: "명령",
            help: "도움말을 보여줘요 (`-h`는 짧게)",
            version: "버전을 보여줘요",
            presets: "내장 프리셋 (--scenario 이름)",
        },
        Lang::En => Words {
            usage: "Usage:",
            options: "Options",
            global: "Global options",
            arguments: "Arguments",
            commands: "Commands",
            help: "Print help (`-h` for a summary)",
            version: "Print version",
            presets: "Built-in presets (--scenario NAME)",
        },
    }
}

/// `cmd` (the whole tree) laid out and worded for `lang`.
pub fn localize(cmd: Command, lang: Lang) -> Command {
    let w = words(lang);
    let cmd = cmd
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(w.version)
                .help_heading(w.global),
        )
        // The global options carry their heading into every subcommand (clap appends them after
        // the subcommand's own).
        .mut_args(|a| {
            if a.is_global_set() {
                let a = a.help_heading(w.global);
                english_help(a, "", lang)
            } else {
                a
            }
        });
    shape(cmd, lang, "")
}

/// One command and its subcommands: template, headings, help flag, negative numbers, presets.
fn shape(cmd: Command, lang: Lang, path: &str) -> Command {
    let w = words(lang);
    let path = if path.is_empty() {
        String::new()
    } else {
        format!("{path} {}", cmd.get_name())
    };
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        w.usage
    );
    let mut cmd = cmd
        .help_template(template)
        .subcommand_help_heading(w.commands)
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .mut_args(|a| {
            if a.is_global_set() || a.get_id() == "version" {
                return a;
            }
            let heading = if a.is_positional() {
                w.arguments
            } else {
                w.options
            };
            let takes_values = a.get_action().takes_values();
            let a = a.help_heading(heading);
            let a = if takes_values {
                a.allow_negative_numbers(true)
            } else {
                a
            };
            let a = english_help(a, &path, lang);
            if lang == Lang::Ko && takes_values {
                korean_value_notes(a)
            } else {
                a
            }
        })
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(w.help)
                .help_heading(w.global),
        );
    if lang == Lang::En
        && let Some(about) = english_about(&path)
    {
        cmd = cmd.about(about);
    }
    if lang == Lang::Ko && path.is_empty() {
        cmd = cmd.about("구름(gureum): 한국어 학습 노트로 AWS 아키텍처를 배우는 터미널 앱");
    }
    if let Some(names) = preset_names(&path) {
        let list = format!("{}:\n  {}", w.presets, names.join("\n  "));
        cmd = cmd.after_help(list);
    }
    let child_path = if path.is_empty() {
        "gureum".to_owned()
    } else {
        path.clone()
    };
    cmd.mut_subcommands(|sub| shape(sub, lang, &child_path))
}

/// clap's "[possible values: …]" and "[default: …]" are English: in Korean the help says them
/// itself.
fn korean_value_notes(a: Arg) -> Arg {
    let values: Vec<String> = a
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_owned())
        .collect();
    let defaults: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if values.is_empty() && defaults.is_empty() {
        return a;
    }
    let mut help = a.get_help().map(ToString::to_string).unwrap_or_default();
    if !values.is_empty() {
        let _ = write!(help, " (값: {})", values.join(", "));
    }
    if !defaults.is_empty() {
        let _ = write!(help, " (기본값: {})", defaults.join(", "));
    }
    a.help(help)
        .hide_possible_values(true)
        .hide_default_value(true)
}

/// Whether the command line asks for help (`-h`/`--help`): only help shows the preset lists.
fn help_asked() -> bool {
    std::env::args_os().any(|a| a == "-h" || a == "--help")
}

/// The built-in presets of the simulation at `path` (`gureum sim lambda`), as `id — title`.
/// `None` unless help is asked for: loading the presets runs every preset's simulation to check
/// it (~35 ms), which every other command, `--version` included, would pay for nothing.
fn preset_names(path: &str) -> Option<Vec<String>> {
    use simulations::{cache, deploy, lambda, replicas, sessions, throttle};
    fn list<P>(items: &[P], f: impl Fn(&P) -> (String, String)) -> Vec<String> {
        items
            .iter()
            .map(|p| {
                let (id, title) = f(p);
                format!("{id} — {title}")
            })
            .collect()
    }
    if !path.starts_with("gureum sim") || !help_asked() {
        return None;
    }
    let en = super::lang() == Lang::En;
    let pick = |ko: &str, en_text: Option<&str>| -> String {
        if en {
            en_text.unwrap_or(ko).to_owned()
        } else {
            ko.to_owned()
        }
    };
    let names = match path {
        "gureum sim lambda" => list(&lambda::presets(), |p| {
            (p.id.clone(), pick(&p.title, p.title_en.as_deref()))
        }),
        "gureum sim deploy" => list(&deploy::presets(), |p| {
            (p.id.clone(), pick(&p.title, p.title_en.as_deref()))
        }),
        "gureum sim sessions" => list(&sessions::presets().ok()?, |p| {
            (p.id.clone(), pick(&p.title, p.title_en.as_deref()))
        }),
        "gureum sim cache" => list(&cache::presets().ok()?, |p| {
            (p.id.clone(), pick(&p.title, p.title_en.as_deref()))
        }),
        "gureum sim replicas" => list(&replicas::presets().ok()?, |p| {
            (p.id.clone(), pick(&p.title, p.title_en.as_deref()))
        }),
        "gureum sim throttle" => list(&throttle::presets().ok()?, |p| {
            (p.id.clone(), pick(&p.title, p.title_en.as_deref()))
        }),
        _ => return None,
    };
    Some(names)
}

/// In English mode, the English help of an argument (the doc comments are Korean).
fn english_help(a: Arg, path: &str, lang: Lang) -> Arg {
    if lang != Lang::En {
        return a;
    }
    let key = format!("{path}:{}", a.get_id());
    match EN_HELP.iter().find(|(k, _)| {
        *k == key || (k.starts_with("*:") && k.get(2..) == Some(a.get_id().as_str()))
    }) {
        Some((_, text)) => a.help(*text),
        None => a,
    }
}

fn english_about(path: &str) -> Option<&'static str> {
    EN_ABOUT.iter().find(|(k, _)| *k == path).map(|(_, v)| *v)
}

/// English help of arguments, by `command path:argument id` (`*:` for any command).
const EN_HELP: &[(&str, &str)] = &[
    (
        ":content_dir",
        "Read lessons from this folder instead of the built-in content (same layout as content/)",
    ),
    (
        ":quiz_dir",
        "Read the `*.toml` question banks in this folder instead of the built-in ones",
    ),
    (":lang", "Language: ko or en (default: settings, else ko)"),
    (
        ":no_mouse",
        "Do not capture the mouse (so text can be selected in the terminal)",
    ),
    (
        ":theme",
        "Colour theme: dark, light, high-contrast (default: settings, else dark). `NO_COLOR` turns colour off",
    ),
    ("*:json", "Print JSON"),
    ("*:seed", "Random seed: the same seed gives the same result"),
    (
        "*:scenario",
        "A scenario TOML file, or the name of a built-in preset (listed below)",
    ),
    ("gureum read:id", "Lesson id (see `gureum lessons`)"),
    (
        "gureum read:width",
        "Line width in cells. Default: the terminal's width (at most 100), 80 in a pipe",
    ),
    (
        "gureum exam:exam",
        "The exam to start at once (otherwise the list of mock exams)",
    ),
    (
        "gureum exam:count",
        "Number of questions (a short mock exam; default 65)",
    ),
    (
        "gureum exam:minutes",
        "Time in minutes (default 130, +30 with the ESL setting)",
    ),
    ("gureum sim lambda:rps", "Requests per second"),
    ("gureum sim lambda:seconds", "Seconds to simulate"),
    (
        "gureum sim lambda:duration_ms",
        "Duration of one request (ms)",
    ),
    (
        "gureum sim lambda:init_ms",
        "Init time of a new execution environment (ms)",
    ),
    ("gureum sim lambda:memory_mb", "Memory (MB, 128-10,240)"),
    ("gureum sim lambda:reserved", "Reserved concurrency"),
    ("gureum sim lambda:provisioned", "Provisioned concurrency"),
    (
        "gureum sim lambda:account_limit",
        "Account concurrency limit",
    ),
    (
        "gureum sim lambda:idle_timeout_s",
        "Seconds before an idle environment is reclaimed (an assumption: AWS does not publish it)",
    ),
    ("gureum sim lambda:invoke", "Invocation type"),
    (
        "gureum sim lambda:error_rate",
        "Share of invocations that fail (0-1)",
    ),
    ("gureum sim capacity:op", "Operation"),
    (
        "gureum sim capacity:items",
        "Item size (bytes, or KB such as `4KB`; 1 KB = 1024 B). Several: one per item",
    ),
    ("gureum sim capacity:before", "Item size before the update"),
    ("gureum sim capacity:after", "Item size after the update"),
    (
        "gureum sim capacity:consistency",
        "Read consistency (reads only)",
    ),
    ("gureum sim plan:reads", "Reads per second"),
    (
        "gureum sim plan:read_item",
        "Size of an item read (bytes or `4KB`)",
    ),
    ("gureum sim plan:consistency", "Read consistency"),
    ("gureum sim plan:writes", "Writes per second"),
    (
        "gureum sim plan:write_item",
        "Size of an item written (bytes or `1KB`)",
    ),
    (
        "gureum sim plan:transactional",
        "Writes are transactional (twice the units)",
    ),
    (
        "gureum sim deploy:strategy",
        "Deployment strategy: a CodeDeploy configuration name such as `Canary10Percent5Minutes` (the `CodeDeployDefault.Lambda` prefix is optional), `canary:20:5`, `linear:25:2`, `blue-green[:MIN]`, `apigw-canary:PERCENT[:MIN]`. With `--compare`, several (repeated or comma separated)",
    ),
    ("gureum sim deploy:rps", "Requests per second (0-100000)"),
    (
        "gureum sim deploy:new_error_rate",
        "Error rate of the new version (0-1 or `30%`)",
    ),
    (
        "gureum sim deploy:old_error_rate",
        "Error rate of the old version (0-1 or `1%`)",
    ),
    (
        "gureum sim deploy:new_latency_ms",
        "Latency of the new version (ms, when bad)",
    ),
    (
        "gureum sim deploy:old_latency_ms",
        "Latency of the old version (ms)",
    ),
    (
        "gureum sim deploy:alarm_threshold",
        "Alarm threshold: the alarm fires above this error rate (0-1 or `5%`; ms with `--alarm-on latency`)",
    ),
    (
        "gureum sim deploy:alarm_periods",
        "Alarm evaluation periods (ALARM when M of N periods breach; M = N by default)",
    ),
    (
        "gureum sim deploy:alarm_datapoints",
        "Datapoints to alarm, M (1 to the evaluation periods)",
    ),
    (
        "gureum sim deploy:alarm_period_s",
        "CloudWatch period (s): 10, 20, 30 or a multiple of 60",
    ),
    ("gureum sim deploy:alarm_on", "The metric the alarm watches"),
    ("gureum sim deploy:no_alarm", "Deploy without an alarm"),
    (
        "gureum sim deploy:bad_from_s",
        "The new version turns bad from this second (default 0)",
    ),
    ("gureum sim deploy:hook_fail", "The hook that fails"),
    (
        "gureum sim deploy:observe_s",
        "Seconds to keep watching after the deployment (0-86400; an assumption about when someone notices)",
    ),
    (
        "gureum sim deploy:expected",
        "Split by expected values (requests × weight) instead of at random",
    ),
    (
        "gureum sim deploy:compare",
        "Deploy the same release with several strategies side by side (five by default)",
    ),
    (
        "gureum sim phoenix:servers",
        "Servers built from the template (1-20)",
    ),
    (
        "gureum sim phoenix:hand_changes",
        "Hand changes since the last rebuild (0-200)",
    ),
    ("gureum sim phoenix:uploads", "Files users uploaded"),
    ("gureum sim phoenix:uploads_store", "Where uploads are kept"),
    ("gureum sim phoenix:sessions", "Login sessions"),
    (
        "gureum sim phoenix:sessions_store",
        "Where sessions are kept",
    ),
    ("gureum sim phoenix:logs_store", "Where logs are kept"),
    (
        "gureum sim phoenix:fixes_in_template",
        "The hand fixes were also put into the template (AMI)",
    ),
    (
        "gureum sim phoenix:no_rebuild",
        "Only show the drift, do not rebuild",
    ),
    (
        "gureum sim replace:old",
        "The template deployed now (YAML or JSON)",
    ),
    ("gureum sim replace:new", "The new template to deploy"),
    ("gureum sim replace:stack_policy", "Stack policy (JSON)"),
    (
        "gureum sim replace:data",
        "What the resources hold (TOML, e.g. `UsersTable = \"12,000 items\"`)",
    ),
    (
        "gureum sim replace:parameter",
        "A parameter value for both templates (repeatable)",
    ),
    (
        "gureum sim replace:old_parameter",
        "A parameter value for the deployed template (OLD) only",
    ),
    (
        "gureum sim replace:new_parameter",
        "A parameter value for the new template (NEW) only",
    ),
    (
        "gureum sim replace:json",
        "Print JSON (per resource `{logical_id, type, action, replacement, outcome, reason}`)",
    ),
    (
        "gureum sim sessions:store",
        "Where the carts (sessions) are kept",
    ),
    (
        "gureum sim sessions:instances",
        "Instances behind the load balancer (1-100, default 4)",
    ),
    (
        "gureum sim sessions:users",
        "Users shopping at once (1-10,000, default 200)",
    ),
    (
        "gureum sim sessions:fail_instance_at",
        "Second at which instance 1 stops",
    ),
    (
        "gureum sim sessions:scale_in_at",
        "Second of a scale-in (with --scale-in-to)",
    ),
    (
        "gureum sim sessions:scale_in_to",
        "Instances left after the scale-in",
    ),
    (
        "gureum sim sessions:duration",
        "Seconds to simulate (default 600)",
    ),
    (
        "gureum sim sessions:think_time",
        "Mean seconds between one user's requests (an assumption, default 10)",
    ),
    (
        "gureum sim sessions:add_share",
        "Share of requests that add to the cart (0-1, an assumption, default 0.3)",
    ),
    (
        "gureum sim sessions:item_bytes",
        "Bytes one item takes in the cookie (cookie store, default 120)",
    ),
    ("gureum sim cache:strategy", "Caching strategy"),
    ("gureum sim cache:ttl", "TTL of a cached item (s)"),
    (
        "gureum sim cache:fill_on_miss",
        "With write-through, also fill the cache on a read miss (both strategies together)",
    ),
    (
        "gureum sim cache:keys",
        "Keys in the database (1-1,000,000, default 1,000)",
    ),
    (
        "gureum sim cache:zipf",
        "Zipf exponent of key popularity (0 = uniform, default 1)",
    ),
    (
        "gureum sim cache:reads_per_second",
        "Reads per second (default 100)",
    ),
    (
        "gureum sim cache:writes_per_second",
        "Writes per second (default 5)",
    ),
    (
        "gureum sim cache:cache_items",
        "Items the cache holds (beyond that the least recently used is evicted)",
    ),
    (
        "gureum sim cache:node_failure_at",
        "Second at which the cache node fails and comes back empty",
    ),
    (
        "gureum sim cache:duration",
        "Seconds to simulate (default 300)",
    ),
    ("gureum sim replicas:engine", "Database engine"),
    (
        "gureum sim replicas:replicas",
        "Read replicas (up to the engine's limit)",
    ),
    (
        "gureum sim replicas:multi_az",
        "RDS Multi-AZ (a synchronous standby)",
    ),
    (
        "gureum sim replicas:replica_lag_ms",
        "Mean replica lag (ms, default: Aurora 20, RDS 500)",
    ),
    (
        "gureum sim replicas:writes_per_second",
        "Writes per second (default 20)",
    ),
    (
        "gureum sim replicas:reads_per_second",
        "Reads per second (default 100)",
    ),
    (
        "gureum sim replicas:read_after_write",
        "Every read reads a value just written (--read-delay-ms after the write)",
    ),
    (
        "gureum sim replicas:read_after_write_on_primary",
        "Send reads of just-written values to the writer",
    ),
    (
        "gureum sim replicas:read_delay_ms",
        "From a write to the read (ms, an assumption, default 100)",
    ),
    ("gureum sim replicas:keys", "Keys (default 1,000)"),
    (
        "gureum sim replicas:fail_primary_at",
        "Second at which the primary fails",
    ),
    (
        "gureum sim replicas:manual_promotion_s",
        "Seconds to promote a replica by hand on RDS without Multi-AZ (an assumption, default 300)",
    ),
    (
        "gureum sim replicas:duration",
        "Seconds to simulate (default 300)",
    ),
    (
        "gureum sim throttle:rate",
        "Account-level rate (requests per second, default 10,000: the AWS default)",
    ),
    (
        "gureum sim throttle:burst",
        "Account-level burst (bucket size, default 5,000: the AWS default)",
    ),
    (
        "gureum sim throttle:rps",
        "Requests sent per second (default 100)",
    ),
    (
        "gureum sim throttle:duration",
        "Seconds to simulate (default 60)",
    ),
    (
        "gureum sim throttle:poisson",
        "Requests arrive at random (Poisson) instead of evenly",
    ),
    (
        "gureum sim throttle:stage_limit",
        "Stage limit `RATE:BURST`",
    ),
    (
        "gureum sim throttle:method_limit",
        "Method limit `RATE:BURST`",
    ),
    (
        "gureum sim throttle:usage_plan",
        "Usage plan (API key) `RATE:BURST[:QUOTA]`",
    ),
    ("gureum bank export:format", "Format"),
    (
        "gureum bank export:out",
        "Output file (default: standard output)",
    ),
    ("gureum bank import:file", "The file to import"),
    (
        "gureum bank import:format",
        "Format (default: detected: .gift or a GIFT answer block is GIFT, otherwise Aiken)",
    ),
    (
        "gureum bank import:out",
        "Output folder (writes `<file name>.toml` there; default: standard output)",
    ),
    (
        "gureum bank import:lesson",
        "Lesson id for imported questions that name none",
    ),
    (
        "gureum bank import:domain",
        "Exam domain for imported questions that name none",
    ),
    ("gureum results export:format", "Format"),
    (
        "gureum results export:out",
        "Output file (default: standard output)",
    ),
    (
        "gureum results export:student",
        "Student name written in the result file",
    ),
    (
        "gureum results export:exam",
        "Export the last finished mock exam instead of practice",
    ),
    (
        "gureum results export:attempt",
        "Export the Nth finished mock exam (oldest is 1)",
    ),
    (
        "gureum report:files",
        "Students' result files (JSON or CSV)",
    ),
    ("gureum report:csv", "Also write the report as CSV"),
    ("gureum report:width", "Table width (cells)"),
    (
        "gureum quiz:plain",
        "Ask and answer line by line (screen readers, scripts, classes)",
    ),
    (
        "gureum quiz:seed",
        "Random seed: with the same seed everyone gets the same questions in the same order",
    ),
    ("gureum quiz:count", "Number of questions"),
    ("gureum quiz:lesson", "Only this lesson's questions"),
    ("gureum quiz:tag", "Only questions with this tag"),
    (
        "gureum quiz:domain",
        "Only this exam domain's questions (e.g. `saa.secure`, `dva.deployment`)",
    ),
    (
        "gureum search:query",
        "Words to find (all of them; initial consonants work: `ㄹㄷ ㅋㄷ`)",
    ),
    (
        "gureum search:limit",
        "At most N per kind (lessons/sections, paragraphs, questions, simulations, terms)",
    ),
    (
        "gureum glossary:term",
        "A term (id, Korean, English or abbreviation); without it, the whole list",
    ),
];

/// English descriptions of the commands, by path.
const EN_ABOUT: &[(&str, &str)] = &[
    (
        "",
        "gureum: learn AWS architecture in the terminal from Korean study notes",
    ),
    ("gureum lessons", "List lesson ids and titles"),
    (
        "gureum read",
        "Render a lesson to standard output (plain text in a pipe or with `NO_COLOR`)",
    ),
    (
        "gureum exam",
        "Mock exams (resumes the exam in progress, if any)",
    ),
    (
        "gureum quiz",
        "Answer questions (`--plain`: one line at a time)",
    ),
    (
        "gureum bank",
        "Export and import question banks (GIFT, Aiken, Anki)",
    ),
    ("gureum results", "Export your answers to a file"),
    (
        "gureum report",
        "Build a class report from students' result files",
    ),
    (
        "gureum sim",
        "Simulations: DynamoDB capacity, Lambda execution environments, deployment strategies, CloudFormation replacement, phoenix servers, sessions, caches, replicas, throttling",
    ),
    (
        "gureum check",
        "Check all content and print `file:line: problem` for each problem",
    ),
    (
        "gureum search",
        "Search lessons, sections, paragraphs, questions, simulations and terms at once (initial consonants work: `ㄹㄷ ㅋㄷ`)",
    ),
    (
        "gureum glossary",
        "Glossary: a term's meaning and the lessons, questions and simulations that use it",
    ),
    (
        "gureum keys",
        "List the keys (the default keymap.toml plus the one in the config folder)",
    ),
    (
        "gureum bank export",
        "Export the question banks (GIFT for Moodle, Aiken, Anki)",
    ),
    (
        "gureum bank import",
        "Import GIFT or Aiken questions as a bank file",
    ),
    (
        "gureum results export",
        "Export your answers, or a finished mock exam, to a result file (JSON/CSV)",
    ),
    (
        "gureum sim capacity",
        "Read and write capacity (RCU/WCU, RRU/WRU) of one DynamoDB request",
    ),
    (
        "gureum sim lambda",
        "Simulate one Lambda function's execution environments (cold starts, concurrency, throttles, cost)",
    ),
    (
        "gureum sim plan",
        "A DynamoDB table's RCU/WCU and monthly cost, provisioned against on-demand",
    ),
    (
        "gureum sim deploy",
        "How many users a bad release reaches under traffic-shifting deployments (canary, linear, all-at-once, blue/green, API Gateway canary)",
    ),
    (
        "gureum sim replace",
        "Compare two CloudFormation templates: which resources are replaced and what data is lost (exit 0 no loss, 3 data lost, 4 update fails/rolls back/blocked, 5 unknown, 2 unreadable input)",
    ),
    (
        "gureum sim phoenix",
        "Phoenix servers: hand changes (drift) and what a rebuild loses",
    ),
    (
        "gureum sim sessions",
        "Where is the cart: sticky sessions, cookies, ElastiCache and DynamoDB session stores when instances stop or scale in",
    ),
    (
        "gureum sim cache",
        "Caching strategies: lazy loading and write-through, TTL, stale reads, misses after a node failure",
    ),
    (
        "gureum sim replicas",
        "Read replicas and failover: stale reads, Multi-AZ and Aurora failover times, lost writes",
    ),
    (
        "gureum sim throttle",
        "API Gateway throttling: account, stage, method and usage-plan token buckets and 429s",
    ),
];

/// A context value as text.
fn value(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(
            v.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        ContextValue::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A value parser's reason (`-5 is not in 1..=200`, `invalid digit found in string`) in Korean.
fn reason_ko(reason: &str, value: &str) -> String {
    if let Some((_, range)) = reason.split_once(" is not in ") {
        let range = range.trim();
        if let Some((lo, hi)) = range.split_once("..=") {
            return format!("{lo}에서 {hi} 사이의 수여야 해요");
        }
        if let Some(lo) = range.strip_suffix("..") {
            return format!("{lo} 이상의 수여야 해요");
        }
        return format!("{range} 범위여야 해요");
    }
    if value.starts_with('-') && reason.contains("invalid digit") {
        return "0 이상의 정수여야 해요".to_owned();
    }
    if reason.contains("invalid digit") || reason.contains("cannot parse integer") {
        return "정수여야 해요".to_owned();
    }
    if reason.contains("invalid float literal") {
        return "수여야 해요".to_owned();
    }
    if reason.contains("number too large") {
        return "수가 너무 커요".to_owned();
    }
    if reason.contains("number too small") {
        return "수가 너무 작아요".to_owned();
    }
    // Our own value parsers write `한국어 / English`.
    simulations::lang::pick(reason, false)
}

/// A value parser's reason in English: a negative number gets the range spelled out.
fn reason_en(reason: &str, value: &str) -> String {
    if value.starts_with('-') && reason.contains("invalid digit") {
        return "must be a whole number, 0 or more".to_owned();
    }
    simulations::lang::pick(reason, true)
}

/// The parse error `e` as text in `lang` (help and version are returned as they are).
pub fn render_error(e: &clap::Error, lang: Lang) -> String {
    use std::error::Error as _;
    let arg = value(e, ContextKind::InvalidArg).unwrap_or_default();
    let val = value(e, ContextKind::InvalidValue).unwrap_or_default();
    let usage = value(e, ContextKind::Usage).unwrap_or_default();
    let usage = usage.trim().trim_start_matches("Usage:").trim().to_owned();
    let suggested = value(e, ContextKind::SuggestedArg)
        .or_else(|| value(e, ContextKind::SuggestedSubcommand))
        .or_else(|| value(e, ContextKind::SuggestedValue));
    let valid =
        value(e, ContextKind::ValidValue).or_else(|| value(e, ContextKind::ValidSubcommand));
    let reason = e.source().map(ToString::to_string).unwrap_or_default();
    let en = lang == Lang::En;
    let looks_negative = |s: &str| {
        s.strip_prefix('-')
            .is_some_and(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit() || c == '.'))
    };
    let mut text = match e.kind() {
        ErrorKind::ValueValidation => {
            if en {
                let reason = reason_en(&reason, &val);
                if reason.starts_with(val.as_str()) {
                    format!("{arg}: {reason}")
                } else {
                    format!("{arg}: `{val}` {reason}")
                }
            } else {
                format!(
                    "{arg}: `{val}`{} 쓸 수 없어요 — {}",
                    josa::eun(&val),
                    reason_ko(&reason, &val)
                )
            }
        }
        ErrorKind::InvalidValue if val.is_empty() => {
            if en {
                format!("{arg} needs a value")
            } else {
                format!("{arg}에는 값이 필요해요")
            }
        }
        ErrorKind::InvalidValue => match (en, &valid) {
            (true, Some(v)) => format!("{arg}: `{val}` is not one of: {v}"),
            (true, None) => format!("{arg}: `{val}` is not a valid value"),
            (false, Some(v)) => {
                format!(
                    "{arg}: `{val}`{} 쓸 수 없어요 (쓸 수 있는 값: {v})",
                    josa::eun(&val)
                )
            }
            (false, None) => format!("{arg}: `{val}`{} 쓸 수 없어요", josa::eun(&val)),
        },
        ErrorKind::UnknownArgument if looks_negative(&arg) => {
            if en {
                format!(
                    "`{arg}`: negative numbers are not allowed here (give a number of 0 or more after its option)"
                )
            } else {
                format!("`{arg}`: 여기에는 음수를 쓸 수 없어요 (옵션 뒤에 0 이상의 수를 주세요)")
            }
        }
        ErrorKind::UnknownArgument => {
            if en {
                format!("unknown option `{arg}`")
            } else {
                format!("모르는 옵션이에요: `{arg}`")
            }
        }
        ErrorKind::InvalidSubcommand => {
            let sub = value(e, ContextKind::InvalidSubcommand).unwrap_or_default();
            if en {
                format!("unknown command `{sub}`")
            } else {
                format!("모르는 명령이에요: `{sub}`")
            }
        }
        ErrorKind::MissingRequiredArgument => {
            if en {
                format!("missing: {arg}")
            } else {
                format!("꼭 줘야 하는 인자가 빠졌어요: {arg}")
            }
        }
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            if en {
                "choose a command".to_owned()
            } else {
                "명령을 골라 주세요".to_owned()
            }
        }
        ErrorKind::ArgumentConflict => {
            let other = value(e, ContextKind::PriorArg).unwrap_or_default();
            if en {
                format!("{arg} cannot be used with {other}")
            } else {
                format!(
                    "{arg}{} {other}{} 함께 쓸 수 없어요",
                    josa::gwa(&arg),
                    josa::eun(&other)
                )
            }
        }
        ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            if en {
                format!("{arg}: wrong number of values")
            } else {
                format!("{arg}: 값의 개수가 맞지 않아요")
            }
        }
        ErrorKind::NoEquals => {
            if en {
                format!("{arg}: write it as {arg}=VALUE")
            } else {
                format!("{arg}: {arg}=값 형태로 쓰세요")
            }
        }
        ErrorKind::InvalidUtf8 => {
            if en {
                "an argument is not valid UTF-8".to_owned()
            } else {
                "UTF-8이 아닌 인자가 있어요".to_owned()
            }
        }
        _ => {
            if en {
                "cannot read the command line".to_owned()
            } else {
                "명령줄을 읽을 수 없어요".to_owned()
            }
        }
    };
    if let Some(s) = suggested {
        let _ = if en {
            write!(text, "\n  did you mean `{s}`?")
        } else {
            write!(text, "\n  혹시 `{s}`인가요?")
        };
    }
    let w = words(lang);
    if !usage.is_empty() {
        let _ = write!(text, "\n\n{} {usage}", w.usage);
    }
    text.push_str(if en {
        "\n\nFor more, try `--help`."
    } else {
        "\n\n더 알아보려면 `--help`를 붙여 보세요."
    });
    format!("gureum: {text}")
}
