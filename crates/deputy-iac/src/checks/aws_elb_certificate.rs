//! DPY-AWS-ELB-004: Classic load balancer listener has no SSL certificate.
//!
//! # What it checks
//! Every `listener` of an `aws_elb` sets `ssl_certificate_id` (an ACM or IAM server
//! certificate).
//!
//! # Why it matters
//! A listener without a certificate cannot terminate TLS, so clients talk to it in
//! cleartext; certificates from AWS Certificate Manager are also renewed automatically.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_elb" "web" {
//!   name               = "web"
//!   availability_zones = ["us-west-2a"]
//!   listener {
//!     instance_port     = 8080
//!     instance_protocol = "http"
//!     lb_port           = 80
//!     lb_protocol       = "http"
//!   }
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_elb" "web" {
//!   name               = "web"
//!   availability_zones = ["us-west-2a"]
//!   listener {
//!     instance_port      = 8443
//!     instance_protocol  = "https"
//!     lb_port            = 443
//!     lb_protocol        = "https"
//!     ssl_certificate_id = aws_acm_certificate.web.arn
//!   }
//! }
//! ```
//!
//! # Remediation
//! Give every listener an `ssl_certificate_id`, preferably an ACM certificate.
//!
//! # References
//! - <https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-create-https-ssl-load-balancer.html>

use super::aws::verdict;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

check!(ElbCertificate {
    code: "DPY-AWS-ELB-004",
    checkov: ["CKV_AWS_127"],
    title: "Classic load balancer listener has no SSL certificate",
    severity: Medium,
    reason: "trivy-checks AWS-0054 (plain HTTP, Critical) covers only application load balancer listeners, and KICS has no query on classic load balancer certificates; neither matches. Medium: a listener without a certificate serves clients in cleartext",
    targets: [(Terraform, "aws_elb")],
    description: "Every `listener` of an `aws_elb` sets `ssl_certificate_id` (an ACM or IAM server certificate).",
    remediation: "Give every listener an `ssl_certificate_id`, preferably an ACM certificate.",
    references: [
        "https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-create-https-ssl-load-balancer.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let ok = match r.config.get("listener") {
        Some(Value::Unknown(_)) => Truth::Unknown,
        Some(listeners) => {
            let mut ok = Truth::True;
            for l in listeners.items() {
                if l.is_unknown() {
                    ok = Truth::Unknown;
                } else if l.get("ssl_certificate_id").is_none() {
                    ok = Truth::False;
                    break;
                }
            }
            ok
        }
        None => Truth::True,
    };
    verdict(ok, "a listener has no SSL certificate")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::aws::fixture::resource;

    fn judge(config: &str) -> &'static str {
        let r = resource("aws_elb", config);
        match evaluate(&r, &Cx::new(std::slice::from_ref(&r))) {
            Verdict::Pass => "pass",
            Verdict::Fail(_) => "fail",
            Verdict::Unknown => "unknown",
            _ => "other",
        }
    }

    #[test]
    fn every_listener_needs_a_certificate() {
        assert_eq!(
            judge(r#"{"listener":[{"ssl_certificate_id":"arn"}]}"#),
            "pass"
        );
        assert_eq!(
            judge(r#"{"listener":[{"ssl_certificate_id":"arn"},{"lb_port":80}]}"#),
            "fail"
        );
        assert_eq!(judge(r#"{"listener":{"$unknown":[]}}"#), "unknown");
    }
}
