//! checkCustomDomain.
use crate::check::{Cx, Status};
use crate::snapshot::SectionId;

check!(CustomDomain {
    code: "AUTH0-DOMAIN-001",
    peer: Some("checkCustomDomain"),
    title: "No verified custom domain",
    area: Domains,
    severity: High,
    reason: "CheckMate: High. Without a first-party domain, sessions live on a shared Auth0 host: third-party cookie blocking breaks silent auth and users cannot tell the login page is yours.",
    description: "Reads `custom_domains`; reports when there is none, or when none is `ready` and one is `pending_verification`.",
    remediation: "Configure and verify a custom domain, then move applications to it.",
    docs: ["https://auth0.com/docs/customize/custom-domains"],
    reads: [CustomDomains],
});

fn run(cx: &mut Cx<'_>) {
    let Some(domains) = cx.list(SectionId::CustomDomains) else {
        return;
    };
    if domains.is_empty() {
        cx.tenant_detail(
            Status::Fail,
            "not_configured",
            "custom_domains",
            None,
            "no custom domain is configured".to_owned(),
        );
        return;
    }
    let with = |s: &str| {
        domains
            .iter()
            .find(|d| d.str("status").ok().flatten() == Some(s))
            .and_then(|d| d.str("domain").ok().flatten())
    };
    if let Some(d) = with("ready") {
        cx.tenant_detail(
            Status::Pass,
            "ready",
            "custom_domains",
            Some(d.to_owned()),
            format!("custom domain `{d}` is ready"),
        );
    } else if let Some(d) = with("pending_verification") {
        cx.tenant_detail(
            Status::Fail,
            "pending_verification",
            "custom_domains",
            Some(d.to_owned()),
            format!("custom domain `{d}` is still pending verification"),
        );
    }
}
