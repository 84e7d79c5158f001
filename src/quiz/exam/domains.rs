//! The exam domains by name, in the learner's language.
//!
//! Ids (`saa.secure`) are for files and `--json`; a learner sees the name. The English names
//! are the exam guides' own ([`DOMAINS`]). The Korean names of SAA-C03 follow the wording of
//! AWS's Korean exam guide of the same exam's previous version (SAA-C02: "복원력을 갖춘
//! 아키텍처 설계", "고성능 아키텍처 설계", "비용에 최적화된 아키텍처 설계", "안전한 애플리케이션
//! 및 아키텍처 설계", the last shortened to match SAA-C03's "Design Secure Architectures"). No
//! Korean DVA-C02 guide could be found: its names are our translation (the README says so).

use crate::quiz::format::DOMAINS;
use crate::strings::Lang;

/// Korean domain names by id.
const KOREAN: [(&str, &str); 8] = [
    ("saa.secure", "안전한 아키텍처 설계"),
    ("saa.resilient", "복원력을 갖춘 아키텍처 설계"),
    ("saa.performance", "고성능 아키텍처 설계"),
    ("saa.cost", "비용에 최적화된 아키텍처 설계"),
    ("dva.development", "AWS 서비스를 사용한 개발"),
    ("dva.security", "보안"),
    ("dva.deployment", "배포"),
    ("dva.troubleshooting", "문제 해결 및 최적화"),
];

/// The name of exam domain `id` in `lang`, `None` for an unknown id.
pub fn domain_name(id: &str, lang: Lang) -> Option<&'static str> {
    match lang {
        Lang::Ko => KOREAN.iter().find(|(d, _)| *d == id).map(|(_, n)| *n),
        Lang::En => DOMAINS
            .iter()
            .find(|(d, ..)| *d == id)
            .map(|(_, _, n, _)| *n),
    }
}

/// The name of exam domain `id` in `lang`; an unknown id (a teacher's bank) as written.
pub fn domain_label(id: &str, lang: Lang) -> String {
    domain_name(id, lang).map_or_else(|| id.to_owned(), str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_domain_has_a_name_in_both_languages() {
        for (id, ..) in DOMAINS {
            let ko = domain_name(id, Lang::Ko).expect("Korean name");
            let en = domain_name(id, Lang::En).expect("English name");
            assert!(ko.chars().any(|c| ('가'..='힣').contains(&c)), "{ko}");
            assert!(en.is_ascii() && en != id, "{en}");
        }
        assert_eq!(
            domain_label("saa.cost", Lang::Ko),
            "비용에 최적화된 아키텍처 설계"
        );
        assert_eq!(domain_label("dva.deployment", Lang::En), "Deployment");
        assert_eq!(domain_label("teacher.custom", Lang::Ko), "teacher.custom");
    }
}
