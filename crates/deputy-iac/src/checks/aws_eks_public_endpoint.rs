//! DPY-AWS-EKS-001: EKS cluster API endpoint is public.
//!
//! # What it checks
//! `aws_eks_cluster` sets `vpc_config { endpoint_public_access = false }` (public access is on by
//! default).
//!
//! # Why it matters
//! A public Kubernetes API server is exposed to credential attacks and API-server
//! vulnerabilities from the whole internet.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_eks_cluster" "main" {
//!   name     = "main"
//!   role_arn = aws_iam_role.eks.arn
//!   vpc_config {
//!     subnet_ids = var.subnet_ids
//!   }
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_eks_cluster" "main" {
//!   name     = "main"
//!   role_arn = aws_iam_role.eks.arn
//!   vpc_config {
//!     subnet_ids              = var.subnet_ids
//!     endpoint_private_access = true
//!     endpoint_public_access  = false
//!   }
//! }
//! ```
//!
//! # Remediation
//! Set `endpoint_public_access = false` and reach the API through the VPC (or restrict
//! `public_access_cidrs`).
//!
//! # References
//! - <https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html>

use super::aws::{must_be_false, setting_at, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(EksPublicEndpoint {
    code: "DPY-AWS-EKS-001",
    checkov: ["CKV_AWS_39"],
    title: "EKS cluster API endpoint is public",
    severity: Medium,
    reason: "trivy-checks AWS-0040 (EKS public cluster access) is Critical; KICS \"EKS Cluster Has Public Access\" is Medium. Medium, as KICS: the endpoint still requires AWS authentication and Kubernetes RBAC",
    targets: [(Terraform, "aws_eks_cluster")],
    description: "`aws_eks_cluster` sets `vpc_config { endpoint_public_access = false }` (public access is on by default).",
    remediation: "Set `endpoint_public_access = false` and reach the API through the VPC (or restrict `public_access_cidrs`).",
    references: ["https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_false(setting_at(r, "vpc_config.endpoint_public_access", "")),
        "the cluster API endpoint is public",
    )
}
