use super::*;
use crate::checks::aws::fixture::resource;

/// One case: a resource written as JSON, a port, and whether it is open to the world in
/// the direction the case's resource kind or `egress` marker says.
fn check(kind: &str, config: &str, port: i64, want: Truth) {
    let (kind, dir) = match kind.strip_prefix("egress:") {
        Some(k) => (k, Direction::Egress),
        None => (kind, Direction::Ingress),
    };
    let r = resource(kind, config);
    assert_eq!(
        opens_to_world(&r, port, dir),
        want,
        "{kind} {config} port {port} {dir:?}"
    );
}

#[test]
fn ingress_rules_in_every_form() {
    use Truth::{False, True, Unknown};
    let sg = "aws_security_group";
    let rule = "aws_security_group_rule";
    let vpc = "aws_vpc_security_group_ingress_rule";
    let cases: &[(&str, &str, i64, Truth)] = &[
        (
            sg,
            r#"{"ingress":[{"from_port":22,"to_port":22,"cidr_blocks":["0.0.0.0/0"]}]}"#,
            22,
            True,
        ),
        (
            sg,
            r#"{"ingress":[{"from_port":22,"to_port":22,"cidr_blocks":["10.0.0.0/8"]}]}"#,
            22,
            False,
        ),
        (
            sg,
            r#"{"ingress":[{"from_port":0,"to_port":0,"ipv6_cidr_blocks":["::/0"]}]}"#,
            3389,
            True,
        ),
        (
            sg,
            r#"{"ingress":[{"from_port":0,"to_port":0,"protocol":"-1","cidr_blocks":["0.0.0.0/0"]}]}"#,
            -1,
            True,
        ),
        (
            sg,
            r#"{"ingress":[{"from_port":0,"to_port":65535,"protocol":"tcp","cidr_blocks":["0.0.0.0/0"]}]}"#,
            -1,
            False,
        ),
        (
            sg,
            r#"{"ingress":[{"from_port":22,"to_port":22}]}"#,
            22,
            True,
        ),
        (
            sg,
            r#"{"ingress":[{"from_port":22,"to_port":22,"security_groups":["sg-1"]}]}"#,
            22,
            False,
        ),
        (
            sg,
            r#"{"ingress":[{"from_port":22,"to_port":22,"security_groups":["sg-1"],"cidr_blocks":["0.0.0.0/0"]}]}"#,
            22,
            True,
        ),
        (
            sg,
            r#"{"ingress":[{"from_port":22,"to_port":22,"self":true,"cidr_blocks":["0.0.0.0/0"]}]}"#,
            22,
            False,
        ),
        (
            sg,
            r#"{"ingress":[{"from_port":22,"to_port":22,"prefix_list_ids":["pl-1"],"cidr_blocks":["0.0.0.0/0"]}]}"#,
            22,
            False,
        ),
        (
            sg,
            r#"{"ingress":[{"from_port":22,"to_port":22,"cidr_blocks":{"$unknown":[]}}]}"#,
            22,
            Unknown,
        ),
        (
            sg,
            r#"{"ingress":[{"from_port":{"$unknown":[]},"to_port":22,"cidr_blocks":["0.0.0.0/0"]}]}"#,
            22,
            Unknown,
        ),
        (
            sg,
            r#"{"ingress":[{"from_port":80,"to_port":80,"cidr_blocks":["0.0.0.0/0"]}]}"#,
            22,
            False,
        ),
        (
            sg,
            r#"{"egress":[{"from_port":0,"to_port":0,"cidr_blocks":["0.0.0.0/0"]}]}"#,
            22,
            False,
        ),
        (sg, r#"{"ingress":{"$unknown":[]}}"#, 22, Unknown),
        (
            rule,
            r#"{"type":"ingress","from_port":"22","to_port":"22","cidr_blocks":["0.0.0.0/0"]}"#,
            22,
            True,
        ),
        (
            rule,
            r#"{"type":"egress","from_port":22,"to_port":22,"cidr_blocks":["0.0.0.0/0"]}"#,
            22,
            Unknown,
        ),
        (
            rule,
            r#"{"type":"ingress","from_port":22,"to_port":22,"source_security_group_id":{"$unknown":["aws_security_group.a"]}}"#,
            22,
            False,
        ),
        (
            vpc,
            r#"{"from_port":22,"to_port":22,"cidr_ipv4":"0.0.0.0/0"}"#,
            22,
            True,
        ),
        (
            vpc,
            r#"{"from_port":22,"to_port":22,"cidr_ipv4":"10.0.0.0/8"}"#,
            22,
            False,
        ),
        (
            vpc,
            r#"{"ip_protocol":"-1","cidr_ipv4":"0.0.0.0/0"}"#,
            22,
            False,
        ),
        (
            "AWS::EC2::SecurityGroup",
            r#"{"Properties":{"SecurityGroupIngress":[{"FromPort":"22","ToPort":22,"CidrIp":"0.0.0.0/0"}]}}"#,
            22,
            True,
        ),
        (
            "AWS::EC2::SecurityGroup",
            r#"{"Properties":{"SecurityGroupIngress":[{"FromPort":22,"ToPort":22,"CidrIp":"10.1.0.0/16"}]}}"#,
            22,
            False,
        ),
        (
            "AWS::EC2::SecurityGroup",
            r#"{"Properties":{"SecurityGroupIngress":[{"IpProtocol":"-1","CidrIp":"0.0.0.0/0"}]}}"#,
            22,
            False,
        ),
        (
            "AWS::EC2::SecurityGroupIngress",
            r#"{"Properties":{"FromPort":3389,"ToPort":3389,"CidrIpv6":"::/0"}}"#,
            3389,
            True,
        ),
        (
            "egress:aws_security_group",
            r#"{"egress":[{"from_port":0,"to_port":0,"protocol":"-1","cidr_blocks":["0.0.0.0/0"]}]}"#,
            -1,
            True,
        ),
        (
            "egress:aws_security_group",
            r#"{"ingress":[{"from_port":0,"to_port":0,"protocol":"-1","cidr_blocks":["0.0.0.0/0"]}]}"#,
            -1,
            False,
        ),
        (
            "egress:aws_security_group_rule",
            r#"{"type":"egress","from_port":0,"to_port":0,"protocol":"-1","cidr_blocks":["0.0.0.0/0"]}"#,
            -1,
            True,
        ),
        (
            "egress:aws_security_group_rule",
            r#"{"type":"ingress","from_port":0,"to_port":0,"protocol":"-1","cidr_blocks":["0.0.0.0/0"]}"#,
            -1,
            Unknown,
        ),
        (
            "egress:aws_vpc_security_group_egress_rule",
            r#"{"from_port":0,"to_port":0,"ip_protocol":"-1","cidr_ipv4":"0.0.0.0/0"}"#,
            -1,
            True,
        ),
    ];
    for (kind, config, port, want) in cases {
        check(kind, config, *port, *want);
    }
}
