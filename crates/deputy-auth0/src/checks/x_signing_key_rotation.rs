//! Deputy: signing-key age.
use crate::check::{Cx, DiagnosticKind, Status};
use crate::model::Kind;
use crate::snapshot::SectionId;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

check!(SigningKeyRotation {
    code: "AUTH0-KEY-001",
    peer: None,
    title: "Token signing key has not been rotated for a year",
    area: Keys,
    severity: Medium,
    reason: "A long-lived signing key has had more chances to leak (exports, backups); rotation limits how long a leaked key can mint tokens.",
    description: "Reads the `current` key of `signing_keys` and its `current_since`; reports more than 365 days before the scan time.",
    remediation: "Rotate the tenant's signing key (after making sure apps fetch keys from the JWKS endpoint).",
    docs: ["https://auth0.com/docs/get-started/tenant-settings/signing-keys/rotate-signing-keys"],
    reads: [SigningKeys],
});

fn run(cx: &mut Cx<'_>) {
    let Some(keys) = cx.list(SectionId::SigningKeys) else {
        return;
    };
    let Some(now) = cx.now else {
        cx.diagnostic(
            DiagnosticKind::MissingInput,
            None,
            None,
            "signing-key age was not judged: the scan was given no time".into(),
        );
        return;
    };
    cx.each(&keys, Kind::SigningKey, |cx, k, r| {
        if k.bool("current")? != Some(true) {
            return Ok(());
        }
        let Some(since) = k.str("current_since")? else {
            return Ok(());
        };
        let Ok(t) = OffsetDateTime::parse(since, &Rfc3339) else {
            return Err(crate::model::Malformed {
                path: "current_since".into(),
                expected: "an RFC 3339 time",
                found: "another string",
            });
        };
        let days = (now - t).whole_days();
        if days > 365 {
            cx.emit(
                Status::Fail,
                r,
                "signing_key_old",
                "current_since",
                Some(since.to_owned()),
                format!("the current signing key is {days} days old"),
            );
        }
        Ok(())
    });
}
