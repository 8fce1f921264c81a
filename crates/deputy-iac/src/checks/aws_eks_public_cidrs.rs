//! DPY-AWS-EKS-004: EKS cluster public endpoint is open to the whole internet.
//!
//! # What it checks
//! An `aws_eks_cluster` either turns the public endpoint off
//! (`vpc_config { endpoint_public_access = false }`) or lists `public_access_cidrs` that are not
//! empty and do not include `0.0.0.0/0` (the default is `0.0.0.0/0`).
//!
//! # Why it matters
//! An API server reachable from any address is exposed to credential stuffing and to every
//! vulnerability in the Kubernetes API server; allow-listing the networks that administer the
//! cluster removes most of that exposure.
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
//!     subnet_ids          = var.subnet_ids
//!     public_access_cidrs = ["203.0.113.0/24"]
//!   }
//! }
//! ```
//!
//! # Remediation
//! Restrict `public_access_cidrs` to the networks that administer the cluster, or set
//! `endpoint_public_access = false`.
//!
//! # References
//! - <https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html>

use super::aws::verdict;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

check!(EksPublicCidrs {
    code: "DPY-AWS-EKS-004",
    checkov: ["CKV_AWS_38"],
    title: "EKS cluster public endpoint is open to the whole internet",
    severity: High,
    reason: "trivy-checks AWS-0041 (EKS open CIDR for public access) is Critical; KICS \"EKS Cluster Has Public Access CIDRs\" is High. High, as KICS: the API server still requires AWS authentication and Kubernetes RBAC",
    targets: [(Terraform, "aws_eks_cluster")],
    description: "An `aws_eks_cluster` either turns the public endpoint off (`vpc_config { endpoint_public_access = false }`) or lists `public_access_cidrs` that are not empty and do not include `0.0.0.0/0` (the default is `0.0.0.0/0`).",
    remediation: "Restrict `public_access_cidrs` to the networks that administer the cluster, or set `endpoint_public_access = false`.",
    references: ["https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let vpc = match r.config.get("vpc_config") {
        None | Some(Value::Null) => return Verdict::Unknown,
        Some(v) => match v.items().next() {
            Some(first) if !first.is_unknown() => first,
            _ => return Verdict::Unknown,
        },
    };
    let public = match vpc.get("endpoint_public_access") {
        None => Truth::True,
        Some(Value::Unknown(_)) => Truth::Unknown,
        Some(Value::Bool(b)) => truth(*b),
        Some(Value::Null) => Truth::False,
        Some(v) => match v.truth() {
            Truth::False => Truth::False,
            _ => Truth::True,
        },
    };
    let ok = match public {
        Truth::False => Truth::True,
        Truth::True => cidrs_restricted(vpc.get("public_access_cidrs")),
        Truth::Unknown => match cidrs_restricted(vpc.get("public_access_cidrs")) {
            Truth::True => Truth::True,
            _ => Truth::Unknown,
        },
    };
    verdict(ok, "the public API endpoint is reachable from 0.0.0.0/0")
}

/// Whether `public_access_cidrs` is a non-empty list without `0.0.0.0/0`.
fn cidrs_restricted(v: Option<&Value>) -> Truth {
    match v {
        Some(Value::Unknown(_)) => Truth::Unknown,
        Some(Value::List(cidrs)) if !cidrs.is_empty() => {
            let mut ok = Truth::True;
            for c in cidrs {
                match c {
                    Value::String(s) if s == "0.0.0.0/0" => return Truth::False,
                    Value::Unknown(_) => ok = Truth::Unknown,
                    _ => {}
                }
            }
            ok
        }
        _ => Truth::False,
    }
}

fn truth(b: bool) -> Truth {
    if b { Truth::True } else { Truth::False }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::aws::fixture::resource;

    fn judge(vpc: &str) -> &'static str {
        let r = resource("aws_eks_cluster", &format!(r#"{{"vpc_config":[{vpc}]}}"#));
        match evaluate(&r, &Cx::new(std::slice::from_ref(&r))) {
            Verdict::Pass => "pass",
            Verdict::Fail(_) => "fail",
            Verdict::Unknown => "unknown",
            _ => "other",
        }
    }

    #[test]
    fn the_public_endpoint_needs_restricted_cidrs() {
        assert_eq!(judge(r#"{"endpoint_public_access":false}"#), "pass");
        assert_eq!(judge(r#"{"public_access_cidrs":["10.0.0.0/16"]}"#), "pass");
        assert_eq!(judge("{}"), "fail");
        assert_eq!(judge(r#"{"public_access_cidrs":[]}"#), "fail");
        assert_eq!(judge(r#"{"public_access_cidrs":["0.0.0.0/0"]}"#), "fail");
        assert_eq!(
            judge(r#"{"public_access_cidrs":{"$unknown":[]}}"#),
            "unknown"
        );
        assert_eq!(
            judge(r#"{"endpoint_public_access":{"$unknown":[]}}"#),
            "unknown"
        );
    }
}
