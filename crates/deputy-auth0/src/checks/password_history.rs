//! checkPasswordHistory.
use crate::check::{Cx, Status};
use crate::checks::common::no_databases;
use crate::model::Kind;

check!(PasswordHistory {
    code: "AUTH0-DB-003",
    peer: Some("checkPasswordHistory"),
    title: "Password history is disabled",
    area: Databases,
    severity: Low,
    reason: "CheckMate: Low. Reusing a previous (possibly leaked) password after a reset is blocked only by history.",
    description: "Reads `options.password_history.enable`; reports when the object is present and disabled.",
    remediation: "Enable password history.",
    docs: ["https://auth0.com/docs/authenticate/database-connections/password-options"],
    reads: [Connections],
});

fn run(cx: &mut Cx<'_>) {
    let Some(dbs) = cx.databases() else { return };
    if dbs.is_empty() {
        return no_databases(cx);
    }
    cx.each(&dbs, Kind::Connection, |cx, c, r| {
        if let Some(h) = c.obj_or_empty("options")?.obj("password_history")? {
            if h.bool("enable")? == Some(true) {
                cx.emit(
                    Status::Pass,
                    r,
                    "password_history_enabled",
                    "options.password_history.enable",
                    h.num("size")?.map(|n| n.to_string()),
                    "password history is on".to_owned(),
                );
            } else {
                cx.emit(
                    Status::Fail,
                    r,
                    "password_history_disabled",
                    "options.password_history.enable",
                    Some("false".into()),
                    format!("connection {} keeps no password history", r.display()),
                );
            }
        }
        Ok(())
    });
}
