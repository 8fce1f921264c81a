//! checkTenantLoginUrl.
use crate::check::{Cx, Status};
use crate::checks::common::{insecure_url, tenant, tenant_text, url_reason};

check!(TenantLoginUrl {
    code: "AUTH0-TENANT-008",
    peer: Some("checkTenantLoginUrl"),
    title: "Tenant default login route is missing or insecure",
    area: Tenant,
    severity: Info,
    reason: "CheckMate: Info. Without it, some flows (password reset, invitations) cannot return users to the app; an insecure one sends them to a dev or clear-text host.",
    description: "Reads `tenant_settings.default_redirection_uri`; reports when it is empty or, parsed as a URL, is plain http, loopback, a wildcard or invalid.",
    remediation: "Set an HTTPS default login route on a production host.",
    docs: [
        "https://auth0.com/docs/authenticate/login/auth0-universal-login/configure-default-login-routes"
    ],
    reads: [TenantSettings],
});

fn run(cx: &mut Cx<'_>) {
    let Some(t) = tenant(cx) else { return };
    let Some(v) = tenant_text(cx, t, "default_redirection_uri") else {
        return;
    };
    match v {
        None => cx.tenant_detail(
            Status::Fail,
            "no_default_redirection_uri",
            "default_redirection_uri",
            None,
            "no default login route is set".to_owned(),
        ),
        Some(u) if insecure_url(u) => cx.tenant_detail(
            Status::Fail,
            "invalid_default_redirection_uri",
            "default_redirection_uri",
            Some(u.to_owned()),
            format!(
                "the default login route `{u}` is insecure ({})",
                url_reason(u)
            ),
        ),
        Some(u) => cx.tenant_detail(
            Status::Pass,
            "default_redirection_uri",
            "default_redirection_uri",
            Some(u.to_owned()),
            "the default login route is HTTPS".to_owned(),
        ),
    }
}
