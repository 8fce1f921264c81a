//! Deputy: secrets in organization metadata.
use crate::check::{Cx, Status};
use crate::model::Kind;
use crate::snapshot::SectionId;

check!(OrgMetadataSecrets {
    code: "AUTH0-ORG-001",
    peer: None,
    title: "Organization metadata looks like it holds a secret",
    area: AccessControl,
    severity: Medium,
    reason: "Organization metadata is readable by anyone with `read:organizations` and can be added to tokens; it is not a secret store.",
    description: "Reports organization `metadata` keys containing secret, password, token, api_key or private_key.",
    remediation: "Keep secrets in a vault or Action secrets, not organization metadata.",
    docs: [
        "https://auth0.com/docs/manage-users/organizations/configure-organizations/define-organization-behavior"
    ],
    reads: [Organizations],
});

fn run(cx: &mut Cx<'_>) {
    let Some(orgs) = cx.list(SectionId::Organizations) else {
        return;
    };
    cx.each(&orgs, Kind::Organization, |cx, o, r| {
        let Some(meta) = o.obj("metadata")? else {
            return Ok(());
        };
        for key in meta.map().keys() {
            let k = key.to_ascii_lowercase();
            if [
                "secret",
                "password",
                "token",
                "api_key",
                "apikey",
                "private_key",
            ]
            .iter()
            .any(|s| k.contains(s))
            {
                cx.emit(
                    Status::Fail,
                    r,
                    "org_metadata_secret",
                    format!("metadata.{key}"),
                    None,
                    format!("organization {} stores `{key}` in metadata", r.display()),
                );
            }
        }
        Ok(())
    });
}
