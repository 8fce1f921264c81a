//! Deputy: brute-force threshold.
use crate::check::{Cx, Status};
use crate::snapshot::SectionId;

check!(BruteForceThreshold {
    code: "AUTH0-ATTACK-101",
    peer: None,
    title: "Brute-force lockout threshold is high",
    area: AttackProtection,
    severity: Medium,
    reason: "Each allowed attempt is a guess of the most common passwords; above 10 the protection admits spraying of a useful list.",
    description: "Reads `brute_force_protection.max_attempts` (default 10); reports above 10.",
    remediation: "Lock out after at most 10 failed attempts.",
    docs: ["https://auth0.com/docs/secure/attack-protection/brute-force-protection"],
    reads: [BruteForce],
});

fn run(cx: &mut Cx<'_>) {
    let Some(Some(o)) = cx.single(SectionId::BruteForce) else {
        return;
    };
    match o.num("max_attempts") {
        Ok(Some(n)) if n > 10.0 => cx.tenant_detail(
            Status::Fail,
            "brute_force_threshold_high",
            "brute_force_protection.max_attempts",
            Some(n.to_string()),
            format!("accounts lock after {n} failed attempts"),
        ),
        Ok(_) => {}
        Err(m) => {
            let r = cx.tenant();
            cx.malformed(&r, &m);
        }
    }
}
