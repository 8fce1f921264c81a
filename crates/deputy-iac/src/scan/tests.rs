use super::*;
use crate::baseline::Baseline;
use crate::model::{Unknown, Value};
use crate::testing::{CATALOG, map};

fn resource(
    fw: Framework,
    kind: &str,
    address: &str,
    file: &str,
    line: u32,
    config: Value,
) -> Resource {
    Resource {
        framework: fw,
        block: BlockKind::Resource,
        kind: kind.into(),
        address: address.into(),
        file: file.into(),
        span: Span::new(line, line + 3),
        caller: None,
        config,
    }
}

fn sample() -> Vec<Resource> {
    let s = |t: &str| Value::String(t.to_owned());
    vec![
        resource(
            Framework::Terraform,
            "aws_s3_bucket",
            "aws_s3_bucket.public",
            "main.tf",
            1,
            map(vec![("acl", s("public-read"))]),
        ),
        resource(
            Framework::Terraform,
            "aws_s3_bucket",
            "aws_s3_bucket.private",
            "main.tf",
            10,
            map(vec![("acl", s("private"))]),
        ),
        resource(
            Framework::Terraform,
            "aws_s3_bucket_versioning",
            "aws_s3_bucket_versioning.v",
            "main.tf",
            20,
            map(vec![(
                "bucket",
                Value::Unknown(Unknown {
                    refs: vec!["aws_s3_bucket.private".into()],
                }),
            )]),
        ),
        resource(
            Framework::Terraform,
            "aws_s3_bucket",
            "aws_s3_bucket.unknown",
            "other/main.tf",
            1,
            map(vec![("acl", Value::unknown())]),
        ),
        resource(
            Framework::Kubernetes,
            "Deployment",
            "Deployment.default.web",
            "k8s/web.yaml",
            1,
            Value::Map(Default::default()),
        ),
        resource(
            Framework::Dockerfile,
            "Dockerfile",
            "Dockerfile",
            "app/Dockerfile",
            1,
            Value::Map(Default::default()),
        ),
    ]
}

/// `code address outcome` per result, in report order.
fn lines(results: &[CheckResult]) -> Vec<String> {
    results
        .iter()
        .map(|r| {
            let o = match &r.outcome {
                Outcome::Passed => "passed".to_owned(),
                Outcome::Failed(_) => "FAILED".to_owned(),
                Outcome::Skipped(why) => format!("skipped ({why})"),
            };
            format!("{} {} {o}", r.meta.code, r.address)
        })
        .collect()
}

#[test]
fn checks_meet_their_targets_and_connect_through_the_index() {
    let results = run_checks(CATALOG, &sample());
    assert_eq!(
        lines(&results),
        [
            "DPY-TEST-004 /app/Dockerfile. FAILED",
            "DPY-TEST-003 Deployment.default.web FAILED",
            "DPY-TEST-001 aws_s3_bucket.public FAILED",
            "DPY-TEST-002 aws_s3_bucket.public FAILED",
            "DPY-TEST-001 aws_s3_bucket.private passed",
            "DPY-TEST-002 aws_s3_bucket.private passed",
            // An unknown ACL is neither a pass nor a failure; versioning is still judged.
            "DPY-TEST-002 aws_s3_bucket.unknown FAILED",
        ]
    );
}

#[test]
fn suppressions_skip_without_evaluating_and_baselines_skip_failures() {
    let rs = sample();
    let text = "resource \"aws_s3_bucket\" \"public\" {\n  # checkov:skip=CKV_AWS_20:a public website\n  acl = \"public-read\"\n}\n";
    let sup = Suppressions::collect(&rs, |p| (p == "main.tf").then_some(text));
    let baseline = Baseline::parse(
        r#"{"failed_checks":[{"file":"/main.tf","findings":[{"resource":"aws_s3_bucket.public","check_ids":["CKV_AWS_21"]}]},
            {"file":"/k8s/web.yaml","findings":[{"resource":"Deployment.default.web","check_ids":["DPY-TEST-003"]}]}]}"#,
        "b",
    )
    .map(|b| b.index())
    .unwrap_or_default();
    let results = run_checks_with(CATALOG, &rs, &sup, Some(&baseline));
    let got = lines(&results);
    assert_eq!(
        got.get(1..4).unwrap_or_default(),
        [
            "DPY-TEST-003 Deployment.default.web skipped (in the baseline)",
            "DPY-TEST-001 aws_s3_bucket.public skipped (a public website)",
            "DPY-TEST-002 aws_s3_bucket.public skipped (in the baseline)",
        ]
    );
    assert_eq!(
        got.first().map(String::as_str),
        Some("DPY-TEST-004 /app/Dockerfile. FAILED")
    );
}

#[test]
fn large_scans_run_on_two_threads_with_the_same_results() {
    let base = sample();
    let many: Vec<Resource> = (0..(PARALLEL_RESOURCES / base.len() + 2))
        .flat_map(|i| {
            base.iter().map(move |r| Resource {
                file: format!("d{i:04}/{}", r.file),
                ..r.clone()
            })
        })
        .collect();
    assert!(many.len() > PARALLEL_RESOURCES);
    let results = run_checks(CATALOG, &many);
    let small = run_checks(CATALOG, &base);
    assert_eq!(results.len(), small.len() * (many.len() / base.len()));
    // Each folder is its own root module, so the versioning resource of one folder does
    // not count for the buckets of another.
    let passed = results
        .iter()
        .filter(|r| r.outcome == Outcome::Passed)
        .count();
    assert_eq!(passed, 2 * (many.len() / base.len()));
}

fn tree(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for (path, text) in files {
        let p = dir.path().join(path);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{e}"));
        }
        std::fs::write(p, text).unwrap_or_else(|e| panic!("{e}"));
    }
    dir
}

fn walked(root: &Path, frameworks: &FrameworkSelection, skip: &[&str]) -> Vec<String> {
    let skip_paths: Vec<Regex> = skip.iter().filter_map(|p| Regex::new(p).ok()).collect();
    let walker = Walker {
        root,
        frameworks,
        skip_paths: &skip_paths,
    };
    let mut found = Vec::new();
    walker
        .walk(root, &mut found)
        .unwrap_or_else(|e| panic!("{e}"));
    found.into_iter().map(|f| f.rel).collect()
}

#[test]
fn the_walk_skips_what_checkov_skips() {
    let dir = tree(&[
        ("main.tf", ""),
        ("env/prod.tfvars", ""),
        (".github/workflows/ci.yml", ""),
        (".terraform/modules/m/main.tf", ""),
        ("node_modules/x/template.json", ""),
        ("k8s/deploy.yaml", ""),
        ("app/Dockerfile", ""),
        ("app/notes.md", ""),
        ("tests/fixture.tf", ""),
    ]);
    let all = FrameworkSelection::default();
    assert_eq!(
        walked(dir.path(), &all, &[]),
        [
            ".github/workflows/ci.yml",
            "app/Dockerfile",
            "env/prod.tfvars",
            "k8s/deploy.yaml",
            "main.tf",
            "tests/fixture.tf"
        ]
    );
    assert_eq!(
        walked(dir.path(), &all, &["^tests", r"\.tfvars$"]),
        [
            ".github/workflows/ci.yml",
            "app/Dockerfile",
            "k8s/deploy.yaml",
            "main.tf"
        ]
    );
    assert_eq!(walked(&dir.path().join("main.tf"), &all, &[]), ["main.tf"]);
    let tf = FrameworkSelection::resolve(&["terraform".to_owned()], &[]).unwrap_or_default();
    assert_eq!(
        walked(dir.path(), &tf, &[]),
        ["env/prod.tfvars", "main.tf", "tests/fixture.tf"]
    );
}

/// Checkov enters `.github` folders (and only those hidden folders) for workflows, which
/// are `.yml`/`.yaml` files at any depth under `.github/workflows/`; nothing else in them is
/// read, by any front end.
#[test]
fn the_walk_enters_github_folders_for_workflows_only() {
    let dir = tree(&[
        (".github/workflows/ci.yml", ""),
        (".github/workflows/release.yaml", ""),
        (".github/workflows/nested/deep.yml", ""),
        (".github/workflows/.hidden.yml", ""),
        (".github/workflows/upper.YML", ""),
        (".github/workflows/notes.md", ""),
        (".github/workflows/.cache/x.yml", ""),
        (".github/dependabot.yml", ""),
        (".github/main.tf", ""),
        (".github/Dockerfile", ""),
        ("sub/.github/workflows/sub.yml", ""),
        (".other/.github/workflows/x.yml", ""),
        ("k8s/workflows/x.yml", ""),
    ]);
    let all = FrameworkSelection::default();
    let buckets = |root: &Path| {
        let skip_paths: Vec<Regex> = Vec::new();
        let walker = Walker {
            root,
            frameworks: &all,
            skip_paths: &skip_paths,
        };
        let mut found = Vec::new();
        walker
            .walk(root, &mut found)
            .unwrap_or_else(|e| panic!("{e}"));
        found
            .into_iter()
            .map(|f| (f.rel, f.bucket))
            .collect::<Vec<_>>()
    };
    let own = |v: &[(&str, Bucket)]| {
        v.iter()
            .map(|(p, b)| ((*p).to_owned(), Some(*b)))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        buckets(dir.path()),
        own(&[
            (".github/workflows/ci.yml", Bucket::Workflow),
            (".github/workflows/nested/deep.yml", Bucket::Workflow),
            (".github/workflows/release.yaml", Bucket::Workflow),
            ("k8s/workflows/x.yml", Bucket::Structured),
            ("sub/.github/workflows/sub.yml", Bucket::Workflow),
        ])
    );
    // Rooted inside a workflows folder, as Checkov decides on the absolute path, its files
    // are workflows and plain YAML alike.
    let inside = dir.path().join(".github/workflows");
    assert_eq!(
        buckets(&inside)
            .into_iter()
            .filter(|(p, _)| p == "ci.yml")
            .collect::<Vec<_>>(),
        own(&[("ci.yml", Bucket::Workflow), ("ci.yml", Bucket::Structured)])
    );
    let no_gha =
        FrameworkSelection::resolve(&[], &["github_actions".to_owned()]).unwrap_or_default();
    assert!(
        walked(dir.path(), &no_gha, &[])
            .iter()
            .all(|p| !p.contains(".github")),
    );
    assert_eq!(
        walked(dir.path(), &all, &["nested", "^sub/"]),
        [
            ".github/workflows/ci.yml",
            ".github/workflows/release.yaml",
            "k8s/workflows/x.yml"
        ]
    );
}

#[test]
fn terraform_json_is_scanned_as_terraform() {
    let dir = tree(&[
        (
            "cdktf.out/main.tf.json",
            "{\n  \"resource\": {\n    \"aws_s3_bucket\": {\n      \"logs\": {\n        \"bucket\": \"${var.name}\",\n        \"acl\": \"public-read\"\n      }\n    }\n  },\n  \"variable\": {\"name\": {}}\n}\n",
        ),
        ("cdktf.out/terraform.tfvars.json", "{\"name\": \"logs\"}"),
        ("cdktf.out/package.json", "{\"name\": \"not terraform\"}"),
    ]);
    let tf = FrameworkSelection::resolve(&["terraform".to_owned()], &[]).unwrap_or_default();
    assert_eq!(
        walked(dir.path(), &tf, &[]),
        ["cdktf.out/main.tf.json", "cdktf.out/terraform.tfvars.json"]
    );
    let options = ScanOptions {
        only: vec!["CKV_AWS_20".into()],
        ..ScanOptions::default()
    };
    let report = scan(dir.path(), &options).unwrap_or_else(|e| panic!("{e}"));
    let failed: Vec<String> = report
        .results
        .iter()
        .filter(|r| matches!(r.outcome, Outcome::Failed(_)))
        .map(|r| format!("{} {}:{}-{}", r.address, r.file, r.span.start, r.span.end))
        .collect();
    assert_eq!(failed, ["aws_s3_bucket.logs cdktf.out/main.tf.json:4-7"]);
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
}

#[test]
fn oversized_and_binary_files_are_not_read() {
    let dir = tree(&[
        ("big.tf", "resource \"a\" \"b\" {}\n"),
        ("ok.tf", "# fine\n"),
    ]);
    std::fs::write(dir.path().join("bin.tf"), [0xff_u8, 0xfe, 0x00])
        .unwrap_or_else(|e| panic!("{e}"));
    let found: Vec<FoundFile> = ["big.tf", "bin.tf", "ok.tf", "gone.tf"]
        .iter()
        .map(|n| FoundFile {
            rel: (*n).into(),
            path: dir.path().join(n),
            bucket: Some(Bucket::Terraform),
            secrets: false,
        })
        .collect();
    let (files, diags) = read_all(&found, 10, None);
    let names: Vec<&str> = files.iter().map(|(f, _, _)| f.path.as_str()).collect();
    assert_eq!(names, ["ok.tf"]);
    let kinds: Vec<(&str, DiagnosticKind)> =
        diags.iter().map(|d| (d.file.as_str(), d.kind)).collect();
    assert_eq!(
        kinds,
        [
            ("big.tf", DiagnosticKind::Skipped),
            ("gone.tf", DiagnosticKind::ParseError)
        ]
    );
}

#[test]
fn a_front_end_panic_is_a_parse_error() {
    let parsed = guarded("x.yaml", || panic!("front end bug"));
    assert!(parsed.resources.is_empty());
    assert_eq!(parsed.diagnostics.len(), 1);
    assert!(
        parsed
            .diagnostics
            .iter()
            .all(|d| d.makes_partial() && d.file == "x.yaml")
    );
}

#[test]
fn bad_options_are_errors_naming_the_culprit() {
    let dir = tree(&[("main.tf", "")]);
    let run = |o: ScanOptions| {
        scan(dir.path(), &o)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default()
    };
    let e = run(ScanOptions {
        only: vec!["CKV_NOPE_1".into()],
        ..ScanOptions::default()
    });
    assert!(e.contains("`CKV_NOPE_1`"), "{e}");
    let e = run(ScanOptions {
        skip_paths: vec!["(".into()],
        ..ScanOptions::default()
    });
    assert!(e.contains("--skip-path ("), "{e}");
    let e = run(ScanOptions {
        frameworks: vec!["helm".into()],
        ..ScanOptions::default()
    });
    assert!(e.contains("`helm`"), "{e}");
    let missing = scan(&dir.path().join("nope"), &ScanOptions::default());
    assert!(matches!(missing, Err(ScanError::Io { .. })));
}

#[test]
fn dockerfile_names() {
    for yes in [
        "Dockerfile",
        "dockerfile",
        "Dockerfile.prod",
        "web.Dockerfile",
    ] {
        assert!(is_dockerfile(yes), "{yes}");
    }
    for no in ["Dockerfile-notes.md", "docker-compose.yml", "README"] {
        assert!(!is_dockerfile(no), "{no}");
    }
}

#[test]
fn a_diagnostic_kind_decides_partial() {
    let mut report = ScanReport::default();
    report.diagnostics.push(Diagnostic {
        kind: DiagnosticKind::Skipped,
        file: "chart/templates/x.yaml".into(),
        line: None,
        column: None,
        message: "helm template".into(),
    });
    assert!(!report.partial());
    if let Some(d) = report.diagnostics.first_mut() {
        d.kind = DiagnosticKind::ParseError;
    }
    assert!(report.partial());
}
