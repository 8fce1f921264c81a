//! The check catalog: one check per file, one registry table.
//!
//! Adding a check: see CONTRIBUTING.md ("Add an IaC check").

mod ali_actiontrail_all_events;
mod ali_actiontrail_all_regions;
mod ali_oss_access_logging;
mod ali_oss_cmk;
mod ali_oss_public;
mod ali_oss_transfer_acceleration;
mod ali_oss_versioning;
mod ali_rds_log_connections;
mod ali_rds_log_disconnections;
mod ali_rds_log_duration;
mod ali_rds_minor_upgrade;
mod ali_rds_public;
mod ali_rds_sql_collector_retention;
mod ali_rds_ssl;
mod aws;
mod aws_apigw_access_logging;
mod aws_cloudfront_logging;
mod aws_cloudtrail_kms;
mod aws_cloudtrail_log_validation;
mod aws_cloudtrail_multi_region;
mod aws_dynamodb_pitr;
mod aws_ec2_attached_volume_encrypted;
mod aws_ec2_az_pinned;
mod aws_ec2_detailed_monitoring;
mod aws_ec2_ebs_optimized;
mod aws_ec2_ebs_volume_cmk;
mod aws_ec2_ebs_volume_encryption;
mod aws_ec2_eip_attached;
mod aws_ec2_iam_role;
mod aws_ec2_imdsv2;
mod aws_ec2_launch_ebs_encryption;
mod aws_ec2_public_ip;
mod aws_ec2_sg_attached;
mod aws_ec2_sg_description;
mod aws_ec2_sg_egress_all;
mod aws_ec2_sg_ingress_all;
mod aws_ec2_sg_ingress_http;
mod aws_ec2_sg_ingress_rdp;
mod aws_ec2_sg_ingress_ssh;
mod aws_ecr_immutable_tags;
mod aws_ecr_kms;
mod aws_ecr_scan_on_push;
mod aws_eks_control_plane_logging;
mod aws_eks_public_cidrs;
mod aws_eks_public_endpoint;
mod aws_eks_secrets_encryption;
mod aws_elasticsearch_audit_logging;
mod aws_elasticsearch_cmk;
mod aws_elasticsearch_dedicated_master;
mod aws_elasticsearch_default_sg;
mod aws_elasticsearch_encryption;
mod aws_elasticsearch_fine_grained_access;
mod aws_elasticsearch_in_vpc;
mod aws_elasticsearch_logging;
mod aws_elasticsearch_master_ha;
mod aws_elasticsearch_tls_policy;
mod aws_elb_access_logs;
mod aws_elb_certificate;
mod aws_elb_drop_invalid_headers;
mod aws_elb_listener_tls;
mod aws_iam_admin_managed_policy;
mod aws_iam_document_admin;
mod aws_iam_document_credentials_exposure;
mod aws_iam_document_data_exfiltration;
mod aws_iam_document_permissions_management;
mod aws_iam_document_privilege_escalation;
mod aws_iam_document_public_principal;
mod aws_iam_document_star_resource;
mod aws_iam_document_write_access;
mod aws_iam_group_has_user;
mod aws_iam_group_membership_user;
mod aws_iam_password_expiry;
mod aws_iam_password_length;
mod aws_iam_password_lowercase;
mod aws_iam_password_numbers;
mod aws_iam_password_reuse;
mod aws_iam_password_symbols;
mod aws_iam_password_uppercase;
mod aws_iam_policy_admin;
mod aws_iam_policy_credentials_exposure;
mod aws_iam_policy_data_exfiltration;
mod aws_iam_policy_full_iam;
mod aws_iam_policy_on_user;
mod aws_iam_policy_permissions_management;
mod aws_iam_policy_privilege_escalation;
mod aws_iam_policy_star_action;
mod aws_iam_policy_star_resource;
mod aws_iam_policy_write_access;
mod aws_iam_user_console_access;
mod aws_iam_user_defined;
mod aws_kms_key_policy;
mod aws_kms_rotation;
mod aws_lambda_code_signing;
mod aws_lambda_concurrency;
mod aws_lambda_deprecated_runtime;
mod aws_lambda_dlq;
mod aws_lambda_env_encryption;
mod aws_lambda_in_vpc;
mod aws_lambda_url_auth;
mod aws_lambda_xray;
mod aws_logs_kms;
mod aws_logs_retention;
mod aws_logs_retention_set;
mod aws_neptune_backup_retention;
mod aws_neptune_cmk;
mod aws_neptune_copy_tags;
mod aws_neptune_deletion_protection;
mod aws_neptune_iam_auth;
mod aws_neptune_logging;
mod aws_neptune_snapshot_cmk;
mod aws_neptune_snapshot_encrypted;
mod aws_neptune_storage_encrypted;
mod aws_rds_backup_retention;
mod aws_rds_cluster_audit_logging;
mod aws_rds_cluster_backtrack;
mod aws_rds_cluster_backup_plan;
mod aws_rds_cluster_cmk;
mod aws_rds_cluster_copy_tags;
mod aws_rds_cluster_deletion_protection;
mod aws_rds_cluster_iam_auth;
mod aws_rds_cluster_logging;
mod aws_rds_cluster_storage_encrypted;
mod aws_rds_enhanced_monitoring;
mod aws_rds_instance_copy_tags;
mod aws_rds_instance_deletion_protection;
mod aws_rds_instance_encrypted;
mod aws_rds_instance_iam_auth;
mod aws_rds_instance_logging;
mod aws_rds_instance_multi_az;
mod aws_rds_instance_public;
mod aws_rds_instance_tls;
mod aws_rds_minor_upgrade;
mod aws_redshift_encryption;
mod aws_s3_abort_multipart;
mod aws_s3_access_logging;
mod aws_s3_acls_disabled;
mod aws_s3_block_public_acls;
mod aws_s3_block_public_policy;
mod aws_s3_encryption;
mod aws_s3_event_notifications;
mod aws_s3_ignore_public_acls;
mod aws_s3_kms_default;
mod aws_s3_lifecycle;
mod aws_s3_object_cmk;
mod aws_s3_public_access_block;
mod aws_s3_public_read_acl;
mod aws_s3_public_write_acl;
mod aws_s3_replication;
mod aws_s3_restrict_public_buckets;
mod aws_s3_versioning;
mod aws_secrets_ec2_user_data;
mod aws_secrets_lambda_env;
mod aws_secrets_provider_keys;
mod aws_sns_encryption;
mod aws_sqs_encryption;
mod aws_vpc_default_sg_restricts_all;
mod aws_vpc_default_vpc;
mod aws_vpc_flow_logs;
mod aws_vpc_subnet_public_ip;
mod azure_agw_https_listener;
mod azure_agw_ssl_policy;
mod azure_agw_waf;
mod azure_aks_authorized_ips;
mod azure_aks_azure_cni;
mod azure_aks_critical_system_pods;
mod azure_aks_dashboard;
mod azure_aks_disk_encryption_set;
mod azure_aks_ephemeral_os_disk;
mod azure_aks_host_encryption;
mod azure_aks_local_accounts;
mod azure_aks_logging;
mod azure_aks_max_pods;
mod azure_aks_network_policy;
mod azure_aks_paid_sku;
mod azure_aks_policy_addon;
mod azure_aks_private_cluster;
mod azure_aks_rbac;
mod azure_aks_secret_rotation;
mod azure_aks_upgrade_channel;
mod azure_app_authentication;
mod azure_app_azure_files;
mod azure_app_client_cert;
mod azure_app_detailed_errors;
mod azure_app_failed_request_tracing;
mod azure_app_ftps;
mod azure_app_health_check;
mod azure_app_http2;
mod azure_app_http_logs;
mod azure_app_https_only;
mod azure_app_identity;
mod azure_app_identity_type;
mod azure_app_tls;
mod azure_common_a;
mod azure_common_b;
mod azure_disk_encryption;
mod azure_disk_encryption_set;
mod azure_disk_public_access;
mod azure_iam_custom_owner_role;
mod azure_kv_firewall;
mod azure_kv_key_expiry;
mod azure_kv_key_hsm;
mod azure_kv_private_endpoint;
mod azure_kv_public_network;
mod azure_kv_purge_protection;
mod azure_kv_recoverable;
mod azure_kv_secret_content_type;
mod azure_kv_secret_expiry;
mod azure_mon_log_categories;
mod azure_mon_log_retention;
mod azure_mysql_cmk;
mod azure_mysql_geo_backup;
mod azure_mysql_private_endpoint;
mod azure_mysql_public_access;
mod azure_mysql_ssl;
mod azure_mysql_threat_detection;
mod azure_mysql_tls;
mod azure_net_flow_log_retention;
mod azure_net_nsg_rdp;
mod azure_net_nsg_ssh;
mod azure_net_subnet_nsg;
mod azure_pg_connection_throttling;
mod azure_pg_geo_backup;
mod azure_pg_infra_encryption;
mod azure_pg_log_checkpoints;
mod azure_pg_private_endpoint;
mod azure_pg_public_access;
mod azure_pg_ssl;
mod azure_pg_threat_detection;
mod azure_pg_tls;
mod azure_sec_contact_admins;
mod azure_sec_contact_alerts;
mod azure_sec_contact_phone;
mod azure_sec_standard_pricing;
mod azure_sql_ad_admin;
mod azure_sql_ad_auth;
mod azure_sql_alert_admins;
mod azure_sql_alert_emails;
mod azure_sql_audit_retention;
mod azure_sql_auditing;
mod azure_sql_private_endpoint;
mod azure_sql_public_access;
mod azure_sql_threat_types;
mod azure_sql_tls;
mod azure_storage_blob_anonymous;
mod azure_storage_blob_public;
mod azure_storage_cmk;
mod azure_storage_min_tls;
mod azure_storage_private_endpoint;
mod azure_storage_public_network;
mod azure_storage_queue_logging;
mod azure_storage_replication;
mod azure_storage_sas_expiration;
mod azure_storage_shared_key;
mod azure_storage_soft_delete;
mod azure_storage_trusted_services;
mod azure_vm_basic_auth;
mod azure_vm_extensions;
mod azure_vm_password_auth;
mod azure_vm_ssh_key;
mod azure_vm_windows_host_encryption;
mod cloud_common_c;
mod docker_add;
mod docker_alias_unique;
mod docker_apk_untrusted;
mod docker_apt;
mod docker_apt_force_yes;
mod docker_apt_unauthenticated;
mod docker_chpasswd;
mod docker_curl_insecure;
mod docker_expose_ssh;
mod docker_git_ssl_no_verify;
mod docker_healthcheck;
mod docker_instructions;
mod docker_latest_tag;
mod docker_maintainer;
mod docker_node_tls_reject;
mod docker_npm_strict_ssl_config;
mod docker_npm_strict_ssl_env;
mod docker_pip_trusted_host;
mod docker_pip_trusted_host_env;
mod docker_python_https_verify;
mod docker_root_user;
mod docker_rpm_nosignature;
mod docker_sudo;
mod docker_update_alone;
mod docker_user_exists;
mod docker_wget_no_check;
mod docker_workdir_absolute;
mod docker_yum_nogpgcheck;
mod docker_yum_sslverify;
mod gcp_bq_dataset_cmk;
mod gcp_bq_public_dataset;
mod gcp_common;
mod gcp_compute_block_project_ssh_keys;
mod gcp_compute_boot_disk_csek;
mod gcp_compute_disk_csek;
mod gcp_compute_ip_forward;
mod gcp_compute_oslogin_override;
mod gcp_compute_public_ip;
mod gcp_compute_serial_port;
mod gcp_compute_shielded_vm;
mod gcp_fw_ingress_ftp;
mod gcp_fw_ingress_ftp_data;
mod gcp_fw_ingress_http;
mod gcp_fw_ingress_mysql;
mod gcp_fw_ingress_rdp;
mod gcp_fw_ingress_ssh;
mod gcp_gcs_access_logging;
mod gcp_gcs_public_access_prevention;
mod gcp_gcs_public_iam;
mod gcp_gcs_uniform_access;
mod gcp_gcs_versioning;
mod gcp_gke_alias_ip;
mod gcp_gke_binary_authorization;
mod gcp_gke_client_certificate;
mod gcp_gke_google_groups_rbac;
mod gcp_gke_intranode_visibility;
mod gcp_gke_labels;
mod gcp_gke_legacy_abac;
mod gcp_gke_logging;
mod gcp_gke_metadata_server;
mod gcp_gke_monitoring;
mod gcp_gke_network_policy;
mod gcp_gke_node_auto_repair;
mod gcp_gke_node_auto_upgrade;
mod gcp_gke_private_cluster;
mod gcp_gke_private_nodes;
mod gcp_gke_public_control_plane;
mod gcp_gke_release_channel;
mod gcp_gke_secure_boot;
mod gcp_net_subnet_flow_logs;
mod gcp_net_subnet_private_access;
mod gcp_sql_backup;
mod gcp_sql_major_version;
mod gcp_sql_open_to_world;
mod gcp_sql_pg_log_checkpoints;
mod gcp_sql_pg_log_connections;
mod gcp_sql_pg_log_disconnections;
mod gcp_sql_pg_log_duration;
mod gcp_sql_pg_log_hostname;
mod gcp_sql_pg_log_lock_waits;
mod gcp_sql_pg_log_min_error_statement;
mod gcp_sql_pg_log_statement;
mod gcp_sql_pg_pgaudit;
mod gcp_sql_public_ip;
mod gcp_sql_require_ssl;
mod gha_curl_secrets;
mod gha_dispatch_inputs;
mod gha_netcat_ip;
mod gha_shell_injection;
#[cfg(test)]
mod gha_testing;
mod gha_top_level_permissions;
mod gha_unsecure_commands;
mod k8s;
mod k8s_added_capabilities;
mod k8s_container_security_context;
mod k8s_cpu_limits;
mod k8s_cpu_requests;
mod k8s_default_namespace;
mod k8s_default_service_account;
mod k8s_default_service_account_binding;
mod k8s_docker_socket;
mod k8s_drop_all_capabilities;
mod k8s_high_uid;
mod k8s_host_ipc;
mod k8s_host_network;
mod k8s_host_pid;
mod k8s_host_port;
mod k8s_image_digest;
mod k8s_image_pull_policy;
mod k8s_image_tag;
mod k8s_liveness_probe;
mod k8s_memory_limits;
mod k8s_memory_requests;
mod k8s_net_raw;
mod k8s_network_policy;
mod k8s_pod_security_context;
mod k8s_privilege_escalation;
mod k8s_privileged;
mod k8s_psp_added_capabilities;
mod k8s_psp_drop_capabilities;
mod k8s_psp_host_ipc;
mod k8s_psp_host_network;
mod k8s_psp_host_pid;
mod k8s_psp_net_raw;
mod k8s_psp_privilege_escalation;
mod k8s_psp_privileged;
mod k8s_psp_root;
mod k8s_psp_seccomp;
mod k8s_rbac_approve_csr;
mod k8s_rbac_bind;
mod k8s_rbac_escalate;
mod k8s_rbac_webhooks;
mod k8s_read_all_secrets;
mod k8s_read_only_root;
mod k8s_readiness_probe;
mod k8s_run_as_root;
mod k8s_seccomp;
mod k8s_secrets_env;
mod k8s_service_account_token;
mod k8s_sys_admin;
mod k8s_wildcard_roles;
mod oci_bucket_cmk;
mod oci_bucket_events;
mod oci_bucket_public;
mod oci_bucket_versioning;
mod secret_aws_access_key;
mod secret_base64_high_entropy;
mod tf_module_source_pinned;

use crate::check::Check;

/// Every check, ordered by code. Codes are never reused; a retired check's code stays
/// reserved.
pub(crate) static ALL: &[&dyn Check] = &[
    &ali_oss_public::OssPublic,
    &ali_oss_versioning::OssVersioning,
    &ali_oss_transfer_acceleration::OssTransferAcceleration,
    &ali_oss_access_logging::OssAccessLogging,
    &ali_oss_cmk::OssCmk,
    &ali_rds_sql_collector_retention::RdsSqlCollectorRetention,
    &ali_rds_log_duration::RdsLogDuration,
    &ali_rds_log_disconnections::RdsLogDisconnections,
    &ali_rds_ssl::RdsSsl,
    &ali_rds_public::RdsPublic,
    &ali_rds_minor_upgrade::RdsMinorUpgrade,
    &ali_rds_log_connections::RdsLogConnections,
    &ali_actiontrail_all_regions::ActionTrailAllRegions,
    &ali_actiontrail_all_events::ActionTrailAllEvents,
    &aws_apigw_access_logging::ApiGatewayAccessLogging,
    &aws_cloudfront_logging::CloudFrontLogging,
    &aws_cloudtrail_kms::CloudTrailKms,
    &aws_cloudtrail_log_validation::CloudTrailLogValidation,
    &aws_cloudtrail_multi_region::CloudTrailMultiRegion,
    &aws_dynamodb_pitr::DynamodbPitr,
    &aws_ec2_sg_ingress_ssh::SgIngressSsh,
    &aws_ec2_sg_ingress_rdp::SgIngressRdp,
    &aws_ec2_sg_ingress_http::SgIngressHttp,
    &aws_ec2_sg_ingress_all::SgIngressAll,
    &aws_ec2_imdsv2::Imdsv2Required,
    &aws_ec2_launch_ebs_encryption::LaunchEbsEncryption,
    &aws_ec2_ebs_volume_encryption::EbsVolumeEncryption,
    &aws_ec2_public_ip::InstancePublicIp,
    &aws_ec2_detailed_monitoring::DetailedMonitoring,
    &aws_ec2_ebs_optimized::EbsOptimized,
    &aws_ec2_sg_egress_all::SgEgressAll,
    &aws_ec2_sg_description::SgDescription,
    &aws_ec2_sg_attached::SgAttached,
    &aws_ec2_ebs_volume_cmk::EbsVolumeCmk,
    &aws_ec2_iam_role::Ec2IamRole,
    &aws_ec2_eip_attached::EipAttached,
    &aws_ec2_attached_volume_encrypted::AttachedVolumeEncrypted,
    &aws_ec2_az_pinned::AzPinned,
    &aws_ecr_immutable_tags::EcrImmutableTags,
    &aws_ecr_scan_on_push::EcrScanOnPush,
    &aws_ecr_kms::EcrKms,
    &aws_eks_public_endpoint::EksPublicEndpoint,
    &aws_eks_secrets_encryption::EksSecretsEncryption,
    &aws_eks_control_plane_logging::EksControlPlaneLogging,
    &aws_eks_public_cidrs::EksPublicCidrs,
    &aws_elb_drop_invalid_headers::AlbDropInvalidHeaders,
    &aws_elb_access_logs::ElbAccessLogs,
    &aws_elb_listener_tls::ElbListenerTls,
    &aws_elb_certificate::ElbCertificate,
    &aws_elasticsearch_encryption::SearchEncryptionAtRest,
    &aws_elasticsearch_logging::SearchLogging,
    &aws_elasticsearch_audit_logging::SearchAuditLogging,
    &aws_elasticsearch_cmk::SearchCmk,
    &aws_elasticsearch_in_vpc::SearchInVpc,
    &aws_elasticsearch_tls_policy::SearchTlsPolicy,
    &aws_elasticsearch_master_ha::SearchMasterHa,
    &aws_elasticsearch_default_sg::SearchDefaultSg,
    &aws_elasticsearch_fine_grained_access::SearchFineGrainedAccess,
    &aws_elasticsearch_dedicated_master::SearchDedicatedMaster,
    &aws_iam_policy_admin::PolicyFullAdmin,
    &aws_iam_policy_star_action::PolicyStarAction,
    &aws_iam_document_admin::DocumentFullAdmin,
    &aws_iam_policy_on_user::PolicyOnUser,
    &aws_iam_admin_managed_policy::AdminManagedPolicy,
    &aws_iam_user_defined::IamUserDefined,
    &aws_iam_user_console_access::UserConsoleAccess,
    &aws_iam_password_expiry::PasswordExpiry,
    &aws_iam_password_length::PasswordLength,
    &aws_iam_password_lowercase::PasswordLowercase,
    &aws_iam_password_numbers::PasswordNumbers,
    &aws_iam_password_reuse::PasswordReuse,
    &aws_iam_password_symbols::PasswordSymbols,
    &aws_iam_password_uppercase::PasswordUppercase,
    &aws_iam_document_credentials_exposure::DocumentCredentialsExposure,
    &aws_iam_document_data_exfiltration::DocumentDataExfiltration,
    &aws_iam_document_permissions_management::DocumentPermissionsManagement,
    &aws_iam_document_privilege_escalation::DocumentPrivilegeEscalation,
    &aws_iam_document_write_access::DocumentWriteAccess,
    &aws_iam_document_star_resource::DocumentStarResource,
    &aws_iam_policy_privilege_escalation::PolicyPrivilegeEscalation,
    &aws_iam_policy_credentials_exposure::PolicyCredentialsExposure,
    &aws_iam_policy_data_exfiltration::PolicyDataExfiltration,
    &aws_iam_policy_permissions_management::PolicyPermissionsManagement,
    &aws_iam_policy_write_access::PolicyWriteAccess,
    &aws_iam_policy_star_resource::PolicyStarResource,
    &aws_iam_policy_full_iam::PolicyFullIam,
    &aws_iam_group_membership_user::GroupMembershipUser,
    &aws_iam_group_has_user::GroupHasUser,
    &aws_iam_document_public_principal::DocumentPublicPrincipal,
    &aws_kms_rotation::KmsRotation,
    &aws_kms_key_policy::KmsKeyPolicy,
    &aws_lambda_xray::LambdaXray,
    &aws_lambda_url_auth::LambdaUrlAuth,
    &aws_lambda_in_vpc::LambdaInVpc,
    &aws_lambda_dlq::LambdaDlq,
    &aws_lambda_concurrency::LambdaConcurrency,
    &aws_lambda_deprecated_runtime::LambdaDeprecatedRuntime,
    &aws_lambda_env_encryption::LambdaEnvEncryption,
    &aws_lambda_code_signing::LambdaCodeSigning,
    &aws_logs_retention::LogRetention,
    &aws_logs_kms::LogGroupKms,
    &aws_logs_retention_set::LogRetentionSet,
    &aws_neptune_storage_encrypted::NeptuneStorageEncrypted,
    &aws_neptune_cmk::NeptuneCmk,
    &aws_neptune_logging::NeptuneLogging,
    &aws_neptune_iam_auth::NeptuneIamAuth,
    &aws_neptune_copy_tags::NeptuneCopyTags,
    &aws_neptune_backup_retention::NeptuneBackupRetention,
    &aws_neptune_deletion_protection::NeptuneDeletionProtection,
    &aws_neptune_snapshot_encrypted::NeptuneSnapshotEncrypted,
    &aws_neptune_snapshot_cmk::NeptuneSnapshotCmk,
    &aws_rds_cluster_deletion_protection::ClusterDeletionProtection,
    &aws_rds_cluster_iam_auth::ClusterIamAuth,
    &aws_rds_cluster_copy_tags::ClusterCopyTags,
    &aws_rds_cluster_cmk::ClusterCmk,
    &aws_rds_cluster_storage_encrypted::ClusterStorageEncrypted,
    &aws_rds_cluster_audit_logging::ClusterAuditLogging,
    &aws_rds_cluster_backtrack::ClusterBacktrack,
    &aws_rds_cluster_logging::ClusterLogging,
    &aws_rds_instance_encrypted::InstanceEncrypted,
    &aws_rds_instance_public::InstancePublic,
    &aws_rds_instance_deletion_protection::InstanceDeletionProtection,
    &aws_rds_instance_multi_az::InstanceMultiAz,
    &aws_rds_enhanced_monitoring::EnhancedMonitoring,
    &aws_rds_minor_upgrade::MinorUpgrade,
    &aws_rds_instance_logging::InstanceLogging,
    &aws_rds_instance_iam_auth::InstanceIamAuth,
    &aws_rds_backup_retention::BackupRetention,
    &aws_rds_cluster_backup_plan::ClusterBackupPlan,
    &aws_rds_instance_copy_tags::InstanceCopyTags,
    &aws_rds_instance_tls::InstanceTls,
    &aws_redshift_encryption::RedshiftEncryption,
    &aws_s3_access_logging::S3AccessLogging,
    &aws_s3_versioning::S3Versioning,
    &aws_s3_encryption::S3Encryption,
    &aws_s3_kms_default::S3KmsByDefault,
    &aws_s3_replication::S3Replication,
    &aws_s3_public_access_block::S3PublicAccessBlock,
    &aws_s3_public_read_acl::S3PublicReadAcl,
    &aws_s3_public_write_acl::S3PublicWriteAcl,
    &aws_s3_lifecycle::S3Lifecycle,
    &aws_s3_event_notifications::S3EventNotifications,
    &aws_s3_acls_disabled::S3AclsDisabled,
    &aws_s3_block_public_acls::S3BlockPublicAcls,
    &aws_s3_block_public_policy::S3BlockPublicPolicy,
    &aws_s3_ignore_public_acls::S3IgnorePublicAcls,
    &aws_s3_restrict_public_buckets::S3RestrictPublicBuckets,
    &aws_s3_abort_multipart::S3AbortMultipart,
    &aws_s3_object_cmk::S3ObjectCmk,
    &aws_secrets_provider_keys::ProviderHardCodedKeys,
    &aws_secrets_lambda_env::LambdaEnvSecrets,
    &aws_secrets_ec2_user_data::Ec2UserDataSecrets,
    &aws_sns_encryption::SnsEncryption,
    &aws_sqs_encryption::SqsEncryption,
    &aws_vpc_subnet_public_ip::SubnetPublicIp,
    &aws_vpc_default_sg_restricts_all::DefaultSgRestrictsAll,
    &aws_vpc_default_vpc::DefaultVpcManaged,
    &aws_vpc_flow_logs::VpcFlowLogs,
    &azure_agw_https_listener::AgwHttpsListener,
    &azure_agw_ssl_policy::AgwSslPolicy,
    &azure_agw_waf::AgwWaf,
    &azure_aks_host_encryption::AksHostEncryption,
    &azure_aks_max_pods::AksMaxPods,
    &azure_aks_policy_addon::AksPolicyAddon,
    &azure_aks_upgrade_channel::AksUpgradeChannel,
    &azure_aks_critical_system_pods::AksCriticalSystemPods,
    &azure_aks_authorized_ips::AksAuthorizedIps,
    &azure_aks_dashboard::AksDashboard,
    &azure_aks_azure_cni::AksAzureCni,
    &azure_aks_private_cluster::AksPrivateCluster,
    &azure_aks_local_accounts::AksLocalAccounts,
    &azure_aks_paid_sku::AksPaidSku,
    &azure_aks_secret_rotation::AksSecretRotation,
    &azure_aks_ephemeral_os_disk::AksEphemeralOsDisk,
    &azure_aks_disk_encryption_set::AksDiskEncryptionSet,
    &azure_aks_logging::AksLogging,
    &azure_aks_rbac::AksRbac,
    &azure_aks_network_policy::AksNetworkPolicy,
    &azure_app_authentication::AppAuthentication,
    &azure_app_detailed_errors::AppDetailedErrors,
    &azure_app_tls::AppTlsVersion,
    &azure_app_client_cert::AppClientCert,
    &azure_app_http_logs::AppHttpLogs,
    &azure_app_failed_request_tracing::AppFailedRequestTracing,
    &azure_app_ftps::AppFtps,
    &azure_app_azure_files::AppAzureFiles,
    &azure_app_https_only::AppHttpsOnly,
    &azure_app_identity::AppIdentity,
    &azure_app_http2::AppHttp2,
    &azure_app_health_check::AppHealthCheck,
    &azure_app_identity_type::AppIdentityType,
    &azure_disk_encryption::ManagedDiskEncryption,
    &azure_disk_public_access::ManagedDiskPublicAccess,
    &azure_disk_encryption_set::ManagedDiskEncryptionSet,
    &azure_iam_custom_owner_role::IamCustomOwnerRole,
    &azure_kv_public_network::KeyVaultPublicNetwork,
    &azure_kv_recoverable::KeyVaultRecoverable,
    &azure_kv_firewall::KeyVaultFirewall,
    &azure_kv_purge_protection::KeyVaultPurgeProtection,
    &azure_kv_private_endpoint::KeyVaultPrivateEndpoint,
    &azure_kv_key_hsm::KeyVaultKeyHsm,
    &azure_kv_key_expiry::KeyVaultKeyExpiry,
    &azure_kv_secret_content_type::KeyVaultSecretContentType,
    &azure_kv_secret_expiry::KeyVaultSecretExpiry,
    &azure_mon_log_retention::MonLogRetention,
    &azure_mon_log_categories::MonLogCategories,
    &azure_mysql_geo_backup::MysqlGeoBackup,
    &azure_mysql_threat_detection::MysqlThreatDetection,
    &azure_mysql_public_access::MysqlPublicAccess,
    &azure_mysql_cmk::MysqlCmk,
    &azure_mysql_private_endpoint::MysqlPrivateEndpoint,
    &azure_mysql_ssl::MysqlSslEnforced,
    &azure_mysql_tls::MysqlTlsVersion,
    &azure_net_nsg_ssh::NsgSsh,
    &azure_net_subnet_nsg::SubnetNsg,
    &azure_net_nsg_rdp::NsgRdp,
    &azure_net_flow_log_retention::FlowLogRetention,
    &azure_pg_log_checkpoints::PgLogCheckpoints,
    &azure_pg_connection_throttling::PgConnectionThrottling,
    &azure_pg_geo_backup::PgGeoBackup,
    &azure_pg_threat_detection::PgThreatDetection,
    &azure_pg_infra_encryption::PgInfraEncryption,
    &azure_pg_tls::PgTlsVersion,
    &azure_pg_public_access::PgPublicAccess,
    &azure_pg_private_endpoint::PgPrivateEndpoint,
    &azure_pg_ssl::PgSslEnforced,
    &azure_sec_standard_pricing::SecStandardPricing,
    &azure_sec_contact_phone::SecContactPhone,
    &azure_sec_contact_alerts::SecContactAlerts,
    &azure_sec_contact_admins::SecContactAdmins,
    &azure_sql_audit_retention::SqlAuditRetention,
    &azure_sql_auditing::SqlAuditing,
    &azure_sql_ad_auth::SqlAdAuth,
    &azure_sql_public_access::SqlPublicAccess,
    &azure_sql_private_endpoint::SqlPrivateEndpoint,
    &azure_sql_tls::SqlTlsVersion,
    &azure_sql_threat_types::SqlThreatTypes,
    &azure_sql_alert_emails::SqlAlertEmails,
    &azure_sql_alert_admins::SqlAlertAdmins,
    &azure_sql_ad_admin::SqlAdAdmin,
    &azure_storage_sas_expiration::StorageSasExpiration,
    &azure_storage_min_tls::StorageMinTls,
    &azure_storage_soft_delete::StorageSoftDelete,
    &azure_storage_queue_logging::StorageQueueLogging,
    &azure_storage_cmk::StorageCmk,
    &azure_storage_shared_key::StorageSharedKey,
    &azure_storage_blob_anonymous::StorageBlobAnonymous,
    &azure_storage_blob_public::StorageBlobPublic,
    &azure_storage_replication::StorageReplication,
    &azure_storage_public_network::StoragePublicNetwork,
    &azure_storage_private_endpoint::StoragePrivateEndpoint,
    &azure_storage_trusted_services::StorageTrustedServices,
    &azure_vm_password_auth::VmPasswordAuth,
    &azure_vm_ssh_key::VmSshKey,
    &azure_vm_windows_host_encryption::VmWindowsHostEncryption,
    &azure_vm_extensions::VmExtensions,
    &azure_vm_basic_auth::VmBasicAuth,
    &docker_expose_ssh::ExposePort22,
    &docker_healthcheck::HealthcheckExists,
    &docker_user_exists::UserExists,
    &docker_add::AddInsteadOfCopy,
    &docker_update_alone::UpdateNotAlone,
    &docker_maintainer::MaintainerDeprecated,
    &docker_latest_tag::LatestBaseTag,
    &docker_root_user::LastUserRoot,
    &docker_apt::RunUsingApt,
    &docker_workdir_absolute::WorkdirAbsolute,
    &docker_alias_unique::AliasUnique,
    &docker_sudo::RunUsingSudo,
    &docker_curl_insecure::CurlInsecure,
    &docker_wget_no_check::WgetNoCheckCertificate,
    &docker_pip_trusted_host::PipTrustedHost,
    &docker_python_https_verify::PythonHttpsVerify,
    &docker_node_tls_reject::NodeTlsRejectUnauthorized,
    &docker_apk_untrusted::ApkAllowUntrusted,
    &docker_apt_unauthenticated::AptAllowUnauthenticated,
    &docker_yum_nogpgcheck::YumNoGpgCheck,
    &docker_rpm_nosignature::RpmNoSignature,
    &docker_apt_force_yes::AptForceYes,
    &docker_npm_strict_ssl_env::NpmStrictSslEnv,
    &docker_npm_strict_ssl_config::NpmStrictSslConfig,
    &docker_git_ssl_no_verify::GitSslNoVerify,
    &docker_yum_sslverify::YumSslVerify,
    &docker_pip_trusted_host_env::PipTrustedHostEnv,
    &docker_chpasswd::RunChpasswd,
    &gcp_bq_public_dataset::BqPublicDataset,
    &gcp_bq_dataset_cmk::BqDatasetCmk,
    &gcp_compute_shielded_vm::ShieldedVm,
    &gcp_compute_ip_forward::IpForwarding,
    &gcp_compute_oslogin_override::OsLoginOverride,
    &gcp_compute_serial_port::SerialPortEnabled,
    &gcp_compute_public_ip::InstancePublicIp,
    &gcp_compute_disk_csek::DiskCsek,
    &gcp_compute_block_project_ssh_keys::BlockProjectSshKeys,
    &gcp_compute_boot_disk_csek::BootDiskCsek,
    &gcp_fw_ingress_ssh::FwIngressSsh,
    &gcp_fw_ingress_rdp::FwIngressRdp,
    &gcp_fw_ingress_http::FwIngressHttp,
    &gcp_fw_ingress_ftp::FwIngressFtp,
    &gcp_fw_ingress_ftp_data::FwIngressFtpData,
    &gcp_fw_ingress_mysql::FwIngressMysql,
    &gcp_gcs_public_access_prevention::GcsPublicAccessPrevention,
    &gcp_gcs_uniform_access::GcsUniformAccess,
    &gcp_gcs_versioning::GcsVersioning,
    &gcp_gcs_access_logging::GcsAccessLogging,
    &gcp_gcs_public_iam::GcsPublicIam,
    &gcp_gke_network_policy::GkeNetworkPolicy,
    &gcp_gke_logging::GkeLogging,
    &gcp_gke_client_certificate::GkeClientCertificate,
    &gcp_gke_public_control_plane::GkePublicControlPlane,
    &gcp_gke_labels::GkeLabels,
    &gcp_gke_alias_ip::GkeAliasIp,
    &gcp_gke_private_cluster::GkePrivateCluster,
    &gcp_gke_intranode_visibility::GkeIntranodeVisibility,
    &gcp_gke_private_nodes::GkePrivateNodes,
    &gcp_gke_google_groups_rbac::GkeGoogleGroupsRbac,
    &gcp_gke_binary_authorization::GkeBinaryAuthorization,
    &gcp_gke_metadata_server::GkeMetadataServer,
    &gcp_gke_legacy_abac::GkeLegacyAbac,
    &gcp_gke_release_channel::GkeReleaseChannel,
    &gcp_gke_monitoring::GkeMonitoring,
    &gcp_gke_node_auto_upgrade::GkeNodeAutoUpgrade,
    &gcp_gke_secure_boot::GkeSecureBoot,
    &gcp_gke_node_auto_repair::GkeNodeAutoRepair,
    &gcp_net_subnet_private_access::SubnetPrivateGoogleAccess,
    &gcp_net_subnet_flow_logs::SubnetFlowLogs,
    &gcp_sql_major_version::SqlMajorVersion,
    &gcp_sql_open_to_world::SqlOpenToWorld,
    &gcp_sql_public_ip::SqlPublicIp,
    &gcp_sql_pg_log_statement::PgLogStatement,
    &gcp_sql_pg_log_min_error_statement::PgLogMinErrorStatement,
    &gcp_sql_pg_log_checkpoints::PgLogCheckpoints,
    &gcp_sql_pg_log_connections::PgLogConnections,
    &gcp_sql_pg_log_disconnections::PgLogDisconnections,
    &gcp_sql_pg_log_lock_waits::PgLogLockWaits,
    &gcp_sql_pg_log_duration::PgLogDuration,
    &gcp_sql_pg_log_hostname::PgLogHostname,
    &gcp_sql_pg_pgaudit::PgEnablePgaudit,
    &gcp_sql_backup::SqlBackup,
    &gcp_sql_require_ssl::SqlRequireSsl,
    &gha_top_level_permissions::TopLevelPermissions,
    &gha_unsecure_commands::UnsecureCommands,
    &gha_shell_injection::ShellInjection,
    &gha_curl_secrets::CurlSecrets,
    &gha_netcat_ip::NetcatIp,
    &gha_dispatch_inputs::DispatchInputs,
    &k8s_liveness_probe::LivenessProbe,
    &k8s_readiness_probe::ReadinessProbe,
    &k8s_cpu_requests::CpuRequests,
    &k8s_cpu_limits::CpuLimits,
    &k8s_memory_requests::MemoryRequests,
    &k8s_memory_limits::MemoryLimits,
    &k8s_image_tag::ImageTagFixed,
    &k8s_privileged::PrivilegedContainer,
    &k8s_host_pid::HostPid,
    &k8s_host_ipc::HostIpc,
    &k8s_host_network::HostNetwork,
    &k8s_privilege_escalation::AllowPrivilegeEscalation,
    &k8s_default_namespace::DefaultNamespace,
    &k8s_read_only_root::ReadOnlyRootFilesystem,
    &k8s_run_as_root::RootContainers,
    &k8s_added_capabilities::AddedCapabilities,
    &k8s_docker_socket::DockerSocket,
    &k8s_pod_security_context::PodSecurityContext,
    &k8s_net_raw::DropNetRaw,
    &k8s_seccomp::SeccompProfile,
    &k8s_container_security_context::ContainerSecurityContext,
    &k8s_service_account_token::ServiceAccountToken,
    &k8s_secrets_env::SecretsAsEnv,
    &k8s_drop_all_capabilities::DropAllCapabilities,
    &k8s_high_uid::HighUid,
    &k8s_wildcard_roles::WildcardRoles,
    &k8s_rbac_webhooks::RbacControlWebhooks,
    &k8s_image_digest::ImageDigest,
    &k8s_rbac_approve_csr::RbacApproveCsr,
    &k8s_rbac_bind::RbacBind,
    &k8s_rbac_escalate::RbacEscalate,
    &k8s_read_all_secrets::ReadAllSecrets,
    &k8s_network_policy::PodNetworkPolicy,
    &k8s_image_pull_policy::ImagePullPolicyAlways,
    &k8s_host_port::HostPort,
    &k8s_sys_admin::SysAdminCapability,
    &k8s_default_service_account::DefaultServiceAccount,
    &k8s_default_service_account_binding::DefaultServiceAccountBinding,
    &k8s_psp_host_pid::PspHostPid,
    &k8s_psp_privileged::PspPrivileged,
    &k8s_psp_host_ipc::PspHostIpc,
    &k8s_psp_host_network::PspHostNetwork,
    &k8s_psp_privilege_escalation::PspPrivilegeEscalation,
    &k8s_psp_root::PspRunAsRoot,
    &k8s_psp_net_raw::PspDropNetRaw,
    &k8s_psp_added_capabilities::PspAllowedCapabilities,
    &k8s_psp_seccomp::PspSeccomp,
    &k8s_psp_drop_capabilities::PspRequiredDrop,
    &oci_bucket_public::OciBucketPublic,
    &oci_bucket_versioning::OciBucketVersioning,
    &oci_bucket_events::OciBucketEvents,
    &oci_bucket_cmk::OciBucketCmk,
    &secret_aws_access_key::AwsAccessKeyInFile,
    &secret_base64_high_entropy::HighEntropySecretInFile,
    &tf_module_source_pinned::ModuleSourcePinned,
];
