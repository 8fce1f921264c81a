//! checkJWEResourceServer.
use crate::check::{Cx, Status};
use crate::checks::common::is_system_api;
use crate::model::Kind;
use crate::snapshot::SectionId;

check!(ApiTokenEncryption {
    code: "AUTH0-API-006",
    peer: Some("checkJWEResourceServer"),
    title: "API access tokens are not encrypted (JWE)",
    area: Apis,
    severity: Info,
    reason: "CheckMate: Info. JWE hides token contents from clients; it needs the Highly Regulated Identity add-on, so absence is advisory.",
    description: "Reads `token_encryption` of custom APIs; reports when absent, when `format` is not `compact-nested-jwe`, or when there is no `encryption_key`.",
    remediation: "Enable JWE access tokens where the HRI add-on is available.",
    docs: ["https://auth0.com/docs/secure/tokens/access-tokens/json-web-encryption"],
    reads: [ResourceServers],
});

fn run(cx: &mut Cx<'_>) {
    let Some(apis) = cx.list(SectionId::ResourceServers) else {
        return;
    };
    let custom: Vec<_> = apis.into_iter().filter(|a| !is_system_api(*a)).collect();
    cx.each(&custom, Kind::ResourceServer, |cx, a, r| {
        let Some(t) = a.obj("token_encryption")? else {
            cx.emit(
                Status::Fail,
                r,
                "token_encryption",
                "token_encryption",
                Some("not_verifiable".into()),
                format!("API {} does not encrypt access tokens", r.display()),
            );
            return Ok(());
        };
        match t.str("format")? {
            Some("compact-nested-jwe") => {}
            None => cx.emit(
                Status::Fail,
                r,
                "token_encryption.format",
                "token_encryption.format",
                Some("not_set".into()),
                "no JWE format".into(),
            ),
            Some(f) => cx.emit(
                Status::Fail,
                r,
                "token_encryption.format",
                "token_encryption.format",
                Some(f.to_owned()),
                format!("unknown JWE format `{f}`"),
            ),
        }
        if t.obj("encryption_key")?.is_none() {
            cx.emit(
                Status::Fail,
                r,
                "token_encryption.encryption_key",
                "token_encryption.encryption_key",
                Some("not_configured".into()),
                "no encryption key".into(),
            );
        }
        Ok(())
    });
}
