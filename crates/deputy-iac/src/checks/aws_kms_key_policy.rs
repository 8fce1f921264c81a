//! DPY-AWS-KMS-002: KMS key has no key policy of its own.
//!
//! # What it checks
//! `aws_kms_key` sets `policy`, or an `aws_kms_key_policy` refers to it.
//!
//! # Why it matters
//! Without an explicit policy the key gets the default one, which delegates all access to IAM
//! policies in the account: any principal with broad `kms:*` rights can use or manage the key.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_kms_key" "data" {
//!   description = "data"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_kms_key" "data" {
//!   description = "data"
//!   policy      = data.aws_iam_policy_document.kms_data.json
//! }
//! ```
//!
//! # Remediation
//! Write a key policy naming the administrators and users of the key.
//!
//! # References
//! - <https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html>

use super::aws::s3::{bucket_or_connected, exists};
use super::aws::verdict;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth};

check!(KmsKeyPolicy {
    code: "DPY-AWS-KMS-002",
    checkov: ["CKV2_AWS_64"],
    title: "KMS key has no key policy of its own",
    severity: Low,
    reason: "neither trivy-checks nor KICS has an equivalent (KICS \"KMS Key With Vulnerable Policy\", High, judges a policy that exists). Low: without a policy of its own the key gets the default one, which defers to IAM in the account",
    targets: [(Terraform, "aws_kms_key")],
    description: "`aws_kms_key` sets `policy`, or an `aws_kms_key_policy` refers to it.",
    remediation: "Write a key policy naming the administrators and users of the key.",
    references: ["https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html"],
    differences: [],
});

fn evaluate(r: &Resource, cx: &Cx<'_>) -> Verdict {
    let ok = bucket_or_connected(
        r,
        cx,
        "aws_kms_key_policy",
        |k| exists(k, "policy"),
        |_| Truth::True,
    );
    verdict(ok, "the key has no key policy")
}
