//! checkDefaultDirectory.
use crate::check::{Cx, Status};
use crate::checks::common::{tenant, tenant_text};

check!(DefaultDirectory {
    code: "AUTH0-TENANT-002",
    peer: Some("checkDefaultDirectory"),
    title: "Default directory for password grants is set",
    area: Tenant,
    severity: Info,
    reason: "CheckMate: Info. It only matters if the password grant is in use; shown for review.",
    description: "Reads `tenant_settings.default_directory`; reports when it is set.",
    remediation: "Confirm the default connection for password grants is intended, or clear it.",
    docs: ["https://auth0.com/docs/get-started/tenant-settings#api-authorization-settings"],
    reads: [TenantSettings],
});

fn run(cx: &mut Cx<'_>) {
    let Some(t) = tenant(cx) else { return };
    let Some(v) = tenant_text(cx, t, "default_directory") else {
        return;
    };
    match v {
        Some(d) => cx.tenant_detail(
            Status::Fail,
            "default_directory",
            "default_directory",
            Some(d.to_owned()),
            format!("the default directory is `{d}`"),
        ),
        None => cx.tenant_detail(
            Status::Info,
            "no_default_directory",
            "default_directory",
            None,
            "no default directory is set".to_owned(),
        ),
    }
}
