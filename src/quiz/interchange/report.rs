//! The class report: many students' result files merged into four tables.
//!
//! - **Students**: each student's right answers, answers and percent, over all of their
//!   attempts in the input (a student who sat two quizzes is one row), sorted by name.
//! - **Items** (item analysis): per question, how many answered it and the percent right,
//!   hardest first (lowest percent; ties: more attempts first, then id).
//! - **Domains**: per exam domain, the average over students of each student's percent in
//!   that domain, so a student who answered many questions of a domain does not outweigh the
//!   others; also how many students and answers it rests on.
//! - **Misconceptions**: among wrong answers, how often each misconception tag was picked,
//!   top 10. Tags come from the bank's choices (every wrong choice picked counts); for a
//!   question no longer in the bank the result file's `misconception_chosen` is used.
//!
//! A question's domains come from the result file (the bank at the time of the attempt),
//! falling back to the current bank when the file has none.
//!
//! [`Report::to_csv`] writes one CSV text with the four tables one after the other: a
//! `[section]` row, the header row, the data rows, then an empty line, so a spreadsheet shows
//! them stacked and a script can split at the `[...]` rows. [`Report::to_csv_tables`] gives
//! the same tables as separate CSV texts for one file per table. CSV column names are English
//! and stable; the terminal table ([`Report::to_table`]) is in Korean.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use super::results::AttemptResult;
use crate::quiz::bank::Bank;
use crate::text::{fit, width};

/// How many misconceptions the report lists.
pub const TOP_MISCONCEPTIONS: usize = 10;

/// One student's score.
#[derive(Debug, Clone, PartialEq)]
pub struct StudentScore {
    /// Student name.
    pub student: String,
    /// Right answers.
    pub correct: usize,
    /// Answers.
    pub total: usize,
    /// `correct / total` in percent (0 when there are no answers).
    pub percent: f64,
}

/// Item analysis of one question.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemStat {
    /// Question id.
    pub question: String,
    /// Times it was answered.
    pub attempts: usize,
    /// Times it was answered right.
    pub correct: usize,
    /// `correct / attempts` in percent.
    pub percent: f64,
}

/// One exam domain's average.
#[derive(Debug, Clone, PartialEq)]
pub struct DomainStat {
    /// Domain id.
    pub domain: String,
    /// Students who answered at least one question of the domain.
    pub students: usize,
    /// Answers in the domain, all students together.
    pub answers: usize,
    /// Mean over those students of their percent right in the domain.
    pub average_percent: f64,
}

/// How often one misconception was picked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MisconceptionCount {
    /// Misconception tag.
    pub tag: String,
    /// Wrong choices with this tag picked.
    pub count: usize,
}

/// The class report.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Report {
    /// Score per student, by name.
    pub students: Vec<StudentScore>,
    /// Item analysis, hardest first.
    pub items: Vec<ItemStat>,
    /// Per-domain averages, by domain id.
    pub domains: Vec<DomainStat>,
    /// Most frequent misconceptions, most frequent first, at most [`TOP_MISCONCEPTIONS`].
    pub misconceptions: Vec<MisconceptionCount>,
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 * 100.0 / whole as f64
    }
}

/// Merges students' attempts into a class report; `bank` supplies misconception tags.
pub fn report(results: &[AttemptResult], bank: &Bank) -> Report {
    // (correct, total) per student, per question, per (domain, student).
    let mut students: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut items: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut domains: BTreeMap<&str, BTreeMap<&str, (usize, usize)>> = BTreeMap::new();
    let mut misconceptions: BTreeMap<String, usize> = BTreeMap::new();
    for attempt in results {
        for a in &attempt.answers {
            let hit = usize::from(a.correct);
            let s = students.entry(&attempt.student).or_default();
            s.0 += hit;
            s.1 += 1;
            let i = items.entry(&a.question).or_default();
            i.0 += hit;
            i.1 += 1;
            let question = bank.get(&a.question).map(|e| &e.question);
            let answer_domains: Vec<&str> = if a.domains.is_empty() {
                question
                    .map(|q| q.domains.iter().map(String::as_str).collect())
                    .unwrap_or_default()
            } else {
                a.domains.iter().map(String::as_str).collect()
            };
            for d in answer_domains.into_iter().collect::<BTreeSet<_>>() {
                let e = domains
                    .entry(d)
                    .or_default()
                    .entry(&attempt.student)
                    .or_default();
                e.0 += hit;
                e.1 += 1;
            }
            if a.correct {
                continue;
            }
            match question {
                Some(q) => {
                    let right = q.correct_ids();
                    for id in a.chosen.iter().filter(|id| !right.contains(&id.as_str())) {
                        if let Some(tag) = q
                            .choices
                            .iter()
                            .find(|c| &c.id == id)
                            .and_then(|c| c.misconception.as_ref())
                        {
                            *misconceptions.entry(tag.clone()).or_default() += 1;
                        }
                    }
                }
                None => {
                    if let Some(tag) = &a.misconception_chosen {
                        *misconceptions.entry(tag.clone()).or_default() += 1;
                    }
                }
            }
        }
    }

    let mut items: Vec<ItemStat> = items
        .into_iter()
        .map(|(q, (correct, attempts))| ItemStat {
            question: q.to_owned(),
            attempts,
            correct,
            percent: percent(correct, attempts),
        })
        .collect();
    // Compare exact fractions, not rounded percents: c1/a1 < c2/a2  <=>  c1*a2 < c2*a1.
    items.sort_by(|x, y| {
        (x.correct * y.attempts)
            .cmp(&(y.correct * x.attempts))
            .then(y.attempts.cmp(&x.attempts))
            .then_with(|| x.question.cmp(&y.question))
    });
    let mut misconceptions: Vec<MisconceptionCount> = misconceptions
        .into_iter()
        .map(|(tag, count)| MisconceptionCount { tag, count })
        .collect();
    // Stable sort keeps ties in tag order (the map was sorted by tag).
    misconceptions.sort_by_key(|m| std::cmp::Reverse(m.count));
    misconceptions.truncate(TOP_MISCONCEPTIONS);

    Report {
        students: students
            .into_iter()
            .map(|(s, (correct, total))| StudentScore {
                student: s.to_owned(),
                correct,
                total,
                percent: percent(correct, total),
            })
            .collect(),
        items,
        domains: domains
            .into_iter()
            .map(|(d, per_student)| DomainStat {
                domain: d.to_owned(),
                students: per_student.len(),
                answers: per_student.values().map(|v| v.1).sum(),
                average_percent: per_student.values().map(|v| percent(v.0, v.1)).sum::<f64>()
                    / per_student.len().max(1) as f64,
            })
            .collect(),
        misconceptions,
    }
}

/// A table: section name, header row, data rows, which columns are numbers (right-aligned).
struct Table {
    section: &'static str,
    headers: Vec<&'static str>,
    rows: Vec<Vec<String>>,
    numeric: Vec<bool>,
}

fn pct(p: f64) -> String {
    format!("{p:.1}")
}

impl Report {
    fn tables(&self, korean: bool) -> [Table; 4] {
        let h = |en: &'static str, ko: &'static str| if korean { ko } else { en };
        [
            Table {
                section: h("students", TITLE_STUDENTS),
                headers: vec![
                    h("student", "학생"),
                    h("correct", "정답"),
                    h("total", "문항"),
                    h("percent", "점수(%)"),
                ],
                rows: self
                    .students
                    .iter()
                    .map(|s| {
                        vec![
                            s.student.clone(),
                            s.correct.to_string(),
                            s.total.to_string(),
                            pct(s.percent),
                        ]
                    })
                    .collect(),
                numeric: vec![false, true, true, true],
            },
            Table {
                section: h("items", TITLE_ITEMS),
                headers: vec![
                    h("question", "문제"),
                    h("attempts", "응답"),
                    h("correct", "정답"),
                    h("percent_correct", "정답률(%)"),
                ],
                rows: self
                    .items
                    .iter()
                    .map(|i| {
                        vec![
                            i.question.clone(),
                            i.attempts.to_string(),
                            i.correct.to_string(),
                            pct(i.percent),
                        ]
                    })
                    .collect(),
                numeric: vec![false, true, true, true],
            },
            Table {
                section: h("domains", TITLE_DOMAINS),
                headers: vec![
                    h("domain", "영역"),
                    h("students", "학생"),
                    h("answers", "응답"),
                    h("average_percent", "평균(%)"),
                ],
                rows: self
                    .domains
                    .iter()
                    .map(|d| {
                        vec![
                            d.domain.clone(),
                            d.students.to_string(),
                            d.answers.to_string(),
                            pct(d.average_percent),
                        ]
                    })
                    .collect(),
                numeric: vec![false, true, true, true],
            },
            Table {
                section: h("misconceptions", TITLE_MISCONCEPTIONS),
                headers: vec![h("misconception", "오개념"), h("count", "횟수")],
                rows: self
                    .misconceptions
                    .iter()
                    .map(|m| vec![m.tag.clone(), m.count.to_string()])
                    .collect(),
                numeric: vec![false, true],
            },
        ]
    }

    /// The four tables as separate CSV texts: (section name, CSV with a header row).
    pub fn to_csv_tables(&self) -> Vec<(&'static str, String)> {
        self.tables(false)
            .into_iter()
            .map(|t| {
                let mut w = csv::Writer::from_writer(Vec::new());
                // Writing to a Vec cannot fail.
                let _ = w.write_record(&t.headers);
                for row in &t.rows {
                    let _ = w.write_record(row);
                }
                let bytes = w.into_inner().unwrap_or_default();
                (t.section, String::from_utf8(bytes).unwrap_or_default())
            })
            .collect()
    }

    /// All four tables in one CSV text: `[section]` row, header, rows, empty line, each.
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        for (section, csv) in self.to_csv_tables() {
            let _ = writeln!(out, "[{section}]");
            out.push_str(&csv);
            out.push('\n');
        }
        out
    }

    /// The terminal tables for a learner or teacher reading them: questions by a short prompt and
    /// misconceptions by their label in `labels` (ids and tags stay in the CSV and JSON), in
    /// English (`en`) or Korean.
    pub fn to_table_labeled(
        &self,
        width_cells: usize,
        bank: &Bank,
        labels: &BTreeMap<String, crate::quiz::format::Label>,
        en: bool,
    ) -> String {
        let mut tables = self.tables(true);
        if en {
            let english = self.tables(false);
            for (t, e) in tables.iter_mut().zip(english) {
                t.section = match e.section {
                    "students" => "Scores by student",
                    "items" => "Item analysis (hardest first)",
                    "domains" => "Average by exam domain",
                    _ => "Most frequent misconceptions (top 10)",
                };
                t.headers = e.headers;
            }
        }
        let [_, items, _, misconceptions] = &mut tables;
        for (row, stat) in items.rows.iter_mut().zip(&self.items) {
            if let Some(first) = row.first_mut() {
                *first = short_prompt(bank, &stat.question, en);
            }
        }
        for (row, m) in misconceptions.rows.iter_mut().zip(&self.misconceptions) {
            if let (Some(first), Some(label)) = (row.first_mut(), labels.get(&m.tag)) {
                let text = if en { &label.en } else { &label.ko };
                if !text.trim().is_empty() {
                    first.clone_from(text);
                }
            }
        }
        let mut out = String::new();
        for (n, t) in tables.iter().enumerate() {
            if n > 0 {
                out.push('\n');
            }
            render(&mut out, t, width_cells);
        }
        out
    }

    /// The report for the terminal: four titled tables with columns aligned in display cells,
    /// no line wider than `width` (the first column is cut with `…` when needed).
    pub fn to_table(&self, width_cells: usize) -> String {
        let mut out = String::new();
        for (n, t) in self.tables(true).iter().enumerate() {
            if n > 0 {
                out.push('\n');
            }
            render(&mut out, t, width_cells);
        }
        out
    }
}

/// A question as a reader knows it: the first line of its prompt (English in English mode when
/// the question has one), plain text; the id when the bank no longer has it.
fn short_prompt(bank: &Bank, id: &str, en: bool) -> String {
    let Some(entry) = bank.get(id) else {
        return id.to_owned();
    };
    let q = &entry.question;
    let prompt = if en {
        q.prompt_en.as_deref().unwrap_or(&q.prompt)
    } else {
        &q.prompt
    };
    let line = prompt
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or(id);
    let plain: String = crate::text::sanitize(line)
        .chars()
        .filter(|c| !matches!(c, '`' | '*'))
        .collect();
    if plain.is_empty() {
        id.to_owned()
    } else {
        plain
    }
}

/// Space between columns.
const GAP: usize = 2;

fn render(out: &mut String, t: &Table, max: usize) {
    out.push_str(fit(t.section, max).trim_end());
    out.push('\n');
    let mut widths: Vec<usize> = t.headers.iter().map(|h| width(h)).collect();
    for row in &t.rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(cell));
        }
    }
    let total: usize = widths.iter().sum::<usize>() + GAP * widths.len().saturating_sub(1);
    if total > max {
        // The first column (names, ids) gives way; numbers are never cut.
        let others = total - widths[0];
        widths[0] = max.saturating_sub(others).max(1);
    }
    let headers: Vec<String> = t.headers.iter().map(|h| (*h).to_owned()).collect();
    if t.rows.is_empty() {
        line(out, &headers, &widths, &t.numeric, max);
        out.push_str(fit(EMPTY, max).trim_end());
        out.push('\n');
        return;
    }
    line(out, &headers, &widths, &t.numeric, max);
    for row in &t.rows {
        line(out, row, &widths, &t.numeric, max);
    }
}

fn line(out: &mut String, cells: &[String], widths: &[usize], numeric: &[bool], max: usize) {
    let mut s = String::new();
    for (i, (cell, &w)) in cells.iter().zip(widths).enumerate() {
        if i > 0 {
            s.push_str(&" ".repeat(GAP));
        }
        if numeric.get(i).copied().unwrap_or(false) {
            let cut = fit(cell, w);
            let cut = cut.trim_end();
            s.push_str(&" ".repeat(w.saturating_sub(width(cut))));
            s.push_str(cut);
        } else {
            s.push_str(&fit(cell, w));
        }
    }
    // Still too wide only when the numbers alone overflow a tiny terminal: cut the line.
    let s = if width(&s) > max { fit(&s, max) } else { s };
    out.push_str(s.trim_end());
    out.push('\n');
}

/// Terminal title of the students table.
const TITLE_STUDENTS: &str = "학생별 점수";
/// Terminal title of the item analysis.
const TITLE_ITEMS: &str = "문항 분석 (어려운 문제부터)";
/// Terminal title of the domain table.
const TITLE_DOMAINS: &str = "시험 영역별 평균";
/// Terminal title of the misconception table.
const TITLE_MISCONCEPTIONS: &str = "자주 나온 오개념 (상위 10개)";
/// Shown under the header of an empty table.
const EMPTY: &str = "(없음)";
