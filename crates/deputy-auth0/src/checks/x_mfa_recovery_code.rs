//! Deputy: recovery codes.
use crate::check::{Cx, Status};
use crate::snapshot::SectionId;

check!(MfaRecoveryCode {
    code: "AUTH0-MFA-103",
    peer: None,
    title: "MFA is on without recovery codes",
    area: Mfa,
    severity: Info,
    reason: "Without recovery codes, a lost device means a help-desk reset, the step social engineers target.",
    description: "When some factor is enabled, reports `recovery-code` not enabled.",
    remediation: "Enable the recovery-code factor.",
    docs: [
        "https://auth0.com/docs/secure/multi-factor-authentication/configure-recovery-codes-for-mfa"
    ],
    reads: [GuardianFactors],
});

fn run(cx: &mut Cx<'_>) {
    let Some(factors) = cx.list(SectionId::GuardianFactors) else {
        return;
    };
    let on = |n: &str| {
        factors.iter().any(|f| {
            f.str("name").ok().flatten() == Some(n)
                && f.bool("enabled").ok().flatten() == Some(true)
        })
    };
    let any = factors.iter().any(|f| {
        f.bool("enabled").ok().flatten() == Some(true)
            && f.str("name").ok().flatten() != Some("recovery-code")
    });
    if any && !on("recovery-code") {
        cx.tenant_detail(
            Status::Fail,
            "recovery_codes_off",
            "guardian_factors.recovery-code",
            None,
            "MFA has no recovery codes".into(),
        );
    }
}
