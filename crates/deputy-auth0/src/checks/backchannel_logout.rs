//! checkBackchannelLogout.
use crate::check::{Cx, Status};
use crate::model::Kind;
use crate::snapshot::SectionId;

check!(BackchannelLogout {
    code: "AUTH0-CLIENT-013",
    peer: Some("checkBackchannelLogout"),
    title: "Web application has no back-channel logout",
    area: Applications,
    severity: Medium,
    reason: "CheckMate: Moderate. Without it, ending the Auth0 session leaves the app's own session alive.",
    description: "For non-global `regular_web` clients, reads `oidc_backchannel_logout.backchannel_logout_urls` or `oidc_logout.backchannel_logout_urls`; reports when empty.",
    remediation: "Configure an OIDC back-channel logout URI.",
    docs: ["https://auth0.com/docs/authenticate/login/logout/back-channel-logout"],
    reads: [Clients],
});

fn run(cx: &mut Cx<'_>) {
    let Some(clients) = cx.list(SectionId::Clients) else {
        return;
    };
    cx.each(&clients, Kind::Client, |cx, c, r| {
        if c.str("app_type")? != Some("regular_web") || c.bool("global")? == Some(true) {
            return Ok(());
        }
        let mut urls = Vec::new();
        for key in ["oidc_backchannel_logout", "oidc_logout"] {
            if let Some(o) = c.obj(key)? {
                urls.extend(o.strs_or_empty("backchannel_logout_urls")?);
            }
        }
        let path = "oidc_backchannel_logout.backchannel_logout_urls";
        if urls.is_empty() {
            cx.emit(
                Status::Fail,
                r,
                path,
                path,
                Some("not_configured".into()),
                format!("{} has no back-channel logout URL", r.display()),
            );
        } else {
            cx.emit(
                Status::Pass,
                r,
                path,
                path,
                Some(urls.join(", ")),
                "back-channel logout is configured".to_owned(),
            );
        }
        Ok(())
    });
}
