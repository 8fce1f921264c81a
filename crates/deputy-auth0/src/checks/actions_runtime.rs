//! checkActionsRuntime.
use crate::check::{Cx, Status};
use crate::checks::common::{actions, required};
use crate::model::{Kind, Malformed};

check!(ActionsRuntime {
    code: "AUTH0-EXT-003",
    peer: Some("checkActionsRuntime"),
    title: "Action runs on an outdated Node.js",
    area: Extensibility,
    severity: High,
    reason: "CheckMate: High. Unsupported Node.js gets no security fixes.",
    description: "Reads each Action's `runtime` (`nodeN`); reports N below 18. A missing runtime is a diagnostic (CheckMate crashes).",
    remediation: "Upgrade the Action to the current Node.js runtime.",
    docs: ["https://auth0.com/docs/customize/actions/action-runtimes"],
    reads: [Actions],
});

fn run(cx: &mut Cx<'_>) {
    let Some(list) = actions(cx) else { return };
    cx.each(&list, Kind::Action, |cx, a, r| {
        let rt = required(a.str("runtime"), "runtime", "a string such as `node22`")?;
        let digits: String = rt
            .trim_start_matches("node")
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        let n: u32 = digits.parse().map_err(|_| Malformed {
            path: "runtime".into(),
            expected: "a string such as `node22`",
            found: "another string",
        })?;
        if n < 18 {
            cx.emit(
                Status::Fail,
                r,
                "old_node_version",
                "runtime",
                Some(n.to_string()),
                format!("Action {} runs on Node.js {n}", r.display()),
            );
        }
        Ok(())
    });
}
