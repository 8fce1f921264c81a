//! checkJWTSignAlg.
use crate::check::{Cx, Status};
use crate::model::Kind;
use crate::snapshot::SectionId;

check!(JwtSignAlg {
    code: "AUTH0-CLIENT-006",
    peer: Some("checkJWTSignAlg"),
    title: "ID tokens are signed with HS256",
    area: Applications,
    severity: High,
    reason: "CheckMate: High. HS256 signs with the client secret, which every holder of the secret can use to forge tokens.",
    description: "Reads `jwt_configuration.alg`; reports `HS256` (absent means RS256).",
    remediation: "Sign ID tokens with RS256 or PS256.",
    docs: ["https://auth0.com/docs/get-started/applications/signing-algorithms"],
    reads: [Clients],
});

fn run(cx: &mut Cx<'_>) {
    let Some(clients) = cx.list(SectionId::Clients) else {
        return;
    };
    cx.each(&clients, Kind::Client, |cx, c, r| {
        match c.str_at(&["jwt_configuration"], "alg")? {
            None => cx.emit(
                Status::Pass,
                r,
                "missing_jwt_alg",
                "jwt_configuration.alg",
                Some("RS256".into()),
                "RS256 (default)".to_owned(),
            ),
            Some("HS256") => cx.emit(
                Status::Fail,
                r,
                "not_using_asymmetric_alg",
                "jwt_configuration.alg",
                Some("HS256".into()),
                format!("{} signs ID tokens with HS256", r.display()),
            ),
            Some(a) => cx.emit(
                Status::Pass,
                r,
                "using_asymmetric_alg",
                "jwt_configuration.alg",
                Some(a.to_owned()),
                format!("signed with {a}"),
            ),
        }
        Ok(())
    });
}
