//! checkBreachedPassword.
use crate::check::{Cx, Status};
use crate::checks::common::required;
use crate::snapshot::SectionId;

check!(BreachedPassword {
    code: "AUTH0-ATTACK-001",
    peer: Some("checkBreachedPassword"),
    title: "Breached password detection is off or does not block",
    area: AttackProtection,
    severity: Medium,
    reason: "CheckMate: Moderate. Known-leaked credentials are the cheapest account takeover.",
    description: "Reads `breached_password_detection`: reports disabled, unknown shields, no `block` at login, signup or password change, unknown notification frequencies or method, and monitoring mode (enabled without shields). Missing `shields` or `stage` is a diagnostic (CheckMate crashes).",
    remediation: "Enable breached password detection with block at every stage.",
    docs: ["https://auth0.com/docs/secure/attack-protection/breached-password-detection"],
    reads: [BreachedPassword],
});

const SHIELDS: [&str; 3] = ["user_notification", "admin_notification", "block"];
const FREQ: [&str; 4] = ["immediately", "daily", "weekly", "monthly"];

fn run(cx: &mut Cx<'_>) {
    let Some(o) = cx.single(SectionId::BreachedPassword) else {
        return;
    };
    let o = o.unwrap_or_else(crate::model::Obj::empty);
    let t = cx.tenant();
    let res = (|| {
        let enabled = o.bool("enabled")? == Some(true);
        let shields = required(o.strs("shields"), "shields", "an array of strings")?;
        let stage = required(o.obj("stage"), "stage", "an object")?;
        let pre_user = stage
            .obj("pre-user-registration")?
            .map(|s| s.strs_or_empty("shields"))
            .transpose()?;
        let pre_change = stage
            .obj("pre-change-password")?
            .map(|s| s.strs_or_empty("shields"))
            .transpose()?;
        let freq = o.strs_or_empty("admin_notification_frequency")?;
        let method = o.str("method")?;
        Ok::<_, crate::model::Malformed>((enabled, shields, pre_user, pre_change, freq, method))
    })();
    let (enabled, shields, pre_user, pre_change, freq, method) = match res {
        Ok(v) => v,
        Err(m) => return cx.malformed(&t, &m),
    };
    if enabled {
        cx.tenant_detail(
            Status::Pass,
            "enabled",
            "breached_password_detection.enabled",
            None,
            "enabled".into(),
        );
    } else {
        cx.tenant_detail(
            Status::Fail,
            "disabled",
            "breached_password_detection.enabled",
            Some("false".into()),
            "breached password detection is disabled".into(),
        );
    }
    if !shields.is_empty() {
        if shields.iter().all(|s| SHIELDS.contains(s)) {
            cx.tenant_detail(
                Status::Pass,
                "shields_values",
                "breached_password_detection.shields",
                Some(shields.join(", ")),
                "shields are valid".into(),
            );
        } else {
            cx.tenant_detail(
                Status::Fail,
                "shields_invalid_values",
                "breached_password_detection.shields",
                Some(shields.join(", ")),
                "unknown shield values".into(),
            );
        }
    }
    if !shields.contains(&"block") {
        cx.tenant_detail(
            Status::Fail,
            "stage_login_shields_block_not_configured",
            "breached_password_detection.shields.block",
            None,
            "breached credentials are not blocked at login".into(),
        );
    }
    if pre_user.is_some_and(|s| !s.contains(&"block")) {
        cx.tenant_detail(
            Status::Fail,
            "stage_pre_user_shields_block_not_configured",
            "breached_password_detection.stage.pre-user-registration.shields.block",
            None,
            "breached credentials are not blocked at signup".into(),
        );
    }
    if pre_change.is_some_and(|s| !s.contains(&"block")) {
        cx.tenant_detail(
            Status::Fail,
            "stage_pre_change_password_shields_block_not_configured",
            "breached_password_detection.stage.pre-change-password.shields.block",
            None,
            "breached credentials are not blocked at password change".into(),
        );
    }
    if !freq.is_empty() {
        let bad: Vec<&str> = freq.iter().copied().filter(|f| !FREQ.contains(f)).collect();
        if bad.is_empty() {
            cx.tenant_detail(
                Status::Pass,
                "admin_frequency_values",
                "breached_password_detection.admin_notification_frequency",
                Some(freq.join(", ")),
                "valid".into(),
            );
        } else {
            cx.tenant_detail(
                Status::Fail,
                "admin_frequency_invalid_values",
                "breached_password_detection.admin_notification_frequency",
                Some(bad.join(", ")),
                "unknown notification frequency".into(),
            );
        }
    }
    match method {
        Some(m @ ("standard" | "enhanced")) => cx.tenant_detail(
            Status::Pass,
            "method_value",
            "breached_password_detection.method",
            Some(m.to_owned()),
            "valid".into(),
        ),
        m => cx.tenant_detail(
            Status::Fail,
            "method_invalid_value",
            "breached_password_detection.method",
            m.map(str::to_owned),
            "unknown detection method".into(),
        ),
    }
    if enabled && shields.is_empty() {
        cx.tenant_detail(
            Status::Fail,
            "monitoring_mode",
            "breached_password_detection.shields",
            None,
            "breached password detection only monitors".into(),
        );
    }
}
