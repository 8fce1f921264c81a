//! Deputy: ID-token lifetime.
use crate::check::{Cx, Status};
use crate::model::Kind;
use crate::snapshot::SectionId;

check!(IdTokenLifetime {
    code: "AUTH0-CLIENT-102",
    peer: None,
    title: "ID tokens live longer than 10 hours",
    area: Applications,
    severity: Low,
    reason: "Apps that treat the ID token as a session credential keep a leaked one usable for its whole lifetime (Auth0's default is 10 h).",
    description: "Reads `jwt_configuration.lifetime_in_seconds`; reports above 36000.",
    remediation: "Keep ID-token lifetime at or below 10 hours; use the app's own session instead.",
    docs: ["https://auth0.com/docs/secure/tokens/id-tokens/update-id-token-lifetime"],
    reads: [Clients],
});

fn run(cx: &mut Cx<'_>) {
    let Some(clients) = cx.list(SectionId::Clients) else {
        return;
    };
    cx.each(&clients, Kind::Client, |cx, c, r| {
        if let Some(t) = c
            .num_at(&["jwt_configuration"], "lifetime_in_seconds")?
            .filter(|t| *t > 36_000.0)
        {
            cx.emit(
                Status::Fail,
                r,
                "id_token_lifetime_long",
                "jwt_configuration.lifetime_in_seconds",
                Some(t.to_string()),
                format!("ID tokens of {} live {} h", r.display(), t / 3600.0),
            );
        }
        Ok(())
    });
}
