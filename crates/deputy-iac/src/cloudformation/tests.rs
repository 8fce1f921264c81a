use super::*;
use crate::model::Unknown;

fn parse_text(path: &str, text: &str) -> Parsed {
    parse(&SourceFile {
        path: path.into(),
        text: text.into(),
    })
}

fn resource(parsed: &Parsed, address: &str) -> Resource {
    parsed
        .resources
        .iter()
        .find(|r| r.address == address)
        .cloned()
        .unwrap_or_else(|| panic!("no {address} in {:?}", parsed.resources))
}

const TEMPLATE: &str = "AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Env:
    Type: String
    Default: prod
  Name:
    Type: String
Mappings:
  Sizes:
    prod: {Instance: m5.large}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  NotProd: !Not [!Condition IsProd]
  Both: !And [!Condition IsProd, !Equals [!Ref Name, x]]
  Either: !Or [!Condition IsProd, !Equals [!Ref Name, x]]
  Loop: !Not [!Condition Loop]
Resources:
  Logs:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub '${Env}-logs-${AWS::Region}'

  Site:
    Type: AWS::S3::Bucket
    Metadata:
      checkov: {skip: [{id: CKV_AWS_18}]}
    Properties:
      BucketName: !Sub 'site-${Env}-${!Literal}'
      Size: !FindInMap [Sizes, !Ref Env, Instance]
      Versioning: !If [IsProd, Enabled, Suspended]
      Other: !If [NotProd, a, !Ref AWS::NoValue]
      Unsure: !If [Both, a, !GetAtt Logs.Arn]
      Sure: !If [Either, yes, no]
      Cyclic: !If [Loop, a, b]
      Logging:
        DestinationBucketName: !Ref Logs
        Prefix: !Join ['-', [!Ref Env, x]]
        First: !Select [1, [a, b]]
        Arn: !GetAtt [Logs, Arn]
        Name: !Ref Name
  NotAResource:
    Properties: {}
";

#[test]
fn intrinsics_resolve_from_defaults_and_name_their_resources() {
    let parsed = parse_text("t.yaml", TEMPLATE);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    assert_eq!(parsed.resources.len(), 2);
    let logs = resource(&parsed, "AWS::S3::Bucket.Logs");
    assert_eq!(logs.span, Span::new(18, 21));
    assert!(
        logs.config
            .path("Properties.BucketName")
            .is_some_and(Value::is_unknown)
    );
    let site = resource(&parsed, "AWS::S3::Bucket.Site");
    assert_eq!(site.kind, "AWS::S3::Bucket");
    assert_eq!(site.span, Span::new(23, 40));
    let p = |path: &str| site.config.path(path).cloned();
    let s = |v: &str| Some(Value::String(v.into()));
    let logs_ref = Some(Value::Unknown(Unknown {
        refs: vec!["Logs".into()],
    }));
    assert_eq!(p("Properties.BucketName"), s("site-prod-${Literal}"));
    assert_eq!(p("Properties.Size"), s("m5.large"));
    assert_eq!(p("Properties.Versioning"), s("Enabled"));
    assert_eq!(p("Properties.Other"), None);
    assert_eq!(p("Properties.Unsure"), logs_ref);
    assert_eq!(p("Properties.Sure"), Some(Value::Bool(true)));
    assert_eq!(p("Properties.Cyclic"), Some(Value::unknown()));
    assert_eq!(p("Properties.Logging.DestinationBucketName"), logs_ref);
    assert_eq!(p("Properties.Logging.Prefix"), s("prod-x"));
    assert_eq!(p("Properties.Logging.First"), s("b"));
    assert_eq!(p("Properties.Logging.Arn"), logs_ref);
    assert_eq!(p("Properties.Logging.Name"), Some(Value::unknown()));
    assert_eq!(p("Metadata.checkov.skip.0.id"), s("CKV_AWS_18"));
}

#[test]
fn base64_encodes_what_the_template_determines() {
    let parsed = parse_text(
        "t.yaml",
        "Parameters:
  Env: {Type: String, Default: prod}
Resources:
  Known:
    Type: AWS::EC2::Instance
    Properties:
      UserData: !Base64 {'Fn::Sub': 'echo ${Env}'}
  Depends:
    Type: AWS::EC2::Instance
    Properties:
      UserData: {'Fn::Base64': !Sub 'echo ${Known.PrivateIp}'}
",
    );
    let user_data = |address: &str| {
        resource(&parsed, address)
            .config
            .path("Properties.UserData")
            .cloned()
    };
    // base64 of "echo prod"
    assert_eq!(
        user_data("AWS::EC2::Instance.Known"),
        Some(Value::String("ZWNobyBwcm9k".into()))
    );
    assert_eq!(
        user_data("AWS::EC2::Instance.Depends"),
        Some(Value::Unknown(Unknown {
            refs: vec!["Known".into()]
        }))
    );
}

#[test]
fn json_templates_use_long_forms_and_brace_lines() {
    let text = "{\n  \"Resources\": {\n    \"Q\": {\n      \"Type\": \"AWS::SQS::Queue\",\n      \"Properties\": {\"KmsMasterKeyId\": {\"Fn::GetAtt\": [\"K\", \"Arn\"]}}\n    },\n    \"K\": {\"Type\": \"AWS::KMS::Key\"}\n  }\n}\n";
    let parsed = parse_text("t.json", text);
    let q = resource(&parsed, "AWS::SQS::Queue.Q");
    assert_eq!(q.span, Span::new(3, 6));
    assert_eq!(
        q.config.path("Properties.KmsMasterKeyId"),
        Some(&Value::Unknown(Unknown {
            refs: vec!["K".into()]
        }))
    );
    assert_eq!(resource(&parsed, "AWS::KMS::Key.K").span, Span::new(7, 7));
}

#[test]
fn parse_errors_carry_positions() {
    let parsed = parse_text("bad.yaml", "Resources:\n  A:\n    Type: [x\n");
    assert!(parsed.resources.is_empty());
    let d = &parsed.diagnostics[0];
    assert_eq!(d.kind, DiagnosticKind::ParseError);
    assert!(d.line.is_some_and(|l| l >= 3), "{d:?}");
}

#[test]
fn every_truncation_of_a_template_parses_or_fails_cleanly() {
    for (i, _) in TEMPLATE.char_indices() {
        let parsed = parse_text("t.yaml", &TEMPLATE[..i]);
        for r in &parsed.resources {
            assert!(r.span.start <= r.span.end, "{i}: {r:?}");
        }
    }
}

#[test]
fn cyclic_and_deep_conditions_terminate() {
    let mut text = String::from("Conditions:\n");
    for i in 0..200 {
        text.push_str(&format!(
            "  C{i}: !And [!Condition C{}, !Condition C{}]\n",
            i + 1,
            (i + 2) % 200
        ));
    }
    text.push_str(
        "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      X: !If [C0, a, b]\n",
    );
    let parsed = parse_text("t.yaml", &text);
    let b = resource(&parsed, "AWS::S3::Bucket.B");
    assert_eq!(b.config.path("Properties.X"), Some(&Value::unknown()));
}
