//! The check framework: the metadata every check carries, what a check returns for one
//! resource, and the context it runs in (the other resources of the scan, for checks that
//! connect resources, such as a bucket and its public-access block).

use crate::model::{Framework, Resource, Span};
use deputy_core::Severity;
use serde::Serialize;

/// Everything known about a check, used for findings, docs and `deputy checks list`.
#[derive(Debug, Clone, Serialize)]
pub struct Meta {
    /// Deputy's stable code, e.g. `DPY-AWS-S3-001`. Never reused.
    pub code: &'static str,
    /// The Checkov ids this check is equivalent to, for every framework it covers.
    pub checkov: &'static [&'static str],
    pub title: &'static str,
    pub severity: Severity,
    /// Why this severity: the trivy-checks / KICS severities it follows, and any reason to
    /// differ.
    pub severity_reason: &'static str,
    /// The resource types it judges, per framework (`aws_s3_bucket`, `AWS::S3::Bucket`,
    /// `Deployment`, `Dockerfile`). A Terraform `data`, `provider` or `module` target is
    /// written `data.<type>`, `provider.<name>` or `module`.
    pub targets: &'static [(Framework, &'static str)],
    /// What the check reads and when it reports.
    pub description: &'static str,
    pub remediation: &'static str,
    /// Further reading (provider documentation, benchmarks).
    pub references: &'static [&'static str],
    /// Known, deliberate differences from Checkov, with the reason. Shown in the docs.
    pub differences: &'static [&'static str],
}

impl Meta {
    pub fn frameworks(&self) -> Vec<Framework> {
        let mut f: Vec<Framework> = self.targets.iter().map(|(f, _)| *f).collect();
        f.sort();
        f.dedup();
        f
    }
}

/// What a check concluded about one resource.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Pass,
    Fail(Evidence),
    /// The answer depends on a value the front end could not resolve: neither a pass nor
    /// a finding.
    Unknown,
    /// A pass reported on a part of the resource (a Dockerfile instruction), where Checkov
    /// reports it there; `message` says what was found fine.
    PassAt(Evidence),
    /// Several verdicts on parts of one resource (every failing `RUN` of a Dockerfile).
    /// Nested `Many` are flattened.
    Many(Vec<Verdict>),
}

impl Verdict {
    /// A failure with a message and no narrower location than the resource.
    pub fn fail(message: impl Into<String>) -> Verdict {
        Verdict::Fail(Evidence {
            message: message.into(),
            span: None,
            address: None,
        })
    }
}

/// Why a check failed, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    pub message: String,
    /// A narrower span than the resource's, when the check can point at one.
    pub span: Option<Span>,
    /// An address replacing the resource's, where Checkov reports a part of the resource
    /// (a Dockerfile instruction: `/Dockerfile.USER`).
    pub address: Option<String>,
}

/// A check: metadata and a pure function of one resource and the scan it is part of.
pub trait Check: Sync {
    fn meta(&self) -> &'static Meta;
    fn evaluate(&self, resource: &Resource, cx: &Cx<'_>) -> Verdict;
}

/// The scan a check runs in: every resource, for checks that connect resources.
#[derive(Debug, Clone, Copy)]
pub struct Cx<'a> {
    pub resources: &'a [Resource],
}

impl<'a> Cx<'a> {
    /// The resources of one framework and type, in scan order.
    pub fn of_kind(
        &self,
        framework: Framework,
        kind: &'a str,
    ) -> impl Iterator<Item = &'a Resource> + 'a {
        self.resources
            .iter()
            .filter(move |r| r.framework == framework && r.kind == kind)
    }
}
