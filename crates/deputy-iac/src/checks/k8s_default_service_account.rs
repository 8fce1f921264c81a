//! DPY-K8S-037: Default ServiceAccount mounts its token.
//!
//! # What it checks
//! A ServiceAccount named `default` sets `automountServiceAccountToken: false`.
//!
//! Terraform's `kubernetes_service_account` and `kubernetes_service_account_v1` are judged
//! the same way on the `name` in their `metadata` block and their
//! `automount_service_account_token`; an unresolved name or setting gives no verdict.
//!
//! # Why it matters
//! Every pod that names no ServiceAccount runs as `default`; if its token is mounted, every
//! such pod can call the API with whatever `default` was granted.
//!
//! # Example
//!
//! Bad:
//!
//! ```yaml
//! apiVersion: v1
//! kind: ServiceAccount
//! metadata:
//!   name: default
//!   namespace: shop
//! ```
//!
//! Good:
//!
//! ```yaml
//! apiVersion: v1
//! kind: ServiceAccount
//! metadata:
//!   name: default
//!   namespace: shop
//! automountServiceAccountToken: false
//! ```
//!
//! # Remediation
//! Set `automountServiceAccountToken: false` on each namespace's default ServiceAccount and
//! give workloads their own accounts.
//!
//! # References
//! - <https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting>

use super::k8s::tf;
use super::k8s::tf_policy::{Match, is_str};
use crate::check::{Cx, Verdict};
use crate::model::Resource;
use crate::model::{Truth, Value};

check!(DefaultServiceAccount {
    code: "DPY-K8S-037",
    checkov: ["CKV_K8S_41"],
    title: "Default ServiceAccount mounts its token",
    severity: Medium,
    reason: "KICS \"Service Account Token Automount Not Disabled\" is Medium, and trivy-checks KSV-0036 (Protecting Pod service account tokens) is Medium for the same token mounted into pods",
    targets: [
        (Kubernetes, "ServiceAccount"),
        (Terraform, "kubernetes_service_account"),
        (Terraform, "kubernetes_service_account_v1")
    ],
    description: "A ServiceAccount named `default` sets `automountServiceAccountToken: false`. Terraform's `kubernetes_service_account` and `kubernetes_service_account_v1` are judged the same way on the `name` in their `metadata` block and their `automount_service_account_token`; an unresolved name or setting gives no verdict.",
    remediation: "Set `automountServiceAccountToken: false` on each namespace's default ServiceAccount and give workloads their own accounts.",
    references: [
        "https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    if tf::is_terraform(r) {
        return evaluate_terraform(r);
    }
    if r.config.path("metadata.name").and_then(Value::as_str) != Some("default") {
        return Verdict::Pass;
    }
    if r.config.get("automountServiceAccountToken") == Some(&Value::Bool(false)) {
        Verdict::Pass
    } else {
        Verdict::fail("the default ServiceAccount does not set automountServiceAccountToken: false")
    }
}

/// Checkov's Terraform check: an account whose `metadata` block names it `default` must
/// set `automount_service_account_token = false`.
fn evaluate_terraform(r: &Resource) -> Verdict {
    let Some(metadata) = tf::block(&r.config, "metadata") else {
        return Verdict::Pass;
    };
    if metadata.is_unknown() {
        return Verdict::Unknown;
    }
    match is_str(metadata.get("name"), "default") {
        Match::No => return Verdict::Pass,
        Match::Maybe => return Verdict::Unknown,
        Match::Yes => {}
    }
    let token = r.config.get("automount_service_account_token");
    match token.map(Value::truth) {
        Some(Truth::False) => Verdict::Pass,
        Some(Truth::Unknown) if token.is_some_and(Value::is_unknown) => Verdict::Unknown,
        _ => Verdict::fail(
            "the default ServiceAccount does not set automount_service_account_token = false",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terraform_verdicts() {
        let account = |body: &str| {
            tf::resource(&format!(
                "resource \"kubernetes_service_account_v1\" \"s\" {{\n{body}\n}}\n"
            ))
        };
        let cx = Cx { resources: &[] };
        let fail = Verdict::fail(
            "the default ServiceAccount does not set automount_service_account_token = false",
        );
        let default = "  metadata {\n    name = \"default\"\n  }\n";
        assert_eq!(evaluate(&account(default), &cx), fail);
        assert_eq!(
            evaluate(
                &account(&format!(
                    "{default}  automount_service_account_token = true"
                )),
                &cx
            ),
            fail
        );
        assert_eq!(
            evaluate(
                &account(&format!(
                    "{default}  automount_service_account_token = false"
                )),
                &cx
            ),
            Verdict::Pass
        );
        assert_eq!(
            evaluate(
                &account(&format!(
                    "{default}  automount_service_account_token = var.t"
                )),
                &cx
            ),
            Verdict::Unknown
        );
        assert_eq!(
            evaluate(&account("  metadata {\n    name = \"app\"\n  }"), &cx),
            Verdict::Pass
        );
        assert_eq!(
            evaluate(&account("  metadata {\n    name = var.name\n  }"), &cx),
            Verdict::Unknown
        );
    }
}
