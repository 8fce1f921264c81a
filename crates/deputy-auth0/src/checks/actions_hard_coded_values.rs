//! checkActionsHardCodedValues.
use crate::check::{Cx, Status};
use crate::checks::common::{actions, hard_coded};
use crate::model::Kind;

check!(ActionsHardCodedValues {
    code: "AUTH0-EXT-004",
    peer: Some("checkActionsHardCodedValues"),
    title: "Action code hard-codes string values",
    area: Extensibility,
    severity: Info,
    reason: "CheckMate: Info. Every string constant is shown for review; AUTH0-EXT-101 looks for likely secrets specifically.",
    description: "Scans each Action's `code` for variables initialised with a non-trivial string literal.",
    remediation: "Keep secrets in Action secrets (`event.secrets`), not in code.",
    docs: ["https://auth0.com/docs/customize/actions/write-your-first-action#add-a-secret"],
    reads: [Actions],
});

fn run(cx: &mut Cx<'_>) {
    let Some(list) = actions(cx) else { return };
    cx.each(&list, Kind::Action, |cx, a, r| {
        let code = a.str("code")?.unwrap_or("");
        for b in hard_coded(code, false) {
            cx.emit(
                Status::Fail,
                r,
                "hard_coded_value_detected",
                format!("code:{}", b.name),
                Some(format!("line {}, column {}", b.line, b.column)),
                format!(
                    "Action {} sets `{}` to a string literal (line {})",
                    r.display(),
                    b.name,
                    b.line
                ),
            );
        }
        Ok(())
    });
}
