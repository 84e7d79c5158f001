//! The `CloudFormation` update screen's state: the guided scenario (pick an edit, read its change
//! set, apply it, watch the data) and "open your own two templates".
//!
//! The rules live in `simulations::cfn`; this module only keeps the selection, the typed paths
//! and the last results. Work happens on a key press, never per frame.

mod view;

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::ui::app::Screen as Kind;
use crate::ui::keymap::Context;
use crate::ui::screen::{Ctx, Effect, Screen};
use std::collections::BTreeMap;
use std::path::Path;

use ratatui::crossterm::event::KeyEvent;
use simulations::cfn::scenario::{self, Applied, Preview, Scenario};
use simulations::cfn::{self, Report, StackPolicy};

use crate::keys::Action;
use crate::strings::{Lang, Strings};

pub use crate::sims::cfn_entry::Entry;

/// Which half of the screen is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// The guided scenario.
    Guided,
    /// Two templates of the learner's own.
    Own,
}

/// The result of comparing the learner's own templates.
#[derive(Debug, Clone, PartialEq)]
pub struct OwnResult {
    /// The verdicts.
    pub report: Report,
}

/// The screen's state.
#[derive(Debug, Clone)]
pub struct ReplaceScreen {
    /// The simulation preset this screen belongs to (marked as tried when it runs).
    pub preset: usize,
    /// The lessons that explain it, when asked for.
    pub picker: Option<crate::links::Picker>,
    /// The embedded scenario, or why it could not be read.
    pub scenario: Result<Scenario, String>,
    /// Guided or own templates.
    pub tab: Tab,
    /// Selected edit.
    pub selected: usize,
    /// The selected edit's change set.
    pub preview: Option<Result<Preview, String>>,
    /// The stack after applying the selected edit.
    pub applied: Option<Applied>,
    /// Scroll of the details.
    pub scroll: usize,
    /// Typed paths: old template, new template, stack policy (optional).
    pub paths: [crate::ui::text_input::TextInput; 3],
    /// The selected path as it was when typing started (Esc restores it).
    before_edit: crate::ui::text_input::TextInput,
    /// Selected path field.
    pub field: usize,
    /// Typing into the selected field.
    pub editing: bool,
    /// The last comparison of the own templates, or its error (`file:line: problem`).
    pub own: Option<Result<OwnResult, String>>,
}

impl ReplaceScreen {
    /// A fresh screen on the guided scenario.
    pub fn new(preset: usize, lang: Lang) -> Self {
        let scenario = scenario::groups().map_err(|e| e.message(lang == Lang::En));
        let mut s = Self {
            preset,
            picker: None,
            scenario,
            tab: Tab::Guided,
            selected: 0,
            preview: None,
            applied: None,
            scroll: 0,
            paths: Default::default(),
            before_edit: crate::ui::text_input::TextInput::default(),
            field: 0,
            editing: false,
            own: None,
        };
        s.refresh(lang);
        s
    }

    /// Number of edits in the scenario.
    pub fn edit_count(&self) -> usize {
        self.scenario.as_ref().map_or(0, |s| s.edits.len())
    }

    fn refresh(&mut self, lang: Lang) {
        self.applied = None;
        self.scroll = 0;
        self.preview = self.scenario.as_ref().ok().map(|s| {
            s.preview(self.selected)
                .map_err(|e| e.message(lang == Lang::En))
        });
    }

    /// Applies the selected edit.
    pub fn apply(&mut self, lang: Lang) {
        let Ok(s) = &self.scenario else { return };
        match s.apply(self.selected) {
            Ok(a) => self.applied = Some(a),
            Err(e) => self.preview = Some(Err(e.message(lang == Lang::En))),
        }
        self.scroll = 0;
    }

    /// Compares the typed templates.
    pub fn compare(&mut self, lang: Lang) {
        self.own = Some(compare_paths(&self.paths, lang).map(|report| OwnResult { report }));
        self.scroll = 0;
    }

    /// Handles a key action (not typing).
    pub fn action(&mut self, action: Action, lang: Lang) {
        match (self.tab, action) {
            (_, Action::Overview) => {
                self.tab = match self.tab {
                    Tab::Guided => Tab::Own,
                    Tab::Own => Tab::Guided,
                };
                self.scroll = 0;
            }
            (_, Action::PageDown) => self.scroll += 5,
            (_, Action::PageUp) => self.scroll = self.scroll.saturating_sub(5),
            (Tab::Guided, Action::Down) if self.selected + 1 < self.edit_count() => {
                self.selected += 1;
                self.refresh(lang);
            }
            (Tab::Guided, Action::Up) if self.selected > 0 => {
                self.selected -= 1;
                self.refresh(lang);
            }
            (Tab::Guided, Action::Open | Action::Run) => {
                if self.applied.is_some() {
                    // A second press shows the change set again: the stack is as deployed.
                    self.refresh(lang);
                } else {
                    self.apply(lang);
                }
            }
            (Tab::Own, Action::Down) => self.field = (self.field + 1).min(2),
            (Tab::Own, Action::Up) => self.field = self.field.saturating_sub(1),
            (Tab::Own, Action::Open) => self.start_editing(),
            (Tab::Own, Action::Run) => self.compare(lang),
            _ => {}
        }
    }

    /// Typing into a path field.
    pub fn input_key(&mut self, key: &KeyEvent, lang: Lang) {
        use crate::ui::text_input::{Edit, edit};
        // The path box keeps every key to itself: typing `o`, `/` or `q` in a path runs nothing.
        let field = self.field.min(2);
        if edit(&mut self.paths[field], key) != Edit::Ignored {
            return;
        }
        match crate::ui::keymap::lookup(&[crate::ui::keymap::Context::Search], key) {
            Some(Action::Cancel) => {
                // Esc puts back what the box held before typing started.
                self.paths[field] = std::mem::take(&mut self.before_edit);
                self.editing = false;
            }
            Some(Action::Confirm) => {
                self.editing = false;
                // Enter on the last needed field compares right away.
                if !self.paths[0].trim().is_empty() && !self.paths[1].trim().is_empty() {
                    if self.field == 0 {
                        self.field = 1;
                    }
                    self.compare(lang);
                } else if self.field == 0 {
                    self.field = 1;
                    self.start_editing();
                }
            }
            _ => {}
        }
    }

    /// Puts the cursor in the selected path box, remembering its value for Esc.
    fn start_editing(&mut self) {
        self.editing = true;
        self.before_edit = self.paths[self.field.min(2)].clone();
    }
}

impl Screen for ReplaceScreen {
    fn kind(&self) -> Kind {
        Kind::Replace
    }

    fn contexts(&self, _ctx: &Ctx) -> Vec<Context> {
        if self.picker.is_some() {
            vec![Context::List]
        } else if self.editing {
            vec![Context::Search]
        } else {
            vec![Context::Replace]
        }
    }

    fn update(&mut self, action: Action, ctx: &Ctx) -> Effect {
        if self.picker.is_some() {
            return crate::ui::screens::picker::update(&mut self.picker, action);
        }
        match action {
            Action::Back => Effect::Pop,
            Action::OpenLesson => {
                crate::ui::screens::picker::open(&mut self.picker, self.preset, ctx)
            }
            _ => {
                self.action(action, ctx.lang);
                match ctx.presets.get(self.preset) {
                    Some(p) if matches!(action, Action::Run | Action::Open) => {
                        crate::ui::screens::tried(p.id())
                    }
                    _ => Effect::None,
                }
            }
        }
    }

    fn text_key(&mut self, key: &KeyEvent, ctx: &Ctx) -> Option<Effect> {
        if self.picker.is_some() || !self.editing {
            return None;
        }
        // Ctrl-C quits from a text box too (its key map has no other use for it).
        if crate::ui::keymap::lookup(&[], key) == Some(Action::Quit) {
            return Some(Effect::Quit);
        }
        self.input_key(key, ctx.lang);
        Some(Effect::None)
    }

    fn paste(&mut self, text: &str) -> bool {
        if !self.editing {
            return false;
        }
        let field = self.field.min(2);
        crate::ui::text_input::paste(&mut self.paths[field], text);
        true
    }

    fn render(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        view::draw(self, frame, area, ctx);
        if let Some(picker) = &self.picker {
            crate::ui::screens::picker::render(picker, frame, area, ctx);
        }
    }
}

/// Reads and compares the templates at `paths` (old, new, optional stack policy).
fn compare_paths(
    paths: &[crate::ui::text_input::TextInput; 3],
    lang: Lang,
) -> Result<Report, String> {
    let en = lang == Lang::En;
    let s = Strings::new(lang);
    let read = |p: &str| -> Result<String, String> {
        std::fs::read_to_string(Path::new(p)).map_err(|e| s.cfn_unreadable(p, &e.to_string()))
    };
    let [old, new, policy] = paths.each_ref().map(|p| p.trim());
    if old.is_empty() || new.is_empty() {
        return Err(s.cfn_paths_needed().into());
    }
    let old_t = cfn::parse(old, &read(old)?).map_err(|e| e.message(en))?;
    let new_t = cfn::parse(new, &read(new)?).map_err(|e| e.message(en))?;
    let policy = if policy.is_empty() {
        None
    } else {
        Some(StackPolicy::parse(policy, &read(policy)?).map_err(|e| e.message(en))?)
    };
    Ok(cfn::evaluate(
        &old_t,
        &new_t,
        policy.as_ref(),
        &BTreeMap::new(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};

    fn key(c: KeyCode) -> KeyEvent {
        KeyEvent::new(c, KeyModifiers::NONE)
    }

    #[test]
    fn guided_edits_preview_then_apply() {
        let mut s = ReplaceScreen::new(0, Lang::Ko);
        assert!(s.edit_count() >= 10);
        assert!(matches!(s.preview, Some(Ok(_))));
        s.action(Action::Down, Lang::Ko);
        assert_eq!(s.selected, 1);
        s.action(Action::Open, Lang::Ko);
        let a = s.applied.as_ref().expect("applied");
        assert_eq!(
            a.after
                .iter()
                .find(|h| h.logical_id == "GroupsDynamoDBTable")
                .map(|h| h.amount),
            Some(0),
            "edit 1 is the key-schema change"
        );
        s.action(Action::Open, Lang::Ko);
        assert!(
            s.applied.is_none(),
            "a second press shows the change set again"
        );
    }

    #[test]
    fn the_list_entry_and_cloudformation_sections_lead_here() {
        let presets = crate::sims::all_presets();
        let i = presets
            .iter()
            .position(|p| p.id() == "cfn-groups")
            .expect("listed");
        assert_eq!(presets[i].title(Lang::Ko), "스택 업데이트와 데이터 손실");
        assert_eq!(presets[i].title(Lang::En), "Stack updates and data loss");
        assert_eq!(
            crate::sims::preset_for("CloudFormation 리소스 정의", &[], &presets),
            Some(i)
        );
    }

    #[test]
    fn own_templates_compare_from_typed_paths() {
        let mut s = ReplaceScreen::new(0, Lang::En);
        s.action(Action::Overview, Lang::En);
        assert_eq!(s.tab, Tab::Own);
        s.action(Action::Open, Lang::En);
        for c in "tests/fixtures/cfn/c1.old.yaml".chars() {
            s.input_key(&key(KeyCode::Char(c)), Lang::En);
        }
        s.input_key(&key(KeyCode::Enter), Lang::En);
        assert!(s.editing, "moves on to the new template");
        for c in "tests/fixtures/cfn/missing.yaml".chars() {
            s.input_key(&key(KeyCode::Char(c)), Lang::En);
        }
        s.input_key(&key(KeyCode::Enter), Lang::En);
        let Some(Err(e)) = &s.own else {
            panic!("{:?}", s.own)
        };
        assert!(
            e.starts_with("tests/fixtures/cfn/missing.yaml: cannot read"),
            "{e}"
        );
        for _ in "missing.yaml".chars() {
            s.input_key(&key(KeyCode::Backspace), Lang::En);
        }
        for c in "c1.new.yaml".chars() {
            s.input_key(&key(KeyCode::Char(c)), Lang::En);
        }
        s.action(Action::Run, Lang::En);
        let Some(Ok(r)) = &s.own else {
            panic!("{:?}", s.own)
        };
        assert_eq!(r.report.exit_code(), 3);
    }
}
