//! checkEventStreams.
use crate::check::{Cx, Status};
use crate::model::Kind;
use crate::snapshot::SectionId;

check!(EventStreams {
    code: "AUTH0-LOG-002",
    peer: Some("checkEventStreams"),
    title: "No enabled event stream",
    area: Monitoring,
    severity: Info,
    reason: "CheckMate: Info. Event streams deliver user lifecycle changes to other systems; an early-access feature.",
    description: "Reads `event_streams`; reports when there is none and each stream not `enabled`.",
    remediation: "Enable event streams for user lifecycle events.",
    docs: ["https://auth0.com/docs/customize/events"],
    reads: [EventStreams],
});

fn run(cx: &mut Cx<'_>) {
    let Some(streams) = cx.list(SectionId::EventStreams) else {
        return;
    };
    if streams.is_empty() {
        cx.tenant_detail(
            Status::Fail,
            "event_stream_not_configured",
            "event_streams",
            None,
            "no event stream is configured".into(),
        );
        return;
    }
    cx.each(&streams, Kind::EventStream, |cx, s, r| {
        let st = s.str("status")?;
        if st != Some("enabled") {
            cx.emit(
                Status::Fail,
                r,
                "event_stream_disabled",
                "status",
                st.map(str::to_owned),
                format!(
                    "event stream {} is {}",
                    r.display(),
                    st.unwrap_or("in no state")
                ),
            );
        }
        Ok(())
    });
}
