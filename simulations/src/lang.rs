//! One language at a time for the models' messages.
//!
//! The models' errors are written Korean first, then English, separated by ` / `, and end with
//! the page that states the limit: `메모리 100MB는 … 밖이에요 / memory 100 MB is outside … (https://…)`.
//! That keeps one message per rule in one place. What a learner sees, though, is one language:
//! [`Localize::localize`] gives the Korean or the English form of any error of this crate, and
//! [`pick`] does the same for a message string written in that convention (the CLI's last gate
//! applies it to every error line, so a message passed through as a string is also split).
//!
//! The rules [`pick`] follows:
//! - the split is at the first ` / ` with Hangul before it and none right after it;
//! - a parenthesis that is itself `(한국어 / English)` becomes the chosen side;
//! - a trailing `(https://…)` or `(source: https://…)` after the English side belongs to both;
//! - a wrapper (`시나리오 x의 설정이 잘못됐어요 / scenario x has an invalid config: 메모리 … / memory …`)
//!   keeps its own side and splits the message it wraps the same way.
//!
//! Text without such a split is returned unchanged.

/// An error message in the learner's language.
pub trait Localize {
    /// The message in English (`en`) or Korean.
    fn localize(&self, en: bool) -> String;
}

fn has_hangul(s: &str) -> bool {
    s.chars()
        .any(|c| matches!(u32::from(c), 0xAC00..=0xD7A3 | 0x3131..=0x318E | 0x1100..=0x11FF))
}

/// The byte offset of the first ` / ` that separates a Korean side from an English one.
fn split_at(text: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(pos) = text.get(from..).and_then(|t| t.find(" / ")) {
        let at = from + pos;
        let before = text.get(..at).unwrap_or_default();
        let after = text.get(at + 3..).unwrap_or_default();
        let next = after.chars().next();
        if has_hangul(before)
            && next.is_some_and(|c| !has_hangul(&c.to_string()))
            && english_side(after)
        {
            return Some(at);
        }
        from = at + 3;
    }
    None
}

/// Whether `s` reads as the English side: no Hangul outside parentheses, or an English head
/// ending in `: ` before a Korean-first message of its own (a wrapper).
fn english_side(s: &str) -> bool {
    let mut depth = 0usize;
    let mut bare = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => bare.push(c),
            _ => {}
        }
    }
    if !has_hangul(&bare) {
        return true;
    }
    s.match_indices(": ").any(|(i, _)| {
        s.get(..i).is_some_and(|head| !has_hangul(head))
            && s.get(i + 2..).and_then(split_at).is_some()
    })
}

/// Replaces every `(한국어 / English)` group of `text` with its chosen side.
fn pick_groups(text: &str, en: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('(') {
        let (head, tail) = rest.split_at(open);
        out.push_str(head);
        // The group ends at its `)`, unless another `(` comes first (then copy the `(` and go on).
        let inner_end = tail.get(1..).and_then(|t| t.find([')', '(']));
        match inner_end.and_then(|i| tail.get(1..=i).map(|inner| (i, inner))) {
            Some((i, inner))
                if tail.get(i + 1..i + 2) == Some(")") && split_at(inner).is_some() =>
            {
                out.push('(');
                out.push_str(&pick(inner, en));
                out.push(')');
                rest = tail.get(i + 2..).unwrap_or_default();
            }
            _ => {
                out.push('(');
                rest = tail.get(1..).unwrap_or_default();
            }
        }
    }
    out.push_str(rest);
    out
}

/// The trailing `(https://…)` or `(source: https://…)` of `en`, if any.
fn trailing_source(en: &str) -> Option<&str> {
    let open = en.rfind(" (")?;
    let group = en.get(open + 1..)?;
    let inner = group.strip_prefix('(')?.strip_suffix(')')?;
    let url = inner.strip_prefix("source: ").unwrap_or(inner);
    (url.starts_with("https://") || url.starts_with("http://")).then_some(group)
}

/// The Korean (`en == false`) or English side of a message written `한국어 / English`.
#[must_use]
pub fn pick(text: &str, en: bool) -> String {
    let Some(at) = split_at(text) else {
        return pick_groups(text, en);
    };
    let ko = text.get(..at).unwrap_or_default();
    let english = text.get(at + 3..).unwrap_or_default();
    // A wrapper: the English side goes on with `: ` and a Korean-first message of its own.
    if let Some(inner_at) = split_at(english) {
        let head_end = english
            .get(..inner_at)
            .and_then(|h| h.rfind(": "))
            .map(|i| i + 2);
        if let Some(end) = head_end {
            let en_head = english.get(..end).unwrap_or_default();
            let inner = english.get(end..).unwrap_or_default();
            return if en {
                format!("{en_head}{}", pick(inner, true))
            } else {
                format!("{}: {}", pick_groups(ko, false), pick(inner, false))
            };
        }
    }
    if en {
        pick_groups(english, true)
    } else {
        let english = pick_groups(english, false);
        let ko = pick_groups(ko, false);
        match trailing_source(&english) {
            Some(source) if !ko.contains("https://") => format!("{ko} {source}"),
            _ => {
                // A Korean note in parentheses at the end of the English side (a `모델 한도`
                // turned Korean above) belongs to the Korean side too.
                match english.rfind(" (") {
                    Some(i)
                        if english.ends_with(')') && english.get(i..).is_some_and(has_hangul) =>
                    {
                        format!("{ko}{}", english.get(i..).unwrap_or_default())
                    }
                    _ => ko,
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{pick, toml_message};

    #[test]
    fn a_values_own_bilingual_error_in_a_toml_file_shows_in_one_language() {
        let m = "TOML parse error at line 4, column 12\n  |\n4 | strategy = \"nope\"\n  |            ^^^^^^\n알 수 없는 배포 전략 'nope'이에요. 쓸 수 있는 이름: linear / unknown deployment strategy 'nope'; valid names: linear (https://docs.aws.amazon.com/x.html)\n";
        assert_eq!(
            toml_message(m, false),
            "4번째 줄: 알 수 없는 배포 전략 'nope'이에요. 쓸 수 있는 이름: linear (https://docs.aws.amazon.com/x.html)"
        );
        let en = toml_message(m, true);
        assert!(en.contains("unknown deployment strategy 'nope'"), "{en}");
        assert!(!en.contains("알 수 없는"), "{en}");
        assert!(en.contains("line 4"), "{en}");
    }

    #[test]
    fn a_pair_splits_and_the_source_goes_to_both() {
        let m = "메모리 100MB는 허용 범위(128-10,240MB) 밖이에요 / memory 100 MB is outside 128-10,240 MB (https://docs.aws.amazon.com/lambda/x.html)";
        assert_eq!(
            pick(m, false),
            "메모리 100MB는 허용 범위(128-10,240MB) 밖이에요 (https://docs.aws.amazon.com/lambda/x.html)"
        );
        assert_eq!(
            pick(m, true),
            "memory 100 MB is outside 128-10,240 MB (https://docs.aws.amazon.com/lambda/x.html)"
        );
    }

    #[test]
    fn a_bilingual_group_inside_becomes_one_language() {
        let m = "ttl 값 0: 허용 범위 1-86400 밖이에요 / ttl 0 is outside 1-86400 (모델 한도 / model limit)";
        assert_eq!(
            pick(m, false),
            "ttl 값 0: 허용 범위 1-86400 밖이에요 (모델 한도)"
        );
        assert_eq!(pick(m, true), "ttl 0 is outside 1-86400 (model limit)");
    }

    #[test]
    fn a_wrapper_splits_what_it_wraps() {
        let m = "시나리오 x의 설정이 잘못됐어요 / scenario x has an invalid config: 메모리 1MB는 밖이에요 / memory 1 MB is outside (https://a.example/b)";
        assert_eq!(
            pick(m, false),
            "시나리오 x의 설정이 잘못됐어요: 메모리 1MB는 밖이에요 (https://a.example/b)"
        );
        assert_eq!(
            pick(m, true),
            "scenario x has an invalid config: memory 1 MB is outside (https://a.example/b)"
        );
    }

    #[test]
    fn text_without_a_pair_is_unchanged() {
        for m in [
            "레슨 S3 / CloudFront의 제목",
            "plain English",
            "RCU/WCU",
            "a / b",
            "",
        ] {
            assert_eq!(pick(m, false), m);
            assert_eq!(pick(m, true), m);
        }
    }
}

/// A TOML parser message ("TOML parse error at line 3, column 1 … unknown field x") in the
/// learner's language: the line, and what is wrong.
#[must_use]
pub fn toml_message(text: &str, en: bool) -> String {
    // The parser's own problem line: the last one that is not a source excerpt or a caret.
    let what = text
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('|') && !l.starts_with('^'))
        .unwrap_or_default();
    // A value's own error (e.g. an unknown strategy) may be a "한국어 / English" pair.
    let own = pick(what, en);
    if en {
        return text.trim_end().replace(what, &own);
    }
    let line = text
        .split("at line ")
        .nth(1)
        .and_then(|t| t.split(|c: char| !c.is_ascii_digit()).next())
        .filter(|n| !n.is_empty());
    let backticked = |s: &str| -> Option<String> {
        let start = s.find('`')?;
        let rest = s.get(start + 1..)?;
        let end = rest.find('`')?;
        rest.get(..end).map(str::to_owned)
    };
    let ko = if let Some(rest) = what.strip_prefix("unknown field ") {
        let name = backticked(rest).unwrap_or_default();
        let known = rest
            .split_once("expected ")
            .map(|(_, k)| k.replace("one of ", ""))
            .unwrap_or_default();
        if known.is_empty() {
            format!("모르는 필드 `{name}`{} 있어요", crate::josa::i(&name))
        } else {
            format!(
                "모르는 필드 `{name}`{} 있어요 (쓸 수 있는 필드: {known})",
                crate::josa::i(&name)
            )
        }
    } else if let Some(rest) = what.strip_prefix("missing field ") {
        let name = backticked(rest).unwrap_or_default();
        format!("필드 `{name}`{} 없어요", crate::josa::i(&name))
    } else if what.starts_with("invalid type") || what.starts_with("invalid value") {
        "값의 형식이 맞지 않아요 (숫자, 문자열, 참/거짓 중 맞는 것을 쓰세요)".to_owned()
    } else if what.starts_with("duplicate key") {
        let name = backticked(what).unwrap_or_default();
        format!("키 `{name}`{} 두 번 나와요", crate::josa::i(&name))
    } else if own != what {
        own
    } else {
        "TOML 문법이 맞지 않아요".to_owned()
    };
    match line {
        Some(n) => format!("{n}번째 줄: {ko}"),
        None => ko,
    }
}
