//! What the PodSecurityPolicy, namespace, ServiceAccount and RBAC checks share for
//! Terraform's `kubernetes_*` resources. Checkov's Terraform checks for these ids read a
//! policy's settings from its first `spec` block (`spec { host_pid = true }`), where its
//! manifest checks read `spec.hostPID`; this module reads them the same way, keeping a
//! value the front end could not resolve apart from a value that is set.

use super::tf::block;
use crate::check::Verdict;
use crate::model::{Resource, Truth, Value};

/// Whether a value names, may name, or does not name a wanted string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Match {
    Yes,
    Maybe,
    No,
}

/// Whether `v` is the string `wanted`: `Maybe` when it is unresolved.
pub(crate) fn is_str(v: Option<&Value>, wanted: &str) -> Match {
    match v {
        Some(Value::String(s)) if s == wanted => Match::Yes,
        Some(v) if v.is_unknown() => Match::Maybe,
        _ => Match::No,
    }
}

/// Whether a list attribute holds one of `wanted` as an element: `Maybe` when it, or one
/// of its elements, is unresolved and none matched.
pub(crate) fn holds_any(v: Option<&Value>, wanted: &[&str]) -> Match {
    let Some(v) = v else {
        return Match::No;
    };
    if v.is_unknown() {
        return Match::Maybe;
    }
    let mut maybe = false;
    for item in v.items() {
        match item {
            Value::String(s) if wanted.contains(&s.as_str()) => return Match::Yes,
            other if other.is_unknown() => maybe = true,
            _ => {}
        }
    }
    if maybe { Match::Maybe } else { Match::No }
}

/// A policy's boolean `spec` setting that must not be on (`host_pid`, `host_ipc`,
/// `host_network`, `allow_privilege_escalation`), judged as Checkov's Terraform checks do:
/// unset (or no `spec` block at all) or `false` passes, `true` fails, and an unresolved
/// value (or one that is not a boolean) gives no verdict.
pub(crate) fn forbid_true(r: &Resource, key: &str) -> Verdict {
    let Some(spec) = block(&r.config, "spec") else {
        return Verdict::Pass;
    };
    if spec.is_unknown() {
        return Verdict::Unknown;
    }
    match spec.get(key) {
        None | Some(Value::Null) => Verdict::Pass,
        Some(v) => match v.truth() {
            Truth::False => Verdict::Pass,
            Truth::True => Verdict::fail(format!("the policy sets `{key} = true`")),
            Truth::Unknown => Verdict::Unknown,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::k8s::tf::resource;

    #[test]
    fn switches_and_strings() {
        let psp = |spec: &str| {
            resource(&format!(
                "resource \"kubernetes_pod_security_policy\" \"p\" {{\n  spec {{\n{spec}\n  }}\n}}\n"
            ))
        };
        assert_eq!(
            forbid_true(&psp("    host_pid = true"), "host_pid"),
            Verdict::fail("the policy sets `host_pid = true`")
        );
        assert_eq!(
            forbid_true(&psp("    host_pid = false"), "host_pid"),
            Verdict::Pass
        );
        assert_eq!(
            forbid_true(&psp("    host_ipc = true"), "host_pid"),
            Verdict::Pass
        );
        assert_eq!(
            forbid_true(&psp("    host_pid = var.pid"), "host_pid"),
            Verdict::Unknown
        );
        let bare = resource("resource \"kubernetes_pod_security_policy\" \"p\" {\n}\n");
        assert_eq!(forbid_true(&bare, "host_pid"), Verdict::Pass);
        let caps = Value::List(vec![Value::String("KILL".into()), Value::unknown()]);
        assert_eq!(holds_any(Some(&caps), &["ALL"]), Match::Maybe);
        assert_eq!(holds_any(Some(&caps), &["KILL"]), Match::Yes);
        assert_eq!(holds_any(None, &["KILL"]), Match::No);
        assert_eq!(is_str(Some(&Value::unknown()), "default"), Match::Maybe);
        assert_eq!(
            is_str(Some(&Value::String("default".into())), "default"),
            Match::Yes
        );
    }
}
