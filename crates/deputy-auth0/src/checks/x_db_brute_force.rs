//! Deputy: per-connection brute-force protection.
use crate::check::{Cx, Status};
use crate::model::Kind;

check!(DatabaseBruteForce {
    code: "AUTH0-CONN-004",
    peer: None,
    title: "Brute-force protection is off on a database connection",
    area: Connections,
    severity: High,
    reason: "The per-connection switch overrides the tenant setting: with it off, unlimited password guessing is possible on that connection.",
    description: "Reports `strategy=auth0` connections with `options.brute_force_protection` = false.",
    remediation: "Turn brute-force protection on for the connection.",
    docs: ["https://auth0.com/docs/secure/attack-protection/brute-force-protection"],
    reads: [Connections],
});

fn run(cx: &mut Cx<'_>) {
    let Some(dbs) = cx.databases() else { return };
    cx.each(&dbs, Kind::Connection, |cx, c, r| {
        if c.obj_or_empty("options")?.bool("brute_force_protection")? == Some(false) {
            cx.emit(
                Status::Fail,
                r,
                "connection_brute_force_off",
                "options.brute_force_protection",
                Some("false".into()),
                format!("connection {} has brute-force protection off", r.display()),
            );
        }
        Ok(())
    });
}
