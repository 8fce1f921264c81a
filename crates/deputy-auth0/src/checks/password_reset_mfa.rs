//! checkPasswordResetMFA.
use crate::check::{Cx, Status};
use crate::checks::common::{actions, triggers};
use crate::js;
use crate::model::{Kind, ObjRef};

check!(PasswordResetMfa {
    code: "AUTH0-EXT-007",
    peer: Some("checkPasswordResetMFA"),
    title: "Password reset does not challenge MFA",
    area: Extensibility,
    severity: Medium,
    reason: "CheckMate: Moderate. Whoever controls the mailbox can reset the password and bypass MFA.",
    description: "When a database connection with passwords exists, reports no Actions, no password-reset-post-challenge Action, or such Actions that never call `api.authentication.challengeWith` / `challengeWithAny`.",
    remediation: "Add an MFA challenge to the password-reset flow with a password-reset-post-challenge Action.",
    docs: ["https://auth0.com/docs/customize/actions/explore-triggers/password-reset-triggers"],
    reads: [Connections, Actions],
});

fn run(cx: &mut Cx<'_>) {
    let Some(dbs) = cx.databases() else { return };
    let with_password = dbs.iter().any(|d| {
        matches!(d.str("strategy").ok().flatten(), None | Some("auth0"))
            && d.obj_or_empty("options")
                .and_then(|o| o.at(&["authentication_methods", "password"]))
                .ok()
                .flatten()
                .and_then(|p| p.bool("enabled").ok().flatten())
                != Some(false)
    });
    if !with_password {
        return;
    }
    let Some(list) = actions(cx) else { return };
    let flow = ObjRef::new(
        Kind::Tenant,
        cx.tenant.id.to_string(),
        Some("Password Reset Flow"),
    );
    if list.is_empty() {
        cx.emit(
            Status::Warn,
            &flow,
            "no_actions_configured",
            "actions",
            None,
            "no Actions exist, so password reset never challenges MFA".into(),
        );
        return;
    }
    let resets: Vec<_> = list
        .into_iter()
        .filter(|a| triggers(*a).contains(&"password-reset-post-challenge"))
        .collect();
    if resets.is_empty() {
        cx.emit(
            Status::Warn,
            &flow,
            "no_password_reset_action",
            "actions",
            None,
            "no password-reset-post-challenge Action exists".into(),
        );
        return;
    }
    let challenges = |code: &str| {
        let t = js::tokenize(code);
        !js::calls(&t, &["api", "authentication", "challengeWith"]).is_empty()
            || !js::calls(&t, &["api", "authentication", "challengeWithAny"]).is_empty()
    };
    if resets
        .iter()
        .any(|a| challenges(a.str("code").ok().flatten().unwrap_or("")))
    {
        return;
    }
    cx.each(&resets, Kind::Action, |cx, _a, r| {
        cx.emit(
            Status::Warn,
            r,
            "missing_mfa_step",
            "code",
            None,
            format!("password-reset Action {} never challenges MFA", r.display()),
        );
        Ok(())
    });
}
