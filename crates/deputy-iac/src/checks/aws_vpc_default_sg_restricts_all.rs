//! DPY-AWS-VPC-002: VPC default security group does not restrict all traffic.
//!
//! # What it checks
//! Every `aws_vpc` has an `aws_default_security_group` referring to it that has no `ingress` or
//! `egress` rules, and no `aws_security_group_rule` or `aws_vpc_security_group_*_rule` adds rules
//! to that default group.
//!
//! # Why it matters
//! Resources launched without an explicit security group land in the default group; if it
//! allows traffic they are silently reachable or able to talk to each other.
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
//! resource "aws_default_security_group" "main" {
//!   vpc_id = aws_vpc.main.id
//! }
//! ```
//!
//! # Remediation
//! Manage the default security group with an `aws_default_security_group` resource without
//! rules, which removes AWS's default rules.
//!
//! # References
//! - <https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html>

use super::aws::{connected, verdict};
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

check!(DefaultSgRestrictsAll {
    code: "DPY-AWS-VPC-002",
    checkov: ["CKV2_AWS_12"],
    title: "VPC default security group does not restrict all traffic",
    severity: Low,
    reason: "trivy-checks AWS-0173 (default security group restricts all traffic) is Low; KICS \"Default Security Groups With Unrestricted Traffic\" and \"VPC Default Security Group Accepts All Traffic\" are High. Low, as trivy, whose check matches this one: it also fires on the AWS default rules, which admit only members of the group",
    targets: [(Terraform, "aws_vpc")],
    description: "Every `aws_vpc` has an `aws_default_security_group` referring to it that has no `ingress` or `egress` rules, and no `aws_security_group_rule` or `aws_vpc_security_group_*_rule` adds rules to that default group.",
    remediation: "Manage the default security group with an `aws_default_security_group` resource without rules, which removes AWS's default rules.",
    references: ["https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html"],
    differences: [
        "`dynamic` rule blocks over an empty collection add no rules, so the default group still restricts all traffic; Checkov counts the unrendered dynamic block as a rule"
    ],
});

fn evaluate(r: &Resource, cx: &Cx<'_>) -> Verdict {
    let mut ok = Truth::False;
    for group in connected(cx, r, "aws_default_security_group") {
        let this = restricts_all(group, cx);
        if this == Truth::True {
            ok = Truth::True;
            break;
        }
        if this == Truth::Unknown {
            ok = Truth::Unknown;
        }
    }
    verdict(
        ok,
        "the VPC's default security group is not managed without rules",
    )
}

/// Whether a default security group has no rules of its own and none attached to it.
fn restricts_all(group: &Resource, cx: &Cx<'_>) -> Truth {
    let mut answer = Truth::True;
    for key in ["ingress", "egress"] {
        match group.config.get(key) {
            None | Some(Value::Null) => {}
            Some(Value::List(l)) if l.is_empty() => {}
            Some(Value::Unknown(_)) => answer = Truth::Unknown,
            Some(_) => return Truth::False,
        }
    }
    let attached = [
        "aws_security_group_rule",
        "aws_vpc_security_group_ingress_rule",
        "aws_vpc_security_group_egress_rule",
    ]
    .iter()
    .any(|kind| connected(cx, group, kind).next().is_some());
    if attached { Truth::False } else { answer }
}
