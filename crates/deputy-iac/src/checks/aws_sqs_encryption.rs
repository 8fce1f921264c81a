//! DPY-AWS-SQS-001: SQS queue is not encrypted.
//!
//! # What it checks
//! `aws_sqs_queue` sets `sqs_managed_sse_enabled = true` or a `kms_master_key_id` (CloudFormation
//! `KmsMasterKeyId`).
//!
//! # Why it matters
//! Queued messages often carry the same personal data and tokens as the services around
//! them; server-side encryption keeps them unreadable on disk.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_sqs_queue" "jobs" {
//!   name                    = "jobs"
//!   sqs_managed_sse_enabled = false
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_sqs_queue" "jobs" {
//!   name              = "jobs"
//!   kms_master_key_id = aws_kms_key.sqs.arn
//! }
//! ```
//!
//! # Remediation
//! Set `kms_master_key_id` (or `sqs_managed_sse_enabled = true`).
//!
//! # References
//! - <https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html>

use super::aws::s3::or;
use super::aws::{must_be_set, must_be_true, setting, verdict};
use crate::check::{Cx, Verdict};
use crate::model::{Framework, Resource};

check!(SqsEncryption {
    code: "DPY-AWS-SQS-001",
    checkov: ["CKV_AWS_27"],
    title: "SQS queue is not encrypted",
    severity: Medium,
    reason: "trivy-checks AWS-0096 (unencrypted SQS queue) is High; KICS \"SQS With SSE Disabled\" is Medium. Medium, as KICS: messages are held only until they are consumed or expire",
    targets: [
        (Terraform, "aws_sqs_queue"),
        (CloudFormation, "AWS::SQS::Queue")
    ],
    description: "`aws_sqs_queue` sets `sqs_managed_sse_enabled = true` or a `kms_master_key_id` (CloudFormation `KmsMasterKeyId`).",
    remediation: "Set `kms_master_key_id` (or `sqs_managed_sse_enabled = true`).",
    references: [
        "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let key = must_be_set(setting(r, "kms_master_key_id", "KmsMasterKeyId"));
    let ok = match r.framework {
        Framework::CloudFormation => key,
        _ => or(must_be_true(r.config.get("sqs_managed_sse_enabled")), key),
    };
    verdict(ok, "the queue is not encrypted")
}
