use super::*;
use crate::checks::aws::fixture::resource;

/// One case: a resource written as JSON, and whether it grants `*` actions and full
/// administrator rights.
fn check(kind: &str, config: &str, star: Truth, admin: Truth) {
    let r = resource(kind, config);
    let docs = if r.kind == "aws_iam_policy_document" {
        vec![Document::from_data(&r.config)]
    } else {
        identity_policies(&r).unwrap_or_default()
    };
    assert_eq!(
        any_statement(&docs, allows_star_action),
        star,
        "{kind} {config}"
    );
    assert_eq!(any_statement(&docs, allows_admin), admin, "{kind} {config}");
}

#[test]
fn documents_in_every_form() {
    use Truth::{False, True, Unknown};
    let p = "aws_iam_policy";
    let d = "data.aws_iam_policy_document";
    let cases: &[(&str, &str, Truth, Truth)] = &[
        (
            p,
            r#"{"policy":"{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}"}"#,
            True,
            True,
        ),
        (
            p,
            r#"{"policy":"{\"Statement\":{\"Action\":[\"*\"],\"Resource\":\"arn:aws:s3:::b\"}}"}"#,
            True,
            False,
        ),
        (
            p,
            r#"{"policy":"{\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}]}"}"#,
            False,
            False,
        ),
        (
            p,
            r#"{"policy":"{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}"}"#,
            False,
            False,
        ),
        (
            p,
            r#"{"policy":"{\"Statement\":[{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\",\"Resource\":\"*\"}]}"}"#,
            False,
            False,
        ),
        (
            p,
            r#"{"policy":{"$unknown":["aws_iam_policy_document.x"]}}"#,
            Unknown,
            Unknown,
        ),
        (p, r#"{"policy":"not json"}"#, Unknown, Unknown),
        (
            p,
            r#"{"policy":"{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"*\",],\"Resource\":\"*,]\",},]}"}"#,
            True,
            False,
        ),
        (p, r#"{"name":"no policy"}"#, False, False),
        (
            d,
            r#"{"statement":[{"actions":["*"],"resources":["*"]}]}"#,
            True,
            True,
        ),
        (
            d,
            r#"{"statement":[{"effect":"Deny","actions":["*"],"resources":["*"]}]}"#,
            False,
            False,
        ),
        (
            d,
            r#"{"statement":[{"actions":["*"],"resources":[{"$unknown":["aws_s3_bucket.b"]}]}]}"#,
            True,
            Unknown,
        ),
        (
            d,
            r#"{"statement":[{"actions":["s3:GetObject"],"resources":["*"]}]}"#,
            False,
            False,
        ),
        (
            "AWS::IAM::Policy",
            r#"{"Properties":{"PolicyDocument":{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}}}"#,
            True,
            True,
        ),
        (
            "AWS::IAM::Role",
            r#"{"Properties":{"Policies":[{"PolicyDocument":{"Statement":[{"Effect":"Allow","Action":["*"],"Resource":"arn"}]}}]}}"#,
            True,
            False,
        ),
        (
            "AWS::IAM::Role",
            r#"{"Properties":{"AssumeRolePolicyDocument":{}}}"#,
            False,
            False,
        ),
    ];
    for (kind, config, star, admin) in cases {
        check(kind, config, *star, *admin);
    }
}

#[test]
fn roles_without_inline_policies_have_no_documents() {
    let r = resource("AWS::IAM::Role", r#"{"Properties":{"Policies":[]}}"#);
    assert_eq!(identity_policies(&r), None);
}
