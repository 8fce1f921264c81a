//! Deputy: social connections on Auth0 developer keys.
use crate::check::{Cx, Status};
use crate::model::Kind;
use crate::snapshot::SectionId;

check!(SocialDevKeys {
    code: "AUTH0-CONN-001",
    peer: None,
    title: "Social connection uses Auth0's developer keys",
    area: Connections,
    severity: High,
    reason: "Auth0's shared developer keys are for testing: the consent screen names Auth0, SSO with the provider and some features do not work, and they are rate-limited.",
    description: "Reports social connections (google-oauth2, facebook, github, linkedin, twitter, apple, windowslive, amazon, ...) whose `options.client_id` is empty.",
    remediation: "Register your own application with the social provider and set its client id and secret on the connection.",
    docs: [
        "https://auth0.com/docs/authenticate/identity-providers/social-identity-providers/devkeys"
    ],
    reads: [Connections],
});

const SOCIAL: [&str; 12] = [
    "google-oauth2",
    "facebook",
    "github",
    "linkedin",
    "twitter",
    "apple",
    "windowslive",
    "amazon",
    "bitbucket",
    "dropbox",
    "paypal",
    "salesforce",
];

fn run(cx: &mut Cx<'_>) {
    let Some(conns) = cx.list(SectionId::Connections) else {
        return;
    };
    cx.each(&conns, Kind::Connection, |cx, c, r| {
        let Some(strategy) = c.str("strategy")?.filter(|s| SOCIAL.contains(s)) else {
            return Ok(());
        };
        if c.obj_or_empty("options")?
            .nonempty_str("client_id")?
            .is_none()
        {
            cx.emit(
                Status::Fail,
                r,
                "social_dev_keys",
                "options.client_id",
                None,
                format!(
                    "{strategy} connection {} uses Auth0 developer keys",
                    r.display()
                ),
            );
        }
        Ok(())
    });
}
