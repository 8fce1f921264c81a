//! Deputy: error page shows a log link.
use crate::check::{Cx, Status};
use crate::checks::common::tenant;

check!(ErrorPageLogLink {
    code: "AUTH0-TENANT-105",
    peer: None,
    title: "Error page links to the tenant log",
    area: Tenant,
    severity: Low,
    reason: "The log link shows end users internal error details useful for reconnaissance.",
    description: "Reports `error_page.show_log_link` = true.",
    remediation: "Hide the log link on the error page.",
    docs: ["https://auth0.com/docs/customize/login-pages/custom-error-pages"],
    reads: [TenantSettings],
});

fn run(cx: &mut Cx<'_>) {
    let Some(t) = tenant(cx) else { return };
    match t.bool_at(&["error_page"], "show_log_link") {
        Ok(Some(true)) => cx.tenant_detail(
            Status::Fail,
            "error_page_log_link",
            "error_page.show_log_link",
            Some("true".into()),
            "the error page links to the log".into(),
        ),
        Ok(_) => {}
        Err(m) => {
            let r = cx.tenant();
            cx.malformed(&r, &m);
        }
    }
}
