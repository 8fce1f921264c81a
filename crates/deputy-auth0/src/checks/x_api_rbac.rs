//! Deputy: APIs with scopes but without RBAC.
use crate::check::{Cx, Status};
use crate::checks::common::is_system_api;
use crate::model::Kind;
use crate::snapshot::SectionId;

check!(ApiRbac {
    code: "AUTH0-API-101",
    peer: None,
    title: "API defines scopes but does not enforce RBAC",
    area: Apis,
    severity: Medium,
    reason: "Without RBAC, any user may be issued any scope the application requests; the scopes then mean nothing.",
    description: "Reports custom APIs with `scopes` and `enforce_policies` not true.",
    remediation: "Enable RBAC (and \"Add Permissions in the Access Token\") for the API, and assign permissions through roles.",
    docs: ["https://auth0.com/docs/get-started/apis/enable-role-based-access-control-for-apis"],
    reads: [ResourceServers],
});

fn run(cx: &mut Cx<'_>) {
    let Some(apis) = cx.list(SectionId::ResourceServers) else {
        return;
    };
    let custom: Vec<_> = apis.into_iter().filter(|a| !is_system_api(*a)).collect();
    cx.each(&custom, Kind::ResourceServer, |cx, a, r| {
        let scopes = a.array("scopes")?.map_or(0, <[_]>::len);
        if scopes > 0 && a.bool("enforce_policies")? != Some(true) {
            cx.emit(
                Status::Fail,
                r,
                "rbac_not_enforced",
                "enforce_policies",
                Some("false".into()),
                format!("API {} has {scopes} scope(s) but no RBAC", r.display()),
            );
        }
        Ok(())
    });
}
