//! checkSuspiciousIPThrottling.
use crate::check::{Cx, Status};
use crate::checks::common::required;
use crate::snapshot::SectionId;

check!(SuspiciousIpThrottling {
    code: "AUTH0-ATTACK-003",
    peer: Some("checkSuspiciousIPThrottling"),
    title: "Suspicious IP throttling is off or incomplete",
    area: AttackProtection,
    severity: Medium,
    reason: "CheckMate labels it Info; Deputy rates it Medium because it is the control against credential stuffing from one source.",
    description: "Reads `suspicious_ip_throttling`: reports disabled, missing `block` or `admin_notification` shields, and a non-empty allowlist. Missing `shields` or `allowlist` is a diagnostic.",
    remediation: "Enable suspicious IP throttling with block and admin notification, and no allowlist.",
    docs: ["https://auth0.com/docs/secure/attack-protection/suspicious-ip-throttling"],
    reads: [SuspiciousIp],
});

fn run(cx: &mut Cx<'_>) {
    let Some(o) = cx.single(SectionId::SuspiciousIp) else {
        return;
    };
    let o = o.unwrap_or_else(crate::model::Obj::empty);
    let t = cx.tenant();
    let res = (|| {
        Ok::<_, crate::model::Malformed>((
            o.bool("enabled")?,
            required(o.strs("shields"), "shields", "an array of strings")?,
            required(o.strs("allowlist"), "allowlist", "an array of strings")?,
        ))
    })();
    let (enabled, shields, allow) = match res {
        Ok(v) => v,
        Err(m) => return cx.malformed(&t, &m),
    };
    if enabled == Some(true) {
        cx.tenant_detail(
            Status::Pass,
            "enabled",
            "suspicious_ip_throttling.enabled",
            None,
            "enabled".into(),
        );
    } else {
        cx.tenant_detail(
            Status::Fail,
            "disabled",
            "suspicious_ip_throttling.enabled",
            Some("false".into()),
            "suspicious IP throttling is disabled".into(),
        );
    }
    let missing: Vec<&str> = ["block", "admin_notification"]
        .into_iter()
        .filter(|s| !shields.contains(s))
        .collect();
    if missing.is_empty() {
        cx.tenant_detail(
            Status::Pass,
            "shieldsConfigured",
            "suspicious_ip_throttling.shields",
            None,
            "both shields on".into(),
        );
    } else {
        cx.tenant_detail(
            Status::Fail,
            "shieldsMissing",
            "suspicious_ip_throttling.shields",
            Some(missing.join(", ")),
            format!("suspicious IP throttling lacks {}", missing.join(", ")),
        );
    }
    if allow.is_empty() {
        cx.tenant_detail(
            Status::Pass,
            "allowlistEmpty",
            "suspicious_ip_throttling.allowlist",
            None,
            "no allowlist".into(),
        );
    } else {
        cx.tenant_detail(
            Status::Fail,
            "allowlistPresent",
            "suspicious_ip_throttling.allowlist",
            Some(allow.join(", ")),
            format!("{} address(es) bypass throttling", allow.len()),
        );
    }
}
