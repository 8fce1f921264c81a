//! The secrets framework end to end: a fixture tree scanned with Checkov 3.3.30 (its
//! results are in `tests/data/secrets-checkov.txt`) gives the same results, the goat
//! corpora give Checkov's secrets failures, and no rendered output ever holds a secret.

use deputy_iac::model::Framework;
use deputy_iac::output::{ScanMeta, draft, json, junit, markdown, sarif};
use deputy_iac::scan::{Outcome, ScanOptions, ScanReport, scan};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data")
}

fn secrets_only() -> ScanOptions {
    ScanOptions {
        frameworks: vec!["secrets".to_owned()],
        ..ScanOptions::default()
    }
}

/// (result, Checkov id, resource, file, first line) of every secrets result.
fn results(report: &ScanReport) -> BTreeSet<String> {
    report
        .results
        .iter()
        .filter(|r| r.framework == Framework::Secrets)
        .flat_map(|r| {
            let verdict = match r.outcome {
                Outcome::Passed => "PASSED",
                Outcome::Failed(_) => "FAILED",
                Outcome::Skipped(_) => "SKIPPED",
            };
            r.meta
                .checkov
                .iter()
                .map(move |id| format!("{verdict} {id} {} {} {}", r.address, r.file, r.span.start))
        })
        .collect()
}

#[test]
fn the_fixture_tree_gives_checkovs_results() {
    let expected: BTreeSet<String> = std::fs::read_to_string(data().join("secrets-checkov.txt"))
        .unwrap_or_else(|e| panic!("{e}"))
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(str::to_owned)
        .collect();
    assert!(expected.len() > 10);
    let report = scan(&data().join("secrets"), &secrets_only()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(results(&report), expected);
    // Every result spans the secret's line and the next, as Checkov reports it.
    for r in &report.results {
        assert_eq!(r.span.end, r.span.start + 1, "{}", r.address);
    }
}

#[test]
fn the_secrets_framework_can_be_skipped() {
    let options = ScanOptions {
        skip_frameworks: vec!["secrets".to_owned()],
        ..ScanOptions::default()
    };
    let report = scan(&data().join("secrets"), &options).unwrap_or_else(|e| panic!("{e}"));
    assert!(results(&report).is_empty());
    assert!(!report.results.is_empty(), "the IaC checks still run");
}

#[test]
fn no_output_holds_a_secret() {
    let report =
        scan(&data().join("secrets"), &ScanOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    assert!(results(&report).len() > 10);
    let meta = ScanMeta {
        root: "secrets",
        version: "test",
    };
    let mut rendered = vec![
        ("json", json(&report, meta).to_string()),
        ("sarif", sarif(&report, meta)),
        ("junit", junit(&report, meta)),
        ("markdown", markdown(&report, meta)),
    ];
    // The findings the ledger records (and the CLI's table prints).
    let drafts: Vec<String> = report
        .results
        .iter()
        .filter(|r| !matches!(r.outcome, Outcome::Passed))
        .map(|r| format!("{:?}", draft(r)))
        .collect();
    rendered.push(("findings", drafts.join("\n")));
    rendered.push(("results", format!("{:?}", report.results)));
    // Every secret value in the fixtures, and a distinctive part of each.
    let secrets = [
        "AKIAIOSFODNN7EXAMPLE",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "dGhpcyBpcyBub3QgYSByZWFsIHNlY3JldA==",
        "azhzLXN0eWxlIGZha2UgYXBpIGtleQ==",
        "bXVsdGktZG9jdW1lbnQgZmFrZSBrZXk=",
        "c2VjcmV0L2RhdGEvZGIvcGFzc3dvcmQ=",
        "cXVvdGVkIGZha2UgdG9rZW4gdmFsdWU=",
        "c2luZ2xlIGRvY3VtZW50IGZha2UgdmFsdWU=",
        "Y29tbWVudCByZWFkIHdoZW4gdGFncyBmYWls",
        "anNvbiBmYWtlIHBhc3N3b3JkIHZhbHVl",
    ];
    for (format, text) in &rendered {
        assert!(
            text.contains("CKV_SECRET")
                || *format == "markdown"
                || *format == "findings"
                || text.contains("DPY-SECRET"),
            "{format} has no secrets result"
        );
        for s in secrets {
            assert!(!text.contains(s), "{format} holds `{s}`");
            assert!(!text.contains(&s[..12]), "{format} holds part of `{s}`");
        }
    }
}

fn corpus(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus/iac")
        .join(name)
}

/// The goat corpora's secrets failures are exactly Checkov's (listed in the golden
/// outputs `terragoat_all.json.gz` and `k8sgoat_all.json.gz`).
#[test]
fn the_goat_corpora_give_checkovs_secrets_failures() {
    let cases: [(&str, &[&str]); 2] = [
        (
            "terragoat",
            &[
                "FAILED CKV_SECRET_2 fc3f784491eba6121c3bfcc1652a2c57d27b16cb terraform/aws/ec2.tf 15",
                "FAILED CKV_SECRET_2 c00f1a6e4b20aa64691d50781b810756d6254b8e terraform/aws/ec2.tf 16",
                "FAILED CKV_SECRET_2 25910f981e85ca04baf359199dd0bd4a3ae738b6 terraform/aws/lambda.tf 45",
                "FAILED CKV_SECRET_2 25910f981e85ca04baf359199dd0bd4a3ae738b6 terraform/aws/providers.tf 10",
                "FAILED CKV_SECRET_6 a57ae0fe47084bc8a05f69f3f8083896f8b437b0 terraform/azure/sql.tf 15",
            ],
        ),
        (
            "kubernetes-goat",
            &[
                "FAILED CKV_SECRET_6 12273f3e4aa61c86082dbe4a9d9bb0d796651521 infrastructure/users-repo/Dockerfile 4",
                "FAILED CKV_SECRET_6 25f6c3b715e27ef7bd1ce13f5ef24f31d5f2ed3b scenarios/hunger-check/deployment.yaml 44",
                "FAILED CKV_SECRET_6 da7b4646ba1868015eeb9743c6b4bb50f70a072a scenarios/hunger-check/deployment.yaml 53",
            ],
        ),
    ];
    for (name, expected) in cases {
        let report = scan(&corpus(name), &secrets_only()).unwrap_or_else(|e| panic!("{e}"));
        let want: BTreeSet<String> = expected.iter().map(|s| (*s).to_owned()).collect();
        assert_eq!(results(&report), want, "{name}");
    }
}
