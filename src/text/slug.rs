//! GitHub-style heading anchors, so `[..](#api-게이트웨이)` links written for GitHub work here.
//!
//! The algorithm is github-slugger's: lowercase; keep letters and digits of any script (so
//! Hangul stays), `-`, `_` and spaces; drop everything else; turn each space into `-`. Repeated
//! slugs within one document get `-1`, `-2`, … in order of appearance.

use std::collections::HashMap;

/// The GitHub anchor slug of a heading text (not made unique).
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            // Hangul syllables are letters without case: skip the general Unicode lookups.
            '\u{ac00}'..='\u{d7a3}' | '-' | '_' => out.push(c),
            ' ' => out.push('-'),
            c if c.is_alphanumeric() => out.extend(c.to_lowercase()),
            _ => {}
        }
    }
    out
}

/// Hands out unique slugs for the headings of one document, in order.
#[derive(Debug, Default, Clone)]
pub struct Slugger {
    occurrences: HashMap<String, usize>,
}

impl Slugger {
    /// A slugger that has seen no headings yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// The slug of `text`, suffixed with `-N` if an earlier heading already took it.
    pub fn unique(&mut self, text: &str) -> String {
        let base = slug(text);
        let mut result = base.clone();
        // Same loop as github-slugger: a suffixed slug may itself collide with a real heading.
        while self.occurrences.contains_key(&result) {
            let n = self.occurrences.entry(base.clone()).or_insert(0);
            *n += 1;
            result = format!("{base}-{n}");
        }
        self.occurrences.insert(result.clone(), 0);
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_examples() {
        assert_eq!(slug("API 게이트웨이 : 웹소켓"), "api-게이트웨이--웹소켓");
        assert_eq!(slug("Serverless란"), "serverless란");
        assert_eq!(
            slug("심플 노티피케이션 서비스(SNS)"),
            "심플-노티피케이션-서비스sns"
        );
        assert_eq!(
            slug("Multi AZ( Disaster Recovery )"),
            "multi-az-disaster-recovery-"
        );
        assert_eq!(
            slug("1. Stateful Web App: MyClothes.com"),
            "1-stateful-web-app-myclothescom"
        );
    }

    #[test]
    fn duplicates_are_numbered() {
        let mut s = Slugger::new();
        assert_eq!(s.unique("배포"), "배포");
        assert_eq!(s.unique("배포"), "배포-1");
        assert_eq!(s.unique("배포-1"), "배포-1-1");
        assert_eq!(s.unique("배포"), "배포-2");
    }
}
