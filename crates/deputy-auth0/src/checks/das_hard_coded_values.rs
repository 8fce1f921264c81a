//! checkDASHardCodedValues.
use crate::check::{Cx, Status};
use crate::checks::common::{hard_coded, no_databases};
use crate::model::Kind;

check!(DatabaseScriptSecrets {
    code: "AUTH0-DB-008",
    peer: Some("checkDASHardCodedValues"),
    title: "Custom database script hard-codes values",
    area: Databases,
    severity: Medium,
    reason: "CheckMate: Moderate. Database credentials in scripts are readable by every dashboard admin and end up in exports.",
    description: "When database customization is on, scans each `options.customScripts` script for variables and object properties initialised with a non-trivial string literal.",
    remediation: "Move secrets to the connection's configuration variables (`configuration.*`).",
    docs: [
        "https://auth0.com/docs/authenticate/database-connections/custom-db/create-db-connection"
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
        if o.bool("enabledDatabaseCustomization")? != Some(true) {
            return Ok(());
        }
        let Some(scripts) = o.obj("customScripts")? else {
            return Ok(());
        };
        for (name, code) in scripts.map() {
            let Some(code) = code.as_str() else { continue };
            for b in hard_coded(code, true) {
                cx.emit(
                    Status::Fail,
                    r,
                    "hard_coded_value_detected",
                    format!("options.customScripts.{name}:{}", b.name),
                    Some(format!("line {}, column {}", b.line, b.column)),
                    format!(
                        "script `{name}` of {} hard-codes `{}` (line {})",
                        r.display(),
                        b.name,
                        b.line
                    ),
                );
            }
        }
        Ok(())
    });
}
