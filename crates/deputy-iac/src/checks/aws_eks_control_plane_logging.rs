//! DPY-AWS-EKS-003: EKS control plane logging is incomplete.
//!
//! # What it checks
//! `aws_eks_cluster` lists all five log types in `enabled_cluster_log_types`: `api`, `audit`,
//! `authenticator`, `controllerManager` and `scheduler`.
//!
//! # Why it matters
//! The audit and authenticator logs record who did what to the cluster; without them a
//! compromise of the Kubernetes API cannot be investigated.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_eks_cluster" "main" {
//!   name                      = "main"
//!   role_arn                  = aws_iam_role.eks.arn
//!   enabled_cluster_log_types = ["api"]
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_eks_cluster" "main" {
//!   name                      = "main"
//!   role_arn                  = aws_iam_role.eks.arn
//!   enabled_cluster_log_types = ["api", "audit", "authenticator", "controllerManager", "scheduler"]
//! }
//! ```
//!
//! # Remediation
//! Enable all five control plane log types.
//!
//! # References
//! - <https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html>

use super::aws::verdict;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

check!(EksControlPlaneLogging {
    code: "DPY-AWS-EKS-003",
    checkov: ["CKV_AWS_37"],
    title: "EKS control plane logging is incomplete",
    severity: Medium,
    reason: "trivy-checks AWS-0038 (EKS control plane logging) is Medium; KICS \"Missing Cluster Log Types\" is Medium",
    targets: [(Terraform, "aws_eks_cluster")],
    description: "`aws_eks_cluster` lists all five log types in `enabled_cluster_log_types`: `api`, `audit`, `authenticator`, `controllerManager` and `scheduler`.",
    remediation: "Enable all five control plane log types.",
    references: ["https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html"],
    differences: [],
});

const LOG_TYPES: [&str; 5] = [
    "api",
    "audit",
    "authenticator",
    "controllerManager",
    "scheduler",
];

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let ok = match r.config.get("enabled_cluster_log_types") {
        None | Some(Value::Null) => Truth::False,
        Some(Value::Unknown(_)) => Truth::Unknown,
        Some(types) => {
            let written: Vec<&str> = types.items().filter_map(Value::as_str).collect();
            let unknown = types.items().any(Value::is_unknown);
            if LOG_TYPES.iter().all(|t| written.contains(t)) {
                Truth::True
            } else if unknown {
                Truth::Unknown
            } else {
                Truth::False
            }
        }
    };
    verdict(ok, "not every control plane log type is enabled")
}
