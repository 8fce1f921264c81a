//! checkManagementAPIUserAccess.
use crate::check::{Cx, Status};
use crate::checks::common::is_system_api;
use crate::model::Kind;
use crate::snapshot::SectionId;

check!(ManagementApiUserAccess {
    code: "AUTH0-API-001",
    peer: Some("checkManagementAPIUserAccess"),
    title: "Users can get Management API tokens without a client grant",
    area: Apis,
    severity: High,
    reason: "CheckMate: High. With `allow_all`, any user token for the Management API (e.g. via an XSS in an SPA) can call user-scoped endpoints.",
    description: "Reads `subject_type_authorization.user.policy` of the Management API; reports anything but `require_client_grant` or `deny_all` (absent means permissive).",
    remediation: "Restrict user access to the Management API; do account linking and profile edits from a back end.",
    docs: ["https://auth0.com/docs/get-started/apis/api-access-policies-for-applications"],
    reads: [ResourceServers],
});

fn run(cx: &mut Cx<'_>) {
    let Some(apis) = cx.list(SectionId::ResourceServers) else {
        return;
    };
    let mgmt: Vec<_> = apis
        .into_iter()
        .filter(|a| {
            is_system_api(*a)
                && a.str("identifier")
                    .ok()
                    .flatten()
                    .is_some_and(|i| i.ends_with("/api/v2/"))
        })
        .collect();
    cx.each(&mgmt, Kind::ResourceServer, |cx, a, r| {
        match a.str_at(&["subject_type_authorization", "user"], "policy")? {
            Some("require_client_grant" | "deny_all") => cx.emit(
                Status::Pass,
                r,
                "management_api_user_access_restricted",
                "subject_type_authorization.user.policy",
                None,
                "restricted".into(),
            ),
            p => cx.emit(
                Status::Fail,
                r,
                "management_api_user_access_allowed",
                "subject_type_authorization.user.policy",
                p.map(str::to_owned),
                format!(
                    "user access to the Management API is `{}`",
                    p.unwrap_or("allow_all (default)")
                ),
            ),
        }
        Ok(())
    });
}
