//! A QR code drawn in the terminal with Unicode half blocks: each cell
//! holds two modules, one above the other, so the code keeps square
//! modules on a terminal's tall cells. It is drawn dark on light with
//! explicit colours (whatever the terminal's theme) and a quiet zone, which
//! is what a phone camera needs to read it off a projected screen.

use qrcode::{Color as Module, EcLevel, QrCode};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::widgets::Widget;

/// Light modules around the code. The standard asks for 4; 2 is what
/// terminal QR tools use and phones read it, and it keeps the code within
/// a laptop screen's panel.
pub const QUIET_ZONE: usize = 2;

/// A URL as a QR code, ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct Qr {
    /// Modules row by row, quiet zone included: `true` is dark.
    modules: Vec<Vec<bool>>,
}

impl Qr {
    /// The code of `text` at error-correction level M (a projected screen
    /// is read at an angle, through glare); `None` when it is too long for
    /// any QR code.
    pub fn new(text: &str) -> Option<Qr> {
        let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
        let width = code.width();
        let colors = code.to_colors();
        let side = width + 2 * QUIET_ZONE;
        let mut modules = vec![vec![false; side]; side];
        for (i, color) in colors.iter().enumerate() {
            modules[i / width + QUIET_ZONE][i % width + QUIET_ZONE] = *color == Module::Dark;
        }
        Some(Qr { modules })
    }

    /// Modules per side, quiet zone included.
    pub fn side(&self) -> usize {
        self.modules.len()
    }

    /// Whether the module at row `y`, column `x` is dark (quiet zone
    /// included; outside is light).
    pub fn dark(&self, x: usize, y: usize) -> bool {
        self.modules
            .get(y)
            .and_then(|row| row.get(x))
            .copied()
            .unwrap_or(false)
    }

    /// The cells it takes: one column per module, one row per two.
    pub fn size(&self) -> (u16, u16) {
        let side = self.side() as u16;
        (side, side.div_ceil(2))
    }

    /// The half block showing the two modules of a cell.
    fn cell(top: bool, bottom: bool) -> &'static str {
        match (top, bottom) {
            (true, true) => "█",
            (true, false) => "▀",
            (false, true) => "▄",
            (false, false) => " ",
        }
    }

    /// The code as lines of text (for a plain terminal print).
    pub fn lines(&self) -> Vec<String> {
        let side = self.side();
        (0..side.div_ceil(2))
            .map(|row| {
                (0..side)
                    .map(|x| Qr::cell(self.dark(x, 2 * row), self.dark(x, 2 * row + 1)))
                    .collect()
            })
            .collect()
    }
}

/// Draws the code at the top left of the area, whole or not at all: a
/// clipped code would not scan, so a too small area stays empty and the
/// caller shows the URL instead.
impl Widget for &Qr {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (width, height) = self.size();
        if width > area.width || height > area.height {
            return;
        }
        let style = Style::default().fg(Color::Black).bg(Color::White);
        for (row, line) in self.lines().iter().enumerate() {
            buf.set_string(area.x, area.y + row as u16, line, style);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads the drawn cells back into modules and decodes them as a phone
    /// would a picture: each module a 4×4 pixel square.
    fn decode(buf: &Buffer, side: usize) -> String {
        const PX: usize = 4;
        let mut dark = vec![vec![false; side]; side + 1];
        for y in 0..side.div_ceil(2) {
            for x in 0..side {
                let (top, bottom) = match buf[(x as u16, y as u16)].symbol() {
                    "█" => (true, true),
                    "▀" => (true, false),
                    "▄" => (false, true),
                    " " => (false, false),
                    other => panic!("unexpected cell {other:?}"),
                };
                dark[2 * y][x] = top;
                dark[2 * y + 1][x] = bottom;
            }
        }
        let size = side * PX;
        let mut image = rqrr::PreparedImage::prepare_from_greyscale(size, size, |x, y| {
            if dark[y / PX][x / PX] {
                0
            } else {
                255
            }
        });
        let grids = image.detect_grids();
        assert_eq!(grids.len(), 1, "one code found");
        grids[0].decode().expect("the code decodes").1
    }

    #[test]
    fn the_drawn_code_scans_back_to_the_url() {
        let url = "http://192.168.1.20:7777/?code=4821";
        let qr = Qr::new(url).unwrap();
        let (w, h) = qr.size();
        let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
        (&qr).render(buf.area, &mut buf);
        assert_eq!(decode(&buf, qr.side()), url);
        assert_eq!(buf[(0, 0)].fg, Color::Black);
        assert_eq!(buf[(0, 0)].bg, Color::White);
    }

    #[test]
    fn the_quiet_zone_is_light_all_round() {
        let qr = Qr::new("http://10.0.0.5:7777/").unwrap();
        let side = qr.side();
        for i in 0..side {
            for q in 0..QUIET_ZONE {
                assert!(!qr.dark(i, q) && !qr.dark(i, side - 1 - q));
                assert!(!qr.dark(q, i) && !qr.dark(side - 1 - q, i));
            }
        }
        // The finder pattern starts right inside it.
        assert!(qr.dark(QUIET_ZONE, QUIET_ZONE));
    }

    #[test]
    fn a_too_small_area_draws_nothing() {
        let qr = Qr::new("http://10.0.0.5:7777/").unwrap();
        let (w, h) = qr.size();
        let mut buf = Buffer::empty(Rect::new(0, 0, w - 1, h));
        (&qr).render(buf.area, &mut buf);
        assert_eq!(buf, Buffer::empty(Rect::new(0, 0, w - 1, h)));
        assert_eq!(Qr::new(&"x".repeat(4000)), None);
    }

    #[test]
    fn snapshot() {
        let qr = Qr::new("http://192.168.1.20:7777/").unwrap();
        insta::assert_snapshot!(qr.lines().join("\n"));
    }
}
