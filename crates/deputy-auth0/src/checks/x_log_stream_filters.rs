//! Deputy: log-stream filters dropping failures.
use crate::check::{Cx, Status};
use crate::model::Kind;
use crate::snapshot::SectionId;

check!(LogStreamFilters {
    code: "AUTH0-LOG-101",
    peer: None,
    title: "Log stream filters drop failed logins",
    area: Monitoring,
    severity: Medium,
    reason: "A stream that filters to some categories but not `auth.login.fail` hides credential attacks from the SIEM while looking healthy.",
    description: "Reports streams whose `filters` are non-empty and include no `auth.login.fail` category.",
    remediation: "Add the `auth.login.fail` category (or remove the filters).",
    docs: ["https://auth0.com/docs/customize/log-streams/event-filters"],
    reads: [LogStreams],
});

fn run(cx: &mut Cx<'_>) {
    let Some(streams) = cx.list(SectionId::LogStreams) else {
        return;
    };
    cx.each(&streams, Kind::LogStream, |cx, s, r| {
        let filters = s.objs("filters")?.unwrap_or_default();
        if !filters.is_empty()
            && !filters
                .iter()
                .any(|f| f.str("name").ok().flatten() == Some("auth.login.fail"))
        {
            cx.emit(
                Status::Fail,
                r,
                "log_stream_drops_failures",
                "filters",
                None,
                format!("log stream {} does not carry failed logins", r.display()),
            );
        }
        Ok(())
    });
}
