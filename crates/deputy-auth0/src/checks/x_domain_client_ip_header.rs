//! Deputy: custom client IP header.
use crate::check::{Cx, Status};
use crate::model::Kind;
use crate::snapshot::SectionId;

check!(DomainClientIpHeader {
    code: "AUTH0-DOMAIN-102",
    peer: None,
    title: "Custom domain trusts a client-IP header",
    area: Domains,
    severity: Low,
    reason: "Attack protection keys on the client IP; if the header can be set by clients (no proxy overwriting it), throttling and IP allow-lists are bypassed.",
    description: "Reports custom domains with `custom_client_ip_header` set, for review.",
    remediation: "Set the header only behind a reverse proxy that overwrites it.",
    docs: ["https://auth0.com/docs/customize/custom-domains/self-managed-certificates"],
    reads: [CustomDomains],
});

fn run(cx: &mut Cx<'_>) {
    let Some(domains) = cx.list(SectionId::CustomDomains) else {
        return;
    };
    cx.each(&domains, Kind::CustomDomain, |cx, d, r| {
        if let Some(h) = d.nonempty_str("custom_client_ip_header")? {
            cx.emit(
                Status::Warn,
                r,
                "custom_client_ip_header",
                "custom_client_ip_header",
                Some(h.to_owned()),
                format!("custom domain {} takes client IPs from `{h}`", r.display()),
            );
        }
        Ok(())
    });
}
