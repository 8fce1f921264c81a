//! checkGuardianPolicy.
use crate::check::{Cx, Status};
use crate::snapshot::SectionId;
use serde_json::Value;

check!(GuardianPolicy {
    code: "AUTH0-MFA-002",
    peer: Some("checkGuardianPolicy"),
    title: "MFA policy is Never",
    area: Mfa,
    severity: Info,
    reason: "CheckMate: Info. MFA may still be enforced in a post-login Action, which this policy does not show.",
    description: "Reads `guardian_policies` (a list of strings; CheckMate also accepts `{policies: [...]}`); reports an empty list.",
    remediation: "Set MFA to always or adaptive, or enforce it in a post-login Action.",
    docs: ["https://auth0.com/docs/secure/multi-factor-authentication/enable-mfa"],
    reads: [GuardianPolicies],
});

fn run(cx: &mut Cx<'_>) {
    let Some(v) = cx.raw(SectionId::GuardianPolicies) else {
        return;
    };
    let list = match v {
        Value::Array(a) => Some(a),
        Value::Object(m) => match m.get("policies") {
            Some(Value::Array(a)) => Some(a),
            None => None,
            Some(_) => None,
        },
        _ => None,
    };
    let names: Vec<&str> = list
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    if names.is_empty() {
        cx.tenant_detail(
            Status::Fail,
            "mfa_policy_set_to_never",
            "guardian_policies",
            Some("Never".into()),
            "the MFA policy is Never".into(),
        );
    } else {
        let label = if names.contains(&"all-applications") {
            "Always"
        } else {
            "Adaptive"
        };
        cx.tenant_detail(
            Status::Pass,
            "mfa_policy_set",
            "guardian_policies",
            Some(label.into()),
            format!("MFA policy: {}", names.join(", ")),
        );
    }
}
