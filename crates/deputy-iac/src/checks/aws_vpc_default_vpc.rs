//! DPY-AWS-VPC-003: The default VPC is managed and kept.
//!
//! # What it checks
//! Reports every `aws_default_vpc`: workloads belong in VPCs designed for them.
//!
//! # Why it matters
//! The default VPC has public subnets that assign public addresses and a permissive default
//! security group, so anything launched there by accident is exposed.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_default_vpc" "default" {}
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_vpc" "main" {
//!   cidr_block = "10.0.0.0/16"
//! }
//! ```
//!
//! # Remediation
//! Delete the default VPC in every region (or leave it unmanaged and empty) and create
//! purpose-built VPCs.
//!
//! # References
//! - <https://docs.aws.amazon.com/vpc/latest/userguide/default-vpc.html>

use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(DefaultVpcManaged {
    code: "DPY-AWS-VPC-003",
    checkov: ["CKV_AWS_148"],
    title: "The default VPC is managed and kept",
    severity: Medium,
    reason: "trivy-checks AWS-0101 (no default VPC) is High; KICS \"Default VPC Exists\" is Medium. Medium, as KICS: managing aws_default_vpc keeps the VPC, but it is also the usual first step to locking it down",
    targets: [(Terraform, "aws_default_vpc")],
    description: "Reports every `aws_default_vpc`: workloads belong in VPCs designed for them.",
    remediation: "Delete the default VPC in every region (or leave it unmanaged and empty) and create purpose-built VPCs.",
    references: ["https://docs.aws.amazon.com/vpc/latest/userguide/default-vpc.html"],
    differences: [],
});

fn evaluate(_r: &Resource, _cx: &Cx<'_>) -> Verdict {
    Verdict::fail("the configuration manages the default VPC")
}
