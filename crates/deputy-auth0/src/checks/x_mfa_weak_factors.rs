//! Deputy: weak MFA factors.
use crate::check::{Cx, Status};
use crate::model::{Kind, ObjRef};
use crate::snapshot::SectionId;

check!(WeakMfaFactors {
    code: "AUTH0-MFA-101",
    peer: None,
    title: "A weak MFA factor (SMS, voice or email) is enabled",
    area: Mfa,
    severity: Medium,
    reason: "SMS is open to SIM swapping and interception; email as a second factor is often the same account being recovered. NIST SP 800-63B restricts them.",
    description: "Reports enabled `sms` and `email` Guardian factors.",
    remediation: "Prefer WebAuthn, push or OTP apps; disable SMS and email factors where possible.",
    docs: [
        "https://auth0.com/docs/secure/multi-factor-authentication/multi-factor-authentication-factors"
    ],
    reads: [GuardianFactors],
});

fn run(cx: &mut Cx<'_>) {
    let Some(factors) = cx.list(SectionId::GuardianFactors) else {
        return;
    };
    for f in factors {
        let name = f.str("name").ok().flatten().unwrap_or("");
        if matches!(name, "sms" | "email") && f.bool("enabled").ok().flatten() == Some(true) {
            let r = ObjRef::new(Kind::GuardianFactor, name, Some(name));
            cx.emit(
                Status::Fail,
                &r,
                "weak_mfa_factor",
                "enabled",
                Some(name.to_owned()),
                format!("the `{name}` MFA factor is enabled"),
            );
        }
    }
}
