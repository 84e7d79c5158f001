//! Hangul for search: initial consonants (초성) and query normalisation.
//!
//! A syllable's initial consonant is arithmetic on its code point (U+AC00 + 588 × initial +
//! 28 × medial + final), so nothing is stored per character: a query jamo `ㄹ` matches any
//! syllable whose initial is ㄹ (람, 로, 릭, ...) by computing it on the fly.

use unicode_normalization::UnicodeNormalization;

use crate::lesson::glossary::{fold_char, is_syllable};

/// The 19 initial consonants as compatibility jamo (what a keyboard types), in Unicode order.
const CHOSEONG: [char; 19] = [
    'ㄱ', 'ㄲ', 'ㄴ', 'ㄷ', 'ㄸ', 'ㄹ', 'ㅁ', 'ㅂ', 'ㅃ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅉ', 'ㅊ', 'ㅋ',
    'ㅌ', 'ㅍ', 'ㅎ',
];

/// The initial consonant of a precomposed syllable, as a compatibility jamo.
pub fn choseong(c: char) -> Option<char> {
    is_syllable(c).then(|| CHOSEONG[((c as u32 - 0xAC00) / 588) as usize])
}

/// Which compatibility jamo from ㄱ (U+3131) to ㅎ (U+314E) can start a syllable: not the
/// final-only clusters ㄳ, ㄵ, ㄶ, ㄺ-ㅀ, ㅄ.
const INITIAL: [bool; 30] = {
    let mut t = [false; 30];
    let mut i = 0;
    while i < CHOSEONG.len() {
        t[CHOSEONG[i] as usize - 0x3131] = true;
        i += 1;
    }
    t
};

/// Whether `c` is a compatibility jamo that can start a syllable (ㄱ, ㄲ, ㄴ, ... ㅎ).
#[inline]
pub fn is_initial(c: char) -> bool {
    (c as usize)
        .checked_sub(0x3131)
        .and_then(|i| INITIAL.get(i))
        .copied()
        .unwrap_or(false)
}

/// For an initial consonant `q`, the first code point of the syllables that start with it (they
/// are the 588 from there): `matches(q, t)` is then `t == q` or `t` in that block, a subtraction
/// and a comparison per text character in the search's inner loop.
#[inline]
pub fn initial_block(q: char) -> Option<u32> {
    if !is_initial(q) {
        return None;
    }
    let i = CHOSEONG.iter().position(|&c| c == q)?;
    Some(0xAC00 + 588 * i as u32)
}

/// Whether query character `q` matches text character `t` (both folded): equal, or `q` is an
/// initial consonant and `t` a syllable that starts with it. Called for every character the
/// search looks at, so the common case (a plain character) is one comparison and one range check.
#[inline]
pub fn matches(q: char, t: char) -> bool {
    q == t || (is_initial(q) && choseong(t) == Some(q))
}

/// A query as typed → NFC, lowercased, whitespace collapsed to single spaces, trimmed.
///
/// macOS may deliver decomposed (NFD) Hangul: NFC composes full syllables, and a lone leading
/// jamo (U+1100-U+1112), which NFC leaves alone, becomes the compatibility jamo a Korean keyboard
/// types on other systems.
pub fn normalize_query(query: &str) -> String {
    let mut out = String::with_capacity(query.len());
    let mut space = false;
    for c in query.nfc() {
        if c.is_whitespace() || c.is_control() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        let c = match c {
            '\u{1100}'..='\u{1112}' => CHOSEONG[(c as u32 - 0x1100) as usize],
            c => fold_char(c),
        };
        out.push(c);
    }
    out
}

/// A bit per character class, for rejecting texts that lack a query character before matching.
#[inline]
pub fn bit(c: char) -> u64 {
    // Fibonacci hashing spreads neighbouring code points (consecutive syllables) over the bits.
    1 << ((u64::from(c as u32).wrapping_mul(0x9E37_79B9_7F4A_7C15)) >> 58)
}

/// The mask of a text: every character and every syllable's initial consonant.
pub fn mask(chars: &[char]) -> u64 {
    chars
        .iter()
        .fold(0, |m, &c| m | bit(c) | choseong(c).map_or(0, bit))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_of_syllables() {
        assert_eq!(choseong('람'), Some('ㄹ'));
        assert_eq!(choseong('다'), Some('ㄷ'));
        assert_eq!(choseong('깨'), Some('ㄲ'));
        assert_eq!(choseong('a'), None);
        assert!(matches('ㄹ', '람') && matches('람', '람') && !matches('ㄹ', '다'));
        assert!(is_initial('ㄱ') && is_initial('ㅎ') && !is_initial('ㄳ') && !is_initial('ㅏ'));
        assert!(!is_initial('a') && !is_initial('가'));
    }

    #[test]
    fn the_initials_block_matches_like_matches() {
        let texts = (0xAB00..0xD900).chain(0x3131..0x3164).chain(0x20..0x80);
        let texts: Vec<char> = texts.filter_map(char::from_u32).collect();
        for q in CHOSEONG.iter().copied().chain(['ㄳ', 'ㅏ', 'a', '람']) {
            let block = initial_block(q);
            assert_eq!(block.is_some(), is_initial(q), "{q}");
            for &t in &texts {
                let fast = t == q || block.is_some_and(|b| (t as u32).wrapping_sub(b) < 588);
                assert_eq!(fast, matches(q, t), "{q} {t}");
            }
        }
    }

    #[test]
    fn nfd_queries_become_nfc_and_lone_jamo_compatibility_jamo() {
        let nfd: String = "람다".nfd().collect();
        assert_ne!(nfd, "람다");
        assert_eq!(normalize_query(&nfd), "람다");
        assert_eq!(normalize_query("\u{1105}\u{1103}"), "ㄹㄷ");
        assert_eq!(normalize_query("  Cold\tSTART "), "cold start");
    }
}
