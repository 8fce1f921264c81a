//! checkSandboxVersion.
use crate::check::{Cx, Status};
use crate::checks::common::tenant;

check!(SandboxVersion {
    code: "AUTH0-TENANT-004",
    peer: Some("checkSandboxVersion"),
    title: "Extensibility runtime is an outdated Node.js",
    area: Tenant,
    severity: High,
    reason: "CheckMate: High. Node.js below 18 no longer receives security fixes and runs tenant code (Rules, Hooks, custom DB scripts).",
    description: "Reads `tenant_settings.sandbox_version`; reports when it is below 18.",
    remediation: "Move the extensibility runtime to a current Node.js (22) and retest Rules, Hooks and custom database scripts.",
    docs: ["https://auth0.com/docs/customize/extensibility"],
    reads: [TenantSettings],
});

fn run(cx: &mut Cx<'_>) {
    let Some(t) = tenant(cx) else { return };
    match t.num("sandbox_version") {
        Ok(Some(v)) if v < 18.0 => cx.tenant_detail(
            Status::Fail,
            "sandbox_version",
            "sandbox_version",
            Some(v.to_string()),
            format!("the extensibility runtime is Node.js {v}"),
        ),
        Ok(_) => {}
        Err(m) => {
            // CheckMate treats a non-numeric version as NaN and never reports it.
            let r = cx.tenant();
            cx.malformed(&r, &m);
        }
    }
}
