//! checkTokenConstrainingResourceServer.
use crate::check::{Cx, Status};
use crate::checks::common::is_system_api;
use crate::model::Kind;
use crate::snapshot::SectionId;

check!(ApiSenderConstraining {
    code: "AUTH0-API-005",
    peer: Some("checkTokenConstrainingResourceServer"),
    title: "API does not require sender-constrained tokens",
    area: Apis,
    severity: Low,
    reason: "CheckMate: Low. DPoP/mTLS binding makes stolen access tokens useless; client support is still limited.",
    description: "Reads `proof_of_possession` of custom APIs; reports when absent or its mechanism is not `dpop` or `mtls`.",
    remediation: "Require DPoP or mTLS for the API.",
    docs: ["https://auth0.com/docs/secure/sender-constraining"],
    reads: [ResourceServers],
});

fn run(cx: &mut Cx<'_>) {
    let Some(apis) = cx.list(SectionId::ResourceServers) else {
        return;
    };
    let custom: Vec<_> = apis.into_iter().filter(|a| !is_system_api(*a)).collect();
    cx.each(&custom, Kind::ResourceServer, |cx, a, r| {
        match a.obj("proof_of_possession")? {
            None => cx.emit(
                Status::Fail,
                r,
                "proof_of_possession",
                "proof_of_possession",
                Some("not_configured".into()),
                format!(
                    "API {} does not require sender-constrained tokens",
                    r.display()
                ),
            ),
            Some(p) => match p.str("mechanism")? {
                Some("dpop" | "mtls") => {}
                None => cx.emit(
                    Status::Fail,
                    r,
                    "proof_of_possession.mechanism",
                    "proof_of_possession.mechanism",
                    Some("not_set".into()),
                    format!("API {} sets no proof-of-possession mechanism", r.display()),
                ),
                Some(m) => cx.emit(
                    Status::Fail,
                    r,
                    "proof_of_possession.mechanism",
                    "proof_of_possession.mechanism",
                    Some(m.to_owned()),
                    format!("API {} uses unknown mechanism `{m}`", r.display()),
                ),
            },
        }
        Ok(())
    });
}
