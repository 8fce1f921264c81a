//! DPY-OCI-OBJ-004: OCI Object Storage bucket is not encrypted with a customer-managed key.
//!
//! # What it checks
//! `oci_objectstorage_bucket` sets `kms_key_id`.
//!
//! # Why it matters
//! A customer-managed key keeps control of the key, its rotation and its access policy with the tenancy.
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
//!   kms_key_id = oci_kms_key.bucket.id
//! }
//! ```
//!
//! # Remediation
//! Set `kms_key_id` to a Vault key.
//!
//! # References
//! - <https://registry.terraform.io/providers/oracle/oci/latest/docs/resources/objectstorage_bucket>

use super::aws::verdict;
use super::cloud_common_c::value_present;
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(OciBucketCmk {
    code: "DPY-OCI-OBJ-004",
    checkov: ["CKV_OCI_9"],
    title: "OCI Object Storage bucket is not encrypted with a customer-managed key",
    severity: Low,
    reason: "trivy-checks has no OCI Object Storage check (its only Oracle check is for compute public IPs); no KICS OCI equivalent was verified. Low: objects are encrypted with an Oracle-managed key by default; a customer key adds control over rotation and access",
    targets: [(Terraform, "oci_objectstorage_bucket")],
    description: "`oci_objectstorage_bucket` sets `kms_key_id`.",
    remediation: "Set `kms_key_id` to a Vault key.",
    references: [
        "https://registry.terraform.io/providers/oracle/oci/latest/docs/resources/objectstorage_bucket"
    ],
    differences: [
        "A `kms_key_id` taken from a variable with no value in the scan is undecided (it may be null); Checkov passes it."
    ],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        value_present(r, "kms_key_id"),
        "the bucket is not encrypted with a customer-managed key",
    )
}
