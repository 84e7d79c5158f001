//! The terminal user interface: the only module that knows ratatui and crossterm.
//!
//! A screen is a component ([`screen::Screen`], one per file or folder under [`screens`]): it
//! owns its state, changes it in `update(action, ctx)` and draws it in `render(frame, area, ctx)`
//! from a [`screen::Ctx`] of shared data, and asks for anything beyond its own state with an
//! [`screen::Effect`]. Overlays (help, palette, settings, definition popup) are screens too,
//! drawn over the one below them. [`App`] is the stack of screens (Back pops) and the only place
//! effects are applied. [`run`] is the loop that connects it all to the terminal: one clock
//! reading per turn, keys through the key map (`keymap`), pastes to the focused text box
//! (`text_input`).
//!
//! Layers inside `ui/`: `app` (the router) over `screens/` (one component each) over the
//! shared pieces they draw with (`view`: title and status bars, overlay clearing; `layout`,
//! `theme`, `text_input`, `keymap`). `print` is the command line's coloured output.

pub mod app;
pub mod data;
pub mod keymap;
pub mod layers;
pub mod layout;
pub mod print;
pub mod screen;
pub mod screens;
pub mod text_input;
pub mod theme;
mod view;

use std::io::stdout;

use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;

pub use app::App;
pub use screens::{exam, glossary, palette, reader, settings};
pub use view::draw;

/// Runs the TUI until the user quits. The terminal is restored on return and on panic.
///
/// Mouse capture starts as `mouse` says and then follows [`App::mouse`] (the settings screen
/// turns it on and off while the app runs).
pub fn run(mut app: App, mouse: bool) -> anyhow::Result<()> {
    let mut terminal = ratatui::init();
    // A paste arrives as one event for the focused text box, not as keys that run actions.
    execute!(stdout(), EnableBracketedPaste)?;
    app.mouse = mouse;
    // Banks, presets and a user's search index load on threads (see `data`).
    app.data.banks.background = true;
    let mut captured = false;
    let mut idle_done = false;
    // ratatui's panic hook restores the screen but knows nothing of mouse capture or bracketed
    // paste. Disabling capture that is off is harmless, so the hook is installed either way.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
        previous(info);
    }));
    let result = (|| -> anyhow::Result<()> {
        // A signal (closed terminal, SIGTERM) ends the loop like quitting does: see `crate::stop`.
        while !app.quit && !crate::stop::requested() {
            if app.mouse != captured {
                if app.mouse {
                    execute!(stdout(), EnableMouseCapture)?;
                } else {
                    execute!(stdout(), DisableMouseCapture)?;
                }
                captured = app.mouse;
            }
            // Another window on the same data folder may have committed: read its rows
            // (a cheap `PRAGMA data_version` check when nothing changed).
            if app.store.refresh_if_changed() {
                app.store_changed();
            }
            terminal.draw(|frame| {
                app.prepare(frame.area());
                draw(&app, frame);
            })?;
            // Once a frame is on screen and no key is waiting, do the deferred start-up work.
            if (!idle_done || app.data.busy()) && !event::poll(std::time::Duration::ZERO)? {
                idle_done = app.idle();
            }
            // A countdown on screen wakes the loop twice a second; while something loads on a
            // thread, soon (to take it and show progress); otherwise it sleeps until input (or a
            // quarter second, for other windows' changes and the minute turning).
            let ticking = app.needs_tick();
            let loading = !idle_done || app.data.busy();
            let wait = std::time::Duration::from_millis(if ticking {
                500
            } else if loading {
                40
            } else {
                250
            });
            let input = if event::poll(wait)? {
                Some(event::read()?)
            } else {
                None
            };
            // The turn's one clock reading, after the wait: the key, the tick, the store's
            // stamps and the next frame all see this time.
            let now = crate::clock::now();
            app.now_ms = now.millis();
            app.store.set_now(now);
            if let Some(ev) = input {
                app.handle_event(&ev);
            }
            if ticking {
                app.tick(app.now_ms);
            }
        }
        Ok(())
    })();
    app.save();
    if captured {
        let _ = execute!(stdout(), DisableMouseCapture);
    }
    // Also after a signal (the loop ends on `crate::stop::requested`, then comes here).
    let _ = execute!(stdout(), DisableBracketedPaste);
    ratatui::restore();
    result
}

/// Wall-clock milliseconds ([`crate::clock::now`]): the exam deadline is absolute, so resuming
/// counts the time away.
///
/// The one clock of the UI: the run loop reads [`crate::clock::now`] once per turn, and
/// `App::new` calls this once for the first frame; the time is handed to everything as
/// `App::now_ms`, so a test sets the time instead of waiting for it.
pub fn now_ms() -> u64 {
    crate::clock::now().millis()
}
