//! Deputy: OIDC enterprise connections on the front channel.
use crate::check::{Cx, Status};
use crate::model::Kind;
use crate::snapshot::SectionId;

check!(OidcFrontChannel {
    code: "AUTH0-CONN-003",
    peer: None,
    title: "OIDC enterprise connection uses the front channel",
    area: Connections,
    severity: Medium,
    reason: "Front-channel (implicit, form_post id_token) exposes tokens to the browser; the back channel (code flow with a secret) does not.",
    description: "For `oidc` and `okta` connections, reports `options.type` = `front_channel`.",
    remediation: "Switch the connection to the back channel with a client secret.",
    docs: [
        "https://auth0.com/docs/authenticate/identity-providers/enterprise-identity-providers/oidc"
    ],
    reads: [Connections],
});

fn run(cx: &mut Cx<'_>) {
    let Some(conns) = cx.list(SectionId::Connections) else {
        return;
    };
    cx.each(&conns, Kind::Connection, |cx, c, r| {
        if matches!(c.str("strategy")?, Some("oidc" | "okta"))
            && c.obj_or_empty("options")?.str("type")? == Some("front_channel")
        {
            cx.emit(
                Status::Fail,
                r,
                "oidc_front_channel",
                "options.type",
                Some("front_channel".into()),
                format!("OIDC connection {} uses the front channel", r.display()),
            );
        }
        Ok(())
    });
}
