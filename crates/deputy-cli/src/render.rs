//! Output: JSON for machines, tables that fit an 80-column terminal for people.

use serde::Serialize;
use std::io::Write;

/// The width every table fits in.
pub const WIDTH: usize = 80;

/// Writes `value` as pretty JSON and a newline.
pub fn json<T: Serialize + ?Sized>(out: &mut impl Write, value: &T) -> anyhow::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)?;
    Ok(())
}

/// A column: its header, and whether it gives up width when the table is too wide.
pub struct Column {
    header: &'static str,
    flexible: bool,
    right: bool,
}

impl Column {
    pub fn fixed(header: &'static str) -> Self {
        Self {
            header,
            flexible: false,
            right: false,
        }
    }
    pub fn number(header: &'static str) -> Self {
        Self {
            header,
            flexible: false,
            right: true,
        }
    }
    pub fn flex(header: &'static str) -> Self {
        Self {
            header,
            flexible: true,
            right: false,
        }
    }
}

/// A plain text table. Flexible columns are shortened (with `…`) so that every line fits in
/// [`WIDTH`] characters; fixed columns keep their width.
pub struct Table {
    columns: Vec<Column>,
    rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new(columns: Vec<Column>) -> Self {
        Self {
            columns,
            rows: Vec::new(),
        }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn write(&self, out: &mut impl Write) -> anyhow::Result<()> {
        let n = self.columns.len();
        let mut widths: Vec<usize> = self
            .columns
            .iter()
            .map(|c| c.header.chars().count())
            .collect();
        for row in &self.rows {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.chars().count());
            }
        }
        let total = |w: &[usize]| w.iter().sum::<usize>() + 2 * n.saturating_sub(1);
        // Shrink the widest flexible column one character at a time until the table fits.
        while total(&widths) > WIDTH {
            let widest = self
                .columns
                .iter()
                .zip(widths.iter())
                .enumerate()
                .filter(|(_, (c, w))| c.flexible && **w > c.header.chars().count().max(8))
                .max_by_key(|(_, (_, w))| **w)
                .map(|(i, _)| i);
            match widest.and_then(|i| widths.get_mut(i)) {
                Some(w) => *w -= 1,
                None => break,
            }
        }
        let header: Vec<String> = self.columns.iter().map(|c| c.header.to_owned()).collect();
        for cells in std::iter::once(&header).chain(&self.rows) {
            let mut line = String::new();
            for (i, (col, w)) in self.columns.iter().zip(&widths).enumerate() {
                let cell = cells.get(i).map(String::as_str).unwrap_or("");
                let cell = truncate(cell, *w);
                let pad = w.saturating_sub(cell.chars().count());
                if i > 0 {
                    line.push_str("  ");
                }
                if col.right {
                    line.push_str(&" ".repeat(pad));
                    line.push_str(&cell);
                } else {
                    line.push_str(&cell);
                    if i + 1 < n {
                        line.push_str(&" ".repeat(pad));
                    }
                }
            }
            writeln!(out, "{}", line.trim_end())?;
        }
        Ok(())
    }
}

/// Shortens `s` to at most `width` characters, ending in `…` when cut.
pub fn truncate(s: &str, width: usize) -> String {
    // Control characters from reports (newlines, escapes) would break the layout.
    let clean: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if clean.chars().count() <= width {
        return clean;
    }
    let mut out: String = clean.chars().take(width.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// `2026-03-01T09:00:00.000Z` → `2026-03-01 09:00`.
pub fn minute(ts: &str) -> String {
    ts.get(..16)
        .map(|s| s.replace('T', " "))
        .unwrap_or_else(|| ts.to_owned())
}

/// `2026-03-01T09:00:00.000Z` → `2026-03-01`.
pub fn day(ts: &str) -> String {
    ts.get(..10).unwrap_or(ts).to_owned()
}

/// `3 new, 0 reopened, 10 resolved, 467 unchanged, 0 stale`.
pub fn delta(d: &deputy_core::ledger::DeltaCounts) -> String {
    format!(
        "{} new, {} reopened, {} resolved, {} unchanged, {} stale",
        d.new, d.reopened, d.resolved, d.unchanged, d.stale
    )
}

pub use deputy_app::location;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_fit_eighty_columns() {
        let mut t = Table::new(vec![
            Column::number("ID"),
            Column::fixed("RULE"),
            Column::flex("LOCATION"),
        ]);
        t.row(vec!["1".into(), "CKV_AWS_1".into(), "x".repeat(200)]);
        t.row(vec!["22".into(), "R".into(), "line\nbreak".into()]);
        let mut out = Vec::new();
        t.write(&mut out).unwrap_or_else(|e| panic!("{e}"));
        let text = String::from_utf8(out).unwrap_or_default();
        assert_eq!(text.lines().count(), 3);
        for line in text.lines() {
            assert!(line.chars().count() <= WIDTH, "{line}");
        }
        assert!(text.contains('…') && text.contains("line break"));
    }
}
