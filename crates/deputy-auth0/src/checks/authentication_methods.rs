//! checkAuthenticationMethods.
use crate::check::{Cx, Status};
use crate::checks::common::{no_databases, required};
use crate::model::Kind;

check!(AuthenticationMethods {
    code: "AUTH0-DB-005",
    peer: Some("checkAuthenticationMethods"),
    title: "Database connection offers passwords but not passkeys",
    area: Databases,
    severity: Medium,
    reason: "CheckMate: Moderate. Passkeys are phishing-resistant; password-only connections are not.",
    description: "Reads `options.authentication_methods.{password,passkey}.enabled`; reports when empty or when passwords are on and passkeys off. A method object without `passkey` is a diagnostic (CheckMate crashes on it).",
    remediation: "Enable passkeys on the database connection.",
    docs: ["https://auth0.com/docs/authenticate/database-connections/passkeys"],
    reads: [Connections],
});

fn run(cx: &mut Cx<'_>) {
    let Some(dbs) = cx.databases() else { return };
    if dbs.is_empty() {
        return no_databases(cx);
    }
    cx.each(&dbs, Kind::Connection, |cx, c, r| {
        let m = c
            .obj_or_empty("options")?
            .obj_or_empty("authentication_methods")?;
        if m.is_empty() {
            cx.emit(
                Status::Fail,
                r,
                "only_password_method",
                "options.authentication_methods",
                None,
                format!(
                    "connection {} configures no authentication methods",
                    r.display()
                ),
            );
            return Ok(());
        }
        let password = m.bool_at(&["password"], "enabled")?.unwrap_or(true);
        let passkey = required(
            m.obj("passkey"),
            "options.authentication_methods.passkey",
            "an object",
        )?;
        if passkey.bool("enabled")? == Some(true) {
            cx.emit(
                Status::Pass,
                r,
                "passkey_enabled",
                "options.authentication_methods.passkey.enabled",
                None,
                "passkeys are on".to_owned(),
            );
        } else if password {
            cx.emit(
                Status::Fail,
                r,
                "only_password_method",
                "options.authentication_methods.passkey.enabled",
                Some("false".into()),
                format!(
                    "connection {} offers passwords but not passkeys",
                    r.display()
                ),
            );
        }
        Ok(())
    });
}
