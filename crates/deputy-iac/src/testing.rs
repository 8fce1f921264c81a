//! A small catalog of checks for the scan machinery's own tests, so selection, suppression,
//! baselines and outputs are tested whatever the real catalog holds.

use crate::check::Check;

pub mod public_acl {
    use crate::check::{Cx, Verdict};
    use crate::model::{Resource, Value};

    check!(PublicAcl {
        code: "DPY-TEST-001",
        checkov: ["CKV_AWS_20"],
        title: "Test: bucket ACL is public",
        severity: High,
        reason: "test check",
        targets: [
            (Terraform, "aws_s3_bucket"),
            (CloudFormation, "AWS::S3::Bucket")
        ],
        description: "Fails when `acl` or `AccessControl` is public.",
        remediation: "Make the bucket private.",
        references: [],
        differences: [],
    });

    fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
        let acl = r
            .config
            .get("acl")
            .or_else(|| r.config.path("Properties.AccessControl"));
        match acl {
            Some(v) if v.is_unknown() => Verdict::Unknown,
            Some(Value::String(s))
                if s.eq_ignore_ascii_case("public-read") || s == "PublicRead" =>
            {
                Verdict::fail("the bucket ACL is public")
            }
            _ => Verdict::Pass,
        }
    }
}

pub mod versioning {
    use crate::check::{Cx, Verdict};
    use crate::model::{Framework, Resource, Truth};

    check!(Versioning {
        code: "DPY-TEST-002",
        checkov: ["CKV_AWS_21"],
        title: "Test: bucket versioning is off",
        severity: Medium,
        reason: "test check",
        targets: [(Terraform, "aws_s3_bucket")],
        description: "Fails unless the bucket or an `aws_s3_bucket_versioning` naming it enables versioning.",
        remediation: "Enable versioning.",
        references: [],
        differences: [],
    });

    fn evaluate(r: &Resource, cx: &Cx<'_>) -> Verdict {
        if r.config.path("versioning.enabled").map(|v| v.truth()) == Some(Truth::True) {
            return Verdict::Pass;
        }
        let linked = cx
            .of_kind(Framework::Terraform, "aws_s3_bucket_versioning")
            .any(|v| cx.refers_to(v, "bucket", r));
        if linked {
            Verdict::Pass
        } else {
            Verdict::fail("versioning is not enabled")
        }
    }
}

pub mod privilege_escalation {
    use crate::check::{Cx, Verdict};
    use crate::model::{Resource, Truth};

    check!(PrivilegeEscalation {
        code: "DPY-TEST-003",
        checkov: ["CKV_K8S_20"],
        title: "Test: containers may escalate privileges",
        severity: Low,
        reason: "test check",
        targets: [(Kubernetes, "Deployment")],
        description: "Fails unless the first container sets `allowPrivilegeEscalation: false`.",
        remediation: "Set `allowPrivilegeEscalation: false`.",
        references: [],
        differences: [],
    });

    fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
        let v = r
            .config
            .path("spec.template.spec.containers.0.securityContext.allowPrivilegeEscalation");
        match v.map(|v| v.truth()) {
            Some(Truth::False) => Verdict::Pass,
            _ => Verdict::fail("privilege escalation is allowed"),
        }
    }
}

pub mod user {
    use crate::check::{Cx, Evidence, Verdict};
    use crate::model::Resource;

    check!(User {
        code: "DPY-TEST-004",
        checkov: ["CKV_DOCKER_3"],
        title: "Test: image runs as root",
        severity: Info,
        reason: "test check",
        targets: [(Dockerfile, "Dockerfile")],
        description: "Fails when the file has no `USER` instruction.",
        remediation: "Add a `USER` instruction.",
        references: [],
        differences: [],
    });

    fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
        if r.config.get("USER").is_some() {
            Verdict::Pass
        } else {
            Verdict::Fail(Evidence {
                message: "no USER instruction".into(),
                span: None,
                address: Some(format!("/{}.", r.file)),
            })
        }
    }
}

/// The test catalog, ordered by code like the real one.
pub static CATALOG: &[&dyn Check] = &[
    &public_acl::PublicAcl,
    &versioning::Versioning,
    &privilege_escalation::PrivilegeEscalation,
    &user::User,
];

/// The metadata of the test catalog's check at `i`.
pub fn meta(i: usize) -> &'static crate::check::Meta {
    CATALOG[i].meta()
}

/// A map value from entries.
pub fn map(entries: Vec<(&str, crate::model::Value)>) -> crate::model::Value {
    crate::model::Value::Map(
        entries
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect(),
    )
}

/// A failure with `message` and no narrower location.
pub fn fail(message: &str) -> crate::scan::Outcome {
    crate::scan::Outcome::Failed(crate::check::Evidence {
        message: message.into(),
        span: None,
        address: None,
    })
}

/// A result of the test catalog's check at `i` on lines 3–9 of `file`.
pub fn result(
    i: usize,
    address: &str,
    file: &str,
    outcome: crate::scan::Outcome,
) -> crate::scan::CheckResult {
    let meta = meta(i);
    crate::scan::CheckResult {
        meta,
        outcome,
        framework: meta
            .targets
            .first()
            .map_or(crate::model::Framework::Terraform, |t| t.0),
        kind: "aws_s3_bucket".into(),
        address: address.into(),
        file: file.into(),
        span: crate::model::Span::new(3, 9),
        caller: None,
    }
}
