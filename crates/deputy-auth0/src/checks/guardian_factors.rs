//! checkGuardianFactors.
use crate::check::{Cx, Status};
use crate::snapshot::SectionId;

check!(GuardianFactors {
    code: "AUTH0-MFA-001",
    peer: Some("checkGuardianFactors"),
    title: "No MFA factor is enabled",
    area: Mfa,
    severity: Medium,
    reason: "CheckMate: Moderate. Without any factor, MFA cannot be required at all.",
    description: "Reads `guardian_factors`; reports when none is enabled.",
    remediation: "Enable strong factors (WebAuthn, OTP, push).",
    docs: [
        "https://auth0.com/docs/secure/multi-factor-authentication/multi-factor-authentication-factors"
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
    if on.is_empty() {
        cx.tenant_detail(
            Status::Fail,
            "mfa_factors_not_enabled",
            "guardian_factors",
            None,
            "no MFA factor is enabled".into(),
        );
    } else {
        cx.tenant_detail(
            Status::Pass,
            "mfa_factors_enabled",
            "guardian_factors",
            Some(on.concat()),
            format!("enabled: {}", on.join(", ")),
        );
    }
}
