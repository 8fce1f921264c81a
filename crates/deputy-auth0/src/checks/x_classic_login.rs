//! Deputy: Classic Universal Login.
use crate::check::{Cx, Status};
use crate::snapshot::SectionId;

check!(ClassicLogin {
    code: "AUTH0-TENANT-106",
    peer: None,
    title: "Classic Universal Login is in use",
    area: Tenant,
    severity: Low,
    reason: "Classic login pages are customised with tenant-hosted HTML and JavaScript (an XSS surface) and miss newer protections such as passkeys.",
    description: "Reads `prompts.universal_login_experience`; reports `classic`.",
    remediation: "Switch to the new Universal Login experience.",
    docs: [
        "https://auth0.com/docs/authenticate/login/auth0-universal-login/universal-login-vs-classic-login"
    ],
    reads: [Prompts],
});

fn run(cx: &mut Cx<'_>) {
    let Some(Some(p)) = cx.single(SectionId::Prompts) else {
        return;
    };
    if p.str("universal_login_experience").ok().flatten() == Some("classic") {
        cx.tenant_detail(
            Status::Fail,
            "classic_universal_login",
            "prompts.universal_login_experience",
            Some("classic".into()),
            "Classic Universal Login is in use".into(),
        );
    }
}
