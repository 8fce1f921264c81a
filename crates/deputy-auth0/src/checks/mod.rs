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
    &breached_password::BreachedPassword,
    &brute_force::BruteForce,
    &suspicious_ip_throttling::SuspiciousIpThrottling,
    &bot_detection::BotDetection,
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
    &email_provider::EmailProvider,
    &email_templates::EmailTemplates,
    &rules::LegacyRules,
    &hooks::LegacyHooks,
    &actions_runtime::ActionsRuntime,
    &actions_hard_coded_values::ActionsHardCodedValues,
    &dependencies::VulnerableDependencies,
    &pre_registration_enumeration::PreRegistrationEnumeration,
    &password_reset_mfa::PasswordResetMfa,
    &log_streams::LogStreams,
    &event_streams::EventStreams,
    &guardian_factors::GuardianFactors,
    &guardian_policy::GuardianPolicy,
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
];
