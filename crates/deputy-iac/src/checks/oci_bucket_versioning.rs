//! DPY-OCI-OBJ-002: OCI Object Storage bucket does not have versioning enabled.
//!
//! # What it checks
//! `oci_objectstorage_bucket` sets `versioning = "Enabled"`.
//!
//! # Why it matters
//! Without versioning an overwritten or deleted object cannot be recovered.
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
//!   name       = "example"
//!   versioning = "Enabled"
//! }
//! ```
//!
//! # Remediation
//! Set `versioning = "Enabled"`.
//!
//! # References
//! - <https://registry.terraform.io/providers/oracle/oci/latest/docs/resources/objectstorage_bucket>

use super::aws::verdict;
use super::cloud_common_c::value_in;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth};

check!(OciBucketVersioning {
    code: "DPY-OCI-OBJ-002",
    checkov: ["CKV_OCI_8"],
    title: "OCI Object Storage bucket does not have versioning enabled",
    severity: Medium,
    reason: "trivy-checks has no OCI Object Storage check (its only Oracle check is for compute public IPs); no KICS OCI equivalent was verified. Medium, as KICS rates versioning for other providers' buckets (alicloud \"OSS Bucket Versioning Disabled\"): deleted or overwritten objects cannot be recovered",
    targets: [(Terraform, "oci_objectstorage_bucket")],
    description: "`oci_objectstorage_bucket` sets `versioning = \"Enabled\"`.",
    remediation: "Set `versioning = \"Enabled\"`.",
    references: [
        "https://registry.terraform.io/providers/oracle/oci/latest/docs/resources/objectstorage_bucket"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        value_in(r, "versioning", &["Enabled"], Truth::False),
        "versioning is not enabled",
    )
}
