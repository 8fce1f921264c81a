//! DPY-K8S-037: Default ServiceAccount mounts its token.
//!
//! # What it checks
//! A ServiceAccount named `default` sets `automountServiceAccountToken: false`.
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

use crate::check::{Cx, Verdict};
use crate::model::Resource;
use crate::model::Value;

check!(DefaultServiceAccount {
    code: "DPY-K8S-037",
    checkov: ["CKV_K8S_41"],
    title: "Default ServiceAccount mounts its token",
    severity: Medium,
    reason: "KICS \"Service Account Token Automount Not Disabled\" is Medium, and trivy-checks KSV-0036 (Protecting Pod service account tokens) is Medium for the same token mounted into pods",
    targets: [(Kubernetes, "ServiceAccount")],
    description: "A ServiceAccount named `default` sets `automountServiceAccountToken: false`.",
    remediation: "Set `automountServiceAccountToken: false` on each namespace's default ServiceAccount and give workloads their own accounts.",
    references: [
        "https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    if r.config.path("metadata.name").and_then(Value::as_str) != Some("default") {
        return Verdict::Pass;
    }
    if r.config.get("automountServiceAccountToken") == Some(&Value::Bool(false)) {
        Verdict::Pass
    } else {
        Verdict::fail("the default ServiceAccount does not set automountServiceAccountToken: false")
    }
}
