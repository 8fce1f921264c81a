//! checkPromotedDBConnection.
use crate::check::{Cx, Status};
use crate::checks::common::no_databases;
use crate::model::Kind;

check!(PromotedDbConnection {
    code: "AUTH0-DB-009",
    peer: Some("checkPromotedDBConnection"),
    title: "Database connection is promoted to domain level",
    area: Databases,
    severity: Low,
    reason: "CheckMate labels it GenAI and reports it always. Deputy reports only a promoted connection: it is open to every application, including third-party and dynamically registered ones.",
    description: "Reads `is_domain_connection` of each database connection; reports promoted ones.",
    remediation: "Review whether a domain-level connection should be available to all (incl. third-party) applications; demote it if not.",
    docs: [
        "https://auth0.com/docs/get-started/applications/confidential-and-public-applications/enable-third-party-applications"
    ],
    reads: [Connections],
});

fn run(cx: &mut Cx<'_>) {
    let Some(dbs) = cx.databases() else { return };
    if dbs.is_empty() {
        return no_databases(cx);
    }
    let mut any = false;
    cx.each(&dbs, Kind::Connection, |cx, c, r| {
        if c.bool("is_domain_connection")? == Some(true) {
            any = true;
            cx.emit(
                Status::Fail,
                r,
                "with_promoted_database_connections",
                "is_domain_connection",
                Some("true".into()),
                format!("connection {} is a domain-level connection", r.display()),
            );
        }
        Ok(())
    });
    if !any {
        cx.tenant_detail(
            Status::Info,
            "no_database_connections_found",
            "is_domain_connection",
            None,
            "no database connection is promoted".to_owned(),
        );
    }
}
