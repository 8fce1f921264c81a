//! checkCanonicalDomain.
use crate::check::{Cx, Status};
use crate::snapshot::SectionId;

check!(CanonicalDomainUsed {
    code: "AUTH0-DOMAIN-002",
    peer: Some("checkCanonicalDomain"),
    title: "Logins still use the canonical Auth0 domain",
    area: Domains,
    severity: Medium,
    reason: "CheckMate: Moderate. Logins on the canonical host bypass custom-domain protections and keep it from being blocked.",
    description: "Reads the most recent login/signup log entry for the canonical host and `custom_domains`; reports when logins used the canonical host, or when no such log is available to prove otherwise.",
    remediation: "Move every application to the custom domain, then block the canonical host with a tenant ACL.",
    docs: ["https://auth0.com/docs/customize/custom-domains"],
    reads: [Logs, CustomDomains],
});

fn run(cx: &mut Cx<'_>) {
    let Some(logs) = cx.list(SectionId::Logs) else {
        return;
    };
    let Some(domains) = cx.list(SectionId::CustomDomains) else {
        return;
    };
    let query = cx.snap.log_query.clone().unwrap_or_default();
    if logs.is_empty() {
        cx.tenant_detail(
            Status::Fail,
            "canonical_domain_no_logs",
            "logs",
            Some(format!("<br> {query}")),
            "no login log on the canonical domain could be read to confirm it is unused".to_owned(),
        );
        return;
    }
    let custom: Vec<&str> = domains
        .iter()
        .filter_map(|d| d.str("domain").ok().flatten())
        .collect();
    let matched = logs.iter().any(|l| {
        l.str("hostname")
            .ok()
            .flatten()
            .is_some_and(|h| custom.contains(&h))
    });
    if !matched {
        let id = logs
            .first()
            .and_then(|l| {
                l.str("_id")
                    .ok()
                    .flatten()
                    .or_else(|| l.str("log_id").ok().flatten())
            })
            .unwrap_or("");
        cx.tenant_detail(
            Status::Fail,
            "canonical_domain_used",
            "logs.hostname",
            Some(format!("<br> {query} <br> log_id: {id}")),
            format!("logins used the canonical domain (log `{id}`)"),
        );
    }
}
