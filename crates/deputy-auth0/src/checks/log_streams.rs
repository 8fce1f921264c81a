//! checkLogStream.
use crate::check::{Cx, Status};
use crate::model::Kind;
use crate::snapshot::SectionId;

check!(LogStreams {
    code: "AUTH0-LOG-001",
    peer: Some("checkLogStream"),
    title: "Logs are not streamed, or a stream is not active",
    area: Monitoring,
    severity: Medium,
    reason: "CheckMate: Moderate. Tenant logs are kept for days only; without a stream, attacks are invisible to the SIEM.",
    description: "Reads `log_streams`; reports when there is none and each stream whose status is not `active`. A read refused for scope is a diagnostic.",
    remediation: "Stream logs to a SIEM and keep the stream active.",
    docs: ["https://auth0.com/docs/customize/log-streams"],
    reads: [LogStreams],
});

fn run(cx: &mut Cx<'_>) {
    let Some(streams) = cx.list(SectionId::LogStreams) else {
        return;
    };
    if streams.is_empty() {
        cx.tenant_detail(
            Status::Fail,
            "log_stream_not_configured",
            "log_streams",
            None,
            "no log stream is configured".into(),
        );
        return;
    }
    cx.each(&streams, Kind::LogStream, |cx, s, r| {
        match s.str("status")? {
            Some("active") => cx.emit(
                Status::Pass,
                r,
                "log_stream_active",
                "status",
                Some("active".into()),
                "active".into(),
            ),
            st => cx.emit(
                Status::Fail,
                r,
                "log_stream_inactive",
                "status",
                st.map(str::to_owned),
                format!(
                    "log stream {} is {}",
                    r.display(),
                    st.unwrap_or("in no state")
                ),
            ),
        }
        Ok(())
    });
}
