//! checkTenantLogoutUrl.
use crate::check::{Cx, Status};
use crate::checks::common::{insecure_url, tenant, url_reason};

check!(TenantLogoutUrl {
    code: "AUTH0-TENANT-009",
    peer: Some("checkTenantLogoutUrl"),
    title: "Tenant logout URLs are missing or insecure",
    area: Tenant,
    severity: Info,
    reason: "CheckMate: Info. Insecure allowed logout URLs let a logout redirect users to a dev or clear-text host.",
    description: "Reads `tenant_settings.allowed_logout_urls`; reports when empty and for each URL that is plain http, loopback, a wildcard or invalid.",
    remediation: "Keep only HTTPS production logout URLs.",
    docs: ["https://auth0.com/docs/authenticate/login/logout/redirect-users-after-logout"],
    reads: [TenantSettings],
});

fn run(cx: &mut Cx<'_>) {
    let Some(t) = tenant(cx) else { return };
    match t.strs_or_empty("allowed_logout_urls") {
        Ok(urls) if urls.is_empty() => cx.tenant_detail(
            Status::Fail,
            "missing_allowed_logout_urls",
            "allowed_logout_urls",
            Some("[]".into()),
            "no tenant-level allowed logout URL is set".to_owned(),
        ),
        Ok(urls) => {
            for u in urls.into_iter().filter(|u| insecure_url(u)) {
                cx.tenant_detail(
                    Status::Fail,
                    "invalid_allowed_logout_urls",
                    format!("allowed_logout_urls[{u:?}]"),
                    Some(u.to_owned()),
                    format!("allowed logout URL `{u}` is insecure ({})", url_reason(u)),
                );
            }
        }
        Err(m) => {
            let r = cx.tenant();
            cx.malformed(&r, &m);
        }
    }
}
