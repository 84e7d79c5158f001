//! Validating banks against the lessons: what `gureum check` reports for `quizzes/`.

use std::collections::HashMap;

use unicode_normalization::is_nfc;

use super::bank::{Bank, Entry};
use super::format::{Answer, DOMAINS, Kind};
use crate::lesson::{Library, Problem, ProblemKind, render};

/// Every problem in `bank`: loading problems plus per-question checks.
pub fn check(bank: &Bank, library: &Library) -> Vec<Problem> {
    let mut out = bank.problems.clone();
    let mut anchors: HashMap<&str, Vec<String>> = HashMap::new();
    for e in &bank.entries {
        let q = &e.question;
        let mut say = |ko: String, en: String| {
            out.push(Problem {
                file: e.file.clone(),
                line: e.line,
                kind: ProblemKind::Message { ko, en },
            });
        };
        let id = &q.id;
        // The lesson and section the question links to.
        match library.lesson(q.lesson_id()) {
            None => say(
                format!("{id}: 레슨이 없어요: `{}`", q.lesson_id()),
                format!("{id}: unknown lesson `{}`", q.lesson_id()),
            ),
            Some(lesson) => {
                if let Some(anchor) = q.anchor() {
                    let list = anchors
                        .entry(q.lesson_id())
                        .or_insert_with(|| render::anchors(&lesson.body));
                    if !list.iter().any(|a| a == anchor) {
                        say(
                            format!(
                                "{id}: 레슨 `{}`에 없는 제목이에요: `#{anchor}`",
                                q.lesson_id()
                            ),
                            format!(
                                "{id}: lesson `{}` has no heading `#{anchor}`",
                                q.lesson_id()
                            ),
                        );
                    }
                }
            }
        }
        for problem in shape_problems(e) {
            say(problem.0, problem.1);
        }
    }
    out
}

/// Whether `url` is an AWS page a question may cite: `https://` on `docs.aws.amazon.com`,
/// `aws.amazon.com` or another `*.aws.amazon.com` host.
pub fn is_aws_ref(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("https://") else {
        return false;
    };
    let host = rest
        .split(['/', '?', '#'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    !host.contains('@')
        && !host.contains(':')
        && (host == "aws.amazon.com" || host.ends_with(".aws.amazon.com"))
        && !rest.contains(char::is_whitespace)
}

/// What every shipped question must have and a teacher's bank should have: AWS references
/// (`refs`, `https://` on an `aws.amazon.com` host), the English text (`prompt_en`,
/// `explanation_en`, `choices_en` for choice questions, `why_en` wherever a choice has `why`),
/// and a `[misconceptions.TAG]` label in the question's file for each tag its choices use.
/// `gureum check` reports these as errors for the shipped banks and as warnings for `--quiz-dir`.
pub fn completeness(bank: &Bank) -> Vec<Problem> {
    let mut out = Vec::new();
    let empty = std::collections::BTreeSet::new();
    for e in &bank.entries {
        let q = &e.question;
        let id = &q.id;
        let mut say = |ko: String, en: String| {
            out.push(Problem {
                file: e.file.clone(),
                line: e.line,
                kind: ProblemKind::Message { ko, en },
            });
        };
        if q.refs.is_empty() {
            say(
                format!(
                    "{id}: 참고 문서(refs)가 없어요: 정답이 기대는 사실을 말하는 AWS 문서 주소를 적어 주세요"
                ),
                format!(
                    "{id}: no `refs`: cite the AWS documentation page that states the fact the key depends on"
                ),
            );
        }
        for r in &q.refs {
            if !is_aws_ref(r) {
                say(
                    format!(
                        "{id}: refs `{r}`는 https://docs.aws.amazon.com/… 또는 다른 aws.amazon.com 주소여야 해요"
                    ),
                    format!(
                        "{id}: ref `{r}` must be an https:// URL on docs.aws.amazon.com or another aws.amazon.com host"
                    ),
                );
            }
        }
        let blank = |t: &Option<String>| t.as_deref().is_none_or(|t| t.trim().is_empty());
        if blank(&q.prompt_en) {
            say(
                format!("{id}: 영어 문제(prompt_en)가 없어요"),
                format!("{id}: no `prompt_en`"),
            );
        }
        if blank(&q.explanation_en) {
            say(
                format!("{id}: 영어 해설(explanation_en)이 없어요"),
                format!("{id}: no `explanation_en`"),
            );
        }
        if !q.choices.is_empty() && q.choices_en.is_none() {
            say(
                format!("{id}: 영어 보기(choices_en)가 없어요"),
                format!("{id}: no `choices_en`"),
            );
        }
        for ch in &q.choices {
            if ch.why.as_deref().is_some_and(|w| !w.trim().is_empty()) && blank(&ch.why_en) {
                say(
                    format!("{id}: 보기 `{}`에 why는 있는데 why_en이 없어요", ch.id),
                    format!("{id}: choice `{}` has `why` but no `why_en`", ch.id),
                );
            }
            if let Some(tag) = &ch.misconception {
                let labels = bank.labels.get(&e.file).unwrap_or(&empty);
                if !labels.contains(tag) {
                    say(
                        format!(
                            "{id}: 보기 `{}`의 오개념 태그 `{tag}`에 이름표가 없어요: 이 파일에 [misconceptions.{tag}] (ko, en)를 넣어 주세요",
                            ch.id
                        ),
                        format!(
                            "{id}: choice `{}` uses misconception `{tag}`, which has no [misconceptions.{tag}] label (ko, en) in this file",
                            ch.id
                        ),
                    );
                }
            }
        }
    }
    out
}

/// Problems of one question that need no lessons: (Korean, English).
fn shape_problems(e: &Entry) -> Vec<(String, String)> {
    let q = &e.question;
    let id = &q.id;
    let mut out: Vec<(String, String)> = Vec::new();
    let mut say = |ko: String, en: String| out.push((ko, en));
    if q.id.is_empty()
        || !q
            .id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        say(
            format!("id가 올바르지 않아요: `{id}`"),
            format!("invalid id `{id}`"),
        );
    }
    if q.explanation.trim().is_empty() {
        say(
            format!("{id}: 해설(explanation)이 비어 있어요"),
            format!("{id}: empty explanation"),
        );
    }
    if q.prompt.trim().is_empty() {
        say(
            format!("{id}: 문제(prompt)가 비어 있어요"),
            format!("{id}: empty prompt"),
        );
    }
    if !(1..=3).contains(&q.difficulty) {
        say(
            format!("{id}: difficulty는 1~3이어야 해요"),
            format!("{id}: difficulty must be 1-3"),
        );
    }
    if q.domains.is_empty() {
        say(
            format!("{id}: 시험 영역(domains)이 없어요"),
            format!("{id}: no exam domains"),
        );
    }
    for d in &q.domains {
        if !DOMAINS.iter().any(|(known, ..)| known == d) {
            say(
                format!("{id}: 모르는 시험 영역이에요: `{d}`"),
                format!("{id}: unknown exam domain `{d}`"),
            );
        }
    }
    let texts = std::iter::once(&q.prompt)
        .chain(std::iter::once(&q.explanation))
        .chain(q.choices.iter().map(|c| &c.text))
        .chain(q.choices.iter().filter_map(|c| c.why.as_ref()));
    if texts.into_iter().any(|t| !is_nfc(t)) {
        say(
            format!("{id}: NFC로 정규화되지 않은 글자가 있어요"),
            format!("{id}: text is not NFC"),
        );
    }
    if let Some(en) = q
        .choices_en
        .as_ref()
        .filter(|en| en.len() != q.choices.len())
    {
        say(
            format!(
                "{id}: choices_en은 {}개여야 해요 (지금 {}개)",
                q.choices.len(),
                en.len()
            ),
            format!(
                "{id}: choices_en needs {} entries, has {}",
                q.choices.len(),
                en.len()
            ),
        );
    }
    let correct = q.correct_ids();
    for c in &correct {
        if !q.choices.iter().any(|ch| ch.id == *c) {
            say(
                format!("{id}: 정답 `{c}`가 보기에 없어요"),
                format!("{id}: answer `{c}` is not a choice"),
            );
        }
    }
    for ch in &q.choices {
        let wrong = !correct.contains(&ch.id.as_str());
        if wrong && ch.why.as_deref().is_none_or(|w| w.trim().is_empty()) {
            say(
                format!("{id}: 오답 `{}`에 why(왜 틀렸는지)가 없어요", ch.id),
                format!("{id}: wrong choice `{}` has no `why`", ch.id),
            );
        }
    }
    let mut seen = std::collections::HashSet::new();
    for ch in &q.choices {
        if !seen.insert(ch.id.as_str()) {
            say(
                format!("{id}: 보기 id가 겹쳐요: `{}`", ch.id),
                format!("{id}: duplicate choice id `{}`", ch.id),
            );
        }
    }
    match (q.kind, &q.answer) {
        (Kind::Single, Answer::One(_)) => {
            if q.choices.len() < 4 {
                say(
                    format!("{id}: single 문제는 보기가 4개 이상이어야 해요"),
                    format!("{id}: single needs 4+ choices"),
                );
            }
        }
        (Kind::Multiple, Answer::Many(ids)) => {
            if q.choices.len() < 5 {
                say(
                    format!("{id}: multiple 문제는 보기가 5개 이상이어야 해요"),
                    format!("{id}: multiple needs 5+ choices"),
                );
            }
            if ids.len() < 2 {
                say(
                    format!("{id}: multiple 문제는 정답이 2개 이상이어야 해요"),
                    format!("{id}: multiple needs 2+ answers"),
                );
            }
            if !states_count(&q.prompt, ids.len()) {
                say(
                    format!("{id}: 문제에 고를 개수({}개)를 적어 주세요", ids.len()),
                    format!(
                        "{id}: the prompt must say how many to choose ({})",
                        ids.len()
                    ),
                );
            }
        }
        (Kind::Numeric, Answer::Number(_)) => {
            if q.tolerance.is_none() || q.unit.is_none() {
                say(
                    format!("{id}: numeric 문제에는 tolerance와 unit이 있어야 해요"),
                    format!("{id}: numeric needs tolerance and unit"),
                );
            }
        }
        (kind, _) => say(
            format!("{id}: answer 형식이 kind `{kind:?}`와 맞지 않아요"),
            format!("{id}: answer does not fit kind `{kind:?}`"),
        ),
    }
    out
}

/// Whether a prompt says to choose `n` (e.g. "두 개를 고르십시오", "2개", "(Choose two.)").
fn states_count(prompt: &str, n: usize) -> bool {
    let words: &[&str] = match n {
        2 => &["두 개", "두개", "2개", "2 개", "two"],
        3 => &["세 개", "세개", "3개", "3 개", "three"],
        4 => &["네 개", "네개", "4개", "4 개", "four"],
        _ => &[],
    };
    let lower = prompt.to_lowercase();
    words.iter().any(|w| lower.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refs_must_be_https_on_an_aws_amazon_com_host() {
        for ok in [
            "https://docs.aws.amazon.com/lambda/latest/dg/welcome.html",
            "https://aws.amazon.com/dynamodb/pricing/",
            "https://repost.aws.amazon.com/x",
        ] {
            assert!(is_aws_ref(ok), "{ok}");
        }
        for bad in [
            "http://docs.aws.amazon.com/x",
            "https://docs.aws.amazon.com.evil.example/x",
            "https://evil.example/?u=https://docs.aws.amazon.com",
            "https://user@docs.aws.amazon.com/x",
            "https://notaws.amazon.com/x",
            "docs.aws.amazon.com/x",
            "https://docs.aws.amazon.com/a b",
        ] {
            assert!(!is_aws_ref(bad), "{bad}");
        }
    }

    #[test]
    fn completeness_flags_missing_refs_english_and_labels() {
        let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/incomplete-quizzes");
        let bank = Bank::load(&crate::quiz::bank::BankSource::Dir(dir));
        assert!(bank.problems.is_empty(), "{:?}", bank.problems);
        let msgs: Vec<String> = completeness(&bank)
            .iter()
            .map(|p| p.display(true))
            .collect();
        let all = msgs.join("\n");
        for expect in [
            "incomplete.toml:6: q-no-refs: no `refs`",
            "incomplete.toml:6: q-no-refs: no `prompt_en`",
            "incomplete.toml:6: q-no-refs: no `explanation_en`",
            "incomplete.toml:6: q-no-refs: no `choices_en`",
            "incomplete.toml:6: q-no-refs: choice `b` has `why` but no `why_en`",
            "incomplete.toml:6: q-no-refs: choice `b` uses misconception `unlabelled`",
            "incomplete.toml:42: q-bad-ref: ref `http://example.com/x` must be an https:// URL",
        ] {
            assert!(all.contains(expect), "missing `{expect}` in:\n{all}");
        }
        // The complete question and the labelled tag raise nothing.
        assert!(!all.contains("q-complete"), "{all}");
        assert!(!all.contains("`labelled`"), "{all}");
    }

    #[test]
    fn multiple_choice_prompts_must_state_the_count() {
        assert!(states_count("다음 중 옳은 것을 두 개 고르십시오.", 2));
        assert!(states_count("(Choose three.)", 3));
        assert!(!states_count("옳은 것을 고르십시오.", 2));
    }
}
