//! DPY-SECRET-001: AWS access key written in a file.
//!
//! # What it checks
//! No file Checkov's secrets scan reads holds an AWS access key id (`AKIA…`, `ASIA…` and the other documented prefixes, 20 characters) or a 40-character secret access key on a line that names it as an AWS key (`aws_secret_access_key = …`).
//!
//! # Why it matters
//! A key in a repository is read by everyone who can read the repository, its forks, its CI logs and its history; it gives them the key owner's permissions until the key is rotated.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! provider "aws" {
//!   region     = "us-east-1"
//!   access_key = "AKIAIOSFODNN7EXAMPLE"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! provider "aws" {
//!   region  = "us-east-1"
//!   profile = "deploy"
//! }
//! ```
//!
//! # Remediation
//! Remove the key from the file and from the repository's history, rotate it, and read credentials from the environment, a profile, an assumed role or a secrets manager.
//!
//! # References
//! - <https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html>
//! - <https://docs.aws.amazon.com/IAM/latest/UserGuide/security-creds-programmatic-access.html>

use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(AwsAccessKeyInFile {
    code: "DPY-SECRET-001",
    checkov: ["CKV_SECRET_2"],
    title: "AWS access key written in a file",
    severity: Critical,
    reason: "trivy-checks rates AWS keys in EC2 user data (AWS-0029), plaintext secrets in ECS task definitions (AWS-0036) and secrets in Dockerfiles (DS-0031) Critical; a leaked access key works for anyone until it is rotated",
    targets: [(Secrets, "AWS Access Key")],
    description: "No file Checkov's secrets scan reads (`.tf`, `.yml`, `.yaml`, `.json`, `.template`, `.bicep`, `.hcl`, Dockerfiles) holds an AWS access key id (`AKIA…`, `ASIA…`, `ABIA…`, `ACCA…`, `A3T…` followed by 16 upper-case letters or digits) or a 40-character secret access key on a line naming it as an AWS key, password or token (detect-secrets' AWS key detector). The finding's resource is the SHA-1 of the key, never the key; its lines are the key's line and the next, as Checkov reports them.",
    remediation: "Remove the key from the file and from the repository's history, rotate it, and read credentials from the environment, a profile, an assumed role or a secrets manager.",
    references: [
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html",
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/security-creds-programmatic-access.html"
    ],
    differences: [
        "Checkov compares a `checkov:skip=` directive's id list as one string, so only a directive naming this id alone suppresses the finding; Deputy also honours a list of ids, and `deputy:skip=`.",
        "Checkov reads file-level suppressions of JSON and YAML files (metadata) for secrets too; Deputy honours only the comment directives on the secret's line and the lines around it."
    ],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    Verdict::fail(format!(
        "an AWS access key is written in the file (SHA-1 of the key: {})",
        r.address
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secrets::tests::found;

    #[test]
    fn verdicts() {
        let rs = found(
            "main.tf",
            "provider \"aws\" {\n  access_key = \"AKIAIOSFODNN7EXAMPLE\"\n}\n",
        );
        let aws: Vec<&Resource> = rs.iter().filter(|r| r.kind == "AWS Access Key").collect();
        assert_eq!(aws.len(), 1);
        let Verdict::Fail(e) = evaluate(aws[0], &Cx { resources: &[] }) else {
            panic!("expected a failure")
        };
        assert!(!e.message.contains("AKIAIOSFODNN7EXAMPLE"), "{}", e.message);
        assert!(e.message.contains(&aws[0].address));
        // Nothing is found where no key is written (no pass either: Checkov reports none),
        // nor where the key is not known before apply.
        assert!(
            found(
                "main.tf",
                "provider \"aws\" {\n  region = \"us-east-1\"\n}\n"
            )
            .is_empty()
        );
        assert!(found("main.tf", "provider \"aws\" {\n  access_key = var.key\n}\n").is_empty());
    }
}
