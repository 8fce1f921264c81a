//! The subset of the SARIF 2.1.0 object model Deputy reads.
//!
//! Every property is optional here, so that a missing property becomes an error naming
//! its path (or a spec default) in the conversion rather than a generic decoder message.
//! Unknown properties are ignored: SARIF has many, and tools add their own. Strings borrow
//! from the input when they contain no escapes, which keeps large logs cheap to decode.

pub(crate) use crate::int::Int;
use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::fmt;

type Text<'a> = Option<Cow<'a, str>>;

#[derive(Debug, Deserialize)]
#[serde(expecting = "a SARIF log object")]
pub(crate) struct Log<'a> {
    #[serde(borrow, default)]
    pub version: Text<'a>,
    #[serde(borrow, default)]
    pub runs: Option<Vec<Run<'a>>>,
}

/// Just enough of a log to tell its version when the full decode failed.
#[derive(Debug, Deserialize)]
pub(crate) struct VersionProbe {
    #[serde(default)]
    pub version: Option<serde_json::Value>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", expecting = "a run object")]
pub(crate) struct Run<'a> {
    #[serde(borrow, default)]
    pub tool: Option<Tool<'a>>,
    #[serde(borrow, default)]
    pub results: Option<Vec<SarifResult<'a>>>,
    #[serde(borrow, default)]
    pub artifacts: Option<Vec<Artifact<'a>>>,
    #[serde(borrow, default)]
    pub original_uri_base_ids: Option<HashMap<String, ArtifactLocation<'a>>>,
    #[serde(borrow, default)]
    pub invocations: Option<Vec<Invocation<'a>>>,
    #[serde(borrow, default)]
    pub version_control_provenance: Option<Vec<VersionControlDetails<'a>>>,
}

#[derive(Debug, Deserialize)]
#[serde(expecting = "a tool object")]
pub(crate) struct Tool<'a> {
    #[serde(borrow, default)]
    pub driver: Option<ToolComponent<'a>>,
    #[serde(borrow, default)]
    pub extensions: Option<Vec<ToolComponent<'a>>>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", expecting = "a tool component object")]
pub(crate) struct ToolComponent<'a> {
    #[serde(borrow, default)]
    pub name: Text<'a>,
    #[serde(borrow, default)]
    pub version: Text<'a>,
    #[serde(borrow, default)]
    pub semantic_version: Text<'a>,
    #[serde(borrow, default)]
    pub rules: Option<Vec<Rule<'a>>>,
}

/// A `reportingDescriptor`: one rule's metadata.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", expecting = "a rule object")]
pub(crate) struct Rule<'a> {
    #[serde(borrow, default)]
    pub id: Text<'a>,
    #[serde(borrow, default)]
    pub name: Text<'a>,
    #[serde(borrow, default)]
    pub short_description: Option<MultiformatMessage<'a>>,
    #[serde(borrow, default)]
    pub full_description: Option<MultiformatMessage<'a>>,
    #[serde(borrow, default)]
    pub help: Option<MultiformatMessage<'a>>,
    #[serde(borrow, default)]
    pub help_uri: Text<'a>,
    #[serde(borrow, default)]
    pub default_configuration: Option<Configuration<'a>>,
    #[serde(default)]
    pub properties: Option<Properties>,
    #[serde(borrow, default)]
    pub message_strings: Option<HashMap<String, MultiformatMessage<'a>>>,
}

#[derive(Debug, Deserialize)]
#[serde(expecting = "a configuration object")]
pub(crate) struct Configuration<'a> {
    #[serde(borrow, default)]
    pub level: Text<'a>,
}

#[derive(Debug, Deserialize)]
#[serde(expecting = "a message object")]
pub(crate) struct MultiformatMessage<'a> {
    #[serde(borrow, default)]
    pub text: Text<'a>,
    #[serde(borrow, default)]
    pub markdown: Text<'a>,
}

#[derive(Debug, Deserialize)]
#[serde(expecting = "a message object")]
pub(crate) struct Message<'a> {
    #[serde(borrow, default)]
    pub text: Text<'a>,
    #[serde(borrow, default)]
    pub markdown: Text<'a>,
    #[serde(borrow, default)]
    pub id: Text<'a>,
    #[serde(default)]
    pub arguments: Option<Vec<String>>,
}

/// A property bag; only the keys Deputy reads.
#[derive(Debug, Default, Deserialize)]
#[serde(expecting = "a property bag object")]
pub(crate) struct Properties {
    #[serde(rename = "security-severity", default)]
    pub security_severity: Option<Score>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", expecting = "a result object")]
pub(crate) struct SarifResult<'a> {
    #[serde(borrow, default)]
    pub rule_id: Text<'a>,
    #[serde(default)]
    pub rule_index: Option<Int>,
    #[serde(borrow, default)]
    pub rule: Option<RuleReference<'a>>,
    #[serde(borrow, default)]
    pub kind: Text<'a>,
    #[serde(borrow, default)]
    pub level: Text<'a>,
    #[serde(borrow, default)]
    pub message: Option<Message<'a>>,
    #[serde(borrow, default)]
    pub locations: Option<Vec<Location<'a>>>,
    #[serde(default)]
    pub fingerprints: Option<BTreeMap<String, String>>,
    #[serde(default)]
    pub partial_fingerprints: Option<BTreeMap<String, String>>,
    #[serde(borrow, default)]
    pub suppressions: Option<Vec<Suppression<'a>>>,
    #[serde(borrow, default)]
    pub baseline_state: Text<'a>,
    #[serde(default)]
    pub properties: Option<Properties>,
}

/// A `reportingDescriptorReference`: how a result names its rule.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", expecting = "a rule reference object")]
pub(crate) struct RuleReference<'a> {
    #[serde(borrow, default)]
    pub id: Text<'a>,
    #[serde(default)]
    pub index: Option<Int>,
    #[serde(borrow, default)]
    pub tool_component: Option<ToolComponentReference<'a>>,
}

#[derive(Debug, Deserialize)]
#[serde(expecting = "a tool component reference object")]
pub(crate) struct ToolComponentReference<'a> {
    #[serde(borrow, default)]
    pub name: Text<'a>,
    #[serde(default)]
    pub index: Option<Int>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", expecting = "a location object")]
pub(crate) struct Location<'a> {
    #[serde(borrow, default)]
    pub physical_location: Option<PhysicalLocation<'a>>,
    #[serde(borrow, default)]
    pub logical_locations: Option<Vec<LogicalLocation<'a>>>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", expecting = "a physical location object")]
pub(crate) struct PhysicalLocation<'a> {
    #[serde(borrow, default)]
    pub artifact_location: Option<ArtifactLocation<'a>>,
    #[serde(default)]
    pub region: Option<Region>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", expecting = "an artifact location object")]
pub(crate) struct ArtifactLocation<'a> {
    #[serde(borrow, default)]
    pub uri: Text<'a>,
    #[serde(borrow, default)]
    pub uri_base_id: Text<'a>,
    #[serde(default)]
    pub index: Option<Int>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", expecting = "a region object")]
pub(crate) struct Region {
    #[serde(default)]
    pub start_line: Option<Int>,
    #[serde(default)]
    pub end_line: Option<Int>,
    #[serde(default)]
    pub start_column: Option<Int>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", expecting = "a logical location object")]
pub(crate) struct LogicalLocation<'a> {
    #[serde(borrow, default)]
    pub fully_qualified_name: Text<'a>,
    #[serde(borrow, default)]
    pub name: Text<'a>,
}

#[derive(Debug, Deserialize)]
#[serde(expecting = "a suppression object")]
pub(crate) struct Suppression<'a> {
    #[serde(borrow, default)]
    pub status: Text<'a>,
}

#[derive(Debug, Deserialize)]
#[serde(expecting = "an artifact object")]
pub(crate) struct Artifact<'a> {
    #[serde(borrow, default)]
    pub location: Option<ArtifactLocation<'a>>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", expecting = "an invocation object")]
pub(crate) struct Invocation<'a> {
    #[serde(default)]
    pub execution_successful: Option<bool>,
    #[serde(borrow, default)]
    pub start_time_utc: Text<'a>,
    #[serde(borrow, default)]
    pub end_time_utc: Text<'a>,
    #[serde(borrow, default)]
    pub tool_execution_notifications: Option<Vec<Notification<'a>>>,
    #[serde(borrow, default)]
    pub tool_configuration_notifications: Option<Vec<Notification<'a>>>,
}

#[derive(Debug, Deserialize)]
#[serde(expecting = "a notification object")]
pub(crate) struct Notification<'a> {
    #[serde(borrow, default)]
    pub level: Text<'a>,
    #[serde(borrow, default)]
    pub message: Option<Message<'a>>,
}

#[derive(Debug, Deserialize)]
#[serde(
    rename_all = "camelCase",
    expecting = "a version control details object"
)]
pub(crate) struct VersionControlDetails<'a> {
    #[serde(borrow, default)]
    pub revision_id: Text<'a>,
    #[serde(borrow, default)]
    pub branch: Text<'a>,
}

/// GitHub's `security-severity` property: a CVSS-like score, written as a string by most
/// tools and as a number by some.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Score {
    Number(f64),
    Text(String),
}

impl Score {
    pub fn value(&self) -> Option<f64> {
        match self {
            Score::Number(n) => Some(*n),
            Score::Text(s) => s.trim().parse().ok(),
        }
    }
}

impl<'de> Deserialize<'de> for Score {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct ScoreVisitor;
        impl Visitor<'_> for ScoreVisitor {
            type Value = Score;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a score (a number or a numeric string)")
            }

            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Score, E> {
                Ok(Score::Number(v))
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Score, E> {
                Ok(Score::Number(v as f64))
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Score, E> {
                Ok(Score::Number(v as f64))
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Score, E> {
                Ok(Score::Text(v.to_owned()))
            }
        }
        d.deserialize_any(ScoreVisitor)
    }
}
