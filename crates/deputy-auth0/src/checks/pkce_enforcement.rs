//! checkPKCEEnforcement.
use crate::check::{Cx, Status};
use crate::checks::common::{actions, grants, triggers};
use crate::js;
use crate::model::{Kind, Obj};
use crate::snapshot::SectionId;

check!(PkceEnforcement {
    code: "AUTH0-CLIENT-014",
    peer: Some("checkPKCEEnforcement"),
    title: "Public client code flow is not forced to use PKCE",
    area: Applications,
    severity: Low,
    reason: "CheckMate: Low. Auth0 accepts code flows without PKCE from public clients; an intercepted code can then be redeemed.",
    description: "For `spa` and `native` clients with authorization_code, reports unless a built post-login Action reads `code_challenge` and calls `api.access.deny`.",
    remediation: "Add a post-login Action that denies public-client code flows without a `code_challenge`.",
    docs: [
        "https://auth0.com/docs/get-started/authentication-and-authorization-flow/authorization-code-flow-with-pkce"
    ],
    reads: [Clients, Actions],
});

fn enforces(a: Obj<'_>) -> bool {
    if a.str("status").ok().flatten() != Some("built") || !triggers(a).contains(&"post-login") {
        return false;
    }
    let code = a.str("code").ok().flatten().unwrap_or("");
    let toks = js::tokenize(code);
    js::reads_property(&toks, "code_challenge")
        && !js::calls(&toks, &["api", "access", "deny"]).is_empty()
}

fn run(cx: &mut Cx<'_>) {
    let Some(clients) = cx.list(SectionId::Clients) else {
        return;
    };
    let mut applicable = Vec::new();
    for c in &clients {
        let app = c.str("app_type").ok().flatten();
        if matches!(app, Some("spa" | "native"))
            && grants(*c).is_ok_and(|g| g.contains(&"authorization_code"))
        {
            applicable.push(*c);
        }
    }
    if applicable.is_empty() {
        return;
    }
    let Some(actions) = actions(cx) else { return };
    if actions.iter().any(|a| enforces(*a)) {
        return;
    }
    cx.each(&applicable, Kind::Client, |cx, c, r| {
        let app = c.str("app_type")?.unwrap_or("");
        cx.emit(
            Status::Fail,
            r,
            "pkce_enforcement_action_missing",
            "grant_types.authorization_code",
            Some(app.to_owned()),
            format!(
                "{} ({app}) can complete a code flow without PKCE",
                r.display()
            ),
        );
        Ok(())
    });
}
