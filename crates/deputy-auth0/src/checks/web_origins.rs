//! checkWebOrigins.
use crate::check::{Cx, Status};
use crate::checks::common::{insecure_url, url_reason};
use crate::model::Kind;
use crate::snapshot::SectionId;

check!(WebOrigins {
    code: "AUTH0-CLIENT-003",
    peer: Some("checkWebOrigins"),
    title: "Application web origin is insecure",
    area: Applications,
    severity: High,
    reason: "CheckMate: High. Allowed web origins may run silent authentication and receive tokens through web messages.",
    description: "Reads each client's `web_origins`; parses each and reports plain http, loopback, wildcard and unparseable values.",
    remediation: "Allow only HTTPS production origins.",
    docs: ["https://auth0.com/docs/get-started/applications/application-settings#application-uris"],
    reads: [Clients],
});

fn run(cx: &mut Cx<'_>) {
    let Some(clients) = cx.list(SectionId::Clients) else {
        return;
    };
    cx.each(&clients, Kind::Client, |cx, c, r| {
        let urls = c.strs_or_empty("web_origins")?;
        let bad: Vec<&str> = urls.iter().copied().filter(|u| insecure_url(u)).collect();
        for u in &bad {
            cx.emit(
                Status::Fail,
                r,
                "insecure_web_origins_urls",
                format!("web_origins[{u:?}]"),
                Some((*u).to_owned()),
                format!(
                    "web origin `{u}` of {} is insecure ({})",
                    r.display(),
                    url_reason(u)
                ),
            );
        }
        if bad.is_empty() {
            cx.emit(
                Status::Pass,
                r,
                "secure_web_origins",
                "web_origins",
                Some(urls.join(", ")),
                "web origins are fine".to_owned(),
            );
        }
        Ok(())
    });
}
