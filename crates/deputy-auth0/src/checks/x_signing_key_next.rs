//! Deputy: no next signing key.
use crate::check::{Cx, Status};
use crate::snapshot::SectionId;

check!(SigningKeyNext {
    code: "AUTH0-KEY-002",
    peer: None,
    title: "No next signing key is published",
    area: Keys,
    severity: Low,
    reason: "Without a pre-published next key, an emergency rotation breaks every app that has cached the JWKS.",
    description: "Reports `signing_keys` with no key marked `next` and not revoked.",
    remediation: "Let Auth0 publish the next key (rotate once, or contact support) so rotation is seamless.",
    docs: ["https://auth0.com/docs/get-started/tenant-settings/signing-keys"],
    reads: [SigningKeys],
});

fn run(cx: &mut Cx<'_>) {
    let Some(keys) = cx.list(SectionId::SigningKeys) else {
        return;
    };
    if keys.is_empty() {
        return;
    }
    let next = keys.iter().any(|k| {
        k.bool("next").ok().flatten() == Some(true)
            && k.bool("revoked").ok().flatten() != Some(true)
    });
    if !next {
        cx.tenant_detail(
            Status::Fail,
            "no_next_signing_key",
            "signing_keys",
            None,
            "no next signing key is published".into(),
        );
    }
}
