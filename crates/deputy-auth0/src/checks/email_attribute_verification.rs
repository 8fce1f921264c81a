//! checkEmailAttributeVerification.
use crate::check::{Cx, Status};
use crate::checks::common::no_databases;
use crate::model::Kind;

check!(EmailAttributeVerification {
    code: "AUTH0-DB-006",
    peer: Some("checkEmailAttributeVerification"),
    title: "Email is not verified with a one-time code",
    area: Databases,
    severity: Medium,
    reason: "CheckMate: Moderate. Link verification can be pre-fetched by mail scanners and phished; flexible identifiers with OTP bind the address at signup.",
    description: "Reads `options.attributes`; reports when flexible identifiers are off (no attributes) or `attributes.email.verification_method` is not `otp`.",
    remediation: "Use flexible identifiers with OTP email verification.",
    docs: [
        "https://auth0.com/docs/authenticate/database-connections/flexible-identifiers-and-attributes"
    ],
    reads: [Connections],
});

fn run(cx: &mut Cx<'_>) {
    let Some(dbs) = cx.databases() else { return };
    if dbs.is_empty() {
        return no_databases(cx);
    }
    cx.each(&dbs, Kind::Connection, |cx, c, r| {
        let attrs = c.obj_or_empty("options")?.obj_or_empty("attributes")?;
        if attrs.is_empty() {
            cx.emit(
                Status::Fail,
                r,
                "flexible_identifiers_disabled",
                "options.attributes",
                None,
                format!(
                    "connection {} does not use flexible identifiers",
                    r.display()
                ),
            );
        } else if let Some(m) = attrs.str_at(&["email"], "verification_method")?
            && m != "otp"
        {
            cx.emit(
                Status::Fail,
                r,
                "verification_by_link_method",
                "options.attributes.email.verification_method",
                Some(m.to_owned()),
                format!("connection {} verifies email by {m}", r.display()),
            );
        }
        Ok(())
    });
}
