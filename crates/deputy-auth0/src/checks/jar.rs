//! checkJAR.
use crate::check::{Cx, Status};
use crate::checks::common::{grants, is_public};
use crate::model::Kind;
use crate::snapshot::SectionId;

check!(SignedRequestObjects {
    code: "AUTH0-CLIENT-011",
    peer: Some("checkJAR"),
    title: "Confidential application does not require signed request objects",
    area: Applications,
    severity: Info,
    reason: "CheckMate: Info. JAR protects request integrity; a hardening step (FAPI).",
    description: "For confidential clients with authorization_code or implicit, reports when `signed_request_object.required` is not true, or is true without credentials.",
    remediation: "Require signed request objects (JAR) and register the client's public key.",
    docs: ["https://auth0.com/docs/get-started/applications/configure-jar"],
    reads: [Clients],
});

fn run(cx: &mut Cx<'_>) {
    let Some(clients) = cx.list(SectionId::Clients) else {
        return;
    };
    cx.each(&clients, Kind::Client, |cx, c, r| {
        let g = grants(c)?;
        if is_public(c)? || !(g.contains(&"authorization_code") || g.contains(&"implicit")) {
            return Ok(());
        }
        let required = c.bool_at(&["signed_request_object"], "required")? == Some(true);
        let creds = match c.obj("signed_request_object")? {
            Some(o) => o.array("credentials")?.is_some_and(|a| !a.is_empty()),
            None => false,
        };
        if !required {
            cx.emit(
                Status::Fail,
                r,
                "signed_request_object.required",
                "signed_request_object.required",
                Some("false".into()),
                format!("{} does not require signed request objects", r.display()),
            );
        } else if !creds {
            cx.emit(
                Status::Fail,
                r,
                "signed_request_object.credentials",
                "signed_request_object.credentials",
                Some("not_configured".into()),
                format!("{} requires JAR but has no credentials", r.display()),
            );
        }
        Ok(())
    });
}
