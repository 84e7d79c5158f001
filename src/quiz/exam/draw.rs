//! Drawing an exam's questions from a bank by a blueprint's domain allocation.

use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;

use super::blueprint::{Blueprint, ExamId};
use crate::quiz::bank::Bank;
use crate::quiz::session::Item;

/// One drawn question, in exam order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DrawnItem {
    /// Index into [`Bank::entries`].
    pub entry: usize,
    /// The exam domain this question fills (one, even if it is tagged with several).
    pub domain: &'static str,
    /// Choice indexes (into `question.choices`) in display order.
    pub order: Vec<usize>,
}

impl DrawnItem {
    /// The same question as a practice-session [`Item`], for `session::parse_response`.
    pub fn item(&self) -> Item {
        Item {
            entry: self.entry,
            order: self.order.clone(),
        }
    }
}

/// How one domain's allocation was met.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DomainDraw {
    /// Domain id (`saa.secure`, ...).
    pub domain: &'static str,
    /// Questions the blueprint asks for.
    pub wanted: usize,
    /// Questions in the bank tagged with this domain (some may have gone to another domain).
    pub available: usize,
    /// Questions drawn for it.
    pub got: usize,
}

/// A domain that got fewer questions than the blueprint asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shortfall {
    /// Domain id.
    pub domain: &'static str,
    /// Questions the blueprint asks for.
    pub wanted: usize,
    /// Questions drawn.
    pub got: usize,
}

/// The result of [`draw_exam`]: the questions and how each domain fared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Drawn {
    /// The exam drawn for.
    pub exam: ExamId,
    /// The seed used (stored with the exam so the draw can be reproduced).
    pub seed: u64,
    /// The questions in exam order, domains mixed as on the real exam.
    pub items: Vec<DrawnItem>,
    /// Per domain, in published order: wanted, available, got.
    pub domains: Vec<DomainDraw>,
}

impl Drawn {
    /// The domains that came up short; empty when the full blueprint was drawn.
    pub fn shortfalls(&self) -> Vec<Shortfall> {
        self.domains
            .iter()
            .filter(|d| d.got < d.wanted)
            .map(|d| Shortfall {
                domain: d.domain,
                wanted: d.wanted,
                got: d.got,
            })
            .collect()
    }
}

/// Draws the questions of one exam by `blueprint`, reproducibly from `seed`.
///
/// Each domain gets its allocation from questions tagged with it; a question tagged with two
/// of the exam's domains fills one slot and is never drawn twice. The assignment is a maximum
/// matching, so a shortfall is reported only when no assignment could avoid it, and the
/// missing slots are not given to other domains.
pub fn draw_exam(bank: &Bank, blueprint: &Blueprint, seed: u64) -> Drawn {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let allocation = blueprint.allocation();
    // Candidate lists per domain, shuffled so which questions win is random but seeded.
    let candidates: Vec<Vec<usize>> = allocation
        .iter()
        .map(|&(domain, _)| {
            let mut c: Vec<usize> = bank
                .entries
                .iter()
                .enumerate()
                .filter(|(_, e)| e.question.domains.iter().any(|d| d == domain))
                .map(|(i, _)| i)
                .collect();
            c.shuffle(&mut rng);
            c
        })
        .collect();

    // owner[entry] = the domain (index into `allocation`) the question fills.
    let mut owner: Vec<Option<usize>> = vec![None; bank.entries.len()];
    let mut visited = vec![false; bank.entries.len()];
    for (d, &(_, wanted)) in allocation.iter().enumerate() {
        for _ in 0..wanted {
            visited.fill(false);
            // If no augmenting path exists now, none will for the domain's later slots either.
            if !augment(d, &candidates, &mut owner, &mut visited) {
                break;
            }
        }
    }

    let mut picked: Vec<(usize, usize)> = owner
        .iter()
        .enumerate()
        .filter_map(|(entry, o)| o.map(|d| (entry, d)))
        .collect();
    // The real exam mixes domains; shuffle after matching so order carries no domain pattern.
    picked.shuffle(&mut rng);
    let items = picked
        .into_iter()
        .map(|(entry, d)| {
            let mut order: Vec<usize> = (0..bank.entries[entry].question.choices.len()).collect();
            order.shuffle(&mut rng);
            DrawnItem {
                entry,
                domain: allocation[d].0,
                order,
            }
        })
        .collect::<Vec<_>>();

    let domains = allocation
        .iter()
        .enumerate()
        .map(|(d, &(domain, wanted))| DomainDraw {
            domain,
            wanted,
            available: candidates[d].len(),
            got: owner.iter().filter(|&&o| o == Some(d)).count(),
        })
        .collect();
    Drawn {
        exam: blueprint.exam,
        seed,
        items,
        domains,
    }
}

/// Finds one more question for domain `d`, moving already-assigned questions to other domains
/// along an augmenting path if that frees one up (Kuhn's algorithm with domain capacities).
fn augment(
    d: usize,
    candidates: &[Vec<usize>],
    owner: &mut [Option<usize>],
    visited: &mut [bool],
) -> bool {
    for &q in &candidates[d] {
        if visited[q] {
            continue;
        }
        visited[q] = true;
        // Copy the owner out: the recursive call below borrows `owner` mutably.
        let held = owner[q];
        match held {
            None => {
                owner[q] = Some(d);
                return true;
            }
            // Another domain holds q: let it look for a replacement, then take q over.
            Some(o) if o != d && augment(o, candidates, owner, visited) => {
                owner[q] = Some(d);
                return true;
            }
            Some(_) => {}
        }
    }
    false
}

#[cfg(test)]
pub(crate) mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::quiz::bank::Entry;
    use crate::quiz::format::{Answer, Choice, Kind, Question};

    /// A single-answer question with choices a..d, `a` correct.
    pub(crate) fn question(id: &str, domains: &[&str]) -> Question {
        Question {
            id: id.into(),
            lesson: "test".into(),
            kind: Kind::Single,
            difficulty: 1,
            domains: domains.iter().map(|&d| d.into()).collect(),
            tags: Vec::new(),
            prompt: format!("{id}?"),
            choices: ["a", "b", "c", "d"]
                .iter()
                .map(|&c| Choice {
                    id: c.into(),
                    text: c.into(),
                    why: None,
                    misconception: None,
                    why_en: None,
                })
                .collect(),
            answer: Answer::One("a".into()),
            tolerance: None,
            unit: None,
            explanation: "a".into(),
            prompt_en: None,
            choices_en: None,
            explanation_en: None,
            refs: Vec::new(),
        }
    }

    /// A bank of the given questions.
    pub(crate) fn bank_of(questions: Vec<Question>) -> Bank {
        Bank {
            entries: questions
                .into_iter()
                .enumerate()
                .map(|(i, question)| Entry {
                    question,
                    file: "test.toml".into(),
                    line: i + 1,
                })
                .collect(),
            problems: Vec::new(),
            labels: std::collections::BTreeMap::new(),
        }
    }

    #[test]
    fn a_tiny_bank_reports_shortfalls_and_draws_what_exists() {
        let bank = bank_of(vec![
            question("s1", &["saa.secure"]),
            question("s2", &["saa.secure"]),
            question("r1", &["saa.resilient"]),
            question("d1", &["dva.development"]),
        ]);
        let drawn = draw_exam(&bank, &Blueprint::saa_c03(), 1);
        assert_eq!(drawn.items.len(), 3);
        assert_eq!(
            drawn.shortfalls(),
            vec![
                Shortfall {
                    domain: "saa.secure",
                    wanted: 19,
                    got: 2
                },
                Shortfall {
                    domain: "saa.resilient",
                    wanted: 17,
                    got: 1
                },
                Shortfall {
                    domain: "saa.performance",
                    wanted: 16,
                    got: 0
                },
                Shortfall {
                    domain: "saa.cost",
                    wanted: 13,
                    got: 0
                },
            ]
        );
        // The DVA question never enters a SAA exam.
        assert!(
            drawn
                .items
                .iter()
                .all(|i| bank.entries[i.entry].question.id != "d1")
        );
    }

    #[test]
    fn a_question_with_two_domains_fills_one_slot_and_matching_avoids_false_shortfalls() {
        // secure wants 1 of {both}, resilient wants 1 of {both, r}: only one assignment works
        // for every seed, whichever domain grabs `both` first.
        let bank = bank_of(vec![
            question("both", &["saa.secure", "saa.resilient"]),
            question("r", &["saa.resilient"]),
        ]);
        let bp = Blueprint {
            exam: ExamId::SaaC03,
            count: 2,
            minutes: 10,
            esl_extra_minutes: 0,
        };
        assert_eq!(
            bp.allocation(),
            vec![
                ("saa.secure", 1),
                ("saa.resilient", 1),
                ("saa.performance", 0),
                ("saa.cost", 0)
            ]
        );
        for seed in 0..50 {
            let drawn = draw_exam(&bank, &bp, seed);
            assert!(drawn.shortfalls().is_empty(), "seed {seed}");
            let got: HashSet<(&str, &str)> = drawn
                .items
                .iter()
                .map(|i| (bank.entries[i.entry].question.id.as_str(), i.domain))
                .collect();
            assert_eq!(
                got,
                HashSet::from([("both", "saa.secure"), ("r", "saa.resilient")])
            );
        }
        // Two slots but one question: it is drawn once, for one domain.
        let one = bank_of(vec![question("both", &["saa.secure", "saa.resilient"])]);
        let drawn = draw_exam(&one, &bp, 3);
        assert_eq!(drawn.items.len(), 1);
        assert_eq!(drawn.shortfalls().len(), 1);
    }

    #[test]
    fn the_same_seed_draws_the_same_exam() {
        let bank = crate::quiz::Bank::load(&crate::quiz::BankSource::Embedded);
        let bp = Blueprint::dva_c02();
        let a = draw_exam(&bank, &bp, 9);
        assert_eq!(a, draw_exam(&bank, &bp, 9));
        assert_ne!(a.items, draw_exam(&bank, &bp, 10).items);
    }

    #[test]
    fn no_question_is_drawn_twice_and_choice_orders_are_permutations() {
        let bank = crate::quiz::Bank::load(&crate::quiz::BankSource::Embedded);
        for bp in [Blueprint::saa_c03(), Blueprint::dva_c02()] {
            for seed in 0..20 {
                let drawn = draw_exam(&bank, &bp, seed);
                let entries: HashSet<usize> = drawn.items.iter().map(|i| i.entry).collect();
                assert_eq!(entries.len(), drawn.items.len());
                for item in &drawn.items {
                    let q = &bank.entries[item.entry].question;
                    assert!(q.domains.iter().any(|d| d == item.domain));
                    let mut order = item.order.clone();
                    order.sort_unstable();
                    assert_eq!(order, (0..q.choices.len()).collect::<Vec<_>>());
                }
                for d in &drawn.domains {
                    assert_eq!(
                        drawn.items.iter().filter(|i| i.domain == d.domain).count(),
                        d.got
                    );
                }
            }
        }
    }
}
