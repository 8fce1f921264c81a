//! DPY-AZURE-NET-004: NSG flow logs are kept for less than 90 days.
//!
//! # What it checks
//! An enabled `azurerm_network_watcher_flow_log` has an enabled `retention_policy` whose `days` is 0 (kept for ever) or at least 90. A disabled flow log, or one without an enabled retention policy, fails; a setting the scan cannot resolve gives no verdict.
//!
//! # Why it matters
//! Flow logs record which addresses reached which ports. Intrusions are often found weeks after they began, and logs deleted after a few days cannot show how an attacker got in or where they went.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "azurerm_network_watcher_flow_log" "nsg" {
//!   network_watcher_name      = "example-watcher"
//!   resource_group_name       = "example-rg"
//!   network_security_group_id = azurerm_network_security_group.app.id
//!   storage_account_id        = azurerm_storage_account.logs.id
//!   enabled                   = true
//!
//!   retention_policy {
//!     enabled = true
//!     days    = 7
//!   }
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "azurerm_network_watcher_flow_log" "nsg" {
//!   network_watcher_name      = "example-watcher"
//!   resource_group_name       = "example-rg"
//!   network_security_group_id = azurerm_network_security_group.app.id
//!   storage_account_id        = azurerm_storage_account.logs.id
//!   enabled                   = true
//!
//!   retention_policy {
//!     enabled = true
//!     days    = 90
//!   }
//! }
//! ```
//!
//! # Remediation
//! Enable the flow log's `retention_policy` with `days` of 90 or more (or 0 to keep logs indefinitely).
//!
//! # References
//! - <https://learn.microsoft.com/azure/network-watcher/nsg-flow-logs-overview>
//! - <https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/network_watcher_flow_log>

use super::azure_common_b::setting;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

check!(FlowLogRetention {
    code: "DPY-AZURE-NET-004",
    checkov: ["CKV_AZURE_12"],
    title: "NSG flow logs are kept for less than 90 days",
    severity: Low,
    reason: "trivy-checks AZU-0049 (azure-network-retention-policy-set) is Low; followed: short retention weakens investigation but exposes nothing",
    targets: [(Terraform, "azurerm_network_watcher_flow_log")],
    description: "An enabled `azurerm_network_watcher_flow_log` has an enabled `retention_policy` whose `days` is 0 (kept for ever) or at least 90. A disabled flow log, or one without an enabled retention policy, fails; a setting the scan cannot resolve gives no verdict.",
    remediation: "Enable the flow log's `retention_policy` with `days` of 90 or more (or 0 to keep logs indefinitely).",
    references: [
        "https://learn.microsoft.com/azure/network-watcher/nsg-flow-logs-overview",
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/network_watcher_flow_log"
    ],
    differences: [
        "Retention days from a variable with no value give no verdict; Checkov fails them."
    ],
});

/// Whether a retention of `days` is long enough: 0 keeps logs for ever. Whole numbers
/// written as strings count, as Terraform converts them.
fn days_ok(days: Option<&Value>) -> Truth {
    let n = match days {
        Some(Value::Unknown(_)) => return Truth::Unknown,
        Some(v) => v.as_f64(),
        None => None,
    };
    match n {
        Some(n) if n.fract() == 0.0 && (n == 0.0 || n >= 90.0) => Truth::True,
        _ => Truth::False,
    }
}

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let enabled = |v: Option<&Value>| v.map_or(Truth::False, Value::truth);
    let ok = match enabled(setting(r, "enabled")) {
        Truth::True => match setting(r, "retention_policy") {
            Some(policy) => match enabled(policy.get("enabled")) {
                Truth::True => days_ok(policy.get("days")),
                other => other,
            },
            None => Truth::False,
        },
        other => other,
    };
    match ok {
        Truth::True => Verdict::Pass,
        Truth::Unknown => Verdict::Unknown,
        Truth::False => Verdict::fail("flow logs are not kept for 90 days"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn judge(config: &str) -> &'static str {
        crate::checks::aws::fixture::judge(
            &FlowLogRetention,
            "azurerm_network_watcher_flow_log",
            config,
        )
    }

    fn with_days(days: &str) -> &'static str {
        judge(&format!(
            r#"{{"enabled":true,"retention_policy":[{{"enabled":true,"days":{days}}}]}}"#
        ))
    }

    #[test]
    fn ninety_days_or_for_ever_pass() {
        assert_eq!(with_days("90"), "pass");
        assert_eq!(with_days("365"), "pass");
        assert_eq!(with_days("0"), "pass");
        assert_eq!(with_days(r#""100""#), "pass");
    }

    #[test]
    fn short_missing_or_disabled_retention_fails() {
        assert_eq!(with_days("7"), "fail");
        assert_eq!(with_days(r#""weekly""#), "fail");
        assert_eq!(judge(r#"{"enabled":true}"#), "fail");
        assert_eq!(
            judge(r#"{"enabled":true,"retention_policy":[{"enabled":false,"days":90}]}"#),
            "fail"
        );
        assert_eq!(
            judge(r#"{"enabled":false,"retention_policy":[{"enabled":true,"days":90}]}"#),
            "fail"
        );
    }

    #[test]
    fn unresolved_settings_give_no_verdict() {
        assert_eq!(with_days(r#"{"$unknown":["var.days"]}"#), "unknown");
        assert_eq!(
            judge(r#"{"enabled":{"$unknown":[]},"retention_policy":[{"enabled":true,"days":7}]}"#),
            "unknown"
        );
    }
}
