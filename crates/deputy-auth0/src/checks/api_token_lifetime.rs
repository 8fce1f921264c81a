//! checkAPITokenLifetime.
use crate::check::{Cx, Status};
use crate::checks::common::{duration, is_system_api};
use crate::model::Kind;
use crate::snapshot::SectionId;

check!(ApiTokenLifetime {
    code: "AUTH0-API-004",
    peer: Some("checkAPITokenLifetime"),
    title: "API access tokens live longer than a day",
    area: Apis,
    severity: Low,
    reason: "CheckMate labels it Info; Deputy rates it Low because a bearer token cannot be revoked before it expires.",
    description: "Reads `token_lifetime` of custom APIs (default 86400 s); reports a fail at 7 days or more and a warning above 24 hours.",
    remediation: "Shorten the access-token lifetime and use refresh tokens.",
    docs: ["https://auth0.com/docs/secure/tokens/access-tokens/update-access-token-lifetime"],
    reads: [ResourceServers],
});

fn run(cx: &mut Cx<'_>) {
    let Some(apis) = cx.list(SectionId::ResourceServers) else {
        return;
    };
    let custom: Vec<_> = apis.into_iter().filter(|a| !is_system_api(*a)).collect();
    cx.each(&custom, Kind::ResourceServer, |cx, a, r| {
        let t = a.num("token_lifetime")?.unwrap_or(86_400.0);
        let v = Some(duration(t));
        if t >= 604_800.0 {
            cx.emit(
                Status::Fail,
                r,
                "token_lifetime_too_long",
                "token_lifetime",
                v,
                format!(
                    "API {} issues tokens valid for {}",
                    r.display(),
                    duration(t)
                ),
            );
        } else if t > 86_400.0 {
            cx.emit(
                Status::Warn,
                r,
                "token_lifetime_extended",
                "token_lifetime",
                v,
                format!(
                    "API {} issues tokens valid for {}",
                    r.display(),
                    duration(t)
                ),
            );
        } else {
            cx.emit(
                Status::Pass,
                r,
                "token_lifetime_appropriate",
                "token_lifetime",
                v,
                "at most a day".into(),
            );
        }
        Ok(())
    });
}
