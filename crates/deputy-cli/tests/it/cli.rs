use crate::support::{Deputy, assert_fits, data};

#[test]
fn the_readme_demo_runs_and_fits_the_terminal() {
    let deputy = Deputy::sqlite();
    let demo = deputy.run(&["demo"]).ok();
    assert!(
        demo.stdout
            .contains("3 new, 0 reopened, 10 resolved, 467 unchanged, 0 stale"),
        "{}",
        demo.stdout
    );
    assert_fits(&demo.stdout);
    for args in [
        vec!["projects"],
        vec!["scans", "list", "--project", "demo"],
        vec!["scans", "show", "2"],
        vec!["findings", "list", "--project", "demo"],
        vec!["findings", "list", "--overdue"],
        vec!["findings", "show", "1"],
    ] {
        let out = deputy.run(&args).ok();
        assert!(!out.stdout.is_empty(), "{args:?} printed nothing");
        assert_fits(&out.stdout);
    }
}

/// The documented JSON shapes (docs/json.md): these keys are a contract.
#[test]
fn json_shapes_are_stable() {
    let deputy = Deputy::sqlite();
    deputy.run(&["demo"]).ok();
    let keys = |v: &serde_json::Value| -> Vec<String> {
        let mut k: Vec<String> = v
            .as_object()
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_default();
        k.sort();
        k
    };
    let run_keys = [
        "branch",
        "commit",
        "delta",
        "duplicates",
        "finished_at",
        "format",
        "id",
        "imported_at",
        "imported_by",
        "input_name",
        "input_sha256",
        "notes",
        "project",
        "scope",
        "started_at",
        "status",
        "tool_version",
        "tools",
    ];
    let finding_keys = [
        "fingerprint",
        "first_run_id",
        "first_seen",
        "help_uri",
        "id",
        "last_run_id",
        "last_seen",
        "location",
        "message",
        "overdue",
        "project",
        "remediation",
        "rule_id",
        "scope",
        "severity",
        "sla_due",
        "source",
        "stale_since",
        "state",
        "state_changed_at",
        "title",
    ];
    let sorted = |a: &[&str]| {
        let mut v: Vec<String> = a.iter().map(|s| (*s).to_owned()).collect();
        v.sort();
        v
    };
    let projects = deputy.run(&["projects", "--format", "json"]).ok().json();
    assert_eq!(
        keys(&projects[0]),
        sorted(&[
            "active",
            "active_by_severity",
            "created_at",
            "id",
            "last_scan_at",
            "name",
            "overdue",
            "scans"
        ])
    );
    let scans = deputy
        .run(&["scans", "list", "--project", "demo", "--format", "json"])
        .ok()
        .json();
    assert_eq!(keys(&scans[0]), sorted(&run_keys));
    assert_eq!(
        keys(&scans[0]["delta"]),
        sorted(&["new", "reopened", "resolved", "stale", "unchanged"])
    );
    let diff = deputy
        .run(&["scans", "diff", "--project", "demo", "--format", "json"])
        .ok()
        .json();
    assert_eq!(keys(&diff), sorted(&["base", "counts", "findings", "head"]));
    assert_eq!(
        keys(&diff["findings"][0]),
        sorted(&[
            "change",
            "fingerprint",
            "id",
            "path",
            "resource",
            "rule_id",
            "severity",
            "start_line",
            "state",
            "title"
        ])
    );
    let shown = deputy
        .run(&["scans", "show", "2", "--format", "json"])
        .ok()
        .json();
    let mut with_findings = run_keys.to_vec();
    with_findings.push("findings");
    assert_eq!(keys(&shown), sorted(&with_findings));
    let list = deputy
        .run(&["findings", "list", "--format", "json", "--limit", "1"])
        .ok()
        .json();
    assert_eq!(keys(&list[0]), sorted(&finding_keys));
    assert_eq!(
        keys(&list[0]["location"]),
        sorted(&["end_line", "path", "resource", "setting_path", "start_line"])
    );
    let detail = deputy
        .run(&["findings", "show", "1", "--format", "json"])
        .ok()
        .json();
    let mut detail_keys = finding_keys.to_vec();
    detail_keys.extend(["acceptances", "history", "runs"]);
    assert_eq!(keys(&detail), sorted(&detail_keys));
    assert_eq!(
        keys(&detail["history"][0]),
        sorted(&[
            "actor",
            "at",
            "from_state",
            "id",
            "reason",
            "run_id",
            "to_state"
        ])
    );
    assert_eq!(
        keys(&detail["runs"][0]),
        sorted(&["change", "finished_at", "run_id"])
    );
}

/// Malformed input ends with an error naming the file and the JSON path, exit code 2, and
/// nothing written.
#[test]
fn malformed_reports_are_rejected_whole() {
    let deputy = Deputy::sqlite();
    let truncated = deputy.path("truncated.json");
    let full = std::fs::read_to_string(data("small.sarif")).unwrap_or_default();
    std::fs::write(&truncated, &full[..full.len() / 2]).unwrap_or_else(|e| panic!("{e}"));
    let cases: [(String, &str, &[&str]); 3] = [
        (
            truncated.display().to_string(),
            "sarif",
            &["truncated.json", "line", "$."],
        ),
        (
            data("wrong-version.sarif"),
            "sarif",
            &["wrong-version.sarif", "`$.version`", "2.0.0"],
        ),
        (
            data("no-rule-id.sarif"),
            "sarif",
            &["no-rule-id.sarif", "`$.runs[0].results[1]`", "rule id"],
        ),
    ];
    for (file, format, needles) in cases {
        let r = deputy.run(&["import", "--project", "bad", "--format", format, &file]);
        assert_eq!(r.code, 2, "{file}: {}", r.stderr);
        for n in needles {
            assert!(
                r.stderr.contains(n),
                "{file}: `{n}` missing from: {}",
                r.stderr
            );
        }
    }
    let checkov_as_sarif = deputy.run(&[
        "import",
        "--project",
        "bad",
        "--format",
        "checkov",
        &data("small.sarif"),
    ]);
    assert_eq!(checkov_as_sarif.code, 2);
    let missing = deputy.run(&[
        "import",
        "--project",
        "bad",
        "--format",
        "sarif",
        "/nonexistent/report.sarif",
    ]);
    assert_eq!(missing.code, 2);
    assert!(
        missing.stderr.contains("/nonexistent/report.sarif"),
        "{}",
        missing.stderr
    );
    // Nothing was written: no project, no scans.
    let projects = deputy.run(&["projects", "--format", "json"]).ok().json();
    assert_eq!(projects, serde_json::json!([]));
}

#[test]
fn sarif_import_and_fail_on_gate() {
    let deputy = Deputy::sqlite();
    let r = deputy.run(&[
        "import",
        "--project",
        "app",
        "--format",
        "sarif",
        &data("small.sarif"),
        "--fail-on",
        "critical",
        "--output",
        "json",
    ]);
    assert_eq!(
        r.code, 1,
        "a new critical finding fails the gate: {}",
        r.stderr
    );
    let j = r.json();
    assert_eq!(j["run"]["tools"], serde_json::json!(["fakescanner"]));
    assert_eq!(j["run"]["delta"]["new"], 2);
    let findings = deputy
        .run(&["findings", "list", "--project", "app", "--format", "json"])
        .ok()
        .json();
    let sev: Vec<&str> = findings
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|f| f["severity"].as_str())
        .collect();
    assert_eq!(sev, vec!["critical", "medium"]);
    // Nothing new the second time: the gate passes.
    let r = deputy.run(&[
        "import",
        "--project",
        "app",
        "--format",
        "sarif",
        &data("small.sarif"),
        "--fail-on",
        "critical",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = deputy.run(&[
        "import",
        "--project",
        "app",
        "--format",
        "sarif",
        &data("small.sarif"),
        "--fail-on",
        "severe",
    ]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("--fail-on"), "{}", r.stderr);
}

#[test]
fn config_errors_name_the_key_and_init_writes_a_valid_file() {
    let deputy = Deputy::sqlite();
    std::fs::write(
        deputy.path("deputy.toml"),
        "version = 1\n[ledger]\nmax_days = 3\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let r = deputy.run(&["projects"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("`max_days`") && r.stderr.contains("deputy.toml"),
        "{}",
        r.stderr
    );
    let init = deputy.run(&["init"]);
    assert_eq!(init.code, 2, "init does not overwrite");
    deputy.run(&["init", "--force"]).ok();
    deputy.run(&["projects"]).ok();
}

#[test]
fn the_readme_scan_of_the_examples_finds_each_framework() {
    let deputy = Deputy::sqlite();
    let examples = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/iac");
    let table = deputy.run(&["scan", "iac", examples, "--soft-fail"]).ok();
    assert_fits(&table.stdout);
    let json = deputy
        .run(&["scan", "iac", examples, "--format", "json"])
        .json();
    let findings = json["findings"].as_array().cloned().unwrap_or_default();
    for framework in ["terraform", "cloudformation", "kubernetes", "dockerfile"] {
        assert!(
            findings.iter().any(|f| f["framework"] == framework),
            "no {framework} finding in {}",
            table.stdout
        );
    }
    // SSH open to the world, in Terraform and in CloudFormation (through a parameter's
    // default).
    for resource in [
        "aws_security_group.admin",
        "AWS::EC2::SecurityGroup.Bastion",
    ] {
        assert!(
            findings
                .iter()
                .any(|f| f["resource"] == resource && f["checkov_ids"][0] == "CKV_AWS_24"),
            "{resource}"
        );
    }
    let skipped: Vec<&str> = json["skipped"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s["code"].as_str())
        .collect();
    assert_eq!(skipped, ["DPY-K8S-013", "DPY-AWS-SQS-001"], "{json}");
    assert_eq!(json["summary"]["parsing_errors"], 0);
    assert_eq!(
        deputy.run(&["scan", "iac", examples]).code,
        1,
        "findings exit 1 without --soft-fail"
    );
}

#[test]
fn json_into_a_closed_pipe_exits_0() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_deputy"))
        .args(["checks", "list", "--source", "iac", "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    let mut first = [0u8; 16];
    if let Some(mut out) = child.stdout.take() {
        out.read_exact(&mut first).unwrap_or_else(|e| panic!("{e}"));
        // Dropping the reader closes the pipe with most of the catalog unwritten.
    }
    let output = child.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
