//! DPY-AWS-ELB-003: Classic load balancer forwards traffic to instances without TLS.
//!
//! # What it checks
//! No `listener` of an `aws_elb` has an `instance_protocol` of `http` or `tcp`, and every
//! listener whose `instance_protocol` is `https` or `ssl` has an `ssl_certificate_id`.
//!
//! # Why it matters
//! Traffic from the load balancer to its instances in plain HTTP or TCP can be read and
//! altered by anyone on the network path inside the VPC.
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
//! Use `instance_protocol = "https"` or `"ssl"` on every listener, with an
//! `ssl_certificate_id`.
//!
//! # References
//! - <https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-listener-config.html>

use super::aws::verdict;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

check!(ElbListenerTls {
    code: "DPY-AWS-ELB-003",
    checkov: ["CKV_AWS_376"],
    title: "Classic load balancer forwards traffic to instances without TLS",
    severity: Medium,
    reason: "trivy-checks AWS-0054 (plain HTTP, Critical) covers only application load balancer listeners, and KICS \"ELB Using Insecure Protocols\" (Medium) judges SSL negotiation policies; neither matches. Medium: cleartext between the load balancer and its instances stays inside the VPC",
    targets: [(Terraform, "aws_elb")],
    description: "No `listener` of an `aws_elb` has an `instance_protocol` of `http` or `tcp`, and every listener whose `instance_protocol` is `https` or `ssl` has an `ssl_certificate_id`.",
    remediation: "Use `instance_protocol = \"https\"` or `\"ssl\"` on every listener, with an `ssl_certificate_id`.",
    references: [
        "https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-listener-config.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let ok = match r.config.get("listener") {
        Some(Value::Unknown(_)) => Truth::Unknown,
        Some(listeners) => {
            let mut ok = Truth::True;
            for l in listeners.items() {
                match listener_ok(l) {
                    Truth::False => {
                        ok = Truth::False;
                        break;
                    }
                    Truth::Unknown => ok = Truth::Unknown,
                    Truth::True => {}
                }
            }
            ok
        }
        None => Truth::True,
    };
    verdict(
        ok,
        "a listener forwards to instances without TLS or has no certificate",
    )
}

fn listener_ok(l: &Value) -> Truth {
    if l.is_unknown() {
        return Truth::Unknown;
    }
    match l.get("instance_protocol") {
        Some(Value::Unknown(_)) => Truth::Unknown,
        Some(Value::String(p)) => match p.to_ascii_lowercase().as_str() {
            "http" | "tcp" => Truth::False,
            "https" | "ssl" => match l.get("ssl_certificate_id") {
                None | Some(Value::Null) => Truth::False,
                Some(Value::String(s)) if s.is_empty() => Truth::False,
                Some(Value::Unknown(u)) if u.refs.is_empty() => Truth::Unknown,
                Some(_) => Truth::True,
            },
            _ => Truth::True,
        },
        _ => Truth::True,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::aws::fixture::resource;

    fn judge(listeners: &str) -> &'static str {
        let r = resource("aws_elb", &format!(r#"{{"listener":{listeners}}}"#));
        match evaluate(&r, &Cx::new(std::slice::from_ref(&r))) {
            Verdict::Pass => "pass",
            Verdict::Fail(_) => "fail",
            Verdict::Unknown => "unknown",
            _ => "other",
        }
    }

    #[test]
    fn backend_protocols_must_be_tls_with_a_certificate() {
        assert_eq!(
            judge(r#"[{"instance_protocol":"SSL","ssl_certificate_id":"arn"}]"#),
            "pass"
        );
        assert_eq!(judge(r#"[{"instance_protocol":"http"}]"#), "fail");
        assert_eq!(judge(r#"[{"instance_protocol":"https"}]"#), "fail");
        assert_eq!(
            judge(r#"[{"instance_protocol":"https","ssl_certificate_id":""}]"#),
            "fail"
        );
        assert_eq!(
            judge(r#"[{"instance_protocol":{"$unknown":[]}}]"#),
            "unknown"
        );
    }
}
