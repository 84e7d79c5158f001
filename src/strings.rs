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
    /// Enter on a multiple-answer question with the wrong number of choices marked.
    pub fn choose_exactly(self, want: usize, marked: usize) -> String {
        match self.lang {
            Lang::Ko => format!("{want}개를 골라 주세요 (지금 {marked}개). Space로 표시해요"),
            Lang::En => format!("Choose {want} (now {marked}); Space marks a choice"),
        }
    }
    /// Enter on a numeric question without a number typed.
    pub fn type_a_number(self) -> &'static str {
        self.p("숫자로 답해 주세요", "Answer with a number")
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
    /// Title of the help overlay: the keys of `screen` (a context's name).
    pub fn help_title(self, screen: &str) -> String {
        match self.lang {
            Lang::Ko => format!("도움말 · {screen}의 키"),
            Lang::En => format!("Help · {screen} keys"),
        }
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
    pub fn group(self, g: crate::keys::Context) -> &'static str {
        use crate::keys::Context;
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
            Context::Replace => self.p("스택 업데이트", "Stack update"),
            Context::Practice => self.p(
                "문제 풀기 (1-9: 보기 번호)",
                "Practice (1-9: choice number)",
            ),
            Context::Exam => self.p(
                "모의고사 (1-9: 보기 번호)",
                "Mock exam (1-9: choice number)",
            ),
            Context::Settings => self.p("설정", "Settings"),
            Context::ExamOverview => self.p("시험 문제 전체 보기", "Exam overview"),
            Context::ExamResults => self.p("시험 결과", "Exam results"),
            Context::Help => self.p("도움말", "Help"),
            Context::Palette => self.p("찾기", "Search"),
            Context::Glossary => self.p("용어집", "Glossary"),
            Context::Define => self.p("화면의 용어", "Terms on screen"),
            Context::ExamMenu => self.p("모의고사 목록", "Mock exams"),
            Context::Readiness => self.p("준비도", "Readiness"),
            Context::Class => self.p("수업 대시보드", "Class dashboard"),
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

    /// Prompt of the search palette.
    pub fn palette_prompt(self) -> &'static str {
        self.p("찾기", "Search")
    }
    /// Shown in the palette before anything is typed.
    pub fn palette_hint(self) -> &'static str {
        self.p(
            "레슨, 절, 문단, 문제, 시뮬레이션, 용어를 한 번에 찾아요. 초성도 돼요: ㄹㄷ → 람다, ㅋㄷ ㅅㅌㅌ → 콜드 스타트",
            "Finds lessons, sections, paragraphs, questions, simulations and terms at once. Korean initials work too: ㄹㄷ → 람다",
        )
    }
    /// Keys of the palette, at its bottom edge.
    pub fn palette_keys(self) -> &'static str {
        self.p(
            "↑↓ 이동 · Enter 열기 · Esc 닫기",
            "↑↓ move · Enter open · Esc close",
        )
    }
    /// Nothing matched (the palette and `gureum search`).
    pub fn no_results(self) -> &'static str {
        self.p("결과가 없어요", "No results")
    }
    /// Title of the glossary screen.
    pub fn glossary_title(self, n: usize) -> String {
        match self.lang {
            Lang::Ko => format!("용어집 · {n}개"),
            Lang::En => format!("Glossary · {n} terms"),
        }
    }
    /// Keys of the glossary screen.
    pub fn glossary_keys(self) -> &'static str {
        self.p(
            "글자 입력: 거르기 · ↑↓ 이동 · Tab 링크로 · Enter 열기 · Esc 닫기",
            "type to filter · ↑↓ move · Tab links · Enter open · Esc close",
        )
    }
    /// Heading of a term's links.
    pub fn glossary_links(self) -> &'static str {
        self.p("이 용어가 나오는 곳", "Where it appears")
    }
    /// Label before a term's other spellings.
    pub fn glossary_aliases(self) -> &'static str {
        self.p("다른 이름", "Also")
    }
    /// Title of the reader's definition popup.
    pub fn define_title(self) -> &'static str {
        self.p("화면의 용어", "Terms on screen")
    }
    /// Keys of the definition popup.
    pub fn define_keys(self) -> &'static str {
        self.p(
            "d 다음 용어 · Enter 용어집 · Esc 닫기",
            "d next term · Enter glossary · Esc close",
        )
    }
}

/// Strings of the links (next steps, section line, lessons of a simulation) and the settings.
impl Strings {
    /// Heading of the next steps on the home screen.
    pub fn next_steps(self) -> &'static str {
        self.p("다음에 할 일", "Next steps")
    }
    /// Next step: questions due for review.
    pub fn step_review(self, n: usize) -> String {
        match self.lang {
            Lang::Ko => format!("복습할 문제 {n}개"),
            Lang::En => format!("{n} question(s) due for review"),
        }
    }
    /// Next step: a simulation never run.
    pub fn step_try_sim(self) -> &'static str {
        self.p("안 해 본 시뮬레이션", "Not tried yet")
    }
    /// Details of the review step.
    pub fn review_details(self) -> &'static str {
        self.p(
            "간격 반복으로 지금 다시 풀 때가 된 문제예요. 맞히면 다음 복습까지 간격이 길어지고, 틀리면 곧 다시 나와요.",
            "Questions spaced repetition says to answer again now. Right answers push the next review further out; wrong ones bring it back soon.",
        )
    }
    /// Details of the simulation step: the lesson it relates to.
    pub fn sim_related_to(self, lesson: &str) -> String {
        match self.lang {
            Lang::Ko => format!("마지막으로 읽은 레슨과 관련 있어요: 「{lesson}」"),
            Lang::En => format!("Related to “{lesson}”, read last"),
        }
    }
    /// How to start a next step.
    pub fn press_to_start(self, key: &str) -> String {
        match self.lang {
            Lang::Ko => format!("{key}를 누르면 시작해요"),
            Lang::En => format!("Press {key} to start"),
        }
    }
    /// The reader's section line: the section's questions.
    pub fn section_questions(self, title: &str, n: usize) -> String {
        match self.lang {
            Lang::Ko => format!("「{title}」 문제 {n}개"),
            Lang::En => format!("“{title}”: {n} question(s)"),
        }
    }
    /// The section line's question count when the title does not fit.
    pub fn section_questions_short(self, n: usize) -> String {
        match self.lang {
            Lang::Ko => format!("이 절의 문제 {n}개"),
            Lang::En => format!("{n} question(s) here"),
        }
    }
    /// The section line's simulation link when its name does not fit.
    pub fn section_sim_short(self) -> &'static str {
        self.p("시뮬레이션", "Simulation")
    }
    /// The reader's section line: no questions here.
    pub fn no_section_questions(self) -> &'static str {
        self.p(
            "이 절에는 아직 문제가 없어요",
            "No questions for this section yet",
        )
    }
    /// The reader's section line: the section's simulation.
    pub fn section_sim(self, title: &str) -> String {
        match self.lang {
            Lang::Ko => format!("시뮬레이션: {title}"),
            Lang::En => format!("Simulation: {title}"),
        }
    }
    /// No lesson explains the open simulation.
    pub fn no_sim_lessons(self) -> &'static str {
        self.p(
            "이 시뮬레이션을 설명하는 레슨이 없어요",
            "No lesson explains this simulation",
        )
    }
    /// Title of the list of lessons over a simulation.
    pub fn sim_lessons_title(self) -> &'static str {
        self.p("이 시뮬레이션을 설명하는 레슨", "Lessons that explain it")
    }
    /// A whole lesson in that list.
    pub fn whole_lesson(self) -> &'static str {
        self.p("레슨 전체", "whole lesson")
    }
    /// Title of the settings screen.
    pub fn settings_title(self) -> &'static str {
        self.p("설정", "Settings")
    }
    /// Label of a settings row.
    pub fn setting_label(self, item: crate::settings::Item) -> &'static str {
        use crate::settings::Item;
        match item {
            Item::Lang => self.p("언어", "Language"),
            Item::Theme => self.p("테마", "Theme"),
            Item::Mouse => self.p("마우스", "Mouse"),
            Item::ExamEsl => self.p("시험 ESL 추가 시간", "Exam ESL extra time"),
            Item::ReviewRetention => self.setting_retention_label(),
        }
    }
    /// Name of a colour palette.
    pub fn palette_name(self, p: crate::settings::Palette) -> &'static str {
        use crate::settings::Palette;
        match p {
            Palette::Dark => self.p("어두운 배경", "Dark"),
            Palette::Light => self.p("밝은 배경", "Light"),
            Palette::HighContrast => self.p("고대비", "High contrast"),
        }
    }
    /// On or off.
    pub fn on_off(self, on: bool) -> &'static str {
        if on {
            self.p("켜짐", "On")
        } else {
            self.p("꺼짐", "Off")
        }
    }
    /// Explanation under a settings row.
    pub fn setting_help(self, item: crate::settings::Item) -> &'static str {
        use crate::settings::Item;
        match item {
            Item::Lang => self.p("화면 글자의 언어예요", "The language of the screens"),
            Item::Theme => self.p(
                "밝은 배경은 흰 바탕, 고대비는 검은 바탕에 흰 글자예요",
                "Light is dark text on white; high contrast is white on black",
            ),
            Item::Mouse => self.p(
                "끄면 터미널에서 글자를 끌어 선택할 수 있어요",
                "Turn off to select text in the terminal",
            ),
            Item::ExamEsl => self.p(
                "모의고사 시간 +30분 (AWS가 영어가 모국어가 아닌 응시자에게 주는 편의)",
                "+30 minutes on mock exams (the accommodation AWS grants non-native speakers)",
            ),
            Item::ReviewRetention => self.setting_retention_help(),
        }
    }
    /// `NO_COLOR` is set.
    pub fn no_color_note(self) -> &'static str {
        self.p(
            "NO_COLOR가 설정돼 있어 색은 쓰지 않아요 (굵게·밑줄·반전만)",
            "NO_COLOR is set: no colours, only bold, underline and reverse",
        )
    }
    /// Label before the key map file.
    pub fn keymap_file(self) -> &'static str {
        self.p("키 설정 파일", "Key map file")
    }
    /// State of the key map file.
    pub fn keymap_state(self, found: bool, applied: usize, problems: usize) -> String {
        match (self.lang, found, problems) {
            (Lang::Ko, false, _) => "없어요 (기본 키를 써요)".to_owned(),
            (Lang::En, false, _) => "none (default keys)".to_owned(),
            (Lang::Ko, true, 0) => format!("항목 {applied}개를 적용했어요"),
            (Lang::En, true, 0) => format!("{applied} entr(ies) applied"),
            (Lang::Ko, true, n) => format!("항목 {applied}개 적용, 문제 {n}개 (그 항목은 기본값)"),
            (Lang::En, true, n) => {
                format!("{applied} applied, {n} problem(s) (those keep the defaults)")
            }
        }
    }
    /// There is no config directory.
    pub fn no_config_dir(self) -> &'static str {
        self.p(
            "설정 폴더를 찾지 못했어요 (GUREUM_CONFIG_DIR로 정할 수 있어요)",
            "no config directory (set GUREUM_CONFIG_DIR)",
        )
    }
    /// Where settings are saved.
    pub fn settings_saved_in(self, path: &str) -> String {
        match self.lang {
            Lang::Ko => format!("바꾸면 바로 저장돼요: {path}"),
            Lang::En => format!("Saved as soon as changed: {path}"),
        }
    }
    /// Settings cannot be saved (read-only or in-memory store).
    pub fn settings_not_saved(self) -> &'static str {
        self.p(
            "이번 실행에서만 적용돼요 (진도 파일을 저장할 수 없어요)",
            "Applies to this run only (the progress file cannot be saved)",
        )
    }
}

/// The `CloudFormation` update screen (`ui::replace`, `ui::view::replace`).
impl Strings {
    /// The two tabs: guided scenario, own templates.
    pub fn cfn_tabs(self) -> (&'static str, &'static str) {
        (
            self.p("안내 시나리오", "Guided"),
            self.p("내 템플릿", "Own templates"),
        )
    }
    /// Title of the list of edits.
    pub fn cfn_edits(self) -> &'static str {
        self.p("바꿔 볼 것", "Edits")
    }
    /// Title of the change set panel.
    pub fn cfn_change_set(self) -> &'static str {
        self.p("변경 세트", "Change set")
    }
    /// Title of the data panel.
    pub fn cfn_data(self) -> &'static str {
        self.p("스택의 데이터", "Data in the stack")
    }
    /// Column headers: resource, action, replacement, outcome.
    pub fn cfn_columns(self) -> [&'static str; 4] {
        match self.lang {
            Lang::Ko => ["리소스", "동작", "교체", "결과"],
            Lang::En => ["Resource", "Action", "Replacement", "Outcome"],
        }
    }
    /// How many resources the update leaves alone.
    pub fn cfn_unchanged(self, n: usize) -> String {
        match self.lang {
            Lang::Ko => format!("변경 없는 리소스 {n}개"),
            Lang::En => format!("{n} unchanged"),
        }
    }
    /// The heading of the reasons.
    pub fn cfn_why(self) -> &'static str {
        self.p("왜 그런가요", "Why")
    }
    /// Before applying.
    pub fn cfn_apply_hint(self) -> &'static str {
        self.p(
            "Enter를 눌러 이 업데이트를 적용해 보세요",
            "Press Enter to apply this update",
        )
    }
    /// After applying.
    pub fn cfn_again_hint(self) -> &'static str {
        self.p(
            "Enter: 배포된 스택으로 돌아가 변경 세트 다시 보기",
            "Enter: back to the deployed stack and the change set",
        )
    }
    /// The update failed and rolled back.
    pub fn cfn_rolled_back(self) -> &'static str {
        self.p(
            "업데이트가 실패해서 스택 전체가 롤백됐어요. 아무것도 지워지지 않았어요",
            "The update failed and the whole stack rolled back: nothing was deleted",
        )
    }
    /// A resource that left the stack with the update.
    pub fn cfn_left_stack(self) -> &'static str {
        self.p("스택에서 빠졌어요", "left the stack")
    }
    /// A retained copy or a snapshot outside the stack.
    pub fn cfn_outside(self, id: &str, amount: &str, snapshot: bool) -> String {
        match (self.lang, snapshot) {
            (Lang::Ko, false) => {
                format!(
                    "이전 {id}{} 스택 밖에 남아 있어요: {amount} (요금이 계속 나가요)",
                    crate::text::josa::eun(id)
                )
            }
            (Lang::Ko, true) => format!("{id}의 스냅샷이 남아 있어요: {amount}"),
            (Lang::En, false) => {
                format!("the old {id} is kept outside the stack: {amount} (still billed)")
            }
            (Lang::En, true) => format!("a snapshot of {id} is kept: {amount}"),
        }
    }
    /// The exit code `gureum sim replace` would give.
    pub fn cfn_exit_code(self, code: u8) -> String {
        match self.lang {
            Lang::Ko => format!("gureum sim replace 종료 코드: {code}"),
            Lang::En => format!("gureum sim replace exit code: {code}"),
        }
    }
    /// Labels of the path fields.
    pub fn cfn_path_labels(self) -> [&'static str; 3] {
        match self.lang {
            Lang::Ko => ["이전 템플릿", "새 템플릿", "스택 정책(선택)"],
            Lang::En => ["Old template", "New template", "Stack policy (optional)"],
        }
    }
    /// How to use the own-templates tab.
    pub fn cfn_own_hint(self) -> &'static str {
        self.p(
            "↑↓로 칸을 고르고 Enter로 경로를 입력한 뒤 r로 비교해요 (YAML·JSON, 현재 폴더 기준 경로)",
            "Pick a field with ↑↓, Enter to type a path, r to compare (YAML or JSON, relative to the current folder)",
        )
    }
    /// Nothing compared yet.
    pub fn cfn_own_empty(self) -> &'static str {
        self.p(
            "두 템플릿을 비교하면 리소스마다 교체 여부와 잃는 데이터가 여기 나와요",
            "Compare two templates to see, per resource, whether it is replaced and what data is lost",
        )
    }
    /// The challenge label.
    pub fn cfn_challenge(self) -> &'static str {
        self.p("과제:", "Challenge:")
    }
    /// The first part of the title bar.
    pub fn cfn_crumb(self) -> &'static str {
        self.p("시뮬레이션", "Simulations")
    }
    /// The edit runs under a stack policy.
    pub fn cfn_policy_set(self) -> &'static str {
        self.p("(스택 정책이 걸려 있어요)", "(a stack policy is set)")
    }
    /// A typed path that cannot be read.
    pub fn cfn_unreadable(self, path: &str, err: &str) -> String {
        match self.lang {
            Lang::Ko => format!("{path}: 파일을 읽을 수 없어요: {err}"),
            Lang::En => format!("{path}: cannot read the file: {err}"),
        }
    }
    /// Compare pressed before both paths were typed.
    pub fn cfn_paths_needed(self) -> &'static str {
        self.p(
            "이전 템플릿과 새 템플릿의 경로를 입력하세요",
            "type the paths of the old and the new template",
        )
    }
}

/// Text of the deployment (traffic shifting) and phoenix simulations, shared by the TUI and the CLI.
impl Strings {
    /// How a deployment ended, in a sentence.
    pub fn deploy_outcome(
        self,
        outcome: simulations::deploy::Outcome,
        reason: Option<simulations::deploy::Reason>,
        alarm_after_end: bool,
    ) -> &'static str {
        use simulations::deploy::{Outcome, Reason};
        match (outcome, reason, alarm_after_end) {
            (Outcome::RolledBack, Some(Reason::Alarm), _) => {
                self.p("롤백됐어요 (알람)", "rolled back (alarm)")
            }
            (Outcome::RolledBack, Some(Reason::PreTrafficHook), _) => self.p(
                "롤백됐어요 (PreTraffic 훅 실패)",
                "rolled back (PreTraffic hook failed)",
            ),
            (Outcome::RolledBack, _, _) => self.p(
                "롤백됐어요 (PostTraffic 훅 실패)",
                "rolled back (PostTraffic hook failed)",
            ),
            (Outcome::Succeeded, _, true) => self.p(
                "성공했어요 (알람은 배포가 끝난 뒤에 울렸어요)",
                "succeeded (the alarm fired after the end)",
            ),
            (Outcome::Succeeded, _, false) => self.p("성공했어요", "succeeded"),
        }
    }
    /// How a deployment ended, for a table cell.
    pub fn deploy_outcome_short(
        self,
        outcome: simulations::deploy::Outcome,
        reason: Option<simulations::deploy::Reason>,
        alarm_after_end: bool,
    ) -> &'static str {
        use simulations::deploy::{Outcome, Reason};
        match (outcome, reason, alarm_after_end) {
            (Outcome::RolledBack, Some(Reason::Alarm), _) => {
                self.p("롤백(알람)", "rolled back (alarm)")
            }
            (Outcome::RolledBack, Some(Reason::PreTrafficHook), _) => {
                self.p("롤백(Pre 훅)", "rolled back (pre hook)")
            }
            (Outcome::RolledBack, _, _) => self.p("롤백(Post 훅)", "rolled back (post hook)"),
            (Outcome::Succeeded, _, true) => {
                self.p("성공(알람 늦음)", "succeeded (alarm too late)")
            }
            (Outcome::Succeeded, _, false) => self.p("성공", "succeeded"),
        }
    }
    /// Column headers of the strategy comparison: strategy, outcome, detected, rollback, users
    /// affected, errors, duration.
    pub fn deploy_table_header(self) -> [&'static str; 7] {
        match self.lang {
            Lang::Ko => [
                "전략",
                "결과",
                "탐지",
                "롤백",
                "영향받은 요청",
                "오류",
                "배포 시간",
            ],
            Lang::En => [
                "strategy",
                "outcome",
                "detected",
                "rollback",
                "users affected",
                "errors",
                "duration",
            ],
        }
    }
    /// The prediction asked before a deployment run.
    pub fn deploy_guess(self) -> &'static str {
        self.p(
            "먼저 예측해 보세요: 전체 요청 중 몇 %가 불량 버전을 만날까요?",
            "Predict first: what % of all requests will meet the bad version?",
        )
    }
    /// The prediction asked before a comparison.
    pub fn compare_guess(self) -> &'static str {
        self.p(
            "먼저 예측해 보세요: 카나리의 피해는 AllAtOnce의 몇 %일까요?",
            "Predict first: the canary's harm is what % of AllAtOnce's?",
        )
    }
    /// The prediction asked before a phoenix rebuild.
    pub fn phoenix_guess(self) -> &'static str {
        self.p(
            "먼저 예측해 보세요: 재구축하면 업로드 파일의 몇 %를 잃을까요?",
            "Predict first: what % of the uploaded files does a rebuild lose?",
        )
    }
    /// What the prediction is compared with, after "actual …%".
    pub fn deploy_guess_what(self) -> &'static str {
        self.p("불량 버전을 만난 요청", "of requests met the bad version")
    }
    /// See [`Self::deploy_guess_what`], for comparisons.
    pub fn compare_guess_what(self) -> &'static str {
        self.p("(AllAtOnce 대비)", "of AllAtOnce's")
    }
    /// See [`Self::deploy_guess_what`], for phoenix.
    pub fn phoenix_guess_what(self) -> &'static str {
        self.p("파일 손실", "files lost")
    }
    /// Chart legend: the new version's share of traffic.
    pub fn deploy_new_percent(self) -> &'static str {
        self.p("새 버전 %", "new version %")
    }
    /// Chart legend: the new version's error rate per period (short: the legend row fits 60
    /// columns with all four names).
    pub fn deploy_error_percent(self) -> &'static str {
        self.p("새 버전 오류율 %", "errors %")
    }
    /// Chart legend: the alarm threshold.
    pub fn deploy_alarm_threshold(self) -> &'static str {
        self.p("알람 임계값", "threshold")
    }
    /// Title above the users-affected bars of a comparison.
    pub fn deploy_bars_title(self) -> &'static str {
        self.p("불량 버전을 만난 요청", "requests that met the bad version")
    }
    /// How to read the comparison.
    pub fn compare_legend(self) -> &'static str {
        self.p(
            "같은 릴리스를 전략마다 배포했어요. 막대: █ 롤백됨, ▒ 롤백 안 됨. % = 첫 줄 대비",
            "The same release through each strategy. Bars: █ rolled back, ▒ not rolled back. % = relative to the first row",
        )
    }
    /// Chart legend: the rollback.
    pub fn deploy_rollback(self) -> &'static str {
        self.p("롤백", "rollback")
    }
    /// Summary lines of one deployment run.
    pub fn deploy_summary(self, r: &simulations::deploy::DeployResult) -> Vec<String> {
        use crate::sims::compare::group;
        use simulations::deploy::clock;
        let outcome = self.deploy_outcome(r.outcome, r.reason, r.alarm_after_end);
        let at = r
            .rolled_back_at_s
            .map(|t| format!(" · {}", clock(t)))
            .unwrap_or_default();
        let detected = r.detected_at_s.map_or_else(|| "-".to_owned(), clock);
        match self.lang {
            Lang::Ko => vec![
                format!(
                    "{}: {outcome}{at}",
                    crate::sims::compare::short_name(&r.strategy)
                ),
                format!(
                    "새 버전 요청 {} · 오류 {} | 이전 버전 요청 {} · 오류 {}",
                    group(r.requests_new),
                    group(r.errors_new),
                    group(r.requests_old),
                    group(r.errors_old)
                ),
                format!(
                    "불량 버전을 만난 요청 {} (오류 {}, {:.2}%) · 탐지 {detected} · 배포 시간 {}",
                    group(r.users_affected),
                    group(r.errors_bad),
                    r.affected_pct(),
                    clock(r.duration_s)
                ),
            ],
            Lang::En => vec![
                format!(
                    "{}: {outcome}{at}",
                    crate::sims::compare::short_name(&r.strategy)
                ),
                format!(
                    "new version {} requests · {} errors | old version {} requests · {} errors",
                    group(r.requests_new),
                    group(r.errors_new),
                    group(r.requests_old),
                    group(r.errors_old)
                ),
                format!(
                    "met the bad version {} ({} errors, {:.2}%) · detected {detected} · duration {}",
                    group(r.users_affected),
                    group(r.errors_bad),
                    r.affected_pct(),
                    clock(r.duration_s)
                ),
            ],
        }
    }
    /// The line above a comparison.
    pub fn compare_intro(self, rps: f64, error_rate: f64, bad_from_s: u32) -> String {
        let rps = crate::sims::compare::group(rps);
        let pct = error_rate * 100.0;
        match self.lang {
            Lang::Ko => format!(
                "같은 릴리스(초당 {rps}건, 새 버전 오류율 {pct:.1}%, {bad_from_s}초부터 불량)를 전략별로 배포했어요. % 는 첫 줄 대비예요."
            ),
            Lang::En => format!(
                "The same release ({rps} requests/s, new version error rate {pct:.1}%, bad from {bad_from_s} s) through each strategy. % is relative to the first row."
            ),
        }
    }
    /// Note under results of the expected-value view.
    pub fn expected_view(self) -> &'static str {
        self.p(
            "(기댓값 보기: 무작위 없이 평균으로 계산했어요)",
            "(expected-value view: no randomness)",
        )
    }
    /// Summary lines of a phoenix run.
    pub fn phoenix_summary(self, r: &simulations::phoenix::PhoenixReport) -> Vec<String> {
        use crate::sims::compare::group;
        match self.lang {
            Lang::Ko => vec![
                format!(
                    "손으로 한 변경 {}번 → 드리프트 속성 {}개 (CloudFormation 드리프트 감지로 보이는 건 {}개) · 구성 {}가지 → {}가지",
                    r.changes.len(),
                    r.drifted_properties,
                    r.cfn_detectable,
                    r.distinct_configs_before,
                    r.distinct_configs_after
                ),
                format!(
                    "잃은 것: 업로드 파일 {} / {} · 세션 {} · 손으로 한 수정 {}건 · 로그 {}대분",
                    group(r.files_lost as f64),
                    group(r.files_total as f64),
                    group(r.sessions_lost as f64),
                    r.reverted_fixes,
                    r.logs_lost_servers
                ),
            ],
            Lang::En => vec![
                format!(
                    "{} hand changes -> {} drifted properties ({} visible to CloudFormation drift detection) · configurations {} -> {}",
                    r.changes.len(),
                    r.drifted_properties,
                    r.cfn_detectable,
                    r.distinct_configs_before,
                    r.distinct_configs_after
                ),
                format!(
                    "lost: files {} of {} · sessions {} · hand-made fixes {} · logs of {} servers",
                    group(r.files_lost as f64),
                    group(r.files_total as f64),
                    group(r.sessions_lost as f64),
                    r.reverted_fixes,
                    r.logs_lost_servers
                ),
            ],
        }
    }
    /// Phoenix picture: a server's drift count.
    pub fn phoenix_drift(self, n: usize) -> String {
        match self.lang {
            Lang::Ko => format!("드리프트 {n}"),
            Lang::En => format!("drift {n}"),
        }
    }
    /// Phoenix picture: title of the hand-change history.
    pub fn phoenix_changes_title(self) -> &'static str {
        self.p("손으로 한 변경 (순서대로)", "Hand changes (in order)")
    }
    /// Phoenix picture: the line after the rebuild.
    pub fn phoenix_after(self, rebuilt: bool) -> &'static str {
        if rebuilt {
            self.p(
                "재구축 뒤: 모든 서버가 템플릿과 같아요 (드리프트 0)",
                "After the rebuild: every server matches the template (drift 0)",
            )
        } else {
            self.p(
                "재구축하지 않았어요: 드리프트가 그대로예요",
                "No rebuild: the drift stays",
            )
        }
    }
}

/// Spaced review and starting mock exams (`quiz::review`, `quiz::exam::start`).
impl Strings {
    /// Label of the review-retention settings row.
    pub fn setting_retention_label(self) -> &'static str {
        self.p("복습 목표 기억률", "Review retention")
    }
    /// Explanation under the review-retention settings row.
    pub fn setting_retention_help(self) -> &'static str {
        self.p(
            "복습할 때 기억하고 있을 확률의 목표예요. 높이면 더 자주 복습해요 (기본 90%)",
            "How likely you should still remember a card when it comes back; higher means more reviews (default 90%)",
        )
    }
    /// `gureum exam` with new settings while an exam runs (exit 2).
    pub fn exam_running_refused(self, code: &str, answered: usize, total: usize) -> String {
        match self.lang {
            Lang::Ko => format!(
                "진행 중인 모의고사가 있어요 ({code}, {total}문제 중 {answered}문제 답함). \
                 이어서 하려면 설정 없이 `gureum exam`을 실행하고, 그 시험을 포기하고 새로 \
                 시작하려면 `--new`를 붙여 주세요 (예: `gureum exam --new ...`)."
            ),
            Lang::En => format!(
                "A mock exam is in progress ({code}, {answered} of {total} answered). Run \
                 `gureum exam` without settings to resume it, or add `--new` to abandon it and \
                 start the new one (e.g. `gureum exam --new ...`)."
            ),
        }
    }
}
/// The class over SSH (`gureum class serve`): the student's screen and the teacher's dashboard.
impl Strings {
    /// Student screen: title.
    pub fn class_title(self) -> &'static str {
        self.p("구름 교실", "gureum class")
    }
    /// Student screen: how many questions answered.
    pub fn class_progress(self, answered: usize, total: usize) -> String {
        match self.lang {
            Lang::Ko => format!("{answered}/{total} 답함"),
            Lang::En => format!("{answered}/{total} answered"),
        }
    }
    /// Student screen: the clock.
    pub fn class_time_left(self, t: &str) -> String {
        match self.lang {
            Lang::Ko => format!("남은 시간 {t}"),
            Lang::En => format!("{t} left"),
        }
    }
    /// Clock label before the round starts.
    pub fn class_phase_waiting(self) -> &'static str {
        self.p("시작 전", "not started")
    }
    /// Clock label while paused.
    pub fn class_phase_paused(self) -> &'static str {
        self.p("멈춤", "paused")
    }
    /// Clock label after the round.
    pub fn class_phase_ended(self) -> &'static str {
        self.p("끝", "ended")
    }
    /// Student screen before the round.
    pub fn class_waiting(self) -> &'static str {
        self.p(
            "선생님이 시작하면 문제가 나와요. 잠시 기다려 주세요.",
            "The questions appear when the teacher starts the round. Please wait.",
        )
    }
    /// Banner while paused.
    pub fn class_paused(self) -> &'static str {
        self.p(
            "선생님이 잠시 멈췄어요. 답은 다시 시작하면 받아요.",
            "The teacher paused the round; answers are taken again when it resumes.",
        )
    }
    /// Banner after the round.
    pub fn class_closed(self) -> &'static str {
        self.p(
            "끝났어요. 더 이상 답할 수 없어요.",
            "The round is over: no more answers.",
        )
    }
    /// Banner once the answers are shown.
    pub fn class_revealed(self) -> &'static str {
        self.p("정답이 공개됐어요.", "The answers are shown.")
    }
    /// How many choices a question takes.
    pub fn class_pick_n(self, n: usize) -> String {
        match self.lang {
            Lang::Ko => format!("보기 {n}개를 골라요 (Space 또는 번호로 표시, Enter로 답하기)"),
            Lang::En => format!("Pick {n} choices (Space or the number marks one, Enter answers)"),
        }
    }
    /// Under an answered question.
    pub fn class_answer_saved(self) -> &'static str {
        self.p(
            "답을 저장했어요. Enter: 다음 문제",
            "Answer saved. Enter: next question",
        )
    }
    /// Under a question once the teacher revealed the answers (the round is over).
    pub fn class_after_reveal(self) -> &'static str {
        self.p(
            "정답에 ✓ 표시가 있어요. 선생님이 다음 문제를 낼 때까지 기다려요.",
            "The right answer is marked ✓. Wait for the teacher's next question.",
        )
    }
    /// Heading of the explanation.
    pub fn class_explanation(self) -> &'static str {
        self.p("해설", "Explanation")
    }
    /// Score line after the reveal.
    pub fn class_score(self, right: usize, answered: usize, total: usize) -> String {
        match self.lang {
            Lang::Ko => format!("{total}문제 중 {answered}문제 답함, {right}문제 맞음"),
            Lang::En => format!("{answered} of {total} answered, {right} right"),
        }
    }
    /// Below the minimum window size.
    pub fn class_too_small(self) -> &'static str {
        self.p(
            "창이 너무 작아요 (최소 40×10)",
            "Window too small (40×10 at least)",
        )
    }
    /// Key hints on a question.
    pub fn class_question_keys(self) -> &'static str {
        self.p(
            "↑↓ 보기 · 1-9 고르기 · Enter 답하기 · ←→ 문제 · o 레슨 · e 영어 · q 나가기",
            "↑↓ choice · 1-9 pick · Enter answer · ←→ move · o lesson · e English · q leave",
        )
    }
    /// Key hints in a lesson.
    pub fn class_lesson_keys(self) -> &'static str {
        self.p(
            "↑↓ 한 줄 · PgUp/PgDn 한 쪽 · Esc 문제로",
            "↑↓ line · PgUp/PgDn page · Esc back to the question",
        )
    }
    /// Sent before closing: the name is not allowed.
    pub fn class_bad_name(self) -> &'static str {
        self.p(
            "이름은 글자·숫자·-_. 로 24자까지예요 (예: ssh -p 2222 민지@주소)",
            "A name is up to 24 letters, digits, - _ or . (e.g. ssh -p 2222 minji@host)",
        )
    }
    /// Sent before closing: the class is full.
    pub fn class_full(self) -> &'static str {
        self.p("수업 인원이 다 찼어요.", "The class is full.")
    }
    /// Sent before closing: the teacher removed the student.
    pub fn class_kicked(self) -> &'static str {
        self.p(
            "선생님이 연결을 끊었어요.",
            "The teacher removed you from the class.",
        )
    }
    /// Sent before closing: the same name connected elsewhere.
    pub fn class_taken_over(self) -> &'static str {
        self.p(
            "같은 이름으로 다른 곳에서 접속했어요. 여기는 닫아요.",
            "The same name connected from elsewhere; closing this one.",
        )
    }
    /// Sent when the client asked for a shell without a terminal.
    pub fn class_need_pty(self) -> &'static str {
        self.p(
            "터미널이 필요해요: ssh -t 로 접속해 주세요.",
            "A terminal is needed: connect with ssh -t.",
        )
    }
    /// Sent when leaving.
    pub fn class_bye(self) -> &'static str {
        self.p(
            "답은 저장됐어요. 같은 이름으로 다시 접속하면 이어서 해요.",
            "Your answers are saved; connect again with the same name to go on.",
        )
    }
    /// Dashboard: title.
    pub fn dash_title(self) -> &'static str {
        self.p("구름 교실 · 선생님 화면", "gureum class · teacher")
    }
    /// Dashboard: students connected / joined.
    pub fn dash_students(self, connected: usize, joined: usize) -> String {
        match self.lang {
            Lang::Ko => format!("학생 {joined}명 (접속 중 {connected})"),
            Lang::En => format!("{joined} students ({connected} connected)"),
        }
    }
    /// Dashboard: asks to press q again.
    pub fn dash_confirm_quit(self) -> &'static str {
        self.p(
            "한 번 더 q를 누르면 수업을 닫아요 (답은 저장돼 있어요)",
            "Press q again to close the class (answers are saved)",
        )
    }
    /// Dashboard: the questions table header.
    pub fn dash_question_header(self) -> &'static str {
        self.p(
            "문제  답함  정답률  가장 많이 고른 오답 (오개념)",
            "Q     ans   right   most chosen wrong (misconception)",
        )
    }
    /// Dashboard: the students table header.
    pub fn dash_student_header(self) -> &'static str {
        self.p("학생            답함  맞음", "student         ans   right")
    }
    /// Dashboard and headless log: an event as a line.
    pub fn class_event(self, event: &crate::class::Event) -> String {
        use crate::class::{Event, Phase};
        let en = self.lang == Lang::En;
        match event {
            Event::Joined(n) => {
                if en {
                    format!("{n} joined")
                } else {
                    format!("{n} 입장")
                }
            }
            Event::Resumed(n) => {
                if en {
                    format!("{n} came back")
                } else {
                    format!("{n} 다시 접속")
                }
            }
            Event::Left(n) => {
                if en {
                    format!("{n} left")
                } else {
                    format!("{n} 나감")
                }
            }
            Event::Answered { name, n, correct } => {
                let mark = if *correct { "O" } else { "X" };
                if en {
                    format!("{name} answered Q{} ({mark})", n + 1)
                } else {
                    format!("{name} {}번 답함 ({mark})", n + 1)
                }
            }
            Event::Phase(Phase::Running) => self.p("진행 중", "round running").to_owned(),
            Event::Phase(Phase::Paused) => self.p("멈춤", "round paused").to_owned(),
            Event::Phase(Phase::Ended) => self.p("끝", "round ended").to_owned(),
            Event::Phase(Phase::Waiting) => self.p("대기", "waiting").to_owned(),
            Event::Revealed => self.p("정답 공개", "answers revealed").to_owned(),
            Event::Kicked(n) => {
                if en {
                    format!("{n} kicked")
                } else {
                    format!("{n} 내보냄")
                }
            }
            Event::Refused { name, what } => {
                use crate::class::state::Refused;
                let (ko, en_what) = match what {
                    Refused::Exec => ("명령 실행(exec)", "command (exec)"),
                    Refused::Subsystem => ("서브시스템(sftp)", "subsystem (sftp)"),
                    Refused::Forwarding => ("포트 포워딩", "port forwarding"),
                    Refused::X11OrAgent => ("X11/에이전트 포워딩", "X11/agent forwarding"),
                    Refused::Session => ("두 번째 세션", "second session"),
                };
                if en {
                    format!("{name}: {en_what} refused")
                } else {
                    format!("{name}: {ko} 거절")
                }
            }
        }
    }
}

/// The class over SSH: messages outside the screens.
impl Strings {
    /// `stats` in `gureum class serve --headless`: the server's own timing per key and frame.
    pub fn class_server_stats(self, t: &crate::class::server::TimingSummary) -> String {
        if self.lang == Lang::En {
            format!(
                "server: {} keys, handling p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms; {} frames, {:.0} µs each, {} kB sent",
                t.keys,
                t.p50_ms,
                t.p99_ms,
                t.max_ms,
                t.frames,
                t.render_us,
                t.bytes / 1024
            )
        } else {
            format!(
                "서버: 키 {}개, 처리 p50 {:.2} ms, p99 {:.2} ms, 최대 {:.2} ms; 화면 {}장, 장당 {:.0} µs, 보낸 양 {} kB",
                t.keys,
                t.p50_ms,
                t.p99_ms,
                t.max_ms,
                t.frames,
                t.render_us,
                t.bytes / 1024
            )
        }
    }

    /// Keyboard-interactive prompt for the code.
    pub fn class_code_prompt(self) -> &'static str {
        self.p("수업 코드: ", "Class code: ")
    }
    /// The result file could not be written.
    pub fn class_not_saved(self) -> &'static str {
        self.p(
            "답을 받았지만 파일에 저장하지 못했어요. 선생님께 알려 주세요.",
            "Answer taken, but the result file could not be written; tell the teacher.",
        )
    }
}

/// The router: messages of the app itself.
impl Strings {
    /// Status when some question-bank files could not be loaded.
    pub fn bank_problems(self, n: usize) -> String {
        match self.lang {
            Lang::Ko => {
                format!("문제 은행 파일에서 고칠 곳 {n}개를 찾았어요 (gureum check로 확인)")
            }
            Lang::En => format!("{n} problem(s) in the question banks (see `gureum check`)"),
        }
    }
    /// Why lessons, search, the glossary and practice are refused while a timed exam runs, and
    /// how to get back to it (`key` opens the mock exams on the home screen).
    pub fn closed_book(self, key: &str) -> String {
        match self.lang {
            Lang::Ko => {
                format!("시험 중이라 닫혀 있어요. 모의고사({key}) → 이어 하기 → 제출하면 열려요")
            }
            Lang::En => format!(
                "Closed book during the exam: Mock exams ({key}) → continue → submit to open it"
            ),
        }
    }
    /// Status while a screen waits for the question banks to load.
    pub fn loading_banks(self) -> &'static str {
        self.p(
            "문제 은행을 불러오는 중이에요…",
            "Loading the question banks…",
        )
    }
    /// The palette's line while the search index of a user's content is still being built.
    pub fn indexing(self, done: usize, total: usize) -> String {
        match self.lang {
            Lang::Ko => format!("찾는 중… {done}/{total} 레슨"),
            Lang::En => format!("Indexing… {done}/{total} lessons"),
        }
    }
}

/// Simulations drawn on their architecture diagram (`ui/view/sim_diagram.rs`).
impl Strings {
    /// The caption over a simulation's diagram.
    pub fn simd_caption(self, what: &str) -> String {
        match self.lang {
            Lang::Ko => format!("[구성도] {what} · 이번 실행 결과"),
            Lang::En => format!("[Diagram] {what} · this run"),
        }
    }
    /// The caption over a change set's diagram.
    pub fn simd_change_set_caption(self, what: &str) -> String {
        match self.lang {
            Lang::Ko => format!("[구성도] {what} · 이 변경 세트"),
            Lang::En => format!("[Diagram] {what} · this change set"),
        }
    }
    /// What the sessions diagram shows.
    pub fn simd_sessions_title(self) -> &'static str {
        self.p("MyClothes.com 장바구니", "MyClothes.com carts")
    }
    /// What the replicas diagram shows.
    pub fn simd_replicas_title(self) -> &'static str {
        self.p(
            "기본·대기·읽기 전용 복제본",
            "Primary, standby and read replicas",
        )
    }
    /// What the deployment diagram shows.
    pub fn simd_deploy_title(self) -> &'static str {
        self.p("두 버전 사이의 트래픽", "Traffic between two versions")
    }
    /// What the `CloudFormation` diagram shows.
    pub fn simd_cfn_title(self) -> &'static str {
        self.p(
            "스택의 리소스: 교체·수정·그대로",
            "Stack resources: replaced, updated, unchanged",
        )
    }
    /// A browser node; `cookie` when the cart lives in it.
    pub fn simd_browser(self, cookie: bool) -> &'static str {
        if cookie {
            self.p("브라우저 (쿠키에 장바구니)", "Browser (cart in a cookie)")
        } else {
            self.p("브라우저", "Browser")
        }
    }
    /// The Auto Scaling group's label.
    pub fn simd_multi_az(self) -> &'static str {
        self.p("다중 AZ", "Multi-AZ")
    }
    /// Instance `n`, or instances `a`-`b` drawn as one box.
    pub fn simd_instances(self, a: u32, b: u32) -> String {
        match (self.lang, a == b) {
            (Lang::Ko, true) => format!("인스턴스 {a}"),
            (Lang::En, true) => format!("Instance {a}"),
            (Lang::Ko, false) => format!("인스턴스 {a}–{b} ({}대)", b - a + 1),
            (Lang::En, false) => format!("Instances {a}–{b} ({})", b - a + 1),
        }
    }
    /// How instance(s) left: failed or scaled in, at second `s`.
    pub fn simd_removed(self, failed: bool, s: u32) -> String {
        match (self.lang, failed) {
            (Lang::Ko, true) => format!("멈춤 · {s}초"),
            (Lang::En, true) => format!("failed at {s} s"),
            (Lang::Ko, false) => format!("스케일 인 · {s}초"),
            (Lang::En, false) => format!("scaled in at {s} s"),
        }
    }
    /// Carts lost (the diagram's per-instance number).
    pub fn simd_carts_lost(self, n: u32) -> String {
        match self.lang {
            Lang::Ko => format!("장바구니 {n}개 잃음"),
            Lang::En => format!("{n} carts lost"),
        }
    }
    /// Carts lost to an overflowing cookie.
    pub fn simd_cookie_lost(self, n: u32) -> String {
        match self.lang {
            Lang::Ko => format!("장바구니 {n}개 잃음 (쿠키 4KB 넘침)"),
            Lang::En => format!("{n} carts lost (cookie over 4 KB)"),
        }
    }
    /// Users that were on an instance when it left.
    pub fn simd_users_on(self, n: u32) -> String {
        match self.lang {
            Lang::Ko => format!("사용자 {n}명 있었음"),
            Lang::En => format!("{n} users on it"),
        }
    }
    /// Requests served.
    pub fn simd_requests(self, n: &str) -> String {
        match self.lang {
            Lang::Ko => format!("요청 {n}건"),
            Lang::En => format!("{n} requests"),
        }
    }
    /// Where the cart lives for the in-memory stores.
    pub fn simd_in_memory(self) -> &'static str {
        self.p("장바구니는 메모리에", "cart in memory")
    }
    /// The shared session store (`ElastiCache`) or table (`DynamoDB`).
    pub fn simd_session_store(self, table: bool) -> &'static str {
        if table {
            self.p("세션 테이블", "Session table")
        } else {
            self.p("세션 저장소", "Session store")
        }
    }
    /// Session reads and writes on the shared store.
    pub fn simd_session_io(self, reads: &str, writes: &str) -> String {
        match self.lang {
            Lang::Ko => format!("읽기 {reads} · 쓰기 {writes}"),
            Lang::En => format!("{reads} reads · {writes} writes"),
        }
    }
    /// "sticky" on the load balancer.
    pub fn simd_sticky(self) -> &'static str {
        self.p("고정 세션", "sticky sessions")
    }
    /// The application node of the replicas diagram.
    pub fn simd_app(self) -> &'static str {
        self.p("애플리케이션", "Application")
    }
    /// The primary.
    pub fn simd_primary(self) -> &'static str {
        self.p("기본 (쓰기)", "Primary (writes)")
    }
    /// The Multi-AZ standby.
    pub fn simd_standby(self) -> &'static str {
        self.p("대기 (Multi-AZ)", "Standby (Multi-AZ)")
    }
    /// Replica `a`, or replicas `a`-`b` drawn as one box.
    pub fn simd_replicas(self, a: u32, b: u32) -> String {
        match (self.lang, a == b) {
            (Lang::Ko, true) => format!("복제본 {a}"),
            (Lang::En, true) => format!("Replica {a}"),
            (Lang::Ko, false) => format!("복제본 {a}–{b} ({}개)", b - a + 1),
            (Lang::En, false) => format!("Replicas {a}–{b} ({})", b - a + 1),
        }
    }
    /// The read replicas' frame.
    pub fn simd_replica_group(self) -> &'static str {
        self.p("읽기 전용 복제본", "Read replicas")
    }
    /// Edge labels: writes, reads, synchronous and asynchronous replication.
    pub fn simd_edge(self, which: &str) -> &'static str {
        match which {
            "writes" => self.p("쓰기", "writes"),
            "reads" => self.p("읽기", "reads"),
            "sync" => self.p("동기 복제", "sync copy"),
            _ => self.p("비동기 복제", "async copy"),
        }
    }
    /// A replica's mean lag and stale reads.
    pub fn simd_lag(self, ms: f64, stale: &str) -> String {
        match self.lang {
            Lang::Ko => format!("지연 평균 {ms:.0} ms · 오래된 읽기 {stale}건"),
            Lang::En => format!("mean lag {ms:.0} ms · {stale} stale reads"),
        }
    }
    /// Promoted after `s` seconds.
    pub fn simd_promoted(self, s: f64) -> String {
        match self.lang {
            Lang::Ko => format!("승격 · {s:.0}초 뒤"),
            Lang::En => format!("promoted after {s:.0} s"),
        }
    }
    /// The primary failed at second `s`.
    pub fn simd_primary_failed(self, s: u32) -> String {
        match self.lang {
            Lang::Ko => format!("멈춤 · {s}초"),
            Lang::En => format!("failed at {s} s"),
        }
    }
    /// Writes lost and the time without writes.
    pub fn simd_failover_cost(self, lost: &str, down_s: f64) -> String {
        match self.lang {
            Lang::Ko => format!("쓰기 {lost}건 잃음 · 쓰기 중단 {down_s:.0}초"),
            Lang::En => format!("{lost} writes lost · no writes for {down_s:.0} s"),
        }
    }
    /// A new primary Aurora created.
    pub fn simd_new_primary(self) -> &'static str {
        self.p("새 기본 인스턴스", "New primary")
    }
    /// Nothing took over within the run.
    pub fn simd_no_takeover(self) -> &'static str {
        self.p("넘겨받은 곳 없음", "nothing took over")
    }
    /// The deployment's clients.
    pub fn simd_clients(self) -> &'static str {
        self.p("클라이언트", "Clients")
    }
    /// The router of a deployment: a Lambda alias, an ALB, an API Gateway stage.
    pub fn simd_router(self, platform: &str) -> &'static str {
        match platform {
            "lambda" => self.p("별칭 (가중치)", "Alias (weights)"),
            "ecs" => self.p("리스너 (가중치)", "Listener (weights)"),
            _ => self.p("스테이지 카나리", "Stage canary"),
        }
    }
    /// The two versions.
    pub fn simd_version(self, new: bool) -> &'static str {
        if new {
            self.p("v2 (새 버전)", "v2 (new)")
        } else {
            self.p("v1 (기존)", "v1 (old)")
        }
    }
    /// The new version rolled back at `t`.
    pub fn simd_rolled_back(self, t: &str) -> String {
        match self.lang {
            Lang::Ko => format!("롤백 · {t}"),
            Lang::En => format!("rolled back at {t}"),
        }
    }
    /// The new version took all traffic at `t`.
    pub fn simd_all_traffic(self, t: &str) -> String {
        match self.lang {
            Lang::Ko => format!("전체 트래픽 · {t}"),
            Lang::En => format!("all traffic at {t}"),
        }
    }
    /// Requests and errors of a version.
    pub fn simd_errors(self, requests: &str, errors: &str) -> String {
        match self.lang {
            Lang::Ko => format!("요청 {requests} · 오류 {errors}"),
            Lang::En => format!("{requests} requests · {errors} errors"),
        }
    }
    /// The moment the edges show, and the split over time under the diagram.
    pub fn simd_split_at(self, t: &str) -> String {
        match self.lang {
            Lang::Ko => format!("선의 비율: {t} 시점 (가장 많이 옮겼을 때)"),
            Lang::En => format!("Edges show the split at {t} (the furthest it shifted)"),
        }
    }
    /// Heading of the split timeline.
    pub fn simd_split_timeline(self) -> &'static str {
        self.p("시간별 트래픽 분할", "Traffic split over time")
    }
    /// A `CloudFormation` outcome as a word: `kind` is the outcome's serde name.
    pub fn simd_cfn_word(self, kind: &str) -> &'static str {
        match kind {
            "replaced" => self.p("교체", "replaced"),
            "replaced_data_lost" => self.p("교체·데이터 잃음", "replaced · data lost"),
            "replaced_old_retained" => self.p("교체·옛것 남김", "replaced · old kept"),
            "replaced_snapshot_taken" => self.p("교체·스냅샷", "replaced · snapshot"),
            "in_place" => self.p("제자리 수정", "updated in place"),
            "added" => self.p("추가", "added"),
            "removed" => self.p("삭제", "removed"),
            "removed_data_lost" => self.p("삭제·데이터 잃음", "removed · data lost"),
            "removed_retained" => self.p("스택에서만 빠짐", "left the stack"),
            "removed_snapshot_taken" => self.p("삭제·스냅샷", "removed · snapshot"),
            "update_fails" => self.p("업데이트 실패", "update fails"),
            "blocked_by_stack_policy" => self.p("스택 정책이 막음", "blocked by policy"),
            "unchanged" => self.p("그대로", "unchanged"),
            "not_evaluated" => self.p("판정 못 함", "not evaluated"),
            _ => self.p("알 수 없음", "unknown"),
        }
    }
    /// The status line under a simulation whose diagram and chart take turns.
    pub fn simd_toggle_hint(self, key: &str, diagram_shown: bool) -> String {
        match (self.lang, diagram_shown) {
            (Lang::Ko, false) => format!("{key}: 구성도 보기"),
            (Lang::En, false) => format!("{key}: show the diagram"),
            (Lang::Ko, true) => format!("{key}: 차트 보기 · PgDn: 아래로"),
            (Lang::En, true) => format!("{key}: show the chart · PgDn: scroll"),
        }
    }
    /// A simulation without a diagram.
    pub fn simd_none(self) -> &'static str {
        self.p(
            "이 시뮬레이션에는 구성도가 없어요",
            "This simulation has no diagram",
        )
    }
}
