//! Deputy: legacy grant flags.
use crate::check::{Cx, Status};
use crate::checks::common::tenant;

check!(LegacyGrantFlags {
    code: "AUTH0-TENANT-103",
    peer: None,
    title: "Legacy grant types or endpoints are enabled",
    area: Tenant,
    severity: Medium,
    reason: "The legacy resource-owner, delegation and tokeninfo endpoints predate OIDC conformance and bypass modern protections.",
    description: "Reports each of `flags.allow_legacy_ro_grant_types`, `allow_legacy_delegation_grant_types`, `allow_legacy_tokeninfo_endpoint` that is true.",
    remediation: "Turn the legacy flags off after moving clients to OIDC-conformant flows.",
    docs: ["https://auth0.com/docs/get-started/applications/application-grant-types"],
    reads: [TenantSettings],
});

fn run(cx: &mut Cx<'_>) {
    let Some(t) = tenant(cx) else { return };
    for flag in [
        "allow_legacy_ro_grant_types",
        "allow_legacy_delegation_grant_types",
        "allow_legacy_tokeninfo_endpoint",
    ] {
        match t.bool_at(&["flags"], flag) {
            Ok(Some(true)) => cx.tenant_detail(
                Status::Fail,
                flag,
                format!("flags.{flag}"),
                Some("true".into()),
                format!("legacy flag `{flag}` is on"),
            ),
            Ok(_) => {}
            Err(m) => {
                let r = cx.tenant();
                cx.malformed(&r, &m);
            }
        }
    }
}
