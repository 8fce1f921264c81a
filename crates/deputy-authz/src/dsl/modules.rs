//! Modular models (schema 1.2): the `fga.mod` manifest, and module files (`module core`,
//! `extend type user`) combined into one [`AuthorizationModel`] as OpenFGA's language
//! library combines them.
//!
//! [`parse_mod_file`] reads a manifest with each value's 0-based position;
//! [`combine`] merges module files: types, extended types' relations and conditions, each
//! recording its module and file in its metadata, then validates the whole model with
//! OpenFGA's rules, reporting every problem at its file, line and column; [`load`] does both
//! with files read relative to the manifest; [`modules`] lists a model's modules.

use std::collections::HashSet;

use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

use super::parser::{self, ConditionSource, SourceMap, TypeSource};
use super::{Diagnostic, Range, validate};
use crate::model::{AuthorizationModel, Metadata, SourceInfo, TypeDefinition};

/// The only schema version a manifest may declare.
pub const MOD_FILE_SCHEMA: &str = "1.2";

/// A value of an `fga.mod` manifest with where it was written (0-based; the column range of
/// a quoted value includes its quotes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModFileProperty<T> {
    pub value: T,
    pub line: Range,
    pub column: Range,
}

/// An `fga.mod` manifest: the schema version and the module files, relative to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModFile {
    pub schema: ModFileProperty<String>,
    pub contents: ModFileProperty<Vec<ModFileProperty<String>>>,
}

/// One YAML node as the manifest reader sees it: a string, another scalar (kept as written),
/// a sequence, or a mapping.
#[derive(Debug)]
enum Node {
    String(String),
    Scalar(String),
    Sequence(Vec<Spanned<Node>>),
    Mapping,
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct NodeVisitor;

        impl<'de> Visitor<'de> for NodeVisitor {
            type Value = Node;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a YAML value")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Node, E> {
                Ok(Node::String(v.to_owned()))
            }

            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Node, E> {
                Ok(Node::Scalar(v.to_string()))
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Node, E> {
                Ok(Node::Scalar(v.to_string()))
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Node, E> {
                Ok(Node::Scalar(v.to_string()))
            }

            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Node, E> {
                Ok(Node::Scalar(v.to_string()))
            }

            fn visit_unit<E: de::Error>(self) -> Result<Node, E> {
                Ok(Node::Scalar("null".to_owned()))
            }

            fn visit_none<E: de::Error>(self) -> Result<Node, E> {
                Ok(Node::Scalar("null".to_owned()))
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element::<Spanned<Node>>()? {
                    items.push(item);
                }
                Ok(Node::Sequence(items))
            }

            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
                while map
                    .next_entry::<de::IgnoredAny, de::IgnoredAny>()?
                    .is_some()
                {}
                Ok(Node::Mapping)
            }
        }

        deserializer.deserialize_any(NodeVisitor)
    }
}

/// The manifest's fields; others are ignored, as OpenFGA ignores them.
#[derive(Debug, Deserialize)]
struct RawModFile {
    #[serde(default)]
    schema: Option<Spanned<Node>>,
    #[serde(default)]
    contents: Option<Spanned<Node>>,
}

/// Character offsets of line starts, to turn offsets into 0-based lines and columns.
struct Lines {
    starts: Vec<usize>,
    chars: Vec<char>,
}

impl Lines {
    fn new(text: &str) -> Self {
        let chars: Vec<char> = text.chars().collect();
        let mut starts = vec![0];
        for (i, c) in chars.iter().enumerate() {
            if *c == '\n' {
                starts.push(i + 1);
            }
        }
        Self { starts, chars }
    }

    /// (line, column) of a character offset.
    fn position(&self, offset: usize) -> (usize, usize) {
        let line = self
            .starts
            .partition_point(|s| *s <= offset)
            .saturating_sub(1);
        let start = self.starts.get(line).copied().unwrap_or(0);
        (line, offset - start.min(offset))
    }

    fn range(&self, start: usize, end: usize) -> (Range, Range) {
        let (line_start, col_start) = self.position(start);
        let (line_end, col_end) = self.position(end);
        (
            Range {
                start: line_start,
                end: line_end,
            },
            Range {
                start: col_start,
                end: col_end,
            },
        )
    }

    /// Where a sequence ends: after its closing `]` (flow) or after the line holding its
    /// last item (block), as OpenFGA's YAML reader measures it.
    fn sequence_end(&self, start: usize, last_item_end: usize) -> usize {
        let flow = self.chars.get(start) == Some(&'[');
        let mut i = last_item_end.max(start);
        while let Some(c) = self.chars.get(i) {
            i += 1;
            if (flow && *c == ']') || (!flow && *c == '\n') {
                return i;
            }
        }
        self.chars.len()
    }
}

fn property_span<T>(node: &Spanned<T>, lines: &Lines) -> (Range, Range) {
    let span = node.referenced.span();
    let start = usize::try_from(span.offset()).unwrap_or(0);
    let len = usize::try_from(span.len()).unwrap_or(0);
    lines.range(start, start + len)
}

fn mod_error(message: String, (line, column): (Range, Range)) -> Diagnostic {
    Diagnostic {
        message,
        line,
        column,
        ..Diagnostic::default()
    }
}

/// Whether a manifest entry, once percent-decoded and with `\` read as `/`, stays inside the
/// manifest's directory.
fn escapes_directory(entry: &str) -> bool {
    let decoded = percent_decoded(entry).replace('\\', "/");
    decoded.contains("../") || decoded.starts_with('/')
}

/// `%2e`, `%2f` and `%5c` (any case) decoded, as OpenFGA decodes manifest entries.
fn percent_decoded(entry: &str) -> String {
    let mut out = String::new();
    let mut rest = entry;
    while let Some(at) = rest.find('%') {
        out.push_str(rest.get(..at).unwrap_or(""));
        let code = rest.get(at + 1..at + 3).map(str::to_ascii_lowercase);
        match code.as_deref() {
            Some("2e") => out.push('.'),
            Some("2f") => out.push('/'),
            Some("5c") => out.push('\\'),
            _ => {
                out.push('%');
                rest = rest.get(at + 1..).unwrap_or("");
                continue;
            }
        }
        rest = rest.get(at + 3..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

/// Reads an `fga.mod` manifest, reporting every problem with its position (OpenFGA's
/// messages: `missing schema field`, `invalid contents item ../x.fga`, …).
pub fn parse_mod_file(text: &str) -> Result<ModFile, Vec<Diagnostic>> {
    let raw: RawModFile = match serde_saphyr::from_str(text) {
        Ok(raw) => raw,
        Err(e) => {
            let (line, column) = e.location().map_or((0, 0), |l| {
                (
                    usize::try_from(l.line()).unwrap_or(1).saturating_sub(1),
                    usize::try_from(l.column()).unwrap_or(1).saturating_sub(1),
                )
            });
            let message = e.to_string();
            let message = message.lines().next().unwrap_or("invalid YAML").to_owned();
            return Err(vec![mod_error(
                message,
                (
                    Range {
                        start: line,
                        end: line,
                    },
                    Range {
                        start: column,
                        end: column,
                    },
                ),
            )]);
        }
    };
    let lines = Lines::new(text);
    let mut errors = Vec::new();
    let nowhere = (Range::default(), Range::default());

    let schema = match &raw.schema {
        None => {
            errors.push(mod_error("missing schema field".to_owned(), nowhere));
            None
        }
        Some(node) => match &node.value {
            Node::String(value) if value == MOD_FILE_SCHEMA => {
                let (line, column) = property_span(node, &lines);
                Some(ModFileProperty {
                    value: value.clone(),
                    line,
                    column,
                })
            }
            Node::String(_) => {
                errors.push(mod_error(
                    format!(
                        "unsupported schema version, fga.mod only supported in version `{MOD_FILE_SCHEMA}`"
                    ),
                    property_span(node, &lines),
                ));
                None
            }
            other => {
                errors.push(mod_error(
                    format!(
                        "unexpected schema type, expected string got value {}",
                        node_text(other)
                    ),
                    property_span(node, &lines),
                ));
                None
            }
        },
    };

    let contents = match &raw.contents {
        None => {
            errors.push(mod_error("missing contents field".to_owned(), nowhere));
            None
        }
        Some(node) => match &node.value {
            Node::Sequence(items) => {
                let mut files = Vec::new();
                let mut last_end = 0;
                for item in items {
                    let span = item.referenced.span();
                    let start = usize::try_from(span.offset()).unwrap_or(0);
                    last_end = start + usize::try_from(span.len()).unwrap_or(0);
                    let at = property_span(item, &lines);
                    let value = match &item.value {
                        Node::String(value) => value,
                        other => {
                            errors.push(mod_error(
                                format!(
                                    "unexpected contents item type, expected string got value {}",
                                    node_text(other)
                                ),
                                at,
                            ));
                            continue;
                        }
                    };
                    if escapes_directory(value) {
                        errors.push(mod_error(format!("invalid contents item {value}"), at));
                        continue;
                    }
                    let decoded = percent_decoded(value);
                    if !decoded.ends_with(".fga") {
                        errors.push(mod_error(
                            format!("contents items should use fga file extension, got {value}"),
                            at,
                        ));
                        continue;
                    }
                    files.push(ModFileProperty {
                        value: decoded,
                        line: at.0,
                        column: at.1,
                    });
                }
                let start = usize::try_from(node.referenced.span().offset()).unwrap_or(0);
                let (line, column) = lines.range(start, lines.sequence_end(start, last_end));
                Some(ModFileProperty {
                    value: files,
                    line,
                    column,
                })
            }
            other => {
                errors.push(mod_error(
                    format!(
                        "unexpected contents type, expected list of strings got value {}",
                        node_text(other)
                    ),
                    property_span(node, &lines),
                ));
                None
            }
        },
    };

    match (schema, contents) {
        (Some(schema), Some(contents)) if errors.is_empty() => Ok(ModFile { schema, contents }),
        _ => Err(errors),
    }
}

fn node_text(node: &Node) -> String {
    match node {
        Node::String(s) | Node::Scalar(s) => s.clone(),
        Node::Sequence(_) => "a list".to_owned(),
        Node::Mapping => "a map".to_owned(),
    }
}

/// One module file: its name (as the manifest lists it) and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModuleFile {
    pub name: String,
    pub contents: String,
}

fn transformation_error(file: &str, message: String, span: parser::Span) -> Diagnostic {
    Diagnostic {
        message,
        line: Range {
            start: span.line,
            end: span.line,
        },
        column: Range {
            start: span.start,
            end: span.end,
        },
        file: Some(file.to_owned()),
        ..Diagnostic::default()
    }
}

/// A module file parsed: its types, conditions and where they are.
struct ParsedModule {
    model: AuthorizationModel,
    source: SourceMap,
}

/// Parses one module file; errors carry the file's name.
fn parse_module(file: &ModuleFile) -> Result<ParsedModule, Vec<Diagnostic>> {
    let (model, source, mut errors) = parser::parse(&file.contents);
    if errors.is_empty() {
        if source.module.is_none() {
            errors.push(Diagnostic {
                message: "file is not a module".to_owned(),
                ..Diagnostic::default()
            });
        } else {
            errors = validate::duplicates(&source);
        }
    }
    if errors.is_empty() {
        return Ok(ParsedModule { model, source });
    }
    for error in &mut errors {
        error.file = Some(file.name.clone());
    }
    Err(errors)
}

/// Combines module files into one model of the given schema version (`1.2` from a
/// manifest), as OpenFGA's `transformModuleFilesToModel` does: types in file order, each
/// `extend type`'s relations added to the type it extends, conditions; every type, extended
/// relation and condition records its module and file. The combined model is then validated
/// with OpenFGA's rules. Every problem is returned, each naming its file, line and column.
pub fn combine(
    files: &[ModuleFile],
    schema_version: &str,
) -> Result<AuthorizationModel, Vec<Diagnostic>> {
    let mut model = AuthorizationModel {
        schema_version: schema_version.to_owned(),
        ..AuthorizationModel::default()
    };
    let mut source = SourceMap::default();
    let mut errors = Vec::new();
    let mut extensions: Vec<(&str, TypeDefinition, TypeSource)> = Vec::new();

    for file in files {
        let parsed = match parse_module(file) {
            Ok(parsed) => parsed,
            Err(file_errors) => {
                errors.extend(file_errors);
                continue;
            }
        };
        let mut type_sources = parsed.source.types.into_iter();
        for mut definition in parsed.model.type_definitions {
            let Some(mut type_source) = type_sources.next() else {
                break;
            };
            type_source.file = Some(file.name.clone());
            if type_source.extension {
                extensions.push((&file.name, definition, type_source));
                continue;
            }
            let metadata = definition.metadata.get_or_insert_with(Metadata::default);
            metadata.source_info = Some(SourceInfo {
                file: file.name.clone(),
            });
            model.type_definitions.push(definition);
            source.types.push(type_source);
        }
        let mut condition_sources: Vec<ConditionSource> = parsed.source.conditions;
        for (name, mut condition) in parsed.model.conditions {
            let Some(position) = condition_sources.iter().position(|c| c.name == name) else {
                continue;
            };
            let mut condition_source = condition_sources.swap_remove(position);
            if model.conditions.contains_key(&name) {
                errors.push(transformation_error(
                    &file.name,
                    format!("duplicate condition {name}"),
                    condition_source.span,
                ));
                continue;
            }
            if let Some(metadata) = condition.metadata.as_mut() {
                metadata.source_info = Some(SourceInfo {
                    file: file.name.clone(),
                });
            }
            condition_source.file = Some(file.name.clone());
            model.conditions.insert(name, condition);
            source.conditions.push(condition_source);
        }
    }

    for (file, extension, mut extension_source) in extensions {
        let Some(original) = model
            .type_definitions
            .iter_mut()
            .find(|t| t.type_name == extension.type_name)
        else {
            errors.push(transformation_error(
                file,
                format!("extended type {} does not exist", extension.type_name),
                extension_source.span,
            ));
            continue;
        };
        let existing: HashSet<String> = original.relations.keys().cloned().collect();
        let mut relation_metadata = extension.metadata.map(|m| m.relations).unwrap_or_default();
        let mut merged = Vec::new();
        for (name, rewrite) in extension.relations {
            let Some(relation_source) = extension_source
                .relations
                .iter()
                .position(|r| r.name == name)
                .map(|i| extension_source.relations.swap_remove(i))
            else {
                continue;
            };
            if existing.contains(&name) {
                errors.push(transformation_error(
                    file,
                    format!(
                        "relation {name} already exists on type {}",
                        extension.type_name
                    ),
                    relation_source.span,
                ));
                continue;
            }
            let mut meta = relation_metadata.shift_remove(&name).unwrap_or_default();
            meta.source_info = Some(SourceInfo {
                file: file.to_owned(),
            });
            original.relations.insert(name.clone(), rewrite);
            original
                .metadata
                .get_or_insert_with(Metadata::default)
                .relations
                .insert(name, meta);
            merged.push(relation_source);
        }
        extension_source.relations = merged;
        source.types.push(extension_source);
    }

    errors.extend(validate::validate_source(&model, Some(&source)));
    if errors.is_empty() {
        Ok(model)
    } else {
        Err(errors)
    }
}

/// Reads a manifest and combines the module files it lists. `read` returns a file's text
/// given its path relative to the manifest. Problems in the manifest name `manifest_name`;
/// problems in module files name the file as the manifest lists it.
pub fn load(
    manifest_name: &str,
    manifest: &str,
    read: &dyn Fn(&str) -> Result<String, String>,
) -> Result<AuthorizationModel, Vec<Diagnostic>> {
    let in_manifest = |mut errors: Vec<Diagnostic>| {
        for error in &mut errors {
            error.file = Some(manifest_name.to_owned());
        }
        errors
    };
    let mod_file = parse_mod_file(manifest).map_err(in_manifest)?;
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for entry in &mod_file.contents.value {
        match read(&entry.value) {
            Ok(contents) => files.push(ModuleFile {
                name: entry.value.clone(),
                contents,
            }),
            Err(message) => errors.push(Diagnostic {
                message,
                line: entry.line,
                column: entry.column,
                file: Some(manifest_name.to_owned()),
                ..Diagnostic::default()
            }),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    combine(&files, &mod_file.schema.value)
}

/// The modules a modular model is made of, sorted, as OpenFGA's `getModulesFromJSON`
/// lists them: from types, relations and conditions. A model whose schema is not `1.2`
/// cannot be modular.
pub fn modules(model: &AuthorizationModel) -> Result<Vec<String>, Box<Diagnostic>> {
    if model.schema_version != MOD_FILE_SCHEMA {
        return Err(Box::new(Diagnostic {
            message: format!(
                "modular models are only supported in schema version `{MOD_FILE_SCHEMA}`, not `{}`",
                model.schema_version
            ),
            error_type: Some("unsupported-modular-modules".to_owned()),
            symbol: Some(model.schema_version.clone()),
            ..Diagnostic::default()
        }));
    }
    let mut found = std::collections::BTreeSet::new();
    for ty in &model.type_definitions {
        let Some(metadata) = &ty.metadata else {
            continue;
        };
        found.extend(metadata.module.iter().cloned());
        for relation in metadata.relations.values() {
            found.extend(relation.module.iter().cloned());
        }
    }
    for condition in model.conditions.values() {
        found.extend(condition.metadata.as_ref().and_then(|m| m.module.clone()));
    }
    found.retain(|m| !m.is_empty());
    Ok(found.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_decoding_and_traversal() {
        assert_eq!(percent_decoded("%2E%2e%2Fa%5cb.fga"), "../a\\b.fga");
        assert_eq!(percent_decoded("100%.fga"), "100%.fga");
        assert!(escapes_directory("a/../../b.fga"));
        assert!(escapes_directory("..\\b.fga"));
        assert!(escapes_directory("/etc/b.fga"));
        assert!(!escapes_directory("team/b.fga"));
        assert!(!escapes_directory("a..b.fga"));
    }

    #[test]
    fn flow_sequences_end_after_their_bracket() {
        let m = parse_mod_file("schema: '1.2'\ncontents: [a.fga, b.fga]\n").unwrap();
        assert_eq!(m.contents.value.len(), 2);
        assert_eq!(m.contents.column, Range { start: 10, end: 24 });
    }

    #[test]
    fn yaml_errors_are_reported_with_a_line() {
        let errors = parse_mod_file("schema: '1.2'\ncontents: [a.fga\n").unwrap_err();
        assert_eq!(errors.len(), 1);
    }

    #[test]
    fn files_that_are_not_modules_are_named() {
        let errors = combine(
            &[ModuleFile {
                name: "plain.fga".into(),
                contents: "model\n  schema 1.1\ntype user\n".into(),
            }],
            "1.2",
        )
        .unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].file.as_deref(), Some("plain.fga"));
        assert_eq!(errors[0].message, "file is not a module");
    }
}
