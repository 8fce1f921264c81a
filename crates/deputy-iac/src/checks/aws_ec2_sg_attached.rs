//! DPY-AWS-EC2-013: Security group is not attached to any resource.
//!
//! # What it checks
//! Some resource that takes security groups (instances, launch templates, load balancers,
//! databases, Lambda functions, endpoints and about sixty other types, as in Checkov) refers to
//! the `aws_security_group` in the same module, or a module call receives it.
//!
//! # Why it matters
//! Unattached groups accumulate permissive rules nobody reviews, and are later attached to
//! new resources on the strength of their name.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_security_group" "old" {
//!   name = "old"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_security_group" "web" {
//!   name = "web"
//! }
//!
//! resource "aws_instance" "web" {
//!   ami                    = "ami-123"
//!   instance_type          = "t3.micro"
//!   vpc_security_group_ids = [aws_security_group.web.id]
//! }
//! ```
//!
//! # Remediation
//! Attach the group to the resources it is meant for, or delete it.
//!
//! # References
//! - <https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html>

use super::aws::connected_where;
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(SgAttached {
    code: "DPY-AWS-EC2-013",
    checkov: ["CKV2_AWS_5"],
    title: "Security group is not attached to any resource",
    severity: Info,
    reason: "KICS \"Security Group Not Used\" is Info; trivy-checks has no equivalent. An unused group is hygiene, not an exposure",
    targets: [(Terraform, "aws_security_group")],
    description: "Some resource that takes security groups (instances, launch templates, load balancers, databases, Lambda functions, endpoints and about sixty other types, as in Checkov) refers to the `aws_security_group` in the same module, or a module call receives it.",
    remediation: "Attach the group to the resources it is meant for, or delete it.",
    references: ["https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html"],
    differences: [],
});

/// Resource types that take security groups, as Checkov lists them.
const TAKES_GROUPS: &[&str] = &[
    "aws_alb",
    "aws_apigatewayv2_vpc_link",
    "aws_apprunner_vpc_connector",
    "aws_appstream_fleet",
    "aws_batch_compute_environment",
    "aws_cloudwatch_event_target",
    "aws_codebuild_project",
    "aws_codestarconnections_host",
    "aws_dax_cluster",
    "aws_db_instance",
    "aws_dms_replication_config",
    "aws_dms_replication_instance",
    "aws_docdb_cluster",
    "aws_docdbelastic_cluster",
    "aws_ec2_client_vpn_endpoint",
    "aws_ec2_client_vpn_network_association",
    "aws_ec2_instance_connect_endpoint",
    "aws_ec2_spot_fleet_request",
    "aws_ecs_service",
    "aws_efs_mount_target",
    "aws_eks_cluster",
    "aws_eks_node_group",
    "aws_elasticache_cluster",
    "aws_elasticache_replication_group",
    "aws_elasticache_serverless_cache",
    "aws_elasticsearch_domain",
    "aws_elb",
    "aws_emr_cluster",
    "aws_emr_studio",
    "aws_fsx_file_cache",
    "aws_fsx_lustre_file_system",
    "aws_fsx_ontap_file_system",
    "aws_fsx_openzfs_file_system",
    "aws_fsx_windows_file_system",
    "aws_glue_dev_endpoint",
    "aws_grafana_workspace",
    "aws_imagebuilder_infrastructure_configuration",
    "aws_instance",
    "aws_lambda_function",
    "aws_launch_configuration",
    "aws_launch_template",
    "aws_lb",
    "aws_m2_environment",
    "aws_memorydb_cluster",
    "aws_mq_broker",
    "aws_msk_cluster",
    "aws_msk_vpc_connection",
    "aws_mskconnect_connector",
    "aws_mwaa_environment",
    "aws_neptune_cluster",
    "aws_network_interface",
    "aws_opensearch_domain",
    "aws_opensearch_vpc_endpoint",
    "aws_opensearchserverless_vpc_endpoint",
    "aws_quicksight_vpc_connection",
    "aws_rds_cluster",
    "aws_redshift_cluster",
    "aws_redshiftserverless_workgroup",
    "aws_route53_resolver_endpoint",
    "aws_sagemaker_notebook_instance",
    "aws_spot_instance_request",
    "aws_transfer_server",
    "aws_verifiedaccess_endpoint",
    "aws_vpc_endpoint",
    "aws_vpclattice_resource_gateway",
    "aws_vpclattice_service_network_vpc_association",
];

fn evaluate(r: &Resource, cx: &Cx<'_>) -> Verdict {
    // A module call that receives the group passes it to resources inside the module;
    // Checkov's graph follows it there, and Deputy takes the call as the attachment.
    if connected_where(cx, r, |kind| {
        kind == "module" || TAKES_GROUPS.binary_search(&kind).is_ok()
    })
    .next()
    .is_some()
    {
        Verdict::Pass
    } else {
        Verdict::fail("no resource uses the security group")
    }
}
