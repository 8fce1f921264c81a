//! Deputy: third-party apps with powerful grants.
use crate::check::{Cx, Status};
use crate::checks::common::grants;
use crate::model::Kind;
use crate::snapshot::SectionId;

check!(ThirdPartyGrants {
    code: "AUTH0-CLIENT-106",
    peer: None,
    title: "Third-party application may use password or client-credentials grants",
    area: Applications,
    severity: High,
    reason: "Third-party (often dynamically registered) apps should only use consent-based flows; the password grant hands them users' credentials, client credentials give them their own API access.",
    description: "Reports clients with `is_first_party` = false whose `grant_types` include password, password-realm or client_credentials.",
    remediation: "Remove password and client-credentials grants from third-party applications.",
    docs: [
        "https://auth0.com/docs/get-started/applications/confidential-and-public-applications/user-consent-and-third-party-applications"
    ],
    reads: [Clients],
});

fn run(cx: &mut Cx<'_>) {
    let Some(clients) = cx.list(SectionId::Clients) else {
        return;
    };
    cx.each(&clients, Kind::Client, |cx, c, r| {
        if c.bool("is_first_party")? != Some(false) {
            return Ok(());
        }
        for g in grants(c)? {
            if matches!(
                g,
                "password"
                    | "http://auth0.com/oauth/grant-type/password-realm"
                    | "client_credentials"
            ) {
                cx.emit(
                    Status::Fail,
                    r,
                    "third_party_powerful_grant",
                    format!("grant_types[{g:?}]"),
                    Some(g.to_owned()),
                    format!("third-party {} may use the `{g}` grant", r.display()),
                );
            }
        }
        Ok(())
    });
}
