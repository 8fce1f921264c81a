//! Deputy: SAML request signing and algorithms.
use crate::check::{Cx, Status};
use crate::model::Kind;
use crate::snapshot::SectionId;

check!(SamlSigning {
    code: "AUTH0-CONN-002",
    peer: None,
    title: "SAML connection does not sign requests or uses SHA-1",
    area: Connections,
    severity: Medium,
    reason: "Unsigned AuthnRequests can be forged toward the IdP; SHA-1 signatures are collision-prone.",
    description: "For `samlp` connections, reports `options.signSAMLRequest` not true, and `signatureAlgorithm` `rsa-sha1` or `digestAlgorithm` `sha1`.",
    remediation: "Sign SAML requests with rsa-sha256 and sha256 digests.",
    docs: [
        "https://auth0.com/docs/authenticate/protocols/saml/saml-sso-integrations/sign-and-encrypt-saml-requests"
    ],
    reads: [Connections],
});

fn run(cx: &mut Cx<'_>) {
    let Some(conns) = cx.list(SectionId::Connections) else {
        return;
    };
    cx.each(&conns, Kind::Connection, |cx, c, r| {
        if c.str("strategy")? != Some("samlp") {
            return Ok(());
        }
        let o = c.obj_or_empty("options")?;
        if o.bool("signSAMLRequest")? != Some(true) {
            cx.emit(
                Status::Fail,
                r,
                "saml_request_unsigned",
                "options.signSAMLRequest",
                Some("false".into()),
                format!("SAML connection {} does not sign requests", r.display()),
            );
        }
        if o.str("signatureAlgorithm")? == Some("rsa-sha1")
            || o.str("digestAlgorithm")? == Some("sha1")
        {
            cx.emit(
                Status::Fail,
                r,
                "saml_sha1",
                "options.signatureAlgorithm",
                Some("sha1".into()),
                format!("SAML connection {} uses SHA-1", r.display()),
            );
        }
        Ok(())
    });
}
