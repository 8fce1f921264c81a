//! checkEnabledDatabaseCustomization.
use crate::check::{Cx, Status};
use crate::checks::common::no_databases;
use crate::model::Kind;

check!(DatabaseCustomization {
    code: "AUTH0-DB-007",
    peer: Some("checkEnabledDatabaseCustomization"),
    title: "Custom database without import mode",
    area: Databases,
    severity: Info,
    reason: "CheckMate: Info. Every login depends on the external store and its scripts; lazy migration removes that dependency over time.",
    description: "Reads `options.enabledDatabaseCustomization` and `options.import_mode`; reports custom databases that do not import users.",
    remediation: "Use import mode (lazy migration) to move users off the external store.",
    docs: [
        "https://auth0.com/docs/manage-users/user-migration/configure-automatic-migration-from-your-database"
    ],
    reads: [Connections],
});

fn run(cx: &mut Cx<'_>) {
    let Some(dbs) = cx.databases() else { return };
    if dbs.is_empty() {
        return no_databases(cx);
    }
    cx.each(&dbs, Kind::Connection, |cx, c, r| {
        let o = c.obj_or_empty("options")?;
        if o.bool("enabledDatabaseCustomization")? == Some(true)
            && o.bool("import_mode")? != Some(true)
        {
            cx.emit(
                Status::Fail,
                r,
                "external_user_store",
                "options.import_mode",
                Some("false".into()),
                format!(
                    "connection {} authenticates against an external store",
                    r.display()
                ),
            );
        }
        Ok(())
    });
}
