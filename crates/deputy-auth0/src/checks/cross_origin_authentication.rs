//! checkCrossOriginAuthentication.
use crate::check::{Cx, Status};
use crate::model::Kind;
use crate::snapshot::SectionId;

check!(CrossOriginAuthentication {
    code: "AUTH0-CLIENT-007",
    peer: Some("checkCrossOriginAuthentication"),
    title: "Cross-origin (embedded) authentication is enabled",
    area: Applications,
    severity: High,
    reason: "CheckMate: High. Embedded login collects passwords in the app's own page and relies on third-party cookies.",
    description: "Reads `cross_origin_authentication` (and the legacy `cross_origin_auth`, which CheckMate ignores); reports when true.",
    remediation: "Disable cross-origin authentication and use Universal Login.",
    docs: ["https://auth0.com/docs/authenticate/login/cross-origin-authentication"],
    reads: [Clients],
});

fn run(cx: &mut Cx<'_>) {
    let Some(clients) = cx.list(SectionId::Clients) else {
        return;
    };
    cx.each(&clients, Kind::Client, |cx, c, r| {
        let on = c
            .bool("cross_origin_authentication")?
            .or(c.bool("cross_origin_auth")?)
            == Some(true);
        if on {
            cx.emit(
                Status::Fail,
                r,
                "cross_origin_authentication_enabled",
                "cross_origin_authentication",
                Some("true".into()),
                format!("{} allows cross-origin authentication", r.display()),
            );
        } else {
            cx.emit(
                Status::Pass,
                r,
                "cross_origin_authentication_disabled",
                "cross_origin_authentication",
                None,
                "off".to_owned(),
            );
        }
        Ok(())
    });
}
