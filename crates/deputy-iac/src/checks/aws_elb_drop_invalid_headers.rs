//! DPY-AWS-ELB-001: Application load balancer does not drop invalid HTTP headers.
//!
//! # What it checks
//! Application load balancers set `drop_invalid_header_fields = true` (CloudFormation: the
//! attribute `routing.http.drop_invalid_header_fields.enabled` is `true`); network and gateway
//! load balancers get no verdict.
//!
//! # Why it matters
//! Malformed headers passed through to backends enable HTTP request smuggling and header
//! injection against servers that parse them differently.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_lb" "web" {
//!   name               = "web"
//!   load_balancer_type = "application"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_lb" "web" {
//!   name                       = "web"
//!   load_balancer_type         = "application"
//!   drop_invalid_header_fields = true
//! }
//! ```
//!
//! # Remediation
//! Set `drop_invalid_header_fields = true`.
//!
//! # References
//! - <https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#load-balancer-attributes>

use super::aws::{must_be_true, verdict};
use crate::check::{Cx, Verdict};
use crate::model::{Framework, Resource, Truth, Value};

check!(AlbDropInvalidHeaders {
    code: "DPY-AWS-ELB-001",
    checkov: ["CKV_AWS_131"],
    title: "Application load balancer does not drop invalid HTTP headers",
    severity: Medium,
    reason: "trivy-checks AWS-0052 (drop invalid headers) is High; KICS \"ALB Not Dropping Invalid Headers\" is Medium. Medium, as KICS: request smuggling through invalid headers needs a vulnerable backend",
    targets: [
        (Terraform, "aws_lb"),
        (Terraform, "aws_alb"),
        (CloudFormation, "AWS::ElasticLoadBalancingV2::LoadBalancer")
    ],
    description: "Application load balancers set `drop_invalid_header_fields = true` (CloudFormation: the attribute `routing.http.drop_invalid_header_fields.enabled` is `true`); network and gateway load balancers get no verdict.",
    remediation: "Set `drop_invalid_header_fields = true`.",
    references: [
        "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#load-balancer-attributes"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let (kind, attributes) = match r.framework {
        Framework::CloudFormation => (
            r.config.path("Properties.Type"),
            r.config.path("Properties.LoadBalancerAttributes"),
        ),
        _ => (r.config.get("load_balancer_type"), None),
    };
    match kind {
        Some(Value::String(k)) if k != "application" => return Verdict::Unknown,
        Some(Value::Unknown(_)) => return Verdict::Unknown,
        _ => {}
    }
    let ok = match r.framework {
        Framework::CloudFormation => cfn_attribute(attributes),
        _ => must_be_true(r.config.get("drop_invalid_header_fields")),
    };
    verdict(ok, "invalid HTTP header fields are passed to the targets")
}

/// Whether the CloudFormation attribute list turns header dropping on.
fn cfn_attribute(attributes: Option<&Value>) -> Truth {
    let mut ok = Truth::False;
    for a in attributes.into_iter().flat_map(Value::items) {
        if a.get("Key").and_then(Value::as_str)
            != Some("routing.http.drop_invalid_header_fields.enabled")
        {
            continue;
        }
        match a.get("Value") {
            Some(Value::Unknown(_)) => ok = Truth::Unknown,
            Some(v) if v.truth() == Truth::True => return Truth::True,
            _ => {}
        }
    }
    ok
}
