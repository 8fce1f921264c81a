//! OpenFGA's modeling language (schema 1.1, and 1.2 modular models): the DSL parser, the
//! canonical printer, and the semantic validator with OpenFGA's error kinds (`errorType`)
//! and 0-based source spans.
//!
//! [`parse`] turns DSL into the JSON [`AuthorizationModel`] and reports syntax errors and
//! errors the JSON form cannot represent (duplicated relations, conditions, parameters);
//! [`parse_and_validate`] adds OpenFGA's semantic rules, reported at the offending symbol;
//! [`validate`] runs those rules on a model from JSON (without positions); [`print`] turns
//! a model back into the DSL exactly as OpenFGA formats it. [`modules`] reads `fga.mod`
//! manifests and combines module files (`module x`, `extend type`) into one model.

mod lexer;
pub mod modules;
mod parser;
mod printer;
mod validate;

use std::fmt;

use crate::model::AuthorizationModel;

pub use printer::{print, print_with_source_info};
pub use validate::{valid_object_id, validate};

/// A 0-based, end-exclusive range of lines or columns, as OpenFGA's test corpus writes them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Range {
    pub start: usize,
    pub end: usize,
}

/// One problem in a model, located in the DSL source when there is one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostic {
    pub message: String,
    pub line: Range,
    pub column: Range,
    /// OpenFGA's `errorType` (`relation-no-entry-point`, `duplicated-error`, …); `None` for
    /// syntax errors.
    pub error_type: Option<String>,
    /// The offending text.
    pub symbol: Option<String>,
    /// The file it is in, for modular models (a module file or `fga.mod`).
    pub file: Option<String>,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(file) = &self.file {
            write!(f, "{file}: ")?;
        }
        write!(
            f,
            "line {}, column {}: {}",
            self.line.start + 1,
            self.column.start + 1,
            self.message
        )
    }
}

impl std::error::Error for Diagnostic {}

/// Parses schema 1.1 DSL into the JSON model. Only syntax errors and errors the JSON form
/// cannot carry (duplicated definitions) are reported; see [`parse_and_validate`].
pub fn parse(src: &str) -> Result<AuthorizationModel, Vec<Diagnostic>> {
    let (model, source, mut errors) = parser::parse(src);
    if source.module.is_some() {
        // A module file has no schema line; it only makes sense combined with others.
        errors.insert(0, schema_required());
    }
    if errors.is_empty() {
        let duplicates = validate::duplicates(&source);
        if duplicates.is_empty() {
            return Ok(model);
        }
        return Err(duplicates);
    }
    Err(errors)
}

/// Parses DSL and applies OpenFGA's semantic rules, as `fga model validate` does.
pub fn parse_and_validate(src: &str) -> Result<AuthorizationModel, Vec<Diagnostic>> {
    let (model, source, mut errors) = parser::parse(src);
    if source.module.is_some() {
        errors.insert(0, schema_required());
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let errors = validate::validate_source(&model, Some(&source));
    if errors.is_empty() {
        Ok(model)
    } else {
        Err(errors)
    }
}

fn schema_required() -> Diagnostic {
    Diagnostic {
        message: "schema version required".to_owned(),
        error_type: Some("schema-version-required".to_owned()),
        symbol: Some(String::new()),
        ..Diagnostic::default()
    }
}
