//! checkPasswordComplexity.
use crate::check::{Cx, Status};
use crate::checks::common::no_databases;
use crate::model::Kind;

check!(PasswordComplexity {
    code: "AUTH0-DB-002",
    peer: Some("checkPasswordComplexity"),
    title: "Minimum password length is below 12",
    area: Databases,
    severity: Medium,
    reason: "CheckMate: Moderate. Length is the strongest password property; NIST and OWASP recommend long passphrases.",
    description: "Reads `options.password_complexity_options.min_length`; reports when the object is missing or the length is below 12.",
    remediation: "Set a minimum password length of at least 12.",
    docs: ["https://auth0.com/docs/authenticate/database-connections/password-options"],
    reads: [Connections],
});

fn run(cx: &mut Cx<'_>) {
    let Some(dbs) = cx.databases() else { return };
    if dbs.is_empty() {
        return no_databases(cx);
    }
    cx.each(&dbs, Kind::Connection, |cx, c, r| {
        let min = match c
            .obj_or_empty("options")?
            .obj("password_complexity_options")?
        {
            Some(o) => o.num("min_length")?,
            None => None,
        };
        match min {
            None => cx.emit(
                Status::Fail,
                r,
                "password_complexity_not_configured",
                "options.password_complexity_options",
                None,
                format!("connection {} sets no password complexity", r.display()),
            ),
            Some(n) if n >= 12.0 => cx.emit(
                Status::Pass,
                r,
                "password_min_length_success",
                "options.password_complexity_options.min_length",
                Some(n.to_string()),
                format!("minimum length {n}"),
            ),
            Some(n) => cx.emit(
                Status::Fail,
                r,
                "password_min_length_fail",
                "options.password_complexity_options.min_length",
                Some(n.to_string()),
                format!(
                    "connection {} allows passwords of {n} characters",
                    r.display()
                ),
            ),
        }
        Ok(())
    });
}
