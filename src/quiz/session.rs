//! A practice session: which questions, in which order, with which choice order, and grading.
//!
//! Everything random comes from one seed, so a class given the same `--seed` sees the same
//! questions in the same order with the same choice order. Answers are graded by choice id,
//! never by position.

use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;

use super::bank::Bank;
use super::format::{Answer, Kind, Question};

/// Which questions to draw.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Only questions of this lesson (id, without anchor).
    pub lesson: Option<String>,
    /// Only questions of these lessons (e.g. a course), when not empty.
    pub lessons: Vec<String>,
    /// Only questions with this tag.
    pub tag: Option<String>,
    /// Only questions in this exam domain.
    pub domain: Option<String>,
    /// Only questions anchored to one of these sections (`lesson#anchor`), when not empty.
    pub anchors: Vec<String>,
}

impl Filter {
    /// How many questions of `bank` match.
    pub fn count(&self, bank: &Bank) -> usize {
        bank.entries
            .iter()
            .filter(|e| self.keeps(&e.question))
            .count()
    }

    fn keeps(&self, q: &Question) -> bool {
        self.lesson.as_deref().is_none_or(|l| q.lesson_id() == l)
            && (self.lessons.is_empty() || self.lessons.iter().any(|l| l == q.lesson_id()))
            && self
                .tag
                .as_deref()
                .is_none_or(|t| q.tags.iter().any(|x| x == t))
            && self
                .domain
                .as_deref()
                .is_none_or(|d| q.domains.iter().any(|x| x == d))
            && (self.anchors.is_empty()
                || q.anchor()
                    .is_some_and(|a| self.anchors.iter().any(|x| x == a)))
    }
}

/// One question as presented: the choice order is fixed for the session.
#[derive(Debug, Clone)]
pub struct Item {
    /// Index into [`Bank::entries`].
    pub entry: usize,
    /// Choice indexes (into `question.choices`) in display order.
    pub order: Vec<usize>,
}

/// The learner's response.
#[derive(Debug, Clone, PartialEq)]
pub enum Response {
    /// Chosen choice ids.
    Choices(Vec<String>),
    /// A number.
    Number(f64),
}

/// Draws up to `count` questions matching `filter`, shuffled by `seed`.
pub fn draw(bank: &Bank, filter: &Filter, count: usize, seed: u64) -> Vec<Item> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut picked: Vec<usize> = bank
        .entries
        .iter()
        .enumerate()
        .filter(|(_, e)| filter.keeps(&e.question))
        .map(|(i, _)| i)
        .collect();
    picked.shuffle(&mut rng);
    picked.truncate(count);
    picked
        .into_iter()
        .map(|entry| {
            let mut order: Vec<usize> = (0..bank.entries[entry].question.choices.len()).collect();
            order.shuffle(&mut rng);
            Item { entry, order }
        })
        .collect()
}

/// The questions with these ids (unknown ids skipped), in that order, choices shuffled by `seed`.
pub fn draw_ids(bank: &Bank, ids: &[String], seed: u64) -> Vec<Item> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    ids.iter()
        .filter_map(|id| bank.entries.iter().position(|e| &e.question.id == id))
        .map(|entry| {
            let mut order: Vec<usize> = (0..bank.entries[entry].question.choices.len()).collect();
            order.shuffle(&mut rng);
            Item { entry, order }
        })
        .collect()
}

/// Whether `response` answers `question` correctly.
pub fn grade(question: &Question, response: &Response) -> bool {
    match (&question.answer, response) {
        (Answer::Number(want), Response::Number(got)) => {
            (want - got).abs() <= question.tolerance.unwrap_or(0.0) + 1e-9
        }
        (Answer::One(_) | Answer::Many(_), Response::Choices(chosen)) => {
            let mut want: Vec<&str> = question.correct_ids();
            let mut got: Vec<&str> = chosen.iter().map(String::as_str).collect();
            want.sort_unstable();
            got.sort_unstable();
            got.dedup();
            want == got
        }
        _ => false,
    }
}

/// Parses typed input for an item: "2", "1,3", "1 3" (display numbers) or a number for numeric.
pub fn parse_response(question: &Question, item: &Item, input: &str) -> Option<Response> {
    let input = input.trim();
    if question.kind == Kind::Numeric {
        return input.replace(',', "").parse().ok().map(Response::Number);
    }
    let mut ids = Vec::new();
    for part in input
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|p| !p.is_empty())
    {
        let n: usize = part.parse().ok()?;
        let index = *item.order.get(n.checked_sub(1)?)?;
        ids.push(question.choices[index].id.clone());
    }
    ids.sort();
    ids.dedup();
    // Like the exam: a `multiple` question takes exactly as many choices as it asks for.
    let want = if question.kind == Kind::Multiple {
        question.correct_ids().len()
    } else {
        1
    };
    (ids.len() == want).then_some(Response::Choices(ids))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::BankSource;

    fn bank() -> Bank {
        Bank::load(&BankSource::Embedded)
    }

    #[test]
    fn the_same_seed_draws_the_same_questions_in_the_same_order() {
        let b = bank();
        let a = draw(&b, &Filter::default(), 10, 42);
        let again = draw(&b, &Filter::default(), 10, 42);
        let other = draw(&b, &Filter::default(), 10, 43);
        let ids = |v: &[Item]| {
            v.iter()
                .map(|i| (i.entry, i.order.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&a), ids(&again));
        assert_ne!(ids(&a), ids(&other));
        assert_eq!(a.len(), 10);
    }

    #[test]
    fn filters_keep_only_matching_questions() {
        let b = bank();
        let f = Filter {
            lesson: Some("udemy-rds".into()),
            ..Filter::default()
        };
        let items = draw(&b, &f, 1000, 1);
        assert!(!items.is_empty());
        assert!(
            items
                .iter()
                .all(|i| b.entries[i.entry].question.lesson_id() == "udemy-rds")
        );
    }

    #[test]
    fn grading_uses_choice_ids_not_positions() {
        let b = bank();
        for item in draw(&b, &Filter::default(), 1000, 7) {
            let q = &b.entries[item.entry].question;
            if q.kind == Kind::Numeric {
                let Answer::Number(n) = q.answer else {
                    panic!("{}", q.id)
                };
                assert!(grade(q, &Response::Number(n)));
                assert!(!grade(q, &Response::Number(n + 1000.0)));
                continue;
            }
            // Type the display numbers of the correct choices, whatever the shuffle did.
            let numbers: Vec<String> = q
                .correct_ids()
                .iter()
                .map(|id| {
                    let index = q.choices.iter().position(|c| c.id == *id).unwrap();
                    (item.order.iter().position(|&o| o == index).unwrap() + 1).to_string()
                })
                .collect();
            let response = parse_response(q, &item, &numbers.join(",")).expect(&q.id);
            assert!(grade(q, &response), "{}", q.id);
            // Swap one correct choice for a wrong one: same count, wrong answer.
            let wrong = (1..=q.choices.len())
                .map(|n| n.to_string())
                .find(|n| !numbers.contains(n))
                .unwrap();
            let mut swapped = numbers.clone();
            swapped[0] = wrong;
            let response = parse_response(q, &item, &swapped.join(",")).unwrap();
            assert!(!grade(q, &response), "{}", q.id);
            if q.kind == Kind::Multiple {
                assert!(
                    parse_response(q, &item, &numbers[0]).is_none(),
                    "{}: too few choices",
                    q.id
                );
            }
        }
    }
}
