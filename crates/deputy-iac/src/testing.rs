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
