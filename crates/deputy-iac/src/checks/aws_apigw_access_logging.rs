//! DPY-AWS-APIGW-001: API Gateway stage has no access logging.
//!
//! # What it checks
//! API Gateway stages set `access_log_settings { destination_arn = … }` (CloudFormation and SAM
//! `AccessLogSetting.DestinationArn`).
//!
//! # Why it matters
//! Access logs record every caller, path and status, which is how abuse of an API and
//! credential stuffing are found and traced.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_api_gateway_stage" "prod" {
//!   stage_name    = "prod"
//!   rest_api_id   = aws_api_gateway_rest_api.api.id
//!   deployment_id = aws_api_gateway_deployment.api.id
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_api_gateway_stage" "prod" {
//!   stage_name    = "prod"
//!   rest_api_id   = aws_api_gateway_rest_api.api.id
//!   deployment_id = aws_api_gateway_deployment.api.id
//!   access_log_settings {
//!     destination_arn = aws_cloudwatch_log_group.api.arn
//!     format          = "$context.requestId $context.identity.sourceIp $context.status"
//!   }
//! }
//! ```
//!
//! # Remediation
//! Configure `access_log_settings` with a CloudWatch log group.
//!
//! # References
//! - <https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html>

use super::aws::{must_be_set, setting_at, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(ApiGatewayAccessLogging {
    code: "DPY-AWS-APIGW-001",
    checkov: ["CKV_AWS_76"],
    title: "API Gateway stage has no access logging",
    severity: Medium,
    reason: "trivy-checks AWS-0001 (API Gateway access logging) is Medium; KICS \"API Gateway Access Logging Disabled\" is Medium",
    targets: [
        (Terraform, "aws_api_gateway_stage"),
        (Terraform, "aws_apigatewayv2_stage"),
        (CloudFormation, "AWS::ApiGateway::Stage"),
        (CloudFormation, "AWS::Serverless::Api")
    ],
    description: "API Gateway stages set `access_log_settings { destination_arn = … }` (CloudFormation and SAM `AccessLogSetting.DestinationArn`).",
    remediation: "Configure `access_log_settings` with a CloudWatch log group.",
    references: [
        "https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_set(setting_at(
            r,
            "access_log_settings.destination_arn",
            "AccessLogSetting.DestinationArn",
        )),
        "access logging is not configured",
    )
}
