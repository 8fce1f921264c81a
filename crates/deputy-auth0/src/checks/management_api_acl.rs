//! checkManagementAPIACL.
use crate::check::{Cx, Status};
use crate::snapshot::SectionId;

check!(ManagementApiAcl {
    code: "AUTH0-ACL-003",
    peer: Some("checkManagementAPIACL"),
    title: "Management API is reachable from any address",
    area: NetworkAcl,
    severity: Low,
    reason: "CheckMate: Low. An allow-list limits where a leaked M2M credential can be used from.",
    description: "Reports unless an active ACL rule with scope `management`, `action.allow` and IPv4/IPv6 CIDRs exists.",
    remediation: "Allow-list the source addresses of Management API clients.",
    docs: ["https://auth0.com/docs/secure/tenant-access-control-list"],
    reads: [NetworkAcls],
});

fn run(cx: &mut Cx<'_>) {
    let Some(acls) = cx.list(SectionId::NetworkAcls) else {
        return;
    };
    let ok = acls.iter().any(|a| {
        let r = a
            .obj_or_empty("rule")
            .unwrap_or_else(|_| crate::model::Obj::empty());
        let m = r
            .obj_or_empty("match")
            .unwrap_or_else(|_| crate::model::Obj::empty());
        let cidrs = m.strs_or_empty("ipv4_cidrs").unwrap_or_default().len()
            + m.strs_or_empty("ipv6_cidrs").unwrap_or_default().len();
        a.bool("active").ok().flatten() == Some(true)
            && r.str("scope").ok().flatten() == Some("management")
            && r.bool_at(&["action"], "allow").ok().flatten() == Some(true)
            && cidrs > 0
    });
    if !ok {
        cx.tenant_detail(
            Status::Warn,
            "no_management_api_allowlist",
            "network_acls",
            None,
            "no active allow-list restricts Management API sources".into(),
        );
    }
}
