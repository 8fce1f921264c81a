//! DPY-AWS-EC2-016: VPC Elastic IP is not attached to anything.
//!
//! # What it checks
//! An `aws_eip` allocated to a VPC (`domain = "vpc"` or `vpc = true`) is attached: it refers to
//! an `aws_instance` (`instance = aws_instance.web.id`), an `aws_eip_association` with an
//! `instance_id` refers to it, or an `aws_instance`, `aws_nat_gateway` or `aws_transfer_server`
//! is connected to it. An EIP not allocated to a VPC fails too. An `instance` the scan cannot
//! resolve (a module output, a data source, a variable) gets no verdict.
//!
//! # Why it matters
//! An unattached Elastic IP is billed while it serves nothing, and a forgotten public address
//! is easily reattached to the wrong resource.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_eip" "spare" {
//!   domain = "vpc"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_eip" "web" {
//!   domain   = "vpc"
//!   instance = aws_instance.web.id
//! }
//! ```
//!
//! # Remediation
//! Attach the address to an instance, NAT gateway or Transfer server, or release it.
//!
//! # References
//! - <https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/elastic-ip-addresses-eip.html>

use super::aws::s3::or;
use super::aws::{connected, must_be_set, must_be_true, must_equal, refers_to_kind, verdict};
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

check!(EipAttached {
    code: "DPY-AWS-EC2-016",
    checkov: ["CKV2_AWS_19"],
    title: "VPC Elastic IP is not attached to anything",
    severity: Low,
    reason: "neither trivy-checks nor KICS has an equivalent; Low: an unattached address costs money but exposes nothing until it is attached",
    targets: [(Terraform, "aws_eip")],
    description: "An `aws_eip` allocated to a VPC (`domain = \"vpc\"` or `vpc = true`) is attached: it refers to an `aws_instance` (`instance = aws_instance.web.id`), an `aws_eip_association` with an `instance_id` refers to it, or an `aws_instance`, `aws_nat_gateway` or `aws_transfer_server` is connected to it. An EIP not allocated to a VPC fails too. An `instance` the scan cannot resolve (a module output, a data source, a variable) gets no verdict.",
    remediation: "Attach the address to an instance, NAT gateway or Transfer server, or release it.",
    references: [
        "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/elastic-ip-addresses-eip.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, cx: &Cx<'_>) -> Verdict {
    let in_vpc = or(
        must_be_true(r.config.get("vpc")),
        must_equal(r.config.get("domain"), "vpc"),
    );
    let ok = match in_vpc {
        Truth::False => Truth::False,
        in_vpc => match attached(r, cx) {
            Truth::True => in_vpc,
            Truth::False => Truth::False,
            Truth::Unknown => Truth::Unknown,
        },
    };
    verdict(
        ok,
        "the Elastic IP is not attached to an instance or gateway",
    )
}

/// Whether something the address serves is connected to it.
fn attached(r: &Resource, cx: &Cx<'_>) -> Truth {
    const TARGETS: [&str; 3] = ["aws_instance", "aws_nat_gateway", "aws_transfer_server"];
    let refers = |kind: &str| {
        r.config
            .as_map()
            .is_some_and(|m| m.keys().any(|k| refers_to_kind(cx, r, k, kind)))
    };
    if TARGETS
        .iter()
        .any(|k| refers(k) || connected(cx, r, k).next().is_some())
    {
        return Truth::True;
    }
    let mut ok = Truth::False;
    for assoc in connected(cx, r, "aws_eip_association") {
        match must_be_set(assoc.config.get("instance_id")) {
            Truth::True => return Truth::True,
            Truth::Unknown => ok = Truth::Unknown,
            Truth::False => {}
        }
    }
    // An instance the scan cannot resolve (a module output, a data source, a variable) may
    // or may not be one: no verdict.
    if let Some(Value::Unknown(_)) = r.config.get("instance") {
        ok = Truth::Unknown;
    }
    ok
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::aws::fixture::resource;

    fn judge(eip: &str, others: &[(&str, &str)]) -> &'static str {
        let r = resource("aws_eip", eip);
        let mut all = vec![r.clone()];
        for (i, (kind, config)) in others.iter().enumerate() {
            let mut o = resource(kind, config);
            o.address = format!("{kind}.other{i}");
            all.push(o);
        }
        match evaluate(&r, &Cx::new(&all)) {
            Verdict::Pass => "pass",
            Verdict::Fail(_) => "fail",
            Verdict::Unknown => "unknown",
            _ => "other",
        }
    }

    #[test]
    fn vpc_addresses_must_serve_something() {
        let to_eip = r#"{"allocation_id":{"$unknown":["aws_eip.test"]}}"#;
        assert_eq!(
            judge(r#"{"domain":"vpc"}"#, &[("aws_nat_gateway", to_eip)]),
            "pass"
        );
        assert_eq!(
            judge(
                r#"{"vpc":true}"#,
                &[(
                    "aws_eip_association",
                    r#"{"allocation_id":{"$unknown":["aws_eip.test"]},"instance_id":"i-1"}"#
                )]
            ),
            "pass"
        );
        assert_eq!(
            judge(
                r#"{"domain":"vpc","instance":{"$unknown":["module.web"]}}"#,
                &[]
            ),
            "unknown"
        );
        assert_eq!(judge(r#"{"domain":"vpc"}"#, &[]), "fail");
        assert_eq!(judge("{}", &[("aws_nat_gateway", to_eip)]), "fail");
        assert_eq!(
            judge(r#"{"domain":"vpc","instance":{"$unknown":[]}}"#, &[]),
            "unknown"
        );
    }
}
