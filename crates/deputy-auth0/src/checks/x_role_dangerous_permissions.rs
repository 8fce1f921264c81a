//! Deputy: roles with Management API write permissions.
use crate::check::{Cx, Status};
use crate::checks::x_grant_management_write::dangerous;
use crate::model::Kind;
use crate::snapshot::SectionId;

check!(RoleDangerousPermissions {
    code: "AUTH0-ROLE-001",
    peer: None,
    title: "Role grants write permissions on the Management API",
    area: AccessControl,
    severity: High,
    reason: "Users with such a role get Management API tokens that can change users, clients or connections: any XSS in their app becomes tenant administration.",
    description: "Reads each role's `permissions` (`permission_name`, `resource_server_identifier`); reports write scopes and `read:client_keys` on `.../api/v2/`.",
    remediation: "Do administration from a back end with an M2M client; keep Management API permissions out of user roles.",
    docs: ["https://auth0.com/docs/manage-users/access-control/rbac"],
    reads: [Roles],
});

fn run(cx: &mut Cx<'_>) {
    let Some(roles) = cx.list(SectionId::Roles) else {
        return;
    };
    cx.each(&roles, Kind::Role, |cx, role, r| {
        let bad: Vec<&str> = role
            .objs("permissions")?
            .unwrap_or_default()
            .into_iter()
            .filter(|p| {
                p.str("resource_server_identifier")
                    .ok()
                    .flatten()
                    .is_some_and(|i| i.ends_with("/api/v2/"))
            })
            .filter_map(|p| p.str("permission_name").ok().flatten())
            .filter(|p| dangerous(p))
            .collect();
        if !bad.is_empty() {
            cx.emit(
                Status::Fail,
                r,
                "role_management_write",
                "permissions",
                Some(bad.join(" ")),
                format!("role {} grants {}", r.display(), bad.join(" ")),
            );
        }
        Ok(())
    });
}
