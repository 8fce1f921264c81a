//! Reading and writing snapshots: Deputy's own format (`docs/auth0-snapshot.md`) and the
//! tenant shape Auth0 CheckMate's JSON-dump mode reads (keys `clients`, `databases`,
//! `attackProtection`, `tenant`, ...), so both tools can run on the same data.

use crate::model::{ApiFailure, Section};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::fmt;

/// The format tag of Deputy's snapshot files.
pub const FORMAT: &str = "deputy-auth0-snapshot";
/// The current version of Deputy's snapshot format.
pub const VERSION: u64 = 1;

macro_rules! sections {
    ($($variant:ident => $name:literal, $endpoint:literal, $scope:literal;)*) => {
        /// One part of a tenant, as one Management API read.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum SectionId { $($variant),* }

        impl SectionId {
            pub const ALL: &'static [SectionId] = &[$(SectionId::$variant),*];

            /// The key in Deputy's snapshot format.
            pub fn as_str(self) -> &'static str {
                match self { $(SectionId::$variant => $name),* }
            }

            /// The Management API path it is read from.
            pub fn endpoint(self) -> &'static str {
                match self { $(SectionId::$variant => $endpoint),* }
            }

            /// The read scope the endpoint needs.
            pub fn scope(self) -> &'static str {
                match self { $(SectionId::$variant => $scope),* }
            }

            pub fn parse(s: &str) -> Option<SectionId> {
                match s { $($name => Some(SectionId::$variant),)* _ => None }
            }
        }

        impl serde::Serialize for SectionId {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
    };
}

sections! {
    TenantSettings => "tenant_settings", "/api/v2/tenants/settings", "read:tenant_settings";
    CustomDomains => "custom_domains", "/api/v2/custom-domains", "read:custom_domains";
    Clients => "clients", "/api/v2/clients", "read:clients";
    Connections => "connections", "/api/v2/connections", "read:connections";
    Databases => "databases", "/api/v2/connections?strategy=auth0", "read:connections";
    ResourceServers => "resource_servers", "/api/v2/resource-servers", "read:resource_servers";
    ClientGrants => "client_grants", "/api/v2/client-grants", "read:client_grants";
    Roles => "roles", "/api/v2/roles", "read:roles";
    Organizations => "organizations", "/api/v2/organizations", "read:organizations";
    SigningKeys => "signing_keys", "/api/v2/keys/signing", "read:signing_keys";
    BreachedPassword => "breached_password_detection", "/api/v2/attack-protection/breached-password-detection", "read:attack_protection";
    BruteForce => "brute_force_protection", "/api/v2/attack-protection/brute-force-protection", "read:attack_protection";
    SuspiciousIp => "suspicious_ip_throttling", "/api/v2/attack-protection/suspicious-ip-throttling", "read:attack_protection";
    BotDetection => "bot_detection", "/api/v2/anomaly/captchas", "read:attack_protection";
    EmailProvider => "email_provider", "/api/v2/emails/provider", "read:email_provider";
    EmailTemplates => "email_templates", "/api/v2/email-templates/{name}", "read:email_templates";
    LogStreams => "log_streams", "/api/v2/log-streams", "read:log_streams";
    EventStreams => "event_streams", "/api/v2/event-streams", "read:event_streams";
    GuardianFactors => "guardian_factors", "/api/v2/guardian/factors", "read:guardian_factors";
    GuardianPolicies => "guardian_policies", "/api/v2/guardian/policies", "read:mfa_policies";
    Rules => "rules", "/api/v2/rules", "read:rules";
    Hooks => "hooks", "/api/v2/hooks", "read:hooks";
    Actions => "actions", "/api/v2/actions/actions", "read:actions";
    Logs => "logs", "/api/v2/logs", "read:logs";
    NetworkAcls => "network_acls", "/api/v2/network-acls", "read:network_acls";
    Prompts => "prompts", "/api/v2/prompts", "read:prompts";
    Advisories => "advisories", "(supplied by the user)", "";
}

/// The ten email templates CheckMate reads, with the display names it reports.
pub const EMAIL_TEMPLATES: [(&str, &str); 10] = [
    ("verify_email", "Verification Email (Link)"),
    ("verify_email_by_code", "Verification Email (Code)"),
    ("welcome_email", "Welcome Email"),
    ("enrollment_email", "Enroll in Multifactor Authentication"),
    ("reset_email", "Change Password (Link)"),
    ("reset_email_by_code", "Change Password (Code)"),
    ("blocked_account", "Blocked Account Email"),
    ("stolen_credentials", "Password Breach Alert"),
    ("mfa_oob_code", "Verification Code for Email MFA"),
    ("user_invitation", "User Invitation"),
];

/// Which format a snapshot was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Deputy,
    CheckMate,
}

/// A tenant snapshot: metadata and one [`Section`] per part of the tenant.
#[derive(Debug, Clone)]
pub struct Snapshot {
    /// The tenant's domain as given by the operator (custom or canonical).
    pub domain: Option<String>,
    /// The canonical `*.auth0.com` host, when known.
    pub canonical_domain: Option<String>,
    pub captured_at: Option<String>,
    /// The log search CheckMate reports with canonical-domain findings.
    pub log_query: Option<String>,
    pub origin: Origin,
    pub sections: BTreeMap<SectionId, Section>,
}

/// Why a file is not a snapshot.
#[derive(Debug, thiserror::Error)]
pub enum SnapshotError {
    #[error("invalid JSON at line {line}, column {column}: {message}")]
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{0}")]
    Shape(String),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Origin::Deputy => "deputy",
            Origin::CheckMate => "checkmate",
        })
    }
}

impl Snapshot {
    /// An empty snapshot of `origin` in which nothing was read.
    pub fn empty(origin: Origin) -> Self {
        Snapshot {
            domain: None,
            canonical_domain: None,
            captured_at: None,
            log_query: None,
            origin,
            sections: BTreeMap::new(),
        }
    }

    pub fn section(&self, id: SectionId) -> &Section {
        static NOT_READ: Section = Section::NotRead;
        self.sections.get(&id).unwrap_or(&NOT_READ)
    }

    pub fn set(&mut self, id: SectionId, section: Section) {
        self.sections.insert(id, section);
    }

    /// The tenant's name for fingerprints and reports.
    pub fn tenant_name(&self) -> String {
        self.domain
            .clone()
            .or_else(|| self.canonical_domain.clone())
            .or_else(|| {
                match self.section(SectionId::TenantSettings) {
                    Section::Read(Value::Object(m)) => m.get("friendly_name"),
                    _ => None,
                }
                .and_then(Value::as_str)
                .map(str::to_owned)
            })
            .unwrap_or_else(|| "tenant".to_owned())
    }

    /// Parses either format from bytes.
    pub fn from_slice(bytes: &[u8]) -> Result<Self, SnapshotError> {
        let value: Value = serde_json::from_slice(bytes).map_err(|e| SnapshotError::Json {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })?;
        Self::from_value(value)
    }

    /// Reads either format from a parsed JSON value.
    pub fn from_value(value: Value) -> Result<Self, SnapshotError> {
        let Value::Object(top) = value else {
            return Err(SnapshotError::Shape(format!(
                "a snapshot is a JSON object, found {}",
                crate::model::type_name(&value)
            )));
        };
        if top.get("format").and_then(Value::as_str) == Some(FORMAT) {
            read_deputy(top)
        } else if CHECKMATE_KEYS.iter().any(|k| top.contains_key(*k)) {
            Ok(read_checkmate(top))
        } else {
            Err(SnapshotError::Shape(format!(
                "not a tenant snapshot: expected `\"format\": \"{FORMAT}\"` or CheckMate's keys (`clients`, `tenant`, `databases`, ...)"
            )))
        }
    }

    /// Reads CheckMate's tenant shape even when it has none of its keys (`{}`: nothing
    /// configured, the way CheckMate's own tests use it).
    pub fn from_checkmate_value(value: Value) -> Result<Self, SnapshotError> {
        match value {
            Value::Object(m) => Ok(read_checkmate(m)),
            other => Err(SnapshotError::Shape(format!(
                "a snapshot is a JSON object, found {}",
                crate::model::type_name(&other)
            ))),
        }
    }

    /// Deputy's format, as a JSON value.
    pub fn to_value(&self) -> Value {
        let mut sections = Map::new();
        for (id, s) in &self.sections {
            let v = match s {
                Section::Read(data) => serde_json::json!({"status": "read", "data": data}),
                Section::NotRead => serde_json::json!({"status": "not_read"}),
                Section::Failed(f) => serde_json::json!({"status": "failed", "error": f}),
            };
            sections.insert(id.as_str().to_owned(), v);
        }
        serde_json::json!({
            "format": FORMAT,
            "version": VERSION,
            "domain": self.domain,
            "canonical_domain": self.canonical_domain,
            "captured_at": self.captured_at,
            "log_query": self.log_query,
            "sections": sections,
        })
    }
}

const CHECKMATE_KEYS: [&str; 8] = [
    "clients",
    "databases",
    "attackProtection",
    "tenant",
    "customDomains",
    "resourceServers",
    "guardianFactors",
    "actions",
];

fn read_deputy(mut top: Map<String, Value>) -> Result<Snapshot, SnapshotError> {
    let version = top.get("version").and_then(Value::as_u64);
    if version != Some(VERSION) {
        return Err(SnapshotError::Shape(format!(
            "unsupported snapshot version {} (this Deputy reads version {VERSION})",
            top.get("version")
                .map_or("(none)".to_owned(), Value::to_string)
        )));
    }
    let text =
        |top: &Map<String, Value>, k: &str| top.get(k).and_then(Value::as_str).map(str::to_owned);
    let mut snap = Snapshot {
        domain: text(&top, "domain"),
        canonical_domain: text(&top, "canonical_domain"),
        captured_at: text(&top, "captured_at"),
        log_query: text(&top, "log_query"),
        origin: Origin::Deputy,
        sections: BTreeMap::new(),
    };
    let sections = match top.remove("sections") {
        Some(Value::Object(m)) => m,
        None => Map::new(),
        Some(other) => {
            return Err(SnapshotError::Shape(format!(
                "`sections` must be an object, found {}",
                crate::model::type_name(&other)
            )));
        }
    };
    for (key, entry) in sections {
        // Unknown sections (from a newer Deputy) are tolerated and ignored.
        let Some(id) = SectionId::parse(&key) else {
            continue;
        };
        let Value::Object(mut entry) = entry else {
            return Err(SnapshotError::Shape(format!(
                "`sections.{key}` must be an object with `status`"
            )));
        };
        let section =
            match entry.get("status").and_then(Value::as_str) {
                Some("read") => Section::Read(entry.remove("data").unwrap_or(Value::Null)),
                Some("not_read") => Section::NotRead,
                Some("failed") => {
                    let error = entry.remove("error").unwrap_or(Value::Null);
                    Section::Failed(serde_json::from_value(error).map_err(|e| {
                        SnapshotError::Shape(format!("`sections.{key}.error`: {e}"))
                    })?)
                }
                other => {
                    return Err(SnapshotError::Shape(format!(
                        "`sections.{key}.status` must be `read`, `not_read` or `failed`, found {}",
                        other.map_or("nothing".to_owned(), |s| format!("`{s}`"))
                    )));
                }
            };
        snap.sections.insert(id, section);
    }
    Ok(snap)
}

/// An Auth0 error body that CheckMate stores in place of data (`[error body]`).
fn as_failure(v: &Value) -> Option<ApiFailure> {
    let body = match v {
        Value::Array(a) if a.len() == 1 => a.first()?,
        other => other,
    };
    let m = body.as_object()?;
    let code = m.get("errorCode").and_then(Value::as_str);
    let status = m.get("statusCode").and_then(Value::as_u64);
    if code.is_none() && status.is_none() {
        return None;
    }
    Some(ApiFailure {
        status: status.and_then(|s| u16::try_from(s).ok()),
        error_code: code.map(str::to_owned),
        message: m
            .get("message")
            .and_then(Value::as_str)
            .unwrap_or("the Management API returned an error")
            .to_owned(),
    })
}

fn checkmate_section(v: Option<Value>, default: Value) -> Section {
    match v {
        None => Section::Read(default),
        Some(v) => match as_failure(&v) {
            Some(f) => Section::Failed(f),
            None => Section::Read(v),
        },
    }
}

fn read_checkmate(mut top: Map<String, Value>) -> Snapshot {
    let mut snap = Snapshot::empty(Origin::CheckMate);
    let text = |v: Option<&Value>| {
        v.and_then(Value::as_str)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    snap.canonical_domain = text(top.get("canonicalDomain"));
    snap.domain = text(top.get("domain")).or_else(|| snap.canonical_domain.clone());
    snap.log_query = text(top.get("log_query"));
    let arr = || Value::Array(Vec::new());
    let obj = || Value::Object(Map::new());
    let mut put = |id: SectionId, key: &str, default: Value, top: &mut Map<String, Value>| {
        let section = checkmate_section(top.remove(key), default);
        snap.sections.insert(id, section);
    };
    put(SectionId::CustomDomains, "customDomains", arr(), &mut top);
    put(SectionId::Clients, "clients", arr(), &mut top);
    put(SectionId::Databases, "databases", arr(), &mut top);
    put(
        SectionId::EmailProvider,
        "emailProvider",
        Value::Null,
        &mut top,
    );
    put(SectionId::LogStreams, "logStreams", arr(), &mut top);
    put(SectionId::TenantSettings, "tenant", obj(), &mut top);
    put(
        SectionId::GuardianFactors,
        "guardianFactors",
        arr(),
        &mut top,
    );
    put(
        SectionId::GuardianPolicies,
        "guardianPolicies",
        arr(),
        &mut top,
    );
    put(SectionId::Rules, "rules", arr(), &mut top);
    put(SectionId::Hooks, "hooks", arr(), &mut top);
    put(SectionId::Logs, "logs", arr(), &mut top);
    put(SectionId::NetworkAcls, "networkAcl", arr(), &mut top);
    put(SectionId::EventStreams, "eventStreams", arr(), &mut top);
    put(
        SectionId::ResourceServers,
        "resourceServers",
        arr(),
        &mut top,
    );
    // `actions` is `{actions: [...]}` (the API's envelope) or a bare array.
    let actions = match top.remove("actions") {
        Some(Value::Object(mut m)) if m.contains_key("actions") => {
            m.remove("actions").unwrap_or_else(arr)
        }
        Some(Value::Object(m)) if m.is_empty() => arr(),
        other => other.unwrap_or_else(arr),
    };
    snap.sections
        .insert(SectionId::Actions, checkmate_section(Some(actions), arr()));
    // Attack protection: four objects under one key; absent ones read as `{}` like CheckMate.
    let mut ap = match top.remove("attackProtection") {
        Some(Value::Object(m)) => m,
        _ => Map::new(),
    };
    for (id, key) in [
        (SectionId::BreachedPassword, "breachedPasswordDetection"),
        (SectionId::BruteForce, "bruteForceProtection"),
        (SectionId::SuspiciousIp, "suspiciousIpThrottling"),
        (SectionId::BotDetection, "botDetection"),
    ] {
        snap.sections
            .insert(id, checkmate_section(ap.remove(key), obj()));
    }
    // The error page: CheckMate keeps `tenant.error_page.html` as `errorPageTemplate`.
    if let Some(Value::String(html)) = top.remove("errorPageTemplate")
        && let Some(Section::Read(Value::Object(t))) =
            snap.sections.get_mut(&SectionId::TenantSettings)
    {
        let page = t
            .entry("error_page")
            .or_insert_with(|| Value::Object(Map::new()));
        if let Value::Object(p) = page {
            p.entry("html").or_insert(Value::String(html));
        }
    }
    // Email templates: CheckMate's `[{name, template}]`, or the served-templates map used by
    // the recorded tenants (types not in the map were 404, i.e. not configured).
    let templates = if let Some(v) = top.remove("emailTemplates") {
        v
    } else if let Some(Value::Object(served)) = top.remove("emailTemplatesServed") {
        Value::Array(
            EMAIL_TEMPLATES
                .iter()
                .map(|(id, display)| {
                    serde_json::json!({
                        "name": display,
                        "template": served.get(*id).cloned().unwrap_or(Value::Null),
                    })
                })
                .collect(),
        )
    } else {
        arr()
    };
    snap.sections.insert(
        SectionId::EmailTemplates,
        checkmate_section(Some(templates), arr()),
    );
    // Deputy-only sections, when someone added them to a CheckMate-shaped file.
    for (id, key) in [
        (SectionId::ClientGrants, "clientGrants"),
        (SectionId::Connections, "connections"),
        (SectionId::Roles, "roles"),
        (SectionId::Organizations, "organizations"),
        (SectionId::SigningKeys, "signingKeys"),
        (SectionId::Prompts, "prompts"),
    ] {
        if let Some(v) = top.remove(key) {
            snap.sections.insert(id, checkmate_section(Some(v), arr()));
        }
    }
    if let Some(adv) = top.remove("advisories") {
        snap.sections
            .insert(SectionId::Advisories, Section::Read(adv));
    }
    snap
}
