//! A small page-layout engine: a cursor moving down A4 pages, headings, wrapped paragraphs,
//! key–value blocks, KPI boxes and tables whose header row repeats on every page.
//!
//! Layout first records drawing operations per page; [`Canvas::finish`] then writes them
//! with krilla. Two passes are needed because every footer says "Page N of M", and M is
//! only known once everything is laid out.

use crate::PdfError;
use crate::fonts::{FontKind, Fonts};
use krilla::color::rgb;
use krilla::destination::XyzDestination;
use krilla::geom::Point;
use krilla::metadata::Metadata;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::{Document, SerializeSettings};

pub(crate) const PAGE_W: f32 = 595.28;
pub(crate) const PAGE_H: f32 = 841.89;
pub(crate) const MARGIN_X: f32 = 50.0;
pub(crate) const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN_X;
const CONTENT_TOP: f32 = 68.0;
const CONTENT_BOTTOM: f32 = PAGE_H - 64.0;

/// Body text size and line height.
pub(crate) const BODY: f32 = 9.5;
const BODY_LEADING: f32 = 13.8;
/// Table text size and line height.
const CELL: f32 = 8.0;
const CELL_LEADING: f32 = 10.4;
const CELL_PAD_X: f32 = 4.0;
const CELL_PAD_Y: f32 = 3.6;
/// Cap height of DejaVu Sans in em, used to centre text vertically in a line box.
const CAP_HEIGHT: f32 = 0.729;

/// How a run of text is set: face, size in points, colour.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Style(pub FontKind, pub f32, pub Rgb);

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// Parses `#rrggbb`; anything else is grey.
    pub(crate) fn hex(s: &str) -> Rgb {
        let channel = |i: usize| s.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok());
        match (s.len(), channel(1), channel(3), channel(5)) {
            (7, Some(r), Some(g), Some(b)) => Rgb(r, g, b),
            _ => MUTED,
        }
    }

    pub(crate) fn krilla(self) -> rgb::Color {
        rgb::Color::new(self.0, self.1, self.2)
    }
}

pub(crate) const INK: Rgb = Rgb(17, 24, 39);
pub(crate) const MUTED: Rgb = Rgb(107, 114, 128);
pub(crate) const ACCENT: Rgb = Rgb(30, 64, 175);
pub(crate) const ALERT: Rgb = Rgb(185, 28, 28);
pub(crate) const WHITE: Rgb = Rgb(255, 255, 255);
const RULE: Rgb = Rgb(209, 213, 219);
const ZEBRA: Rgb = Rgb(243, 244, 246);
const PANEL: Rgb = Rgb(248, 250, 252);
const HEADER_BG: Rgb = Rgb(31, 41, 55);

/// One drawing operation, in points from the page's top-left corner; text at its baseline.
#[derive(Debug)]
pub(crate) enum Op {
    Text {
        x: f32,
        y: f32,
        font: FontKind,
        size: f32,
        color: Rgb,
        text: String,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        radius: f32,
        color: Rgb,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        color: Rgb,
    },
    Svg {
        tree: usize,
        x: f32,
        y: f32,
        w: f32,
        h: f32,
    },
}

#[derive(Debug)]
struct Bookmark {
    level: u8,
    title: String,
    page: usize,
    y: f32,
}

/// A table column: its header, its share of the content width, and how many lines a cell
/// may wrap to before it is cut with an ellipsis.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Column {
    pub title: &'static str,
    pub share: f32,
    pub max_lines: usize,
}

/// What a table cell shows.
#[derive(Debug, Clone)]
pub(crate) enum Cell {
    Text(String),
    Mono(String),
    Strong(String),
    Muted(String),
    /// Bold red text, for overdue dates.
    Alert(String),
    /// A coloured label: text, fill, ink.
    Badge(&'static str, Rgb, Rgb),
}

/// A cell after line breaking.
struct LaidCell {
    lines: Vec<String>,
    font: FontKind,
    color: Rgb,
    badge: Option<Rgb>,
}

/// The pages being laid out.
#[derive(Debug)]
pub(crate) struct Canvas<'f> {
    fonts: &'f Fonts,
    /// Finished pages.
    pages: Vec<Vec<Op>>,
    /// The page being laid out; its index is `pages.len()`.
    current: Vec<Op>,
    /// Top of the free space on the current page.
    pub(crate) y: f32,
    bookmarks: Vec<Bookmark>,
    trees: Vec<usvg::Tree>,
}

impl<'f> Canvas<'f> {
    pub(crate) fn new(fonts: &'f Fonts) -> Self {
        Canvas {
            fonts,
            pages: Vec::new(),
            current: Vec::new(),
            y: CONTENT_TOP,
            bookmarks: Vec::new(),
            trees: Vec::new(),
        }
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        &mut self.current
    }

    pub(crate) fn new_page(&mut self) {
        self.pages.push(std::mem::take(&mut self.current));
        self.y = CONTENT_TOP;
    }

    /// Starts a new page unless `height` still fits on this one.
    pub(crate) fn ensure(&mut self, height: f32) {
        if self.y + height > CONTENT_BOTTOM && self.y > CONTENT_TOP {
            self.new_page();
        }
    }

    pub(crate) fn space(&mut self, height: f32) {
        self.y += height;
    }

    pub(crate) fn text(
        &mut self,
        x: f32,
        y: f32,
        font: FontKind,
        size: f32,
        color: Rgb,
        text: &str,
    ) {
        let text = self.fonts.face(font).clean(text);
        self.ops().push(Op::Text {
            x,
            y,
            font,
            size,
            color,
            text,
        });
    }

    /// Text cut with an ellipsis to fit `width`.
    pub(crate) fn text_fit(&mut self, x: f32, y: f32, style: Style, text: &str, width: f32) {
        let Style(font, size, color) = style;
        let text = self.fonts.face(font).truncate(text, size, width);
        self.ops().push(Op::Text {
            x,
            y,
            font,
            size,
            color,
            text,
        });
    }

    /// Text broken into lines of at most `width`; see [`crate::fonts::Face::wrap`].
    pub(crate) fn wrap(
        &self,
        text: &str,
        font: FontKind,
        size: f32,
        width: f32,
        max_lines: usize,
    ) -> Vec<String> {
        self.fonts.face(font).wrap(text, size, width, max_lines)
    }

    pub(crate) fn width(&self, font: FontKind, size: f32, text: &str) -> f32 {
        let face = self.fonts.face(font);
        face.width(&face.clean(text), size)
    }

    pub(crate) fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, color: Rgb) {
        self.ops().push(Op::Rect {
            x,
            y,
            w,
            h,
            radius: 0.0,
            color,
        });
    }

    pub(crate) fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, width: f32, color: Rgb) {
        self.ops().push(Op::Line {
            x1,
            y1,
            x2,
            y2,
            width,
            color,
        });
    }

    /// A rounded label with its text; returns its width.
    pub(crate) fn badge(
        &mut self,
        x: f32,
        top: f32,
        size: f32,
        text: &str,
        fill: Rgb,
        ink: Rgb,
    ) -> f32 {
        let w = self.width(FontKind::Bold, size, text) + size * 1.2;
        let h = size * 1.5;
        self.ops().push(Op::Rect {
            x,
            y: top,
            w,
            h,
            radius: size * 0.35,
            color: fill,
        });
        self.text(
            x + size * 0.6,
            baseline(top, h, size),
            FontKind::Bold,
            size,
            ink,
            text,
        );
        w
    }

    /// A numbered section title with a rule under it, registered in the PDF outline.
    pub(crate) fn heading(&mut self, title: &str) {
        self.ensure(90.0);
        let page = self.pages.len();
        self.bookmarks.push(Bookmark {
            level: 1,
            title: title.to_owned(),
            page,
            y: self.y,
        });
        self.text_fit(
            MARGIN_X,
            self.y + 17.0,
            Style(FontKind::Bold, 17.0, ACCENT),
            title,
            CONTENT_W,
        );
        self.line(
            MARGIN_X,
            self.y + 25.0,
            MARGIN_X + CONTENT_W,
            self.y + 25.0,
            1.2,
            ACCENT,
        );
        self.y += 38.0;
    }

    /// A subsection title; `min_after` is the room the content under it needs, so a title is
    /// never left alone at the bottom of a page.
    pub(crate) fn subheading(&mut self, title: &str, min_after: f32) {
        self.ensure(24.0 + min_after);
        let page = self.pages.len();
        self.bookmarks.push(Bookmark {
            level: 2,
            title: title.to_owned(),
            page,
            y: self.y,
        });
        self.text_fit(
            MARGIN_X,
            self.y + 12.0,
            Style(FontKind::Bold, 12.0, INK),
            title,
            CONTENT_W,
        );
        self.y += 22.0;
    }

    /// A wrapped paragraph at full width.
    pub(crate) fn paragraph(&mut self, text: &str, font: FontKind, size: f32, color: Rgb) {
        let leading = size * BODY_LEADING / BODY;
        let lines = self
            .fonts
            .face(font)
            .wrap(text, size, CONTENT_W, usize::MAX);
        for line in lines {
            self.ensure(leading);
            let y = baseline(self.y, leading, size);
            self.ops().push(Op::Text {
                x: MARGIN_X,
                y,
                font,
                size,
                color,
                text: line,
            });
            self.y += leading;
        }
        self.y += size * 0.6;
    }

    /// Label–value rows: labels in a narrow bold column, values wrapped beside them.
    pub(crate) fn key_values(&mut self, rows: &[(&str, String)]) {
        let key_w = 128.0;
        let size = 9.0;
        let leading = 12.6;
        for (key, value) in rows {
            let lines = self
                .fonts
                .face(FontKind::Regular)
                .wrap(value, size, CONTENT_W - key_w, 12);
            let h = leading * lines.len() as f32 + 3.0;
            self.ensure(h);
            let y = baseline(self.y, leading, size);
            self.text_fit(
                MARGIN_X,
                y,
                Style(FontKind::Bold, size, MUTED),
                key,
                key_w - 8.0,
            );
            for (i, line) in lines.into_iter().enumerate() {
                let y = baseline(self.y + leading * i as f32, leading, size);
                self.ops().push(Op::Text {
                    x: MARGIN_X + key_w,
                    y,
                    font: FontKind::Regular,
                    size,
                    color: INK,
                    text: line,
                });
            }
            self.y += h;
            self.line(
                MARGIN_X,
                self.y - 1.5,
                MARGIN_X + CONTENT_W,
                self.y - 1.5,
                0.4,
                ZEBRA,
            );
        }
        self.y += 6.0;
    }

    /// A row of boxes, each with a large number, a label and a coloured accent bar.
    pub(crate) fn kpis(&mut self, items: &[(String, &str, Rgb)]) {
        let gap = 10.0;
        let n = items.len().max(1) as f32;
        let w = (CONTENT_W - gap * (n - 1.0)) / n;
        let h = 62.0;
        self.ensure(h + 10.0);
        for (i, (value, label, accent)) in items.iter().enumerate() {
            let x = MARGIN_X + (w + gap) * i as f32;
            self.rect(x, self.y, w, h, PANEL);
            self.rect(x, self.y, 3.5, h, *accent);
            self.line(x, self.y + h, x + w, self.y + h, 0.5, RULE);
            self.text_fit(
                x + 12.0,
                self.y + 28.0,
                Style(FontKind::Bold, 20.0, *accent),
                value,
                w - 18.0,
            );
            let lines = self
                .fonts
                .face(FontKind::Regular)
                .wrap(label, 8.0, w - 18.0, 2);
            for (k, line) in lines.into_iter().enumerate() {
                let y = self.y + 42.0 + 10.0 * k as f32;
                self.ops().push(Op::Text {
                    x: x + 12.0,
                    y,
                    font: FontKind::Regular,
                    size: 8.0,
                    color: MUTED,
                    text: line,
                });
            }
        }
        self.y += h + 14.0;
    }

    /// An SVG picture scaled to `width`, keeping its aspect ratio, listed in the outline under
    /// `title`.
    pub(crate) fn svg(&mut self, title: &str, tree: usvg::Tree, width: f32) {
        let size = tree.size();
        let h = width * size.height() / size.width().max(1.0);
        self.ensure(h);
        let page = self.pages.len();
        self.bookmarks.push(Bookmark {
            level: 2,
            title: title.to_owned(),
            page,
            y: self.y,
        });
        let index = self.trees.len();
        self.trees.push(tree);
        let x = MARGIN_X + (CONTENT_W - width) / 2.0;
        let y = self.y;
        self.ops().push(Op::Svg {
            tree: index,
            x,
            y,
            w: width,
            h,
        });
        self.y += h + 10.0;
    }

    /// A table with a header row that repeats, under a caption marked "(continued)", on every
    /// page the table runs onto. Rows never split across pages.
    pub(crate) fn table(
        &mut self,
        caption: &str,
        columns: &[Column],
        rows: impl IntoIterator<Item = Vec<Cell>>,
    ) {
        let total: f32 = columns
            .iter()
            .map(|c| c.share)
            .sum::<f32>()
            .max(f32::EPSILON);
        let widths: Vec<f32> = columns
            .iter()
            .map(|c| CONTENT_W * c.share / total)
            .collect();
        let header_h = CELL_LEADING + 2.0 * CELL_PAD_Y + 1.0;
        let mut first = true;
        for (index, row) in rows.into_iter().enumerate() {
            let laid: Vec<LaidCell> = row
                .into_iter()
                .zip(columns.iter().zip(&widths))
                .map(|(cell, (col, w))| self.lay_cell(cell, w - 2.0 * CELL_PAD_X, col.max_lines))
                .collect();
            let lines = laid.iter().map(|c| c.lines.len()).max().unwrap_or(1).max(1);
            let h = CELL_LEADING * lines as f32 + 2.0 * CELL_PAD_Y;
            if first {
                self.ensure(header_h + h);
                self.table_header(columns, &widths, None);
                first = false;
            } else if self.y + h > CONTENT_BOTTOM {
                self.new_page();
                self.table_header(columns, &widths, Some(caption));
            }
            if index % 2 == 1 {
                self.rect(MARGIN_X, self.y, CONTENT_W, h, ZEBRA);
            }
            let mut x = MARGIN_X;
            for (cell, w) in laid.into_iter().zip(&widths) {
                self.draw_cell(cell, x);
                x += w;
            }
            self.y += h;
            self.line(MARGIN_X, self.y, MARGIN_X + CONTENT_W, self.y, 0.4, RULE);
        }
        if first {
            self.paragraph("None.", FontKind::Regular, BODY, MUTED);
        } else {
            self.y += 12.0;
        }
    }

    fn table_header(&mut self, columns: &[Column], widths: &[f32], continued: Option<&str>) {
        if let Some(caption) = continued {
            let text = format!("{caption} (continued)");
            self.text_fit(
                MARGIN_X,
                self.y + 9.0,
                Style(FontKind::Bold, 8.5, MUTED),
                &text,
                CONTENT_W,
            );
            self.y += 15.0;
        }
        let h = CELL_LEADING + 2.0 * CELL_PAD_Y + 1.0;
        self.rect(MARGIN_X, self.y, CONTENT_W, h, HEADER_BG);
        let mut x = MARGIN_X;
        for (col, w) in columns.iter().zip(widths) {
            let y = baseline(self.y, h, CELL);
            self.text_fit(
                x + CELL_PAD_X,
                y,
                Style(FontKind::Bold, CELL, WHITE),
                col.title,
                w - 2.0 * CELL_PAD_X,
            );
            x += w;
        }
        self.y += h;
    }

    fn lay_cell(&self, cell: Cell, width: f32, max_lines: usize) -> LaidCell {
        let (text, font, color, badge) = match cell {
            Cell::Text(t) => (t, FontKind::Regular, INK, None),
            Cell::Mono(t) => (t, FontKind::Mono, INK, None),
            Cell::Strong(t) => (t, FontKind::Bold, INK, None),
            Cell::Muted(t) => (t, FontKind::Regular, MUTED, None),
            Cell::Alert(t) => (t, FontKind::Bold, ALERT, None),
            Cell::Badge(t, fill, ink) => (t.to_owned(), FontKind::Bold, ink, Some(fill)),
        };
        let size = cell_size(font, badge.is_some());
        let face = self.fonts.face(font);
        let lines = if badge.is_some() {
            vec![face.truncate(&text, size, width - size * 1.2)]
        } else {
            face.wrap(&text, size, width, max_lines.max(1))
        };
        LaidCell {
            lines,
            font,
            color,
            badge,
        }
    }

    fn draw_cell(&mut self, cell: LaidCell, x: f32) {
        let top = self.y + CELL_PAD_Y;
        if let Some(fill) = cell.badge {
            let text = cell.lines.into_iter().next().unwrap_or_default();
            let size = CELL - 1.0;
            let badge_top = top + (CELL_LEADING - size * 1.5) / 2.0;
            self.badge(x + CELL_PAD_X, badge_top, size, &text, fill, cell.color);
            return;
        }
        for (i, line) in cell.lines.into_iter().enumerate() {
            let size = cell_size(cell.font, false);
            let y = baseline(top + CELL_LEADING * i as f32, CELL_LEADING, size);
            self.ops().push(Op::Text {
                x: x + CELL_PAD_X,
                y,
                font: cell.font,
                size,
                color: cell.color,
                text: line,
            });
        }
    }

    /// Writes the pages with running header (from page 2), footer and outline.
    pub(crate) fn finish(
        mut self,
        running: &RunningText,
        metadata: Metadata,
    ) -> Result<(Vec<u8>, usize), PdfError> {
        self.pages.push(std::mem::take(&mut self.current));
        let settings = SerializeSettings {
            enable_tagging: false,
            ..SerializeSettings::default()
        };
        let mut document = Document::new_with(settings);
        let total = self.pages.len();
        let page_settings =
            PageSettings::from_wh(PAGE_W, PAGE_H).ok_or(PdfError::Layout("page size"))?;
        for (index, ops) in self.pages.iter().enumerate() {
            let mut page = document.start_page_with(page_settings.clone());
            let mut surface = page.surface();
            let mut painter = crate::paint::Painter {
                surface: &mut surface,
                fonts: self.fonts,
                trees: &self.trees,
            };
            for op in ops {
                painter.draw(op)?;
            }
            for op in running.ops(self.fonts, index, total) {
                painter.draw(&op)?;
            }
            surface.finish();
            page.finish();
        }
        document.set_outline(outline(&self.bookmarks));
        document.set_metadata(metadata);
        let bytes = document
            .finish()
            .map_err(|e| PdfError::Write(e.to_string()))?;
        Ok((bytes, total))
    }
}

/// Monospaced text is wider, so it is set a little smaller; badges smaller still.
fn cell_size(font: FontKind, badge: bool) -> f32 {
    match (badge, font) {
        (true, _) => CELL - 1.0,
        (false, FontKind::Mono) => CELL - 0.5,
        (false, _) => CELL,
    }
}

/// The baseline that centres a line of text of `size` (by cap height) in a box.
fn baseline(top: f32, box_h: f32, size: f32) -> f32 {
    top + box_h / 2.0 + CAP_HEIGHT * size / 2.0
}

fn outline(bookmarks: &[Bookmark]) -> Outline {
    let mut outline = Outline::new();
    let mut current: Option<OutlineNode> = None;
    for b in bookmarks {
        let node = OutlineNode::new(
            b.title.clone(),
            XyzDestination::new(b.page, Point::from_xy(0.0, b.y)),
        );
        match (b.level, current.as_mut()) {
            (2, Some(parent)) => parent.push_child(node),
            _ => {
                if let Some(done) = current.replace(node) {
                    outline.push_child(done);
                }
            }
        }
    }
    if let Some(done) = current {
        outline.push_child(done);
    }
    outline
}

/// The header and footer text repeated on every page.
#[derive(Debug)]
pub(crate) struct RunningText {
    pub header_left: String,
    pub header_right: String,
    pub footer_left: String,
}

impl RunningText {
    fn ops(&self, fonts: &Fonts, index: usize, total: usize) -> Vec<Op> {
        let size = 7.5;
        let right = MARGIN_X + CONTENT_W;
        let mut ops = Vec::new();
        let mut text = |x: f32, y: f32, s: &str, width: f32, align_right: bool| {
            let face = fonts.face(FontKind::Regular);
            let s = face.truncate(s, size, width);
            let x = if align_right {
                x - face.width(&s, size)
            } else {
                x
            };
            ops.push(Op::Text {
                x,
                y,
                font: FontKind::Regular,
                size,
                color: MUTED,
                text: s,
            });
        };
        if index > 0 {
            text(MARGIN_X, 40.0, &self.header_left, CONTENT_W * 0.62, false);
            text(right, 40.0, &self.header_right, CONTENT_W * 0.36, true);
        }
        let footer_y = PAGE_H - 36.0;
        text(
            MARGIN_X,
            footer_y,
            &self.footer_left,
            CONTENT_W * 0.7,
            false,
        );
        text(
            right,
            footer_y,
            &format!("Page {} of {}", index + 1, total),
            CONTENT_W * 0.28,
            true,
        );
        if index > 0 {
            ops.push(Op::Line {
                x1: MARGIN_X,
                y1: 46.0,
                x2: right,
                y2: 46.0,
                width: 0.5,
                color: RULE,
            });
        }
        ops.push(Op::Line {
            x1: MARGIN_X,
            y1: footer_y - 11.0,
            x2: right,
            y2: footer_y - 11.0,
            width: 0.5,
            color: RULE,
        });
        ops
    }
}
