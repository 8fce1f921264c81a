//! checkBlockCanonicalDomain.
use crate::check::{Cx, Status};
use crate::model::Obj;
use crate::snapshot::SectionId;

check!(BlockCanonicalDomain {
    code: "AUTH0-ACL-002",
    peer: Some("checkBlockCanonicalDomain"),
    title: "Canonical domain is not blocked although a custom domain is ready",
    area: NetworkAcl,
    severity: Medium,
    reason: "CheckMate: Moderate. As long as the canonical host answers, attackers can phish or run flows on it outside your domain's protections.",
    description: "When a custom domain is `ready`, reports unless an active ACL rule with scope `authentication` and `action.block` matches the canonical host (or `*.auth0.com` / `*.auth0app.com`).",
    remediation: "Add a tenant ACL that blocks the canonical hostname for authentication.",
    docs: ["https://auth0.com/docs/secure/tenant-access-control-list"],
    reads: [CustomDomains, NetworkAcls],
});

fn blocks(rule: Obj<'_>, canonical: &str) -> bool {
    let r = rule.obj_or_empty("rule").unwrap_or_else(|_| Obj::empty());
    rule.bool("active").ok().flatten() == Some(true)
        && r.str("scope").ok().flatten() == Some("authentication")
        && r.bool_at(&["action"], "block").ok().flatten() == Some(true)
        && r.at(&["match"])
            .ok()
            .flatten()
            .and_then(|m| m.strs("hostnames").ok().flatten())
            .unwrap_or_default()
            .iter()
            .any(|h| {
                *h == canonical
                    || h.strip_prefix("*.").is_some_and(|suffix| {
                        (suffix == "auth0.com" || suffix == "auth0app.com")
                            && canonical.ends_with(&format!(".{suffix}"))
                    })
            })
}

fn run(cx: &mut Cx<'_>) {
    let Some(acls) = cx.list(SectionId::NetworkAcls) else {
        return;
    };
    let Some(domains) = cx.list(SectionId::CustomDomains) else {
        return;
    };
    let ready: Vec<&str> = domains
        .iter()
        .filter(|d| d.str("status").ok().flatten() == Some("ready"))
        .filter_map(|d| d.str("domain").ok().flatten())
        .collect();
    if ready.is_empty() {
        return;
    }
    let Some(canonical) = cx.snap.canonical_domain.clone() else {
        // Without the canonical host, a hostname-blocking rule cannot be judged; with no
        // such rule at all the host is certainly not blocked (CheckMate's verdict).
        let any_block = acls.iter().any(|a| {
            let r = a.obj_or_empty("rule").unwrap_or_else(|_| Obj::empty());
            r.str("scope").ok().flatten() == Some("authentication")
                && r.at(&["match"])
                    .ok()
                    .flatten()
                    .and_then(|m| m.strs("hostnames").ok().flatten())
                    .is_some_and(|h| !h.is_empty())
        });
        if any_block {
            cx.diagnostic(crate::check::DiagnosticKind::MissingInput, None, None, "the canonical domain is unknown, so the hostname ACL rules cannot be judged (give `--canonical-domain`)".into());
        } else {
            cx.tenant_detail(
                Status::Warn,
                "canonical_domain_not_blocked",
                "network_acls",
                None,
                format!(
                    "custom domain {} is ready but no ACL rule blocks the canonical host",
                    ready.join(", ")
                ),
            );
        }
        return;
    };
    if !acls.iter().any(|a| blocks(*a, &canonical)) {
        cx.tenant_detail(
            Status::Warn,
            "canonical_domain_not_blocked",
            "network_acls",
            Some(canonical.clone()),
            format!(
                "custom domain {} is ready but the canonical host `{canonical}` is not blocked",
                ready.join(", ")
            ),
        );
    }
}
