//! DPY-AWS-RDS-019: RDS instance does not copy tags to snapshots.
//!
//! # What it checks
//! `aws_db_instance` sets `copy_tags_to_snapshot = true` and its `engine` is not `neptune`,
//! `aurora` or `docdb` (for those engines the instance belongs to a cluster, whose own setting
//! governs snapshots, so the instance fails). An instance without `engine` is not held to
//! the engine condition.
//!
//! # Why it matters
//! Snapshots without the instance's tags escape tag-based access policies, retention rules
//! and cost and data-classification reports.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_db_instance" "db" {
//!   engine         = "mysql"
//!   instance_class = "db.t3.micro"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_db_instance" "db" {
//!   engine                = "mysql"
//!   instance_class        = "db.t3.micro"
//!   copy_tags_to_snapshot = true
//! }
//! ```
//!
//! # Remediation
//! Set `copy_tags_to_snapshot = true`; for cluster engines set it on the cluster instead.
//!
//! # References
//! - <https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Tagging.html>

use super::aws::{must_be_true, verdict};
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

check!(InstanceCopyTags {
    code: "DPY-AWS-RDS-019",
    checkov: ["CKV2_AWS_60"],
    title: "RDS instance does not copy tags to snapshots",
    severity: Low,
    reason: "neither trivy-checks nor KICS has an equivalent; tags on snapshots carry ownership and data-classification controls, so Low, as DPY-AWS-RDS-003 for clusters",
    targets: [(Terraform, "aws_db_instance")],
    description: "`aws_db_instance` sets `copy_tags_to_snapshot = true` and its `engine` is not `neptune`, `aurora` or `docdb` (for those engines the instance belongs to a cluster, whose own setting governs snapshots, so the instance fails). An instance without `engine` is not held to the engine condition.",
    remediation: "Set `copy_tags_to_snapshot = true`; for cluster engines set it on the cluster instead.",
    references: ["https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Tagging.html"],
    differences: [],
});

/// Engines whose instances Checkov's rule always fails: their snapshots are the cluster's.
const CLUSTER_ENGINES: [&str; 3] = ["neptune", "aurora", "docdb"];

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let copies = must_be_true(r.config.get("copy_tags_to_snapshot"));
    if copies == Truth::False {
        return Verdict::fail("tags are not copied to snapshots");
    }
    match r.config.get("engine") {
        Some(Value::String(e)) if CLUSTER_ENGINES.contains(&e.as_str()) => Verdict::fail(format!(
            "engine `{e}` takes its snapshot settings from the cluster"
        )),
        Some(Value::Unknown(_)) => Verdict::Unknown,
        _ => verdict(copies, "tags are not copied to snapshots"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::aws::fixture::resource;

    fn judge(config: &str) -> &'static str {
        let r = resource("aws_db_instance", config);
        match evaluate(&r, &Cx::new(std::slice::from_ref(&r))) {
            Verdict::Pass => "pass",
            Verdict::Fail(_) => "fail",
            Verdict::Unknown => "unknown",
            _ => "other",
        }
    }

    #[test]
    fn tags_must_be_copied_on_standalone_engines() {
        assert_eq!(
            judge(r#"{"engine":"mysql","copy_tags_to_snapshot":true}"#),
            "pass"
        );
        assert_eq!(judge(r#"{"copy_tags_to_snapshot":true}"#), "pass");
        assert_eq!(
            judge(r#"{"engine":"mysql","copy_tags_to_snapshot":false}"#),
            "fail"
        );
        assert_eq!(judge(r#"{"engine":"mysql"}"#), "fail");
        assert_eq!(
            judge(r#"{"engine":"neptune","copy_tags_to_snapshot":true}"#),
            "fail"
        );
        assert_eq!(
            judge(r#"{"engine":"aurora-mysql","copy_tags_to_snapshot":true}"#),
            "pass"
        );
        assert_eq!(
            judge(r#"{"engine":{"$unknown":[]},"copy_tags_to_snapshot":true}"#),
            "unknown"
        );
        assert_eq!(judge(r#"{"engine":{"$unknown":[]}}"#), "fail");
        assert_eq!(
            judge(r#"{"engine":"mysql","copy_tags_to_snapshot":{"$unknown":[]}}"#),
            "unknown"
        );
    }
}
