//! Deputy: CORS allowed origins.
use crate::check::{Cx, Status};
use crate::checks::common::{insecure_url, url_reason};
use crate::model::Kind;
use crate::snapshot::SectionId;

check!(AllowedOrigins {
    code: "AUTH0-CLIENT-103",
    peer: None,
    title: "Application CORS origin is insecure",
    area: Applications,
    severity: High,
    reason: "Allowed origins may call Auth0's authentication API cross-origin (embedded login, token endpoint); CheckMate checks web origins but not these.",
    description: "Parses each `allowed_origins` entry and reports plain http, loopback, wildcard and unparseable values.",
    remediation: "Allow only exact HTTPS production origins.",
    docs: ["https://auth0.com/docs/get-started/applications/application-settings#application-uris"],
    reads: [Clients],
});

fn run(cx: &mut Cx<'_>) {
    let Some(clients) = cx.list(SectionId::Clients) else {
        return;
    };
    cx.each(&clients, Kind::Client, |cx, c, r| {
        for u in c
            .strs_or_empty("allowed_origins")?
            .into_iter()
            .filter(|u| insecure_url(u))
        {
            cx.emit(
                Status::Fail,
                r,
                "insecure_allowed_origin",
                format!("allowed_origins[{u:?}]"),
                Some(u.to_owned()),
                format!(
                    "CORS origin `{u}` of {} is insecure ({})",
                    r.display(),
                    url_reason(u)
                ),
            );
        }
        Ok(())
    });
}
