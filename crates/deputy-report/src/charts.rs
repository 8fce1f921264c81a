//! SVG charts, written by hand so that HTML, PDF and the web console show the same picture
//! without a charting dependency or a script. Every chart is a standalone `<svg>` element of
//! [`WIDTH`] × [`HEIGHT`] with a `viewBox`, so it scales, and it loads nothing: no external
//! references, no scripts, no CSS. Output is deterministic: the same input gives the same
//! bytes.
//!
//! Colour is never the only carrier of meaning: every bar or segment has its number written
//! on or beside it (or, where a chart is too dense, in a tooltip and the chart's `<desc>`),
//! and legends name each series.

use crate::escape;
use crate::model::TrendPoint;
use crate::summary::{DUE_SOON_DAYS, Posture, SlaStatus};
use deputy_core::Severity;
use std::fmt::Write as _;

/// The width of every chart, in user units and in CSS pixels.
pub const WIDTH: u32 = 640;
/// The height of every chart, in user units and in CSS pixels.
pub const HEIGHT: u32 = 260;

const FONT: &str = "DejaVu Sans, Arial, sans-serif";
const TEXT: &str = "#1f2937";
const MUTED: &str = "#6b7280";
const GRID: &str = "#e5e7eb";
const TRACK: &str = "#f3f4f6";
const DARK_INK: &str = "#111827";
const LIGHT_INK: &str = "#ffffff";

/// Scans the trend chart shows at most (the latest ones).
const TREND_MAX_SCANS: usize = 20;
/// Scans the new-versus-resolved chart shows at most (the latest ones).
const FLOW_MAX_SCANS: usize = 12;

const NEW_COLOUR: &str = "#1e40af";
const RESOLVED_COLOUR: &str = "#15803d";

// The plot area of the charts with axes.
const PLOT_LEFT: f64 = 64.0;
const PLOT_RIGHT: f64 = 620.0;
const PLOT_TOP: f64 = 72.0;
const PLOT_BOTTOM: f64 = 212.0;

/// The fill colour of a severity, shared by every renderer. Critical is a dark red, high a
/// red, medium an orange, low a dark yellow and info a grey: ordered by lightness as well as
/// hue, so they stay apart in greyscale print and for red-green colour blindness.
pub fn severity_colour(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "#7f1d1d",
        Severity::High => "#dc2626",
        Severity::Medium => "#ea580c",
        Severity::Low => "#eab308",
        Severity::Info => "#6b7280",
    }
}

/// The text colour to write on [`severity_colour`] (at least 4.5:1 contrast).
pub fn severity_ink(s: Severity) -> &'static str {
    match s {
        Severity::Critical | Severity::High | Severity::Info => LIGHT_INK,
        Severity::Medium | Severity::Low => DARK_INK,
    }
}

/// The capitalised name reports print for a severity.
pub fn severity_label(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "Critical",
        Severity::High => "High",
        Severity::Medium => "Medium",
        Severity::Low => "Low",
        Severity::Info => "Info",
    }
}

/// `n` with thousands separators (`12,345`), as every report prints counts.
pub fn format_count(n: u64) -> String {
    group_digits(&n.to_string())
}

/// Digits with a comma before each group of three from the right.
fn group_digits(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Horizontal bars of the active findings per severity, each with its count.
pub fn severity_breakdown(posture: &Posture) -> String {
    let title = "Active findings by severity";
    let desc = Severity::ALL
        .iter()
        .map(|s| {
            format!(
                "{}: {}",
                severity_label(*s),
                format_count(posture.active(*s))
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    let mut svg = Svg::new(title, &desc);
    svg.heading(title, &format!("{} active", format_count(posture.active)));
    if posture.active == 0 {
        svg.no_data("No data: no active findings");
        return svg.finish();
    }
    let max = Severity::ALL
        .iter()
        .map(|s| posture.active(*s))
        .max()
        .unwrap_or(0)
        .max(1);
    let (bar_left, bar_right) = (110.0, 520.0);
    for (row, s) in Severity::ALL.iter().enumerate() {
        let n = posture.active(*s);
        let top = 50.0 + row as f64 * 40.0;
        svg.text(
            20.0,
            top + 17.0,
            Anchor::Start,
            13,
            false,
            TEXT,
            severity_label(*s),
        );
        svg.rect(bar_left, top, bar_right - bar_left, 24.0, TRACK, None);
        let w = bar_length(n, max, bar_right - bar_left);
        let tip = format!("{}: {} active", severity_label(*s), format_count(n));
        svg.rect(bar_left, top, w, 24.0, severity_colour(*s), Some(&tip));
        svg.text(
            620.0,
            top + 17.0,
            Anchor::End,
            14,
            true,
            TEXT,
            &format_count(n),
        );
    }
    svg.finish()
}

/// Findings detected per scan, oldest first, as bars stacked by severity (most severe at the
/// bottom), with each scan's id and date below and its total above.
pub fn trend(points: &[TrendPoint]) -> String {
    let title = "Findings detected per scan";
    let shown = latest(points, TREND_MAX_SCANS);
    let desc = shown
        .iter()
        .map(|p| {
            let parts: Vec<String> = Severity::ALL
                .iter()
                .map(|s| format!("{} {}", format_count(detected(p, *s)), s.as_str()))
                .collect();
            format!(
                "scan {} ({}): {}",
                p.scan_id,
                day(&p.finished_at),
                parts.join(", ")
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    let mut svg = Svg::new(title, &desc);
    svg.heading(title, &scans_note(shown.len(), points.len()));
    if shown.is_empty() {
        svg.no_data("No data: no scans yet");
        return svg.finish();
    }
    svg.legend(&Severity::ALL.map(|s| (severity_colour(s), severity_label(s))));
    let totals: Vec<u64> = shown
        .iter()
        .map(|p| {
            Severity::ALL
                .iter()
                .fold(0u64, |acc, s| acc.saturating_add(detected(p, *s)))
        })
        .collect();
    let axis_max = svg.y_axis(totals.iter().copied().max().unwrap_or(0));
    let slot = (PLOT_RIGHT - PLOT_LEFT) / shown.len() as f64;
    let bar_w = (slot * 0.62).min(56.0);
    let every = label_every(shown.len(), slot);
    for (i, (p, total)) in shown.iter().zip(&totals).enumerate() {
        let centre = PLOT_LEFT + slot * (i as f64 + 0.5);
        let x = centre - bar_w / 2.0;
        let mut base = PLOT_BOTTOM;
        for s in Severity::ALL {
            let n = detected(p, s);
            let h = bar_length(n, axis_max, PLOT_BOTTOM - PLOT_TOP);
            if h <= 0.0 {
                continue;
            }
            let tip = format!(
                "Scan {} ({}): {} {}",
                p.scan_id,
                day(&p.finished_at),
                format_count(n),
                s.as_str()
            );
            svg.rect(x, base - h, bar_w, h, severity_colour(s), Some(&tip));
            let label = format_count(n);
            if h >= 13.0 && text_width(&label, 10) + 4.0 <= bar_w {
                svg.text(
                    centre,
                    base - h / 2.0 + 3.5,
                    Anchor::Middle,
                    10,
                    false,
                    severity_ink(s),
                    &label,
                );
            }
            base -= h;
        }
        if i % every == 0 || i + 1 == shown.len() {
            let label = format_count(*total);
            if text_width(&label, 11) <= slot * f64::from(u32::try_from(every).unwrap_or(1)) {
                svg.text(centre, base - 5.0, Anchor::Middle, 11, true, TEXT, &label);
            }
            svg.x_label(centre, p);
        }
    }
    svg.finish()
}

/// New (including reopened) and resolved findings per scan as pairs of bars, oldest first.
/// Counts are signed (`+12`, `-5`) so the two series are told apart without colour.
pub fn new_vs_resolved(points: &[TrendPoint]) -> String {
    let title = "New and resolved findings per scan";
    let shown = latest(points, FLOW_MAX_SCANS);
    let desc = shown
        .iter()
        .map(|p| {
            format!(
                "scan {} ({}): {} new, {} reopened, {} resolved",
                p.scan_id,
                day(&p.finished_at),
                format_count(p.new),
                format_count(p.reopened),
                format_count(p.resolved)
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    let mut svg = Svg::new(title, &desc);
    svg.heading(title, &scans_note(shown.len(), points.len()));
    if shown.is_empty() {
        svg.no_data("No data: no scans yet");
        return svg.finish();
    }
    svg.legend(&[
        (NEW_COLOUR, "New + reopened (+)"),
        (RESOLVED_COLOUR, "Resolved (-)"),
    ]);
    let incoming: Vec<u64> = shown
        .iter()
        .map(|p| p.new.saturating_add(p.reopened))
        .collect();
    let max = shown
        .iter()
        .zip(&incoming)
        .map(|(p, n)| p.resolved.max(*n))
        .max()
        .unwrap_or(0);
    let axis_max = svg.y_axis(max);
    let slot = (PLOT_RIGHT - PLOT_LEFT) / shown.len() as f64;
    let gap = 3.0;
    let bar_w = ((slot * 0.72).min(90.0) - gap) / 2.0;
    let every = label_every(shown.len(), slot);
    for (i, (p, inc)) in shown.iter().zip(&incoming).enumerate() {
        let centre = PLOT_LEFT + slot * (i as f64 + 0.5);
        let bars = [
            (
                centre - gap / 2.0 - bar_w,
                *inc,
                NEW_COLOUR,
                signed('+', *inc),
                "new or reopened",
            ),
            (
                centre + gap / 2.0,
                p.resolved,
                RESOLVED_COLOUR,
                signed('-', p.resolved),
                "resolved",
            ),
        ];
        let each_fits = bars.iter().all(|b| text_width(&b.3, 10) <= bar_w + gap);
        for (x, n, colour, label, what) in &bars {
            let h = bar_length(*n, axis_max, PLOT_BOTTOM - PLOT_TOP);
            let tip = format!(
                "Scan {} ({}): {} {what}",
                p.scan_id,
                day(&p.finished_at),
                format_count(*n)
            );
            svg.rect(*x, PLOT_BOTTOM - h, bar_w, h, colour, Some(&tip));
            if each_fits {
                svg.text(
                    x + bar_w / 2.0,
                    PLOT_BOTTOM - h - 4.0,
                    Anchor::Middle,
                    10,
                    true,
                    TEXT,
                    label,
                );
            }
        }
        if !each_fits {
            // One combined label over the pair when the two would collide.
            let [(_, _, _, new_label, _), (_, _, _, resolved_label, _)] = &bars;
            let label = format!("{new_label}/{resolved_label}");
            let top = bars
                .iter()
                .map(|b| bar_length(b.1, axis_max, PLOT_BOTTOM - PLOT_TOP))
                .fold(0.0, f64::max);
            if text_width(&label, 10) <= slot - 2.0 {
                svg.text(
                    centre,
                    PLOT_BOTTOM - top - 4.0,
                    Anchor::Middle,
                    10,
                    true,
                    TEXT,
                    &label,
                );
            }
        }
        if i % every == 0 || i + 1 == shown.len() {
            svg.x_label(centre, p);
        }
    }
    svg.finish()
}

/// The SLA standing of the active findings: one bar split into overdue, due soon, on track
/// and no SLA, with a legend giving each part's count and share.
pub fn sla_status(sla: &SlaStatus) -> String {
    let title = "SLA status of active findings";
    let soon = format!("due within {DUE_SOON_DAYS} days");
    let parts: [(&str, u64, &str, &str, &str); 4] = [
        (
            "Overdue",
            sla.overdue,
            "#b91c1c",
            LIGHT_INK,
            "past the due date",
        ),
        ("Due soon", sla.due_soon, "#d97706", DARK_INK, &soon),
        ("On track", sla.on_track, "#15803d", LIGHT_INK, "due later"),
        ("No SLA", sla.no_sla, "#9ca3af", DARK_INK, "no due date set"),
    ];
    let total: u128 = parts.iter().map(|p| u128::from(p.1)).sum();
    let desc = parts
        .iter()
        .map(|p| format!("{}: {}", p.0, format_count(p.1)))
        .collect::<Vec<_>>()
        .join(", ");
    let mut svg = Svg::new(title, &desc);
    svg.heading(
        title,
        &format!("{} active", group_digits(&total.to_string())),
    );
    if total == 0 {
        svg.no_data("No data: no active findings");
        return svg.finish();
    }
    let (left, right, top, height) = (20.0, 620.0, 50.0, 40.0);
    let mut x = left;
    for (name, n, colour, ink, _) in &parts {
        let w = scaled(*n as f64, total as f64, right - left);
        if w <= 0.0 {
            continue;
        }
        let tip = format!("{name}: {}", format_count(*n));
        svg.rect(x, top, w, height, colour, Some(&tip));
        let label = format_count(*n);
        if text_width(&label, 13) + 8.0 <= w {
            svg.text(
                x + w / 2.0,
                top + 25.0,
                Anchor::Middle,
                13,
                true,
                ink,
                &label,
            );
        }
        x += w;
    }
    for (row, (name, n, colour, _, meaning)) in parts.iter().enumerate() {
        let y = 118.0 + row as f64 * 32.0;
        svg.rect(20.0, y - 12.0, 14.0, 14.0, colour, None);
        svg.text(42.0, y, Anchor::Start, 13, false, TEXT, name);
        svg.text(300.0, y, Anchor::End, 13, true, TEXT, &format_count(*n));
        svg.text(
            360.0,
            y,
            Anchor::End,
            12,
            false,
            MUTED,
            &format!("{}%", percent(*n, total)),
        );
        svg.text(384.0, y, Anchor::Start, 12, false, MUTED, meaning);
    }
    svg.finish()
}

#[derive(Clone, Copy)]
enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    fn as_str(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// An SVG document being written. Writing to a `String` cannot fail, so the `fmt::Result`s
/// of `write!` are dropped.
struct Svg {
    out: String,
}

impl Svg {
    fn new(title: &str, desc: &str) -> Svg {
        let mut out = String::with_capacity(8 * 1024);
        let _ = write!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\"><title>{}</title><desc>{}</desc>",
            escape::xml(title),
            escape::xml(desc)
        );
        let _ = write!(
            out,
            "<rect x=\"0\" y=\"0\" width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"#ffffff\"/>"
        );
        Svg { out }
    }

    fn finish(mut self) -> String {
        self.out.push_str("</svg>");
        self.out
    }

    #[expect(
        clippy::too_many_arguments,
        reason = "one call per text element reads best with every attribute in view"
    )]
    fn text(
        &mut self,
        x: f64,
        y: f64,
        anchor: Anchor,
        size: u32,
        bold: bool,
        fill: &str,
        content: &str,
    ) {
        let weight = if bold { " font-weight=\"bold\"" } else { "" };
        let _ = write!(
            self.out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"{}\" font-family=\"{FONT}\" font-size=\"{size}\"{weight} fill=\"{fill}\">{}</text>",
            num(x),
            num(y),
            anchor.as_str(),
            escape::xml(content)
        );
    }

    fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, fill: &str, tooltip: Option<&str>) {
        // An empty bar draws nothing, and SVG readers reject zero widths and heights.
        if w <= 0.0 || h <= 0.0 {
            return;
        }
        let _ = write!(
            self.out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\"",
            num(x),
            num(y),
            num(w),
            num(h)
        );
        match tooltip {
            Some(t) => {
                let _ = write!(self.out, "><title>{}</title></rect>", escape::xml(t));
            }
            None => self.out.push_str("/>"),
        }
    }

    fn line(&mut self, x1: f64, y1: f64, x2: f64, y2: f64, stroke: &str) {
        let _ = write!(
            self.out,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{stroke}\" stroke-width=\"1\"/>",
            num(x1),
            num(y1),
            num(x2),
            num(y2)
        );
    }

    fn heading(&mut self, title: &str, note: &str) {
        self.text(20.0, 28.0, Anchor::Start, 15, true, TEXT, title);
        self.text(620.0, 28.0, Anchor::End, 12, false, MUTED, note);
    }

    fn no_data(&mut self, message: &str) {
        self.rect(20.0, 50.0, 600.0, 190.0, TRACK, None);
        self.text(
            f64::from(WIDTH) / 2.0,
            150.0,
            Anchor::Middle,
            14,
            false,
            MUTED,
            message,
        );
    }

    fn legend(&mut self, items: &[(&str, &str)]) {
        let mut x = 20.0;
        for (colour, label) in items {
            self.rect(x, 41.0, 12.0, 12.0, colour, None);
            self.text(x + 17.0, 51.0, Anchor::Start, 12, false, TEXT, label);
            x += 17.0 + text_width(label, 12) + 22.0;
        }
    }

    /// Draws the grid and the y-axis labels for values up to `max`; returns the axis maximum.
    fn y_axis(&mut self, max: u64) -> u64 {
        // At most five gridlines above zero, at a round step, and the axis ends on one.
        let tick = nice_tick(max.div_ceil(5));
        let ticks = max.div_ceil(tick).max(1);
        for k in 0..=ticks {
            let y = PLOT_BOTTOM - (PLOT_BOTTOM - PLOT_TOP) * k as f64 / ticks as f64;
            self.line(
                PLOT_LEFT,
                y,
                PLOT_RIGHT,
                y,
                if k == 0 { MUTED } else { GRID },
            );
            self.text(
                PLOT_LEFT - 8.0,
                y + 4.0,
                Anchor::End,
                10,
                false,
                MUTED,
                &compact(tick.saturating_mul(k)),
            );
        }
        tick.saturating_mul(ticks)
    }

    fn x_label(&mut self, centre: f64, p: &TrendPoint) {
        self.text(
            centre,
            PLOT_BOTTOM + 16.0,
            Anchor::Middle,
            11,
            true,
            TEXT,
            &format!("#{}", p.scan_id),
        );
        self.text(
            centre,
            PLOT_BOTTOM + 30.0,
            Anchor::Middle,
            10,
            false,
            MUTED,
            day(&p.finished_at),
        );
    }
}

/// A count with its sign (`+12`, `-5`), or a bare `0`.
fn signed(sign: char, n: u64) -> String {
    if n == 0 {
        "0".to_owned()
    } else {
        format!("{sign}{}", format_count(n))
    }
}

/// The last `max` points.
fn latest(points: &[TrendPoint], max: usize) -> &[TrendPoint] {
    points
        .get(points.len().saturating_sub(max)..)
        .unwrap_or(points)
}

fn scans_note(shown: usize, all: usize) -> String {
    match all {
        0 => String::new(),
        1 => "1 scan".to_owned(),
        n if shown == n => format!("{n} scans"),
        n => format!("last {shown} of {n} scans"),
    }
}

fn detected(p: &TrendPoint, s: Severity) -> u64 {
    p.detected.get(&s).copied().unwrap_or(0)
}

/// The date part of an RFC 3339 instant, as reports print dates.
pub(crate) fn day(instant: &str) -> &str {
    instant.get(..10).unwrap_or(instant)
}

/// The length of a bar for `n` on a scale where `max` is `full`; a non-zero value is at least
/// one unit long so that it stays visible.
fn bar_length(n: u64, max: u64, full: f64) -> f64 {
    scaled(n as f64, max as f64, full)
}

fn scaled(n: f64, max: f64, full: f64) -> f64 {
    if n <= 0.0 || max <= 0.0 {
        return 0.0;
    }
    (n / max * full).clamp(1.0, full)
}

/// Label every `k`-th scan so that x labels (about 66 units wide) do not collide.
fn label_every(n: usize, slot: f64) -> usize {
    let k = (70.0 / slot).ceil();
    if k.is_finite() && k >= 1.0 {
        (k as usize).min(n.max(1))
    } else {
        1
    }
}

/// The smallest 1, 2 or 5 × 10ⁿ at least `raw` (and at least 1).
fn nice_tick(raw: u64) -> u64 {
    let mut magnitude: u64 = 1;
    loop {
        for m in [1u64, 2, 5] {
            match magnitude.checked_mul(m) {
                Some(t) if t >= raw => return t,
                Some(_) => {}
                None => return raw.max(1),
            }
        }
        match magnitude.checked_mul(10) {
            Some(next) => magnitude = next,
            None => return raw.max(1),
        }
    }
}

/// An axis label: `950`, `9,500`, `95k`, `9.5M`, `9.5G`.
fn compact(n: u64) -> String {
    let scaled = |div: f64, unit: &str| {
        let v = n as f64 / div;
        if v < 10.0 {
            format!("{}{unit}", num(v))
        } else {
            format!("{v:.0}{unit}")
        }
    };
    match n {
        0..10_000 => format_count(n),
        10_000..1_000_000 => scaled(1e3, "k"),
        1_000_000..1_000_000_000 => scaled(1e6, "M"),
        _ => scaled(1e9, "G"),
    }
}

/// `part` as a whole percentage of `whole`, rounded half up.
fn percent(part: u64, whole: u128) -> u128 {
    if whole == 0 {
        return 0;
    }
    (u128::from(part) * 200 + whole) / (whole * 2)
}

/// A coordinate with at most one decimal, without a trailing `.0`.
fn num(v: f64) -> String {
    let s = format!("{v:.1}");
    match s.strip_suffix(".0") {
        Some("-0") => "0".to_owned(),
        Some(whole) => whole.to_owned(),
        None => s,
    }
}

/// A rough width of `s` in DejaVu Sans at `size`, enough to decide whether a label fits.
fn text_width(s: &str, size: u32) -> f64 {
    s.chars().count() as f64 * f64::from(size) * 0.62
}
