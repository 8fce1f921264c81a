//! checkEnabledDynamicClientRegistration.
use crate::check::{Cx, Status};
use crate::checks::common::tenant;

check!(DynamicClientRegistration {
    code: "AUTH0-TENANT-003",
    peer: Some("checkEnabledDynamicClientRegistration"),
    title: "Open dynamic client registration is enabled",
    area: Tenant,
    severity: Medium,
    reason: "CheckMate labels it GenAI and reports it always. Deputy reports it only when it is on: then anyone can register a third-party client against the tenant.",
    description: "Reads `tenant_settings.flags.enable_dynamic_client_registration`; reports when it is true (and when tenant settings are empty, as CheckMate does).",
    remediation: "Leave open dynamic client registration off unless it is needed (e.g. for MCP); if on, restrict third-party clients and require consent.",
    docs: ["https://auth0.com/docs/get-started/applications/dynamic-client-registration"],
    reads: [TenantSettings],
});

fn run(cx: &mut Cx<'_>) {
    let Some(t) = tenant(cx) else { return };
    if t.is_empty() {
        cx.tenant_detail(
            Status::Fail,
            "tenant_setting_missing",
            "",
            None,
            "tenant settings are empty".to_owned(),
        );
        return;
    }
    match t.bool_at(&["flags"], "enable_dynamic_client_registration") {
        Ok(Some(true)) => cx.tenant_detail(
            Status::Fail,
            "enabled_dynamic_client_registration",
            "flags.enable_dynamic_client_registration",
            Some("true".into()),
            "open dynamic client registration is enabled".to_owned(),
        ),
        Ok(_) => cx.tenant_detail(
            Status::Info,
            "enable_dynamic_client_registration",
            "flags.enable_dynamic_client_registration",
            Some("false".into()),
            "dynamic client registration is off".to_owned(),
        ),
        Err(m) => {
            let r = cx.tenant();
            cx.malformed(&r, &m);
        }
    }
}
