//! Deputy: public clients with secrets.
use crate::check::{Cx, Status};
use crate::model::Kind;
use crate::snapshot::SectionId;

check!(PublicClientSecret {
    code: "AUTH0-CLIENT-105",
    peer: None,
    title: "Public application is set to authenticate with a secret",
    area: Applications,
    severity: Medium,
    reason: "A SPA or native app cannot keep a secret; one shipped in its code is public and lets anyone act as the client at the token endpoint.",
    description: "Reports `spa` and `native` clients whose `token_endpoint_auth_method` is set and not `none`.",
    remediation: "Set the token endpoint authentication method of public applications to `none` and use PKCE.",
    docs: ["https://auth0.com/docs/get-started/applications/confidential-and-public-applications"],
    reads: [Clients],
});

fn run(cx: &mut Cx<'_>) {
    let Some(clients) = cx.list(SectionId::Clients) else {
        return;
    };
    cx.each(&clients, Kind::Client, |cx, c, r| {
        let app = c.str("app_type")?;
        if let (Some(a @ ("spa" | "native")), Some(m)) = (app, c.str("token_endpoint_auth_method")?)
            && m != "none"
        {
            cx.emit(
                Status::Fail,
                r,
                "public_client_with_secret",
                "token_endpoint_auth_method",
                Some(m.to_owned()),
                format!("{} ({a}) authenticates with `{m}`", r.display()),
            );
        }
        Ok(())
    });
}
