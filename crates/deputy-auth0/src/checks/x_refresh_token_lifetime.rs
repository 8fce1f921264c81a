//! Deputy: refresh-token lifetimes.
use crate::check::{Cx, Status};
use crate::checks::common::grants;
use crate::model::Kind;
use crate::snapshot::SectionId;

check!(RefreshTokenLifetime {
    code: "AUTH0-CLIENT-101",
    peer: None,
    title: "Refresh tokens never expire or live very long",
    area: Applications,
    severity: Medium,
    reason: "A refresh token mints access tokens for as long as it lives; infinite lifetimes turn one theft into permanent access.",
    description: "For clients with the refresh_token grant, reports `refresh_token.infinite_token_lifetime` or `infinite_idle_token_lifetime` = true, `token_lifetime` above 90 days and `idle_token_lifetime` above 30 days.",
    remediation: "Set finite absolute (≤ 90 days) and idle (≤ 30 days) refresh-token lifetimes.",
    docs: [
        "https://auth0.com/docs/secure/tokens/refresh-tokens/configure-refresh-token-expiration"
    ],
    reads: [Clients],
});

fn run(cx: &mut Cx<'_>) {
    let Some(clients) = cx.list(SectionId::Clients) else {
        return;
    };
    cx.each(&clients, Kind::Client, |cx, c, r| {
        if !grants(c)?.contains(&"refresh_token") {
            return Ok(());
        }
        let rt = c.obj_or_empty("refresh_token")?;
        for (flag, field) in [
            ("infinite_token_lifetime", "refresh_token_never_expires"),
            (
                "infinite_idle_token_lifetime",
                "refresh_token_never_idles_out",
            ),
        ] {
            if rt.bool(flag)? == Some(true) {
                cx.emit(
                    Status::Fail,
                    r,
                    field,
                    format!("refresh_token.{flag}"),
                    Some("true".into()),
                    format!(
                        "refresh tokens of {} have no {} limit",
                        r.display(),
                        if flag.contains("idle") {
                            "idle"
                        } else {
                            "absolute"
                        }
                    ),
                );
            }
        }
        if rt.bool("infinite_token_lifetime")? != Some(true)
            && let Some(t) = rt.num("token_lifetime")?.filter(|t| *t > 7_776_000.0)
        {
            cx.emit(
                Status::Fail,
                r,
                "refresh_token_lifetime_long",
                "refresh_token.token_lifetime",
                Some(t.to_string()),
                format!(
                    "refresh tokens of {} live {} days",
                    r.display(),
                    t / 86_400.0
                ),
            );
        }
        if rt.bool("infinite_idle_token_lifetime")? != Some(true)
            && let Some(t) = rt.num("idle_token_lifetime")?.filter(|t| *t > 2_592_000.0)
        {
            cx.emit(
                Status::Fail,
                r,
                "refresh_token_idle_long",
                "refresh_token.idle_token_lifetime",
                Some(t.to_string()),
                format!(
                    "idle refresh tokens of {} live {} days",
                    r.display(),
                    t / 86_400.0
                ),
            );
        }
        Ok(())
    });
}
