//! checkRefreshToken.
use crate::check::{Cx, Status};
use crate::checks::common::grants;
use crate::model::Kind;
use crate::snapshot::SectionId;

check!(RefreshTokenRotation {
    code: "AUTH0-CLIENT-008",
    peer: Some("checkRefreshToken"),
    title: "Refresh tokens are neither rotating nor expiring",
    area: Applications,
    severity: Medium,
    reason: "CheckMate: Moderate. A stolen non-rotating, non-expiring refresh token works until revoked.",
    description: "For clients with the refresh_token grant, reads `refresh_token.rotation_type` and `expiration_type`; reports a set, non-rotating type without expiration.",
    remediation: "Enable refresh token rotation and expiring refresh tokens.",
    docs: ["https://auth0.com/docs/secure/tokens/refresh-tokens/refresh-token-rotation"],
    reads: [Clients],
});

fn run(cx: &mut Cx<'_>) {
    let Some(clients) = cx.list(SectionId::Clients) else {
        return;
    };
    cx.each(&clients, Kind::Client, |cx, c, r| {
        if !grants(c)?.contains(&"refresh_token") {
            return Ok(());
        }
        let rotation = c.str_at(&["refresh_token"], "rotation_type")?;
        let expiration = c.str_at(&["refresh_token"], "expiration_type")?;
        if let Some(rot) = rotation
            && rot != "rotating"
            && expiration != Some("expiring")
        {
            cx.emit(
                Status::Fail,
                r,
                "use_rotating_refresh_token",
                "refresh_token.rotation_type",
                Some(rot.to_owned()),
                format!(
                    "{} uses {rot} refresh tokens that never expire",
                    r.display()
                ),
            );
        }
        Ok(())
    });
}
