//! checkAppTokenSenderConstraining.
use crate::check::{Cx, Status};
use crate::checks::common::grants;
use crate::model::Kind;
use crate::snapshot::SectionId;

check!(AppSenderConstraining {
    code: "AUTH0-CLIENT-009",
    peer: Some("checkAppTokenSenderConstraining"),
    title: "Application does not require sender-constrained tokens",
    area: Applications,
    severity: Low,
    reason: "CheckMate: Low. DPoP/mTLS binding makes stolen tokens useless, but support is still limited.",
    description: "For clients using authorization_code, refresh_token, client_credentials, password or device_code, reports when `require_proof_of_possession` is not true.",
    remediation: "Require DPoP or mTLS sender-constrained tokens where the client supports it.",
    docs: ["https://auth0.com/docs/secure/sender-constraining"],
    reads: [Clients],
});

const GRANTS: [&str; 6] = [
    "authorization_code",
    "refresh_token",
    "client_credentials",
    "password",
    "urn:ietf:params:oauth:grant-type:device_code",
    "device_code",
];

fn run(cx: &mut Cx<'_>) {
    let Some(clients) = cx.list(SectionId::Clients) else {
        return;
    };
    cx.each(&clients, Kind::Client, |cx, c, r| {
        if grants(c)?.iter().any(|g| GRANTS.contains(g))
            && c.bool("require_proof_of_possession")? != Some(true)
        {
            cx.emit(
                Status::Fail,
                r,
                "require_proof_of_possession",
                "require_proof_of_possession",
                Some("false".into()),
                format!("{} does not require sender-constrained tokens", r.display()),
            );
        }
        Ok(())
    });
}
