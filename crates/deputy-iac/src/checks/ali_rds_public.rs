//! DPY-ALI-RDS-005: RDS instance allows connections from any address.
//!
//! # What it checks
//! `alicloud_db_instance` does not list `0.0.0.0` or `0.0.0.0/0` in `security_ips`.
//!
//! # Why it matters
//! A whitelist entry of `0.0.0.0/0` lets any address on the internet reach the database port.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "alicloud_db_instance" "db" {
//!   engine       = "MySQL"
//!   security_ips = ["0.0.0.0/0"]
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "alicloud_db_instance" "db" {
//!   engine       = "MySQL"
//!   security_ips = ["10.0.0.0/8"]
//! }
//! ```
//!
//! # Remediation
//! List only the networks that need access in `security_ips`.
//!
//! # References
//! - <https://registry.terraform.io/providers/aliyun/alicloud/latest/docs/resources/db_instance>

use super::aws::verdict;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

check!(RdsPublic {
    code: "DPY-ALI-RDS-005",
    checkov: ["CKV_ALI_9"],
    title: "RDS instance allows connections from any address",
    severity: High,
    reason: "KICS \"DB Instance Publicly Accessible\" (alicloud) is High; trivy-checks has no Alibaba checks. High, as KICS",
    targets: [(Terraform, "alicloud_db_instance")],
    description: "`alicloud_db_instance` does not list `0.0.0.0` or `0.0.0.0/0` in `security_ips`.",
    remediation: "List only the networks that need access in `security_ips`.",
    references: [
        "https://registry.terraform.io/providers/aliyun/alicloud/latest/docs/resources/db_instance"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let ok = match r.config.get("security_ips") {
        Some(Value::Unknown(_)) => Truth::Unknown,
        Some(ips) => {
            let open = ips
                .items()
                .any(|ip| matches!(ip.as_str(), Some("0.0.0.0" | "0.0.0.0/0")));
            if open {
                Truth::False
            } else if ips.items().any(Value::is_unknown) {
                Truth::Unknown
            } else {
                Truth::True
            }
        }
        None => Truth::True,
    };
    verdict(ok, "`security_ips` allows any address")
}
