//! checkAPISigningAlgorithm.
use crate::check::{Cx, Status};
use crate::checks::common::is_system_api;
use crate::model::Kind;
use crate::snapshot::SectionId;

check!(ApiSigningAlgorithm {
    code: "AUTH0-API-003",
    peer: Some("checkAPISigningAlgorithm"),
    title: "API access tokens are signed with HS256",
    area: Apis,
    severity: Medium,
    reason: "CheckMate: Moderate. A symmetric key must be shared with every API that validates tokens, each of which can then mint tokens.",
    description: "Reads `signing_alg` of custom APIs; reports HS256.",
    remediation: "Sign access tokens with RS256 or PS256.",
    docs: ["https://auth0.com/docs/get-started/apis/api-settings"],
    reads: [ResourceServers],
});

fn run(cx: &mut Cx<'_>) {
    let Some(apis) = cx.list(SectionId::ResourceServers) else {
        return;
    };
    let custom: Vec<_> = apis.into_iter().filter(|a| !is_system_api(*a)).collect();
    cx.each(&custom, Kind::ResourceServer, |cx, a, r| {
        match a.str("signing_alg")? {
            Some("HS256") => cx.emit(
                Status::Fail,
                r,
                "using_symmetric_alg",
                "signing_alg",
                Some("HS256".into()),
                format!("API {} signs tokens with HS256", r.display()),
            ),
            alg => cx.emit(
                Status::Pass,
                r,
                "using_asymmetric_alg",
                "signing_alg",
                Some(alg.unwrap_or("RS256").to_owned()),
                "asymmetric".into(),
            ),
        }
        Ok(())
    });
}
