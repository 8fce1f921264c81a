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

/// A parsed file and where its lines start.
#[derive(Debug)]
pub(crate) struct ParsedFile {
    pub path: String,
    pub body: Body,
    line_starts: Vec<usize>,
}

impl ParsedFile {
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
    match hcl_edit::parser::parse_body(&file.text) {
        Ok(body) => Ok(ParsedFile {
            path: file.path.clone(),
            body,
            line_starts: std::iter::once(0)
                .chain(file.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect(),
        }),
        Err(e) => {
            let location = e.location();
            Err(Diagnostic {
                kind: DiagnosticKind::ParseError,
                file: file.path.clone(),
                line: u32::try_from(location.line()).ok(),
                column: u32::try_from(location.column()).ok(),
                message: format!("invalid HCL: {}", e.message().trim()),
            })
        }
    }
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
