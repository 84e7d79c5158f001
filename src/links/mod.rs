//! Links between lessons, questions and simulations: the reader's current section (its
//! questions and its simulation), the lessons that explain a simulation, the simulations the
//! learner has run, and the home screen's "다음에 할 일" (next steps).
//!
//! Sections are found by heading nesting: a section is a heading and every heading under it,
//! so the questions of a section include those anchored to its sub-sections.

pub mod glossary;

use crate::lesson::Library;
use crate::lesson::styled::Heading;
use crate::quiz::Bank;
use crate::quiz::session::Filter;
use crate::sims::{self, Preset};
use crate::store::Progress;

/// The reader's current section and where it leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionLinks {
    /// Title of the section `P` practises: the current one, or the nearest enclosing section
    /// that has questions.
    pub title: String,
    /// Anchors of that section and its sub-sections.
    pub anchors: Vec<String>,
    /// Questions anchored to those sections.
    pub questions: usize,
    /// The simulation `s` opens from the current section (index into the presets).
    pub sim: Option<usize>,
}

impl SectionLinks {
    /// The practice filter of the section's questions in lesson `lesson_id`.
    pub fn filter(&self, lesson_id: &str) -> Filter {
        Filter {
            lesson: Some(lesson_id.to_owned()),
            anchors: self.anchors.clone(),
            ..Filter::default()
        }
    }
}

/// Anchors of heading `i` and of the headings nested under it.
pub fn subtree(headings: &[Heading], i: usize) -> Vec<String> {
    let Some(h) = headings.get(i) else {
        return Vec::new();
    };
    let mut out = vec![h.anchor.clone()];
    out.extend(
        headings
            .iter()
            .skip(i + 1)
            .take_while(|x| x.level > h.level)
            .map(|x| x.anchor.clone()),
    );
    out
}

/// The heading that directly encloses heading `i`, if any.
fn parent(headings: &[Heading], i: usize) -> Option<usize> {
    let level = headings.get(i)?.level;
    headings.iter().take(i).rposition(|h| h.level < level)
}

/// Questions of `bank` in lesson `lesson_id` anchored to one of `anchors`.
pub fn count_questions(bank: &Bank, lesson_id: &str, anchors: &[String]) -> usize {
    bank.entries
        .iter()
        .filter(|e| {
            e.question.lesson_id() == lesson_id
                && e.question
                    .anchor()
                    .is_some_and(|a| anchors.iter().any(|x| x == a))
        })
        .count()
}

/// Links of the section containing heading `current` of a lesson (`None` without headings).
pub fn section_links(
    headings: &[Heading],
    current: Option<usize>,
    lesson_id: &str,
    tags: &[String],
    bank: Option<&Bank>,
    presets: &[Preset],
) -> Option<SectionLinks> {
    let current = current?;
    let heading = headings.get(current)?;
    let mut at = Some(current);
    let mut found = None;
    while let Some(i) = at {
        let anchors = subtree(headings, i);
        let n = bank.map_or(0, |b| count_questions(b, lesson_id, &anchors));
        if n > 0 {
            found = Some((i, anchors, n));
            break;
        }
        at = parent(headings, i);
    }
    let (i, anchors, questions) = found.unwrap_or_else(|| (current, subtree(headings, current), 0));
    Some(SectionLinks {
        title: headings[i].title.clone(),
        anchors,
        questions,
        sim: sims::preset_for(&heading.title, tags, presets),
    })
}

/// A place in a lesson that explains a simulation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LessonLink {
    /// Index into [`Library::lessons`].
    pub lesson: usize,
    /// The section, or `None` for the lesson as a whole.
    pub anchor: Option<String>,
    /// The section's title (`None` for the whole lesson).
    pub section: Option<String>,
}

/// The lessons that explain simulation `index`: the sections whose headings lead to it (in
/// lessons about its topic), then the other lessons about its topic.
pub fn lessons_for(library: &Library, presets: &[Preset], index: usize) -> Vec<LessonLink> {
    let Some(preset) = presets.get(index) else {
        return Vec::new();
    };
    let topic = preset.topic();
    let mut sections = Vec::new();
    let mut whole = Vec::new();
    for (li, lesson) in library.lessons.iter().enumerate() {
        if !lesson.meta.tags.iter().any(|t| t == topic) {
            continue;
        }
        let before = sections.len();
        for (title, anchor) in crate::lesson::render::titled_anchors(&lesson.body) {
            if sims::preset_for(&title, &[], presets) == Some(index) {
                sections.push(LessonLink {
                    lesson: li,
                    anchor: Some(anchor),
                    section: Some(title),
                });
            }
        }
        if sections.len() == before {
            whole.push(LessonLink {
                lesson: li,
                anchor: None,
                section: None,
            });
        }
    }
    sections.extend(whole);
    sections
}

/// Ids of the simulations run at least once.
pub fn tried_sims(progress: &Progress) -> Vec<String> {
    progress.tried_sims.iter().cloned().collect()
}

/// One entry of the home screen's "다음에 할 일".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Continue (or start) reading this lesson.
    Resume {
        /// Index into [`Library::lessons`].
        lesson: usize,
        /// How much of it was seen.
        percent: u8,
        /// Something was read before (else: "start here").
        started: bool,
    },
    /// Review the questions that are due.
    Review(usize),
    /// A simulation about the last lesson that was never run (index into the presets).
    TrySim(usize),
}

/// The presets related to lesson `li`: those its section headings lead to, in order, then
/// those of its tags.
pub fn presets_for_lesson(library: &Library, presets: &[Preset], li: usize) -> Vec<usize> {
    let Some(lesson) = library.lessons.get(li) else {
        return Vec::new();
    };
    let tags = &lesson.meta.tags;
    let mut out: Vec<usize> = Vec::new();
    for (title, _) in crate::lesson::render::titled_anchors(&lesson.body) {
        if let Some(i) = sims::preset_for(&title, tags, presets)
            && !out.contains(&i)
        {
            out.push(i);
        }
    }
    for (i, p) in presets.iter().enumerate() {
        if tags.iter().any(|t| t == p.topic()) && !out.contains(&i) {
            out.push(i);
        }
    }
    out
}

/// The next steps: continue reading, reviews due (when any), and an untried simulation
/// related to the lesson read last (when there is one).
pub fn next_steps(
    library: &Library,
    progress: &Progress,
    resume: Option<usize>,
    due: usize,
    presets: &[Preset],
) -> Vec<Step> {
    let mut steps = Vec::new();
    if let Some(li) = resume {
        let percent = library
            .lessons
            .get(li)
            .and_then(|l| progress.lessons.get(&l.meta.id))
            .map_or(0, |p| p.percent);
        steps.push(Step::Resume {
            lesson: li,
            percent,
            started: progress.last_lesson.is_some(),
        });
    }
    if due > 0 {
        steps.push(Step::Review(due));
    }
    let last = progress
        .last_lesson
        .as_deref()
        .and_then(|id| library.lesson_index(id));
    if let Some(li) = last {
        let tried = tried_sims(progress);
        let untried = presets_for_lesson(library, presets, li)
            .into_iter()
            .find(|&i| !tried.iter().any(|t| t == presets[i].id()));
        if let Some(i) = untried {
            steps.push(Step::TrySim(i));
        }
    }
    steps
}

/// A short list to pick from, shown over a screen (the lessons of a simulation).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    /// The choices.
    pub items: Vec<LessonLink>,
    /// The highlighted one.
    pub selected: usize,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::ContentSource;

    fn heading(level: u8, anchor: &str) -> Heading {
        Heading {
            level,
            number: String::new(),
            title: anchor.to_owned(),
            anchor: anchor.to_owned(),
            line: 0,
            source_line: 0,
        }
    }

    #[test]
    fn a_section_is_its_heading_and_the_headings_under_it() {
        let hs = [
            heading(1, "top"),
            heading(2, "a"),
            heading(3, "a1"),
            heading(3, "a2"),
            heading(2, "b"),
            heading(4, "b1"),
            heading(2, "c"),
        ];
        assert_eq!(subtree(&hs, 1), ["a", "a1", "a2"]);
        assert_eq!(subtree(&hs, 2), ["a1"]);
        assert_eq!(subtree(&hs, 4), ["b", "b1"]);
        assert_eq!(subtree(&hs, 6), ["c"]);
        assert_eq!(subtree(&hs, 0).len(), 7);
        assert!(subtree(&hs, 9).is_empty());
        assert_eq!(parent(&hs, 3), Some(1));
        assert_eq!(parent(&hs, 5), Some(4));
        assert_eq!(parent(&hs, 0), None);
    }

    #[test]
    fn a_cold_start_simulation_is_explained_by_the_cold_start_sections() {
        let lib = Library::load(&ContentSource::Embedded);
        let presets = sims::all_presets();
        let cold = presets
            .iter()
            .position(|p| p.id() == "lambda-cold-start")
            .unwrap();
        let links = lessons_for(&lib, &presets, cold);
        assert!(!links.is_empty());
        // Sections first, each in a Lambda lesson and with "콜드"/"cold" in its title.
        let first = &links[0];
        let title = first.section.as_deref().unwrap();
        assert!(
            title.contains("콜드") || title.to_lowercase().contains("cold"),
            "{title}"
        );
        for l in &links {
            assert!(
                lib.lessons[l.lesson]
                    .meta
                    .tags
                    .iter()
                    .any(|t| t == "lambda")
            );
            if let Some(a) = &l.anchor {
                let anchors = crate::lesson::render::anchors(&lib.lessons[l.lesson].body);
                assert!(anchors.contains(a), "{a} exists");
            }
        }
        // No RDS lesson explains a Lambda simulation.
        let rds = lib.lesson_index("udemy-rds").unwrap();
        assert!(links.iter().all(|l| l.lesson != rds));
    }

    #[test]
    fn next_steps_offer_reading_reviews_and_an_untried_related_simulation() {
        let lib = Library::load(&ContentSource::Embedded);
        let presets = sims::all_presets();
        let fresh = next_steps(&lib, &Progress::default(), Some(0), 0, &presets);
        assert_eq!(
            fresh,
            [Step::Resume {
                lesson: 0,
                percent: 0,
                started: false
            }],
            "nothing read: only where to start"
        );
        let mut p = Progress {
            last_lesson: Some("developing-lambda".into()),
            ..Progress::default()
        };
        let li = lib.lesson_index("developing-lambda").unwrap();
        let steps = next_steps(&lib, &p, Some(li), 4, &presets);
        assert_eq!(steps.len(), 3, "{steps:?}");
        assert_eq!(steps[1], Step::Review(4));
        let Step::TrySim(first) = steps[2] else {
            panic!("{steps:?}")
        };
        assert_eq!(presets[first].topic(), "lambda");
        // Once run, the next untried one is offered; when all are run, none.
        p.tried_sims.insert(presets[first].id().to_owned());
        let after = next_steps(&lib, &p, Some(li), 0, &presets);
        assert!(!after.contains(&Step::TrySim(first)), "{after:?}");
        for i in presets_for_lesson(&lib, &presets, li) {
            p.tried_sims.insert(presets[i].id().to_owned());
        }
        let done = next_steps(&lib, &p, Some(li), 0, &presets);
        assert!(
            !done.iter().any(|s| matches!(s, Step::TrySim(_))),
            "{done:?}"
        );
    }
}
