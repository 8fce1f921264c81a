//! checkSupportUrl.
use crate::check::{Cx, Status};
use crate::checks::common::{tenant, tenant_text};

check!(SupportUrl {
    code: "AUTH0-TENANT-007",
    peer: Some("checkSupportUrl"),
    title: "No support URL",
    area: Tenant,
    severity: Info,
    reason: "CheckMate: Info. Users need a published place to get help.",
    description: "Reads `tenant_settings.support_url`; reports when it is empty.",
    remediation: "Set a support URL in the tenant settings.",
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
    let Some(v) = tenant_text(cx, t, "support_url") else {
        return;
    };
    match v {
        Some(u) => cx.tenant_detail(
            Status::Pass,
            "support_url",
            "support_url",
            Some(u.to_owned()),
            "a support URL is set".to_owned(),
        ),
        None => cx.tenant_detail(
            Status::Fail,
            "no_support_url",
            "support_url",
            None,
            "no support URL is set".to_owned(),
        ),
    }
}
