//! Deputy: HTTP log streams to insecure endpoints.
use crate::check::{Cx, Status};
use crate::checks::common::{insecure_url, url_reason};
use crate::model::Kind;
use crate::snapshot::SectionId;

check!(LogStreamEndpoint {
    code: "AUTH0-LOG-102",
    peer: None,
    title: "HTTP log stream sends to an insecure endpoint",
    area: Monitoring,
    severity: High,
    reason: "Logs carry user emails, IPs and sometimes tokens; a clear-text endpoint leaks them (and the stream's authorization header).",
    description: "For `http` streams, parses `sink.httpEndpoint` and reports plain http, loopback, wildcard and invalid values.",
    remediation: "Send log streams to an HTTPS endpoint.",
    docs: ["https://auth0.com/docs/customize/log-streams/custom-log-streams"],
    reads: [LogStreams],
});

fn run(cx: &mut Cx<'_>) {
    let Some(streams) = cx.list(SectionId::LogStreams) else {
        return;
    };
    cx.each(&streams, Kind::LogStream, |cx, s, r| {
        if s.str("type")? != Some("http") {
            return Ok(());
        }
        if let Some(u) = s
            .str_at(&["sink"], "httpEndpoint")?
            .filter(|u| insecure_url(u))
        {
            cx.emit(
                Status::Fail,
                r,
                "log_stream_insecure_endpoint",
                "sink.httpEndpoint",
                Some(u.to_owned()),
                format!(
                    "log stream {} sends to `{u}` ({})",
                    r.display(),
                    url_reason(u)
                ),
            );
        }
        Ok(())
    });
}
