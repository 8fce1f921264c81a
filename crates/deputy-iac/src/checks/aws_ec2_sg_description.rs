//! DPY-AWS-EC2-012: Security group or rule has no description.
//!
//! # What it checks
//! Security groups and security-group rules have a non-empty `description`, and so does every
//! inline `ingress` and `egress` rule of a group (CloudFormation: the `Description` of each rule).
//!
//! # Why it matters
//! Descriptions say why a rule exists, so reviewers can tell a needed opening from a forgotten
//! one and remove stale access with confidence.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_security_group" "web" {
//!   ingress {
//!     from_port   = 443
//!     to_port     = 443
//!     protocol    = "tcp"
//!     cidr_blocks = ["10.0.0.0/16"]
//!   }
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_security_group" "web" {
//!   description = "Web tier"
//!   ingress {
//!     description = "HTTPS from the VPC"
//!     from_port   = 443
//!     to_port     = 443
//!     protocol    = "tcp"
//!     cidr_blocks = ["10.0.0.0/16"]
//!   }
//! }
//! ```
//!
//! # Remediation
//! Describe every security group and rule: what it is for and who needs it.
//!
//! # References
//! - <https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html>

use super::aws::verdict;
use crate::check::{Cx, Verdict};
use crate::model::{Framework, Resource, Truth, Value};

check!(SgDescription {
    code: "DPY-AWS-EC2-012",
    checkov: ["CKV_AWS_23"],
    title: "Security group or rule has no description",
    severity: Low,
    reason: "trivy-checks AWS-0099 (security group description) and AWS-0124 (security group rule description) are Low; KICS \"Security Group Without Description\" and \"Security Group Rule Without Description\" are Info. Low, as trivy: descriptions are what reviewers use to judge a rule",
    targets: [
        (Terraform, "aws_security_group"),
        (Terraform, "aws_security_group_rule"),
        (Terraform, "aws_db_security_group"),
        (Terraform, "aws_elasticache_security_group"),
        (Terraform, "aws_redshift_security_group"),
        (Terraform, "aws_vpc_security_group_ingress_rule"),
        (Terraform, "aws_vpc_security_group_egress_rule"),
        (CloudFormation, "AWS::EC2::SecurityGroup"),
        (CloudFormation, "AWS::EC2::SecurityGroupIngress"),
        (CloudFormation, "AWS::EC2::SecurityGroupEgress")
    ],
    description: "Security groups and security-group rules have a non-empty `description`, and so does every inline `ingress` and `egress` rule of a group (CloudFormation: the `Description` of each rule).",
    remediation: "Describe every security group and rule: what it is for and who needs it.",
    references: ["https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let ok = match r.framework {
        Framework::CloudFormation => cfn(r),
        _ => terraform(&r.config),
    };
    verdict(ok, "a security group or rule has no description")
}

/// A non-empty description.
fn described(v: Option<&Value>) -> Truth {
    match v {
        Some(Value::String(s)) if !s.is_empty() => Truth::True,
        Some(Value::Unknown(_)) => Truth::Unknown,
        _ => Truth::False,
    }
}

/// All of the truths hold.
fn all(truths: impl IntoIterator<Item = Truth>) -> Truth {
    let mut answer = Truth::True;
    for t in truths {
        match t {
            Truth::False => return Truth::False,
            Truth::Unknown => answer = Truth::Unknown,
            Truth::True => {}
        }
    }
    answer
}

fn terraform(c: &Value) -> Truth {
    let own = described(c.get("description"));
    // Only security groups (which have no `type`) carry inline rules.
    if c.get("type").is_some() {
        return own;
    }
    let rules = ["ingress", "egress"].into_iter().flat_map(|key| {
        c.get(key)
            .into_iter()
            .flat_map(Value::items)
            .filter(|rule| rule.as_map().is_some())
            .map(|rule| described(rule.get("description")))
    });
    all(std::iter::once(own).chain(rules))
}

fn cfn(r: &Resource) -> Truth {
    let Some(props) = r.config.get("Properties") else {
        return Truth::False;
    };
    if r.kind != "AWS::EC2::SecurityGroup" {
        return described(props.get("Description"));
    }
    // `GroupDescription` is required by CloudFormation itself; only the rules need one.
    let rules = ["SecurityGroupIngress", "SecurityGroupEgress"]
        .into_iter()
        .flat_map(|key| {
            props
                .get(key)
                .into_iter()
                .flat_map(Value::items)
                .filter(|rule| rule.as_map().is_some())
                .map(|rule| described(rule.get("Description")))
        });
    all(rules)
}
