//! checkBotDetectionSetting.
use crate::check::{Cx, Status};
use crate::snapshot::SectionId;

check!(BotDetection {
    code: "AUTH0-ATTACK-004",
    peer: Some("checkBotDetectionSetting"),
    title: "Bot detection is off for a flow",
    area: AttackProtection,
    severity: Info,
    reason: "CheckMate: Info. Bot detection adds a CAPTCHA against scripted attacks; it needs an add-on on some plans.",
    description: "Reads `bot_detection` (`policy`, `passwordless_policy`, `password_reset_policy`, `allowlist`); reports each policy that is `off` and a non-empty allowlist. An empty object is not judged.",
    remediation: "Turn bot detection on for password, passwordless and password-reset flows.",
    docs: ["https://auth0.com/docs/secure/attack-protection/bot-detection"],
    reads: [BotDetection],
});

fn run(cx: &mut Cx<'_>) {
    let Some(Some(o)) = cx.single(SectionId::BotDetection) else {
        return;
    };
    if o.is_empty() {
        return;
    }
    let t = cx.tenant();
    for key in ["policy", "passwordless_policy", "password_reset_policy"] {
        match o.str(key) {
            Ok(Some("off")) => cx.tenant_detail(
                Status::Fail,
                format!("{key}_disabled"),
                format!("bot_detection.{key}"),
                Some("off".into()),
                format!("bot detection `{key}` is off"),
            ),
            Ok(_) => {}
            Err(m) => cx.malformed(&t, &m),
        }
    }
    match o.strs_or_empty("allowlist") {
        Ok(a) if a.is_empty() => cx.tenant_detail(
            Status::Pass,
            "allowlistEmpty",
            "bot_detection.allowlist",
            None,
            "no address bypasses bot detection".into(),
        ),
        Ok(a) => cx.tenant_detail(
            Status::Fail,
            "allowlistPresent",
            "bot_detection.allowlist",
            Some(a.join(", ")),
            format!("{} address(es) bypass bot detection", a.len()),
        ),
        Err(m) => cx.malformed(&t, &m),
    }
}
