//! DPY-AWS-RDS-020: RDS instance's parameter group does not enforce encryption in transit.
//!
//! # What it checks
//! For each `aws_db_parameter_group` of the configuration that an `aws_db_instance` refers to
//! (CloudFormation: each `AWS::RDS::DBParameterGroup` an `AWS::RDS::DBInstance` refers to
//! with `Ref` or `Fn::GetAtt`), by the group's `family` (`Family`):
//! - PostgreSQL (`postgres…`) and SQL Server (`…sqlserver…`) families set the parameter
//!   `rds.force_ssl` to `1`;
//! - MySQL and MariaDB families (`mysql…`, `mariadb…`) set `require_secure_transport` to `1`;
//! - Db2 families (`…db2-ae…`) set `db2comm` to `SSL`.
//!
//! An instance with no parameter group in the configuration (the default group, a group
//! named by a literal or a variable) passes, as do groups of other families.
//!
//! # Why it matters
//! Unless the server refuses unencrypted connections, a client that does not ask for TLS
//! (or is downgraded by an attacker on the path) sends credentials and query results in
//! clear text.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_db_parameter_group" "pg" {
//!   name   = "pg"
//!   family = "postgres16"
//! }
//!
//! resource "aws_db_instance" "db" {
//!   engine               = "postgres"
//!   parameter_group_name = aws_db_parameter_group.pg.name
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_db_parameter_group" "pg" {
//!   name   = "pg"
//!   family = "postgres16"
//!
//!   parameter {
//!     name  = "rds.force_ssl"
//!     value = "1"
//!   }
//! }
//!
//! resource "aws_db_instance" "db" {
//!   engine               = "postgres"
//!   parameter_group_name = aws_db_parameter_group.pg.name
//! }
//! ```
//!
//! # Remediation
//! In the instance's parameter group set `rds.force_ssl = 1` (PostgreSQL, SQL Server),
//! `require_secure_transport = 1` (MySQL, MariaDB) or `db2comm = SSL` (Db2).
//!
//! # References
//! - <https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.SSL.html>
//! - <https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/PostgreSQL.Concepts.General.SSL.html>

use crate::check::{Cx, Verdict};
use crate::model::{Framework, Resource, Truth, Value};

check!(InstanceTls {
    code: "DPY-AWS-RDS-020",
    checkov: ["CKV2_AWS_69"],
    title: "RDS instance's parameter group does not enforce encryption in transit",
    severity: Medium,
    reason: "trivy-checks has no equivalent; KICS has no equivalent for RDS parameter groups either. Medium: clear-text database traffic exposes credentials and data, but only to an attacker already on the network path inside the VPC",
    targets: [
        (Terraform, "aws_db_instance"),
        (CloudFormation, "AWS::RDS::DBInstance")
    ],
    description: "Each `aws_db_parameter_group` an `aws_db_instance` refers to (CloudFormation: each `AWS::RDS::DBParameterGroup` an `AWS::RDS::DBInstance` refers to) enforces TLS for its family: `rds.force_ssl = 1` for `postgres…` and `…sqlserver…`, `require_secure_transport = 1` for `mysql…` and `mariadb…`, `db2comm = SSL` for `…db2-ae…`. Instances without a parameter group in the configuration, and groups of other families, pass.",
    remediation: "In the instance's parameter group set `rds.force_ssl = 1` (PostgreSQL, SQL Server), `require_secure_transport = 1` (MySQL, MariaDB) or `db2comm = SSL` (Db2).",
    references: [
        "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.SSL.html",
        "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/PostgreSQL.Concepts.General.SSL.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, cx: &Cx<'_>) -> Verdict {
    let mut undecided = false;
    for group in parameter_groups(r, cx) {
        match enforces_tls(group) {
            (Truth::False, why) => return Verdict::fail(why),
            (Truth::Unknown, _) => undecided = true,
            (Truth::True, _) => {}
        }
    }
    if undecided {
        Verdict::Unknown
    } else {
        Verdict::Pass
    }
}

/// The parameter groups of the configuration that the instance refers to, the way
/// Checkov's graph connects them.
fn parameter_groups<'a>(r: &Resource, cx: &Cx<'a>) -> Vec<&'a Resource> {
    let mut refs = Vec::new();
    collect_refs(&r.config, &mut refs);
    let mut found: Vec<&'a Resource> = Vec::new();
    for reference in refs {
        let group = match r.framework {
            Framework::CloudFormation => {
                let address = format!("AWS::RDS::DBParameterGroup.{reference}");
                cx.by_address(&address)
                    .into_iter()
                    .find(|g| g.framework == Framework::CloudFormation && g.file == r.file)
            }
            _ => cx
                .resolve(r, reference)
                .or_else(|| cx.resolve(r, without_index(reference)))
                .filter(|g| {
                    g.framework == Framework::Terraform && g.kind == "aws_db_parameter_group"
                }),
        };
        if let Some(g) = group
            && !found.iter().any(|f| std::ptr::eq(*f, g))
        {
            found.push(g);
        }
    }
    found
}

fn collect_refs<'v>(v: &'v Value, out: &mut Vec<&'v str>) {
    match v {
        Value::Unknown(u) => out.extend(u.refs.iter().map(String::as_str)),
        Value::List(items) => items.iter().for_each(|i| collect_refs(i, out)),
        Value::Map(m) => m.values().for_each(|i| collect_refs(i, out)),
        _ => {}
    }
}

/// `aws_db_parameter_group.pg[0]` → `aws_db_parameter_group.pg`.
fn without_index(reference: &str) -> &str {
    match reference.rfind('[') {
        Some(i) if reference.ends_with(']') => reference.get(..i).unwrap_or(reference),
        _ => reference,
    }
}

/// Whether the group's family is covered by the TLS parameter its engine requires, with a
/// message for the failure.
fn enforces_tls(group: &Resource) -> (Truth, String) {
    let (family, cfn) = match group.framework {
        Framework::CloudFormation => (
            group.config.get("Properties").and_then(|p| p.get("Family")),
            true,
        ),
        _ => (group.config.get("family"), false),
    };
    let family = match family {
        Some(Value::Unknown(_)) => return (Truth::Unknown, String::new()),
        Some(Value::String(f)) => f.as_str(),
        // Checkov matches the family's text; a group without one matches no engine.
        _ => return (Truth::True, String::new()),
    };
    let mut required = Vec::new();
    if family.starts_with("postgres") || family.contains("sqlserver") {
        required.push(("rds.force_ssl", "1"));
    }
    if family.starts_with("mariadb") || family.starts_with("mysql") {
        required.push(("require_secure_transport", "1"));
    }
    if family.contains("db2-ae") {
        required.push(("db2comm", "SSL"));
    }
    let mut answer = Truth::True;
    for (name, want) in required {
        let value = if cfn {
            cfn_parameter(group, name)
        } else {
            tf_parameter(group, name)
        };
        match value {
            Param::Unknown => answer = Truth::Unknown,
            Param::Value(v) if equals(v, want) => {}
            Param::Value(Value::Unknown(_)) => answer = Truth::Unknown,
            Param::Value(_) => {
                return (
                    Truth::False,
                    format!(
                        "parameter group `{}` sets `{name}` to something other than `{want}`",
                        group.address
                    ),
                );
            }
            Param::Missing => {
                return (
                    Truth::False,
                    format!(
                        "parameter group `{}` does not set `{name}` to `{want}`",
                        group.address
                    ),
                );
            }
        }
    }
    (answer, String::new())
}

enum Param<'a> {
    Value(&'a Value),
    Missing,
    Unknown,
}

/// The value of the `parameter` block named `name` of a Terraform group.
fn tf_parameter<'a>(group: &'a Resource, name: &str) -> Param<'a> {
    let mut undecided = false;
    match group.config.get("parameter") {
        None | Some(Value::Null) => return Param::Missing,
        Some(Value::Unknown(_)) => return Param::Unknown,
        Some(blocks) => {
            for block in blocks.items() {
                match block.get("name") {
                    Some(Value::String(n)) if n == name => {
                        return block.get("value").map_or(Param::Missing, Param::Value);
                    }
                    Some(Value::Unknown(_)) => undecided = true,
                    _ if block.is_unknown() => undecided = true,
                    _ => {}
                }
            }
        }
    }
    if undecided {
        Param::Unknown
    } else {
        Param::Missing
    }
}

/// The value of `Parameters.<name>` of a CloudFormation group.
fn cfn_parameter<'a>(group: &'a Resource, name: &str) -> Param<'a> {
    match group
        .config
        .get("Properties")
        .and_then(|p| p.get("Parameters"))
    {
        Some(Value::Unknown(_)) => Param::Unknown,
        Some(Value::Map(m)) => m.get(name).map_or(Param::Missing, Param::Value),
        _ => Param::Missing,
    }
}

/// A parameter value equal to `want`, written as text or, for numbers, as a number.
fn equals(v: &Value, want: &str) -> bool {
    match v {
        Value::String(s) => s == want,
        Value::Number(n) => want.parse::<f64>().is_ok_and(|w| w == *n),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::aws::fixture::resource;

    fn named(mut r: Resource, address: &str) -> Resource {
        r.address = address.to_owned();
        r
    }

    fn judge(group: &str) -> &'static str {
        let db = resource(
            "aws_db_instance",
            r#"{"parameter_group_name":{"$unknown":["aws_db_parameter_group.pg"]}}"#,
        );
        let pg = named(
            resource("aws_db_parameter_group", group),
            "aws_db_parameter_group.pg",
        );
        let all = [db.clone(), pg];
        match evaluate(&db, &Cx::new(&all)) {
            Verdict::Pass => "pass",
            Verdict::Fail(_) => "fail",
            Verdict::Unknown => "unknown",
            _ => "other",
        }
    }

    #[test]
    fn terraform_groups_are_judged_by_family() {
        let force = |v: &str| {
            format!(
                r#"{{"family":"postgres16","parameter":[{{"name":"rds.force_ssl","value":{v}}}]}}"#
            )
        };
        assert_eq!(judge(&force(r#""1""#)), "pass");
        assert_eq!(judge(&force(r#""0""#)), "fail");
        assert_eq!(judge(&force(r#"{"$unknown":[]}"#)), "unknown");
        assert_eq!(judge(r#"{"family":"postgres16"}"#), "fail");
        assert_eq!(judge(r#"{"family":"sqlserver-se-15.0"}"#), "fail");
        assert_eq!(
            judge(
                r#"{"family":"mysql8.0","parameter":[{"name":"require_secure_transport","value":"1"}]}"#
            ),
            "pass"
        );
        assert_eq!(judge(r#"{"family":"mariadb10.6","parameter":[]}"#), "fail");
        assert_eq!(
            judge(r#"{"family":"db2-ae-11.5","parameter":[{"name":"db2comm","value":"SSL"}]}"#),
            "pass"
        );
        assert_eq!(judge(r#"{"family":"oracle-ee-19"}"#), "pass");
        assert_eq!(judge(r#"{"family":{"$unknown":[]}}"#), "unknown");
    }

    #[test]
    fn instances_without_a_group_in_the_configuration_pass() {
        let db = resource(
            "aws_db_instance",
            r#"{"parameter_group_name":"default.postgres16"}"#,
        );
        assert_eq!(
            evaluate(&db, &Cx::new(std::slice::from_ref(&db))),
            Verdict::Pass
        );
    }

    #[test]
    fn cloudformation_groups_are_found_by_logical_id() {
        let db = resource(
            "AWS::RDS::DBInstance",
            r#"{"Properties":{"DBParameterGroupName":{"$unknown":["Params"]}}}"#,
        );
        let group = |params: &str| {
            named(
                resource(
                    "AWS::RDS::DBParameterGroup",
                    &format!(r#"{{"Properties":{{"Family":"postgres16","Parameters":{params}}}}}"#),
                ),
                "AWS::RDS::DBParameterGroup.Params",
            )
        };
        let good = [db.clone(), group(r#"{"rds.force_ssl":"1"}"#)];
        assert_eq!(evaluate(&db, &Cx::new(&good)), Verdict::Pass);
        let bad = [db.clone(), group(r#"{"rds.force_ssl":"0"}"#)];
        assert!(matches!(evaluate(&db, &Cx::new(&bad)), Verdict::Fail(_)));
    }
}
