//! Deputy: grants of every scope.
use crate::check::{Cx, Status};
use crate::model::Kind;
use crate::snapshot::SectionId;

check!(OverbroadGrant {
    code: "AUTH0-GRANT-002",
    peer: None,
    title: "Application is granted every scope of an API",
    area: AccessControl,
    severity: Medium,
    reason: "Granting everything defeats least privilege: the application can do whatever the API allows.",
    description: "Compares each client grant's `scope` with the `scopes` the resource server defines; reports grants holding all of them (APIs with at least 3 scopes), and Management API grants with more than 25 scopes.",
    remediation: "Grant only the scopes the application uses.",
    docs: ["https://auth0.com/docs/get-started/apis/scopes/api-scopes"],
    reads: [ClientGrants, ResourceServers],
});

fn run(cx: &mut Cx<'_>) {
    let Some(grants) = cx.list(SectionId::ClientGrants) else {
        return;
    };
    let Some(apis) = cx.list(SectionId::ResourceServers) else {
        return;
    };
    cx.each(&grants, Kind::ClientGrant, |cx, g, r| {
        let audience = g.str("audience")?.unwrap_or("");
        let held = g.strs_or_empty("scope")?;
        if audience.ends_with("/api/v2/") {
            if held.len() > 25 {
                cx.emit(
                    Status::Fail,
                    r,
                    "grant_all_scopes",
                    "scope",
                    Some(held.len().to_string()),
                    format!(
                        "grant `{}` holds {} Management API scopes",
                        r.id,
                        held.len()
                    ),
                );
            }
            return Ok(());
        }
        let Some(api) = apis
            .iter()
            .find(|a| a.str("identifier").ok().flatten() == Some(audience))
        else {
            return Ok(());
        };
        let defined: Vec<&str> = api
            .objs("scopes")?
            .unwrap_or_default()
            .into_iter()
            .filter_map(|s| s.str("value").ok().flatten())
            .collect();
        if defined.len() >= 3 && defined.iter().all(|d| held.contains(d)) {
            cx.emit(
                Status::Fail,
                r,
                "grant_all_scopes",
                "scope",
                Some(held.len().to_string()),
                format!("grant `{}` holds every scope of `{audience}`", r.id),
            );
        }
        Ok(())
    });
}
