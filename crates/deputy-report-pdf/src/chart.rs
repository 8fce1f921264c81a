//! Parses the SVG charts `deputy_report::charts` writes, with a font database that holds only
//! the embedded DejaVu faces, so chart text renders the same on every machine.

use crate::PdfError;
use crate::fonts::Fonts;
use std::sync::Arc;
use usvg::fontdb::{Database, Source};

/// Parses chart SVGs into trees krilla-svg can draw.
pub(crate) struct ChartParser {
    options: usvg::Options<'static>,
}

impl std::fmt::Debug for ChartParser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ChartParser").finish_non_exhaustive()
    }
}

impl ChartParser {
    pub(crate) fn new() -> Self {
        let mut db = Database::new();
        for data in Fonts::files() {
            db.load_font_source(Source::Binary(Arc::new(data)));
        }
        db.set_sans_serif_family("DejaVu Sans");
        db.set_monospace_family("DejaVu Sans Mono");
        let options = usvg::Options {
            font_family: "DejaVu Sans".to_owned(),
            fontdb: Arc::new(db),
            // Charts are self-contained; nothing is ever loaded from a file or a data URL.
            image_href_resolver: usvg::ImageHrefResolver {
                resolve_data: Box::new(|_, _, _| None),
                resolve_string: Box::new(|_, _| None),
            },
            ..usvg::Options::default()
        };
        ChartParser { options }
    }

    pub(crate) fn parse(&self, name: &'static str, svg: &str) -> Result<usvg::Tree, PdfError> {
        usvg::Tree::from_str(svg, &self.options).map_err(|e| PdfError::Chart {
            name,
            message: e.to_string(),
        })
    }
}
