//! The check framework: metadata every check carries, what a check emits (details and
//! diagnostics), and the context a check runs in.

use crate::model::{Kind, Malformed, Obj, ObjRef, Section};
use crate::snapshot::{SectionId, Snapshot};
use deputy_core::Severity;
use serde::Serialize;
use serde_json::Value;
use std::borrow::Cow;

/// Which part of the tenant a check looks at (for grouping in docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Area {
    Tenant,
    Domains,
    Applications,
    Databases,
    Connections,
    AttackProtection,
    Mfa,
    Email,
    Monitoring,
    Extensibility,
    NetworkAcl,
    Apis,
    AccessControl,
    Keys,
}

impl Area {
    pub fn title(self) -> &'static str {
        match self {
            Area::Tenant => "Tenant settings",
            Area::Domains => "Domains",
            Area::Applications => "Applications",
            Area::Databases => "Database connections",
            Area::Connections => "Social and enterprise connections",
            Area::AttackProtection => "Attack protection",
            Area::Mfa => "Multi-factor authentication",
            Area::Email => "Email",
            Area::Monitoring => "Logs and streams",
            Area::Extensibility => "Actions, Rules and Hooks",
            Area::NetworkAcl => "Tenant ACL",
            Area::Apis => "APIs (resource servers)",
            Area::AccessControl => "Grants, roles and organizations",
            Area::Keys => "Signing keys",
        }
    }
}

/// Everything known about a check, used for findings, docs and `deputy checks list`.
#[derive(Debug, Clone, Serialize)]
pub struct Meta {
    /// Deputy's stable code, e.g. `AUTH0-CLIENT-001`. Never reused.
    pub code: &'static str,
    /// CheckMate's check function name, when CheckMate has this check.
    pub peer_id: Option<&'static str>,
    pub title: &'static str,
    pub area: Area,
    pub severity: Severity,
    /// Why this severity (and, for ported checks, how it relates to CheckMate's label).
    pub severity_reason: &'static str,
    /// What the check reads and when it reports.
    pub description: &'static str,
    pub remediation: &'static str,
    /// Auth0 documentation pages.
    pub docs: &'static [&'static str],
    /// The snapshot sections it needs.
    pub reads: &'static [SectionId],
}

/// The outcome of one test of one object, in CheckMate's vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// A finding (CheckMate's red `fail`).
    Fail,
    /// A finding to review (CheckMate's yellow `warn`).
    Warn,
    /// Checked and fine (CheckMate's `success`).
    Pass,
    /// Informational, not a finding (CheckMate's blue).
    Info,
}

impl Status {
    pub fn is_finding(self) -> bool {
        matches!(self, Status::Fail | Status::Warn)
    }
}

/// One thing a check observed about one object.
#[derive(Debug, Clone, Serialize)]
pub struct Detail {
    pub code: &'static str,
    pub peer_id: Option<&'static str>,
    pub status: Status,
    /// The reason code (CheckMate's `field` for ported checks), e.g. `insecure_callbacks`.
    pub field: Cow<'static, str>,
    pub object: ObjRef,
    /// Path of the setting inside the object, e.g. `callbacks["http://localhost/cb"]`.
    pub setting_path: Cow<'static, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    pub message: String,
}

/// Why something could not be checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DiagnosticKind {
    /// The API read failed (an error response, a timeout).
    ApiError,
    /// The section is not in the snapshot.
    NotRead,
    /// A setting is present but of the wrong type.
    Malformed,
    /// Data the check needs from outside the tenant (e.g. advisories) was not given.
    MissingInput,
}

/// Something that kept a check from judging (part of) the tenant. Never a finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub kind: DiagnosticKind,
    /// The check it affected, if one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    pub message: String,
}

/// A posture check: metadata and a pure function of the snapshot.
pub trait Check: Sync {
    fn meta(&self) -> &'static Meta;
    fn run(&self, cx: &mut Cx<'_>);
}

/// What a check runs against and writes to.
#[derive(Debug)]
pub struct Cx<'s> {
    pub snap: &'s Snapshot,
    pub(crate) meta: &'static Meta,
    pub(crate) details: Vec<Detail>,
    pub(crate) diagnostics: Vec<Diagnostic>,
    pub(crate) tenant: ObjRef,
    /// Advisories for Action dependencies, when the user supplied them.
    pub advisories: Option<&'s [crate::scan::Advisory]>,
    /// The scan's "now", for age checks; those checks report a diagnostic without it.
    pub now: Option<time::OffsetDateTime>,
    /// Object identities computed once per scan, keyed by the object's address.
    pub(crate) refs: Option<&'s RefCache>,
}

/// Object identities of a snapshot, computed once and shared by every check.
#[derive(Debug, Default)]
pub struct RefCache(std::collections::HashMap<(usize, Kind), ObjRef>);

impl RefCache {
    /// Identities of every object of the list sections, under the kind checks use for them.
    pub fn build(snap: &Snapshot) -> Self {
        let mut m = std::collections::HashMap::new();
        let kinds = [
            (SectionId::Clients, Kind::Client),
            (SectionId::Connections, Kind::Connection),
            (SectionId::Databases, Kind::Connection),
            (SectionId::ResourceServers, Kind::ResourceServer),
            (SectionId::ClientGrants, Kind::ClientGrant),
            (SectionId::Actions, Kind::Action),
        ];
        for (id, kind) in kinds {
            for item in snap.section(id).items().unwrap_or_default() {
                m.insert(
                    (std::ptr::from_ref(item) as usize, kind),
                    obj_ref(kind, Obj::new(item)),
                );
            }
        }
        RefCache(m)
    }
}

impl<'s> Cx<'s> {
    pub(crate) fn new(snap: &'s Snapshot, meta: &'static Meta, tenant: &str) -> Self {
        Cx {
            snap,
            meta,
            details: Vec::new(),
            diagnostics: Vec::new(),
            tenant: ObjRef::new(Kind::Tenant, tenant, None),
            advisories: None,
            now: None,
            refs: None,
        }
    }

    /// The tenant as an object reference.
    pub fn tenant(&self) -> ObjRef {
        self.tenant.clone()
    }

    /// Records a detail.
    pub fn emit(
        &mut self,
        status: Status,
        object: &ObjRef,
        field: impl Into<Cow<'static, str>>,
        setting_path: impl Into<Cow<'static, str>>,
        value: Option<String>,
        message: String,
    ) {
        self.details.push(Detail {
            code: self.meta.code,
            peer_id: self.meta.peer_id,
            status,
            field: field.into(),
            object: object.clone(),
            setting_path: setting_path.into(),
            value,
            message,
        });
    }

    /// Shorthand for a tenant-level detail.
    pub fn tenant_detail(
        &mut self,
        status: Status,
        field: impl Into<Cow<'static, str>>,
        setting_path: impl Into<Cow<'static, str>>,
        value: Option<String>,
        message: String,
    ) {
        let t = self.tenant();
        self.emit(status, &t, field, setting_path, value, message);
    }

    pub fn diagnostic(
        &mut self,
        kind: DiagnosticKind,
        section: Option<SectionId>,
        object: Option<&ObjRef>,
        message: String,
    ) {
        self.diagnostics.push(Diagnostic {
            kind,
            code: Some(self.meta.code),
            section: section.map(SectionId::as_str),
            object: object.map(ObjRef::address),
            message,
        });
    }

    /// Records that `object`'s setting is malformed: this check skips that object.
    pub fn malformed(&mut self, object: &ObjRef, m: &Malformed) {
        let msg = format!("{} of {}: {m}", self.meta.code, object.address());
        self.diagnostic(DiagnosticKind::Malformed, None, Some(object), msg);
    }

    fn unavailable(&mut self, id: SectionId, section: &Section) {
        let (kind, msg) = match section {
            Section::Failed(f) => (
                DiagnosticKind::ApiError,
                format!(
                    "`{}` could not be read ({f}); needs `{}`",
                    id.endpoint(),
                    id.scope()
                ),
            ),
            _ => (
                DiagnosticKind::NotRead,
                format!("`{}` is not in the snapshot", id.as_str()),
            ),
        };
        self.diagnostic(kind, Some(id), None, msg);
    }

    fn section_ref(&mut self, id: SectionId) -> &'s Section {
        self.snap.section(id)
    }

    /// A list section's objects, or `None` (with a diagnostic) when it was not read.
    pub fn list(&mut self, id: SectionId) -> Option<Vec<Obj<'s>>> {
        let section = self.section_ref(id);
        match section.items() {
            Some(items) => Some(items.into_iter().map(Obj::new).collect()),
            None => {
                match section {
                    Section::Read(v) => {
                        let m = Malformed {
                            path: id.as_str().to_owned(),
                            expected: "an array",
                            found: crate::model::type_name(v),
                        };
                        let t = self.tenant();
                        self.malformed(&t, &m);
                    }
                    other => self.unavailable(id, other),
                }
                None
            }
        }
    }

    /// A singleton section: `Some(Some(obj))` when configured, `Some(None)` when the API
    /// said it is not configured (null or 404), `None` (with a diagnostic) when unknown.
    pub fn single(&mut self, id: SectionId) -> Option<Option<Obj<'s>>> {
        match self.section_ref(id) {
            Section::Read(Value::Object(m)) => Some(Some(Obj::new(m))),
            Section::Read(Value::Null) => Some(None),
            Section::Read(v) => {
                let m = Malformed {
                    path: id.as_str().to_owned(),
                    expected: "an object",
                    found: crate::model::type_name(v),
                };
                let t = self.tenant();
                self.malformed(&t, &m);
                None
            }
            other => {
                self.unavailable(id, other);
                None
            }
        }
    }

    /// The raw value of a section that was read.
    pub fn raw(&mut self, id: SectionId) -> Option<&'s Value> {
        match self.section_ref(id) {
            Section::Read(v) => Some(v),
            other => {
                self.unavailable(id, other);
                None
            }
        }
    }

    /// The `strategy=auth0` connections (CheckMate's `databases`): the `databases` section
    /// when the snapshot has one, else filtered from all connections.
    pub fn databases(&mut self) -> Option<Vec<Obj<'s>>> {
        if self.snap.sections.contains_key(&SectionId::Databases) {
            return self.list(SectionId::Databases);
        }
        let all = self.list(SectionId::Connections)?;
        Some(
            all.into_iter()
                .filter(|c| c.str("strategy").ok().flatten() == Some("auth0"))
                .collect(),
        )
    }

    /// Runs `f` for each object, turning a malformed setting into a diagnostic for that
    /// object only.
    pub fn each<F>(&mut self, objs: &[Obj<'s>], kind: Kind, mut f: F)
    where
        F: FnMut(&mut Self, Obj<'s>, &ObjRef) -> Result<(), Malformed>,
    {
        let refs = self.refs;
        for o in objs {
            let owned;
            let r = match refs.and_then(|c| c.0.get(&(std::ptr::from_ref(o.map()) as usize, kind)))
            {
                Some(r) => r,
                None => {
                    owned = obj_ref(kind, *o);
                    &owned
                }
            };
            if let Err(m) = f(self, *o, r) {
                self.malformed(r, &m);
            }
        }
    }
}

/// The stable identity of an object of `kind`.
pub fn obj_ref(kind: Kind, o: Obj<'_>) -> ObjRef {
    let s = |k: &str| {
        o.map()
            .get(k)
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
    };
    let name = s("name").or_else(|| s("display_name"));
    let id = match kind {
        Kind::Client => s("client_id"),
        Kind::ResourceServer => s("identifier").or_else(|| s("id")),
        Kind::Connection => s("id").or_else(|| s("name")),
        Kind::LogStream | Kind::EventStream | Kind::Action | Kind::Rule | Kind::Hook => {
            s("id").or(name)
        }
        Kind::NetworkAcl => s("id").or_else(|| s("description")),
        Kind::CustomDomain => s("custom_domain_id").or_else(|| s("domain")),
        Kind::SigningKey => s("kid"),
        Kind::GuardianFactor => s("name"),
        Kind::ClientGrant => s("id"),
        _ => s("id"),
    };
    let id = id.or(name).unwrap_or("(unnamed)");
    ObjRef::new(kind, id, name)
}
