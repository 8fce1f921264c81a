//! Deputy: M2M grants on the Management API with write scopes.
use crate::check::{Cx, Status};
use crate::model::{Kind, Obj};
use crate::snapshot::SectionId;

check!(ManagementWriteGrant {
    code: "AUTH0-GRANT-001",
    peer: None,
    title: "Application holds write scopes on the Management API",
    area: AccessControl,
    severity: High,
    reason: "A leaked client secret with write scopes on `/api/v2/` can create admins, change connections or read client keys: tenant takeover.",
    description: "Reads `client_grants` whose audience is the Management API (`.../api/v2/`); reports `create:`, `update:` and `delete:` scopes and `read:client_keys` / `read:client_credentials`.",
    remediation: "Grant M2M applications only the read scopes they need; split writers into separate, tightly held applications.",
    docs: [
        "https://auth0.com/docs/get-started/applications/application-access-to-apis-client-credentials"
    ],
    reads: [ClientGrants],
});

pub(crate) fn management(g: Obj<'_>) -> bool {
    g.str("audience")
        .ok()
        .flatten()
        .is_some_and(|a| a.ends_with("/api/v2/"))
}

pub(crate) fn dangerous(scope: &str) -> bool {
    scope.starts_with("create:")
        || scope.starts_with("update:")
        || scope.starts_with("delete:")
        || scope == "read:client_keys"
        || scope == "read:client_credentials"
}

fn run(cx: &mut Cx<'_>) {
    let Some(grants) = cx.list(SectionId::ClientGrants) else {
        return;
    };
    cx.each(&grants, Kind::ClientGrant, |cx, g, r| {
        if !management(g) {
            return Ok(());
        }
        let client = g.str("client_id")?.unwrap_or("(unknown)");
        let bad: Vec<&str> = g
            .strs_or_empty("scope")?
            .into_iter()
            .filter(|s| dangerous(s))
            .collect();
        if !bad.is_empty() {
            cx.emit(
                Status::Fail,
                r,
                "management_api_write_scopes",
                "scope",
                Some(bad.join(" ")),
                format!(
                    "client `{client}` holds {} write scope(s) on the Management API: {}",
                    bad.len(),
                    bad.join(" ")
                ),
            );
        }
        Ok(())
    });
}
