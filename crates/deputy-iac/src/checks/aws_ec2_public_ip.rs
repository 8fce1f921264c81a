//! DPY-AWS-EC2-008: EC2 instance is given a public IP address.
//!
//! # What it checks
//! `aws_instance` does not set `associate_public_ip_address = true`, nor the first network
//! interface of an `aws_launch_template`; CloudFormation instances and launch templates do not set
//! `AssociatePublicIpAddress: true` on a network interface (one that leaves it out depends on the
//! subnet and gives no verdict).
//!
//! # Why it matters
//! A public address makes the instance reachable from the internet whenever a security group
//! rule allows it; instances behind a load balancer or NAT do not need one.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_instance" "web" {
//!   ami                         = "ami-123"
//!   instance_type               = "t3.micro"
//!   associate_public_ip_address = true
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_instance" "web" {
//!   ami                         = "ami-123"
//!   instance_type               = "t3.micro"
//!   associate_public_ip_address = false
//! }
//! ```
//!
//! # Remediation
//! Place instances in private subnets and reach them through a load balancer, NAT gateway
//! or Systems Manager; do not associate public addresses.
//!
//! # References
//! - <https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing.html>

use super::aws::{must_not_be_true, verdict};
use crate::check::{Cx, Verdict};
use crate::model::{Framework, Resource, Truth, Value};

check!(InstancePublicIp {
    code: "DPY-AWS-EC2-008",
    checkov: ["CKV_AWS_88"],
    title: "EC2 instance is given a public IP address",
    severity: Medium,
    reason: "KICS \"EC2 Instance Has Public IP\" is Medium; trivy-checks AWS-0009 (launch configuration public IP) is High. Medium, as KICS, whose query covers instances: an address with no open ports exposes nothing by itself",
    targets: [
        (Terraform, "aws_instance"),
        (Terraform, "aws_launch_template"),
        (CloudFormation, "AWS::EC2::Instance"),
        (CloudFormation, "AWS::EC2::LaunchTemplate")
    ],
    description: "`aws_instance` does not set `associate_public_ip_address = true`, nor the first network interface of an `aws_launch_template`; CloudFormation instances and launch templates do not set `AssociatePublicIpAddress: true` on a network interface (one that leaves it out depends on the subnet and gives no verdict).",
    remediation: "Place instances in private subnets and reach them through a load balancer, NAT gateway or Systems Manager; do not associate public addresses.",
    references: [
        "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let ok = match (r.framework, r.kind.as_str()) {
        (Framework::CloudFormation, kind) => {
            let path = if kind == "AWS::EC2::Instance" {
                "Properties.NetworkInterfaces"
            } else {
                "Properties.LaunchTemplateData.NetworkInterfaces"
            };
            cfn_interfaces(r.config.path(path))
        }
        (_, "aws_launch_template") => must_not_be_true(
            r.config
                .path("network_interfaces.0.associate_public_ip_address"),
        ),
        _ => must_not_be_true(r.config.get("associate_public_ip_address")),
    };
    verdict(ok, "the instance is given a public IP address")
}

/// CloudFormation network interfaces: one setting `AssociatePublicIpAddress: true` fails;
/// one leaving it out depends on the subnet's default, which the template does not show.
fn cfn_interfaces(interfaces: Option<&Value>) -> Truth {
    let Some(Value::List(interfaces)) = interfaces else {
        return Truth::True;
    };
    for i in interfaces {
        match i.get("AssociatePublicIpAddress") {
            None => return Truth::Unknown,
            Some(v) => {
                if must_not_be_true(Some(v)) == Truth::False {
                    return Truth::False;
                }
            }
        }
    }
    Truth::True
}
