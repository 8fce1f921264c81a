//! checkAllowedLogoutUrl.
use crate::check::{Cx, Status};
use crate::checks::common::{insecure_url, url_reason};
use crate::model::Kind;
use crate::snapshot::SectionId;

check!(AllowedLogoutUrls {
    code: "AUTH0-CLIENT-002",
    peer: Some("checkAllowedLogoutUrl"),
    title: "Application logout URL is insecure",
    area: Applications,
    severity: Low,
    reason: "CheckMate: Low. A bad logout URL redirects users after logout; it carries no tokens.",
    description: "Reads each client's `allowed_logout_urls`; parses each URL and reports plain http, loopback, wildcard and unparseable values.",
    remediation: "Keep only HTTPS production logout URLs.",
    docs: ["https://auth0.com/docs/authenticate/login/logout/redirect-users-after-logout"],
    reads: [Clients],
});

fn run(cx: &mut Cx<'_>) {
    let Some(clients) = cx.list(SectionId::Clients) else {
        return;
    };
    cx.each(&clients, Kind::Client, |cx, c, r| {
        let urls = c.strs_or_empty("allowed_logout_urls")?;
        let bad: Vec<&str> = urls.iter().copied().filter(|u| insecure_url(u)).collect();
        for u in &bad {
            cx.emit(
                Status::Fail,
                r,
                "insecure_allowed_logout_urls",
                format!("allowed_logout_urls[{u:?}]"),
                Some((*u).to_owned()),
                format!(
                    "logout URL `{u}` of {} is insecure ({})",
                    r.display(),
                    url_reason(u)
                ),
            );
        }
        if bad.is_empty() {
            cx.emit(
                Status::Pass,
                r,
                "secure_allowed_logout_urls",
                "allowed_logout_urls",
                Some(urls.join(", ")),
                "logout URLs are fine".to_owned(),
            );
        }
        Ok(())
    });
}
