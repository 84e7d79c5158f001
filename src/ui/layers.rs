//! The router's stack of screens: home at the bottom, then the screens opened on top of it;
//! an overlay (help, palette, settings, definition popup) is a layer like any other that draws
//! over the screen below it. [`super::app::App`] pushes and pops; this type answers which layer
//! is where (the screen in front, the top layer, home) so tests and drawing can ask it too.

use std::ops::{Deref, DerefMut};

use super::screen::Screen as Component;
use super::screens::home::Home;

/// The stack, home at the bottom once the app is made; never empty after that.
#[derive(Debug, Default)]
pub struct Layers(Vec<Box<dyn Component>>);

impl Deref for Layers {
    type Target = Vec<Box<dyn Component>>;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl DerefMut for Layers {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.0
    }
}

impl Layers {
    /// Index of the screen drawn in full: the top layer that is not an overlay.
    pub fn base(&self) -> usize {
        self.0.iter().rposition(|s| !s.is_overlay()).unwrap_or(0)
    }

    /// Removes the top layer; home stays at the bottom.
    pub fn pop_above_home(&mut self) {
        let keep = self.0.len().max(2) - 1;
        self.0.truncate(keep);
    }

    /// The layers from the screen in front upwards (drawing order).
    pub fn visible(&self) -> &[Box<dyn Component>] {
        &self.0[self.base()..]
    }

    /// The top layer: an overlay, or the screen in front.
    pub fn top_layer(&self) -> &dyn Component {
        self.0[self.0.len() - 1].as_ref()
    }

    /// The top layer, mutable.
    pub fn top_mut(&mut self) -> &mut dyn Component {
        let n = self.0.len();
        self.0[n - 1].as_mut()
    }

    /// The screen in front (under any overlay) as a `T`, if it is one.
    pub fn front<T: 'static>(&self) -> Option<&T> {
        self.0[self.base()].as_any().downcast_ref()
    }

    /// The screen in front as a mutable `T`, if it is one.
    pub fn front_mut<T: 'static>(&mut self) -> Option<&mut T> {
        let base = self.base();
        self.0[base].as_any_mut().downcast_mut()
    }

    /// The top layer (an overlay or the screen in front) as a `T`, if it is one.
    pub fn top<T: 'static>(&self) -> Option<&T> {
        self.top_layer().as_any().downcast_ref()
    }

    /// The home screen, at the bottom of the stack.
    pub fn home(&self) -> &Home {
        self.0[0].as_any().downcast_ref().expect("home")
    }

    /// The home screen, mutable.
    pub fn home_mut(&mut self) -> &mut Home {
        self.0[0].as_any_mut().downcast_mut().expect("home")
    }
}
