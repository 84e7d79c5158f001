//! One simulation: its settings (moved with ←/→ or typed), a prediction before the first run,
//! the result's pictures and explanation trail, and the lessons that explain it.
//!
//! The model is [`crate::sims::Sim`]; this screen adds the lesson list over it. Drawing the
//! result's pictures is `view/sims.rs` (shared with no other screen but large).

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use crate::links::Picker;
use crate::sims::{Input, Preset, Sim};
use crate::strings::Lang;
use crate::ui::app::Screen as Kind;
use crate::ui::keymap::{self, Action, Context};
use crate::ui::screen::{Ctx, Effect, Screen};
use crate::ui::text_input::{Edit, TextInput, edit_with};
use crate::ui::view::sim_diagram::{self, Picture};
pub use crate::ui::view::sims::SimLayout;
use crate::ui::view::sims_newer::RunSeries;

/// A simulation on screen.
#[derive(Debug)]
pub struct SimScreen {
    /// The simulation: settings, last result, prediction, the box being typed in.
    pub sim: Sim,
    /// The lessons that explain it, when asked for.
    pub picker: Option<Picker>,
    /// The last run's chart lines, built once when it finished (every frame draws them).
    series: Option<RunSeries>,
    /// The last run's diagram as last drawn (see `sim_diagram::Drawn`).
    diagram: sim_diagram::Drawn,
    /// Diagram or chart, where both do not fit (`toggle-diagram`).
    pub picture: Picture,
}

/// A character a number box takes.
fn number_char(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '%')
}

impl SimScreen {
    /// The screen for `sim`.
    pub fn new(sim: Sim) -> Self {
        Self {
            sim,
            picker: None,
            series: None,
            diagram: sim_diagram::Drawn::default(),
            picture: Picture::default(),
        }
    }

    /// Where `render` puts each part (settings, challenge, chart…) in `area`, in `lang`.
    pub fn layout(&self, presets: &[Preset], lang: Lang, area: Rect) -> Option<SimLayout> {
        let preset = presets.get(self.sim.preset)?;
        Some(crate::ui::view::sims::layout(&self.sim, preset, lang, area))
    }

    fn locked_note(ctx: &Ctx) -> String {
        ctx.lang
            .pick(
                "이 과제에서는 바꿀 수 없는 값이에요",
                "This challenge keeps it fixed",
            )
            .into()
    }

    /// Enter or Esc in the value or prediction box.
    fn input_action(&mut self, action: Action, ctx: &Ctx) -> Effect {
        let sim = &mut self.sim;
        match action {
            Action::Cancel => sim.input = None,
            Action::Confirm => match sim.input.take() {
                Some(Input::Value(t)) => {
                    if let Some(Err(range)) =
                        sim.params.get_mut(sim.selected).map(|p| p.set_text(&t))
                    {
                        sim.note = Some(format!(
                            "{}: {range}",
                            ctx.lang.pick("허용 범위", "allowed range")
                        ));
                    }
                }
                Some(Input::Guess(t)) => {
                    let Some(preset) = ctx.presets.get(sim.preset) else {
                        return Effect::None;
                    };
                    // An empty box skips the prediction; anything else must be a number in
                    // the prediction's range, or it is asked again with the reason.
                    let raw = t.as_str().to_owned();
                    let cleaned = raw.trim().trim_end_matches('%').replace(',', "");
                    let (lo, hi) = Sim::guess_range(preset);
                    let guess = if cleaned.trim().is_empty() {
                        None
                    } else {
                        match cleaned.trim().parse::<f64>() {
                            Ok(g) if g.is_finite() && (lo..=hi).contains(&g) => Some(g),
                            _ => {
                                sim.note = Some(guess_problem(ctx, lo, hi));
                                sim.input = Some(Input::Guess(t));
                                return Effect::None;
                            }
                        }
                    };
                    sim.note = None;
                    sim.guess = guess;
                    sim.run(preset);
                    self.series = sim.outcome.as_ref().and_then(RunSeries::of);
                    self.diagram.clear();
                    return after_run(sim, preset.id());
                }
                None => {}
            },
            _ => {}
        }
        Effect::None
    }
}

/// After a run: remember it was tried, and that its challenge passed when it did (the list
/// shows ✓ for it).
fn after_run(sim: &Sim, id: &str) -> Effect {
    let tried = super::tried(id);
    if sim.passed != Some(true) {
        return tried;
    }
    let id = id.to_owned();
    Effect::Many(vec![
        tried,
        Effect::Store(Box::new(move |store| {
            store.mark_sim_passed(&id);
        })),
        Effect::Save,
    ])
}

/// Why a prediction was not taken, with what the box accepts.
fn guess_problem(ctx: &Ctx, lo: f64, hi: f64) -> String {
    let range = if hi >= 1e12 {
        ctx.lang
            .pick("0 이상의 수", "a number from 0 up")
            .to_owned()
    } else if (hi - 100.0).abs() < f64::EPSILON {
        ctx.lang
            .pick("0에서 100 사이의 %", "a % from 0 to 100")
            .to_owned()
    } else {
        match ctx.lang {
            crate::strings::Lang::Ko => format!("{lo}에서 {hi} 사이의 수"),
            crate::strings::Lang::En => format!("a number from {lo} to {hi}"),
        }
    };
    match ctx.lang {
        crate::strings::Lang::Ko => format!("예측은 {range}로 적어 주세요 (비우면 건너뛰어요)"),
        crate::strings::Lang::En => format!("Type the prediction as {range} (empty skips it)"),
    }
}

impl Screen for SimScreen {
    fn kind(&self) -> Kind {
        Kind::Sim
    }

    fn contexts(&self, _ctx: &Ctx) -> Vec<Context> {
        if self.picker.is_some() {
            vec![Context::List]
        } else if self.sim.input.is_some() {
            vec![Context::Search]
        } else {
            vec![Context::Sim]
        }
    }

    fn update(&mut self, action: Action, ctx: &Ctx) -> Effect {
        if self.picker.is_some() {
            return super::picker::update(&mut self.picker, action);
        }
        let sim = &mut self.sim;
        let Some(preset) = ctx.presets.get(sim.preset) else {
            return Effect::None;
        };
        sim.note = None;
        let n = sim.params.len();
        match action {
            Action::Down => sim.selected = super::next_row(sim.selected, n),
            Action::Up => sim.selected = sim.selected.saturating_sub(1),
            Action::Left | Action::Right => {
                let step = if action == Action::Left { -1.0 } else { 1.0 };
                if let Some(p) = sim.params.get_mut(sim.selected) {
                    if p.locked {
                        sim.note = Some(Self::locked_note(ctx));
                    } else {
                        p.nudge(step);
                    }
                }
            }
            Action::Open => {
                if let Some(p) = sim.params.get_mut(sim.selected) {
                    if p.locked {
                        sim.note = Some(Self::locked_note(ctx));
                    } else if p.switch || p.is_choice() {
                        p.nudge(1.0);
                    } else {
                        sim.input = Some(Input::Value(TextInput::default()));
                    }
                }
            }
            Action::Run => {
                if sim.outcome.is_none() {
                    // Predict first: the result stays hidden until a guess is typed (or skipped).
                    sim.input = Some(Input::Guess(TextInput::default()));
                } else {
                    sim.guess = None;
                    sim.run(preset);
                    self.series = sim.outcome.as_ref().and_then(RunSeries::of);
                    self.diagram.clear();
                    return after_run(sim, preset.id());
                }
            }
            Action::PageDown => sim.trail_scroll += 5,
            Action::PageUp => sim.trail_scroll = sim.trail_scroll.saturating_sub(5),
            Action::OpenLesson => return super::picker::open(&mut self.picker, sim.preset, ctx),
            Action::Toggle => sim.story_open = !sim.story_open,
            Action::ToggleDiagram => {
                let has = sim
                    .outcome
                    .as_ref()
                    .is_some_and(|o| sim_diagram::annotated(o, ctx.lang).is_some());
                if has {
                    self.picture = self.picture.toggled();
                    sim.trail_scroll = 0;
                } else {
                    sim.note = Some(ctx.strings().simd_none().to_owned());
                }
            }
            Action::Back => return Effect::Pop,
            _ => {}
        }
        Effect::None
    }

    fn text_key(&mut self, key: &KeyEvent, ctx: &Ctx) -> Option<Effect> {
        if self.picker.is_some() {
            return None;
        }
        // A value box takes only what a number is written with; the prediction box takes
        // anything, so a typo such as `abc` is answered with what it accepts.
        let (text, accept): (_, fn(char) -> bool) = match self.sim.input.as_mut()? {
            Input::Value(t) => (t, number_char),
            Input::Guess(t) => (t, |_| true),
        };
        // Ctrl-C quits from a text box too (its key map has no other use for it).
        if keymap::lookup(&[], key) == Some(Action::Quit) {
            return Some(Effect::Quit);
        }
        if edit_with(text, key, accept) != Edit::Ignored {
            return Some(Effect::None);
        }
        let effect = match keymap::lookup(&[Context::Search], key) {
            Some(action) => self.input_action(action, ctx),
            None => Effect::None,
        };
        Some(effect)
    }

    fn paste(&mut self, text: &str) -> bool {
        let Some(Input::Value(t) | Input::Guess(t)) = self.sim.input.as_mut() else {
            return false;
        };
        let digits: String = text.chars().filter(|&c| number_char(c)).collect();
        t.insert(&digits);
        true
    }

    fn render(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        crate::ui::view::sims::draw_sim(
            &self.sim,
            self.series.as_ref(),
            &self.diagram,
            self.picture,
            frame,
            area,
            ctx,
        );
        if let Some(picker) = &self.picker {
            super::picker::render(picker, frame, area, ctx);
        }
    }
}
