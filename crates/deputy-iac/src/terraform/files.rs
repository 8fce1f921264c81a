//! Parsing: each `.tf` file into an `hcl-edit` body with a line index, grouped by
//! directory into module definitions (the variables, locals, outputs and blocks of one
//! directory), and `.tfvars` files into literal values.

use super::eval::{EmptyScope, Evaluator};
use crate::model::{BlockKind, Diagnostic, DiagnosticKind, SourceFile, Span, Value};
use hcl_edit::Span as _;
use hcl_edit::expr::Expression;
use hcl_edit::structure::{Block, Body};
use indexmap::IndexMap;
use std::collections::BTreeMap;
use std::ops::Range;

/// Input nested deeper than this is refused before parsing: the parser recurses per
/// bracket, and no real configuration comes close.
const MAX_NESTING: usize = 256;

/// At most this many syntax errors are repaired in one file before it counts as broken.
const MAX_REPAIRS: usize = 64;

/// Appended to the name of an attribute defined a second time in one block.
const DUPLICATE_SUFFIX: &str = "-deputy-duplicate";

/// A parsed file and where its lines start.
#[derive(Debug)]
pub(crate) struct ParsedFile {
    pub path: String,
    pub body: Body,
    line_starts: Vec<usize>,
    /// A `Repaired` diagnostic for each syntax error read the way Checkov reads it.
    pub repairs: Vec<Diagnostic>,
}

impl ParsedFile {
    /// A file read from another syntax: its body, and where each of its original lines
    /// starts in the body's text.
    pub fn from_parts(path: String, body: Body, line_starts: Vec<usize>) -> ParsedFile {
        ParsedFile {
            path,
            body,
            line_starts,
            repairs: Vec::new(),
        }
    }

    /// The 1-based line holding byte `offset`.
    pub fn line(&self, offset: usize) -> u32 {
        let i = self.line_starts.partition_point(|&s| s <= offset);
        u32::try_from(i.max(1)).unwrap_or(u32::MAX)
    }

    /// The lines a byte range covers, first to last (an end offset is exclusive).
    pub fn span(&self, range: Option<Range<usize>>) -> Span {
        match range {
            Some(r) => Span::new(
                self.line(r.start),
                self.line(r.end.saturating_sub(1).max(r.start)),
            ),
            None => Span::default(),
        }
    }
}

/// Parses one file; a syntax error becomes a diagnostic naming line and column.
///
/// Three mistakes that Terraform rejects but Checkov's parser accepts, and that Checkov's
/// own test cases contain, are repaired and reported as `Repaired` diagnostics: a block
/// closed on the line of its last attribute (`status = "Enabled"}`), read as if the brace
/// were on a line of its own; a nested block written inside an object value
/// (`[{ principals { … } }]`), read as an attribute (`principals = { … }`); and an attribute
/// defined twice in one block, of which the first definition is read. Lines keep their
/// numbers in the original text. Any other error leaves the whole file unread.
pub(crate) fn parse(file: &SourceFile) -> Result<ParsedFile, Diagnostic> {
    if let Some((line, column)) = too_deep(&file.text) {
        return Err(Diagnostic {
            kind: DiagnosticKind::ParseError,
            file: file.path.clone(),
            line: Some(line),
            column: Some(column),
            message: format!("brackets nest more than {MAX_NESTING} deep"),
        });
    }
    let mut text = std::borrow::Cow::Borrowed(file.text.as_str());
    // Offsets in `text` of the newlines a repair inserted: they start no line.
    let mut inserted: Vec<usize> = Vec::new();
    let mut repairs = Vec::new();
    loop {
        let error = match hcl_edit::parser::parse_body(&text) {
            Ok(body) => {
                let line_starts = std::iter::once(0)
                    .chain(
                        text.match_indices('\n')
                            .filter(|(i, _)| !inserted.contains(i))
                            .map(|(i, _)| i + 1),
                    )
                    .collect();
                return Ok(ParsedFile {
                    path: file.path.clone(),
                    body,
                    line_starts,
                    repairs,
                });
            }
            Err(e) => e,
        };
        let location = error.location();
        let offset = location.offset();
        // The line in the original text: the parser counts the inserted newlines too.
        let before = inserted.iter().filter(|&&i| i < offset).count();
        let line = location.line().saturating_sub(before);
        let fix = (repairs.len() < MAX_REPAIRS)
            .then(|| repair(&text, offset, error.message()))
            .flatten();
        let Some((at, insert, what)) = fix else {
            return Err(Diagnostic {
                kind: DiagnosticKind::ParseError,
                file: file.path.clone(),
                line: u32::try_from(line).ok(),
                column: u32::try_from(location.column()).ok(),
                message: format!("invalid HCL: {}", error.message().trim()),
            });
        };
        repairs.push(Diagnostic {
            kind: DiagnosticKind::Repaired,
            file: file.path.clone(),
            line: u32::try_from(line).ok(),
            column: u32::try_from(location.column()).ok(),
            message: what.to_owned(),
        });
        for i in &mut inserted {
            if *i >= at {
                *i += insert.len();
            }
        }
        if insert == "\n" {
            inserted.push(at);
        }
        let mut repaired = text.into_owned();
        repaired.insert_str(at, insert);
        text = std::borrow::Cow::Owned(repaired);
    }
}

/// The repair for a syntax error at byte `offset`, if it is one Checkov accepts: where to
/// insert what, and a description.
fn repair(text: &str, offset: usize, message: &str) -> Option<(usize, &'static str, &'static str)> {
    let rest = text.get(offset..)?;
    if message.contains("redefined attribute") {
        // The later definition gets a name no configuration uses, so the first one stands.
        let key = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
            .unwrap_or(rest.len());
        if key > 0 {
            return Some((
                offset + key,
                DUPLICATE_SUFFIX,
                "an attribute is defined a second time in one block, which Terraform rejects; the first definition is read",
            ));
        }
    }
    if message.contains("expected newline") && rest.starts_with('}') {
        return Some((
            offset,
            "\n",
            "a block is closed on the line of its last attribute, which Terraform rejects; read as if the brace were on the next line, as Checkov reads it",
        ));
    }
    if message.contains("object value assignment") {
        // `name {` inside an object: the brace is the last one before the error on its
        // line, preceded by an identifier.
        let line_start = text.get(..offset)?.rfind('\n').map_or(0, |i| i + 1);
        let head = text.get(line_start..offset)?;
        let brace = line_start + head.rfind('{')?;
        let name = text.get(line_start..brace)?.trim_end();
        let ident = name
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .filter(|n| !n.is_empty())?;
        if ident
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        {
            return Some((
                brace,
                "= ",
                "a nested block is written inside an object value, which Terraform rejects; read as an attribute holding an object, as Checkov reads it",
            ));
        }
    }
    None
}

/// Where brackets first nest deeper than [`MAX_NESTING`], counting every bracket (also in
/// strings, which only makes the guard stricter).
fn too_deep(text: &str) -> Option<(u32, u32)> {
    let (mut depth, mut line, mut column) = (0usize, 1u32, 0u32);
    for c in text.chars() {
        column = column.saturating_add(1);
        match c {
            '\n' => {
                line = line.saturating_add(1);
                column = 0;
            }
            '(' | '[' | '{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some((line, column));
                }
            }
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// A `variable` declaration.
#[derive(Debug)]
pub(crate) struct VariableDecl<'f> {
    pub default: Option<&'f Expression>,
    pub type_expr: Option<&'f Expression>,
}

/// A `resource`, `data`, `provider` or `module` block and the file it is in.
#[derive(Debug)]
pub(crate) struct BlockRef<'f> {
    pub block_kind: BlockKind,
    pub kind: String,
    pub name: String,
    pub block: &'f Block,
    pub file: &'f ParsedFile,
}

/// One directory's configuration: a Terraform module.
#[derive(Debug, Default)]
pub(crate) struct ModuleDef<'f> {
    pub dir: String,
    pub variables: IndexMap<String, VariableDecl<'f>>,
    pub locals: IndexMap<String, &'f Expression>,
    pub outputs: IndexMap<String, &'f Expression>,
    pub blocks: Vec<BlockRef<'f>>,
}

impl<'f> ModuleDef<'f> {
    /// The `module` blocks of this directory.
    pub fn calls(&self) -> impl Iterator<Item = &BlockRef<'f>> {
        self.blocks
            .iter()
            .filter(|b| b.block_kind == BlockKind::Module)
    }
}

/// The directory part of a relative path (`""` at the root).
pub(crate) fn dir_of(path: &str) -> &str {
    path.rsplit_once('/').map(|(d, _)| d).unwrap_or("")
}

/// Groups parsed `.tf` files into module definitions keyed by directory.
pub(crate) fn modules(files: &[ParsedFile]) -> BTreeMap<String, ModuleDef<'_>> {
    let mut defs: BTreeMap<String, ModuleDef<'_>> = BTreeMap::new();
    for file in files {
        let dir = dir_of(&file.path);
        let def = defs.entry(dir.to_owned()).or_insert_with(|| ModuleDef {
            dir: dir.to_owned(),
            ..ModuleDef::default()
        });
        add_file(def, file);
    }
    defs
}

fn add_file<'f>(def: &mut ModuleDef<'f>, file: &'f ParsedFile) {
    for block in file.body.blocks() {
        let labels: Vec<&str> = block.labels.iter().map(|l| l.as_str()).collect();
        match (block.ident.as_str(), labels.as_slice()) {
            ("variable", [name]) => {
                let attr = |k: &str| block.body.get_attribute(k).map(|a| &a.value);
                def.variables.insert(
                    (*name).to_owned(),
                    VariableDecl {
                        default: attr("default"),
                        type_expr: attr("type"),
                    },
                );
            }
            ("locals", []) => {
                for attr in block.body.attributes() {
                    def.locals.insert(attr.key.as_str().to_owned(), &attr.value);
                }
            }
            ("output", [name]) => {
                if let Some(v) = block.body.get_attribute("value") {
                    def.outputs.insert((*name).to_owned(), &v.value);
                }
            }
            ("resource", [kind, name]) | ("data", [kind, name]) => {
                let block_kind = if block.ident.as_str() == "resource" {
                    BlockKind::Resource
                } else {
                    BlockKind::Data
                };
                def.blocks.push(BlockRef {
                    block_kind,
                    kind: (*kind).to_owned(),
                    name: (*name).to_owned(),
                    block,
                    file,
                });
            }
            ("provider", [name]) => def.blocks.push(BlockRef {
                block_kind: BlockKind::Provider,
                kind: (*name).to_owned(),
                name: (*name).to_owned(),
                block,
                file,
            }),
            ("module", [name]) => def.blocks.push(BlockRef {
                block_kind: BlockKind::Module,
                kind: "module".to_owned(),
                name: (*name).to_owned(),
                block,
                file,
            }),
            _ => {}
        }
    }
}

/// The literal assignments of a `.tfvars` file.
pub(crate) fn tfvars(file: &ParsedFile) -> IndexMap<String, Value> {
    let empty = EmptyScope::default();
    let mut ev = Evaluator::new(&empty);
    file.body
        .attributes()
        .map(|a| (a.key.as_str().to_owned(), ev.value(&a.value)))
        .collect()
}

/// The block's span: its first line to its closing brace.
pub(crate) fn block_span(b: &BlockRef<'_>) -> Span {
    b.file.span(b.block.span())
}

/// Resolves a local module source (`./x`, `../x`) against the calling directory; `None`
/// for registry and remote sources and for paths that leave the scanned tree.
pub(crate) fn local_source(caller_dir: &str, source: &str) -> Option<String> {
    if !(source.starts_with("./") || source.starts_with("../") || source == "." || source == "..") {
        return None;
    }
    let mut parts: Vec<&str> = caller_dir.split('/').filter(|p| !p.is_empty()).collect();
    for part in source.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}
