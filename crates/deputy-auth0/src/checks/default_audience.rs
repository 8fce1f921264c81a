//! checkDefaultAudience.
use crate::check::{Cx, Status};
use crate::checks::common::{tenant, tenant_text};

check!(DefaultAudience {
    code: "AUTH0-TENANT-001",
    peer: Some("checkDefaultAudience"),
    title: "Tenant-wide default audience is set",
    area: Tenant,
    severity: Info,
    reason: "CheckMate: Info. A default audience is not a flaw by itself, but it makes every token request without `audience` yield an access token for that API, which apps may not expect.",
    description: "Reads `tenant_settings.default_audience`; reports when it is set.",
    remediation: "Remove the tenant-wide default audience and have each application send `audience` explicitly.",
    docs: ["https://auth0.com/docs/get-started/tenant-settings#api-authorization-settings"],
    reads: [TenantSettings],
});

fn run(cx: &mut Cx<'_>) {
    let Some(t) = tenant(cx) else { return };
    let Some(v) = tenant_text(cx, t, "default_audience") else {
        return;
    };
    match v {
        Some(a) => cx.tenant_detail(
            Status::Fail,
            "default_audience",
            "default_audience",
            Some(a.to_owned()),
            format!("the tenant's default audience is `{a}`"),
        ),
        None => cx.tenant_detail(
            Status::Info,
            "no_default_audience",
            "default_audience",
            None,
            "no default audience is set".to_owned(),
        ),
    }
}
