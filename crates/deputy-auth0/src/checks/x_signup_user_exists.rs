//! Deputy: signup reveals existing users.
use crate::check::{Cx, Status};
use crate::checks::common::tenant;

check!(SignupUserExists {
    code: "AUTH0-TENANT-104",
    peer: None,
    title: "Public signup reveals that a user exists",
    area: Tenant,
    severity: Low,
    reason: "A distinct \"user exists\" error lets anyone enumerate registered emails.",
    description: "Reports `flags.enable_public_signup_user_exists_error` = true.",
    remediation: "Turn off the user-exists error on public signup.",
    docs: ["https://auth0.com/docs/get-started/tenant-settings"],
    reads: [TenantSettings],
});

fn run(cx: &mut Cx<'_>) {
    let Some(t) = tenant(cx) else { return };
    match t.bool_at(&["flags"], "enable_public_signup_user_exists_error") {
        Ok(Some(true)) => cx.tenant_detail(
            Status::Fail,
            "signup_user_exists_error",
            "flags.enable_public_signup_user_exists_error",
            Some("true".into()),
            "signup tells whether an account exists".into(),
        ),
        Ok(_) => {}
        Err(m) => {
            let r = cx.tenant();
            cx.malformed(&r, &m);
        }
    }
}
