//! The swappable part of matching: scattered ("fuzzy") matches of Latin and full-Hangul queries.
//!
//! Contiguous and initial-consonant (초성) matching are ours ([`contiguous`] and
//! [`scattered_initials`]): they need the query-character-to-syllable rule that no fuzzy crate
//! knows. Everything else that is scattered goes through [`Fuzzy`], implemented with
//! fuzzy-matcher's Skim algorithm; another crate can replace it by implementing the trait.

use fuzzy_matcher::FuzzyMatcher as _;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::hangul;
use super::locate::is_alnum;

/// Scattered matching of a pattern in a text.
pub trait Fuzzy: Send + Sync + std::fmt::Debug {
    /// A score (higher is better) and the char indices of `text` that match `pattern`, if every
    /// pattern character occurs in order. Case-insensitive.
    fn fuzzy(&self, text: &str, pattern: &str) -> Option<(i64, Vec<usize>)>;
}

/// fuzzy-matcher's Skim V2 algorithm (the one in the skim and fzf-like tools).
pub struct Skim(SkimMatcherV2);

impl Default for Skim {
    fn default() -> Self {
        Self(SkimMatcherV2::default().ignore_case())
    }
}

impl std::fmt::Debug for Skim {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Skim")
    }
}

impl Fuzzy for Skim {
    fn fuzzy(&self, text: &str, pattern: &str) -> Option<(i64, Vec<usize>)> {
        self.0.fuzzy_indices(text, pattern)
    }
}

/// The best contiguous occurrence of `pat` in `text` (both folded, `pat` without spaces); spaces
/// in the text between matched characters are skipped, so "콜드스타트" finds "콜드 스타트".
///
/// Returns (start, end) char indices and whether the start is at a word boundary.
pub fn contiguous(text: &[char], pat: &[char]) -> Option<(usize, usize, bool)> {
    let first = *pat.first()?;
    // `hangul::matches(first, t)`, unrolled for the loop over every text character.
    let block = hangul::initial_block(first);
    let mut best: Option<(usize, usize, bool)> = None;
    for start in 0..text.len() {
        let t = text[start];
        if t != first && block.is_none_or(|b| (t as u32).wrapping_sub(b) >= 588) {
            continue;
        }
        let Some(end) = match_from(text, start, pat) else {
            continue;
        };
        let boundary = start == 0 || !super::locate::is_alnum(text[start - 1]);
        if best.is_none() || boundary {
            best = Some((start, end, boundary));
        }
        if boundary {
            break;
        }
    }
    best
}

/// Matches `pat` at `text[start..]`; returns the end index.
#[inline]
fn match_from(text: &[char], start: usize, pat: &[char]) -> Option<usize> {
    let mut j = start;
    for (k, &q) in pat.iter().enumerate() {
        if k > 0 {
            while text.get(j) == Some(&' ') {
                j += 1;
            }
        }
        if !hangul::matches(q, *text.get(j)?) {
            return None;
        }
        j += 1;
    }
    Some(j)
}

/// Whether `pat` names exactly `form` (both folded, no spaces) under the 초성 rule.
pub fn names(pat: &[char], form: &[char]) -> bool {
    pat.len() == form.len() && pat.iter().zip(form).all(|(&q, &t)| hangul::matches(q, t))
}

/// Whether `pat` is a prefix of `form` under the 초성 rule.
pub fn prefixes(pat: &[char], form: &[char]) -> bool {
    pat.len() <= form.len() && pat.iter().zip(form).all(|(&q, &t)| hangul::matches(q, t))
}

/// A match of a pattern with initial consonants spread over words, read as an acronym: the
/// pattern characters match the starts of consecutive words, so `ㄹㅎ` finds "람다 함수" but
/// `ㅋㄷ` does not find the 커 and 다 of "커스텀 인증 람다". (Within a word, matches are
/// contiguous; [`contiguous`] handles those.)
pub fn scattered_initials(text: &[char], pat: &[char]) -> Option<(i64, Vec<usize>)> {
    let word_start = |j: usize| is_alnum(text[j]) && (j == 0 || !is_alnum(text[j - 1]));
    let next_word = |mut j: usize| {
        j += 1;
        while j < text.len() && !word_start(j) {
            j += 1;
        }
        j
    };
    let (&first, rest) = pat.split_first()?;
    let mut j = 0;
    while j < text.len() {
        if word_start(j) && hangul::matches(first, text[j]) {
            let mut at = vec![j];
            let mut k = j;
            for &q in rest {
                k = next_word(k);
                if k >= text.len() || !hangul::matches(q, text[k]) {
                    break;
                }
                at.push(k);
            }
            if at.len() == pat.len() {
                return Some((100 - (j as i64 / 4).min(50), at));
            }
        }
        j += 1;
    }
    None
}

/// Whether `pat` occurs in `text` in order (a cheap test before the real fuzzy matcher).
pub fn subsequence(text: &[char], pat: &[char]) -> bool {
    let mut it = text.iter();
    pat.iter().all(|q| it.any(|t| t == q))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn contiguous_skips_spaces_and_prefers_word_starts() {
        let t = chars("콜드 스타트 최소화");
        assert_eq!(contiguous(&t, &chars("ㅋㄷㅅㅌㅌ")), Some((0, 6, true)));
        assert_eq!(contiguous(&t, &chars("ㅋㄷ스타트")), Some((0, 6, true)));
        let t = chars("xlambda lambda");
        assert_eq!(contiguous(&t, &chars("lambda")), Some((8, 14, true)));
        assert_eq!(contiguous(&t, &chars("zz")), None);
    }

    #[test]
    fn scattered_initials_are_word_starts_in_order() {
        let t = chars("람다 함수의 동시성");
        let (_, at) = scattered_initials(&t, &chars("ㄹㅎㄷ")).unwrap();
        assert_eq!(at, vec![0, 3, 7]);
        assert!(scattered_initials(&t, &chars("ㄷㄹ")).is_none());
        // Initials inside words are not an acronym.
        assert!(scattered_initials(&chars("커스텀 인증 람다"), &chars("ㅋㄷ")).is_none());
    }
}
