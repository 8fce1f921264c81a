//! checkGrantTypes.
use crate::check::{Cx, Status};
use crate::checks::common::grants;
use crate::model::Kind;
use crate::snapshot::SectionId;

check!(GrantTypes {
    code: "AUTH0-CLIENT-005",
    peer: Some("checkGrantTypes"),
    title: "Application allows grants its type does not need",
    area: Applications,
    severity: High,
    reason: "CheckMate: High. Implicit and password grants expose tokens or credentials; extra grants widen what a stolen client can do.",
    description: "Compares each client's `grant_types` with an allow-list per `app_type` (regular_web: authorization_code, refresh_token, client_credentials; spa: authorization_code, refresh_token; native: + device_code; non_interactive: client_credentials).",
    remediation: "Turn off implicit, password and any other grant the application does not use.",
    docs: ["https://auth0.com/docs/get-started/applications/application-grant-types"],
    reads: [Clients],
});

const DEVICE: &str = "urn:ietf:params:oauth:grant-type:device_code";

fn allowed(app: &str) -> &'static [&'static str] {
    match app {
        "regular_web" => &["authorization_code", "refresh_token", "client_credentials"],
        "spa" => &["authorization_code", "refresh_token"],
        "native" => &["authorization_code", "refresh_token", DEVICE, "device_code"],
        "non_interactive" => &["client_credentials"],
        _ => &["authorization_code", "refresh_token"],
    }
}

fn run(cx: &mut Cx<'_>) {
    let Some(clients) = cx.list(SectionId::Clients) else {
        return;
    };
    cx.each(&clients, Kind::Client, |cx, c, r| {
        let app = c.str("app_type")?.unwrap_or("");
        let ok = allowed(app);
        let extra: Vec<&str> = grants(c)?.into_iter().filter(|g| !ok.contains(g)).collect();
        if !extra.is_empty() {
            let list = extra.join(", ");
            cx.emit(
                Status::Fail,
                r,
                "unexpected_grant_type_for_app_type",
                "grant_types",
                Some(list.clone()),
                format!("{} ({app}) allows {list}", r.display()),
            );
        }
        Ok(())
    });
}
