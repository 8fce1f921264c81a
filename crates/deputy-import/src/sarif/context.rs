//! What the results of one run are read against: its tool components and rules, its
//! artifacts, and its URI bases.

use super::model::{self, ArtifactLocation, Rule, Run, SarifResult, ToolComponent};
use super::non_empty;
use crate::error::ImportError;
use crate::{ImportOptions, count, path};
use deputy_core::Location;
use std::collections::HashMap;

/// The `uriBaseId`s that conventionally name the project root.
const SOURCE_ROOT_IDS: [&str; 2] = ["SRCROOT", "%SRCROOT%"];

/// How many levels of `uriBaseId` indirection are followed; more means a cycle.
const MAX_BASE_DEPTH: usize = 8;

/// What the results of one run are interpreted against.
pub(super) struct RunContext<'r, 'a> {
    pub(super) index: usize,
    run: &'r Run<'a>,
    pub(super) source: String,
    /// The driver first, then the extensions, so that `toolComponent.index` k is at k + 1.
    components: Vec<Option<&'r ToolComponent<'a>>>,
    /// Per component, rule id to index in its `rules`.
    rule_ids: Vec<HashMap<&'r str, usize>>,
    /// Each `originalUriBaseIds` entry resolved to an absolute, decoded URI, when it is one.
    bases: HashMap<&'r str, String>,
    /// Absolute prefixes that mean "the project root".
    roots: Vec<String>,
}

impl<'r, 'a> RunContext<'r, 'a> {
    pub(super) fn new(
        index: usize,
        run: &'r Run<'a>,
        source: String,
        options: &ImportOptions,
    ) -> Self {
        let tool = run.tool.as_ref();
        let mut components = vec![tool.and_then(|t| t.driver.as_ref())];
        components.extend(
            tool.and_then(|t| t.extensions.as_deref())
                .unwrap_or_default()
                .iter()
                .map(Some),
        );
        let rule_ids = components
            .iter()
            .map(|c| {
                let rules = c.and_then(|c| c.rules.as_deref()).unwrap_or_default();
                let mut ids = HashMap::with_capacity(rules.len());
                for (k, rule) in rules.iter().enumerate() {
                    if let Some(id) = rule.id.as_deref() {
                        // The first definition of an id wins, as it does for `rule.index`.
                        ids.entry(id).or_insert(k);
                    }
                }
                ids
            })
            .collect();
        let declared = run.original_uri_base_ids.as_ref();
        let bases: HashMap<&'r str, String> = declared
            .into_iter()
            .flatten()
            .filter_map(|(id, _)| Some((id.as_str(), resolve_base(declared?, id, 0)?)))
            .collect();
        let mut roots: Vec<String> = options.root.iter().map(|r| path::decode_uri(r)).collect();
        roots.extend(
            SOURCE_ROOT_IDS
                .iter()
                .filter_map(|id| bases.get(id).cloned()),
        );
        Self {
            index,
            run,
            source,
            components,
            rule_ids,
            bases,
            roots,
        }
    }

    /// The result's rule id and, when the run describes it, the rule.
    pub(super) fn rule(
        &self,
        result: &'r SarifResult<'a>,
        result_path: &impl Fn() -> String,
    ) -> Result<(&'r str, Option<&'r Rule<'a>>), ImportError> {
        let reference = result.rule.as_ref();
        let component = match reference.and_then(|r| r.tool_component.as_ref()) {
            Some(tc) => match tc.index.and_then(model::Int::index) {
                Some(k) if k + 1 < self.components.len() => k + 1,
                Some(k) => {
                    return Err(ImportError::at(
                        format!("{}.rule.toolComponent.index", result_path()),
                        format!(
                            "tool component index `{k}` is out of range (the run has {})",
                            count(self.components.len() - 1, "extension")
                        ),
                    ));
                }
                None => tc
                    .name
                    .as_deref()
                    .and_then(|name| {
                        self.components
                            .iter()
                            .skip(1)
                            .position(|c| c.and_then(|c| c.name.as_deref()) == Some(name))
                    })
                    .map_or(0, |k| k + 1),
            },
            None => 0,
        };
        let rules = self
            .components
            .get(component)
            .copied()
            .flatten()
            .and_then(|c| c.rules.as_deref())
            .unwrap_or_default();
        let by_index = result
            .rule_index
            .and_then(model::Int::index)
            .map(|k| (k, ".ruleIndex"))
            .or_else(|| {
                reference
                    .and_then(|r| r.index)
                    .and_then(model::Int::index)
                    .map(|k| (k, ".rule.index"))
            });
        let indexed = match by_index {
            Some((k, field)) => Some(rules.get(k).ok_or_else(|| {
                let table = match component {
                    0 => "tool.driver.rules".to_owned(),
                    c => format!("tool.extensions[{}].rules", c - 1),
                };
                ImportError::at(
                    format!("{}{field}", result_path()),
                    format!(
                        "rule index `{k}` is out of range (`{table}` has {})",
                        count(rules.len(), "rule")
                    ),
                )
            })?),
            None => None,
        };
        let rule_id = non_empty(result.rule_id.as_deref())
            .or_else(|| reference.and_then(|r| non_empty(r.id.as_deref())))
            .or_else(|| indexed.and_then(|r| non_empty(r.id.as_deref())))
            .ok_or_else(|| {
                ImportError::at(
                    result_path(),
                    "result has no rule id (expected `ruleId`, `rule.id` or `rule.index`)",
                )
            })?;
        let rule = indexed.or_else(|| {
            let ids = self.rule_ids.get(component)?;
            // A hierarchical id `CA2000/dispose` names the rule `CA2000` (SARIF §3.27.5).
            let k = ids
                .get(rule_id)
                .or_else(|| rule_id.split_once('/').and_then(|(head, _)| ids.get(head)))?;
            rules.get(*k)
        });
        Ok((rule_id, rule))
    }

    /// The result's location, and its start column (used only to order occurrences).
    pub(super) fn location(
        &self,
        result: &SarifResult<'a>,
        result_path: &impl Fn() -> String,
    ) -> Result<(Location, Option<u32>), ImportError> {
        let Some(first) = result.locations.as_deref().and_then(<[_]>::first) else {
            return Ok((Location::default(), None));
        };
        let physical = first.physical_location.as_ref();
        let path = match physical.and_then(|p| p.artifact_location.as_ref()) {
            Some(artifact) => self.artifact_path(artifact, &|| {
                format!(
                    "{}.locations[0].physicalLocation.artifactLocation.index",
                    result_path()
                )
            })?,
            None => None,
        };
        let region = physical.and_then(|p| p.region.as_ref());
        let start_line = region.and_then(|r| r.start_line).and_then(model::Int::line);
        let end_line = region
            .and_then(|r| r.end_line)
            .and_then(model::Int::line)
            .or(start_line);
        let resource = first
            .logical_locations
            .as_deref()
            .and_then(<[_]>::first)
            .and_then(|l| {
                non_empty(l.fully_qualified_name.as_deref()).or(non_empty(l.name.as_deref()))
            })
            .map(str::to_owned);
        let location = Location {
            path,
            start_line,
            end_line,
            resource,
            setting_path: None,
        };
        Ok((
            location,
            region
                .and_then(|r| r.start_column)
                .and_then(model::Int::line),
        ))
    }

    fn artifact_path(
        &self,
        artifact: &ArtifactLocation<'_>,
        index_path: &dyn Fn() -> String,
    ) -> Result<Option<String>, ImportError> {
        if let Some(uri) = non_empty(artifact.uri.as_deref()) {
            return Ok(Some(
                self.project_path(uri, artifact.uri_base_id.as_deref()),
            ));
        }
        let Some(k) = artifact.index.and_then(model::Int::index) else {
            return Ok(None);
        };
        let artifacts = self.run.artifacts.as_deref().unwrap_or_default();
        let listed = artifacts.get(k).ok_or_else(|| {
            ImportError::at(
                index_path(),
                format!(
                    "artifact index `{k}` is out of range (`runs[{}].artifacts` has {})",
                    self.index,
                    count(artifacts.len(), "artifact")
                ),
            )
        })?;
        let Some(location) = listed.location.as_ref() else {
            return Ok(None);
        };
        Ok(non_empty(location.uri.as_deref()).map(|uri| {
            let base = artifact
                .uri_base_id
                .as_deref()
                .or(location.uri_base_id.as_deref());
            self.project_path(uri, base)
        }))
    }

    /// A path relative to the project root when the reference lies under it; otherwise a
    /// relative reference as written, or an absolute one in full.
    fn project_path(&self, uri: &str, base_id: Option<&str>) -> String {
        let decoded = path::decode_uri(uri);
        if path::is_absolute(&decoded) {
            return match path::strip_roots(&decoded, &self.roots) {
                Some(relative) => relative.to_owned(),
                None => decoded,
            };
        }
        let relative = path::clean_relative(&decoded);
        // A reference relative to another base (say `%BUILDROOT%`) is rebased when that
        // base lies under the project root.
        let rebased = base_id
            .filter(|id| !SOURCE_ROOT_IDS.contains(id))
            .and_then(|id| self.bases.get(id))
            .map(|base| path::join(base, relative))
            .and_then(|full| path::strip_roots(&full, &self.roots).map(str::to_owned));
        rebased.unwrap_or_else(|| relative.to_owned())
    }
}

/// Resolves an `originalUriBaseIds` entry to an absolute, decoded URI ending in `/`.
pub(super) fn resolve_base(
    declared: &HashMap<String, ArtifactLocation<'_>>,
    id: &str,
    depth: usize,
) -> Option<String> {
    if depth > MAX_BASE_DEPTH {
        return None;
    }
    let location = declared.get(id)?;
    let uri = path::decode_uri(location.uri.as_deref()?);
    let full = if path::is_absolute(&uri) {
        uri
    } else {
        let parent = resolve_base(declared, location.uri_base_id.as_deref()?, depth + 1)?;
        path::join(&parent, path::clean_relative(&uri))
    };
    Some(if full.ends_with('/') {
        full
    } else {
        full + "/"
    })
}
