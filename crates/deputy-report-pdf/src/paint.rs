//! Writes the canvas's recorded operations to a krilla page.

use crate::PdfError;
use crate::canvas::{Op, Rgb};
use crate::fonts::Fonts;
use krilla::geom::{PathBuilder, Point, Rect, Size, Transform};
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla_svg::{SurfaceExt, SvgSettings};

/// Draws recorded operations on a krilla surface.
pub(crate) struct Painter<'s, 'p, 'f> {
    pub(crate) surface: &'s mut Surface<'p>,
    pub(crate) fonts: &'f Fonts,
    pub(crate) trees: &'f [usvg::Tree],
}

impl Painter<'_, '_, '_> {
    pub(crate) fn draw(&mut self, op: &Op) -> Result<(), PdfError> {
        match op {
            Op::Text {
                x,
                y,
                font,
                size,
                color,
                text,
            } => {
                let face = self.fonts.face(*font);
                let glyphs = face.glyphs(text);
                self.surface.set_stroke(None);
                self.surface.set_fill(Some(fill(*color)));
                self.surface.draw_glyphs(
                    Point::from_xy(*x, *y),
                    &glyphs,
                    face.font.clone(),
                    text,
                    *size,
                    false,
                );
            }
            Op::Rect {
                x,
                y,
                w,
                h,
                radius,
                color,
            } => {
                let rect = Rect::from_xywh(*x, *y, *w, *h).ok_or(PdfError::Layout("rectangle"))?;
                let mut pb = PathBuilder::new();
                if *radius > 0.0 {
                    rounded_rect(&mut pb, rect, *radius);
                } else {
                    pb.push_rect(rect);
                }
                let path = pb.finish().ok_or(PdfError::Layout("rectangle"))?;
                self.surface.set_stroke(None);
                self.surface.set_fill(Some(fill(*color)));
                self.surface.draw_path(&path);
            }
            Op::Line {
                x1,
                y1,
                x2,
                y2,
                width,
                color,
            } => {
                let mut pb = PathBuilder::new();
                pb.move_to(*x1, *y1);
                pb.line_to(*x2, *y2);
                let path = pb.finish().ok_or(PdfError::Layout("line"))?;
                self.surface.set_fill(None);
                self.surface.set_stroke(Some(Stroke {
                    paint: color.krilla().into(),
                    width: *width,
                    ..Stroke::default()
                }));
                self.surface.draw_path(&path);
            }
            Op::Svg { tree, x, y, w, h } => {
                let tree = self.trees.get(*tree).ok_or(PdfError::Layout("chart"))?;
                let size = Size::from_wh(*w, *h).ok_or(PdfError::Layout("chart size"))?;
                self.surface
                    .push_transform(&Transform::from_translate(*x, *y));
                let drawn = self.surface.draw_svg(tree, size, SvgSettings::default());
                self.surface.pop();
                drawn.ok_or(PdfError::Layout("chart"))?;
            }
        }
        Ok(())
    }
}

fn fill(color: Rgb) -> Fill {
    Fill {
        paint: color.krilla().into(),
        ..Fill::default()
    }
}

fn rounded_rect(pb: &mut PathBuilder, r: Rect, radius: f32) {
    let (l, t, rt, b) = (r.left(), r.top(), r.right(), r.bottom());
    let rad = radius.min(r.width() / 2.0).min(r.height() / 2.0);
    // Control-point distance that makes a cubic Bezier approximate a quarter circle.
    let k = rad * 0.552_284_8;
    pb.move_to(l + rad, t);
    pb.line_to(rt - rad, t);
    pb.cubic_to(rt - rad + k, t, rt, t + rad - k, rt, t + rad);
    pb.line_to(rt, b - rad);
    pb.cubic_to(rt, b - rad + k, rt - rad + k, b, rt - rad, b);
    pb.line_to(l + rad, b);
    pb.cubic_to(l + rad - k, b, l, b - rad + k, l, b - rad);
    pb.line_to(l, t + rad);
    pb.cubic_to(l, t + rad - k, l + rad - k, t, l + rad, t);
    pb.close();
}
