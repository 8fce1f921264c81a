//! Deputy: browser token lifetime.
use crate::check::{Cx, Status};
use crate::checks::common::{duration, is_system_api};
use crate::model::Kind;
use crate::snapshot::SectionId;

check!(ApiWebTokenLifetime {
    code: "AUTH0-API-102",
    peer: None,
    title: "Access tokens issued to browsers live longer than 2 hours",
    area: Apis,
    severity: Low,
    reason: "Tokens in a browser are exposed to XSS; `token_lifetime_for_web` is their separate, shorter limit (default 2 h).",
    description: "Reads `token_lifetime_for_web` of custom APIs; reports above 7200 seconds.",
    remediation: "Keep browser access tokens at 2 hours or less.",
    docs: ["https://auth0.com/docs/secure/tokens/access-tokens/update-access-token-lifetime"],
    reads: [ResourceServers],
});

fn run(cx: &mut Cx<'_>) {
    let Some(apis) = cx.list(SectionId::ResourceServers) else {
        return;
    };
    let custom: Vec<_> = apis.into_iter().filter(|a| !is_system_api(*a)).collect();
    cx.each(&custom, Kind::ResourceServer, |cx, a, r| {
        if let Some(t) = a.num("token_lifetime_for_web")?.filter(|t| *t > 7_200.0) {
            cx.emit(
                Status::Fail,
                r,
                "web_token_lifetime_long",
                "token_lifetime_for_web",
                Some(duration(t)),
                format!(
                    "API {} gives browsers tokens valid for {}",
                    r.display(),
                    duration(t)
                ),
            );
        }
        Ok(())
    });
}
