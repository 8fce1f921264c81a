//! checkNetworkACL.
use crate::check::{Cx, Status};
use crate::model::Kind;
use crate::snapshot::SectionId;

check!(NetworkAcl {
    code: "AUTH0-ACL-001",
    peer: Some("checkNetworkACL"),
    title: "No tenant ACL, or an inactive one",
    area: NetworkAcl,
    severity: Medium,
    reason: "CheckMate: Moderate. Tenant ACLs block abusive sources before they reach login or the Management API.",
    description: "Reads `network_acls`; reports when there is none and each inactive rule. A read refused for scope or entitlement is a diagnostic.",
    remediation: "Configure tenant access control lists and keep them active.",
    docs: ["https://auth0.com/docs/secure/tenant-access-control-list"],
    reads: [NetworkAcls],
});

fn run(cx: &mut Cx<'_>) {
    let Some(acls) = cx.list(SectionId::NetworkAcls) else {
        return;
    };
    if acls.is_empty() {
        cx.tenant_detail(
            Status::Fail,
            "no_network_acl",
            "network_acls",
            None,
            "no tenant ACL is configured".into(),
        );
        return;
    }
    cx.each(&acls, Kind::NetworkAcl, |cx, a, r| {
        if a.bool("active")? != Some(true) {
            cx.emit(
                Status::Fail,
                r,
                "network_acl_inactive",
                "active",
                Some("false".into()),
                format!("tenant ACL {} is inactive", r.display()),
            );
        }
        Ok(())
    });
}
