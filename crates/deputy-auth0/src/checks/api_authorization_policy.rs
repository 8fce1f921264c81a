//! checkAPIAuthorizationPolicy.
use crate::check::{Cx, Status};
use crate::checks::common::is_system_api;
use crate::model::Kind;
use crate::snapshot::SectionId;

check!(ApiAuthorizationPolicy {
    code: "AUTH0-API-002",
    peer: Some("checkAPIAuthorizationPolicy"),
    title: "Any application can get user tokens for the API",
    area: Apis,
    severity: Medium,
    reason: "CheckMate: Moderate. Without `require_client_grant`, every application in the tenant can request user access tokens for the API.",
    description: "Reads `subject_type_authorization.user.policy` of custom APIs; reports anything but `require_client_grant`.",
    remediation: "Require client grants for user access tokens and validate `azp` in the API.",
    docs: ["https://auth0.com/docs/get-started/apis/api-access-policies-for-applications"],
    reads: [ResourceServers],
});

fn run(cx: &mut Cx<'_>) {
    let Some(apis) = cx.list(SectionId::ResourceServers) else {
        return;
    };
    let custom: Vec<_> = apis.into_iter().filter(|a| !is_system_api(*a)).collect();
    cx.each(&custom, Kind::ResourceServer, |cx, a, r| {
        match a.str_at(&["subject_type_authorization", "user"], "policy")? {
            Some("require_client_grant") => cx.emit(
                Status::Pass,
                r,
                "api_access_restricted",
                "subject_type_authorization.user.policy",
                None,
                "restricted".into(),
            ),
            p => cx.emit(
                Status::Warn,
                r,
                "api_access_unrestricted",
                "subject_type_authorization.user.policy",
                p.map(str::to_owned),
                format!(
                    "any application can get user tokens for API {}",
                    r.display()
                ),
            ),
        }
        Ok(())
    });
}
