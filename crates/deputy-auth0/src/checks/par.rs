//! checkPAR.
use crate::check::{Cx, Status};
use crate::checks::common::{grants, is_public};
use crate::model::Kind;
use crate::snapshot::SectionId;

check!(PushedAuthorizationRequests {
    code: "AUTH0-CLIENT-010",
    peer: Some("checkPAR"),
    title: "Confidential application does not require PAR",
    area: Applications,
    severity: Info,
    reason: "CheckMate: Info. Pushed authorization requests keep request parameters out of the browser; a hardening step (FAPI), not a flaw.",
    description: "For confidential clients with authorization_code, reports when `require_pushed_authorization_requests` is not true.",
    remediation: "Require pushed authorization requests for confidential web applications.",
    docs: ["https://auth0.com/docs/get-started/applications/configure-par"],
    reads: [Clients],
});

fn run(cx: &mut Cx<'_>) {
    let Some(clients) = cx.list(SectionId::Clients) else {
        return;
    };
    cx.each(&clients, Kind::Client, |cx, c, r| {
        if !is_public(c)?
            && grants(c)?.contains(&"authorization_code")
            && c.bool("require_pushed_authorization_requests")? != Some(true)
        {
            cx.emit(
                Status::Fail,
                r,
                "require_pushed_authorization_requests",
                "require_pushed_authorization_requests",
                Some("false".into()),
                format!("{} does not require PAR", r.display()),
            );
        }
        Ok(())
    });
}
