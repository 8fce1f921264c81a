//! Deputy: likely secrets in Action code.
use crate::check::{Cx, Status};
use crate::checks::common::{actions, hard_coded};
use crate::model::Kind;

check!(ActionSecrets {
    code: "AUTH0-EXT-101",
    peer: None,
    title: "Action code contains a likely secret",
    area: Extensibility,
    severity: High,
    reason: "Unlike AUTH0-EXT-004 (every string), this reports literals that look like credentials: named like one, or in a known key format.",
    description: "Reports string literals bound to names containing secret, password, passwd, token, api_key, apikey or private, and literals starting with known key prefixes (sk_live_, AKIA, xoxb-, ghp_, -----BEGIN).",
    remediation: "Move the value to an Action secret (`event.secrets`) and rotate it.",
    docs: ["https://auth0.com/docs/customize/actions/write-your-first-action#add-a-secret"],
    reads: [Actions],
});

const NAMES: [&str; 7] = [
    "secret", "password", "passwd", "token", "api_key", "apikey", "private",
];
const PREFIXES: [&str; 6] = ["sk_live_", "AKIA", "xoxb-", "xoxp-", "ghp_", "-----BEGIN"];

fn run(cx: &mut Cx<'_>) {
    let Some(list) = actions(cx) else { return };
    cx.each(&list, Kind::Action, |cx, a, r| {
        let code = a.str("code")?.unwrap_or("");
        for b in hard_coded(code, true) {
            let name = b.name.to_ascii_lowercase();
            if NAMES.iter().any(|n| name.contains(n))
                || PREFIXES.iter().any(|p| b.value.starts_with(p))
            {
                cx.emit(
                    Status::Fail,
                    r,
                    "likely_secret_in_code",
                    format!("code:{}", b.name),
                    Some(format!("line {}", b.line)),
                    format!(
                        "Action {} hard-codes a likely secret in `{}` (line {})",
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
