//! Deputy: password dictionary.
use crate::check::{Cx, Status};
use crate::model::Kind;

check!(PasswordDictionary {
    code: "AUTH0-CONN-005",
    peer: None,
    title: "Common-password dictionary is off",
    area: Connections,
    severity: Low,
    reason: "Length rules alone accept `Password1234`; the dictionary rejects the passwords attackers try first.",
    description: "Reports database connections whose `options.password_dictionary.enable` is false.",
    remediation: "Enable the password dictionary.",
    docs: [
        "https://auth0.com/docs/authenticate/database-connections/password-options#password-dictionary"
    ],
    reads: [Connections],
});

fn run(cx: &mut Cx<'_>) {
    let Some(dbs) = cx.databases() else { return };
    cx.each(&dbs, Kind::Connection, |cx, c, r| {
        if let Some(d) = c.obj_or_empty("options")?.obj("password_dictionary")?
            && d.bool("enable")? != Some(true)
        {
            cx.emit(
                Status::Fail,
                r,
                "password_dictionary_off",
                "options.password_dictionary.enable",
                Some("false".into()),
                format!("connection {} accepts dictionary passwords", r.display()),
            );
        }
        Ok(())
    });
}
