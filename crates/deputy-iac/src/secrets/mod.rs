//! The secrets front end: hard-coded credentials in the files Checkov's `secrets`
//! framework reads, found as Checkov 3.3.30 finds them with detect-secrets.
//!
//! Each secret found becomes one [`Resource`] of framework [`Framework::Secrets`]: its
//! type is the detector's secret type (`AWS Access Key`, `Base64 High Entropy String`),
//! its address the SHA-1 of the secret's value in hex (detect-secrets' `hashed_secret`,
//! which Checkov reports as the resource), its span `[line, line + 1]` as Checkov
//! reports it, and its configuration only the type.
//!
//! **Invariant:** a secret's text never leaves this module. The detectors hash a value as
//! soon as they have decided it is a secret; resources, findings and every output carry
//! the hash, the rule and the line, never the value.
//!
//! Which files are read follows Checkov's secrets runner: files ending in `.tf`, `.yml`,
//! `.yaml`, `.json`, `.template`, `.bicep` or `.hcl`, and Dockerfiles (`Dockerfile`,
//! `Dockerfile.*`, `*.Dockerfile`), but not lock files Checkov names, hidden files, files
//! under a path containing one of the folders it always excludes, or files over 5 MB. A
//! file can be read both by its IaC front end and for secrets. Binary files (not UTF-8, or
//! holding a NUL byte) are skipped.

pub mod detect;
mod multiline;
mod patterns;
mod yaml;

use crate::model::{BlockKind, Framework, Parsed, Resource, SourceFile, Span, Value};
use indexmap::IndexMap;
use regex::Regex;
use std::sync::LazyLock;

pub use detect::Kind;

/// Checkov's size limit for secret scanning (`CHECKOV_MAX_FILE_SIZE`, 5 MB).
pub const MAX_FILE_SIZE: u64 = 5_000_000;

/// The extensions Checkov's secrets runner reads (`SUPPORTED_FILE_EXTENSIONS`).
const EXTENSIONS: [&str; 7] = [
    ".tf",
    ".yml",
    ".yaml",
    ".json",
    ".template",
    ".bicep",
    ".hcl",
];

/// Files Checkov never scans for secrets, whatever their extension.
const PROHIBITED_FILES: [&str; 5] = [
    "Pipfile.lock",
    "yarn.lock",
    "package-lock.json",
    "requirements.txt",
    "go.sum",
];

/// Path parts that keep a file out of Checkov's secrets scan wherever they appear in its
/// path (Checkov tests them as substrings).
const EXCLUDED_PATH_PARTS: [&str; 7] = [
    "node_modules",
    ".terraform",
    ".serverless",
    ".external_modules",
    ".idea",
    ".git",
    "venv",
];

/// Whether Checkov's secrets scan reads the file at `rel` (root-relative, `/`-separated).
pub fn wants(rel: &str) -> bool {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    if name.starts_with('.') || EXCLUDED_PATH_PARTS.iter().any(|p| rel.contains(p)) {
        return false;
    }
    if is_dockerfile(name) {
        return true;
    }
    let ext = format!(".{}", name.rsplit('.').next().unwrap_or(name));
    !PROHIBITED_FILES.contains(&name) && EXTENSIONS.contains(&ext.as_str())
}

/// Checkov's Dockerfile name rule for the secrets scan: `[prefix.]Dockerfile[.suffix]`
/// with an upper- or lower-case `D`, but not `*.dockerignore`.
fn is_dockerfile(name: &str) -> bool {
    static DOCKERFILE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:.+\.)?[Dd]ockerfile(?:\..+)?$")
            .unwrap_or_else(|e| unreachable!("valid literal: {e}"))
    });
    name.contains("ockerfile")
        && DOCKERFILE.is_match(name)
        && !name.ends_with(".dockerignore")
        && !name.ends_with(".Dockerignore")
}

/// Scans one file for secrets: one resource per secret found.
pub fn parse(file: &SourceFile) -> Parsed {
    if file.text.contains('\0') {
        return Parsed::default();
    }
    let resources = detect::scan_text(&file.path, &file.text)
        .into_iter()
        .map(|f| Resource {
            framework: Framework::Secrets,
            block: BlockKind::Secret,
            kind: f.kind.name().to_owned(),
            address: f.hash,
            file: file.path.clone(),
            span: Span::new(f.line, f.line.saturating_add(1)),
            caller: None,
            config: Value::Map(IndexMap::from([(
                "secret_type".to_owned(),
                Value::String(f.kind.name().to_owned()),
            )])),
        })
        .collect();
    Parsed {
        resources,
        diagnostics: Vec::new(),
    }
}

#[cfg(test)]
pub(crate) mod tests;
