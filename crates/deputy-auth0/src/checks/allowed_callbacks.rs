//! checkAllowedCallbacks.
use crate::check::{Cx, Status};
use crate::checks::common::{insecure_url, url_reason};
use crate::model::Kind;
use crate::snapshot::SectionId;

check!(AllowedCallbacks {
    code: "AUTH0-CLIENT-001",
    peer: Some("checkAllowedCallbacks"),
    title: "Application callback URL is insecure",
    area: Applications,
    severity: High,
    reason: "CheckMate: High. Authorization codes and tokens are delivered to callbacks; a clear-text, loopback or wildcard callback lets others receive them.",
    description: "Reads each client's `callbacks`; parses each URL and reports plain http, loopback hosts, wildcard hosts and unparseable values (CheckMate matches the substrings `localhost`, `http://`, `127.0.0.1`).",
    remediation: "Remove development and HTTP callbacks from production applications; use exact HTTPS URLs.",
    docs: ["https://auth0.com/docs/get-started/applications/application-settings#application-uris"],
    reads: [Clients],
});

fn run(cx: &mut Cx<'_>) {
    let Some(clients) = cx.list(SectionId::Clients) else {
        return;
    };
    cx.each(&clients, Kind::Client, |cx, c, r| {
        let urls = c.strs_or_empty("callbacks")?;
        if urls.is_empty() {
            // CheckMate's reason code differs for machine-to-machine apps; both are passes.
            let field = if c.str("app_type")? == Some("non_interactive") {
                "secure_callbacks"
            } else {
                "missing_callbacks"
            };
            cx.emit(
                Status::Pass,
                r,
                field,
                "callbacks",
                None,
                "no callback URL".to_owned(),
            );
            return Ok(());
        }
        let bad: Vec<&str> = urls.iter().copied().filter(|u| insecure_url(u)).collect();
        for u in &bad {
            cx.emit(
                Status::Fail,
                r,
                "insecure_callbacks",
                format!("callbacks[{u:?}]"),
                Some((*u).to_owned()),
                format!(
                    "callback `{u}` of {} is insecure ({})",
                    r.display(),
                    url_reason(u)
                ),
            );
        }
        if bad.is_empty() {
            cx.emit(
                Status::Pass,
                r,
                "secure_callbacks",
                "callbacks",
                Some(urls.join(", ")),
                "all callbacks are HTTPS production URLs".to_owned(),
            );
        }
        Ok(())
    });
}
