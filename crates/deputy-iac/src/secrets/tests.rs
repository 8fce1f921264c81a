use super::*;
use crate::secrets::detect::{Found, entropy, scan_text, split_lines};

/// AWS's documented example key id and secret key, and an obviously fake base64 value.
const KEY_ID: &str = "AKIAIOSFODNN7EXAMPLE";
const SECRET_KEY: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const B64: &str = "dGhpcyBpcyBub3QgYSByZWFsIHNlY3JldA==";

/// The resources the front end makes of one file.
pub(crate) fn found(path: &str, text: &str) -> Vec<Resource> {
    parse(&SourceFile {
        path: path.into(),
        text: text.into(),
    })
    .resources
}

/// (kind, line) of every secret found in `text` read as `path`.
fn check(path: &str, text: &str, expected: &[(Kind, u32)]) -> Vec<Found> {
    let got = scan_text(path, text);
    let kinds: Vec<(Kind, u32)> = got.iter().map(|f| (f.kind, f.line)).collect();
    assert_eq!(kinds, expected, "{path}:\n{text}");
    got
}

const AWS: Kind = Kind::AwsAccessKey;
const B64K: Kind = Kind::Base64HighEntropy;

#[test]
fn aws_key_ids_and_named_secret_keys() {
    let text = format!(
        "#!/bin/bash\nexport AWS_ACCESS_KEY_ID={KEY_ID}\nexport AWS_SECRET_ACCESS_KEY={SECRET_KEY}\n"
    );
    let got = check("user_data.tf", &text, &[(AWS, 2), (AWS, 3)]);
    assert_eq!(got[0].hash, "25910f981e85ca04baf359199dd0bd4a3ae738b6");
    // A 40-character string not named as an AWS key is not one.
    check("a.tf", &format!("checksum = \"{SECRET_KEY}\"\n"), &[]);
    // Too short, wrong prefix, or glued to other word characters: not a key id.
    check("a.tf", "id = \"AKIAIOSFODNN7EXAMP\"\n", &[]);
    check("a.tf", "id = \"AKZAIOSFODNN7EXAMPLE\"\n", &[]);
    check("a.tf", "id = \"xAKIAIOSFODNN7EXAMPLE\"\n", &[]);
    // Any file type, any position on the line, comments included.
    check("Dockerfile", &format!("# key {KEY_ID}\n"), &[(AWS, 1)]);
}

#[test]
fn entropy_needs_a_keyword_in_iac_files() {
    check("a.tf", &format!("password = \"{B64}\"\n"), &[(B64K, 1)]);
    check("a.tf", &format!("description = \"{B64}\"\n"), &[]);
    check(
        "a.json",
        &format!("{{\"db_password\": \"{B64}\"}}\n"),
        &[(B64K, 1)],
    );
    check(
        "Dockerfile",
        &format!("ENV API_KEY=\"{B64}\"\n"),
        &[(B64K, 1)],
    );
    // Unquoted values count where the keyword pattern allows them (YAML, Terraform).
    check(
        "a.yaml",
        &format!("---\ntoken: {B64}\n---\nb: 1\n"),
        &[(B64K, 2)],
    );
    // Low entropy is not a secret.
    check("a.tf", "password = \"aaaabbbbccccdddd\"\n", &[]);
}

#[test]
fn the_same_value_is_reported_once_and_aws_wins() {
    // The secret key line names a credential too: the entropy finding on the same value
    // gives way to the AWS one.
    let text = format!(
        "aws_secret_access_key = \"{SECRET_KEY}\"\nsecret = \"{B64}\"\nother_secret = \"{B64}\"\n"
    );
    check("a.tf", &text, &[(AWS, 1), (B64K, 2)]);
}

#[test]
fn filters() {
    // Allowlist pragma on the line or the line before.
    check(
        "a.tf",
        &format!("password = \"{B64}\" # pragma: allowlist secret\n"),
        &[],
    );
    check(
        "a.tf",
        &format!("# pragma: allowlist nextline secret\npassword = \"{B64}\"\n"),
        &[],
    );
    // A keyword allowlisted by detect-secrets (`example`) disables the keyword.
    check("a.tf", &format!("example_password = \"{B64}\"\n"), &[]);
    // Sequential strings.
    check("a.tf", "password = \"ABCDEFGHIJKLMNOP\"\n", &[]);
    // UUIDs.
    check(
        "a.tf",
        "token = \"3f2504e0-4f89-11d3-9a0c-0305e82c3301\"\n",
        &[],
    );
    // Id-like names before the value.
    check("a.tf", &format!("client_id_token = \"{B64}\"\n"), &[]);
    // Values in a Terraform data block.
    check(
        "a.tf",
        &format!("data \"x\" \"y\" {{\n  password = \"{B64}\"\n}}\n"),
        &[],
    );
    // snake_case names are not secrets.
    check("a.tf", "password = \"some_password_name_here\"\n", &[]);
    // Secret names are not secrets.
    check("a.yaml", "---\nsecret_name: dGhpcyBpcyBub3Q\n---\n", &[]);
    // vault references.
    check(
        "a.yaml",
        "---\npassword: vault:c2VjcmV0L2RhdGEvZGI=\n---\n",
        &[(B64K, 2)],
    );
    // Short lines are not read.
    check("a.tf", "pw=1\n", &[]);
}

#[test]
fn yaml_single_documents_are_read_as_key_value_lines() {
    // One document: values are quoted by the transformation; comments and lists of
    // strings are not read.
    let text = format!("db:\n  password: {B64}\n  hosts:\n    - {B64}\n# token: {B64}\n");
    check("a.yml", &text, &[(B64K, 2)]);
    // A custom tag makes the safe loader fail: raw lines are read.
    let text = format!("Resources:\n  X:\n    Value: !Ref Y\n# token: {B64}\n");
    check("a.yaml", &text, &[(B64K, 4)]);
}

#[test]
fn entropy_is_detect_secrets_shannon_entropy() {
    assert_eq!(entropy("abc"), 0.0);
    assert_eq!(entropy("aaaaaaaabbbbbbbb"), 0.0);
    assert!((entropy("abcdabcd") - 2.0).abs() < 1e-9);
    assert!(entropy(B64) > 4.5);
}

#[test]
fn lines_split_like_python() {
    assert_eq!(split_lines("a\nb\r\nc\rd"), ["a", "b", "c", "d"]);
    assert_eq!(split_lines("a\n"), ["a"]);
    assert!(split_lines("").is_empty());
}

#[test]
fn files_read_as_checkov_reads_them() {
    for yes in [
        "main.tf",
        "a/b.yaml",
        "x.yml",
        "t.json",
        "c.template",
        "m.bicep",
        "x.hcl",
        "Dockerfile",
        "dockerfile.prod",
        "api.Dockerfile",
    ] {
        assert!(wants(yes), "{yes}");
    }
    for no in [
        "main.py",
        "x.tfvars",
        "package-lock.json",
        ".hidden.tf",
        "venv/lib/a.json",
        "node_modules/a.tf",
        "DOCKERFILE",
        "Dockerfile.dockerignore",
        "a.md",
    ] {
        assert!(!wants(no), "{no}");
    }
}

#[test]
fn resources_carry_the_hash_never_the_secret() {
    let rs = found("ec2.tf", &format!("access_key = \"{KEY_ID}\"\n"));
    assert_eq!(rs.len(), 1);
    let r = &rs[0];
    assert_eq!(r.framework, Framework::Secrets);
    assert_eq!(r.kind, "AWS Access Key");
    assert_eq!(r.address, "25910f981e85ca04baf359199dd0bd4a3ae738b6");
    assert_eq!(r.span, Span::new(1, 2));
    let dump = format!("{r:?}");
    assert!(!dump.contains(KEY_ID), "{dump}");
    // Binary files are skipped.
    assert!(found("a.json", &format!("\0access_key = \"{KEY_ID}\"\n")).is_empty());
}

#[test]
fn non_ascii_lines_use_the_unicode_patterns() {
    // The same findings whether a line is ASCII (byte patterns) or not (Unicode ones).
    check("a.tf", &format!("password = \"{B64}\" # é\n"), &[(B64K, 1)]);
    check(
        "a.tf",
        &format!("mot_de_passé_password = \"{B64}\"\n"),
        &[(B64K, 1)],
    );
    check("a.tf", &format!("clé = \"{KEY_ID}\"\n"), &[(AWS, 1)]);
    // Unicode word characters glue to a key id as ASCII ones do.
    check("a.tf", &format!("id = \"é{KEY_ID}\"\n"), &[]);
    // A value with no credential name, paired with one on the line above (entropy > 4.8).
    let strong = "VGhpc0lzQUZha2VQYXNzd29yZEZvclRlc3RzT25seTEyMzQ1Njc4OQ==";
    check(
        "a.yaml",
        &format!("---\nenv:\n  - name: DB_PASSWORD\n    value: \"{strong}\"\n---\n"),
        &[(B64K, 4)],
    );
    check(
        "a.yaml",
        &format!("---\nenv:\n  - name: COLOUR\n    value: \"{strong}\"\n---\n"),
        &[],
    );
}
