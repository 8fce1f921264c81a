//! checkPasswordNoPersonalInfo.
use crate::check::{Cx, Status};
use crate::checks::common::no_databases;
use crate::model::Kind;

check!(PasswordNoPersonalInfo {
    code: "AUTH0-DB-004",
    peer: Some("checkPasswordNoPersonalInfo"),
    title: "Passwords may contain the user's personal data",
    area: Databases,
    severity: Medium,
    reason: "CheckMate: Moderate. Names and emails in passwords are the first guesses of targeted attacks.",
    description: "Reads `options.password_no_personal_info.enable`; reports when the object is present and disabled.",
    remediation: "Block personal data in passwords.",
    docs: ["https://auth0.com/docs/authenticate/database-connections/password-options"],
    reads: [Connections],
});

fn run(cx: &mut Cx<'_>) {
    let Some(dbs) = cx.databases() else { return };
    if dbs.is_empty() {
        return no_databases(cx);
    }
    cx.each(&dbs, Kind::Connection, |cx, c, r| {
        if let Some(h) = c
            .obj_or_empty("options")?
            .obj("password_no_personal_info")?
        {
            if h.bool("enable")? == Some(true) {
                cx.emit(
                    Status::Pass,
                    r,
                    "password_no_personal_info_enable",
                    "options.password_no_personal_info.enable",
                    None,
                    "on".to_owned(),
                );
            } else {
                cx.emit(
                    Status::Fail,
                    r,
                    "password_no_personal_info_disabled",
                    "options.password_no_personal_info.enable",
                    Some("false".into()),
                    format!(
                        "connection {} allows personal data in passwords",
                        r.display()
                    ),
                );
            }
        }
        Ok(())
    });
}
