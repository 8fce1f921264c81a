//! DPY-AWS-NEPTUNE-008: Neptune cluster snapshot is not encrypted.
//!
//! # What it checks
//! `aws_neptune_cluster_snapshot` sets `storage_encrypted = true`.
//!
//! # Why it matters
//! A snapshot is a full copy of the graph. Unencrypted, it can be copied or shared and
//! restored by anyone who obtains access to it, outside the controls on the cluster.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_neptune_cluster_snapshot" "nightly" {
//!   db_cluster_identifier          = aws_neptune_cluster.graph.id
//!   db_cluster_snapshot_identifier = "graph-nightly"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_neptune_cluster_snapshot" "nightly" {
//!   db_cluster_identifier          = aws_neptune_cluster.graph.id
//!   db_cluster_snapshot_identifier = "graph-nightly"
//!   storage_encrypted              = true
//! }
//! ```
//!
//! # Remediation
//! Snapshot only encrypted clusters (`storage_encrypted = true` on the cluster) and state it
//! on the snapshot with `storage_encrypted = true`.
//!
//! # References
//! - <https://docs.aws.amazon.com/neptune/latest/userguide/encrypt.html>

use super::aws::{must_be_true, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(NeptuneSnapshotEncrypted {
    code: "DPY-AWS-NEPTUNE-008",
    checkov: ["CKV_AWS_279"],
    title: "Neptune cluster snapshot is not encrypted",
    severity: High,
    reason: "neither trivy-checks nor KICS has a snapshot equivalent; a snapshot holds the same data as the cluster, so High, as trivy-checks AWS-0076 and KICS \"Neptune Database Cluster Encryption Disabled\" rate the cluster's own encryption",
    targets: [(Terraform, "aws_neptune_cluster_snapshot")],
    description: "`aws_neptune_cluster_snapshot` sets `storage_encrypted = true`.",
    remediation: "Snapshot only encrypted clusters (`storage_encrypted = true` on the cluster) and state it on the snapshot with `storage_encrypted = true`.",
    references: ["https://docs.aws.amazon.com/neptune/latest/userguide/encrypt.html"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_true(r.config.get("storage_encrypted")),
        "the snapshot is not encrypted",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::aws::fixture::resource;

    fn judge(config: &str) -> &'static str {
        let r = resource("aws_neptune_cluster_snapshot", config);
        match evaluate(&r, &Cx::new(std::slice::from_ref(&r))) {
            Verdict::Pass => "pass",
            Verdict::Fail(_) => "fail",
            Verdict::Unknown => "unknown",
            _ => "other",
        }
    }

    #[test]
    fn snapshots_must_be_encrypted() {
        assert_eq!(judge(r#"{"storage_encrypted":true}"#), "pass");
        assert_eq!(judge(r#"{"storage_encrypted":false}"#), "fail");
        assert_eq!(judge("{}"), "fail");
        assert_eq!(judge(r#"{"storage_encrypted":{"$unknown":[]}}"#), "unknown");
    }
}
