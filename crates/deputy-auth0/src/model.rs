//! The tenant snapshot: what was read from a tenant, section by section, with every
//! section's fate explicit (read, not read, or failed with the API's error) and every
//! setting read leniently, so that one malformed field stops only the checks that need it.
//!
//! Objects keep the Management API's JSON as it came (unknown fields are tolerated and
//! survive a round trip); checks read settings through typed accessors on [`Obj`] that
//! distinguish *absent*, *null*, *present* and *malformed* (a present value of the wrong
//! type, reported as a [`Malformed`] error naming the setting path).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::fmt;
use std::sync::Arc;

/// A setting that is present but not of the type the Management API documents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Malformed {
    /// Dotted path of the setting inside its object, e.g. `options.passwordPolicy`.
    pub path: String,
    pub expected: &'static str,
    pub found: &'static str,
}

impl fmt::Display for Malformed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is malformed: expected {}, found {}",
            self.path, self.expected, self.found
        )
    }
}

/// What a setting read returns: `Ok(None)` when it is absent or null.
pub type Read<T> = Result<Option<T>, Malformed>;

/// The JSON type name of a value, for messages.
pub fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// One JSON object of the snapshot (a client, a connection, tenant settings...) with typed,
/// lenient accessors. `prefix` is its path inside the enclosing object, for messages.
#[derive(Debug, Clone, Copy)]
pub struct Obj<'a> {
    map: &'a Map<String, Value>,
    prefix: Option<&'a str>,
}

static EMPTY: std::sync::LazyLock<Map<String, Value>> = std::sync::LazyLock::new(Map::new);

impl<'a> Obj<'a> {
    pub fn new(map: &'a Map<String, Value>) -> Self {
        Obj { map, prefix: None }
    }

    /// An object with no settings (what an absent singleton reads as).
    pub fn empty() -> Obj<'a> {
        Obj {
            map: &EMPTY,
            prefix: None,
        }
    }

    pub fn map(&self) -> &'a Map<String, Value> {
        self.map
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    fn path(&self, key: &str) -> String {
        match self.prefix {
            Some(p) => format!("{p}.{key}"),
            None => key.to_owned(),
        }
    }

    fn bad(&self, key: &str, expected: &'static str, v: &Value) -> Malformed {
        Malformed {
            path: self.path(key),
            expected,
            found: type_name(v),
        }
    }

    /// The raw value, `None` when absent or null.
    pub fn raw(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    pub fn has(&self, key: &str) -> bool {
        self.map.contains_key(key)
    }

    pub fn str(&self, key: &str) -> Read<&'a str> {
        match self.raw(key) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(v) => Err(self.bad(key, "a string", v)),
        }
    }

    /// A string that must be non-empty to count (Auth0 often stores "" for unset).
    pub fn nonempty_str(&self, key: &str) -> Read<&'a str> {
        Ok(self.str(key)?.filter(|s| !s.is_empty()))
    }

    pub fn bool(&self, key: &str) -> Read<bool> {
        match self.raw(key) {
            None => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(v) => Err(self.bad(key, "a boolean", v)),
        }
    }

    /// A number; numeric strings (Auth0 returns `sandbox_version` as `"18"`) are accepted.
    pub fn num(&self, key: &str) -> Read<f64> {
        match self.raw(key) {
            None => Ok(None),
            Some(Value::Number(n)) => Ok(n.as_f64()),
            Some(Value::String(s)) => s.trim().parse::<f64>().map(Some).map_err(|_| Malformed {
                path: self.path(key),
                expected: "a number",
                found: "a non-numeric string",
            }),
            Some(v) => Err(self.bad(key, "a number", v)),
        }
    }

    pub fn obj(&self, key: &str) -> Read<Obj<'a>> {
        match self.raw(key) {
            None => Ok(None),
            Some(Value::Object(m)) => Ok(Some(Obj {
                map: m,
                prefix: None,
            })),
            Some(v) => Err(self.bad(key, "an object", v)),
        }
    }

    /// A nested object, or an empty one when absent.
    pub fn obj_or_empty(&self, key: &str) -> Result<Obj<'a>, Malformed> {
        Ok(self.obj(key)?.unwrap_or_else(Obj::empty))
    }

    pub fn array(&self, key: &str) -> Read<&'a [Value]> {
        match self.raw(key) {
            None => Ok(None),
            Some(Value::Array(a)) => Ok(Some(a.as_slice())),
            Some(v) => Err(self.bad(key, "an array", v)),
        }
    }

    /// An array of strings; null elements are skipped, other non-strings are malformed.
    pub fn strs(&self, key: &str) -> Read<Vec<&'a str>> {
        let Some(items) = self.array(key)? else {
            return Ok(None);
        };
        let mut out = Vec::with_capacity(items.len());
        for v in items {
            match v {
                Value::String(s) => out.push(s.as_str()),
                Value::Null => {}
                other => return Err(self.bad(key, "an array of strings", other)),
            }
        }
        Ok(Some(out))
    }

    /// An array of strings, empty when absent.
    pub fn strs_or_empty(&self, key: &str) -> Result<Vec<&'a str>, Malformed> {
        Ok(self.strs(key)?.unwrap_or_default())
    }

    /// An array of objects; non-object elements are malformed.
    pub fn objs(&self, key: &str) -> Read<Vec<Obj<'a>>> {
        let Some(items) = self.array(key)? else {
            return Ok(None);
        };
        let mut out = Vec::with_capacity(items.len());
        for v in items {
            match v {
                Value::Object(m) => out.push(Obj::new(m)),
                Value::Null => {}
                other => return Err(self.bad(key, "an array of objects", other)),
            }
        }
        Ok(Some(out))
    }

    /// Reads `a.b.c` as nested objects, returning the last object and key for messages.
    pub fn at(&self, path: &[&str]) -> Read<Obj<'a>> {
        let mut cur = *self;
        for key in path {
            match cur.obj(key)? {
                Some(o) => cur = o,
                None => return Ok(None),
            }
        }
        Ok(Some(cur))
    }

    /// A string at a dotted path of nested objects.
    pub fn str_at(&self, path: &[&str], key: &str) -> Read<&'a str> {
        match self.at(path) {
            Ok(Some(o)) => o.str(key).map_err(|m| prefixed(path, m)),
            Ok(None) => Ok(None),
            Err(m) => Err(m),
        }
    }

    pub fn bool_at(&self, path: &[&str], key: &str) -> Read<bool> {
        match self.at(path) {
            Ok(Some(o)) => o.bool(key).map_err(|m| prefixed(path, m)),
            Ok(None) => Ok(None),
            Err(m) => Err(m),
        }
    }

    pub fn num_at(&self, path: &[&str], key: &str) -> Read<f64> {
        match self.at(path) {
            Ok(Some(o)) => o.num(key).map_err(|m| prefixed(path, m)),
            Ok(None) => Ok(None),
            Err(m) => Err(m),
        }
    }
}

fn prefixed(path: &[&str], mut m: Malformed) -> Malformed {
    m.path = format!("{}.{}", path.join("."), m.path);
    m
}

/// The kind of a tenant object a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Tenant,
    Client,
    Connection,
    ResourceServer,
    ClientGrant,
    Action,
    Rule,
    Hook,
    LogStream,
    EventStream,
    NetworkAcl,
    CustomDomain,
    EmailProvider,
    EmailTemplate,
    GuardianFactor,
    Role,
    Organization,
    SigningKey,
    AttackProtection,
    Branding,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Tenant => "tenant",
            Kind::Client => "client",
            Kind::Connection => "connection",
            Kind::ResourceServer => "resource_server",
            Kind::ClientGrant => "client_grant",
            Kind::Action => "action",
            Kind::Rule => "rule",
            Kind::Hook => "hook",
            Kind::LogStream => "log_stream",
            Kind::EventStream => "event_stream",
            Kind::NetworkAcl => "network_acl",
            Kind::CustomDomain => "custom_domain",
            Kind::EmailProvider => "email_provider",
            Kind::EmailTemplate => "email_template",
            Kind::GuardianFactor => "guardian_factor",
            Kind::Role => "role",
            Kind::Organization => "organization",
            Kind::SigningKey => "signing_key",
            Kind::AttackProtection => "attack_protection",
            Kind::Branding => "branding",
        }
    }
}

/// Which object a detail is about: kind, stable id and display name. The strings are shared
/// (`Arc<str>`): every detail about an object refers to the same identity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ObjRef {
    pub kind: Kind,
    #[serde(serialize_with = "ser_str")]
    pub id: Arc<str>,
    #[serde(serialize_with = "ser_opt_str")]
    pub name: Option<Arc<str>>,
}

fn ser_str<S: serde::Serializer>(v: &Arc<str>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(v)
}

fn ser_opt_str<S: serde::Serializer>(v: &Option<Arc<str>>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => s.serialize_some(&**v),
        None => s.serialize_none(),
    }
}

impl ObjRef {
    pub fn new(kind: Kind, id: impl Into<String>, name: Option<&str>) -> Self {
        ObjRef {
            kind,
            id: Arc::from(id.into()),
            name: name.map(Arc::from),
        }
    }

    /// The resource address used in fingerprints, e.g. `client:abc`.
    pub fn address(&self) -> String {
        format!("{}:{}", self.kind.as_str(), self.id)
    }

    /// `Name (id)`, or the id alone.
    pub fn display(&self) -> String {
        match &self.name {
            Some(n) if n != &self.id => format!("{n} ({})", self.id),
            _ => self.id.to_string(),
        }
    }
}

/// The Management API's answer when a read failed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiFailure {
    /// HTTP status, when there was a response.
    pub status: Option<u16>,
    /// Auth0's `errorCode`, e.g. `insufficient_scope`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_code: Option<String>,
    pub message: String,
}

impl fmt::Display for ApiFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.status, &self.error_code) {
            (Some(s), Some(c)) => write!(f, "HTTP {s} `{c}`: {}", self.message),
            (Some(s), None) => write!(f, "HTTP {s}: {}", self.message),
            (None, _) => f.write_str(&self.message),
        }
    }
}

/// What the snapshot knows about one part of the tenant.
#[derive(Debug, Clone, PartialEq)]
pub enum Section {
    /// Read successfully; the data as the API returned it (items unwrapped from envelopes).
    Read(Value),
    /// Not in the snapshot at all (not requested, or an older snapshot).
    NotRead,
    /// The API refused or failed; checks that need it report a diagnostic instead of guessing.
    Failed(ApiFailure),
}

impl Section {
    /// Items of a list section; non-object items are skipped with their index reported.
    pub fn items(&self) -> Option<Vec<&Map<String, Value>>> {
        match self {
            Section::Read(Value::Array(a)) => Some(a.iter().filter_map(Value::as_object).collect()),
            Section::Read(Value::Null) => Some(Vec::new()),
            Section::Read(Value::Object(m)) if m.is_empty() => Some(Vec::new()),
            _ => None,
        }
    }
}
