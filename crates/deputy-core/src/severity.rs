//! Severity of a finding.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// How bad a finding is. Ordered from least to most severe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    /// All severities, most severe first (the order reports use).
    pub const ALL: [Severity; 5] = [
        Severity::Critical,
        Severity::High,
        Severity::Medium,
        Severity::Low,
        Severity::Info,
    ];

    /// The lowercase name used in storage, JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }

    /// Maps a CVSS-style score (GitHub's `security-severity` convention) to a severity.
    pub fn from_score(score: f64) -> Option<Severity> {
        if !score.is_finite() || !(0.0..=10.0).contains(&score) {
            return None;
        }
        Some(if score >= 9.0 {
            Severity::Critical
        } else if score >= 7.0 {
            Severity::High
        } else if score >= 4.0 {
            Severity::Medium
        } else if score > 0.0 {
            Severity::Low
        } else {
            Severity::Info
        })
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error for a severity name that is not one of Deputy's.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown severity `{0}` (expected critical, high, medium, low or info)")]
pub struct UnknownSeverity(pub String);

impl FromStr for Severity {
    type Err = UnknownSeverity;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "info" | "informational" | "none" => Ok(Severity::Info),
            "low" => Ok(Severity::Low),
            "medium" | "moderate" => Ok(Severity::Medium),
            "high" => Ok(Severity::High),
            "critical" => Ok(Severity::Critical),
            _ => Err(UnknownSeverity(s.to_owned())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for s in Severity::ALL {
            assert_eq!(s.as_str().parse::<Severity>(), Ok(s));
        }
        assert!("severe".parse::<Severity>().is_err());
    }

    #[test]
    fn scores_map_like_github_code_scanning() {
        assert_eq!(Severity::from_score(9.8), Some(Severity::Critical));
        assert_eq!(Severity::from_score(7.0), Some(Severity::High));
        assert_eq!(Severity::from_score(4.0), Some(Severity::Medium));
        assert_eq!(Severity::from_score(0.1), Some(Severity::Low));
        assert_eq!(Severity::from_score(0.0), Some(Severity::Info));
        assert_eq!(Severity::from_score(11.0), None);
        assert_eq!(Severity::from_score(f64::NAN), None);
    }
}
