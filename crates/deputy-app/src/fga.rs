//! `deputy fga` use-cases that need no database: running model test files, validating and
//! transforming models.

use crate::AppError;
use deputy_authz::AuthorizationModel;
use deputy_authz::testing::{self, TestFileKind, store_file};
use serde::Serialize;
use std::path::Path;

/// The outcome of one test file.
#[derive(Debug, Clone, Serialize)]
pub struct FgaTestOutcome {
    pub file: String,
    pub kind: &'static str,
    /// One line per section run (per variant for conformance files).
    pub sections: Vec<String>,
    pub passed: usize,
    pub failed: usize,
    pub failures: Vec<String>,
}

fn read(path: &Path) -> Result<String, AppError> {
    std::fs::read_to_string(path).map_err(|source| AppError::Read {
        file: path.display().to_string(),
        source,
    })
}

/// Runs an OpenFGA store file or conformance file, told apart by content. Conformance files
/// run twice: with stored tuples, and with the same tuples as contextual tuples.
pub fn fga_test(path: &Path) -> Result<FgaTestOutcome, AppError> {
    let text = read(path)?;
    let file = path.display().to_string();
    let mut out = FgaTestOutcome {
        file: file.clone(),
        kind: "",
        sections: Vec::new(),
        passed: 0,
        failed: 0,
        failures: Vec::new(),
    };
    let mut add = |label: String, report: testing::Report| {
        let (p, f) = report.totals();
        out.sections.push(format!(
            "{label}: check {}/{}, list_objects {}/{}, list_users {}/{}",
            report.check.passed,
            report.check.passed + report.check.failed,
            report.list_objects.passed,
            report.list_objects.passed + report.list_objects.failed,
            report.list_users.passed,
            report.list_users.passed + report.list_users.failed,
        ));
        out.passed += p;
        out.failed += f;
        out.failures.extend(report.failures);
    };
    match testing::detect(&text) {
        TestFileKind::Conformance => {
            for contextual in [false, true] {
                let report =
                    testing::conformance::run(&file, &text, contextual).map_err(AppError::Usage)?;
                add(
                    if contextual {
                        "contextual tuples".into()
                    } else {
                        "stored tuples".into()
                    },
                    report,
                );
            }
            out.kind = "conformance";
        }
        TestFileKind::StoreFile => {
            let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
            let read_rel = |rel: &str| {
                let p = dir.join(rel);
                std::fs::read_to_string(&p)
                    .map_err(|e| format!("cannot read `{}`: {e}", p.display()))
            };
            let report = store_file::run(&file, &text, &read_rel).map_err(AppError::Usage)?;
            add("store file".into(), report);
            out.kind = "store";
        }
    }
    Ok(out)
}

/// Reads a model from DSL (`.fga`), JSON, or a modular model's `fga.mod` manifest (whose
/// module files are read relative to it), validating it with OpenFGA's rules. Errors name
/// the file and the line.
pub fn fga_read_model(path: &Path) -> Result<AuthorizationModel, AppError> {
    let text = read(path)?;
    let file = path.display();
    if path.extension().is_some_and(|e| e == "mod") {
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let read_module = |name: &str| {
            let p = dir.join(name);
            std::fs::read_to_string(&p).map_err(|e| format!("cannot read `{}`: {e}", p.display()))
        };
        return deputy_authz::dsl::modules::load(&file.to_string(), &text, &read_module).map_err(
            |errors| {
                AppError::Usage(
                    errors
                        .iter()
                        .map(|e| e.to_string())
                        .collect::<Vec<_>>()
                        .join("; "),
                )
            },
        );
    }
    if text.trim_start().starts_with('{') {
        let model: AuthorizationModel = serde_json::from_str(&text).map_err(|e| {
            AppError::Usage(format!("`{file}` is not a JSON authorization model: {e}"))
        })?;
        let errors = deputy_authz::dsl::validate(&model);
        if errors.is_empty() {
            Ok(model)
        } else {
            Err(AppError::Usage(format!(
                "`{file}`: {}",
                errors
                    .iter()
                    .map(|e| e.message.clone())
                    .collect::<Vec<_>>()
                    .join("; ")
            )))
        }
    } else {
        deputy_authz::dsl::parse_and_validate(&text).map_err(|errors| {
            AppError::Usage(format!(
                "`{file}`: {}",
                errors
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; ")
            ))
        })
    }
}

/// The model as OpenFGA JSON (pretty) or as DSL.
pub fn fga_transform(model: &AuthorizationModel, to_dsl: bool) -> String {
    if to_dsl {
        deputy_authz::dsl::print(model)
    } else {
        let mut s = serde_json::to_string_pretty(model).unwrap_or_default();
        s.push('\n');
        s
    }
}
