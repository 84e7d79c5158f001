//! The frame every screen shares: a title bar on top, a status bar at the bottom, and the body.

use ratatui::layout::Rect;

/// The three bands of a screen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Bands {
    /// Top row: title and position.
    pub title: Rect,
    /// Everything between the bars.
    pub body: Rect,
    /// Bottom row: keys and messages.
    pub status: Rect,
}

impl Bands {
    /// Splits `area` into title, body and status bands.
    pub fn of(area: Rect) -> Self {
        Self {
            title: Rect {
                height: area.height.min(1),
                ..area
            },
            body: Rect {
                y: area.y + 1,
                height: area.height.saturating_sub(2),
                ..area
            },
            status: Rect {
                y: area.bottom().saturating_sub(1),
                height: area.height.min(1),
                ..area
            },
        }
    }
}
