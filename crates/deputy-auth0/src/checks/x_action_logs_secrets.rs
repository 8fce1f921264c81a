//! Deputy: Actions logging secrets.
use crate::check::{Cx, Status};
use crate::checks::common::actions;
use crate::js::{self, Tok};
use crate::model::Kind;

check!(ActionLogsSecrets {
    code: "AUTH0-EXT-102",
    peer: None,
    title: "Action writes secrets to its log",
    area: Extensibility,
    severity: High,
    reason: "Action logs are visible in the dashboard and the real-time log stream; a logged secret is disclosed to every admin and log sink.",
    description: "Reports `console.log/info/warn/error(...)` calls whose arguments mention `secrets` or `access_token`.",
    remediation: "Never log `event.secrets` or tokens; log identifiers only.",
    docs: ["https://auth0.com/docs/customize/actions/action-coding-guidelines"],
    reads: [Actions],
});

fn run(cx: &mut Cx<'_>) {
    let Some(list) = actions(cx) else { return };
    cx.each(&list, Kind::Action, |cx, a, r| {
        let toks = js::tokenize(a.str("code")?.unwrap_or(""));
        for method in ["log", "info", "warn", "error", "debug"] {
            for (line, col) in js::calls(&toks, &["console", method]) {
                let start = toks
                    .iter()
                    .position(|t| t.line == line && t.column == col)
                    .unwrap_or(0);
                let mut depth = 0i32;
                let mut leaks = false;
                for t in toks.iter().skip(start + 3) {
                    match t.tok {
                        Tok::Punct('(') => depth += 1,
                        Tok::Punct(')') if depth == 0 => break,
                        Tok::Punct(')') => depth -= 1,
                        Tok::Ident("secrets" | "access_token" | "refresh_token") => leaks = true,
                        _ => {}
                    }
                }
                if leaks {
                    cx.emit(
                        Status::Fail,
                        r,
                        "secret_logged",
                        format!("code:{line}:{col}"),
                        Some(format!("line {line}")),
                        format!(
                            "Action {} logs a secret or token at line {line}",
                            r.display()
                        ),
                    );
                }
            }
        }
        Ok(())
    });
}
