//! checkPrivateKeyJWT.
use crate::check::{Cx, Status};
use crate::model::Kind;
use crate::snapshot::SectionId;

check!(PrivateKeyJwt {
    code: "AUTH0-CLIENT-012",
    peer: Some("checkPrivateKeyJWT"),
    title: "Confidential application authenticates with a shared secret",
    area: Applications,
    severity: Info,
    reason: "CheckMate: Info. A client secret is a bearer credential that leaks in config and logs; private_key_jwt keeps the private key with the client.",
    description: "For non-global clients that authenticate (method not `none`) and do not require proof of possession, reports when no `client_authentication_methods.private_key_jwt.credentials` exist.",
    remediation: "Replace client secrets with private_key_jwt.",
    docs: [
        "https://auth0.com/docs/get-started/authentication-and-authorization-flow/authenticate-with-private-key-jwt"
    ],
    reads: [Clients],
});

fn run(cx: &mut Cx<'_>) {
    let Some(clients) = cx.list(SectionId::Clients) else {
        return;
    };
    cx.each(&clients, Kind::Client, |cx, c, r| {
        if c.bool("global")? == Some(true)
            || c.str("token_endpoint_auth_method")? == Some("none")
            || c.bool("require_proof_of_possession")? == Some(true)
        {
            return Ok(());
        }
        let configured = match c.at(&["client_authentication_methods", "private_key_jwt"])? {
            Some(o) => o.array("credentials")?.is_some_and(|a| !a.is_empty()),
            None => false,
        };
        if configured {
            cx.emit(
                Status::Pass,
                r,
                "client_authentication_methods.private_key_jwt",
                "client_authentication_methods.private_key_jwt",
                Some("configured".into()),
                "private_key_jwt is configured".to_owned(),
            );
        } else {
            cx.emit(
                Status::Fail,
                r,
                "client_authentication_methods.private_key_jwt",
                "client_authentication_methods.private_key_jwt",
                Some("not_configured".into()),
                format!("{} authenticates with a client secret", r.display()),
            );
        }
        Ok(())
    });
}
