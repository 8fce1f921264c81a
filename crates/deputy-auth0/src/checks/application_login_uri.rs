//! checkApplicationLoginUri.
use crate::check::{Cx, Status};
use crate::checks::common::{insecure_url, url_reason};
use crate::model::Kind;
use crate::snapshot::SectionId;

check!(ApplicationLoginUri {
    code: "AUTH0-CLIENT-004",
    peer: Some("checkApplicationLoginUri"),
    title: "Application login URI is missing or insecure",
    area: Applications,
    severity: Info,
    reason: "CheckMate: Info. Needed so that Auth0 can start login at the app (e.g. after a password reset); insecure values send users elsewhere.",
    description: "Reads `initiate_login_uri` of `spa` and `regular_web` clients; reports when missing, and (for any client) when insecure.",
    remediation: "Set an HTTPS application login URI.",
    docs: [
        "https://auth0.com/docs/authenticate/login/auth0-universal-login/configure-default-login-routes"
    ],
    reads: [Clients],
});

fn run(cx: &mut Cx<'_>) {
    let Some(clients) = cx.list(SectionId::Clients) else {
        return;
    };
    cx.each(&clients, Kind::Client, |cx, c, r| {
        let app = c.str("app_type")?;
        match c.nonempty_str("initiate_login_uri")? {
            None if matches!(app, Some("spa" | "regular_web")) => cx.emit(
                Status::Fail,
                r,
                "missing_initiate_login_uri",
                "initiate_login_uri",
                None,
                format!("{} has no application login URI", r.display()),
            ),
            // CheckMate reports other app types without a login URI as fine.
            None => cx.emit(
                Status::Pass,
                r,
                "secure_initiate_login_uri",
                "initiate_login_uri",
                Some(String::new()),
                "no application login URI needed".to_owned(),
            ),
            Some(u) if insecure_url(u) => cx.emit(
                Status::Fail,
                r,
                "insecure_initiate_login_uri",
                "initiate_login_uri",
                Some(u.to_owned()),
                format!(
                    "login URI `{u}` of {} is insecure ({})",
                    r.display(),
                    url_reason(u)
                ),
            ),
            Some(u) => cx.emit(
                Status::Pass,
                r,
                "secure_initiate_login_uri",
                "initiate_login_uri",
                Some(u.to_owned()),
                "the login URI is HTTPS".to_owned(),
            ),
        }
        Ok(())
    });
}
