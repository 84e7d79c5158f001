//! Every piece of UI text, in Korean and English.
//!
//! Korean is the default; UI text uses concise 해요체. Keeping every string here (rather than
//! inline at the call sites) makes the English switch complete and reviewable in one place.

/// The UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// 한국어 (default).
    #[default]
    Ko,
    /// English.
    En,
}

impl Lang {
    /// Parses a language code such as `ko`, `en`, `ko-KR`.
    pub fn parse(code: &str) -> Option<Self> {
        let code = code.trim().to_ascii_lowercase();
        if code.starts_with("ko") {
            Some(Self::Ko)
        } else if code.starts_with("en") {
            Some(Self::En)
        } else {
            None
        }
    }

    /// The code stored in settings.
    pub fn code(self) -> &'static str {
        match self {
            Self::Ko => "ko",
            Self::En => "en",
        }
    }

    /// The other language.
    #[must_use]
    pub fn toggled(self) -> Self {
        match self {
            Self::Ko => Self::En,
            Self::En => Self::Ko,
        }
    }

    /// Picks the Korean or English text.
    pub fn pick(self, ko: &'static str, en: &'static str) -> &'static str {
        match self {
            Self::Ko => ko,
            Self::En => en,
        }
    }
}

/// The UI strings of one language.
#[derive(Debug, Clone, Copy)]
pub struct Strings {
    /// Which language these are.
    pub lang: Lang,
}

impl Strings {
    /// Strings for `lang`.
    pub fn new(lang: Lang) -> Self {
        Self { lang }
    }

    fn p(self, ko: &'static str, en: &'static str) -> &'static str {
        self.lang.pick(ko, en)
    }

    /// App name shown in the title bar.
    pub fn app_title(self) -> &'static str {
        self.p("구름 · AWS 학습 노트", "gureum · AWS study notes")
    }
    /// Title of the lesson list panel.
    pub fn lessons_panel(self) -> &'static str {
        self.p("레슨", "Lessons")
    }
    /// Title of the details panel on the home screen.
    pub fn details_panel(self) -> &'static str {
        self.p("정보", "Details")
    }
    /// Label of the resume entry.
    pub fn resume(self) -> &'static str {
        self.p("이어 읽기", "Continue reading")
    }
    /// Shown when nothing has been read yet.
    pub fn start_here(self) -> &'static str {
        self.p("처음부터 읽기", "Start reading")
    }
    /// Overall progress, e.g. "읽음 3/20".
    pub fn read_count(self, read: usize, total: usize) -> String {
        match self.lang {
            Lang::Ko => format!("읽음 {read}/{total}"),
            Lang::En => format!("Read {read}/{total}"),
        }
    }
    /// A course's lesson count.
    pub fn lesson_count(self, n: usize) -> String {
        match self.lang {
            Lang::Ko => format!("레슨 {n}개"),
            Lang::En => format!("{n} lessons"),
        }
    }
    /// State of a lesson in the details panel.
    pub fn lesson_state(self, read: bool, percent: u8) -> String {
        match (self.lang, read, percent) {
            (Lang::Ko, true, _) => "다 읽었어요".into(),
            (Lang::Ko, false, 0) => "아직 안 읽었어요".into(),
            (Lang::Ko, false, p) => format!("{p}% 읽었어요"),
            (Lang::En, true, _) => "Read".into(),
            (Lang::En, false, 0) => "Not started".into(),
            (Lang::En, false, p) => format!("{p}% read"),
        }
    }
    /// Label before a lesson's tags.
    pub fn tags(self) -> &'static str {
        self.p("태그", "Tags")
    }
    /// Label before a lesson's source note.
    pub fn source(self) -> &'static str {
        self.p("원본 노트", "Source note")
    }
    /// Label before related lessons.
    pub fn related(self) -> &'static str {
        self.p("관련 레슨", "Related lessons")
    }
    /// Title of the table-of-contents panel.
    pub fn toc(self) -> &'static str {
        self.p("목차", "Contents")
    }
    /// Placeholder label for images (the files are not shipped).
    pub fn image_label(self) -> &'static str {
        self.p("그림", "image")
    }
    /// Labels of "notes vs now" callouts.
    pub fn callout_labels(self) -> crate::lesson::callout::CalloutLabels {
        crate::lesson::callout::CalloutLabels {
            title: self.p("노트 이후 바뀐 점", "Changed since the note"),
            correction: self.p("노트 바로잡기", "Correction to the note"),
            changed: self.p("변경", "changed"),
            source: self.p("출처", "source"),
            english: self.lang == Lang::En,
        }
    }
    /// Prompt of the in-lesson search box.
    pub fn search_prompt(self) -> &'static str {
        self.p("검색", "Search")
    }
    /// Search result count, e.g. "3/12".
    pub fn match_count(self, current: usize, total: usize) -> String {
        match self.lang {
            Lang::Ko => format!("{current}/{total}개 일치"),
            Lang::En => format!("{current}/{total} matches"),
        }
    }
    /// Search found nothing.
    pub fn no_match(self) -> &'static str {
        self.p("일치하는 곳이 없어요", "No matches")
    }
    /// Status when the lesson's end is reached the first time.
    pub fn marked_read(self) -> &'static str {
        self.p(
            "끝까지 읽었어요. 읽음으로 표시했어요",
            "Reached the end: marked as read",
        )
    }
    /// There is no next lesson.
    pub fn last_lesson(self) -> &'static str {
        self.p("마지막 레슨이에요", "This is the last lesson")
    }
    /// There is no previous lesson.
    pub fn first_lesson(self) -> &'static str {
        self.p("첫 레슨이에요", "This is the first lesson")
    }
    /// Title of the help overlay.
    pub fn help_title(self) -> &'static str {
        self.p("도움말 · 키", "Help · keys")
    }
    /// Footer of the help overlay.
    pub fn help_close(self) -> &'static str {
        self.p("Esc나 ?를 누르면 닫혀요", "Press Esc or ? to close")
    }
    /// The terminal is below the minimum size.
    pub fn too_small(self, w: u16, h: u16) -> String {
        match self.lang {
            Lang::Ko => format!("창이 너무 작아요 (최소 {w}×{h})"),
            Lang::En => format!("Window too small (min {w}×{h})"),
        }
    }
    /// Shown when the content has no lessons at all.
    pub fn no_lessons(self) -> &'static str {
        self.p(
            "레슨이 없어요. gureum check로 콘텐츠를 확인해 보세요",
            "No lessons. Run `gureum check` to see what is wrong",
        )
    }
    /// Status line shown when some content files could not be loaded.
    pub fn content_problems(self, n: usize) -> String {
        match self.lang {
            Lang::Ko => format!("콘텐츠 파일 {n}개를 읽지 못했어요 (gureum check로 확인)"),
            Lang::En => format!("{n} content file(s) failed to load (see `gureum check`)"),
        }
    }
    /// Status after switching the language.
    pub fn lang_switched(self) -> &'static str {
        self.p("한국어로 바꿨어요", "Switched to English")
    }
    /// Status when saving progress failed.
    pub fn save_failed(self, err: &str) -> String {
        match self.lang {
            Lang::Ko => format!("진도를 저장하지 못했어요: {err}"),
            Lang::En => format!("Could not save progress: {err}"),
        }
    }
    /// Group names in the help overlay.
    pub fn group(self, g: super::keymap::Context) -> &'static str {
        use super::keymap::Context;
        match g {
            Context::Global => self.p("어디서나", "Everywhere"),
            Context::Home => self.p("홈", "Home"),
            Context::Reader => self.p("레슨 읽기", "Reader"),
            Context::Toc => self.p("목차", "Contents"),
            Context::Search => self.p("검색·값 입력", "Input box"),
            Context::List => self.p(
                "목록 (시뮬레이션, 문제 범위)",
                "Lists (simulations, practice topics)",
            ),
            Context::Sim => self.p("시뮬레이션", "Simulation"),
            Context::Practice => self.p(
                "문제 풀기 (1-9: 보기 번호)",
                "Practice (1-9: choice number)",
            ),
            Context::Exam => self.p(
                "모의고사 (1-9: 보기 번호)",
                "Mock exam (1-9: choice number)",
            ),
            Context::Settings => self.p("설정", "Settings"),
        }
    }
    /// Unknown lesson id on the command line.
    pub fn unknown_lesson(self, id: &str) -> String {
        match self.lang {
            Lang::Ko => format!("`{id}` 레슨이 없어요. `gureum lessons`로 목록을 볼 수 있어요"),
            Lang::En => format!("no lesson `{id}`; `gureum lessons` lists them"),
        }
    }
    /// `gureum check` found no problem.
    pub fn check_ok(self, courses: usize, lessons: usize, questions: usize) -> String {
        match self.lang {
            Lang::Ko => {
                format!("이상 없어요: 코스 {courses}개, 레슨 {lessons}개, 문항 {questions}개")
            }
            Lang::En => format!("ok: {courses} courses, {lessons} lessons, {questions} questions"),
        }
    }
    /// `gureum check` found problems.
    pub fn check_failed(self, n: usize) -> String {
        match self.lang {
            Lang::Ko => format!("고칠 곳을 {n}개 찾았어요"),
            Lang::En => format!("{n} problem(s) found"),
        }
    }
}
