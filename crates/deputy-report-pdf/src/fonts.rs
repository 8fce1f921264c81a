//! The embedded DejaVu faces, their metrics, and the text measuring and line breaking the
//! layout is built on. Glyphs are placed from the font's own advances (no kerning), so the
//! width the line breaker measures is exactly the width drawn.

use crate::PdfError;
use krilla::text::{Font, GlyphId, KrillaGlyph};
use skrifa::charmap::Charmap;
use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::raw::TableProvider;
use skrifa::{FontRef, MetadataProvider};

/// Drawn for a character the face has no glyph for.
const REPLACEMENT: char = '\u{FFFD}';
const ELLIPSIS: char = '\u{2026}';

/// Which face a run of text is set in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FontKind {
    Regular,
    Bold,
    Mono,
}

/// One font face: the krilla font that gets subset into the PDF, and the metrics used to
/// measure text before it is drawn.
pub(crate) struct Face {
    pub(crate) font: Font,
    charmap: Charmap<'static>,
    metrics: GlyphMetrics<'static>,
    units_per_em: f32,
    /// Glyph id and advance (in em) of every ASCII character, looked up once.
    ascii: Vec<Option<(u32, f32)>>,
    /// The glyph drawn for characters the face lacks: U+FFFD, or `?` if that is missing too.
    replacement: char,
}

impl std::fmt::Debug for Face {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Face")
            .field("units_per_em", &self.units_per_em)
            .finish_non_exhaustive()
    }
}

impl Face {
    fn new(name: &'static str, data: &'static [u8]) -> Result<Self, PdfError> {
        let font = Font::new(data.into(), 0).ok_or(PdfError::Font(name))?;
        let font_ref = FontRef::new(data).map_err(|_| PdfError::Font(name))?;
        let units_per_em = f32::from(
            font_ref
                .head()
                .map_err(|_| PdfError::Font(name))?
                .units_per_em(),
        );
        let mut face = Face {
            font,
            charmap: font_ref.charmap(),
            metrics: font_ref.glyph_metrics(Size::unscaled(), LocationRef::default()),
            units_per_em,
            ascii: Vec::new(),
            replacement: '?',
        };
        face.ascii = (0u8..128).map(|b| face.lookup(char::from(b))).collect();
        if face.lookup(REPLACEMENT).is_some() {
            face.replacement = REPLACEMENT;
        }
        Ok(face)
    }

    fn lookup(&self, c: char) -> Option<(u32, f32)> {
        let gid = self.charmap.map(c)?;
        if gid.to_u32() == 0 {
            return None;
        }
        let advance = self.metrics.advance_width(gid).unwrap_or(0.0) / self.units_per_em;
        Some((gid.to_u32(), advance))
    }

    /// Glyph id and advance in em, or `None` if the face has no glyph.
    fn glyph(&self, c: char) -> Option<(u32, f32)> {
        if c.is_ascii() {
            return self.ascii.get(c as usize).copied().flatten();
        }
        self.lookup(c)
    }

    fn advance(&self, c: char) -> f32 {
        self.glyph(c).map_or(0.0, |(_, a)| a)
    }

    /// The text as this face can draw it on one line: control characters become spaces,
    /// invisible formatting characters (bidi overrides, zero-width marks) are dropped, and
    /// characters without a glyph become the replacement character. Report text is data, so
    /// nothing in it may change how the rest of the page is laid out.
    pub(crate) fn clean(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            if c.is_control() {
                out.push(' ');
            } else if is_invisible(c) {
                continue;
            } else if self.glyph(c).is_some() {
                out.push(c);
            } else {
                out.push(self.replacement);
            }
        }
        out
    }

    /// Width of cleaned text at `size` points.
    pub(crate) fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.advance(c)).sum::<f32>() * size
    }

    /// Positioned glyphs for cleaned text, one per character.
    pub(crate) fn glyphs(&self, text: &str) -> Vec<KrillaGlyph> {
        text.char_indices()
            .map(|(i, c)| {
                let (gid, advance) = self.glyph(c).unwrap_or((0, 0.0));
                KrillaGlyph::new(
                    GlyphId::new(gid),
                    advance,
                    0.0,
                    0.0,
                    0.0,
                    i..i + c.len_utf8(),
                    None,
                )
            })
            .collect()
    }

    /// Cleaned text broken into lines no wider than `width`, at most `max_lines` of them; the
    /// last kept line ends in an ellipsis if text was cut. Lines break after spaces and, inside
    /// long tokens such as paths, after `/ - _ . , ; :`; a token with no such place is broken
    /// between characters. Never returns an empty list.
    pub(crate) fn wrap(&self, text: &str, size: f32, width: f32, max_lines: usize) -> Vec<String> {
        let text = self.clean(text);
        let text = text.trim();
        let mut lines: Vec<String> = Vec::new();
        let mut start = 0usize;
        let mut line_w = 0.0f32;
        // (end of the line's text, start of the next line) for the last space, and for the
        // last break inside a token, which is used only when the line has no space to break at.
        let mut space_brk: Option<(usize, usize)> = None;
        let mut token_brk: Option<(usize, usize)> = None;
        // Inside a token, a path separator is the most natural place to break.
        let mut slash_brk: Option<(usize, usize)> = None;
        for (i, c) in text.char_indices() {
            if i == start && c == ' ' {
                start = i + 1;
                continue;
            }
            let w = self.advance(c) * size;
            // A space never overflows a line: the line breaks at it when the next word does.
            if c != ' ' && line_w + w > width && i > start {
                if lines.len() + 1 >= max_lines {
                    lines.push(text.get(start..).unwrap_or_default().to_owned());
                    start = text.len();
                    break;
                }
                let after_start = |b: &(usize, usize)| b.0 > start;
                let brk = space_brk
                    .filter(after_start)
                    .or(slash_brk.filter(after_start))
                    .or(token_brk.filter(after_start));
                match brk {
                    Some((end, next)) => {
                        lines.push(text.get(start..end).unwrap_or_default().to_owned());
                        start = next;
                        line_w = self.width(text.get(next..i).unwrap_or_default(), size);
                    }
                    None => {
                        lines.push(text.get(start..i).unwrap_or_default().to_owned());
                        start = i;
                        line_w = 0.0;
                    }
                }
                space_brk = None;
                token_brk = None;
                slash_brk = None;
            }
            line_w += w;
            // The space stays at the end of its line: it draws nothing, and text extractors
            // that join lines without a separator still see two words.
            if c == ' ' {
                space_brk = Some((i + 1, i + 1));
            } else if c == '/' {
                slash_brk = Some((i + 1, i + 1));
            } else if matches!(c, '-' | '_' | '.' | ',' | ';' | ':') {
                token_brk = Some((i + 1, i + 1));
            }
        }
        if start < text.len() || lines.is_empty() {
            lines.push(text.get(start..).unwrap_or_default().to_owned());
        }
        if let Some(last) = lines.last_mut()
            && self.width(last, size) > width
        {
            *last = self.ellipsize(last, size, width);
        }
        lines
    }

    /// Cleaned text cut to fit `width`, ending in an ellipsis if it was cut.
    pub(crate) fn truncate(&self, text: &str, size: f32, width: f32) -> String {
        let text = self.clean(text);
        if self.width(&text, size) <= width {
            text
        } else {
            self.ellipsize(&text, size, width)
        }
    }

    fn ellipsize(&self, text: &str, size: f32, width: f32) -> String {
        let budget = width - self.advance(ELLIPSIS) * size;
        let mut w = 0.0;
        let mut out = String::new();
        for c in text.chars() {
            w += self.advance(c) * size;
            if w > budget {
                break;
            }
            out.push(c);
        }
        let mut out = out.trim_end().to_owned();
        out.push(ELLIPSIS);
        out
    }
}

/// Format characters that draw nothing but could reorder or hide text in a viewer.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{FEFF}' | '\u{00AD}')
}

/// The three faces the report is set in.
#[derive(Debug)]
pub(crate) struct Fonts {
    regular: Face,
    bold: Face,
    mono: Face,
}

impl Fonts {
    pub(crate) fn load() -> Result<Self, PdfError> {
        Ok(Fonts {
            regular: Face::new("DejaVu Sans", dejavu::sans::regular())?,
            bold: Face::new("DejaVu Sans Bold", dejavu::sans::bold())?,
            mono: Face::new("DejaVu Sans Mono", dejavu::sans_mono::regular())?,
        })
    }

    pub(crate) fn face(&self, kind: FontKind) -> &Face {
        match kind {
            FontKind::Regular => &self.regular,
            FontKind::Bold => &self.bold,
            FontKind::Mono => &self.mono,
        }
    }

    /// The raw font files, for the chart renderer's font database.
    pub(crate) fn files() -> [&'static [u8]; 3] {
        [
            dejavu::sans::regular(),
            dejavu::sans::bold(),
            dejavu::sans_mono::regular(),
        ]
    }
}

#[cfg(test)]
#[expect(
    clippy::unwrap_used,
    reason = "tests are exempt from the no-panic rule"
)]
mod tests {
    use super::*;

    fn check(text: &str, width: f32, max_lines: usize, expected: &[&str]) {
        let fonts = Fonts::load().unwrap();
        let face = fonts.face(FontKind::Regular);
        let lines = face.wrap(text, 10.0, width, max_lines);
        assert_eq!(lines, expected);
        for l in &lines {
            assert!(
                face.width(l.trim_end(), 10.0) <= width + 0.01,
                "{l:?} overflows"
            );
        }
    }

    #[test]
    fn wraps_at_spaces() {
        check(
            "alpha beta gamma delta",
            70.0,
            9,
            &["alpha beta ", "gamma delta"],
        );
    }

    #[test]
    fn breaks_paths_after_slashes_and_long_tokens_anywhere() {
        check(
            "terraform/aws/module1/main.tf",
            60.0,
            9,
            &["terraform/", "aws/", "module1/", "main.tf"],
        );
        check(
            "xxxxxxxxxxxxxxxxxxxx",
            40.0,
            9,
            &["xxxxxx", "xxxxxx", "xxxxxx", "xx"],
        );
    }

    #[test]
    fn cuts_with_ellipsis_at_max_lines() {
        check(
            "one two three four five six seven",
            50.0,
            2,
            &["one two ", "three fo\u{2026}"],
        );
        check("", 50.0, 2, &[""]);
    }

    #[test]
    fn clean_replaces_controls_invisibles_and_missing_glyphs() {
        let fonts = Fonts::load().unwrap();
        let face = fonts.face(FontKind::Regular);
        assert_eq!(face.clean("a\nb\tc\u{202E}d\u{4E2D}"), "a b cd\u{FFFD}");
    }
}
