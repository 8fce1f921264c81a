use super::*;
use crate::checks::aws::fixture::resource;
use crate::checks::aws::policy::least_privilege_policies;

/// The answer expected for one risk: `Some(true)` a finding, `Some(false)` a pass,
/// `None` no verdict.
fn check(kind: &str, config: &str, risk: Risk, want: Option<bool>) {
    let r = resource(kind, config);
    let docs = if r.kind == "aws_iam_policy_document" {
        Some(vec![Document::from_data(&r.config)])
    } else {
        least_privilege_policies(&r)
    };
    let got = match docs.map_or(Verdict::Unknown, |d| judge(&d, risk)) {
        Verdict::Fail(_) => Some(true),
        Verdict::Pass => Some(false),
        _ => None,
    };
    assert_eq!(got, want, "{risk:?} {kind} {config}");
}

/// A Terraform policy resource with these statements (JSON).
fn tf(statements: &str) -> String {
    let doc = format!(r#"{{"Version":"2012-10-17","Statement":{statements}}}"#);
    serde_json::json!({ "policy": doc }).to_string()
}

#[test]
fn star_resource_counts_only_restrictable_actions() {
    use Risk::StarResource as R;
    let p = "aws_iam_policy";
    let cases = [
        (
            r#"[{"Effect":"Allow","Action":"ec2:Describe*","Resource":"*"}]"#,
            Some(true),
        ),
        (
            r#"[{"Effect":"Allow","Action":"s3:ListAllMyBuckets","Resource":"*"}]"#,
            Some(false),
        ),
        (
            r#"[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]"#,
            Some(false),
        ),
        (
            r#"[{"Effect":"Allow","Action":"s3:GetObject","Resource":["arn:aws:s3:::b","*"]}]"#,
            Some(true),
        ),
        (
            r#"[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"true"}}}]"#,
            Some(false),
        ),
        (
            r#"[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"},{"Effect":"Deny","Action":"s3:Get*","Resource":"*"}]"#,
            Some(false),
        ),
        (
            r#"[{"Effect":"Deny","Action":"*","Resource":"*"}]"#,
            Some(false),
        ),
        (r#"[{"Action":"s3:GetObject","Resource":"*"}]"#, None),
        (r#"[{"Effect":"Allow","Resource":"*"}]"#, None),
        (r#"[{"Effect":"Allow","Action":"s3","Resource":"*"}]"#, None),
        (
            r#"[{"Effect":"Allow","Action":"nosuch:Thing","Resource":"*"}]"#,
            Some(false),
        ),
        (
            r#"[{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}]"#,
            Some(true),
        ),
        (
            r#"[{"Effect":"Allow","NotAction":"iam:*","Resource":"arn:aws:s3:::b"}]"#,
            Some(false),
        ),
        (
            r#"[{"Effect":"Allow","NotAction":"iam:*","Resource":"not-an-arn"}]"#,
            None,
        ),
    ];
    for (statements, want) in cases {
        check(p, &tf(statements), R, want);
    }
}

#[test]
fn write_and_permissions_management_are_judged_per_statement() {
    let p = "aws_iam_role_policy";
    let write = r#"[{"Effect":"Allow","Action":"s3:PutObject","Resource":"*"}]"#;
    check(p, &tf(write), Risk::Write, Some(true));
    check(p, &tf(write), Risk::PermissionsManagement, Some(false));
    let pm = r#"[{"Effect":"Allow","Action":"s3:PutBucketPolicy","Resource":"*"}]"#;
    check(p, &tf(pm), Risk::PermissionsManagement, Some(true));
    check(p, &tf(pm), Risk::Write, Some(false));
    // A Deny does not take actions out of the per-statement answers.
    let denied = r#"[{"Effect":"Allow","Action":"s3:PutObject","Resource":"*"},{"Effect":"Deny","Action":"s3:PutObject","Resource":"*"}]"#;
    check(p, &tf(denied), Risk::Write, Some(true));
    check(p, &tf(denied), Risk::StarResource, Some(false));
    // Unrestrictable write actions on "*" are not "without constraints".
    let unrestrictable = r#"[{"Effect":"Allow","Action":"s3:CreateJob","Resource":"*"}]"#;
    check(p, &tf(unrestrictable), Risk::Write, Some(false));
}

#[test]
fn escalation_exfiltration_and_credentials() {
    let p = "aws_iam_user_policy";
    let lambda = r#"[{"Effect":"Allow","Action":["ec2:*","s3:*","lambda:*"],"Resource":"*"}]"#;
    check(p, &tf(lambda), Risk::PrivilegeEscalation, Some(true));
    check(p, &tf(lambda), Risk::DataExfiltration, Some(true));
    check(p, &tf(lambda), Risk::CredentialsExposure, Some(true));
    let rds = r#"[{"Effect":"Allow","Action":["rds:*"],"Resource":"*"}]"#;
    check(p, &tf(rds), Risk::PrivilegeEscalation, Some(false));
    // Both halves of a combination are needed.
    let pass_role = r#"[{"Effect":"Allow","Action":["iam:PassRole"],"Resource":"*"}]"#;
    check(p, &tf(pass_role), Risk::PrivilegeEscalation, Some(false));
    let pass_and_run =
        r#"[{"Effect":"Allow","Action":["iam:PassRole","ec2:RunInstances"],"Resource":"*"}]"#;
    check(p, &tf(pass_and_run), Risk::PrivilegeEscalation, Some(true));
    // Checkov leaves the registry login out; another spelling of it is kept.
    let ecr = r#"[{"Effect":"Allow","Action":"ecr:GetAuthorizationToken","Resource":"*"}]"#;
    check(p, &tf(ecr), Risk::CredentialsExposure, Some(false));
    let ecr_lower = r#"[{"Effect":"Allow","Action":"ecr:getauthorizationtoken","Resource":"*"}]"#;
    check(p, &tf(ecr_lower), Risk::CredentialsExposure, Some(true));
    // Restrictable credential actions count only on "*".
    let assume =
        r#"[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::1:role/r"}]"#;
    check(p, &tf(assume), Risk::CredentialsExposure, Some(false));
    let assume_all = r#"[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]"#;
    check(p, &tf(assume_all), Risk::CredentialsExposure, Some(true));
}

#[test]
fn data_documents_default_to_allow_and_read_conditions() {
    let d = "data.aws_iam_policy_document";
    check(
        d,
        r#"{"statement":[{"actions":["s3:PutObject"],"resources":["*"]}]}"#,
        Risk::Write,
        Some(true),
    );
    check(
        d,
        r#"{"statement":[{"actions":["s3:PutObject"],"resources":["*"],"condition":[{"test":"StringEquals","variable":"aws:PrincipalTag/team","values":["a"]}]}]}"#,
        Risk::Write,
        Some(false),
    );
    check(
        d,
        r#"{"statement":[{"actions":["s3:PutObject"],"resources":["*"],"condition":[{"test":"StringEquals"}]}]}"#,
        Risk::Write,
        None,
    );
    check(
        d,
        r#"{"statement":[{"resources":["*"]}]}"#,
        Risk::Write,
        None,
    );
    check(d, r#"{"name":"none"}"#, Risk::Write, Some(false));
    // Terraform reads a null effect as `Allow`.
    check(
        d,
        r#"{"statement":[{"effect":null,"actions":["s3:PutObject"],"resources":["*"]}]}"#,
        Risk::Write,
        Some(true),
    );
    // An expression that evaluates to an empty list leaves Checkov nothing to read.
    check(
        d,
        r#"{"statement":[{"actions":["s3:PutObject"],"resources":["*"]},{"actions":["s3:GetObject"],"resources":[]}]}"#,
        Risk::Write,
        None,
    );
}

#[test]
fn unresolved_values_are_judged_in_both_bounds() {
    let d = "data.aws_iam_policy_document";
    // A reference to another resource is never "*".
    check(
        d,
        r#"{"statement":[{"actions":["s3:PutObject"],"resources":[{"$unknown":["aws_s3_bucket.b"]}]}]}"#,
        Risk::StarResource,
        Some(false),
    );
    // A variable could be.
    check(
        d,
        r#"{"statement":[{"actions":["s3:PutObject"],"resources":[{"$unknown":[]}]}]}"#,
        Risk::StarResource,
        None,
    );
    // Known actions on "*" fail whatever else the statement holds.
    check(
        d,
        r#"{"statement":[{"actions":["s3:PutObject",{"$unknown":[]}],"resources":["*"]}]}"#,
        Risk::Write,
        Some(true),
    );
    // Unknown actions could be anything.
    check(
        d,
        r#"{"statement":[{"actions":[{"$unknown":[]}],"resources":["*"]}]}"#,
        Risk::Write,
        None,
    );
    // An unknown Deny could take everything away, except from the per-statement answers.
    let denied = r#"{"statement":[{"actions":["s3:PutObject"],"resources":["*"]},{"effect":"Deny","actions":[{"$unknown":[]}],"resources":["*"]}]}"#;
    check(d, denied, Risk::StarResource, None);
    check(d, denied, Risk::Write, Some(true));
    // An unknown condition might constrain the statement.
    check(
        d,
        r#"{"statement":[{"actions":["s3:PutObject"],"resources":["*"],"condition":{"$unknown":[]}}]}"#,
        Risk::Write,
        None,
    );
    check(
        "aws_iam_policy",
        r#"{"policy":{"$unknown":["data.aws_iam_policy_document.x"]}}"#,
        Risk::Write,
        None,
    );
}

#[test]
fn cloudformation_policies_are_read_in_every_place() {
    let write = r#"{"Statement":[{"Effect":"Allow","Action":"s3:PutObject","Resource":"*"}]}"#;
    let role = format!(
        r#"{{"Properties":{{"Policies":[{{"PolicyName":"p","PolicyDocument":{write}}}]}}}}"#
    );
    check("AWS::IAM::Role", &role, Risk::Write, Some(true));
    let managed = format!(r#"{{"Properties":{{"PolicyDocument":{write}}}}}"#);
    check("AWS::IAM::ManagedPolicy", &managed, Risk::Write, Some(true));
    check(
        "AWS::IAM::Role",
        r#"{"Properties":{"Policies":[]}}"#,
        Risk::Write,
        Some(false),
    );
    check(
        "AWS::IAM::Role",
        r#"{"Properties":{"RoleName":"r"}}"#,
        Risk::Write,
        Some(false),
    );
    check(
        "AWS::IAM::Role",
        r#"{"Properties":{"Policies":[{"PolicyName":"p","PolicyDocument":"{}"}]}}"#,
        Risk::Write,
        None,
    );
    check(
        "AWS::IAM::Role",
        r#"{"Properties":{"Policies":[{"$unknown":[]}]}}"#,
        Risk::Write,
        None,
    );
    check(
        "AWS::IAM::Role",
        r#"{"Type":"AWS::IAM::Role"}"#,
        Risk::Write,
        None,
    );
}
