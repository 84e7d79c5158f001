//! Exam blueprints: which exam, how many questions, how long, and the split across domains.

use serde::{Deserialize, Serialize};

use crate::quiz::format::DOMAINS;

/// Questions on a real exam (scored and unscored together).
const FULL_COUNT: usize = 65;
/// Minutes on a real exam.
const FULL_MINUTES: u32 = 130;
/// Extra minutes with the ESL (English as a second language) accommodation.
const FULL_ESL_EXTRA: u32 = 30;

/// An exam with a published blueprint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ExamId {
    /// AWS Certified Solutions Architect – Associate.
    #[serde(rename = "saa-c03")]
    SaaC03,
    /// AWS Certified Developer – Associate.
    #[serde(rename = "dva-c02")]
    DvaC02,
}

impl ExamId {
    /// Every exam, in a stable order.
    pub const ALL: [ExamId; 2] = [ExamId::SaaC03, ExamId::DvaC02];

    /// The id used on the command line and in saved files (`saa-c03`).
    pub fn id(self) -> &'static str {
        match self {
            ExamId::SaaC03 => "saa-c03",
            ExamId::DvaC02 => "dva-c02",
        }
    }

    /// The exam code as AWS writes it and as [`DOMAINS`] lists it (`SAA-C03`).
    pub fn code(self) -> &'static str {
        match self {
            ExamId::SaaC03 => "SAA-C03",
            ExamId::DvaC02 => "DVA-C02",
        }
    }

    /// Parses `saa-c03` / `dva-c02` (any case).
    pub fn parse(s: &str) -> Option<ExamId> {
        ExamId::ALL
            .into_iter()
            .find(|e| e.id().eq_ignore_ascii_case(s.trim()))
    }

    /// This exam's domains from [`DOMAINS`]: id, name, weight in percent, in published order.
    pub fn domains(self) -> Vec<(&'static str, &'static str, u8)> {
        DOMAINS
            .iter()
            .filter(|(_, exam, _, _)| *exam == self.code())
            .map(|&(id, _, name, weight)| (id, name, weight))
            .collect()
    }
}

/// How an exam is built: the question count and its split, and the time allowed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Blueprint {
    /// Which exam's domains and weights to follow.
    pub exam: ExamId,
    /// Questions in total.
    pub count: usize,
    /// Minutes without accommodation.
    pub minutes: u32,
    /// Extra minutes with the ESL accommodation.
    pub esl_extra_minutes: u32,
}

impl Blueprint {
    /// The published blueprint of `exam`: 65 questions, 130 minutes, +30 with ESL.
    pub fn full(exam: ExamId) -> Blueprint {
        Blueprint {
            exam,
            count: FULL_COUNT,
            minutes: FULL_MINUTES,
            esl_extra_minutes: FULL_ESL_EXTRA,
        }
    }

    /// The SAA-C03 blueprint.
    pub fn saa_c03() -> Blueprint {
        Blueprint::full(ExamId::SaaC03)
    }

    /// The DVA-C02 blueprint.
    pub fn dva_c02() -> Blueprint {
        Blueprint::full(ExamId::DvaC02)
    }

    /// A short mock of the same exam (`--count N --minutes M`), still split by its weights.
    ///
    /// The ESL extra time is scaled like the real one (30 of 130 minutes), rounded up, so a
    /// 20-minute mock gets 5 extra minutes rather than a disproportionate 30.
    #[must_use]
    pub fn custom(&self, count: usize, minutes: u32) -> Blueprint {
        let extra =
            (u64::from(minutes) * u64::from(FULL_ESL_EXTRA)).div_ceil(u64::from(FULL_MINUTES));
        Blueprint {
            exam: self.exam,
            count,
            minutes,
            esl_extra_minutes: u32::try_from(extra).unwrap_or(u32::MAX),
        }
    }

    /// Minutes allowed, with or without the ESL accommodation.
    pub fn total_minutes(&self, esl: bool) -> u32 {
        if esl {
            self.minutes.saturating_add(self.esl_extra_minutes)
        } else {
            self.minutes
        }
    }

    /// How many questions each domain gets: `(domain id, count)` in published order.
    ///
    /// Largest-remainder (Hamilton) rounding: every domain gets the floor of its exact share,
    /// and the seats left over go to the largest fractional parts (ties to the earlier, i.e.
    /// heavier, domain), so the counts sum to exactly [`Blueprint::count`].
    pub fn allocation(&self) -> Vec<(&'static str, usize)> {
        let domains = self.exam.domains();
        let weights: Vec<u8> = domains.iter().map(|d| d.2).collect();
        domains
            .iter()
            .map(|d| d.0)
            .zip(largest_remainder(self.count, &weights))
            .collect()
    }
}

/// Splits `count` in proportion to `weights` so the parts sum to exactly `count`.
fn largest_remainder(count: usize, weights: &[u8]) -> Vec<usize> {
    let total: usize = weights.iter().map(|&w| usize::from(w)).sum();
    if total == 0 {
        return vec![0; weights.len()];
    }
    // Integer arithmetic: the exact share is count * w / total, kept as quotient and remainder
    // so remainders compare exactly (no floating-point ties broken by rounding noise).
    let mut parts: Vec<usize> = Vec::with_capacity(weights.len());
    let mut remainders: Vec<(usize, usize)> = Vec::with_capacity(weights.len());
    for (i, &w) in weights.iter().enumerate() {
        let exact = count.saturating_mul(usize::from(w));
        parts.push(exact / total);
        remainders.push((exact % total, i));
    }
    let left = count.saturating_sub(parts.iter().sum());
    // Largest remainder first; on a tie the earlier domain wins (stable sort keeps index order).
    remainders.sort_by_key(|r| std::cmp::Reverse(r.0));
    for &(_, i) in remainders.iter().take(left) {
        parts[i] += 1;
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_published_blueprints_split_65_by_largest_remainder() {
        // SAA-C03 30/26/24/20 % of 65 = 19.5, 16.9, 15.6, 13.0: floors 19+16+15+13 = 63, the
        // two seats left go to .9 (resilient) and .6 (performance). (20/17/16/13 would be 66.)
        assert_eq!(
            Blueprint::saa_c03().allocation(),
            vec![
                ("saa.secure", 19),
                ("saa.resilient", 17),
                ("saa.performance", 16),
                ("saa.cost", 13)
            ]
        );
        // DVA-C02 32/26/24/18 % of 65 = 20.8, 16.9, 15.6, 11.7: floors 62, three seats left go
        // to .9, .8 and .7.
        assert_eq!(
            Blueprint::dva_c02().allocation(),
            vec![
                ("dva.development", 21),
                ("dva.security", 17),
                ("dva.deployment", 15),
                ("dva.troubleshooting", 12)
            ]
        );
    }

    #[test]
    fn every_allocation_sums_exactly_and_stays_within_one_of_the_exact_share() {
        for exam in ExamId::ALL {
            for count in 0..=200 {
                let bp = Blueprint::full(exam).custom(count, 10);
                let alloc = bp.allocation();
                assert_eq!(
                    alloc.iter().map(|a| a.1).sum::<usize>(),
                    count,
                    "{exam:?} {count}"
                );
                for ((_, got), (_, _, w)) in alloc.iter().zip(exam.domains()) {
                    let exact = count as f64 * f64::from(w) / 100.0;
                    assert!(
                        (*got as f64 - exact).abs() < 1.0,
                        "{exam:?} {count}: {got} vs {exact}"
                    );
                }
            }
        }
    }

    #[test]
    fn ties_go_to_the_heavier_domain() {
        // 2 of 50/50: one each; 1 of 50/50: the first.
        assert_eq!(largest_remainder(1, &[50, 50]), vec![1, 0]);
        assert_eq!(largest_remainder(2, &[50, 50]), vec![1, 1]);
        assert_eq!(largest_remainder(3, &[0, 0]), vec![0, 0]);
    }

    #[test]
    fn minutes_and_esl() {
        let bp = Blueprint::saa_c03();
        assert_eq!(
            (bp.count, bp.total_minutes(false), bp.total_minutes(true)),
            (65, 130, 160)
        );
        let mock = bp.custom(10, 20);
        assert_eq!(
            (
                mock.count,
                mock.total_minutes(false),
                mock.total_minutes(true)
            ),
            (10, 20, 25)
        );
        assert_eq!(mock.exam, ExamId::SaaC03);
        assert_eq!(ExamId::parse("DVA-C02"), Some(ExamId::DvaC02));
        assert_eq!(ExamId::parse("clf-c02"), None);
        assert_eq!(ExamId::SaaC03.domains().len(), 4);
    }
}
