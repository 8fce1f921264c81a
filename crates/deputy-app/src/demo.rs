//! `deputy demo`: the ledger on real data with nothing to set up. Two bundled Checkov
//! reports of terragoat — before and after a change — are imported into one project, and
//! the ledger's diff between them is returned.

use crate::import::{ImportOutcome, ImportRequest, InputSource};
use crate::{App, AppError, RunDiff};
use deputy_import::ReportFormat;
use serde::Serialize;

const BEFORE: &[u8] = include_bytes!("../data/demo/terragoat-before.json");
const AFTER: &[u8] = include_bytes!("../data/demo/terragoat-after.json");

/// The two imports and their diff.
#[derive(Debug, Clone, Serialize)]
pub struct DemoOutcome {
    pub before: ImportOutcome,
    pub after: ImportOutcome,
    pub diff: RunDiff,
}

impl App {
    /// Imports the bundled before/after reports into `project` and diffs them.
    pub async fn demo(&self, project: &str) -> Result<DemoOutcome, AppError> {
        let request = |name: &str, bytes: &[u8]| ImportRequest {
            project: project.to_owned(),
            format: ReportFormat::Checkov,
            input: InputSource::Bytes {
                name: name.to_owned(),
                bytes: bytes.to_vec(),
            },
            scope: None,
            commit: None,
            branch: Some("main".to_owned()),
            partial: false,
            default_severity: None,
            root: None,
        };
        let before = self
            .import(request("terragoat-before.json", BEFORE))
            .await?;
        let after = self.import(request("terragoat-after.json", AFTER)).await?;
        let diff = self
            .diff(
                Some(project),
                Some(before.run.id),
                Some(after.run.id),
                false,
            )
            .await?;
        Ok(DemoOutcome {
            before,
            after,
            diff,
        })
    }
}
