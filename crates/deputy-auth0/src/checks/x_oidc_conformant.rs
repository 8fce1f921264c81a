//! Deputy: OIDC conformance.
use crate::check::{Cx, Status};
use crate::model::Kind;
use crate::snapshot::SectionId;

check!(OidcConformant {
    code: "AUTH0-CLIENT-104",
    peer: None,
    title: "Application is not OIDC-conformant",
    area: Applications,
    severity: Medium,
    reason: "Non-conformant clients may use legacy flows and token formats (e.g. tokeninfo, legacy user profile) without modern protections.",
    description: "Reports non-global clients with `oidc_conformant` = false.",
    remediation: "Mark the application OIDC-conformant and migrate off legacy flows.",
    docs: ["https://auth0.com/docs/authenticate/login/oidc-conformant-authentication"],
    reads: [Clients],
});

fn run(cx: &mut Cx<'_>) {
    let Some(clients) = cx.list(SectionId::Clients) else {
        return;
    };
    cx.each(&clients, Kind::Client, |cx, c, r| {
        if c.bool("global")? != Some(true) && c.bool("oidc_conformant")? == Some(false) {
            cx.emit(
                Status::Fail,
                r,
                "not_oidc_conformant",
                "oidc_conformant",
                Some("false".into()),
                format!("{} is not OIDC-conformant", r.display()),
            );
        }
        Ok(())
    });
}
