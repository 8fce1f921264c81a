//! Deputy: third-party apps on the Management API.
use crate::check::{Cx, Status};
use crate::model::Kind;
use crate::snapshot::SectionId;

check!(ThirdPartyManagementGrant {
    code: "AUTH0-GRANT-004",
    peer: None,
    title: "Third-party application is granted the Management API",
    area: AccessControl,
    severity: High,
    reason: "Third-party and dynamically registered applications are not under your control; Management API access lets them administer the tenant.",
    description: "Reports Management API client grants whose client has `is_first_party` = false.",
    remediation: "Remove Management API grants from third-party applications.",
    docs: [
        "https://auth0.com/docs/get-started/applications/confidential-and-public-applications/user-consent-and-third-party-applications"
    ],
    reads: [ClientGrants, Clients],
});

fn run(cx: &mut Cx<'_>) {
    let Some(grants) = cx.list(SectionId::ClientGrants) else {
        return;
    };
    let Some(clients) = cx.list(SectionId::Clients) else {
        return;
    };
    let third: Vec<&str> = clients
        .iter()
        .filter(|c| c.bool("is_first_party").ok().flatten() == Some(false))
        .filter_map(|c| c.str("client_id").ok().flatten())
        .collect();
    cx.each(&grants, Kind::ClientGrant, |cx, g, r| {
        let mgmt = g.str("audience")?.is_some_and(|a| a.ends_with("/api/v2/"));
        if let (true, Some(c)) = (mgmt, g.str("client_id")?)
            && third.contains(&c)
        {
            cx.emit(
                Status::Fail,
                r,
                "third_party_management_grant",
                "client_id",
                Some(c.to_owned()),
                format!("third-party client `{c}` is granted the Management API"),
            );
        }
        Ok(())
    });
}
