//! DPY-ALI-OSS-001: OSS bucket is readable by the public.
//!
//! # What it checks
//! Neither `alicloud_oss_bucket`'s `acl` nor the `acl` of an `alicloud_oss_bucket_acl` that refers to it is `public-read` or `public-read-write`.
//!
//! # Why it matters
//! A public ACL lets anyone on the internet list or read (or write) the bucket's objects.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "alicloud_oss_bucket" "b" {
//!   bucket = "example"
//!   acl    = "public-read"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "alicloud_oss_bucket" "b" {
//!   bucket = "example"
//!   acl    = "private"
//! }
//! ```
//!
//! # Remediation
//! Use the `private` ACL and grant access through bucket policies or RAM.
//!
//! # References
//! - <https://registry.terraform.io/providers/aliyun/alicloud/latest/docs/resources/oss_bucket>
//! - <https://registry.terraform.io/providers/aliyun/alicloud/latest/docs/resources/oss_bucket_acl>

use super::aws::{connected, verdict};
use super::cloud_common_c::value_not_in;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth};

const PUBLIC: &[&str] = &["public-read", "public-read-write"];

check!(OssPublic {
    code: "DPY-ALI-OSS-001",
    checkov: ["CKV_ALI_1"],
    title: "OSS bucket is readable by the public",
    severity: High,
    reason: "KICS \"OSS Bucket Public Access Enabled\" (alicloud) is High; trivy-checks has no Alibaba checks. High, as KICS",
    targets: [(Terraform, "alicloud_oss_bucket")],
    description: "Neither `alicloud_oss_bucket`'s `acl` nor the `acl` of an `alicloud_oss_bucket_acl` that refers to it is `public-read` or `public-read-write`.",
    remediation: "Use the `private` ACL and grant access through bucket policies or RAM.",
    references: [
        "https://registry.terraform.io/providers/aliyun/alicloud/latest/docs/resources/oss_bucket",
        "https://registry.terraform.io/providers/aliyun/alicloud/latest/docs/resources/oss_bucket_acl"
    ],
    differences: [],
});

fn evaluate(r: &Resource, cx: &Cx<'_>) -> Verdict {
    let mut ok = value_not_in(r, "acl", PUBLIC);
    for acl in connected(cx, r, "alicloud_oss_bucket_acl") {
        ok = match (ok, value_not_in(acl, "acl", PUBLIC)) {
            (Truth::False, _) | (_, Truth::False) => Truth::False,
            (Truth::Unknown, _) | (_, Truth::Unknown) => Truth::Unknown,
            _ => Truth::True,
        };
    }
    verdict(ok, "the bucket's ACL is public")
}
