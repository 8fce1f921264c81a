//! checkSessionLifetime.
use crate::check::{Cx, Status};
use crate::checks::common::tenant;

check!(SessionLifetime {
    code: "AUTH0-TENANT-005",
    peer: Some("checkSessionLifetime"),
    title: "Session lifetimes and cookie mode (for review)",
    area: Tenant,
    severity: Info,
    reason: "CheckMate: Info. The effective values are shown for review; AUTH0-TENANT-101 judges them against limits.",
    description: "Reads `idle_session_lifetime` (default 72 h), `session_lifetime` (default 168 h) and `session_cookie.mode` (default persistent) and reports the effective values.",
    remediation: "Shorten idle and absolute session lifetimes to what the business needs; consider non-persistent cookies.",
    docs: ["https://auth0.com/docs/manage-users/sessions/configure-session-lifetime-settings"],
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
    let read = (|| {
        Ok::<_, crate::model::Malformed>((
            t.num("idle_session_lifetime")?,
            t.num("session_lifetime")?,
            t.str_at(&["session_cookie"], "mode")?,
        ))
    })();
    match read {
        Ok((idle, abs, mode)) => {
            let idle = idle.unwrap_or(72.0);
            let abs = abs.unwrap_or(168.0);
            let mode = mode.unwrap_or("persistent");
            cx.tenant_detail(
                Status::Fail,
                "idle_session_lifetime",
                "idle_session_lifetime",
                Some(format!("{idle}h")),
                format!("idle session lifetime is {idle} h"),
            );
            cx.tenant_detail(
                Status::Fail,
                "session_lifetime",
                "session_lifetime",
                Some(format!("{abs}h")),
                format!("absolute session lifetime is {abs} h"),
            );
            cx.tenant_detail(
                Status::Fail,
                "session_cookie_mode",
                "session_cookie.mode",
                Some(mode.to_owned()),
                format!("the session cookie is {mode}"),
            );
        }
        Err(m) => {
            let r = cx.tenant();
            cx.malformed(&r, &m);
        }
    }
}
