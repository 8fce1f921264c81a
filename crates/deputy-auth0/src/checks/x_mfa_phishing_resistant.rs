//! Deputy: no phishing-resistant factor.
use crate::check::{Cx, Status};
use crate::snapshot::SectionId;

check!(PhishingResistantMfa {
    code: "AUTH0-MFA-102",
    peer: None,
    title: "No phishing-resistant MFA factor is enabled",
    area: Mfa,
    severity: Low,
    reason: "OTP and push can be relayed by real-time phishing proxies; only WebAuthn is bound to the origin.",
    description: "When some factor is enabled, reports that neither `webauthn-roaming` nor `webauthn-platform` is.",
    remediation: "Enable WebAuthn (security keys and/or device biometrics).",
    docs: [
        "https://auth0.com/docs/secure/multi-factor-authentication/fido-authentication-with-webauthn"
    ],
    reads: [GuardianFactors],
});

fn run(cx: &mut Cx<'_>) {
    let Some(factors) = cx.list(SectionId::GuardianFactors) else {
        return;
    };
    let on: Vec<&str> = factors
        .iter()
        .filter(|f| f.bool("enabled").ok().flatten() == Some(true))
        .filter_map(|f| f.str("name").ok().flatten())
        .collect();
    if !on.is_empty() && !on.iter().any(|n| n.starts_with("webauthn")) {
        cx.tenant_detail(
            Status::Fail,
            "no_phishing_resistant_factor",
            "guardian_factors",
            Some(on.join(", ")),
            format!("enabled factors ({}) are all phishable", on.join(", ")),
        );
    }
}
