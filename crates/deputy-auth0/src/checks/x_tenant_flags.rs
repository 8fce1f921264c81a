//! Deputy: dangerous tenant flags.
use crate::check::{Cx, Status};
use crate::checks::common::tenant;

check!(TenantFlags {
    code: "AUTH0-TENANT-102",
    peer: None,
    title: "Clickjacking protection headers are disabled",
    area: Tenant,
    severity: High,
    reason: "Without X-Frame-Options/frame-ancestors, the login page can be framed and users tricked into submitting credentials or consent.",
    description: "Reports `flags.disable_clickjack_protection_headers` = true.",
    remediation: "Turn clickjacking protection headers back on (`disable_clickjack_protection_headers: false`).",
    docs: ["https://auth0.com/docs/secure/security-guidance/prevent-threats#clickjacking"],
    reads: [TenantSettings],
});

fn run(cx: &mut Cx<'_>) {
    let Some(t) = tenant(cx) else { return };
    match t.bool_at(&["flags"], "disable_clickjack_protection_headers") {
        Ok(Some(true)) => cx.tenant_detail(
            Status::Fail,
            "clickjack_protection_disabled",
            "flags.disable_clickjack_protection_headers",
            Some("true".into()),
            "clickjacking protection headers are disabled".into(),
        ),
        Ok(_) => {}
        Err(m) => {
            let r = cx.tenant();
            cx.malformed(&r, &m);
        }
    }
}
