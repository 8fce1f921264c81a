//! Deputy: custom-domain TLS policy.
use crate::check::{Cx, Status};
use crate::model::Kind;
use crate::snapshot::SectionId;

check!(DomainTlsPolicy {
    code: "AUTH0-DOMAIN-101",
    peer: None,
    title: "Custom domain accepts legacy TLS",
    area: Domains,
    severity: Medium,
    reason: "The `compatible` policy keeps TLS 1.0/1.1 and weak ciphers for old clients.",
    description: "Reads `custom_domains[].tls_policy`; reports `compatible`.",
    remediation: "Use the `recommended` TLS policy.",
    docs: ["https://auth0.com/docs/customize/custom-domains/auth0-managed-certificates"],
    reads: [CustomDomains],
});

fn run(cx: &mut Cx<'_>) {
    let Some(domains) = cx.list(SectionId::CustomDomains) else {
        return;
    };
    cx.each(&domains, Kind::CustomDomain, |cx, d, r| {
        if d.str("tls_policy")? == Some("compatible") {
            cx.emit(
                Status::Fail,
                r,
                "legacy_tls_policy",
                "tls_policy",
                Some("compatible".into()),
                format!("custom domain {} accepts legacy TLS", r.display()),
            );
        }
        Ok(())
    });
}
