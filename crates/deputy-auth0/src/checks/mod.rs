//! The check catalog: one check per file. `ALL` is the registry, in code order.

mod actions_hard_coded_values;
mod actions_runtime;
mod allowed_callbacks;
mod allowed_logout_urls;
mod api_authorization_policy;
mod api_sender_constraining;
mod api_signing_algorithm;
mod api_token_encryption;
mod api_token_lifetime;
mod app_sender_constraining;
mod application_login_uri;
mod authentication_methods;
mod backchannel_logout;
mod block_canonical_domain;
mod bot_detection;
mod breached_password;
mod brute_force;
mod canonical_domain;
pub(crate) mod common;
mod cross_origin_authentication;
mod custom_domain;
mod das_hard_coded_values;
mod database_customization;
mod default_audience;
mod default_directory;
mod dependencies;
mod dynamic_client_registration;
mod email_attribute_verification;
mod email_provider;
mod email_templates;
mod error_page_template;
mod event_streams;
mod grant_types;
mod guardian_factors;
mod guardian_policy;
mod hooks;
mod jar;
mod jwt_sign_alg;
mod log_streams;
mod management_api_acl;
mod management_api_user_access;
mod network_acl;
mod par;
mod password_complexity;
mod password_history;
mod password_no_personal_info;
mod password_policy;
mod password_reset_mfa;
mod pkce_enforcement;
mod pre_registration_enumeration;
mod private_key_jwt;
mod promoted_db_connection;
mod refresh_token_rotation;
mod rules;
mod sandbox_version;
mod session_lifetime;
mod support_email;
mod support_url;
mod suspicious_ip_throttling;
mod tenant_login_url;
mod tenant_logout_url;
mod web_origins;
mod x_action_logs_secrets;
mod x_action_secrets;
mod x_action_undeployed;
mod x_allowed_origins;
mod x_api_rbac;
mod x_api_web_token_lifetime;
mod x_brute_force_threshold;
mod x_classic_login;
mod x_db_brute_force;
mod x_domain_client_ip_header;
mod x_domain_tls_policy;
mod x_email_from_address;
mod x_error_page_log_link;
pub(crate) mod x_grant_management_write;
mod x_grant_orphan;
mod x_grant_overbroad;
mod x_grant_third_party_management;
mod x_id_token_lifetime;
mod x_ip_throttling_threshold;
mod x_legacy_grants;
mod x_log_stream_endpoint;
mod x_log_stream_filters;
mod x_mfa_phishing_resistant;
mod x_mfa_recovery_code;
mod x_mfa_weak_factors;
mod x_oidc_conformant;
mod x_oidc_front_channel;
mod x_org_metadata_secrets;
mod x_org_not_required;
mod x_password_dictionary;
mod x_passwordless_otp;
mod x_public_client_secret;
mod x_refresh_token_lifetime;
mod x_role_dangerous_permissions;
mod x_saml_signing;
mod x_session_limits;
mod x_signing_key_next;
mod x_signing_key_rotation;
mod x_signup_user_exists;
mod x_social_dev_keys;
mod x_tenant_flags;
mod x_third_party_grants;

use crate::check::Check;

/// Every check, ordered by code. Codes are never reused; retired codes stay listed in
/// `docs/auth0-checks.md`.
pub static ALL: &[&dyn Check] = &[
    &network_acl::NetworkAcl,
    &block_canonical_domain::BlockCanonicalDomain,
    &management_api_acl::ManagementApiAcl,
    &management_api_user_access::ManagementApiUserAccess,
    &api_authorization_policy::ApiAuthorizationPolicy,
    &api_signing_algorithm::ApiSigningAlgorithm,
    &api_token_lifetime::ApiTokenLifetime,
    &api_sender_constraining::ApiSenderConstraining,
    &api_token_encryption::ApiTokenEncryption,
    &x_api_rbac::ApiRbac,
    &x_api_web_token_lifetime::ApiWebTokenLifetime,
    &breached_password::BreachedPassword,
    &brute_force::BruteForce,
    &suspicious_ip_throttling::SuspiciousIpThrottling,
    &bot_detection::BotDetection,
    &x_brute_force_threshold::BruteForceThreshold,
    &x_ip_throttling_threshold::IpThrottlingThreshold,
    &allowed_callbacks::AllowedCallbacks,
    &allowed_logout_urls::AllowedLogoutUrls,
    &web_origins::WebOrigins,
    &application_login_uri::ApplicationLoginUri,
    &grant_types::GrantTypes,
    &jwt_sign_alg::JwtSignAlg,
    &cross_origin_authentication::CrossOriginAuthentication,
    &refresh_token_rotation::RefreshTokenRotation,
    &app_sender_constraining::AppSenderConstraining,
    &par::PushedAuthorizationRequests,
    &jar::SignedRequestObjects,
    &private_key_jwt::PrivateKeyJwt,
    &backchannel_logout::BackchannelLogout,
    &pkce_enforcement::PkceEnforcement,
    &x_refresh_token_lifetime::RefreshTokenLifetime,
    &x_id_token_lifetime::IdTokenLifetime,
    &x_allowed_origins::AllowedOrigins,
    &x_oidc_conformant::OidcConformant,
    &x_public_client_secret::PublicClientSecret,
    &x_third_party_grants::ThirdPartyGrants,
    &x_social_dev_keys::SocialDevKeys,
    &x_saml_signing::SamlSigning,
    &x_oidc_front_channel::OidcFrontChannel,
    &x_db_brute_force::DatabaseBruteForce,
    &x_password_dictionary::PasswordDictionary,
    &x_passwordless_otp::PasswordlessOtp,
    &password_policy::PasswordPolicy,
    &password_complexity::PasswordComplexity,
    &password_history::PasswordHistory,
    &password_no_personal_info::PasswordNoPersonalInfo,
    &authentication_methods::AuthenticationMethods,
    &email_attribute_verification::EmailAttributeVerification,
    &database_customization::DatabaseCustomization,
    &das_hard_coded_values::DatabaseScriptSecrets,
    &promoted_db_connection::PromotedDbConnection,
    &custom_domain::CustomDomain,
    &canonical_domain::CanonicalDomainUsed,
    &x_domain_tls_policy::DomainTlsPolicy,
    &x_domain_client_ip_header::DomainClientIpHeader,
    &email_provider::EmailProvider,
    &email_templates::EmailTemplates,
    &x_email_from_address::EmailFromAddress,
    &rules::LegacyRules,
    &hooks::LegacyHooks,
    &actions_runtime::ActionsRuntime,
    &actions_hard_coded_values::ActionsHardCodedValues,
    &dependencies::VulnerableDependencies,
    &pre_registration_enumeration::PreRegistrationEnumeration,
    &password_reset_mfa::PasswordResetMfa,
    &x_action_secrets::ActionSecrets,
    &x_action_logs_secrets::ActionLogsSecrets,
    &x_action_undeployed::ActionUndeployed,
    &x_grant_management_write::ManagementWriteGrant,
    &x_grant_overbroad::OverbroadGrant,
    &x_grant_orphan::OrphanGrant,
    &x_grant_third_party_management::ThirdPartyManagementGrant,
    &x_signing_key_rotation::SigningKeyRotation,
    &x_signing_key_next::SigningKeyNext,
    &log_streams::LogStreams,
    &event_streams::EventStreams,
    &x_log_stream_filters::LogStreamFilters,
    &x_log_stream_endpoint::LogStreamEndpoint,
    &guardian_factors::GuardianFactors,
    &guardian_policy::GuardianPolicy,
    &x_mfa_weak_factors::WeakMfaFactors,
    &x_mfa_phishing_resistant::PhishingResistantMfa,
    &x_mfa_recovery_code::MfaRecoveryCode,
    &x_org_metadata_secrets::OrgMetadataSecrets,
    &x_org_not_required::OrgUsage,
    &x_role_dangerous_permissions::RoleDangerousPermissions,
    &default_audience::DefaultAudience,
    &default_directory::DefaultDirectory,
    &dynamic_client_registration::DynamicClientRegistration,
    &sandbox_version::SandboxVersion,
    &session_lifetime::SessionLifetime,
    &support_email::SupportEmail,
    &support_url::SupportUrl,
    &tenant_login_url::TenantLoginUrl,
    &tenant_logout_url::TenantLogoutUrl,
    &error_page_template::ErrorPageTemplate,
    &x_session_limits::SessionLimits,
    &x_tenant_flags::TenantFlags,
    &x_legacy_grants::LegacyGrantFlags,
    &x_signup_user_exists::SignupUserExists,
    &x_error_page_log_link::ErrorPageLogLink,
    &x_classic_login::ClassicLogin,
];
