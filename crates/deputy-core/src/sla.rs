//! Service-level targets: how long a finding of each severity may stay active.

use crate::severity::Severity;
use serde::{Deserialize, Serialize};
use time::{Duration, OffsetDateTime};

/// Days allowed per severity; `None` means no SLA. The clock starts at `first_seen`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SlaPolicy {
    pub critical: Option<u32>,
    pub high: Option<u32>,
    pub medium: Option<u32>,
    pub low: Option<u32>,
    pub info: Option<u32>,
}

impl Default for SlaPolicy {
    /// Critical 7 days, high 30, medium 90, low 120, info none.
    fn default() -> Self {
        Self {
            critical: Some(7),
            high: Some(30),
            medium: Some(90),
            low: Some(120),
            info: None,
        }
    }
}

impl SlaPolicy {
    pub fn days(&self, severity: Severity) -> Option<u32> {
        match severity {
            Severity::Critical => self.critical,
            Severity::High => self.high,
            Severity::Medium => self.medium,
            Severity::Low => self.low,
            Severity::Info => self.info,
        }
    }

    /// When a finding of `severity` first seen at `first_seen` falls due.
    pub fn due(&self, severity: Severity, first_seen: OffsetDateTime) -> Option<OffsetDateTime> {
        self.days(severity)
            .and_then(|d| first_seen.checked_add(Duration::days(i64::from(d))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn defaults_match_the_documented_targets() {
        let p = SlaPolicy::default();
        let t = datetime!(2026-01-01 0:00 UTC);
        assert_eq!(
            p.due(Severity::Critical, t),
            Some(datetime!(2026-01-08 0:00 UTC))
        );
        assert_eq!(
            p.due(Severity::High, t),
            Some(datetime!(2026-01-31 0:00 UTC))
        );
        assert_eq!(
            p.due(Severity::Medium, t),
            Some(datetime!(2026-04-01 0:00 UTC))
        );
        assert_eq!(
            p.due(Severity::Low, t),
            Some(datetime!(2026-05-01 0:00 UTC))
        );
        assert_eq!(p.due(Severity::Info, t), None);
    }
}
