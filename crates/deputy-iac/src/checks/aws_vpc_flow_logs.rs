//! DPY-AWS-VPC-004: VPC has no flow log.
//!
//! # What it checks
//! Every `aws_vpc` has an `aws_flow_log` that refers to it (`vpc_id = aws_vpc.main.id`), or to
//! one of its `aws_vpc_ipv4_cidr_block_association`s (whose `vpc_id` is the VPC's).
//!
//! # Why it matters
//! Flow logs record the connections accepted and rejected in the VPC; without them there is no
//! network record to detect scanning or exfiltration with, or to investigate an incident.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_vpc" "main" {
//!   cidr_block = "10.0.0.0/16"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_vpc" "main" {
//!   cidr_block = "10.0.0.0/16"
//! }
//!
//! resource "aws_flow_log" "main" {
//!   vpc_id          = aws_vpc.main.id
//!   traffic_type    = "ALL"
//!   log_destination = aws_cloudwatch_log_group.flow.arn
//!   iam_role_arn    = aws_iam_role.flow.arn
//! }
//! ```
//!
//! # Remediation
//! Add an `aws_flow_log` for the VPC.
//!
//! # References
//! - <https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html>

use super::aws::{connected, verdict};
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth};

check!(VpcFlowLogs {
    code: "DPY-AWS-VPC-004",
    checkov: ["CKV2_AWS_11"],
    title: "VPC has no flow log",
    severity: Medium,
    reason: "trivy-checks AWS-0178 (VPC flow logs for all VPCs) is Medium; KICS \"VPC FlowLogs Disabled\" is Medium. Medium, as both",
    targets: [(Terraform, "aws_vpc")],
    description: "Every `aws_vpc` has an `aws_flow_log` that refers to it (`vpc_id = aws_vpc.main.id`), or to one of its `aws_vpc_ipv4_cidr_block_association`s (whose `vpc_id` is the VPC's).",
    remediation: "Add an `aws_flow_log` for the VPC.",
    references: ["https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html"],
    differences: [],
});

fn evaluate(r: &Resource, cx: &Cx<'_>) -> Verdict {
    // A flow log may name the VPC through one of its CIDR block associations
    // (`vpc_id = aws_vpc_ipv4_cidr_block_association.extra.vpc_id`): that is the same VPC.
    let through_association = || {
        connected(cx, r, "aws_vpc_ipv4_cidr_block_association")
            .any(|a| connected(cx, a, "aws_flow_log").next().is_some())
    };
    let ok = if connected(cx, r, "aws_flow_log").next().is_some() || through_association() {
        Truth::True
    } else {
        Truth::False
    };
    verdict(ok, "no flow log is attached to the VPC")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::aws::fixture::resource;

    #[test]
    fn a_flow_log_must_refer_to_the_vpc() {
        let vpc = resource("aws_vpc", "{}");
        let mut log = resource(
            "aws_flow_log",
            r#"{"vpc_id":{"$unknown":["aws_vpc.test"]}}"#,
        );
        log.address = "aws_flow_log.main".into();
        let with = [vpc.clone(), log];
        assert_eq!(evaluate(&vpc, &Cx::new(&with)), Verdict::Pass);
        let without = [vpc.clone()];
        assert!(matches!(
            evaluate(&vpc, &Cx::new(&without)),
            Verdict::Fail(_)
        ));
    }
}
