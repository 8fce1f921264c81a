//! checkPreRegistrationUserEnumeration.
use crate::check::{Cx, Status};
use crate::checks::common::{actions, triggers};
use crate::js;
use crate::model::Kind;

check!(PreRegistrationEnumeration {
    code: "AUTH0-EXT-006",
    peer: Some("checkPreRegistrationUserEnumeration"),
    title: "Pre-registration Action may reveal existing accounts",
    area: Extensibility,
    severity: Low,
    reason: "CheckMate: Low. A specific deny reason at signup tells an attacker which emails have accounts.",
    description: "Reports each `api.access.deny(...)` call in pre-user-registration Actions for review.",
    remediation: "Return generic signup errors that do not reveal whether an account exists.",
    docs: [
        "https://auth0.com/docs/customize/actions/explore-triggers/signup-and-login-triggers/pre-user-registration-trigger"
    ],
    reads: [Actions],
});

fn run(cx: &mut Cx<'_>) {
    let Some(list) = actions(cx) else { return };
    cx.each(&list, Kind::Action, |cx, a, r| {
        if !triggers(a).contains(&"pre-user-registration") {
            return Ok(());
        }
        let toks = js::tokenize(a.str("code")?.unwrap_or(""));
        for (line, col) in js::calls(&toks, &["api", "access", "deny"]) {
            cx.emit(
                Status::Warn,
                r,
                "user_enumeration_vulnerability",
                format!("code:{line}:{col}"),
                Some(format!("line {line}, column {col}")),
                format!("Action {} denies signup at line {line}", r.display()),
            );
        }
        Ok(())
    });
}
