//! Deputy: session lifetimes judged against limits.
use crate::check::{Cx, Status};
use crate::checks::common::tenant;

check!(SessionLimits {
    code: "AUTH0-TENANT-101",
    peer: None,
    title: "Session lifetimes exceed recommended limits",
    area: Tenant,
    severity: Low,
    reason: "A long-lived session on a shared or stolen device is a logged-in account; OWASP ASVS asks for bounded idle and absolute lifetimes.",
    description: "Reports `idle_session_lifetime` above 72 h (the default) and `session_lifetime` above 720 h (30 days), using Auth0's defaults when absent.",
    remediation: "Lower the idle session lifetime to at most 72 h and the absolute lifetime to at most 30 days (shorter for sensitive apps).",
    docs: ["https://auth0.com/docs/manage-users/sessions/configure-session-lifetime-settings"],
    reads: [TenantSettings],
});

fn run(cx: &mut Cx<'_>) {
    let Some(t) = tenant(cx) else { return };
    let r = cx.tenant();
    let read = (|| {
        Ok::<_, crate::model::Malformed>((
            t.num("idle_session_lifetime")?.unwrap_or(72.0),
            t.num("session_lifetime")?.unwrap_or(168.0),
        ))
    })();
    let (idle, abs) = match read {
        Ok(v) => v,
        Err(m) => return cx.malformed(&r, &m),
    };
    if idle > 72.0 {
        cx.tenant_detail(
            Status::Fail,
            "idle_session_too_long",
            "idle_session_lifetime",
            Some(format!("{idle}h")),
            format!("idle sessions last {idle} h (limit 72 h)"),
        );
    }
    if abs > 720.0 {
        cx.tenant_detail(
            Status::Fail,
            "session_too_long",
            "session_lifetime",
            Some(format!("{abs}h")),
            format!("sessions last up to {abs} h (limit 720 h)"),
        );
    }
}
