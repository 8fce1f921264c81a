//! checkBruteForce.
use crate::check::{Cx, Status};
use crate::checks::common::required;
use crate::snapshot::SectionId;

check!(BruteForce {
    code: "AUTH0-ATTACK-002",
    peer: Some("checkBruteForce"),
    title: "Brute-force protection is off or incomplete",
    area: AttackProtection,
    severity: Medium,
    reason: "CheckMate labels it Info; Deputy rates it Medium because without blocking, online password guessing against one account is unlimited.",
    description: "Reads `brute_force_protection`: reports disabled, missing `block` or `user_notification` shields, a non-empty allowlist, and a mode other than `count_per_identifier`. Missing `shields` or `allowlist` is a diagnostic (CheckMate crashes).",
    remediation: "Enable brute-force protection with both shields, identifier-based lockout and an empty allowlist.",
    docs: ["https://auth0.com/docs/secure/attack-protection/brute-force-protection"],
    reads: [BruteForce],
});

fn run(cx: &mut Cx<'_>) {
    let Some(o) = cx.single(SectionId::BruteForce) else {
        return;
    };
    let o = o.unwrap_or_else(crate::model::Obj::empty);
    let t = cx.tenant();
    let res = (|| {
        Ok::<_, crate::model::Malformed>((
            o.bool("enabled")?,
            required(o.strs("shields"), "shields", "an array of strings")?,
            required(o.strs("allowlist"), "allowlist", "an array of strings")?,
            o.str("mode")?,
        ))
    })();
    let (enabled, shields, allow, mode) = match res {
        Ok(v) => v,
        Err(m) => return cx.malformed(&t, &m),
    };
    if enabled == Some(true) {
        cx.tenant_detail(
            Status::Pass,
            "enabled",
            "brute_force_protection.enabled",
            None,
            "enabled".into(),
        );
    } else {
        cx.tenant_detail(
            Status::Fail,
            "disabled",
            "brute_force_protection.enabled",
            Some("false".into()),
            "brute-force protection is disabled".into(),
        );
    }
    let missing: Vec<&str> = ["block", "user_notification"]
        .into_iter()
        .filter(|s| !shields.contains(s))
        .collect();
    if missing.is_empty() {
        cx.tenant_detail(
            Status::Pass,
            "shieldsConfigured",
            "brute_force_protection.shields",
            None,
            "both shields on".into(),
        );
    } else {
        cx.tenant_detail(
            Status::Fail,
            "shieldsMissing",
            "brute_force_protection.shields",
            Some(missing.join(", ")),
            format!("brute-force protection lacks {}", missing.join(", ")),
        );
    }
    if allow.is_empty() {
        cx.tenant_detail(
            Status::Pass,
            "allowlistEmpty",
            "brute_force_protection.allowlist",
            None,
            "no allowlist".into(),
        );
    } else {
        cx.tenant_detail(
            Status::Fail,
            "allowlistPresent",
            "brute_force_protection.allowlist",
            Some(allow.join(", ")),
            format!("{} address(es) bypass brute-force protection", allow.len()),
        );
    }
    if let Some(m) = mode.filter(|m| *m != "count_per_identifier") {
        cx.tenant_detail(Status::Fail, "enableAccountLockout", "brute_force_protection.mode", Some(m.to_owned()), format!("lockout counts per identifier and IP (`{m}`), so distributed guessing is not stopped"));
    }
}
