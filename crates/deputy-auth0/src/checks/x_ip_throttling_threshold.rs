//! Deputy: suspicious-IP thresholds.
use crate::check::{Cx, Status};
use crate::snapshot::SectionId;

check!(IpThrottlingThreshold {
    code: "AUTH0-ATTACK-102",
    peer: None,
    title: "Suspicious IP throttling thresholds are high",
    area: AttackProtection,
    severity: Low,
    reason: "Auth0's defaults (100 login failures, 50 signups per IP) are the upper bound of a useful throttle; above them stuffing runs freely.",
    description: "Reads `suspicious_ip_throttling.stage.pre-login.max_attempts` and `pre-user-registration.max_attempts`; reports above 100 and 50.",
    remediation: "Lower the thresholds to the defaults or below.",
    docs: ["https://auth0.com/docs/secure/attack-protection/suspicious-ip-throttling"],
    reads: [SuspiciousIp],
});

fn run(cx: &mut Cx<'_>) {
    let Some(Some(o)) = cx.single(SectionId::SuspiciousIp) else {
        return;
    };
    let t = cx.tenant();
    for (stage, limit) in [("pre-login", 100.0), ("pre-user-registration", 50.0)] {
        match o.num_at(&["stage", stage], "max_attempts") {
            Ok(Some(n)) if n > limit => cx.tenant_detail(
                Status::Fail,
                "ip_throttling_threshold_high",
                format!("suspicious_ip_throttling.stage.{stage}.max_attempts"),
                Some(n.to_string()),
                format!("{stage} throttling allows {n} attempts per IP (limit {limit})"),
            ),
            Ok(_) => {}
            Err(m) => cx.malformed(&t, &m),
        }
    }
}
