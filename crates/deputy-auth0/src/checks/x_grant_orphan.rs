//! Deputy: grants of deleted clients.
use crate::check::{Cx, Status};
use crate::model::Kind;
use crate::snapshot::SectionId;

check!(OrphanGrant {
    code: "AUTH0-GRANT-003",
    peer: None,
    title: "Client grant for an application that does not exist",
    area: AccessControl,
    severity: Low,
    reason: "Stale grants are forgotten access: if the client id is ever reused or restored, it regains API access nobody reviewed.",
    description: "Reports client grants whose `client_id` is not among the tenant's clients.",
    remediation: "Delete client grants of deleted applications.",
    docs: [
        "https://auth0.com/docs/get-started/applications/application-access-to-apis-client-credentials"
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
    let ids: Vec<&str> = clients
        .iter()
        .filter_map(|c| c.str("client_id").ok().flatten())
        .collect();
    cx.each(&grants, Kind::ClientGrant, |cx, g, r| {
        if let Some(c) = g.str("client_id")?
            && !ids.contains(&c)
        {
            cx.emit(
                Status::Fail,
                r,
                "orphan_client_grant",
                "client_id",
                Some(c.to_owned()),
                format!("grant `{}` is for unknown client `{c}`", r.id),
            );
        }
        Ok(())
    });
}
