//! DPY-AWS-EKS-002: EKS cluster does not encrypt Kubernetes secrets with KMS.
//!
//! # What it checks
//! `aws_eks_cluster` has an `encryption_config` whose `resources` include `secrets`
//! (CloudFormation `EncryptionConfig[].Resources`).
//!
//! # Why it matters
//! Envelope encryption with a KMS key keeps Kubernetes secrets unreadable in etcd backups and
//! lets you audit and revoke their decryption.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_eks_cluster" "main" {
//!   name     = "main"
//!   role_arn = aws_iam_role.eks.arn
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_eks_cluster" "main" {
//!   name     = "main"
//!   role_arn = aws_iam_role.eks.arn
//!   encryption_config {
//!     resources = ["secrets"]
//!     provider {
//!       key_arn = aws_kms_key.eks.arn
//!     }
//!   }
//! }
//! ```
//!
//! # Remediation
//! Add an `encryption_config` for `secrets` with a customer-managed KMS key.
//!
//! # References
//! - <https://docs.aws.amazon.com/eks/latest/userguide/envelope-encryption.html>

use super::aws::verdict;
use crate::check::{Cx, Verdict};
use crate::model::{Framework, Resource, Truth, Value};

check!(EksSecretsEncryption {
    code: "DPY-AWS-EKS-002",
    checkov: ["CKV_AWS_58"],
    title: "EKS cluster does not encrypt Kubernetes secrets with KMS",
    severity: High,
    reason: "trivy-checks AWS-0039 (EKS secrets encryption) is High; KICS \"EKS Cluster Encryption Disabled\" is High",
    targets: [
        (Terraform, "aws_eks_cluster"),
        (CloudFormation, "AWS::EKS::Cluster")
    ],
    description: "`aws_eks_cluster` has an `encryption_config` whose `resources` include `secrets` (CloudFormation `EncryptionConfig[].Resources`).",
    remediation: "Add an `encryption_config` for `secrets` with a customer-managed KMS key.",
    references: ["https://docs.aws.amazon.com/eks/latest/userguide/envelope-encryption.html"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let (configs, key) = match r.framework {
        Framework::CloudFormation => (r.config.path("Properties.EncryptionConfig"), "Resources"),
        _ => (r.config.get("encryption_config"), "resources"),
    };
    let mut ok = Truth::False;
    for config in configs.into_iter().flat_map(Value::items) {
        if config.is_unknown() {
            ok = Truth::Unknown;
            continue;
        }
        for resource in config.get(key).into_iter().flat_map(Value::items) {
            match resource {
                Value::String(s) if s == "secrets" => return Verdict::Pass,
                Value::Unknown(_) => ok = Truth::Unknown,
                _ => {}
            }
        }
    }
    verdict(ok, "Kubernetes secrets are not encrypted with a KMS key")
}
