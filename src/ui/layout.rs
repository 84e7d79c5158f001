//! The frame every screen shares: a title bar on top, a status bar at the bottom, and the body.

use ratatui::layout::Rect;

/// Smallest terminal the UI draws into; below it, one centred message.
pub const MIN_WIDTH: u16 = 40;
/// Smallest terminal height the UI draws into.
pub const MIN_HEIGHT: u16 = 12;

/// Whether `area` is below the minimum size (only a "too small" line is drawn then).
pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

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

/// Widest column of running text; longer lines are hard to read.
pub const MAX_TEXT_WIDTH: u16 = 100;

/// A text column inside `body`: one blank row on top, a margin of two cells each side, at most
/// [`MAX_TEXT_WIDTH`] wide and centred.
pub fn text_column(body: Rect) -> Rect {
    let room = body.width.saturating_sub(4);
    let width = room.min(MAX_TEXT_WIDTH);
    Rect {
        x: body.x + 2 + (room - width) / 2,
        y: body.y + 1,
        width,
        height: body.height.saturating_sub(1),
    }
}
