//! checkPasswordPolicy.
use crate::check::{Cx, Status};
use crate::checks::common::no_databases;
use crate::model::Kind;

check!(PasswordPolicy {
    code: "AUTH0-DB-001",
    peer: Some("checkPasswordPolicy"),
    title: "Database password policy is weak",
    area: Databases,
    severity: High,
    reason: "CheckMate: High. Weak policies allow guessable passwords, the first target of credential stuffing.",
    description: "Reads `options.passwordPolicy` of each database connection; reports none, low, fair or missing.",
    remediation: "Set the password policy to good or excellent.",
    docs: ["https://auth0.com/docs/authenticate/database-connections/password-strength"],
    reads: [Connections],
});

fn run(cx: &mut Cx<'_>) {
    let Some(dbs) = cx.databases() else { return };
    if dbs.is_empty() {
        return no_databases(cx);
    }
    cx.each(&dbs, Kind::Connection, |cx, c, r| {
        let p = c.obj_or_empty("options")?.str("passwordPolicy")?;
        match p {
            Some(v @ ("good" | "excellent")) => cx.emit(
                Status::Pass,
                r,
                "password_policy",
                "options.passwordPolicy",
                Some(v.to_owned()),
                format!("policy is {v}"),
            ),
            other => {
                let v = other.unwrap_or("none");
                cx.emit(
                    Status::Fail,
                    r,
                    "password_policy",
                    "options.passwordPolicy",
                    Some(v.to_owned()),
                    format!("connection {} has password policy `{v}`", r.display()),
                );
            }
        }
        Ok(())
    });
}
