//! DPY-AWS-EC2-018: Availability Zone lookup does not pin the zones it returns.
//!
//! # What it checks
//! `data "aws_availability_zones"` has a `filter` block whose `name` is `zone-name` or
//! `zone-id`, so the result is a closed list of known zones. `state`,
//! `all_availability_zones`, filters on other fields (`opt-in-status`, `zone-type`, …) and
//! the deny-lists `exclude_names` / `exclude_zone_ids` leave the list open.
//!
//! # Why it matters
//! An open lookup returns whatever zones AWS offers today. When AWS adds a zone to the
//! region, the next plan silently changes every `count`, subnet layout or index that was
//! derived from the list: resources move, are replaced, or land in a zone that the network
//! design, firewall rules or capacity plans never covered.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! data "aws_availability_zones" "available" {
//!   state = "available"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! data "aws_availability_zones" "available" {
//!   filter {
//!     name   = "zone-id"
//!     values = ["use1-az1", "use1-az2", "use1-az4"]
//!   }
//! }
//! ```
//!
//! # Remediation
//! Add a `filter` on `zone-id` (or `zone-name`) that lists the zones the deployment is
//! designed for, or write the zones out instead of looking them up.
//!
//! # References
//! - <https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/availability_zones>
//! - <https://docs.aws.amazon.com/ram/latest/userguide/working-with-az-ids.html>

use crate::check::{Cx, Verdict};
use crate::model::{Resource, Value};

check!(AzPinned {
    code: "DPY-AWS-EC2-018",
    checkov: ["CKV_AWS_394"],
    title: "Availability Zone lookup does not pin the zones it returns",
    severity: Low,
    reason: "neither trivy-checks nor KICS has an equivalent; an unpinned zone list threatens the stability of a plan rather than exposing data or access, so Low",
    targets: [(Terraform, "data.aws_availability_zones")],
    description: "`data \"aws_availability_zones\"` has a `filter` block whose `name` is `zone-name` or `zone-id`, so the result is a closed list of known zones. `state`, `all_availability_zones`, filters on other fields (`opt-in-status`, `zone-type`, …) and the deny-lists `exclude_names` / `exclude_zone_ids` leave the list open.",
    remediation: "Add a `filter` on `zone-id` (or `zone-name`) that lists the zones the deployment is designed for, or write the zones out instead of looking them up.",
    references: [
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/availability_zones",
        "https://docs.aws.amazon.com/ram/latest/userguide/working-with-az-ids.html"
    ],
    differences: [],
});

/// Filter names that select zones by identity rather than by an attribute.
const IDENTITY_FILTERS: [&str; 2] = ["zone-name", "zone-id"];

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let mut undecided = false;
    match r.config.get("filter") {
        None | Some(Value::Null) => {}
        Some(Value::Unknown(_)) => undecided = true,
        Some(filters) => {
            for f in filters.items() {
                match f.get("name") {
                    Some(Value::String(n)) if IDENTITY_FILTERS.contains(&n.as_str()) => {
                        return Verdict::Pass;
                    }
                    Some(Value::Unknown(_)) => undecided = true,
                    _ if f.is_unknown() => undecided = true,
                    _ => {}
                }
            }
        }
    }
    if undecided {
        Verdict::Unknown
    } else {
        Verdict::fail("no `filter` on `zone-id` or `zone-name` pins the zones returned")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::aws::fixture::resource;

    fn judge(config: &str) -> &'static str {
        let r = resource("data.aws_availability_zones", config);
        match evaluate(&r, &Cx::new(std::slice::from_ref(&r))) {
            Verdict::Pass => "pass",
            Verdict::Fail(_) => "fail",
            Verdict::Unknown => "unknown",
            _ => "other",
        }
    }

    #[test]
    fn only_identity_filters_pin_the_zones() {
        assert_eq!(
            judge(r#"{"filter":[{"name":"zone-id","values":["use1-az1"]}]}"#),
            "pass"
        );
        assert_eq!(
            judge(
                r#"{"filter":[{"name":"opt-in-status","values":["opt-in-not-required"]},{"name":"zone-name","values":["us-east-1a"]}]}"#
            ),
            "pass"
        );
        assert_eq!(judge("{}"), "fail");
        assert_eq!(judge(r#"{"state":"available"}"#), "fail");
        assert_eq!(judge(r#"{"exclude_names":["us-east-1e"]}"#), "fail");
        assert_eq!(
            judge(r#"{"filter":[{"name":"opt-in-status","values":["opt-in-not-required"]}]}"#),
            "fail"
        );
        assert_eq!(
            judge(r#"{"filter":[{"name":{"$unknown":[]},"values":["x"]}]}"#),
            "unknown"
        );
        assert_eq!(judge(r#"{"filter":{"$unknown":[]}}"#), "unknown");
    }
}
