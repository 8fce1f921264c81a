//! Deputy: Actions with undeployed changes.
use crate::check::{Cx, Status};
use crate::checks::common::actions;
use crate::model::Kind;

check!(ActionUndeployed {
    code: "AUTH0-EXT-103",
    peer: None,
    title: "Action has undeployed changes",
    area: Extensibility,
    severity: Info,
    reason: "What runs is not what the dashboard shows: a reviewed fix may not be live, or an unreviewed draft may be deployed by the next click.",
    description: "Reports Actions with `all_changes_deployed` = false.",
    remediation: "Deploy or discard the pending changes.",
    docs: ["https://auth0.com/docs/customize/actions/manage-versions"],
    reads: [Actions],
});

fn run(cx: &mut Cx<'_>) {
    let Some(list) = actions(cx) else { return };
    cx.each(&list, Kind::Action, |cx, a, r| {
        if a.bool("all_changes_deployed")? == Some(false) {
            cx.emit(
                Status::Fail,
                r,
                "undeployed_changes",
                "all_changes_deployed",
                Some("false".into()),
                format!("Action {} has undeployed changes", r.display()),
            );
        }
        Ok(())
    });
}
