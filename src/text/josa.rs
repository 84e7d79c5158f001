//! Korean particles (조사) chosen by the sound the word before them ends in.
//!
//! Korean writes 은/는, 이/가, 을/를, 과/와, 이에요/예요 after a word ending in a consonant
//! (받침) or a vowel, and 으로/로 after a consonant other than ㄹ or after a vowel or ㄹ. The app
//! builds sentences around names it does not know in advance (`S3`, `RCU`, `Lambda`, a preset
//! id), so instead of the clumsy "은(는)" it asks [`josa`] for the right form.
//!
//! How the end of a word is read:
//! - a Hangul syllable by its final consonant (jongseong);
//! - a number by its Korean reading: the last non-zero digit (일, 이, 삼 …) or, for trailing zeros,
//!   the unit (십, 백, 천, 만, 억): `3` → 삼 → "은", `10` → 십 → "은", `2` → 이 → "는";
//! - an acronym (two or more capitals at the end: `RCU`, `DynamoDB`) or a single letter by the
//!   English name of its last letter: `U` 유 → "는", `M` 엠 → "은", `L` 엘 → "로";
//! - any other Latin word by how it is usually written in Hangul: vowel and silent endings
//!   (`Lambda` 람다, `Cache` 캐시, `Server` 서버) have no final consonant; `-l`/`-le` ends in ㄹ
//!   (`Pool` 풀, `Table` 테이블); `-m`, `-n`, `-ng`, `-me`, `-ne` in ㅁ/ㄴ/ㅇ (`Stream`, `Function`,
//!   `Zone`); a vowel followed by `k`, `p` or `t` in ㄱ/ㅂ/ㅅ (`Stack` 스택, `Group` 그룹,
//!   `Subnet` 서브넷);
//! - closing brackets, quotes and backticks are skipped, and a parenthesis is read through to the
//!   word before it, as Korean writing does: "람다(AWS Lambda)는".
//!
//! Anything else (symbols only, an empty string) takes the vowel form.
//!
//! This file is also compiled into the `simulations` crate (`#[path]`), which cannot depend on
//! the app: keep it free of dependencies.

/// A particle with two forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Josa {
    /// Topic: 은 / 는.
    EunNeun,
    /// Subject: 이 / 가.
    IGa,
    /// Object: 을 / 를.
    EulReul,
    /// "And, with": 과 / 와.
    GwaWa,
    /// Direction, means: 으로 / 로 (로 after a vowel or ㄹ).
    EuroRo,
    /// Copula: 이에요 / 예요.
    IeyoYeyo,
}

/// How a word ends, as far as particles care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// A vowel: 는, 가, 를, 와, 로, 예요.
    Vowel,
    /// The consonant ㄹ: 은, 이, 을, 과, but 로.
    Rieul,
    /// Any other final consonant: 은, 이, 을, 과, 으로, 이에요.
    Consonant,
}

/// The form of `particle` that follows `word`.
#[must_use]
pub fn josa(word: &str, particle: Josa) -> &'static str {
    let ending = ending(word);
    let consonant = ending != Ending::Vowel;
    match particle {
        Josa::EunNeun => pick(consonant, "은", "는"),
        Josa::IGa => pick(consonant, "이", "가"),
        Josa::EulReul => pick(consonant, "을", "를"),
        Josa::GwaWa => pick(consonant, "과", "와"),
        Josa::EuroRo => pick(ending == Ending::Consonant, "으로", "로"),
        Josa::IeyoYeyo => pick(consonant, "이에요", "예요"),
    }
}

/// `word` followed by the right form of `particle` ("S3" + 은/는 → "S3은").
#[must_use]
pub fn attach(word: &str, particle: Josa) -> String {
    format!("{word}{}", josa(word, particle))
}

/// 은 or 는 after `word`.
#[must_use]
pub fn eun(word: &str) -> &'static str {
    josa(word, Josa::EunNeun)
}

/// 이 or 가 after `word`.
#[must_use]
pub fn i(word: &str) -> &'static str {
    josa(word, Josa::IGa)
}

/// 을 or 를 after `word`.
#[must_use]
pub fn eul(word: &str) -> &'static str {
    josa(word, Josa::EulReul)
}

/// 과 or 와 after `word`.
#[must_use]
pub fn gwa(word: &str) -> &'static str {
    josa(word, Josa::GwaWa)
}

/// 으로 or 로 after `word`.
#[must_use]
pub fn euro(word: &str) -> &'static str {
    josa(word, Josa::EuroRo)
}

/// 이에요 or 예요 after `word`.
#[must_use]
pub fn ieyo(word: &str) -> &'static str {
    josa(word, Josa::IeyoYeyo)
}

fn pick(consonant: bool, after_consonant: &'static str, after_vowel: &'static str) -> &'static str {
    if consonant {
        after_consonant
    } else {
        after_vowel
    }
}

/// How `word` ends when read aloud in Korean.
#[must_use]
pub fn ending(word: &str) -> Ending {
    let word = reading_end(word);
    let Some(last) = word.chars().next_back() else {
        return Ending::Vowel;
    };
    if let Some(e) = hangul_ending(last) {
        return e;
    }
    if last.is_ascii_digit() {
        return number_ending(word);
    }
    if last.is_ascii_alphabetic() {
        return latin_ending(word);
    }
    Ending::Vowel
}

/// The part of `word` whose end is read: trailing quotes, brackets and punctuation dropped, and a
/// final parenthesis read through to the word before it.
fn reading_end(word: &str) -> &str {
    let mut w = word.trim_end();
    loop {
        let trimmed = w.trim_end_matches([
            '`', '\'', '"', '*', '’', '”', ']', '」', '』', '.', ',', '!', '?', ' ',
        ]);
        if let Some(inner) = trimmed.strip_suffix(')') {
            // "람다(AWS Lambda)" reads as 람다; "(S3)" alone reads as S3.
            w = match inner.rsplit_once('(') {
                Some((before, _)) if !before.trim_end().is_empty() => before.trim_end(),
                Some((_, within)) => within,
                None => inner,
            };
            continue;
        }
        return trimmed;
    }
}

fn hangul_ending(c: char) -> Option<Ending> {
    let code = u32::from(c);
    if !(0xAC00..=0xD7A3).contains(&code) {
        // Compatibility jamo standing alone (ㄱ, ㅏ) are rare in sentences; read consonants as such.
        return match code {
            0x3131..=0x314E => Some(if code == 0x3139 {
                Ending::Rieul
            } else {
                Ending::Consonant
            }),
            0x314F..=0x3163 => Some(Ending::Vowel),
            _ => None,
        };
    }
    Some(match (code - 0xAC00) % 28 {
        0 => Ending::Vowel,
        8 => Ending::Rieul,
        _ => Ending::Consonant,
    })
}

/// A number read in Korean: 영 일 이 삼 사 오 육 칠 팔 구, and 십 백 천 만 억 for trailing zeros.
fn number_ending(word: &str) -> Ending {
    let digits: String = word
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
        .filter(char::is_ascii_digit)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    // A decimal part is read digit by digit (0.5 → 영 점 오): only its last digit matters.
    let fraction = word
        .rsplit_once('.')
        .is_some_and(|(_, f)| !f.is_empty() && f.chars().all(|c| c.is_ascii_digit()));
    let bytes = digits.as_bytes();
    let Some(&last) = bytes.last() else {
        return Ending::Vowel;
    };
    if last != b'0' || fraction {
        return digit_ending(last);
    }
    // 영 alone; otherwise the unit of the trailing zeros: 십, 백, 천, 만 (up to 천만), 억 — all
    // end in a consonant other than ㄹ.
    Ending::Consonant
}

fn digit_ending(d: u8) -> Ending {
    match d {
        b'1' | b'7' | b'8' => Ending::Rieul,     // 일 칠 팔
        b'0' | b'3' | b'6' => Ending::Consonant, // 영 삼 육
        _ => Ending::Vowel,                      // 이 사 오 구
    }
}

/// The English name of a letter, as it ends in Hangul (에이, 비, 씨 … 엘, 엠, 엔, 알).
fn letter_ending(c: char) -> Ending {
    match c.to_ascii_lowercase() {
        'l' | 'r' => Ending::Rieul,     // 엘, 알
        'm' | 'n' => Ending::Consonant, // 엠, 엔
        _ => Ending::Vowel,
    }
}

fn latin_ending(word: &str) -> Ending {
    let letters: Vec<char> = word
        .chars()
        .rev()
        .take_while(char::is_ascii_alphabetic)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let Some(&last) = letters.last() else {
        return Ending::Vowel;
    };
    let capitals = letters
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_uppercase())
        .count();
    if letters.len() == 1 || capitals >= 2 {
        return letter_ending(last);
    }
    let lower: Vec<char> = letters.iter().map(char::to_ascii_lowercase).collect();
    let n = lower.len();
    let at = |back: usize| -> Option<char> { n.checked_sub(back + 1).map(|i| lower[i]) };
    let vowel = |c: Option<char>| matches!(c, Some('a' | 'e' | 'i' | 'o' | 'u'));
    match lower[n - 1] {
        'l' => Ending::Rieul,
        'm' | 'n' => Ending::Consonant,
        'g' if at(1) == Some('n') => Ending::Consonant,
        'k' if vowel(at(1)) || at(1) == Some('c') => Ending::Consonant,
        'p' | 't' if vowel(at(1)) && !vowel(at(2)) => Ending::Consonant,
        'e' => match at(1) {
            Some('l') => Ending::Rieul,
            Some('m' | 'n') if vowel(at(2)) => Ending::Consonant,
            _ => Ending::Vowel,
        },
        _ => Ending::Vowel,
    }
}

#[cfg(test)]
mod tests {
    use super::{Ending, Josa, attach, ending, eul, eun, euro, gwa, i, ieyo, josa};

    #[test]
    fn hangul_by_final_consonant() {
        assert_eq!(attach("람다", Josa::EunNeun), "람다는");
        assert_eq!(attach("버킷", Josa::EunNeun), "버킷은");
        assert_eq!(attach("테이블", Josa::EuroRo), "테이블로");
        assert_eq!(attach("스택", Josa::EuroRo), "스택으로");
        assert_eq!(attach("캐시", Josa::EuroRo), "캐시로");
        assert_eq!(attach("설정", Josa::IGa), "설정이");
        assert_eq!(attach("메모리", Josa::IGa), "메모리가");
        assert_eq!(attach("파일", Josa::EulReul), "파일을");
        assert_eq!(attach("시나리오", Josa::EulReul), "시나리오를");
        assert_eq!(attach("읽기", Josa::GwaWa), "읽기와");
        assert_eq!(attach("쓰기 용량", Josa::GwaWa), "쓰기 용량과");
        assert_eq!(attach("전략", Josa::IeyoYeyo), "전략이에요");
        assert_eq!(attach("리전", Josa::IeyoYeyo), "리전이에요");
        assert_eq!(attach("프리셋", Josa::IeyoYeyo), "프리셋이에요");
        assert_eq!(attach("노드", Josa::IeyoYeyo), "노드예요");
    }

    #[test]
    fn numbers_by_korean_reading() {
        // 삼, 이, 일, 육, 사, 칠, 팔, 구, 오, 영
        assert_eq!(eun("S3"), "은");
        assert_eq!(eun("EC2"), "는");
        assert_eq!(euro("1"), "로");
        assert_eq!(eun("1"), "은");
        assert_eq!(i("6"), "이");
        assert_eq!(i("4"), "가");
        assert_eq!(euro("7"), "로");
        assert_eq!(euro("8"), "로");
        assert_eq!(eul("9"), "를");
        assert_eq!(eul("5"), "를");
        assert_eq!(eun("0"), "은");
        // 십, 백, 천, 만 all end in a consonant other than ㄹ
        assert_eq!(euro("10"), "으로");
        assert_eq!(euro("100"), "으로");
        assert_eq!(euro("1,000"), "으로");
        assert_eq!(euro("20000"), "으로");
        assert_eq!(eun("0.5"), "는");
        assert_eq!(eun("2.0"), "은");
        assert_eq!(eun("410624"), "는");
        assert_eq!(eun("3500"), "은");
    }

    #[test]
    fn acronyms_by_letter_names() {
        assert_eq!(eun("RCU"), "는"); // 유
        assert_eq!(eun("IAM"), "은"); // 엠
        assert_eq!(i("SQS"), "가"); // 에스
        assert_eq!(euro("ALB"), "로"); // 비
        assert_eq!(euro("URL"), "로"); // 엘
        assert_eq!(euro("VPN"), "으로"); // 엔
        assert_eq!(eun("DynamoDB"), "는"); // 디비
        assert_eq!(eun("A"), "는");
        assert_eq!(euro("R"), "로"); // 알
    }

    #[test]
    fn words_by_their_usual_hangul_spelling() {
        assert_eq!(eun("Lambda"), "는"); // 람다
        assert_eq!(eun("Cache"), "는"); // 캐시
        assert_eq!(i("Server"), "가"); // 서버
        assert_eq!(euro("Pool"), "로"); // 풀
        assert_eq!(euro("Table"), "로"); // 테이블
        assert_eq!(eun("Stream"), "은"); // 스트림
        assert_eq!(eun("Function"), "은"); // 펑션
        assert_eq!(eun("Zone"), "은"); // 존
        assert_eq!(eul("Stack"), "을"); // 스택
        assert_eq!(eul("Map"), "을"); // 맵
        assert_eq!(eul("Subnet"), "을"); // 서브넷
        assert_eq!(eul("Object"), "를"); // 오브젝트
        assert_eq!(eul("Routing"), "을"); // 라우팅
        assert_eq!(eul("Cloud"), "를"); // 클라우드
        assert_eq!(ieyo("canary"), "예요");
        assert_eq!(ieyo("blue-green"), "이에요");
    }

    #[test]
    fn brackets_and_quotes_are_read_through() {
        assert_eq!(eun("람다 (AWS Lambda)"), "는");
        assert_eq!(eun("버킷(S3 bucket)"), "은");
        assert_eq!(i("`memory`"), "가");
        assert_eq!(i("`Table`"), "이");
        assert_eq!(eul("'ddb-hot-key'"), "를");
        assert_eq!(eun("(S3)"), "은");
        assert_eq!(gwa("`DAX`"), "와");
    }

    #[test]
    fn no_word_takes_the_vowel_form() {
        assert_eq!(ending(""), Ending::Vowel);
        assert_eq!(ending("—"), Ending::Vowel);
        assert_eq!(josa("", Josa::EuroRo), "로");
    }

    #[test]
    fn rieul_takes_ro_but_consonant_forms_otherwise() {
        assert_eq!(ending("규칙"), Ending::Consonant);
        assert_eq!(ending("레벨"), Ending::Rieul);
        assert_eq!(eun("레벨"), "은");
        assert_eq!(euro("레벨"), "로");
    }
}
