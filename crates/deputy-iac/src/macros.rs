//! `check!` declares a check: a unit struct, its static [`crate::check::Meta`] and the
//! [`crate::check::Check`] impl calling the file's `evaluate` function.
//!
//! ```text
//! check!(S3PublicReadAcl {
//!     code: "DPY-AWS-S3-001",
//!     checkov: ["CKV_AWS_20"],
//!     title: "S3 bucket ACL grants public read",
//!     severity: High,
//!     reason: "trivy AWS-0092 and KICS rate public bucket ACLs high",
//!     targets: [(Terraform, "aws_s3_bucket"), (CloudFormation, "AWS::S3::Bucket")],
//!     description: "...",
//!     remediation: "...",
//!     references: ["https://docs.aws.amazon.com/..."],
//!     differences: [],
//! });
//!
//! `targets`, `references` and `differences` may instead name a constant shared by a
//! family of checks (`targets: POLICY_DOCUMENTS`).
//!
//! fn evaluate(r: &Resource, cx: &Cx<'_>) -> Verdict { ... }
//! ```

macro_rules! check {
    (
        $ty:ident {
            code: $code:literal,
            checkov: [$($ckv:literal),* $(,)?],
            title: $title:literal,
            severity: $sev:ident,
            reason: $reason:literal,
            targets: $targets:tt,
            description: $desc:literal,
            remediation: $rem:literal,
            references: $refs:tt,
            differences: $diffs:tt $(,)?
        }
    ) => {
        #[doc = $title]
        #[derive(Debug, Clone, Copy)]
        pub struct $ty;

        static META: $crate::check::Meta = $crate::check::Meta {
            code: $code,
            checkov: &[$($ckv),*],
            title: $title,
            severity: deputy_core::Severity::$sev,
            severity_reason: $reason,
            targets: check!(@targets $targets),
            description: $desc,
            remediation: $rem,
            references: check!(@list $refs),
            differences: check!(@list $diffs),
        };

        impl $crate::check::Check for $ty {
            fn meta(&self) -> &'static $crate::check::Meta {
                &META
            }
            fn evaluate(
                &self,
                resource: &$crate::model::Resource,
                cx: &$crate::check::Cx<'_>,
            ) -> $crate::check::Verdict {
                evaluate(resource, cx)
            }
        }
    };
    // A list written out, or the name of a constant that a family of checks shares.
    (@targets [$(($fw:ident, $kind:literal)),* $(,)?]) => {
        &[$(($crate::model::Framework::$fw, $kind)),*]
    };
    (@targets $shared:ident) => {
        $shared
    };
    (@list [$($item:literal),* $(,)?]) => {
        &[$($item),*]
    };
    (@list $shared:ident) => {
        $shared
    };
}
