//! The texts every preset file carries: a Korean title, description and one-line challenge, and
//! optional English ones. One rule for every kind of preset.

/// The first of a preset's texts that cannot be shown, by its field name, if any. The Korean texts
/// must not be blank; an English one may be absent (the UI falls back to Korean) but not blank;
/// challenges are one line, since the screens give them a single row.
pub(crate) fn bad_text(korean: [&str; 3], english: [Option<&str>; 3]) -> Option<&'static str> {
    const KOREAN: [&str; 3] = ["title", "description", "challenge"];
    const ENGLISH: [&str; 3] = ["title_en", "description_en", "challenge_en"];
    let bad = |i: usize, text: &str| text.trim().is_empty() || (i == 2 && text.contains('\n'));
    (0..3)
        .find(|&i| bad(i, korean[i]))
        .map(|i| KOREAN[i])
        .or_else(|| {
            (0..3)
                .find(|&i| english[i].is_some_and(|t| bad(i, t)))
                .map(|i| ENGLISH[i])
        })
}

#[cfg(test)]
mod tests {
    use super::bad_text;

    #[test]
    fn blank_or_multi_line_texts_are_named() {
        let ok = ["제목", "설명", "과제"];
        assert_eq!(bad_text(ok, [None; 3]), None);
        assert_eq!(bad_text(ok, [Some("T"), Some("D"), Some("C")]), None);
        assert_eq!(
            bad_text(["제목", " ", "과제"], [None; 3]),
            Some("description")
        );
        assert_eq!(
            bad_text(["제목", "설명", "한 줄\n두 줄"], [None; 3]),
            Some("challenge")
        );
        assert_eq!(bad_text(ok, [Some(""), None, None]), Some("title_en"));
        assert_eq!(
            bad_text(ok, [None, None, Some("a\nb")]),
            Some("challenge_en")
        );
        // A multi-line description is fine: only challenges are one row.
        assert_eq!(
            bad_text(["제목", "두\n줄", "과제"], [None, Some("a\nb"), None]),
            None
        );
    }
}
