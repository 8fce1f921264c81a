//! Logic shared by the Alibaba Cloud, OCI and Azure checks of this group: reading one
//! setting the way Checkov's value checks read it (a missing setting has a fixed verdict, an
//! unresolved one is undecided), and named parameters in repeated blocks.

use crate::model::{Resource, Truth, Value};

/// The text a scalar is compared as: strings as written, booleans and numbers in
/// Terraform's spelling.
pub(crate) fn scalar_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => Some(format!("{}", *n as i64)),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Whether two texts are equal, booleans compared in any case.
fn same(a: &str, b: &str) -> bool {
    a == b
        || ((a.eq_ignore_ascii_case("true") || a.eq_ignore_ascii_case("false"))
            && a.eq_ignore_ascii_case(b))
}

/// The setting at the dotted `path`, with a single-element list standing for its element.
fn read<'a>(r: &'a Resource, path: &str) -> Option<&'a Value> {
    match r.config.path(path) {
        Some(Value::List(items)) if items.len() == 1 => items.first(),
        other => other,
    }
}

/// The setting at `path` must be one of `allowed`; a missing or null setting gives
/// `missing`, an unresolved one is undecided.
pub(crate) fn value_in(r: &Resource, path: &str, allowed: &[&str], missing: Truth) -> Truth {
    match read(r, path) {
        None | Some(Value::Null) => missing,
        Some(Value::Unknown(_)) => Truth::Unknown,
        Some(v) => match scalar_text(v) {
            Some(t) if allowed.iter().any(|a| same(&t, a)) => Truth::True,
            _ => Truth::False,
        },
    }
}

/// The setting at `path` must not be one of `forbidden`; missing is fine.
pub(crate) fn value_not_in(r: &Resource, path: &str, forbidden: &[&str]) -> Truth {
    match read(r, path) {
        None | Some(Value::Null) => Truth::True,
        Some(Value::Unknown(_)) => Truth::Unknown,
        Some(v) => match scalar_text(v) {
            Some(t) if forbidden.iter().any(|a| same(&t, a)) => Truth::False,
            _ => Truth::True,
        },
    }
}

/// The setting at `path` must be present with any value (an empty block or list counts as
/// absent).
pub(crate) fn value_present(r: &Resource, path: &str) -> Truth {
    match r.config.path(path) {
        None | Some(Value::Null) => Truth::False,
        Some(Value::List(l)) if l.is_empty() => Truth::False,
        Some(Value::String(s)) if s.is_empty() => Truth::False,
        Some(Value::Unknown(u)) if u.refs.is_empty() => Truth::Unknown,
        Some(_) => Truth::True,
    }
}

/// A number at `path` that must satisfy `ok`; missing gives `missing`.
pub(crate) fn number_at(
    r: &Resource,
    path: &str,
    missing: Truth,
    ok: impl Fn(f64) -> bool,
) -> Truth {
    match read(r, path) {
        None | Some(Value::Null) => missing,
        Some(Value::Unknown(_)) => Truth::Unknown,
        Some(v) => match v.as_f64() {
            Some(n) if ok(n) => Truth::True,
            _ => Truth::False,
        },
    }
}

/// Whether one of `r`'s `parameters` blocks sets `name` to `on` (in any case).
pub(crate) fn parameter_on(r: &Resource, name: &str) -> Truth {
    let Some(params) = r.config.get("parameters") else {
        return Truth::False;
    };
    if params.is_unknown() {
        return Truth::Unknown;
    }
    let mut unknown = false;
    for p in params.items() {
        match (p.get("name"), p.get("value")) {
            (Some(Value::String(n)), Some(Value::String(v))) if n == name => {
                if v.eq_ignore_ascii_case("on") {
                    return Truth::True;
                }
            }
            (Some(Value::String(_)), Some(Value::String(_))) => {}
            _ => unknown = true,
        }
    }
    if unknown {
        Truth::Unknown
    } else {
        Truth::False
    }
}

/// Whether the setting at `path` is written at all. For an argument the provider requires
/// inside its block, a value Deputy cannot resolve still counts: it cannot be null.
pub(crate) fn value_written(r: &Resource, path: &str) -> Truth {
    match r.config.path(path) {
        None | Some(Value::Null) => Truth::False,
        Some(Value::String(s)) if s.is_empty() => Truth::False,
        Some(_) => Truth::True,
    }
}

/// Sources Checkov reads as "the internet" in an NSG rule (compared in lower case).
const INTERNET: &[&str] = &["*", "0.0.0.0", "<nw>/0", "/0", "internet", "any"];

/// Whether one port setting (`"22"`, `"20-25"`, `"*"`, or a number) covers `port`.
fn port_covers(v: &Value, port: u32) -> Truth {
    let Some(text) = scalar_text(v) else {
        return if v.is_unknown() {
            Truth::Unknown
        } else {
            Truth::False
        };
    };
    if text == "*" || text == port.to_string() {
        return Truth::True;
    }
    let range = text
        .split_once('-')
        .and_then(|(a, b)| Some((a.trim().parse::<u32>().ok()?, b.trim().parse::<u32>().ok()?)));
    match range {
        Some((a, b)) if a <= port && port <= b => Truth::True,
        _ => Truth::False,
    }
}

/// The disjunction of three-valued answers.
fn any_truth(items: impl Iterator<Item = Truth>) -> Truth {
    let mut out = Truth::False;
    for t in items {
        match t {
            Truth::True => return Truth::True,
            Truth::Unknown => out = Truth::Unknown,
            Truth::False => {}
        }
    }
    out
}

/// The conjunction of three-valued answers.
fn all_truth(items: impl IntoIterator<Item = Truth>) -> Truth {
    let mut out = Truth::True;
    for t in items {
        match t {
            Truth::False => return Truth::False,
            Truth::Unknown => out = Truth::Unknown,
            Truth::True => {}
        }
    }
    out
}

/// A string setting compared in lower case against `allowed`; absent is `False`.
fn lower_in(v: Option<&Value>, allowed: &[&str]) -> Truth {
    match v {
        Some(Value::Unknown(_)) => Truth::Unknown,
        Some(Value::String(s)) if allowed.contains(&s.to_lowercase().as_str()) => Truth::True,
        _ => Truth::False,
    }
}

/// Whether one NSG rule (an `azurerm_network_security_rule` or a `security_rule` block)
/// allows inbound TCP to `port` from the internet.
fn nsg_rule_opens(rule: &Value, port: u32) -> Truth {
    let ports = any_truth(
        rule.get("destination_port_range")
            .map(|v| port_covers(v, port))
            .into_iter()
            .chain(match rule.get("destination_port_ranges") {
                Some(Value::Unknown(_)) => vec![Truth::Unknown],
                Some(v) => v.items().map(|p| port_covers(p, port)).collect(),
                None => Vec::new(),
            }),
    );
    let source = any_truth(
        std::iter::once(lower_in(rule.get("source_address_prefix"), INTERNET)).chain(
            match rule.get("source_address_prefixes") {
                Some(Value::Unknown(_)) => vec![Truth::Unknown],
                Some(v) => v.items().map(|p| lower_in(Some(p), INTERNET)).collect(),
                None => Vec::new(),
            },
        ),
    );
    all_truth([
        lower_in(rule.get("access"), &["allow"]),
        lower_in(rule.get("direction"), &["inbound"]),
        lower_in(rule.get("protocol"), &["tcp", "*"]),
        ports,
        source,
    ])
}

/// `True` when no rule of an `azurerm_network_security_group` (its `security_rule` blocks)
/// or `azurerm_network_security_rule` allows inbound TCP to `port` from the internet.
pub(crate) fn nsg_port_closed(r: &Resource, port: u32) -> Truth {
    let open = match r.config.get("security_rule") {
        Some(Value::Unknown(_)) => Truth::Unknown,
        Some(rules) => any_truth(rules.items().map(|rule| nsg_rule_opens(rule, port))),
        None if r.kind == "azurerm_network_security_rule" => nsg_rule_opens(&r.config, port),
        None => Truth::False,
    };
    match open {
        Truth::True => Truth::False,
        Truth::False => Truth::True,
        Truth::Unknown => Truth::Unknown,
    }
}

/// The Terraform resources of a type `kind_ok` accepts that `r` refers to anywhere in its
/// configuration, or that refer to `r`: the two directions Checkov's graph connects.
pub(crate) fn linked<'a>(
    cx: &crate::check::Cx<'a>,
    r: &Resource,
    kind_ok: impl Fn(&str) -> bool + Copy + 'a,
) -> Vec<&'a Resource> {
    fn refs<'v>(v: &'v Value, out: &mut Vec<&'v str>) {
        match v {
            Value::Unknown(u) => out.extend(u.refs.iter().map(String::as_str)),
            Value::List(items) => items.iter().for_each(|i| refs(i, out)),
            Value::Map(m) => m.values().for_each(|i| refs(i, out)),
            _ => {}
        }
    }
    let mut names = Vec::new();
    refs(&r.config, &mut names);
    let mut out: Vec<&'a Resource> = names
        .into_iter()
        .filter_map(|n| {
            let base = n.split('[').next().unwrap_or(n);
            cx.resolve(r, n).or_else(|| cx.resolve(r, base))
        })
        .filter(|t| t.framework == crate::model::Framework::Terraform && kind_ok(&t.kind))
        .collect();
    for other in super::aws::connected_where(cx, r, kind_ok) {
        if !out.iter().any(|o| std::ptr::eq(*o, other)) {
            out.push(other);
        }
    }
    out
}

/// Characters of an AWS secret access key.
fn secret_key_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '/' | '+' | '=')
}

/// Whether `s` has a maximal run of exactly 40 secret-key characters (the shape of an AWS
/// secret access key, not part of a longer token).
fn has_secret_key_run(s: &str) -> bool {
    let mut run = 0usize;
    for c in s.chars() {
        if secret_key_char(c) {
            run += 1;
        } else {
            if run == 40 {
                return true;
            }
            run = 0;
        }
    }
    run == 40
}

/// Whether the whole of `s` is an MD5 or SHA-1 hex digest (not treated as a secret).
fn is_hex_digest(s: &str) -> bool {
    (s.len() == 32 || s.len() == 40) && s.chars().all(|c| c.is_ascii_hexdigit())
}

/// Patterns of AWS credentials (access key ids, `key = <40 chars>`, account ids) and of a
/// private key header written as the whole value, the way Checkov's AWS and general secret
/// rules find them.
static SECRET_PATTERNS: std::sync::LazyLock<Vec<regex::Regex>> = std::sync::LazyLock::new(|| {
    [
        r"(A3T[A-Z0-9]|AKIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ASIA)[A-Z0-9]{16}",
        r#"(KEY|key|Key)["']?\s*(:|=>|=)\s*["']?[A-Za-z0-9/+=]{40}"#,
        r#"(ACCOUNT|account|Account)_?(ID|id|Id)?["']?\s*(:|=>|=)\s*["']?[0-9]{4}-?[0-9]{4}-?[0-9]{4}"#,
        r"\A-----BEGIN (RSA|EC|DSA|GPP) PRIVATE KEY-----\n?\z",
    ]
    .iter()
    .filter_map(|p| regex::Regex::new(p).ok())
    .collect()
});

/// Whether `s` holds what looks like a hard-coded AWS credential or private key.
pub(crate) fn has_aws_secret(s: &str) -> bool {
    !is_hex_digest(s) && (has_secret_key_run(s) || SECRET_PATTERNS.iter().any(|p| p.is_match(s)))
}

/// Decodes standard base64 text, padded or not, with whitespace (line breaks) ignored;
/// `None` if it is not base64, decodes to nothing, or is not UTF-8.
pub(crate) fn decode_base64(s: &str) -> Option<String> {
    use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
    use base64::{Engine as _, alphabet};
    const LENIENT: GeneralPurpose = GeneralPurpose::new(
        &alphabet::STANDARD,
        GeneralPurposeConfig::new()
            .with_decode_padding_mode(DecodePaddingMode::Indifferent)
            .with_decode_allow_trailing_bits(true),
    );
    let compact: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let out = LENIENT.decode(compact).ok()?;
    if out.is_empty() {
        return None;
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::super::*;
    use super::{decode_base64, has_aws_secret};
    use crate::checks::aws::fixture::judge;

    const U: &str = r#"{"$unknown":[]}"#;

    #[test]
    fn each_check_passes_fails_and_stays_undecided() {
        let trail = "alicloud_actiontrail_trail";
        let rds = "alicloud_db_instance";
        let oss = "alicloud_oss_bucket";
        let oci = "oci_objectstorage_bucket";
        let contact = "azurerm_security_center_contact";
        let linux = "azurerm_linux_virtual_machine";
        let profile = "azurerm_monitor_log_profile";
        let agw = "azurerm_application_gateway";
        let nsg = "azurerm_network_security_group";
        let unknown = |k: &str| format!(r#"{{"{k}":{U}}}"#);
        let cases: Vec<(&dyn Check, &str, String, &str)> = vec![
            (&ali_actiontrail_all_regions::ActionTrailAllRegions, trail, "{}".into(), "pass"),
            (&ali_actiontrail_all_regions::ActionTrailAllRegions, trail, r#"{"trail_region":"cn-hangzhou"}"#.into(), "fail"),
            (&ali_actiontrail_all_regions::ActionTrailAllRegions, trail, unknown("trail_region"), "unknown"),
            (&ali_actiontrail_all_events::ActionTrailAllEvents, trail, "{}".into(), "fail"),
            (&ali_actiontrail_all_events::ActionTrailAllEvents, trail, r#"{"event_rw":"All"}"#.into(), "pass"),
            (&ali_rds_sql_collector_retention::RdsSqlCollectorRetention, rds, r#"{"sql_collector_status":"Enabled","sql_collector_config_value":180}"#.into(), "pass"),
            (&ali_rds_sql_collector_retention::RdsSqlCollectorRetention, rds, r#"{"sql_collector_status":"Enabled","sql_collector_config_value":30}"#.into(), "fail"),
            (&ali_rds_sql_collector_retention::RdsSqlCollectorRetention, rds, format!(r#"{{"sql_collector_status":"Enabled","sql_collector_config_value":{U}}}"#), "unknown"),
            (&ali_rds_log_duration::RdsLogDuration, rds, r#"{"parameters":[{"name":"log_duration","value":"ON"}]}"#.into(), "pass"),
            (&ali_rds_log_duration::RdsLogDuration, rds, r#"{"parameters":[{"name":"log_duration","value":"off"}]}"#.into(), "fail"),
            (&ali_rds_log_duration::RdsLogDuration, rds, unknown("parameters"), "unknown"),
            (&ali_rds_log_connections::RdsLogConnections, rds, "{}".into(), "fail"),
            (&ali_rds_ssl::RdsSsl, rds, r#"{"ssl_action":"Open"}"#.into(), "pass"),
            (&ali_rds_ssl::RdsSsl, rds, r#"{"ssl_action":"Close"}"#.into(), "fail"),
            (&ali_rds_public::RdsPublic, rds, r#"{"security_ips":["10.0.0.0/8"]}"#.into(), "pass"),
            (&ali_rds_public::RdsPublic, rds, r#"{"security_ips":["0.0.0.0/0"]}"#.into(), "fail"),
            (&ali_rds_public::RdsPublic, rds, unknown("security_ips"), "unknown"),
            (&ali_rds_minor_upgrade::RdsMinorUpgrade, rds, r#"{"auto_upgrade_minor_version":"Manual"}"#.into(), "fail"),
            (&ali_oss_public::OssPublic, oss, r#"{"acl":"public-read"}"#.into(), "fail"),
            (&ali_oss_public::OssPublic, oss, r#"{"acl":"private"}"#.into(), "pass"),
            (&ali_oss_public::OssPublic, oss, unknown("acl"), "unknown"),
            (&ali_oss_versioning::OssVersioning, oss, r#"{"versioning":[{"status":"Enabled"}]}"#.into(), "pass"),
            (&ali_oss_versioning::OssVersioning, oss, r#"{"versioning":[{"status":"Suspended"}]}"#.into(), "fail"),
            (&ali_oss_transfer_acceleration::OssTransferAcceleration, oss, r#"{"transfer_acceleration":[{"enabled":true}]}"#.into(), "pass"),
            (&ali_oss_transfer_acceleration::OssTransferAcceleration, oss, "{}".into(), "fail"),
            (&ali_oss_access_logging::OssAccessLogging, oss, r#"{"logging":[{"target_bucket":"logs"}]}"#.into(), "pass"),
            (&ali_oss_access_logging::OssAccessLogging, oss, "{}".into(), "fail"),
            (&ali_oss_cmk::OssCmk, oss, format!(r#"{{"server_side_encryption_rule":[{{"kms_master_key_id":{U}}}]}}"#), "unknown"),
            (&ali_oss_cmk::OssCmk, oss, r#"{"server_side_encryption_rule":[{"sse_algorithm":"AES256"}]}"#.into(), "fail"),
            (&oci_bucket_public::OciBucketPublic, oci, r#"{"access_type":"ObjectRead"}"#.into(), "fail"),
            (&oci_bucket_public::OciBucketPublic, oci, "{}".into(), "pass"),
            (&oci_bucket_versioning::OciBucketVersioning, oci, r#"{"versioning":"Enabled"}"#.into(), "pass"),
            (&oci_bucket_events::OciBucketEvents, oci, r#"{"object_events_enabled":false}"#.into(), "fail"),
            (&oci_bucket_cmk::OciBucketCmk, oci, r#"{"kms_key_id":{"$unknown":["oci_kms_key.k"]}}"#.into(), "pass"),
            (&oci_bucket_cmk::OciBucketCmk, oci, unknown("kms_key_id"), "unknown"),
            (&azure_sec_standard_pricing::SecStandardPricing, "azurerm_security_center_subscription_pricing", r#"{"tier":"Free"}"#.into(), "fail"),
            (&azure_sec_contact_phone::SecContactPhone, contact, r#"{"phone":"+1-555-0100"}"#.into(), "pass"),
            (&azure_sec_contact_alerts::SecContactAlerts, contact, r#"{"alert_notifications":"true"}"#.into(), "pass"),
            (&azure_sec_contact_admins::SecContactAdmins, contact, "{}".into(), "fail"),
            (&azure_vm_password_auth::VmPasswordAuth, linux, r#"{"disable_password_authentication":false}"#.into(), "fail"),
            (&azure_vm_password_auth::VmPasswordAuth, linux, "{}".into(), "pass"),
            (&azure_vm_ssh_key::VmSshKey, linux, format!(r#"{{"admin_ssh_key":[{{"public_key":{U}}}]}}"#), "pass"),
            (&azure_vm_ssh_key::VmSshKey, linux, "{}".into(), "fail"),
            (&azure_vm_basic_auth::VmBasicAuth, "azurerm_virtual_machine", r#"{"os_profile_linux_config":[{"disable_password_authentication":false}]}"#.into(), "fail"),
            (&azure_vm_basic_auth::VmBasicAuth, linux, unknown("disable_password_authentication"), "unknown"),
            (&azure_vm_windows_host_encryption::VmWindowsHostEncryption, "azurerm_windows_virtual_machine", r#"{"encryption_at_host_enabled":true}"#.into(), "pass"),
            (&azure_vm_extensions::VmExtensions, linux, "{}".into(), "fail"),
            (&azure_mon_log_retention::MonLogRetention, profile, r#"{"retention_policy":[{"enabled":true,"days":365}]}"#.into(), "pass"),
            (&azure_mon_log_retention::MonLogRetention, profile, r#"{"retention_policy":[{"enabled":false}]}"#.into(), "pass"),
            (&azure_mon_log_retention::MonLogRetention, profile, r#"{"retention_policy":[{"enabled":true,"days":30}]}"#.into(), "fail"),
            (&azure_mon_log_retention::MonLogRetention, profile, format!(r#"{{"retention_policy":[{{"enabled":true,"days":{U}}}]}}"#), "unknown"),
            (&azure_mon_log_categories::MonLogCategories, profile, r#"{"categories":["Action","Delete","Write"]}"#.into(), "pass"),
            (&azure_mon_log_categories::MonLogCategories, profile, r#"{"categories":["Write"]}"#.into(), "fail"),
            (&azure_iam_custom_owner_role::IamCustomOwnerRole, "azurerm_role_definition", r#"{"permissions":[{"actions":["*"]}]}"#.into(), "fail"),
            (&azure_iam_custom_owner_role::IamCustomOwnerRole, "azurerm_role_definition", r#"{"permissions":[{"actions":["Microsoft.Compute/*/read"]}]}"#.into(), "pass"),
            (&azure_agw_https_listener::AgwHttpsListener, agw, r#"{"http_listener":[{"protocol":"Http"}]}"#.into(), "fail"),
            (&azure_agw_ssl_policy::AgwSslPolicy, agw, r#"{"ssl_policy":[{"policy_type":"Predefined","policy_name":"AppGwSslPolicy20220101S"}]}"#.into(), "pass"),
            (&azure_agw_ssl_policy::AgwSslPolicy, agw, r#"{"ssl_policy":[{"policy_type":"Custom","min_protocol_version":"TLSv1_2","cipher_suites":["TLS_RSA_WITH_AES_128_CBC_SHA"]}]}"#.into(), "fail"),
            (&azure_agw_ssl_policy::AgwSslPolicy, agw, "{}".into(), "fail"),
            (&azure_agw_waf::AgwWaf, agw, r#"{"waf_configuration":[{"enabled":true}]}"#.into(), "pass"),
            (&azure_agw_waf::AgwWaf, agw, "{}".into(), "fail"),
            (&azure_net_subnet_nsg::SubnetNsg, "azurerm_subnet", r#"{"name":"GatewaySubnet"}"#.into(), "pass"),
            (&azure_net_subnet_nsg::SubnetNsg, "azurerm_subnet", r#"{"name":"app"}"#.into(), "fail"),
            (&azure_net_nsg_ssh::NsgSsh, nsg, r#"{"security_rule":[{"access":"Allow","direction":"Inbound","protocol":"Tcp","destination_port_range":"20-30","source_address_prefix":"Internet"}]}"#.into(), "fail"),
            (&azure_net_nsg_ssh::NsgSsh, nsg, r#"{"security_rule":[{"access":"Allow","direction":"Inbound","protocol":"Tcp","destination_port_range":"22","source_address_prefix":"10.0.0.0/8"}]}"#.into(), "pass"),
            (&azure_net_nsg_rdp::NsgRdp, "azurerm_network_security_rule", format!(r#"{{"access":"Allow","direction":"Inbound","protocol":"*","destination_port_range":"3389","source_address_prefix":{U}}}"#), "unknown"),
            (&aws_secrets_provider_keys::ProviderHardCodedKeys, "aws", r#"{"access_key":"AKIAIOSFODNN7EXAMPLE"}"#.into(), "fail"),
            (&aws_secrets_provider_keys::ProviderHardCodedKeys, "aws", r#"{"region":"us-east-1"}"#.into(), "pass"),
            (&aws_secrets_lambda_env::LambdaEnvSecrets, "aws_lambda_function", r#"{"environment":[{"variables":{"KEY_ID":"AKIAIOSFODNN7EXAMPLE"}}]}"#.into(), "fail"),
            (&aws_secrets_lambda_env::LambdaEnvSecrets, "AWS::Lambda::Function", r#"{"Properties":{"Environment":{"Variables":{"REGION":"us-east-1"}}}}"#.into(), "pass"),
            (&aws_secrets_ec2_user_data::Ec2UserDataSecrets, "aws_instance", r#"{"user_data":"ZXhwb3J0IEtFWT1BS0lBWFhYWFhYWFhYWFhYWFhYWA=="}"#.into(), "fail"),
            (&aws_secrets_ec2_user_data::Ec2UserDataSecrets, "aws_instance", r#"{"user_data":"echo hello"}"#.into(), "pass"),
        ];
        for (check, kind, config, want) in cases {
            assert_eq!(
                judge(check, kind, &config),
                want,
                "{} on {config}",
                check.meta().code
            );
        }
    }

    #[test]
    fn secrets_and_base64() {
        assert!(has_aws_secret("AKIAIOSFODNN7EXAMPLE"));
        assert!(has_aws_secret(
            "secret_key = \"abcdefghijABCDEFGHIJ0123456789abcdefghij\""
        ));
        assert!(!has_aws_secret("us-west-2"));
        assert!(!has_aws_secret("0123456789abcdef0123456789abcdef"));
        assert_eq!(decode_base64("aGVsbG8=").as_deref(), Some("hello"));
        assert_eq!(decode_base64("not base64!"), None);
        // Unpadded and wrapped over lines, as user data scripts often are.
        assert_eq!(decode_base64("aGVs\nbG8").as_deref(), Some("hello"));
        assert_eq!(decode_base64(""), None);
        // Bytes that are not UTF-8 are not text to search.
        assert_eq!(decode_base64("/w=="), None);
    }
}
