//! DPY-AWS-VPC-001: VPC subnet assigns public IP addresses by default.
//!
//! # What it checks
//! `aws_subnet` does not set `map_public_ip_on_launch = true`.
//!
//! # Why it matters
//! Every instance launched in such a subnet gets a public address, so one permissive security
//! group exposes it to the internet.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_subnet" "app" {
//!   vpc_id                  = aws_vpc.main.id
//!   cidr_block              = "10.0.1.0/24"
//!   map_public_ip_on_launch = true
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_subnet" "app" {
//!   vpc_id     = aws_vpc.main.id
//!   cidr_block = "10.0.1.0/24"
//! }
//! ```
//!
//! # Remediation
//! Leave `map_public_ip_on_launch` unset (false); give public addresses only to resources
//! that need them, explicitly.
//!
//! # References
//! - <https://docs.aws.amazon.com/vpc/latest/userguide/vpc-ip-addressing.html>

use super::aws::{must_not_be_true, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(SubnetPublicIp {
    code: "DPY-AWS-VPC-001",
    checkov: ["CKV_AWS_130"],
    title: "VPC subnet assigns public IP addresses by default",
    severity: Medium,
    reason: "trivy-checks AWS-0164 (subnet public IP) is High; KICS \"VPC Subnet Assigns Public IP\" is Medium. Medium, as KICS: public subnets are meant for load balancers and NAT gateways",
    targets: [(Terraform, "aws_subnet")],
    description: "`aws_subnet` does not set `map_public_ip_on_launch = true`.",
    remediation: "Leave `map_public_ip_on_launch` unset (false); give public addresses only to resources that need them, explicitly.",
    references: ["https://docs.aws.amazon.com/vpc/latest/userguide/vpc-ip-addressing.html"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_not_be_true(r.config.get("map_public_ip_on_launch")),
        "the subnet assigns public IP addresses on launch",
    )
}
