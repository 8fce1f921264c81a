//! checkSupportEmail.
use crate::check::{Cx, Status};
use crate::checks::common::{tenant, tenant_text};

check!(SupportEmail {
    code: "AUTH0-TENANT-006",
    peer: Some("checkSupportEmail"),
    title: "No support email",
    area: Tenant,
    severity: Info,
    reason: "CheckMate: Info. Users locked out or phished need a published contact.",
    description: "Reads `tenant_settings.support_email`; reports when it is empty.",
    remediation: "Set a support email in the tenant settings.",
    docs: ["https://auth0.com/docs/get-started/tenant-settings"],
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
    let Some(v) = tenant_text(cx, t, "support_email") else {
        return;
    };
    match v {
        Some(e) => cx.tenant_detail(
            Status::Pass,
            "support_email",
            "support_email",
            Some(e.to_owned()),
            "a support email is set".to_owned(),
        ),
        None => cx.tenant_detail(
            Status::Fail,
            "no_support_email",
            "support_email",
            None,
            "no support email is set".to_owned(),
        ),
    }
}
