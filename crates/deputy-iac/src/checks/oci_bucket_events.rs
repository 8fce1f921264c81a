//! DPY-OCI-OBJ-003: OCI Object Storage bucket does not emit object events.
//!
//! # What it checks
//! `oci_objectstorage_bucket` sets `object_events_enabled = true`.
//!
//! # Why it matters
//! Object events let the Events service alert on and audit changes to the bucket's objects.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "oci_objectstorage_bucket" "b" {
//!   name = "example"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "oci_objectstorage_bucket" "b" {
//!   name                  = "example"
//!   object_events_enabled = true
//! }
//! ```
//!
//! # Remediation
//! Set `object_events_enabled = true`.
//!
//! # References
//! - <https://registry.terraform.io/providers/oracle/oci/latest/docs/resources/objectstorage_bucket>

use super::aws::verdict;
use super::cloud_common_c::value_in;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth};

check!(OciBucketEvents {
    code: "DPY-OCI-OBJ-003",
    checkov: ["CKV_OCI_7"],
    title: "OCI Object Storage bucket does not emit object events",
    severity: Low,
    reason: "trivy-checks has no OCI Object Storage check (its only Oracle check is for compute public IPs); no KICS OCI equivalent was verified. Low: object events feed monitoring, their absence exposes nothing",
    targets: [(Terraform, "oci_objectstorage_bucket")],
    description: "`oci_objectstorage_bucket` sets `object_events_enabled = true`.",
    remediation: "Set `object_events_enabled = true`.",
    references: [
        "https://registry.terraform.io/providers/oracle/oci/latest/docs/resources/objectstorage_bucket"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        value_in(r, "object_events_enabled", &["true"], Truth::False),
        "object events are not emitted",
    )
}
