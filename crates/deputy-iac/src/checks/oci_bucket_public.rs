//! DPY-OCI-OBJ-001: OCI Object Storage bucket is public.
//!
//! # What it checks
//! `oci_objectstorage_bucket` does not set `access_type` to `ObjectRead` or `ObjectReadWithoutList`.
//!
//! # Why it matters
//! A public bucket lets anyone read its objects without authentication.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "oci_objectstorage_bucket" "b" {
//!   name        = "example"
//!   access_type = "ObjectRead"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "oci_objectstorage_bucket" "b" {
//!   name        = "example"
//!   access_type = "NoPublicAccess"
//! }
//! ```
//!
//! # Remediation
//! Set `access_type = "NoPublicAccess"` or leave it unset.
//!
//! # References
//! - <https://registry.terraform.io/providers/oracle/oci/latest/docs/resources/objectstorage_bucket>

use super::aws::verdict;
use super::cloud_common_c::value_not_in;
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(OciBucketPublic {
    code: "DPY-OCI-OBJ-001",
    checkov: ["CKV_OCI_10"],
    title: "OCI Object Storage bucket is public",
    severity: High,
    reason: "trivy-checks has no OCI Object Storage check (its only Oracle check is for compute public IPs); no KICS OCI equivalent was verified. High: a public bucket exposes its objects to anyone on the internet",
    targets: [(Terraform, "oci_objectstorage_bucket")],
    description: "`oci_objectstorage_bucket` does not set `access_type` to `ObjectRead` or `ObjectReadWithoutList`.",
    remediation: "Set `access_type = \"NoPublicAccess\"` or leave it unset.",
    references: [
        "https://registry.terraform.io/providers/oracle/oci/latest/docs/resources/objectstorage_bucket"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        value_not_in(r, "access_type", &["ObjectRead", "ObjectReadWithoutList"]),
        "the bucket is public",
    )
}
