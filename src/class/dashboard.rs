//! The teacher's side: a live dashboard in the terminal that runs `class serve`, or event
//! lines on stdout with `--headless`.
//!
//! Both read the class under its lock a few times a second, end the round when the clock runs
//! out, and apply the teacher's commands through [`apply`], which tells every student's screen
//! to redraw. The dashboard's frame is a pure function of the class and its own small state
//! ([`Dashboard`]), drawn with the same `Frame` API as the student screen; the terminal is set
//! up and restored by `ratatui::init`/`ratatui::restore` (panic hook included) and SIGINT,
//! SIGTERM and SIGHUP end it through [`crate::stop`], like the app's TUI.
//!
//! Both loops read the monotonic clock once per turn, after waiting for a key or a command,
//! and hand that reading to [`tick`], [`apply`] and the frame (see [`crate::clock`]).

use std::collections::VecDeque;
use std::io::BufRead;
use std::sync::Arc;
use std::time::{Duration, Instant};

use ratatui::Frame;
use ratatui::crossterm::event::{self, Event as TermEvent, KeyEventKind};
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::server::Shared;
use super::state::{Class, Event, Phase, QuestionStat};
use crate::keys::{self, Action, Context, Key};
use crate::quiz::Bank;
use crate::strings::{Lang, Strings};
use crate::text;

/// A teacher's command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Start the round (or resume it).
    Start,
    /// Pause or resume.
    Pause,
    /// End the round.
    End,
    /// Show the answers to everyone.
    Reveal,
    /// Remove a student (by name key).
    Kick(String),
    /// Close the class.
    Quit,
    /// Print the server's own timing (`--headless` only).
    Stats,
}

/// Applies a command given at `at` to the class and tells the students' screens.
pub fn apply(shared: &Shared, command: &Command, at: Instant) {
    let now = shared.ms_at(at);
    let unix = shared.clock.wall_at(at).secs();
    {
        let mut class = shared.lock();
        match command {
            Command::Start => class.start(now, unix),
            Command::Pause => class.toggle_pause(now, unix),
            Command::End => class.end(now),
            Command::Reveal => class.reveal(now),
            Command::Kick(key) => class.kick(key),
            Command::Quit | Command::Stats => return,
        }
    }
    shared.notify();
}

/// Ends the round when time is up at `at`; returns the events since the last call.
pub fn tick(shared: &Shared, at: Instant) -> Vec<Event> {
    let now = shared.ms_at(at);
    let (ended, events) = {
        let mut class = shared.lock();
        let ended = class.tick(now);
        (ended, class.take_events())
    };
    if ended {
        shared.notify();
    }
    events
}

/// Parses a `--headless` stdin command: `start`, `pause`, `end`, `reveal`, `kick NAME`,
/// `stats`, `quit`.
pub fn parse_command(line: &str) -> Option<Command> {
    let mut words = line.split_whitespace();
    let command = match words.next()? {
        "start" | "resume" => Command::Start,
        "pause" => Command::Pause,
        "end" => Command::End,
        "reveal" => Command::Reveal,
        "kick" => Command::Kick(super::state::name_key(words.next()?)),
        "quit" => Command::Quit,
        "stats" => Command::Stats,
        _ => return None,
    };
    Some(command)
}

/// `--headless`: starts the round, prints each event as a line, takes commands on stdin, and
/// returns when a signal or `quit` comes.
pub fn run_headless(shared: &Arc<Shared>, lang: Lang, out: &mut dyn FnMut(&str)) {
    let s = Strings::new(lang);
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::stdin().lock().lines() {
            let Ok(line) = line else { break };
            if let Some(c) = parse_command(&line)
                && tx.send(c).is_err()
            {
                break;
            }
        }
    });
    let mut at = Instant::now();
    apply(shared, &Command::Start, at);
    while !crate::stop::requested() {
        for event in tick(shared, at) {
            out(&s.class_event(&event));
        }
        let command = rx.recv_timeout(Duration::from_millis(200));
        at = Instant::now();
        match command {
            Ok(Command::Quit) => break,
            Ok(Command::Stats) => out(&s.class_server_stats(&shared.timing.summary())),
            Ok(c) => apply(shared, &c, at),
            Err(_) => {}
        }
    }
    for event in tick(shared, at) {
        out(&s.class_event(&event));
    }
}

/// The dashboard's own state: the selected student, the log, a pending quit.
#[derive(Debug, Default)]
pub struct Dashboard {
    /// Index of the selected student (for kicking).
    pub selected: usize,
    /// The latest events, newest last.
    pub log: VecDeque<String>,
    /// `q` was pressed once.
    pub confirm_quit: bool,
    /// The UI language.
    pub lang: Lang,
    /// Misconception labels by tag (`[misconceptions.TAG]` in the banks): the teacher reads
    /// "자체 관리 부담", not `self-managed-overhead`.
    pub labels: std::collections::BTreeMap<String, crate::quiz::format::Label>,
    /// The class's answers per question, as of [`Class::answers_given`] answers (worked out
    /// again by [`Dashboard::sync`] only when an answer came in, not on every frame).
    pub(super) stats: Option<(usize, Vec<QuestionStat>)>,
}

impl Dashboard {
    /// Turns a key into a command (`None` when the key only changed the dashboard). Keys are
    /// looked up in the key map's `class` context, then the global one, like every screen's.
    pub fn update(&mut self, key: Key, class: &Class) -> Option<Command> {
        let action = keys::lookup(&[Context::Class], key);
        if action != Some(Action::Quit) {
            self.confirm_quit = false;
        }
        match action? {
            Action::Quit => {
                if self.confirm_quit {
                    return Some(Command::Quit);
                }
                self.confirm_quit = true;
                None
            }
            Action::StartRound => Some(Command::Start),
            Action::Pause => Some(Command::Pause),
            Action::EndRound => Some(Command::End),
            Action::Reveal => Some(Command::Reveal),
            Action::Kick => class
                .students
                .get(self.selected)
                .map(|s| Command::Kick(s.key.clone())),
            Action::Down => {
                self.selected = (self.selected + 1).min(class.students.len().saturating_sub(1));
                None
            }
            Action::Up => {
                self.selected = self.selected.saturating_sub(1);
                None
            }
            Action::ToggleLang => {
                self.lang = self.lang.toggled();
                None
            }
            _ => None,
        }
    }

    /// Works the per-question statistics out again if the class has answers the dashboard
    /// has not counted yet; returns whether it did. The loop calls it once per turn.
    pub fn sync(&mut self, class: &Class, bank: &Bank) -> bool {
        let given = class.answers_given();
        if self.stats.as_ref().is_some_and(|(seen, _)| *seen == given) {
            return false;
        }
        self.stats = Some((given, class.stats(bank)));
        true
    }

    /// Adds events to the log (the last 100 are kept).
    pub fn record(&mut self, events: &[Event]) {
        let s = Strings::new(self.lang);
        for e in events {
            self.log.push_back(s.class_event(e));
            if self.log.len() > 100 {
                self.log.pop_front();
            }
        }
    }

    /// Draws the dashboard as it is at `now` (the class's milliseconds).
    pub fn render(&self, frame: &mut Frame<'_>, area: Rect, shared: &Shared, now: u64) {
        let s = Strings::new(self.lang);
        let class = shared.lock();
        let width = area.width as usize;
        if area.width < 40 || area.height < 12 {
            frame.render_widget(
                Paragraph::new(text::truncate(s.class_too_small(), width)),
                area,
            );
            return;
        }
        let secs = class.remaining_ms(now).div_ceil(1000);
        let phase = match class.phase() {
            Phase::Waiting => s.class_phase_waiting().to_owned(),
            Phase::Running => s.class_time_left(&format!("{}:{:02}", secs / 60, secs % 60)),
            Phase::Paused => format!("{} {}:{:02}", s.class_phase_paused(), secs / 60, secs % 60),
            Phase::Ended => s.class_phase_ended().to_owned(),
        };
        let title = format!(
            " {} · {phase} · {}{}",
            s.dash_title(),
            s.dash_students(class.connected(), class.students.len()),
            if class.revealed {
                format!(" · {}", s.class_revealed())
            } else {
                String::new()
            }
        );
        let mut lines: Vec<Line<'_>> = vec![Line::styled(
            text::fit(&title, width),
            Style::default().add_modifier(Modifier::REVERSED),
        )];
        // Questions: at most 40% of the height.
        let stats = self.stats.as_ref().map_or(&[][..], |(_, s)| s.as_slice());
        let q_rows = stats.len().min((area.height as usize * 2 / 5).max(3));
        lines.push(Line::styled(
            format!(" {}", s.dash_question_header()),
            Style::default().add_modifier(Modifier::BOLD),
        ));
        for (n, st) in stats.iter().enumerate().take(q_rows) {
            let pct = (st.right * 100)
                .checked_div(st.answered)
                .map_or_else(|| "-".to_owned(), |p| format!("{p}%"));
            let wrong = st
                .top_wrong
                .as_ref()
                .map_or_else(String::new, |(id, count, tag)| {
                    let tag = tag.as_deref().map_or_else(String::new, |t| {
                        let label = self.labels.get(t).map_or(t, |l| match self.lang {
                            Lang::Ko => l.ko.as_str(),
                            Lang::En => l.en.as_str(),
                        });
                        format!(" ({label})")
                    });
                    format!("{id} ×{count}{tag}")
                });
            let row = format!(" Q{:<4}{:<6}{:<8}{wrong}", n + 1, st.answered, pct);
            lines.push(Line::from(text::truncate(&row, width)));
        }
        lines.push(Line::styled(
            format!(" {}", s.dash_student_header()),
            Style::default().add_modifier(Modifier::BOLD),
        ));
        let log_rows = 4usize;
        let hints = if self.confirm_quit {
            vec![s.dash_confirm_quit().to_owned()]
        } else {
            key_hints(self.lang, width.saturating_sub(1))
        };
        let used = lines.len() + log_rows + hints.len();
        let student_rows = (area.height as usize).saturating_sub(used);
        let first = self.selected.saturating_sub(student_rows.saturating_sub(1));
        for (i, st) in class
            .students
            .iter()
            .enumerate()
            .skip(first)
            .take(student_rows)
        {
            let (answered, right) = st.progress();
            let mark = if st.kicked {
                "×"
            } else if st.connected {
                "●"
            } else {
                "○"
            };
            let row = format!(" {mark} {}{:<6}{right}", text::fit(&st.name, 14), answered);
            let style = if i == self.selected {
                Style::default().add_modifier(Modifier::REVERSED)
            } else {
                Style::default()
            };
            lines.push(Line::styled(text::fit(&row, width), style));
        }
        while lines.len() < (area.height as usize).saturating_sub(log_rows + hints.len()) {
            lines.push(Line::default());
        }
        for l in self.log.iter().rev().take(log_rows).rev() {
            lines.push(Line::styled(
                format!(" {}", text::truncate(l, width.saturating_sub(1))),
                Style::default().fg(Color::DarkGray),
            ));
        }
        while lines.len() < (area.height as usize).saturating_sub(hints.len()) {
            lines.push(Line::default());
        }
        for hint in hints {
            lines.push(Line::styled(
                text::fit(&format!(" {hint}"), width),
                Style::default().add_modifier(Modifier::DIM),
            ));
        }
        frame.render_widget(Paragraph::new(lines), area);
    }
}

/// The dashboard's key hints, from the key map's `class` context as the app's status bar
/// builds them: the bindings marked as hints, each by its first key (so a user's key map shows
/// its own keys), in lines of at most `width` and at most [`HINT_LINES`] of them; the quit
/// hint comes last and keeps its room (hints before it are left out if need be).
fn key_hints(lang: Lang, width: usize) -> Vec<String> {
    let hint =
        |b: &keys::Binding| format!("{} {}", keys::key_name(&b.keys[0]), b.description(lang));
    let (quit, others): (Vec<_>, Vec<_>) = keys::active()
        .in_context(Context::Class)
        .filter(|b| b.status && !b.keys.is_empty())
        .partition(|b| b.action == Action::Quit);
    let quit = quit.first().map(|&b| hint(b));
    let quit_w = quit.as_ref().map_or(0, |q| text::width(q) + 2);
    let mut lines: Vec<Vec<String>> = vec![Vec::new()];
    let mut used = 0;
    'hints: for h in others.into_iter().map(hint) {
        let w = text::width(&h);
        loop {
            let last = lines.len() == HINT_LINES;
            let room = width.saturating_sub(if last { quit_w } else { 0 });
            let sep = if used == 0 { 0 } else { 2 };
            if used + sep + w <= room {
                used += sep + w;
                lines.last_mut().expect("one line at least").push(h);
                continue 'hints;
            }
            if last {
                break 'hints;
            }
            lines.push(Vec::new());
            used = 0;
        }
    }
    if let Some(q) = quit {
        if used > 0 && used + quit_w > width && lines.len() < HINT_LINES {
            lines.push(Vec::new());
        }
        lines.last_mut().expect("one line at least").push(q);
    }
    lines.into_iter().map(|l| l.join("  ")).collect()
}

/// The most rows the key hints take.
const HINT_LINES: usize = 2;

/// Runs the dashboard in this terminal until the teacher quits or a signal comes; the
/// terminal is restored on return and on panic.
pub fn run_dashboard(
    shared: &Arc<Shared>,
    lang: Lang,
    labels: std::collections::BTreeMap<String, crate::quiz::format::Label>,
) -> anyhow::Result<()> {
    crate::stop::install()?;
    let mut terminal = ratatui::init();
    let mut dash = Dashboard {
        lang,
        labels,
        ..Dashboard::default()
    };
    let result = (|| -> anyhow::Result<()> {
        let mut at = Instant::now();
        while !crate::stop::requested() {
            let events = tick(shared, at);
            dash.record(&events);
            dash.sync(&shared.lock(), &shared.bank);
            let now = shared.ms_at(at);
            terminal.draw(|f| dash.render(f, f.area(), shared, now))?;
            let input = if event::poll(Duration::from_millis(250))? {
                Some(event::read()?)
            } else {
                None
            };
            // This turn's time: after the wait, before the key is applied.
            at = Instant::now();
            if let Some(TermEvent::Key(k)) = input
                && k.kind == KeyEventKind::Press
                && let Some(key) = crate::ui::keymap::key_of(&k)
            {
                let command = {
                    let class = shared.lock();
                    dash.update(key, &class)
                };
                match command {
                    Some(Command::Quit) => break,
                    Some(c) => apply(shared, &c, at),
                    None => {}
                }
            }
        }
        Ok(())
    })();
    ratatui::restore();
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::Code;

    #[test]
    fn commands_parse() {
        assert_eq!(parse_command("start"), Some(Command::Start));
        assert_eq!(
            parse_command("kick MinJi"),
            Some(Command::Kick("minji".into()))
        );
        assert_eq!(parse_command("kick"), None);
        assert_eq!(parse_command("rm -rf /"), None);
    }

    #[test]
    fn key_hints_come_from_the_key_map_and_keep_quit() {
        // Wide: one line, every hint by its first key (F9 reveals too, but r is shown).
        let wide = key_hints(Lang::En, 200);
        assert_eq!(
            wide,
            [
                "s Start/resume  p Pause/resume  e End round  r Reveal answers  k Kick student  \
              q Close class (q twice)"
            ]
        );
        // 80 columns: two lines, nothing cut.
        let two = key_hints(Lang::Ko, 79);
        assert_eq!(two.len(), 2, "{two:?}");
        assert!(two.iter().all(|l| text::width(l) <= 79), "{two:?}");
        assert!(two[1].ends_with("q 수업 닫기 (q 두 번)"), "{two:?}");
        for part in [
            "s 시작·재개",
            "p 멈춤·재개",
            "e 라운드 끝내기",
            "r 정답 공개",
            "k 학생 내보내기",
        ] {
            assert!(two.join(" ").contains(part), "{part}: {two:?}");
        }
        // Very narrow: hints are left out before quit is.
        let narrow = key_hints(Lang::En, 30);
        assert!(narrow.len() <= HINT_LINES);
        assert!(narrow.iter().all(|l| text::width(l) <= 30), "{narrow:?}");
        assert!(
            narrow.last().unwrap().ends_with("q Close class (q twice)"),
            "{narrow:?}"
        );
    }

    #[test]
    fn stats_are_worked_out_when_an_answer_comes_not_per_frame() {
        let bank = Bank::load(&crate::quiz::BankSource::Embedded);
        let items =
            crate::quiz::session::draw(&bank, &crate::quiz::session::Filter::default(), 3, 3);
        let q = &bank.entries[items[0].entry].question;
        let right = q.correct_ids()[0].to_owned();
        let mut class = Class::new(super::super::state::Spec {
            exam_or_quiz: "class".into(),
            seed: 3,
            items,
            minutes: 10,
            max_students: 5,
        });
        let (key, _) = class.join("minji").unwrap();
        class.start(0, 0);
        let mut d = Dashboard::default();
        assert!(d.sync(&class, &bank), "the first frame");
        assert!(!d.sync(&class, &bank), "nothing new");
        class.join("jisoo").unwrap();
        assert!(
            !d.sync(&class, &bank),
            "a student joining changes no answer count"
        );
        class.answer(&bank, &key, 0, vec![right], 1000).unwrap();
        assert!(d.sync(&class, &bank));
        let (_, stats) = d.stats.as_ref().unwrap();
        assert_eq!((stats[0].answered, stats[0].right), (1, 1));
        assert!(!d.sync(&class, &bank));
    }

    #[test]
    fn dashboard_keys_come_from_the_key_map() {
        let spec = super::super::state::Spec {
            exam_or_quiz: "class".into(),
            seed: 1,
            items: Vec::new(),
            minutes: 10,
            max_students: 5,
        };
        let mut class = Class::new(spec);
        class.join("minji").unwrap();
        class.join("jisoo").unwrap();
        let k = |code| Key { code, ctrl: false };
        let mut d = Dashboard::default();
        // Under a Korean layout ㄴ is s, ㄱ is r.
        assert_eq!(d.update(k(Code::Char('ㄴ')), &class), Some(Command::Start));
        assert_eq!(d.update(k(Code::F(9)), &class), Some(Command::Reveal));
        assert_eq!(d.update(k(Code::Char(' ')), &class), Some(Command::Pause));
        assert_eq!(d.update(k(Code::Char('e')), &class), Some(Command::End));
        assert_eq!(d.update(k(Code::Char('j')), &class), None);
        assert_eq!(
            d.update(k(Code::Delete), &class),
            Some(Command::Kick("jisoo".into()))
        );
        // q asks once; another key cancels; q q closes.
        assert_eq!(d.update(k(Code::Char('q')), &class), None);
        assert!(d.confirm_quit);
        assert_eq!(d.update(k(Code::Up), &class), None);
        assert!(!d.confirm_quit && d.selected == 0);
        assert_eq!(d.update(k(Code::Char('q')), &class), None);
        assert_eq!(d.update(k(Code::Char('ㅂ')), &class), Some(Command::Quit));
        let ctrl_c = Key {
            code: Code::Char('c'),
            ctrl: true,
        };
        assert_eq!(d.update(k(Code::Up), &class), None);
        assert_eq!(d.update(ctrl_c, &class), None);
        assert_eq!(d.update(ctrl_c, &class), Some(Command::Quit));
    }
}
